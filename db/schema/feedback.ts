import { date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, editedColumns, firmPrimaryKey, tstz } from "./_shared";
import { decisionEnum, feedbackChannelEnum, ratingEnum, recommendationEnum } from "./enums";
import { firmIdRef, tenantKey } from "./firms";
import { users } from "./auth";
import { contacts } from "./people";
import { interviews } from "./pipeline";

/** The firm's scorecard: attributes grouped by category. */
export const scorecardAttributes = pgTable(
  "scorecard_attributes",
  {
    ...tenantKey(),
    category: text().notNull(),
    name: text().notNull(),
    description: text().notNull().default(""),
    position: integer().notNull().default(0),
    archivedAt: tstz(),
    ...editedColumns(),
  },
  (t) => [
    firmPrimaryKey(t),
    unique("scorecard_attributes_firm_name_key").on(t.firmId, t.category, t.name),
  ],
);

/** What the client's interviewer thought, recorded by the recruiter. Never shown to candidates. */
export const interviewerFeedback = pgTable(
  "interviewer_feedback",
  {
    ...tenantKey(),
    interviewId: uuid().notNull(),
    contactId: uuid(),
    receivedAt: timestamp({ withTimezone: true }).notNull(),
    channel: feedbackChannelEnum().notNull().default("call"),
    recommendation: recommendationEnum().notNull().default("no_decision"),
    takeaways: text().notNull().default(""),
    /** May be shared with the candidate. */
    sharedSummary: text().notNull().default(""),
    /** Internal only: never leaves the staff side. */
    internalNotes: text().notNull().default(""),
    /** What the interviewer liked and what worried them (the feedback link asks for both). */
    strengths: text().notNull().default(""),
    concerns: text().notNull().default(""),
    decision: decisionEnum(),
    decisionAppliedAt: tstz(),
    /**
     * A decision given through a feedback link: the interviewer's
     * recommendation until a recruiter confirms it as the client's decision
     * (then it is copied to `decision`, which is what moves the application).
     */
    proposedDecision: decisionEnum(),
    /** When the interviewer expects the client to decide (from a feedback link). */
    expectedDecisionOn: date({ mode: "string" }),
    /** The feedback link it came through, if any. */
    linkId: uuid(),
    recordedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    ...editedColumns(),
  },
  (t) => [
    firmPrimaryKey(t),
    foreignKey({ columns: [t.firmId, t.interviewId], foreignColumns: [interviews.firmId, interviews.id] }),
    foreignKey({ columns: [t.firmId, t.contactId], foreignColumns: [contacts.firmId, contacts.id] }),
    index("feedback_firm_interview_idx").on(t.firmId, t.interviewId),
  ],
);

export const feedbackRatings = pgTable(
  "feedback_ratings",
  {
    firmId: firmIdRef(),
    feedbackId: uuid().notNull(),
    attributeId: uuid().notNull(),
    rating: ratingEnum().notNull(),
    note: text().notNull().default(""),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.feedbackId, t.attributeId] }),
    foreignKey({
      columns: [t.firmId, t.feedbackId],
      foreignColumns: [interviewerFeedback.firmId, interviewerFeedback.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.firmId, t.attributeId],
      foreignColumns: [scorecardAttributes.firmId, scorecardAttributes.id],
    }),
  ],
);

/**
 * A link that lets one of the client's interviewers give feedback on one
 * interview without an account: the link's random token is the credential,
 * and only its SHA-256 is stored. The reminder (one at most) carries a second
 * token, so the first mail's link keeps working and neither is kept.
 */
export const feedbackLinks = pgTable(
  "feedback_links",
  {
    ...tenantKey(),
    interviewId: uuid().notNull(),
    contactId: uuid().notNull(),
    tokenHash: text().notNull(),
    reminderTokenHash: text(),
    requestedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    expiresAt: tstz().notNull(),
    /** The first time the form was opened. */
    openedAt: tstz(),
    answeredAt: tstz(),
    /** The feedback the answer became (kept as an id: the recruiter may delete that feedback). */
    feedbackId: uuid(),
    revokedAt: tstz(),
    revokedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    reminderSentAt: tstz(),
  },
  (t) => [
    firmPrimaryKey(t),
    foreignKey({ columns: [t.firmId, t.interviewId], foreignColumns: [interviews.firmId, interviews.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.firmId, t.contactId], foreignColumns: [contacts.firmId, contacts.id] }).onDelete("cascade"),
    uniqueIndex("feedback_links_token_key").on(t.tokenHash),
    uniqueIndex("feedback_links_reminder_token_key").on(t.reminderTokenHash),
    index("feedback_links_firm_interview_idx").on(t.firmId, t.interviewId),
  ],
);

export type FeedbackLink = typeof feedbackLinks.$inferSelect;
export type InterviewerFeedback = typeof interviewerFeedback.$inferSelect;
export type ScorecardAttribute = typeof scorecardAttributes.$inferSelect;
