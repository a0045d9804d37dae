import { count, eq } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../client";
import * as s from "../schema";
import type { FirmBuilder } from "./builder";
import type { SeedCounts } from "./demo";

export async function insertFirm(tx: DbOrTx, b: FirmBuilder) {
  const { clock } = b;
  await tx.insert(s.firms).values({
    id: b.firmId,
    name: b.firm.name,
    slug: b.firm.slug,
    timeZone: clock.zone,
    holidays: clock.holidays,
    policy: s.DEFAULT_POLICY,
    // The demo is for looking around: signing in should not start with MFA enrolment.
    mfaRequired: false,
    createdAt: clock.at(-430, 9),
    updatedAt: clock.at(-30, 9),
  });
  await insertChunks(tx, s.users, b.users);
  await insertChunks(tx, s.clients, b.clientRows);
  await insertChunks(tx, s.contacts, b.contactRows);
  await insertChunks(tx, s.jobs, b.jobRows);
  await insertChunks(
    tx,
    s.candidates,
    b.candidates.map((c) => c.row),
  );
  await insertChunks(tx, s.memberships, b.memberships);
  await insertChunks(tx, s.scorecardAttributes, b.attributeRows);
  await insertChunks(tx, s.applications, b.appRows);
  await insertChunks(tx, s.applicationStageChanges, b.stageChangeRows);
  await insertChunks(
    tx,
    s.interviews,
    b.interviews.map((iv) => iv.row),
  );
  await insertChunks(tx, s.interviewParticipants, b.participantRows);
  const debriefs = b.interviews.flatMap((iv) => (iv.debrief ? [iv.debrief] : []));
  await insertChunks(
    tx,
    s.debriefs,
    debriefs.map((d) => d.row),
  );
  await insertChunks(tx, s.debriefVersions, b.versionRows);
  await insertChunks(
    tx,
    s.debriefPeople,
    debriefs.flatMap((d) => d.people),
  );
  await insertChunks(
    tx,
    s.interviewerFeedback,
    b.interviews.flatMap((iv) => iv.feedback),
  );
  await insertChunks(tx, s.feedbackRatings, b.ratingRows);
  await insertChunks(tx, s.feedbackLinks, b.linkRows);
  await insertChunks(tx, s.callLogs, b.callRows);
  await insertChunks(tx, s.tasks, b.taskRows);
  await insertChunks(tx, s.auditEvents, b.auditRows);
}

async function insertChunks<T extends PgTable>(tx: DbOrTx, table: T, rows: T["$inferInsert"][], size = 250) {
  for (let i = 0; i < rows.length; i += size) {
    await tx.insert(table).values(rows.slice(i, i + size) as never);
  }
}


/** True when no firm exists yet (a fresh database that should get the demo). */
export async function isDatabaseEmpty(db: DbOrTx): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(s.firms);
  return (row?.n ?? 0) === 0;
}

/**
 * The tenant tables counted per firm: each SeedCounts key but users is the
 * name of its table in the schema (users are counted by membership).
 */
const TENANT_TABLES = [
  "memberships", "clients", "contacts", "jobs", "candidates", "scorecardAttributes", "applications",
  "applicationStageChanges", "interviews", "interviewParticipants", "debriefs", "debriefVersions", "debriefPeople",
  "interviewerFeedback", "feedbackRatings", "feedbackLinks", "callLogs", "tasks", "auditEvents",
] as const satisfies readonly Exclude<keyof SeedCounts, "users">[];

/** Row counts of one firm's tenant tables. */
export async function countFirmRows(db: DbOrTx, firmId: string): Promise<SeedCounts> {
  const counts = {} as SeedCounts;
  for (const key of TENANT_TABLES) {
    const table = s[key];
    counts[key] = await db.$count(table, eq(table.firmId, firmId));
  }
  // Users are global; a firm's users are its memberships (one per user and firm).
  counts.users = counts.memberships;
  return counts;
}
