import { foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { editedColumns, firmPrimaryKey, tstz } from "./_shared";
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
    decision: decisionEnum(),
    decisionAppliedAt: tstz(),
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

export type InterviewerFeedback = typeof interviewerFeedback.$inferSelect;
export type ScorecardAttribute = typeof scorecardAttributes.$inferSelect;
