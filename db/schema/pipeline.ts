import { sql } from "drizzle-orm";
import { boolean, check, foreignKey, index, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, editedColumns, firmPrimaryKey, tstz } from "./_shared";
import { interviewKindEnum, interviewStatusEnum, stageEnum } from "./enums";
import { firmIdRef, tenantKey } from "./firms";
import { users } from "./auth";
import { candidates, contacts, jobs } from "./people";

export const applications = pgTable(
  "applications",
  {
    ...tenantKey(),
    candidateId: uuid().notNull(),
    jobId: uuid().notNull(),
    stage: stageEnum().notNull().default("sourced"),
    stageChangedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Why it was rejected or withdrawn. */
    closedReason: text().notNull().default(""),
    /** The recruiter's summary of the candidate for this client: printed in the client pack, so never internal. */
    clientSummary: text().notNull().default(""),
    /** What the candidate asks for; in the client pack only when the recruiter ticks it. */
    salaryExpectation: text().notNull().default(""),
    recruiterUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    ...editedColumns(),
  },
  (t) => [
    firmPrimaryKey(t),
    unique("applications_firm_candidate_job_key").on(t.firmId, t.candidateId, t.jobId),
    foreignKey({ columns: [t.firmId, t.candidateId], foreignColumns: [candidates.firmId, candidates.id] }),
    foreignKey({ columns: [t.firmId, t.jobId], foreignColumns: [jobs.firmId, jobs.id] }),
    index("applications_firm_job_stage_idx").on(t.firmId, t.jobId, t.stage),
    index("applications_firm_stage_idx").on(t.firmId, t.stage, t.createdAt),
    index("applications_firm_recruiter_idx").on(t.firmId, t.recruiterUserId),
    // The pipeline table's default order (last stage change, then id) for keyset pages.
    index("applications_firm_stage_changed_idx").on(t.firmId, t.stageChangedAt, t.id),
  ],
);

/** Every stage change, kept with its time, for time-in-stage reporting. */
export const applicationStageChanges = pgTable(
  "application_stage_changes",
  {
    ...tenantKey(),
    applicationId: uuid().notNull(),
    fromStage: stageEnum(),
    toStage: stageEnum().notNull(),
    reason: text().notNull().default(""),
    changedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    changedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    firmPrimaryKey(t),
    foreignKey({
      columns: [t.firmId, t.applicationId],
      foreignColumns: [applications.firmId, applications.id],
    }).onDelete("cascade"),
    index("stage_changes_firm_application_idx").on(t.firmId, t.applicationId, t.changedAt),
  ],
);

/** The longest a round can last: the check `interviews_within_a_day` below (migration 0020) keeps every round's end within 25 hours of its start. */
export const LONGEST_ROUND_MS = 25 * 3_600_000;

export const interviews = pgTable(
  "interviews",
  {
    ...tenantKey(),
    applicationId: uuid().notNull(),
    /** Denormalised from the application so candidate visibility is a plain WHERE. */
    candidateId: uuid().notNull(),
    kind: interviewKindEnum().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    location: text().notNull().default(""),
    videoUrl: text().notNull().default(""),
    status: interviewStatusEnum().notNull().default("scheduled"),
    arrangedByFirm: boolean().notNull().default(true),
    notes: text().notNull().default(""),
    completedAt: tstz(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    ...editedColumns(),
  },
  (t) => [
    firmPrimaryKey(t),
    foreignKey({
      columns: [t.firmId, t.applicationId],
      foreignColumns: [applications.firmId, applications.id],
    }),
    foreignKey({ columns: [t.firmId, t.candidateId], foreignColumns: [candidates.firmId, candidates.id] }),
    index("interviews_firm_starts_idx").on(t.firmId, t.startsAt, t.id),
    index("interviews_firm_application_idx").on(t.firmId, t.applicationId),
    index("interviews_firm_candidate_idx").on(t.firmId, t.candidateId, t.startsAt),
    // A round ends after it starts, the same day (the form asks for one date; 25 hours allows for a
    // clock change; LONGEST_ROUND_MS). The upcoming list and the dashboard's calendar rely on it to
    // bound a time range by the other end.
    check("interviews_within_a_day", sql`${t.endsAt} > ${t.startsAt} and ${t.endsAt} <= ${t.startsAt} + interval '25 hours'`),
  ],
);

/** Which client contacts interviewed in a round. */
export const interviewParticipants = pgTable(
  "interview_participants",
  {
    firmId: firmIdRef(),
    interviewId: uuid().notNull(),
    contactId: uuid().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.interviewId, t.contactId] }),
    foreignKey({
      columns: [t.firmId, t.interviewId],
      foreignColumns: [interviews.firmId, interviews.id],
    }).onDelete("cascade"),
    foreignKey({ columns: [t.firmId, t.contactId], foreignColumns: [contacts.firmId, contacts.id] }),
    index("interview_participants_firm_contact_idx").on(t.firmId, t.contactId),
  ],
);

export type Application = typeof applications.$inferSelect;
export type Interview = typeof interviews.$inferSelect;
