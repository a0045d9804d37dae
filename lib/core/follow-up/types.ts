import type { FollowUpPolicySettings } from "@/db/schema/firms";
import type { CallInvitation, InterviewStatus } from "@/lib/core/vocabulary";
import type { Debrief } from "@/db/schema/debriefs";

export type { FollowUpPolicySettings };

/**
 * The inputs mirror db/schema rows (interviews, debriefs, debrief_people,
 * call_logs, firms) so the query layer can fill them without reshaping; only
 * the fields a rule reads are asked for.
 */
export type FollowUpInterview = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: InterviewStatus;
  arrangedByFirm: boolean;
  /** The scheduled interviewers (interview_participants → contacts). */
  interviewers: { contactId: string; name: string }[];
};

export type FollowUpPerson = {
  /** debrief_people.id */
  id: string;
  /**
   * The client contact this person is, when known. Thank-you steps are keyed
   * by it so the step keeps its key when the plan moves from the scheduled
   * interviewers to the debrief's list of people met.
   */
  contactId?: string | null;
  name: string;
  email: string;
  thankYouSent: boolean;
  thankYouSentAt: Date | null;
};

export type FollowUpDebrief = {
  status: Debrief["status"];
  /** The latest submission (an amendment moves it). */
  submittedAt: Date | null;
  /**
   * The first submission: the recruiter's tasks from the debrief (rules 1, 3
   * review, 5) count from it, so an amendment with the same facts keeps their
   * dates. Null falls back to submittedAt.
   */
  firstSubmittedAt: Date | null;
  timelineGiven: Debrief["timelineGiven"];
  /** 'YYYY-MM-DD', a calendar date in the firm's zone. */
  expectedDecisionOn: string | null;
  /** What the interviewer said about calling (rule 4); null when unanswered. */
  callInvitation: CallInvitation | null;
  /** 'YYYY-MM-DD' in the firm's zone: the named day (on_day) or the no-news date (if_no_news). */
  callBy: string | null;
  /** 'HH:MM' in the firm's zone, the time named with on_day; anything else is ignored. */
  callTime: string | null;
  invitedBack: boolean | null;
  invitedBackDetails: string;
  /** Free text, one qualification per line. */
  notMentioned: string;
  people: FollowUpPerson[];
};

export type FollowUpCall = { calledAt: Date };

export type FollowUpFirm = {
  /** IANA zone, e.g. "America/New_York". */
  timeZone: string;
  /** 'YYYY-MM-DD' dates in the firm's zone that are not business days. */
  holidays: readonly string[];
  policy: FollowUpPolicySettings;
};

/**
 * What has happened outside the debrief, so recruiter steps (and the candidate's
 * acceptance of an invitation) can be marked done. A timestamp later than
 * `now` does not count yet: the plan is the plan as it stands at `now`.
 */
export type FollowUpProgress = {
  debriefReviewedAt: Date | null;
  feedbackReceivedAt: Date | null;
  timelineObtainedAt?: Date | null;
  /**
   * When the client's decision (next round, offer or reject; a hold is not
   * one) reached the recruiter: ends the rule 6 wait and closes a call not yet
   * made (rule 4).
   */
  decisionReceivedAt?: Date | null;
  /** When the candidate accepted an invitation to come back (rule 5). */
  invitationAcceptedAt?: Date | null;
};

export type FollowUpInput = {
  interview: FollowUpInterview;
  debrief: FollowUpDebrief | null;
  calls: readonly FollowUpCall[];
  firm: FollowUpFirm;
  progress: FollowUpProgress;
  now: Date;
};

export type PlanRule = 1 | 2 | 3 | 4 | 5 | 6;
export type PlanOwner = "candidate" | "recruiter";

export const PLAN_STEP_KINDS = [
  "get_timeline",
  "thank_you",
  "debrief",
  "review_debrief",
  "collect_feedback",
  "call",
  "no_call",
  "no_visit",
  "accept_invitation",
  "wait",
  "chase_decision",
] as const;
export type PlanStepKind = (typeof PLAN_STEP_KINDS)[number];

export const PLAN_STEP_STATES = ["done", "due", "overdue", "not_allowed", "waiting"] as const;
export type PlanStepState = (typeof PLAN_STEP_STATES)[number];

export type PlanStep = {
  /** Stable across runs: `thank_you:<contactId|personId>`, otherwise the kind. */
  key: string;
  rule: PlanRule;
  owner: PlanOwner;
  kind: PlanStepKind;
  /** Short imperative. */
  title: string;
  /** One plain-language sentence citing the firm's number. */
  reason: string;
  dueAt: Date | null;
  /** The step may not be acted on before this instant (the call; chasing a decision). */
  notBefore?: Date | null;
  state: PlanStepState;
  /** rule 2: qualifications the candidate did not get to mention, to add to the note. */
  suggestions?: string[];
  personId?: string;
  personName?: string;
};

/** Why rule 4 plans the call it plans (or none). */
export type CallReason = "on_day" | "if_no_news" | "promised_date" | "no_date" | "none";

export type PlanWarning = {
  rule: 4;
  code: "second_call" | "call_not_planned" | "call_outside_window";
  message: string;
};

export type Plan = {
  steps: PlanStep[];
  warnings: PlanWarning[];
  /** rule 6: the candidate waits on the employer until this instant; null without an expected date. */
  waitingUntil: Date | null;
  /** rule 4: what the call step stands on ("none": the plan says not to call). */
  callReason: CallReason;
  /** The client's decision has reached the recruiter (by `now`); the candidate is told there is news. */
  decided: boolean;
  /** The `now` the plan was built for (used as the ICS DTSTAMP, keeping planToIcs pure). */
  generatedAt: Date;
};
