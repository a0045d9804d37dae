import type { FeedbackLinkState } from "../feedback-links";
import type { InterviewKind, InterviewStatus } from "../../schema/enums";
import type { FollowUpPolicySettings } from "../../schema";

/**
 * The recruiter's "needs attention" queue: what is overdue, what is due today,
 * what is coming, each item linking to the page where it is resolved. Every
 * query takes an optional `now` so a fixed data set gives a fixed queue.
 */

export type DashboardView = "mine" | "everyone";

export const QUEUE_KINDS = [
  "debrief_to_review",
  "debrief_missing",
  "feedback_overdue",
  "decision_overdue",
  "repeat_calls",
  "task",
] as const;
export type QueueKind = (typeof QUEUE_KINDS)[number];

/** overdue: past its due time · due: due later today · upcoming: due after today, or no deadline. */
export type QueueState = "overdue" | "due" | "upcoming";

export type QueueItem = {
  /** Stable within a queue: `<kind>:<record id>`. */
  key: string;
  kind: QueueKind;
  state: QueueState;
  /** When it is (or was) due; for repeat calls, the latest call. */
  dueAt: Date | null;
  title: string;
  detail: string;
  /** Where it is resolved. */
  href: string;
  candidateId: string | null;
  candidateName: string | null;
  clientName: string | null;
  jobTitle: string | null;
  interviewId: string | null;
  /** The task this item is (or the policy task that tracks it). */
  taskId: string | null;
  taskVersion: number | null;
  /** "rule 3" for items the follow-up policy asks for. */
  rule: string | null;
  /** The recruiter who owns it: the application's recruiter, or the task's owner. */
  ownerUserId: string | null;
  ownerName: string | null;
  /** For late client feedback or decisions: the newest feedback link's state, if one was sent. */
  linkState?: FeedbackLinkState | null;
};

export type DashboardInterview = {
  id: string;
  kind: InterviewKind;
  status: InterviewStatus;
  startsAt: Date;
  endsAt: Date;
  location: string;
  candidateId: string;
  candidateName: string;
  jobTitle: string;
  clientName: string;
  recruiterName: string | null;
};

export type DashboardTask = {
  id: string;
  title: string;
  dueAt: Date | null;
  rule: string | null;
  version: number;
  candidateId: string | null;
  candidateName: string | null;
  interviewId: string | null;
};

export type DashboardCounts = Record<QueueKind, number> & {
  /** Each kind's items by state. */
  byKind: Record<QueueKind, Record<QueueState, number>>;
  overdue: number;
  dueToday: number;
  interviewsToday: number;
  interviewsThisWeek: number;
};

export type Dashboard = {
  view: DashboardView;
  now: Date;
  timeZone: string;
  /** 'YYYY-MM-DD' today in the firm's zone. */
  today: string;
  /** The items listed (getDashboard's `listed`: one kind's, up to so many per state; all of them without it), most urgent first. */
  items: QueueItem[];
  /** How many items of the listed kind (or of every kind) each state holds, listed or not. */
  listedTotals: Record<QueueState, number>;
  counts: DashboardCounts;
  /** Kinds with more items than the queue lists (each kind lists at most 100): their counts are "at least". */
  more: QueueKind[];
  interviewsToday: DashboardInterview[];
  /** The rest of the calendar week (Monday to Sunday), after today. */
  interviewsThisWeek: DashboardInterview[];
  /**
   * Whether a count stopped at the count cap (1,000), so the page says "1,000+": today's
   * (counts.interviewsToday), the rest of the week's, and so the week's (counts.interviewsThisWeek).
   */
  interviewCountsCapped: { today: boolean; later: boolean; week: boolean };
  /** Open tasks of mine due after today or without a date, soonest first. */
  upcomingTasks: DashboardTask[];
  /** Tasks finished today (mine, or everyone's), latest first. */
  doneToday: (DashboardTask & { completedAt: Date; state: "done" | "skipped" })[];
};

export type FirmClock = {
  timeZone: string;
  holidays: string[];
  policy: FollowUpPolicySettings;
  /** The firm's stored queue state is complete (firms.queue_state_ready). */
  storedQueue: boolean;
};
