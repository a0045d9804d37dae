import { recordAudit } from "@/db/queries/audit";
import { checkReportFilterIds } from "@/db/queries/reports";
import { deleteReportSubscription, insertReportSubscription, unsubscribeReportSubscription } from "@/db/queries/report-subscriptions";
import { inTransaction, type QueryScope } from "@/db/queries/scope";
import { AppError } from "@/lib/core/errors";
import { filtersForRecord, parseReportFilters } from "@/lib/core/reports/filters";
import type { Frequency } from "./schedule";

/**
 * A staff member's own report emails: subscribe to the page's current
 * filters, stop one, delete one. Each is one transaction with its audit row;
 * a person reaches only their own subscriptions (the query layer filters by
 * firm and person), anyone else's is "not found".
 */

export type SubscribeInput = { query: string; frequency: Frequency; weekday?: number; localTime: string; includeCsv: boolean };

export async function subscribeToReport(scope: QueryScope, input: SubscribeInput): Promise<{ id: string }> {
  const parsed = parseReportFilters(new URLSearchParams(input.query));
  if (!parsed.ok) throw new AppError("invalid", "These filters cannot be applied. Correct them on the page first.");
  const idErrors = await checkReportFilterIds(scope, parsed.filters);
  if (Object.keys(idErrors).length > 0) throw new AppError("invalid", "These filters cannot be applied. Correct them on the page first.");
  const filters = filtersForRecord(parsed.filters);
  return inTransaction(scope, async (tx) => {
    const row = await insertReportSubscription(tx, {
      filters,
      frequency: input.frequency,
      weekday: input.frequency === "weekly" ? (input.weekday ?? null) : null,
      localTime: input.localTime,
      includeCsv: input.includeCsv,
    });
    if (!row) throw new AppError("not_found");
    await recordAudit(tx, {
      action: "report_subscription.created",
      entityType: "report_subscription",
      entityId: row.id,
      changes: { filters, frequency: input.frequency, weekday: input.weekday ?? null, localTime: input.localTime, includeCsv: input.includeCsv },
    });
    return row;
  });
}

export async function stopReportSubscription(scope: QueryScope, id: string, now = new Date()): Promise<"unsubscribed" | "already"> {
  return inTransaction(scope, async (tx) => {
    const result = await unsubscribeReportSubscription(tx, id, now);
    if (result === "not_found") throw new AppError("not_found");
    if (result === "unsubscribed") {
      await recordAudit(tx, { action: "report_subscription.unsubscribed", entityType: "report_subscription", entityId: id });
    }
    return result;
  });
}

export async function removeReportSubscription(scope: QueryScope, id: string): Promise<void> {
  await inTransaction(scope, async (tx) => {
    const result = await deleteReportSubscription(tx, id);
    if (result === "not_found") throw new AppError("not_found");
    await recordAudit(tx, { action: "report_subscription.deleted", entityType: "report_subscription", entityId: id });
  });
}
