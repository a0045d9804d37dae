import { sql } from "drizzle-orm";
import { boolean, date, foreignKey, index, pgTable, primaryKey, uuid } from "drizzle-orm/pg-core";
import { firmId, tstz } from "./_shared";
import { interviews } from "./pipeline";

/**
 * What each interview still needs from the firm, kept by the database itself:
 * triggers on interviews, applications, debriefs, interviewer feedback and
 * tasks (migration 0009) rewrite an interview's row in the same statement as
 * any change to what it is worked out from. The needs-attention queue reads
 * only the open rows, through the partial indexes below, instead of working
 * the state out of a firm's whole history on every page view.
 *
 * Each column is one kind of queue item, open when set; the time checks
 * (due by the end of today, the feedback deadline in business days) stay in
 * the queue's query, since they move with the clock. The app's role may only
 * read this table.
 */
export const interviewQueue = pgTable(
  "interview_queue",
  {
    firmId: firmId(),
    interviewId: uuid().notNull(),
    applicationId: uuid().notNull(),
    /** The application's recruiter: the "mine" view. */
    recruiterUserId: uuid(),
    endsAt: tstz().notNull(),
    /** The firm arranged a round that took place on an open application, and no debrief has been submitted. */
    debriefAwaited: boolean().notNull().default(false),
    /** When the debrief that waits for a (new) review was submitted. */
    reviewSince: tstz(),
    /** A round that took place on an open application, with no interviewer feedback yet. */
    feedbackAwaited: boolean().notNull().default(false),
    /** The day a decision was promised, while none has come and no later round is booked. */
    decisionDueOn: date({ mode: "string" }),
    /** Nothing more is asked: the round was cancelled or missed, or the application ended. */
    closed: boolean().notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.interviewId] }),
    foreignKey({ columns: [t.firmId, t.interviewId], foreignColumns: [interviews.firmId, interviews.id] }).onDelete("cascade"),
    index("interview_queue_debrief_idx").on(t.firmId, t.endsAt).where(sql`${t.debriefAwaited}`),
    index("interview_queue_debrief_mine_idx").on(t.firmId, t.recruiterUserId, t.endsAt).where(sql`${t.debriefAwaited}`),
    index("interview_queue_review_idx").on(t.firmId, t.reviewSince).where(sql`${t.reviewSince} is not null`),
    index("interview_queue_review_mine_idx").on(t.firmId, t.recruiterUserId, t.reviewSince).where(sql`${t.reviewSince} is not null`),
    index("interview_queue_feedback_idx").on(t.firmId, t.endsAt).where(sql`${t.feedbackAwaited}`),
    index("interview_queue_feedback_mine_idx").on(t.firmId, t.recruiterUserId, t.endsAt).where(sql`${t.feedbackAwaited}`),
    index("interview_queue_decision_idx").on(t.firmId, t.decisionDueOn).where(sql`${t.decisionDueOn} is not null`),
    index("interview_queue_decision_mine_idx").on(t.firmId, t.recruiterUserId, t.decisionDueOn).where(sql`${t.decisionDueOn} is not null`),
    // The dashboard's calendar in the "mine" view: a recruiter's interviews of the week (every row, open or not).
    index("interview_queue_mine_calendar_idx").on(t.firmId, t.recruiterUserId, t.endsAt),
  ],
);
