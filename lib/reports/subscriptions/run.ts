import type { DbOrTx } from "@/db/runtime";
import { checkReportFilterIds, findReportPage, listReportFilterOptions } from "@/db/queries/reports";
import {
  unsafeClaimedReportPeriods,
  unsafeClaimReportSend,
  unsafeFinishReportSend,
  unsafeListActiveReportSubscriptions,
  unsafeReleaseReportSend,
  type ActiveReportSubscription,
} from "@/db/queries/report-subscriptions";
import type { QueryScope } from "@/db/queries/scope";
import { localDateKey } from "@/lib/core/follow-up/business-days";
import { can } from "@/lib/core/permissions";
import { COLUMNS } from "@/lib/core/reports/columns";
import { filtersForRecord, filtersToSearchParams, parseReportFilters, type ReportFilters } from "@/lib/core/reports/filters";
import { sendEmail } from "@/lib/email/send";
import { unsubscribeHeaders } from "@/lib/email/unsubscribe";
import { logger } from "@/lib/platform/logger";
import { appOrigin } from "@/lib/platform/url";
import { csvRecord, escapeFormula } from "../csv";
import { loadReportMetrics } from "../page-metrics";
import { FUNNEL_CID, reportEmail } from "./email";
import { funnelPng } from "./funnel-png";
import { describeFilters, describeSchedule, duePeriod } from "./schedule";
import { reportUnsubscribeUrl } from "./unsubscribe-token";

/**
 * The schedule's tick, a plain function of (database, now): the reminder
 * pass calls it (the embedded database's timer, tests), pg-boss's scan
 * enqueues one job per due send. Each period's send is claimed by inserting
 * its (subscription, period) row first, so of several workers ticking at
 * once exactly one writes the mail; the outbox's dedupe key is the second
 * guard.
 */

export type ReportSendOutcome = "sent" | "logged" | "failed" | "duplicate" | "empty";

/** One due mail: the subscription, its period and when it was due (ISO, so it survives a queue). */
export type ReportSendJob = ActiveReportSubscription & { periodKey: string; dueAt: string; dedupeKey: string };

/** At most this many rows go in the attached CSV; past it the mail links to the whole download. */
export const CSV_ROW_CAP = 5_000;

export function reportSendKey(subscriptionId: string, periodKey: string): string {
  return `report:${subscriptionId}:${periodKey}`;
}

/** The subscriptions whose time has come in their firm's zone and whose period has no claimed send. */
export async function dueReportSubscriptions(db: DbOrTx, now: Date): Promise<ReportSendJob[]> {
  const subs = await unsafeListActiveReportSubscriptions(db);
  const jobs: ReportSendJob[] = [];
  for (const s of subs) {
    const due = duePeriod(s, s.timeZone, now);
    if (!due) continue;
    jobs.push({ ...s, periodKey: due.periodKey, dueAt: due.dueAt.toISOString(), dedupeKey: reportSendKey(s.id, due.periodKey) });
  }
  const claimed = await unsafeClaimedReportPeriods(
    db,
    jobs.map((j) => j.id),
  );
  return jobs.filter((j) => !claimed.has(`${j.id}:${j.periodKey}`));
}

/**
 * The applications report as CSV, at most `cap` rows; past the cap the last
 * line says so and gives the link to the whole download.
 */
export async function csvAttachment(
  scope: QueryScope,
  input: { filters: ReportFilters; timeZone: string; fullUrl: string; cap?: number },
): Promise<{ body: string; rows: number; capped: boolean }> {
  const cap = input.cap ?? CSV_ROW_CAP;
  const page = await findReportPage(scope, { report: "applications", filters: input.filters, timeZone: input.timeZone, as: "csv", limit: cap });
  const columns = COLUMNS.applications;
  let body = csvRecord(columns.map((c) => c.key));
  for (const r of page.rows) {
    body += csvRecord(
      columns.map((c) => {
        const v = r[c.key] as string | null;
        return c.type === "text" && v !== null ? escapeFormula(v) : v;
      }),
    );
  }
  const capped = page.next !== null;
  if (capped) body += csvRecord([`Only the first ${cap} rows are attached. The whole file: ${input.fullUrl}`]);
  return { body, rows: page.rows.length, capped };
}

