/**
 * The product's vocabulary: every closed list of values (roles, stages,
 * interview kinds and statuses, ratings, decisions, …), its type and the
 * words people read for it. The database enums in db/schema/enums.ts are made
 * from these lists, so a value is named in exactly one place.
 */

export const ROLES = ["admin", "recruiter", "candidate"] as const;
export type Role = (typeof ROLES)[number];

export const MEMBERSHIP_STATUSES = ["active", "deactivated"] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

export const JOB_STATUSES = ["open", "on_hold", "filled", "closed"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const JOB_STATUS_LABELS: Record<JobStatus, string> = {
  open: "Open",
  on_hold: "On hold",
  filled: "Filled",
  closed: "Closed",
};

export const STAGES = ["sourced", "submitted", "interviewing", "offer", "placed", "rejected", "withdrawn"] as const;
export type Stage = (typeof STAGES)[number];
/** The pipeline, in order; rejected and withdrawn close an application from any stage. */
export const OPEN_STAGES = ["sourced", "submitted", "interviewing", "offer", "placed"] as const;
export const CLOSED_STAGES = ["rejected", "withdrawn"] as const;
/** Stages in which an application is still in play; placed, rejected and withdrawn have ended it. */
export const ACTIVE_STAGES = ["sourced", "submitted", "interviewing", "offer"] as const;
export const ENDED_STAGES = ["placed", "rejected", "withdrawn"] as const;
export const STAGE_LABELS: Record<Stage, string> = {
  sourced: "Sourced",
  submitted: "Submitted",
  interviewing: "Interviewing",
  offer: "Offer",
  placed: "Placed",
  rejected: "Rejected",
  withdrawn: "Withdrawn",
};
/** A stage's label; an unknown value (an old export, a bad filter) is shown as it is. */
export function stageLabel(stage: string): string {
  return (STAGE_LABELS as Record<string, string>)[stage] ?? stage;
}

export const INTERVIEW_KINDS = ["phone_screen", "video", "onsite", "panel", "final"] as const;
export type InterviewKind = (typeof INTERVIEW_KINDS)[number];
export const INTERVIEW_KIND_LABELS: Record<InterviewKind, string> = {
  phone_screen: "Phone screen",
  video: "Video",
  onsite: "Onsite",
  panel: "Panel",
  final: "Final",
};

export const INTERVIEW_STATUSES = ["scheduled", "completed", "cancelled", "no_show"] as const;
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number];
export const INTERVIEW_STATUS_LABELS: Record<InterviewStatus, string> = {
  scheduled: "Scheduled",
  completed: "Completed",
  cancelled: "Cancelled",
  no_show: "No-show",
};

export const DEBRIEF_STATUSES = ["draft", "submitted"] as const;
export type DebriefStatus = (typeof DEBRIEF_STATUSES)[number];
/**
 * Where a debrief stands for staff (the candidate timeline, interview lists):
 * the stored status plus whether it was amended after submitting or reviewed
 * since. The candidate's own plan speaks of its debrief in other words.
 */
export const STAFF_DEBRIEF_STATUSES = ["draft", "submitted", "amended", "reviewed"] as const;
export type StaffDebriefStatus = (typeof STAFF_DEBRIEF_STATUSES)[number];

export const TIMELINE_GIVEN = ["yes", "no", "unsure"] as const;
export type TimelineGiven = (typeof TIMELINE_GIVEN)[number];

/**
 * What the interviewer said about calling them (rule 4 of the follow-up plan):
 * not invited; invited to call on or by a day they named; invited to call if
 * there is no news by a date; invited without a date.
 */
export const CALL_INVITATIONS = ["none", "on_day", "if_no_news", "no_date"] as const;
export type CallInvitation = (typeof CALL_INVITATIONS)[number];
export const CALL_INVITATION_LABELS: Record<CallInvitation, string> = {
  none: "Not invited to call",
  on_day: "Invited to call on or by a day they named",
  if_no_news: "Invited to call if there is no news by a date",
  no_date: "Invited to call, no date given",
};

export const THANK_YOU_CHANNELS = ["email", "letter", "linkedin", "other"] as const;
export type ThankYouChannel = (typeof THANK_YOU_CHANNELS)[number];
export const THANK_YOU_CHANNEL_LABELS: Record<ThankYouChannel, string> = {
  email: "Email",
  letter: "Letter or card",
  linkedin: "LinkedIn message",
  other: "Another way",
};

export const PERSON_RESOLUTIONS = ["pending", "confirmed", "merged", "dismissed"] as const;
export type PersonResolution = (typeof PERSON_RESOLUTIONS)[number];

export const FEEDBACK_CHANNELS = ["call", "email", "other", "link"] as const;
export type FeedbackChannel = (typeof FEEDBACK_CHANNELS)[number];
export const FEEDBACK_CHANNEL_LABELS: Record<FeedbackChannel, string> = { call: "Call", email: "Email", other: "Other", link: "Feedback link" };

export const RATINGS = ["definitely_not", "no", "mixed", "yes", "strong_yes"] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_LABELS: Record<Rating, string> = {
  definitely_not: "Definitely not",
  no: "No",
  mixed: "Mixed",
  yes: "Yes",
  strong_yes: "Strong yes",
};

export const RECOMMENDATIONS = ["strong_yes", "yes", "no", "definitely_not", "no_decision"] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];
export const RECOMMENDATION_LABELS: Record<Recommendation, string> = {
  strong_yes: "Strong yes",
  yes: "Yes",
  no: "No",
  definitely_not: "Definitely not",
  no_decision: "No decision yet",
};

export const DECISIONS = ["next_round", "offer", "hold", "reject"] as const;
export type Decision = (typeof DECISIONS)[number];
export const DECISION_LABELS: Record<Decision, string> = {
  next_round: "Next round",
  offer: "Offer",
  hold: "Hold",
  reject: "Reject",
};

export const TASK_STATES = ["open", "done", "skipped"] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const TASK_OWNER_KINDS = ["recruiter", "candidate"] as const;
export type TaskOwnerKind = (typeof TASK_OWNER_KINDS)[number];

export const OUTBOX_STATUSES = ["pending", "sent", "failed", "logged"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const EXPORT_STATUSES = ["running", "done", "failed", "cancelled"] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

export const BACKGROUND_JOB_STATES = ["queued", "running", "done", "failed"] as const;
export type BackgroundJobState = (typeof BACKGROUND_JOB_STATES)[number];

/** A UUID as the database writes it (any version). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID_PATTERN.test(value);
}
