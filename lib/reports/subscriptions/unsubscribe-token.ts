import { readSignedPayload, signPayload } from "@/lib/auth/signed-payload";
import { isUuid } from "@/lib/core/vocabulary";

/**
 * The unsubscribe link of a scheduled report email: the firm, the
 * subscription and its subscriber, signed with a key derived from
 * AUTH_SECRET as the plan emails' link is (lib/email/unsubscribe.ts). It does
 * not expire; a changed byte or another secret fails the check.
 */

export type ReportUnsubscribeTarget = { firmId: string; subscriptionId: string; userId: string };

const PURPOSE = "report-email-unsubscribe";
const LOCAL = { processKeyWithoutSecret: true };

export function signReportUnsubscribeToken(t: ReportUnsubscribeTarget): string {
  return signPayload(PURPOSE, { v: 1, f: t.firmId, s: t.subscriptionId, u: t.userId }, LOCAL);
}

export function verifyReportUnsubscribeToken(token: string): ReportUnsubscribeTarget | null {
  const p = readSignedPayload(PURPOSE, token, { ...LOCAL, maxLength: 512 });
  if (p?.v !== 1 || typeof p.f !== "string" || typeof p.s !== "string" || typeof p.u !== "string") return null;
  if (!isUuid(p.f) || !isUuid(p.s) || !isUuid(p.u)) return null;
  return { firmId: p.f, subscriptionId: p.s, userId: p.u };
}

/** The link in the mail and its List-Unsubscribe address. */
export function reportUnsubscribeUrl(origin: string, t: ReportUnsubscribeTarget): string {
  return `${origin}/unsubscribe/reports/${signReportUnsubscribeToken(t)}`;
}
