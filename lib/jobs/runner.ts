import { AsyncResource } from "node:async_hooks";
import { unsafeClaimDueJobs, unsafeDeleteDoneJobs, unsafeFailJob, unsafeFinishJob, type ClaimedJob } from "@/db/queries/background-jobs";
import type { Database } from "@/db/runtime";
import { logger } from "@/lib/platform/logger";
import { JOB_HANDLERS, type JobHandlers } from "./handlers";
import { registerRunner } from "./queue";

/**
 * Runs the jobs of the `background_jobs` table (see lib/jobs/queue.ts), on
 * either engine: claims due rows (`for update skip locked`, so runners in
 * several processes never take the same one), runs each claimed job's
 * handler outside any transaction, then marks it done, or queued again after
 * a growing delay with its error, or failed after its last attempt. A claim is
 * a lease: a job whose runner stopped mid-run is due again when it ends.
 * Woken by `wakeJobRunners()` right after a commit, and by a timer. Done
 * jobs are deleted a week after they finished (at most one sweep an hour).
 */

export type RunnerOptions = {
  database: Database;
  clock?: () => Date;
  /** Time between polls (default 5 s). */
  pollMs?: number;
  /** How long a claimed job belongs to its runner (default 5 minutes). */
  leaseMs?: number;
  /** The first retry's delay; each later one doubles it (default 30 s). */
  retryDelayMs?: number;
  /** The longest delay between attempts (default 1 hour). */
  maxRetryDelayMs?: number;
  /** Jobs claimed at a time (default 10). */
  batchSize?: number;
  /** How long a done job is kept (default 7 days); failed ones are kept. */
  doneRetentionMs?: number;
  /** Tests replace handlers. */
  handlers?: JobHandlers;
};

export type PassSummary = { done: number; retried: number; failed: number };

export const RETRY_DELAY_MS = 30_000;

/** The delay after a failed attempt `attempt` (1 = the first): base, 2 × base, 4 × base, … up to the cap. */
export function retryDelay(attempt: number, baseMs = RETRY_DELAY_MS, maxMs = 3_600_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

export type JobRunner = {
  /** Runs every job due now, until none is; concurrent calls share one pass. */
  runDue(): Promise<PassSummary>;
  /** Asks for a pass soon (after a commit). */
  wake(): void;
  /** Polls until stopped. */
  start(): JobRunner;
  stop(): Promise<void>;
};

export function createJobRunner(opts: RunnerOptions): JobRunner {
  const { database } = opts;
  const clock = opts.clock ?? (() => new Date());
  const handlers = opts.handlers ?? (JOB_HANDLERS as JobHandlers);
  const leaseMs = opts.leaseMs ?? 5 * 60_000;
  const batchSize = opts.batchSize ?? 10;
  const retentionMs = opts.doneRetentionMs ?? 7 * 86_400_000;
  let lastSweep = -Infinity;
  let pass: Promise<PassSummary> | null = null;
  let again = false;
  let stopped = false;
  let timer: ReturnType<typeof setInterval> | null = null;
  let unregister: (() => void) | null = null;
  // The context the runner was made in (the server's start-up, not a request). A wake comes from a
  // request that just committed; a pass started or joined in that request's context would keep the
  // request's whole async context (its response among it) for as long as the pass runs — under a
  // backlog, every waking request's, for minutes.
  const home = new AsyncResource("afterview.jobs");

  async function runOne(job: ClaimedJob, summary: PassSummary) {
    const def = handlers[job.kind];
    try {
      if (!def) throw new PermanentError(`no handler for job kind "${job.kind}"`);
      const parsed = def.payload.safeParse(job.payload);
      if (!parsed.success) throw new PermanentError(`invalid payload: ${parsed.error.message}`);
      await def.run(parsed.data, { database, firmId: job.firmId, job, now: clock() });
      await unsafeFinishJob(database.db, job, clock());
      summary.done++;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const now = clock();
      const last = err instanceof PermanentError || job.attempt >= job.maxAttempts;
      const delay = retryDelay(job.attempt, def?.retryDelayMs ?? opts.retryDelayMs, def?.maxRetryDelayMs ?? opts.maxRetryDelayMs);
      const retryAt = last ? null : new Date(now.getTime() + delay);
      await unsafeFailJob(database.db, job, { error: message, now, retryAt });
      const log = { jobId: job.id, kind: job.kind, firmId: job.firmId, attempt: job.attempt, err: message };
      if (retryAt) {
        summary.retried++;
        logger.warn({ ...log, retryAt: retryAt.toISOString() }, "job failed; will retry");
      } else {
        summary.failed++;
        logger.error(log, "job failed for good");
      }
    }
  }

  async function drain(): Promise<PassSummary> {
    const summary: PassSummary = { done: 0, retried: 0, failed: 0 };
    const started = clock().getTime();
    if (started - lastSweep >= 3_600_000) {
      lastSweep = started;
      await unsafeDeleteDoneJobs(database.db, new Date(started - retentionMs));
    }
    do {
      again = false;
      for (;;) {
        if (stopped) return summary;
        const jobs = await unsafeClaimDueJobs(database.db, { now: clock(), leaseMs, limit: batchSize });
        if (jobs.length === 0) break;
        for (const job of jobs) await runOne(job, summary);
      }
    } while (again && !stopped);
    return summary;
  }

  const pollNow = () => {
    if (stopped) return;
    if (pass) {
      // The running pass goes round once more; nothing is chained on it.
      again = true;
      return;
    }
    runner.runDue().catch((err) => logger.error({ err: err instanceof Error ? err.message : String(err) }, "job pass failed"));
  };

  const runner: JobRunner = {
    runDue() {
      if (pass) {
        // A commit after this pass's last claim is still seen: the pass goes round once more.
        again = true;
        return pass;
      }
      pass = drain().finally(() => {
        pass = null;
      });
      return pass;
    },
    wake() {
      if (stopped) return;
      setImmediate(() => home.runInAsyncScope(pollNow));
    },
    start() {
      if (timer || stopped) return runner;
      unregister = registerRunner(runner);
      timer = setInterval(() => runner.wake(), opts.pollMs ?? 5_000);
      timer.unref?.();
      // Jobs left from before a restart (or a crash) run at once.
      pollNow();
      return runner;
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      unregister?.();
      if (pass) await pass.catch(() => {});
    },
  };
  return runner;
}

/** A failure that retrying cannot fix (unknown kind, invalid payload). */
export class PermanentError extends Error {}
