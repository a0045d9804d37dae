import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, editedColumns, firmPrimaryKey, tstz, updatedAt } from "./_shared";
import { callInvitationEnum, debriefStatusEnum, personResolutionEnum, thankYouChannelEnum, timelineGivenEnum } from "./enums";
import { tenantKey } from "./firms";
import { users } from "./auth";
import { candidates, contacts } from "./people";
import { interviews } from "./pipeline";

/**
 * The candidate's account of one interview: how it went (impression, interest,
 * what went well, concerns, questions asked, what was not mentioned), the
 * timeline and any promised decision date, what the interviewer said about
 * calling, whether they were invited back, salary, other processes, availability, notes for the
 * recruiter, and the people they met (debrief_people).
 */
export const debriefs = pgTable(
  "debriefs",
  {
    ...tenantKey(),
    interviewId: uuid().notNull(),
    candidateId: uuid().notNull(),
    status: debriefStatusEnum().notNull().default("draft"),
    /** 1–5 */
    overallImpression: smallint(),
    /** 1–5 */
    interestLevel: smallint(),
    wentWell: text().notNull().default(""),
    concerns: text().notNull().default(""),
    questionsAsked: text().notNull().default(""),
    notMentioned: text().notNull().default(""),
    timelineGiven: timelineGivenEnum(),
    timelineDetails: text().notNull().default(""),
    expectedDecisionOn: date({ mode: "string" }),
    /** What the interviewer said about calling (rule 4); null until answered. */
    callInvitation: callInvitationEnum(),
    /** 'YYYY-MM-DD': the named day (on_day) or the no-news date (if_no_news). */
    callBy: date({ mode: "string" }),
    /** 'HH:MM' in the firm's zone, when the interviewer named a time for the call. */
    callTime: text(),
    invitedBack: boolean(),
    invitedBackDetails: text().notNull().default(""),
    salaryDiscussed: text().notNull().default(""),
    otherProcesses: text().notNull().default(""),
    availability: text().notNull().default(""),
    notesForRecruiter: text().notNull().default(""),
    /** Number of submitted versions (0 while a first draft). */
    submittedVersions: integer().notNull().default(0),
    firstSubmittedAt: tstz(),
    submittedAt: tstz(),
    reviewedAt: tstz(),
    reviewedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    lastSavedAt: tstz(),
    ...editedColumns(),
  },
  (t) => [
    firmPrimaryKey(t),
    unique("debriefs_firm_interview_key").on(t.firmId, t.interviewId),
    foreignKey({ columns: [t.firmId, t.interviewId], foreignColumns: [interviews.firmId, interviews.id] }),
    foreignKey({ columns: [t.firmId, t.candidateId], foreignColumns: [candidates.firmId, candidates.id] }),
    index("debriefs_firm_candidate_idx").on(t.firmId, t.candidateId),
    index("debriefs_firm_status_idx").on(t.firmId, t.status, t.submittedAt),
  ],
);

/** Each submission or amendment, frozen, so the recruiter sees the history. */
export const debriefVersions = pgTable(
  "debrief_versions",
  {
    ...tenantKey(),
    debriefId: uuid().notNull(),
    number: integer().notNull(),
    snapshot: jsonb().$type<Record<string, unknown>>().notNull(),
    submittedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    submittedBy: uuid().references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    firmPrimaryKey(t),
    unique("debrief_versions_firm_debrief_number_key").on(t.firmId, t.debriefId, t.number),
    foreignKey({ columns: [t.firmId, t.debriefId], foreignColumns: [debriefs.firmId, debriefs.id] }).onDelete(
      "cascade",
    ),
  ],
);

/** People met, each with their thank-you note; proposed to the recruiter as client contacts. */
export const debriefPeople = pgTable(
  "debrief_people",
  {
    ...tenantKey(),
    debriefId: uuid().notNull(),
    position: integer().notNull().default(0),
    /** The client contact this person is (scheduled interviewer, or confirmed/merged later). */
    contactId: uuid(),
    name: text().notNull().default(""),
    title: text().notNull().default(""),
    email: text().notNull().default(""),
    phone: text().notNull().default(""),
    thankYouSent: boolean().notNull().default(false),
    thankYouSentAt: tstz(),
    thankYouChannel: thankYouChannelEnum(),
    resolution: personResolutionEnum().notNull().default("pending"),
    resolvedAt: tstz(),
    resolvedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    firmPrimaryKey(t),
    foreignKey({ columns: [t.firmId, t.debriefId], foreignColumns: [debriefs.firmId, debriefs.id] }).onDelete(
      "cascade",
    ),
    foreignKey({ columns: [t.firmId, t.contactId], foreignColumns: [contacts.firmId, contacts.id] }),
    index("debrief_people_firm_debrief_idx").on(t.firmId, t.debriefId, t.position),
  ],
);

/** Calls the candidate logged to an interviewer (rule 4: one only). */
export const callLogs = pgTable(
  "call_logs",
  {
    ...tenantKey(),
    interviewId: uuid().notNull(),
    candidateId: uuid().notNull(),
    contactId: uuid(),
    calledAt: timestamp({ withTimezone: true }).notNull(),
    notes: text().notNull().default(""),
    loggedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    firmPrimaryKey(t),
    foreignKey({ columns: [t.firmId, t.interviewId], foreignColumns: [interviews.firmId, interviews.id] }),
    foreignKey({ columns: [t.firmId, t.candidateId], foreignColumns: [candidates.firmId, candidates.id] }),
    foreignKey({ columns: [t.firmId, t.contactId], foreignColumns: [contacts.firmId, contacts.id] }),
    index("call_logs_firm_interview_idx").on(t.firmId, t.interviewId),
  ],
);

export type Debrief = typeof debriefs.$inferSelect;
export type DebriefPerson = typeof debriefPeople.$inferSelect;
export type CallLog = typeof callLogs.$inferSelect;
