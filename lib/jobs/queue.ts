import { insertJobs, type NewJob } from "@/db/queries/background-jobs";
import type { QueryScope } from "@/db/queries/scope";
import { JOB_HANDLERS, type JobKind, type JobPayload } from "./handlers";

/**
 * One durable job mechanism, the same on both engines.
 *
 * Work that follows a change but need not hold up the answer (an email, later
 * webhooks) is a row of the `background_jobs` table, written by `enqueueJob`
 * with the scope of the change's own transaction (`inTransaction`), for that
 * scope's firm: it commits with the change or not at all.
 * After the commit, the caller wakes this process's runner
 * (`wakeJobRunners()`); runners also poll, so a job is run by whichever
 * process is running jobs, even when the process that wrote it crashed a
 * moment later.
 *
 * Why one app-owned table rather than pg-boss's: the change's transaction runs
 * as the row-level-security role (db/firm-db.ts), which can be granted
 * INSERT on one table of ours with a firm policy (migration 0006) but should
 * not get pg-boss's schema, which pg-boss creates and migrates itself; and the
 * embedded database has no pg-boss at all. With one table, the same claim loop
 * (lib/jobs/runner.ts: `for update skip locked`, leases, attempts, exponential
 * backoff, last error) runs the jobs on both engines, and on PostgreSQL any
 * number of app instances and `npm run worker` processes share the work, each
 * job run by one of them at a time. pg-boss keeps the reminder schedule.
 *
 * Guarantees: a job exists if and only if its change committed; it runs at
 * least once after that (more than once only when a runner stopped mid-job,
 * hence idempotent handlers); a failing job is retried with growing delays up
 * to its attempts, then kept as failed with its last error.
 */

export type EnqueueJob<K extends JobKind> = {
  kind: K;
  payload: JobPayload<K>;
  /** Not before this time (default: at once). */
  runAfter?: Date;
  /** One job per key and firm: queuing the same key again does nothing. */
  dedupeKey?: string;
};

/**
 * Queues a job in the caller's transaction: pass the scope `inTransaction`
 * gives the change (its db is the transaction; the job's firm is the scope's,
 * never an argument). Returns the job's id, or null when the dedupe key was
 * taken. Wake the runners after the transaction commits.
 */
export async function enqueueJob<K extends JobKind>(
  tx: Pick<QueryScope, "db" | "firmId">,
  job: EnqueueJob<K>,
): Promise<string | null> {
  const [row] = await insertJobs(tx, [jobRow(job)]);
  return row?.id ?? null;
}

/** A job of any kind, its payload matching its kind. */
export type AnyJob = { [K in JobKind]: EnqueueJob<K> }[JobKind];

/** Several jobs of one change, queued in one statement (see enqueueJob). Returns the kinds written (a taken dedupe key is left out). */
export async function enqueueJobs(tx: Pick<QueryScope, "db" | "firmId">, jobs: AnyJob[]): Promise<JobKind[]> {
  const rows = await insertJobs(tx, jobs.map(jobRow));
  return rows.map((r) => r.kind as JobKind);
}

function jobRow<K extends JobKind>(job: EnqueueJob<K>): NewJob {
  const def = JOB_HANDLERS[job.kind];
  return {
    kind: job.kind,
    payload: def.payload.parse(job.payload) as Record<string, unknown>,
    runAfter: job.runAfter,
    maxAttempts: "maxAttempts" in def && typeof def.maxAttempts === "number" ? def.maxAttempts : undefined,
    dedupeKey: job.dedupeKey,
  };
}

type Wakeable = { wake(): void };
type Registry = { runners: Set<Wakeable> };
// Shared across module instances (the server's bundles, development reloads): one set per process.
const registry: Registry = ((globalThis as { __afterviewJobRunners?: Registry }).__afterviewJobRunners ??= { runners: new Set() });

/** Tells this process's runners that jobs were just committed (a hint: they poll anyway). */
export function wakeJobRunners(): void {
  for (const r of registry.runners) r.wake();
}

export function registerRunner(r: Wakeable): () => void {
  registry.runners.add(r);
  return () => registry.runners.delete(r);
}
