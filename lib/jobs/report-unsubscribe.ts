import { getDatabase } from "@/db/runtime";
import { unsafeStopReportSubscription } from "@/db/queries/report-subscriptions";
import { verifyReportUnsubscribeToken, type ReportUnsubscribeTarget } from "@/lib/reports/subscriptions/unsubscribe-token";

/**
 * The one-click unsubscribe of a scheduled report email. It has no session:
 * the signed link is its only authority, so it opens the database as the
 * jobs do and stops only the subscription (of that firm and subscriber) the
 * link was signed for.
 */

export function checkReportUnsubscribeLink(token: string): ReportUnsubscribeTarget | null {
  return verifyReportUnsubscribeToken(token);
}

/** Stops the subscription (idempotent; one since deleted answers "off" too). */
export async function unsubscribeFromReportEmail(token: string, now = new Date()): Promise<"off" | "invalid"> {
  const target = verifyReportUnsubscribeToken(token);
  if (!target) return "invalid";
  const { db } = await getDatabase();
  await unsafeStopReportSubscription(db, { ...target, now });
  return "off";
}
