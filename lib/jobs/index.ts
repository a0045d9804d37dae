import { getDatabase, type Database } from "@/db/runtime";
import { logger } from "@/lib/platform/logger";
import { startBoss, type BossHandle } from "./boss";
import { runRemindersOnce, type PassResult } from "./reminders";
import { createJobRunner, type JobRunner } from "./runner";

export { enqueueJob, wakeJobRunners } from "./queue";
export { createJobRunner } from "./runner";

/**
 * Background work of the app process (RUN_JOBS=1) or of `npm run worker`:
 * - the runner of the durable jobs (lib/jobs/queue.ts: work that follows a
 *   change, written in the change's transaction), the same on both engines;
 * - the reminders (the daily digest to recruiters; the candidates' plan
 *   emails: the debrief reminder, notes due soon, the call window opening,
 *   lib/jobs/plan-reminders.ts), found by scanning for what is due: on PostgreSQL on
 *   pg-boss (safe with any number of app instances and `npm run worker`
 *   processes at once); on the embedded database (PGlite, one process by
 *   design) pg-boss cannot run, and the same functions run from a timer in
 *   the app process instead.
 *
 * Either way each email has a dedupe key, so nobody gets one twice.
 */

export type JobsOptions = {
  database?: Database;
  clock?: () => Date;
  /** Embedded database: time between passes. */
  intervalMs?: number;
  /** PostgreSQL: how often workers poll. */
  pollingIntervalSeconds?: number;
  /** PostgreSQL: install the cron schedule. */
  schedule?: boolean;
  /** Durable jobs: time between polls of the job table. */
  jobPollMs?: number;
};

export type JobsHandle = {
  engine: "pg-boss" | "timer";
  /** Runs (or, on pg-boss, enqueues) a pass now. */
  runNow(): Promise<PassResult | string | null>;
  stop(): Promise<void>;
  /** pg-boss only. */
  boss?: BossHandle;
  /** The durable jobs' runner. */
  runner: JobRunner;
};

export const TIMER_INTERVAL_MS = 10 * 60_000;

export async function startJobs(opts: JobsOptions = {}): Promise<JobsHandle> {
  const database = opts.database ?? (await getDatabase());
  const clock = opts.clock ?? (() => new Date());
  const runner = createJobRunner({ database, pollMs: opts.jobPollMs }).start();
  logger.info({ engine: database.engine }, "durable job runner started");
  try {
    const reminders = await startReminders(database, clock, opts);
    return {
      ...reminders,
      runner,
      async stop() {
        await Promise.all([reminders.stop(), runner.stop()]);
      },
    };
  } catch (err) {
    await runner.stop();
    throw err;
  }
}

async function startReminders(database: Database, clock: () => Date, opts: JobsOptions): Promise<Omit<JobsHandle, "runner">> {
  if (database.engine === "postgres") {
    const boss = await startBoss(database, {
      clock,
      pollingIntervalSeconds: opts.pollingIntervalSeconds,
      schedule: opts.schedule,
    });
    logger.info({ engine: "pg-boss" }, "reminder jobs started");
    return { engine: "pg-boss", boss, runNow: () => boss.scanNow({ dedupe: false }), stop: () => boss.stop() };
  }
  return startTimer(database, clock, opts.intervalMs ?? TIMER_INTERVAL_MS);
}

function startTimer(database: Database, clock: () => Date, intervalMs: number): Omit<JobsHandle, "runner"> {
  let running: Promise<PassResult> | null = null;
  let stopped = false;
  const pass = async (): Promise<PassResult> => {
    // One pass at a time in this process; a slow pass is not overlapped by the next tick.
    if (running) return running;
    running = runRemindersOnce(database.db, clock()).finally(() => {
      running = null;
    });
    return running;
  };
  const tick = () => {
    if (stopped) return;
    pass().catch((err) => logger.error({ err: err instanceof Error ? err.message : String(err) }, "reminder pass failed"));
  };
  const first = setTimeout(tick, Math.min(5_000, intervalMs));
  const timer = setInterval(tick, intervalMs);
  first.unref?.();
  timer.unref?.();
  logger.info({ engine: "timer", intervalMs }, "reminder jobs started (embedded database: in-process timer)");
  return {
    engine: "timer",
    runNow: pass,
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      if (running) await running.catch(() => {});
    },
  };
}
