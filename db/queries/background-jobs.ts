import { and, eq, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import type { QueryScope } from "./scope";
import { backgroundJobs, memberships, users } from "../schema";
import type { Role } from "../schema/enums";

/**
 * The job table's queries (see lib/jobs/queue.ts for the mechanism).
 * `insertJob` runs in the caller's transaction (a scope bound to it), as the
 * caller's role, for the scope's firm; the `unsafe…` functions are the
 * runner's and work across firms on the owner's handle.
 */

export type NewJob = {
  kind: string;
  payload: Record<string, unknown>;
  runAfter?: Date;
  maxAttempts?: number;
  dedupeKey?: string | null;
};

/**
 * Writes one job row for the scope's firm, with the scope's handle (pass the
 * scope of the change's transaction); with a dedupe key the firm already has,
 * writes nothing and returns null.
 */
export async function insertJob(scope: Pick<QueryScope, "db" | "firmId">, job: NewJob): Promise<{ id: string } | null> {
  const [row] = await insertJobs(scope, [job]);
  return row ?? null;
}

/**
 * Writes several job rows for the scope's firm in one statement (one round
 * trip in the change's transaction). Returns the rows written: a job whose
 * dedupe key the firm already has is left out.
 */
export async function insertJobs(scope: Pick<QueryScope, "db" | "firmId">, jobs: NewJob[]): Promise<{ id: string; kind: string }[]> {
  if (jobs.length === 0) return [];
  const runAfter = new Date();
  return scope.db
    .insert(backgroundJobs)
    .values(
      jobs.map((job) => ({
        firmId: scope.firmId,
        kind: job.kind,
        payload: job.payload,
        runAfter: job.runAfter ?? runAfter,
        maxAttempts: job.maxAttempts ?? 5,
        dedupeKey: job.dedupeKey ?? null,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: backgroundJobs.id, kind: backgroundJobs.kind });
}

export type ClaimedJob = {
  firmId: string;
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  /** This attempt's number, from 1. */
  attempt: number;
  maxAttempts: number;
};

function rowsOf(result: unknown): Record<string, unknown>[] {
  return Array.isArray(result) ? result : ((result as { rows?: Record<string, unknown>[] }).rows ?? []);
}

/**
 * Claims up to `limit` due jobs in one statement: queued ones whose time has
 * come, and running ones whose lease ran out (their runner stopped mid-job).
 * `for update skip locked` lets several runners claim at once without taking
 * the same row; the claim itself (state running, attempts + 1, due again when
 * the lease ends) commits before the handler runs, so a crash leaves a row
 * that the next claim after the lease picks up again.
 */
export async function unsafeClaimDueJobs(db: DbOrTx, opts: { now: Date; leaseMs: number; limit: number }): Promise<ClaimedJob[]> {
  const now = opts.now.toISOString();
  const leaseEnd = new Date(opts.now.getTime() + opts.leaseMs).toISOString();
  // A job interrupted during its last attempt has none left: it has failed.
  await db.execute(sql`
    update background_jobs
       set state = 'failed', finished_at = ${now}::timestamptz,
           last_error = coalesce(last_error, 'interrupted: the runner stopped during the last attempt')
     where state = 'running' and run_after <= ${now}::timestamptz and attempts >= max_attempts`);
  const result = await db.execute(sql`
    update background_jobs j
       set state = 'running', attempts = j.attempts + 1, run_after = ${leaseEnd}::timestamptz
      from (select firm_id, id from background_jobs
             where state in ('queued', 'running') and run_after <= ${now}::timestamptz and attempts < max_attempts
             order by run_after
             limit ${opts.limit}
             for update skip locked) due
     where j.firm_id = due.firm_id and j.id = due.id
 returning j.firm_id, j.id, j.kind, j.payload, j.attempts, j.max_attempts`);
  return rowsOf(result).map((r) => ({
    firmId: String(r.firm_id),
    id: String(r.id),
    kind: String(r.kind),
    payload: (typeof r.payload === "string" ? JSON.parse(r.payload) : r.payload) as Record<string, unknown>,
    attempt: Number(r.attempts),
    maxAttempts: Number(r.max_attempts),
  }));
}

/** This attempt's row only: a runner whose lease ran out (and whose job was claimed again) changes nothing. */
const ownAttempt = (job: ClaimedJob) =>
  and(
    eq(backgroundJobs.firmId, job.firmId),
    eq(backgroundJobs.id, job.id),
    eq(backgroundJobs.state, "running"),
    eq(backgroundJobs.attempts, job.attempt),
  );

export async function unsafeFinishJob(db: DbOrTx, job: ClaimedJob, now: Date): Promise<void> {
  await db.update(backgroundJobs).set({ state: "done", finishedAt: now }).where(ownAttempt(job));
}

/** A failed attempt: queued again for `retryAt`, or failed for good when it was the last. */
export async function unsafeFailJob(db: DbOrTx, job: ClaimedJob, opts: { error: string; now: Date; retryAt: Date | null }): Promise<void> {
  const error = opts.error.slice(0, 2000);
  await db
    .update(backgroundJobs)
    .set(
      opts.retryAt
        ? { state: "queued", runAfter: opts.retryAt, lastError: error }
        : { state: "failed", finishedAt: opts.now, lastError: error },
    )
    .where(ownAttempt(job));
}

/**
 * The person a job acts for, as a scope needs them: their membership of the
 * firm (role, candidate record) and name. Null once the membership or the
 * person is gone.
 */
export async function unsafeJobActor(
  db: DbOrTx,
  firmId: string,
  userId: string,
): Promise<{ role: Role; candidateId: string | null; userName: string } | null> {
  const [row] = await db
    .select({ role: memberships.role, candidateId: memberships.candidateId, userName: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.firmId, firmId), eq(memberships.userId, userId)))
    .limit(1);
  return row ?? null;
}

/** Forgets jobs that finished well before `before`; failed ones stay for a person to look into. */
export async function unsafeDeleteDoneJobs(db: DbOrTx, before: Date): Promise<number> {
  const gone = await db
    .delete(backgroundJobs)
    .where(and(eq(backgroundJobs.state, "done"), lt(backgroundJobs.finishedAt, before)))
    .returning({ id: backgroundJobs.id });
  return gone.length;
}