/**
 * Claims the job's period and sends its mail, built in the subscriber's own
 * scope (what they would see on the page). "duplicate" when another worker
 * had the period, "empty" when the saved filters no longer apply (a client
 * since removed).
 */
export async function sendReportSubscription(db: DbOrTx, job: ReportSendJob, now: Date): Promise<ReportSendOutcome> {
  const claim = await unsafeClaimReportSend(db, { firmId: job.firmId, subscriptionId: job.id, periodKey: job.periodKey, now });
  if (!claim) return "duplicate";
  try {
    const scope: QueryScope = { db, firmId: job.firmId, userId: job.userId, role: job.role, candidateId: null };
    const parsed = parseReportFilters(new URLSearchParams(job.filters));
    const filters = parsed.ok && Object.keys(await checkReportFilterIds(scope, parsed.filters)).length === 0 ? parsed.filters : null;
    if (!filters || !can(job.role, "reports.read")) {
      await unsafeFinishReportSend(db, { firmId: job.firmId, id: claim, outcome: "empty", now });
      return "empty";
    }
    const { metrics } = await loadReportMetrics(scope, { filters, timeZone: job.timeZone, today: localDateKey(now, job.timeZone) }, now);
    const origin = appOrigin();
    const query = filtersToSearchParams(filters).toString();
    const pageUrl = `${origin}/reports${query ? `?${query}` : ""}`;
    const unsubscribeUrl = reportUnsubscribeUrl(origin, { firmId: job.firmId, subscriptionId: job.id, userId: job.userId });
    const attachments: { filename: string; content: Buffer | string; contentType: string; cid?: string }[] = [
      { filename: "funnel.png", content: funnelPng(metrics.funnel), contentType: "image/png", cid: FUNNEL_CID },
    ];
    let csv = null;
    if (job.includeCsv && can(job.role, "reports.export")) {
      const fullUrl = `${origin}/api/exports/applications.csv${query ? `?${query}` : ""}`;
      const file = await csvAttachment(scope, { filters, timeZone: job.timeZone, fullUrl });
      attachments.push({ filename: `applications-${job.periodKey}.csv`, content: file.body, contentType: "text/csv; charset=utf-8" });
      csv = { rows: file.rows, capped: file.capped, cap: CSV_ROW_CAP, fullUrl };
    }
    const mail = reportEmail({
      firmName: job.firmName,
      name: job.name,
      schedule: describeSchedule(job),
      filtersText: describeFilters(filtersForRecord(filters), await listReportFilterOptions(scope, { jobIds: [filters.job], clientIds: filters.client, recruiterIds: filters.recruiter })),
      metrics,
      pageUrl,
      unsubscribeUrl,
      csv,
      period: job.frequency === "weekly" ? `week ${job.periodKey}` : job.periodKey,
    });
    const outcome = await sendEmail(
      db,
      { firmId: job.firmId, to: job.email, ...mail, dedupeKey: job.dedupeKey },
      { fromName: job.firmName, headers: unsubscribeHeaders(unsubscribeUrl), attachments },
    );
    await unsafeFinishReportSend(db, { firmId: job.firmId, id: claim, outcome, now });
    return outcome;
  } catch (err) {
    // Nothing was written to the outbox (or its key keeps a second copy out): a later tick may try again.
    await unsafeReleaseReportSend(db, { firmId: job.firmId, id: claim }).catch(() => {});
    throw err;
  }
}

/** Every report email due now, in this process. */
export async function runReportSubscriptionsOnce(db: DbOrTx, now: Date = new Date()): Promise<Record<ReportSendOutcome, number>> {
  const counts: Record<ReportSendOutcome, number> = { sent: 0, logged: 0, failed: 0, duplicate: 0, empty: 0 };
  for (const job of await dueReportSubscriptions(db, now)) {
    try {
      counts[await sendReportSubscription(db, job, now)] += 1;
    } catch (err) {
      counts.failed += 1;
      logger.error({ err: err instanceof Error ? err.message : String(err), subscriptionId: job.id }, "report email failed");
    }
  }
  return counts;
}
