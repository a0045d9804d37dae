import { sql } from "drizzle-orm";
import {
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, editedColumns, firmPrimaryKey, id, tstz } from "./_shared";
import { backgroundJobStateEnum, exportStatusEnum, outboxStatusEnum, taskOwnerKindEnum, taskStateEnum } from "./enums";
import { firms, tenantKey } from "./firms";
import { users } from "./auth";
import { candidates } from "./people";
import { applications, interviews } from "./pipeline";

/** Next steps: owed by a recruiter or a candidate, by hand or from the follow-up policy. */
export const tasks = pgTable(
  "tasks",
  {
    ...tenantKey(),
    title: text().notNull(),
    details: text().notNull().default(""),
    ownerKind: taskOwnerKindEnum().notNull(),
    ownerUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    candidateId: uuid(),
    applicationId: uuid(),
    interviewId: uuid(),
    dueAt: timestamp({ withTimezone: true }),
    state: taskStateEnum().notNull().default("open"),
    /** The policy rule a generated task comes from ("rule 2"), null when made by hand. */
    rule: text(),
    /** Stable key of a generated step within its interview; makes regeneration idempotent. */
    policyKey: text(),
    completedAt: tstz(),
    /** Why a task was skipped ("no longer needed: interview cancelled"); null unless skipped. */
    skipReason: text(),
    completedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    ...editedColumns(),
  },
  (t) => [
    firmPrimaryKey(t),
    foreignKey({ columns: [t.firmId, t.candidateId], foreignColumns: [candidates.firmId, candidates.id] }),
    foreignKey({
      columns: [t.firmId, t.applicationId],
      foreignColumns: [applications.firmId, applications.id],
    }),
    foreignKey({ columns: [t.firmId, t.interviewId], foreignColumns: [interviews.firmId, interviews.id] }),
    uniqueIndex("tasks_firm_interview_policy_key")
      .on(t.firmId, t.interviewId, t.policyKey)
      .where(sql`${t.policyKey} is not null`),
    index("tasks_firm_owner_state_due_idx").on(t.firmId, t.ownerUserId, t.state, t.dueAt),
    index("tasks_firm_state_due_idx").on(t.firmId, t.state, t.dueAt),
    index("tasks_firm_candidate_idx").on(t.firmId, t.candidateId),
    // A candidate's timeline reads the tasks of their applications and interviews.
    index("tasks_firm_application_idx").on(t.firmId, t.applicationId),
    index("tasks_firm_interview_idx").on(t.firmId, t.interviewId),
    /** Finished tasks, latest first (the dashboard's "done today"): a LIMITed read in the query's own order. */
    index("tasks_firm_completed_idx")
      .on(t.firmId, t.completedAt.desc().nullsFirst(), t.id)
      .where(sql`${t.completedAt} is not null`),
    /** The tasks list's "Done" tab, latest first: firm-wide, and one owner's. */
    index("tasks_firm_finished_idx")
      .on(t.firmId, sql`(coalesce(${t.completedAt}, ${t.updatedAt})) desc`, sql`${t.id} desc`)
      .where(sql`${t.state} in ('done', 'skipped')`),
    index("tasks_firm_owner_finished_idx")
      .on(t.firmId, t.ownerUserId, sql`(coalesce(${t.completedAt}, ${t.updatedAt})) desc`, sql`${t.id} desc`)
      .where(sql`${t.state} in ('done', 'skipped')`),
    /** A recruiter's own finished tasks, latest first (the dashboard's "done today" of "mine"). */
    index("tasks_firm_completer_idx")
      .on(t.firmId, t.completedBy, t.completedAt.desc().nullsFirst(), t.id)
      .where(sql`${t.completedAt} is not null`),
  ],
);

/** Who did what to which record, when, with the change. Append-only. */
export const auditEvents = pgTable(
  "audit_events",
  {
    ...tenantKey(),
    actorUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: uuid(),
    changes: jsonb().$type<Record<string, unknown>>(),
    ip: text(),
    requestId: text(),
    createdAt: createdAt(),
  },
  (t) => [
    firmPrimaryKey(t),
    index("audit_firm_created_idx").on(t.firmId, t.createdAt),
    index("audit_firm_entity_idx").on(t.firmId, t.entityType, t.entityId),
    index("audit_firm_actor_idx").on(t.firmId, t.actorUserId, t.createdAt),
  ],
);

/** Mail waiting to go out (or, without SMTP_URL, kept here for the dev outbox). */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: id().primaryKey(),
    /** Null for mail that belongs to a person rather than a firm (password reset). */
    firmId: uuid().references(() => firms.id, { onDelete: "cascade" }),
    to: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    html: text(),
    /** Deduplicates scheduled mail (one digest per recruiter per day). */
    dedupeKey: text().unique(),
    status: outboxStatusEnum().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    lastError: text(),
    sentAt: tstz(),
    createdAt: createdAt(),
  },
  (t) => [index("email_outbox_firm_created_idx").on(t.firmId, t.createdAt), index("email_outbox_to_idx").on(t.to)],
);

/** Running and finished exports: who exported what, and the per-firm concurrency limit. */
export const exportRuns = pgTable(
  "export_runs",
  {
    ...tenantKey(),
    userId: uuid().references(() => users.id, { onDelete: "set null" }),
    report: text().notNull(),
    format: text().notNull(),
    filters: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    status: exportStatusEnum().notNull().default("running"),
    rows: integer().notNull().default(0),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: tstz(),
  },
  (t) => [
    firmPrimaryKey(t),
    index("export_runs_firm_status_idx").on(t.firmId, t.status, t.startedAt),
  ],
);

export type Task = typeof tasks.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
export type OutboxMessage = typeof emailOutbox.$inferSelect;

/**
 * Work that follows a change and runs after its commit (lib/jobs/queue.ts):
 * written in the change's transaction, so it exists exactly when the change
 * does; claimed and run by lib/jobs/runner.ts with retries. The payload holds
 * ids, never personal data (a job may outlive an erasure).
 */
export const backgroundJobs = pgTable(
  "background_jobs",
  {
    ...tenantKey(),
    kind: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    state: backgroundJobStateEnum().notNull().default("queued"),
    /** Attempts started so far, the current one included. */
    attempts: integer().notNull().default(0),
    maxAttempts: integer().notNull().default(5),
    /** When the job is next due: at first its start, after a failure its retry, while running the end of its lease. */
    runAfter: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastError: text(),
    /** One job per key and firm: a second enqueue with the same key is a no-op. */
    dedupeKey: text(),
    createdAt: createdAt(),
    finishedAt: tstz(),
  },
  (t) => [
    firmPrimaryKey(t),
    uniqueIndex("background_jobs_firm_dedupe_key").on(t.firmId, t.dedupeKey).where(sql`${t.dedupeKey} is not null`),
    index("background_jobs_due_idx").on(t.runAfter).where(sql`${t.state} in ('queued', 'running')`),
    index("background_jobs_firm_created_idx").on(t.firmId, t.createdAt),
  ],
);
