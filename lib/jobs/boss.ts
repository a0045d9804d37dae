import PgBoss from "pg-boss";
import type { Database } from "@/db/runtime";
import { logger } from "@/lib/platform/logger";
import { duePlanReminders, sendPlanReminder, type PlanReminderJob } from "./plan-reminders";
import { announceOverdueTasks, dueDigests, sendDigest, type DigestJob } from "./reminders";
import { dueFeedbackLinkReminders, sendFeedbackLinkReminder, type FeedbackLinkReminderJob } from "./feedback-link-reminders";
import { dueReportSubscriptions, sendReportSubscription, type ReportSendJob } from "@/lib/reports/subscriptions/run";

/**
 * The reminders on pg-boss (jobs kept in PostgreSQL, no other server):
 * - `reminders-scan`, every 10 minutes by cron (one tick per schedule across
 *   all instances) and once when an instance starts, finds what is due and
 *   enqueues one job per email;
 * - `reminders-digest`, `reminders-debrief`, `reminders-plan` (the
 *   candidates' other plan emails: notes due soon, the call window opening)
 *   and `reminders-client` (a client interviewer's one feedback-link
 *   reminder) send one email each.
 * Several instances may scan and work at once: a per-email singleton key
 * keeps duplicate jobs out of the queue, and the outbox's unique dedupe key
 * keeps a duplicate email from ever being sent.
 */

export const QUEUES = {
  scan: "reminders-scan",
  digest: "reminders-digest",
  debrief: "reminders-debrief",
  plan: "reminders-plan",
  client: "reminders-client",
  /** A scheduled report email (claimed per subscription and period when it runs). */
  report: "reminders-report",
} as const;

export const SCAN_CRON = "*/10 * * * *";
/** A per-email job is enqueued at most once in this window (pg-boss caps it below its 12 h archive interval). */
const SINGLETON_SECONDS = 6 * 3600;

export type BossOptions = {
  /** The clock of the jobs (tests fix it). */
  clock?: () => Date;
  /** How often a worker asks for work (pg-boss's minimum is 0.5 s). */
  pollingIntervalSeconds?: number;
  /** Install the cron schedule (off in tests, which scan on demand). */
  schedule?: boolean;
};

export type BossHandle = {
  boss: PgBoss;
  /** Enqueues a scan now (deduplicated across instances for a minute). */
  scanNow(opts?: { dedupe?: boolean }): Promise<string | null>;
  stop(): Promise<void>;
};

/** pg-boss on the app's own pool: no second pool, the same connection settings. */
function adapter(database: Database): PgBoss.Db {
  const pool = database.pool;
  if (!pool) throw new Error("pg-boss needs PostgreSQL; the embedded database runs the reminders on a timer instead.");
  return { executeSql: async (text, values) => pool.query(text, values) };
}

