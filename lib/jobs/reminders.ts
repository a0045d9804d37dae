import { tz } from "@date-fns/tz";
import { format } from "date-fns";
import type { DbOrTx } from "@/db/runtime";
import { listQueueItems, unsafeListDigestRecipients, unsafeUsedDedupeKeys, type DigestRecipient } from "@/db/queries/dashboard";
import { sendEmail } from "@/lib/email/send";
import { appOrigin } from "@/lib/platform/url";
import { isBusinessDay } from "@/lib/core/follow-up/business-days";
import { logger } from "@/lib/platform/logger";
import { duePlanReminders, planReminderKey, sendPlanReminder, type PlanReminderJob } from "./plan-reminders";
import { digestEmail } from "./templates";
import { dueFeedbackLinkReminders, sendFeedbackLinkReminder } from "./feedback-link-reminders";
import { emitOverdueTaskEvents } from "@/lib/webhooks/overdue-tasks";
import { wakeJobRunners } from "./queue";
import { runReportSubscriptionsOnce, type ReportSendOutcome } from "@/lib/reports/subscriptions/run";

/**
 * The reminder jobs as plain functions of (database, now): pg-boss runs them
 * on PostgreSQL, a timer runs them on the embedded database, and tests call
 * them directly. Each email carries a dedupe key (email_outbox.dedupe_key is
 * unique), so however many instances run them at once, each goes out once.
 */

/** Digests go out from 07:00 in the firm's zone; after noon a missed one is not worth sending. */
export const DIGEST_FROM_HOUR = 7;
export const DIGEST_UNTIL_HOUR = 12;

export type DigestJob = DigestRecipient & { day: string; dedupeKey: string; holidays?: string[] };
/** The debrief reminder is one of the candidates' plan emails (./plan-reminders.ts). */
export type DebriefReminderJob = PlanReminderJob & { kind: "debrief" };
export type SendOutcome = "sent" | "logged" | "failed" | "duplicate" | "empty";

export function digestKey(r: { firmId: string; userId: string }, day: string): string {
  return `digest:${r.firmId}:${r.userId}:${day}`;
}

export function debriefReminderKey(interviewId: string): string {
  return planReminderKey(interviewId, "debrief");
}

/** Who should get a digest now: it is morning in their firm's zone, and they have not had today's. */
export async function dueDigests(db: DbOrTx, now: Date): Promise<DigestJob[]> {
  const recipients = await unsafeListDigestRecipients(db);
  const jobs: DigestJob[] = [];
  for (const r of recipients) {
    const hour = Number(format(now, "H", { in: tz(r.timeZone) }));
    if (hour < DIGEST_FROM_HOUR || hour >= DIGEST_UNTIL_HOUR) continue;
    if (!isBusinessDay(now, r.timeZone, r.holidays)) continue;
    const day = format(now, "yyyy-MM-dd", { in: tz(r.timeZone) });
    jobs.push({ ...r, day, dedupeKey: digestKey(r, day) });
  }
  const used = await unsafeUsedDedupeKeys(
    db,
    jobs.map((j) => j.dedupeKey),
  );
  return jobs.filter((j) => !used.has(j.dedupeKey));
}

/**
 * Candidates whose debrief is past the deadline their firm's policy set (the
 * plan sets none when the firm did not arrange the interview) and who have
 * not been reminded.
 */
export async function dueDebriefReminders(db: DbOrTx, now: Date): Promise<DebriefReminderJob[]> {
  return (await duePlanReminders(db, now)).filter((j): j is DebriefReminderJob => j.kind === "debrief");
}

/** One recruiter's digest: their overdue and due-today items. Nothing to say → no email. */
export async function sendDigest(db: DbOrTx, job: DigestJob, now: Date): Promise<SendOutcome> {
  // The recipient's own view of their own firm: the same queue their dashboard shows.
  const scope = { db, firmId: job.firmId, userId: job.userId, role: job.role, candidateId: null };
  const items = await listQueueItems(scope, { view: "mine", now });
  const overdue = items.filter((i) => i.state === "overdue");
  const dueToday = items.filter((i) => i.state === "due");
  if (overdue.length === 0 && dueToday.length === 0) return "empty";
  const mail = digestEmail({ name: job.name, firmName: job.firmName, zone: job.timeZone, now, origin: appOrigin(), overdue, dueToday });
  return sendEmail(db, { firmId: job.firmId, to: job.email, ...mail, dedupeKey: job.dedupeKey });
}

export async function sendDebriefReminder(db: DbOrTx, job: DebriefReminderJob): Promise<SendOutcome> {
  return sendPlanReminder(db, job);
}

export type PassResult = {
  digests: Record<SendOutcome, number>;
  /** The debrief reminders. */
  debriefReminders: Record<SendOutcome, number>;
  /** The other plan emails: thank-you notes due soon, the call window opening. */
  planReminders: Record<SendOutcome, number>;
  /** The one reminder to a client's interviewer whose feedback link is unanswered past the promised decision day. */
  clientReminders: Record<SendOutcome, number>;
  /** `task.overdue` webhook deliveries written (lib/webhooks/overdue-tasks.ts). */
  overdueTaskEvents: number;
  /** The scheduled report emails (lib/reports/subscriptions). */
  reportEmails: Record<ReportSendOutcome, number>;
};

const zero = (): Record<SendOutcome, number> => ({ sent: 0, logged: 0, failed: 0, duplicate: 0, empty: 0 });

/**
 * One full pass in this process: every digest and reminder due now. Used by
 * the embedded database's timer and by tests; pg-boss splits the same work
 * into one job per email.
 */
export async function runRemindersOnce(db: DbOrTx, now = new Date()): Promise<PassResult> {
  const result: PassResult = {
    digests: zero(),
    debriefReminders: zero(),
    planReminders: zero(),
    clientReminders: zero(),
    reportEmails: zero(),
    overdueTaskEvents: 0,
  };
  for (const job of await dueDigests(db, now)) {
    try {
      result.digests[await sendDigest(db, job, now)] += 1;
    } catch (err) {
      result.digests.failed += 1;
      logger.error({ err: err instanceof Error ? err.message : String(err), firmId: job.firmId, userId: job.userId }, "digest failed");
    }
  }
  for (const job of await duePlanReminders(db, now)) {
    const counts = job.kind === "debrief" ? result.debriefReminders : result.planReminders;
    try {
      counts[await sendPlanReminder(db, job)] += 1;
    } catch (err) {
      counts.failed += 1;
      logger.error({ err: err instanceof Error ? err.message : String(err), interviewId: job.interviewId, kind: job.kind }, "plan reminder failed");
    }
  }
  for (const job of await dueFeedbackLinkReminders(db, now)) {
    try {
      result.clientReminders[await sendFeedbackLinkReminder(db, job, now)] += 1;
    } catch (err) {
      result.clientReminders.failed += 1;
      logger.error({ err: err instanceof Error ? err.message : String(err), linkId: job.id }, "feedback link reminder failed");
    }
  }
  result.overdueTaskEvents = await announceOverdueTasks(db, now);
  result.reportEmails = await runReportSubscriptionsOnce(db, now);
  return result;
}

/** The `task.overdue` webhook events due now (one per task and endpoint); their deliveries are durable jobs. */
export async function announceOverdueTasks(db: DbOrTx, now: Date): Promise<number> {
  try {
    const written = await emitOverdueTaskEvents(db, now);
    if (written > 0) wakeJobRunners();
    return written;
  } catch (err) {
    logger.error({ err: err instanceof Error ? err.message : String(err) }, "overdue task webhooks failed");
    return 0;
  }
}
