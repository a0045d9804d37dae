import { and, asc, eq, gte, inArray, lte, notInArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../client";
import { applications, candidates, clients, debriefs, emailOutbox, firms, interviews, jobs, memberships, users } from "../../schema";
import type { Role } from "../../schema/enums";
import { DAY, ENDED_STAGES } from "./shared";

// Reminders: these run in the background for every firm, without a person's
// session, so they are unscoped by design and named unsafe….

export type DigestRecipient = {
  firmId: string;
  firmName: string;
  timeZone: string;
  holidays: string[];
  userId: string;
  role: Role;
  name: string;
  email: string;
};

/**
 * Unscoped: the daily digest goes to every active recruiter and admin of every
 * firm; the job then reads each one's queue through a scope of their own.
 */
export async function unsafeListDigestRecipients(db: DbOrTx): Promise<DigestRecipient[]> {
  return db
    .select({
      firmId: firms.id,
      firmName: firms.name,
      timeZone: firms.timeZone,
      holidays: firms.holidays,
      userId: users.id,
      role: memberships.role,
      name: users.name,
      email: users.email,
    })
    .from(memberships)
    .innerJoin(firms, eq(firms.id, memberships.firmId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.status, "active"), inArray(memberships.role, ["admin", "recruiter"]), eq(firms.isBenchmark, false)))
    .orderBy(asc(firms.id), asc(users.id));
}

export type DebriefReminder = {
  firmId: string;
  firmName: string;
  timeZone: string;
  interviewId: string;
  candidateName: string;
  email: string;
  jobTitle: string;
  clientName: string;
  startsAt: Date;
  endsAt: Date;
};

/** Reminders are for recent rounds; older missing debriefs are the recruiter's to chase. */
export const DEBRIEF_REMINDER_WINDOW_DAYS = 7;

/**
 * Unscoped: candidates whose debrief is still missing a day after their
 * interview ended, across all firms, with the sign-in address to write to.
 */
export async function unsafeListDebriefReminders(db: DbOrTx, now = new Date()): Promise<DebriefReminder[]> {
  return db
    .select({
      firmId: firms.id,
      firmName: firms.name,
      timeZone: firms.timeZone,
      interviewId: interviews.id,
      candidateName: candidates.name,
      email: users.email,
      jobTitle: jobs.title,
      clientName: clients.name,
      startsAt: interviews.startsAt,
      endsAt: interviews.endsAt,
    })
    .from(interviews)
    .innerJoin(firms, eq(firms.id, interviews.firmId))
    .innerJoin(applications, and(eq(applications.firmId, interviews.firmId), eq(applications.id, interviews.applicationId)))
    .innerJoin(candidates, and(eq(candidates.firmId, interviews.firmId), eq(candidates.id, interviews.candidateId)))
    .innerJoin(jobs, and(eq(jobs.firmId, applications.firmId), eq(jobs.id, applications.jobId)))
    .innerJoin(clients, and(eq(clients.firmId, jobs.firmId), eq(clients.id, jobs.clientId)))
    .innerJoin(
      memberships,
      and(eq(memberships.firmId, interviews.firmId), eq(memberships.candidateId, interviews.candidateId), eq(memberships.status, "active")),
    )
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        inArray(interviews.status, ["scheduled", "completed"]),
        notInArray(applications.stage, [...ENDED_STAGES]),
        lte(interviews.endsAt, new Date(now.getTime() - DAY)),
        gte(interviews.endsAt, new Date(now.getTime() - DEBRIEF_REMINDER_WINDOW_DAYS * DAY)),
        sql`${candidates.anonymizedAt} is null`,
        eq(firms.isBenchmark, false),
        sql`not exists (select 1 from ${debriefs} where ${debriefs.firmId} = ${interviews.firmId} and ${debriefs.interviewId} = ${interviews.id} and ${debriefs.status} = 'submitted')`,
      ),
    )
    .orderBy(asc(interviews.endsAt))
    .limit(1000);
}

/** Unscoped: which of these scheduled-mail keys were already used (the mail went out once). */
export async function unsafeUsedDedupeKeys(db: DbOrTx, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .select({ key: emailOutbox.dedupeKey })
    .from(emailOutbox)
    .where(inArray(emailOutbox.dedupeKey, keys));
  return new Set(rows.map((r) => r.key!));
}