export async function startBoss(database: Database, opts: BossOptions = {}): Promise<BossHandle> {
  const clock = opts.clock ?? (() => new Date());
  const boss = new PgBoss({
    db: adapter(database),
    schema: "pgboss",
    schedule: opts.schedule ?? true,
    supervise: true,
    migrate: true,
  });
  boss.on("error", (err) => logger.error({ err: err.message }, "job queue error"));
  await boss.start();
  await boss.createQueue(QUEUES.scan, { name: QUEUES.scan, policy: "singleton", retryLimit: 2, retryDelay: 30, expireInSeconds: 600 });
  await boss.createQueue(QUEUES.digest, { name: QUEUES.digest, policy: "standard", retryLimit: 3, retryDelay: 60, retryBackoff: true });
  await boss.createQueue(QUEUES.debrief, { name: QUEUES.debrief, policy: "standard", retryLimit: 3, retryDelay: 60, retryBackoff: true });
  await boss.createQueue(QUEUES.plan, { name: QUEUES.plan, policy: "standard", retryLimit: 3, retryDelay: 60, retryBackoff: true });
  await boss.createQueue(QUEUES.client, { name: QUEUES.client, policy: "standard", retryLimit: 3, retryDelay: 60, retryBackoff: true });
  await boss.createQueue(QUEUES.report, { name: QUEUES.report, policy: "standard", retryLimit: 3, retryDelay: 60, retryBackoff: true });

  const polling = { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 5 };

  await boss.work(QUEUES.scan, polling, async () => {
    const now = clock();
    const db = database.db;
    const [digests, reminders, clientReminders] = await Promise.all([
      dueDigests(db, now),
      duePlanReminders(db, now),
      dueFeedbackLinkReminders(db, now),
    ]);
    for (const job of digests) {
      await boss.send(QUEUES.digest, job, { singletonKey: job.dedupeKey, singletonSeconds: SINGLETON_SECONDS });
    }
    for (const job of reminders) {
      const queue = job.kind === "debrief" ? QUEUES.debrief : QUEUES.plan;
      await boss.send(queue, job, { singletonKey: job.dedupeKey, singletonSeconds: SINGLETON_SECONDS });
    }
    for (const job of clientReminders) {
      await boss.send(QUEUES.client, job, { singletonKey: job.dedupeKey, singletonSeconds: SINGLETON_SECONDS });
    }
    const overdueTaskEvents = await announceOverdueTasks(db, now);
    const reportEmails = await dueReportSubscriptions(db, now);
    for (const job of reportEmails) {
      await boss.send(QUEUES.report, job, { singletonKey: job.dedupeKey, singletonSeconds: SINGLETON_SECONDS });
    }
    return {
      overdueTaskEvents,
      clientReminders: clientReminders.length,
      reportEmails: reportEmails.length,
      digests: digests.length,
      debriefReminders: reminders.filter((j) => j.kind === "debrief").length,
      planReminders: reminders.filter((j) => j.kind !== "debrief").length,
    };
  });

  await boss.work<DigestJob>(QUEUES.digest, polling, async ([job]) => {
    if (!job) return;
    const outcome = await sendDigest(database.db, job.data, clock());
    if (outcome === "failed") logger.warn({ firmId: job.data.firmId, userId: job.data.userId }, "digest not delivered (kept in the outbox)");
    return { outcome };
  });

  // Both queues carry plan emails; a job queued by an older version (no kind)
  // is dropped: a later scan finds the mail again under the same dedupe key
  // (once the singleton window of the dropped job has passed).
  const planWorker = async ([job]: PgBoss.Job<PlanReminderJob>[]) => {
    if (!job) return;
    if (!job.data.kind || !job.data.candidateId) return { outcome: "stale" };
    return { outcome: await sendPlanReminder(database.db, job.data) };
  };
  await boss.work<PlanReminderJob>(QUEUES.debrief, polling, planWorker);
  await boss.work<PlanReminderJob>(QUEUES.plan, polling, planWorker);

  // Dates travel through the queue as strings: read them back before sending.
  await boss.work<FeedbackLinkReminderJob>(QUEUES.client, polling, async ([job]) => {
    if (!job) return;
    const data = { ...job.data, expiresAt: new Date(job.data.expiresAt) };
    return { outcome: await sendFeedbackLinkReminder(database.db, data, clock()) };
  });

  await boss.work<ReportSendJob>(QUEUES.report, polling, async ([job]) => {
    if (!job) return;
    return { outcome: await sendReportSubscription(database.db, job.data, clock()) };
  });

  if (opts.schedule ?? true) await boss.schedule(QUEUES.scan, SCAN_CRON, {}, { tz: "UTC" });

  const scanNow = (o: { dedupe?: boolean } = {}) =>
    boss.send(QUEUES.scan, {}, o.dedupe === false ? {} : { singletonKey: "scan", singletonSeconds: 60 });
  await scanNow();

  return {
    boss,
    scanNow,
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}
