import { getDatabase } from "@/db/runtime";
import { unsafeTurnOffPlanEmails } from "@/db/queries/plan-reminders";
import { verifyUnsubscribeToken, type UnsubscribeTarget } from "@/lib/email/unsubscribe";

/**
 * The one-click unsubscribe of the plan emails that these jobs send
 * (./plan-reminders.ts). It has no session: the signed link is its only
 * authority, so it opens the database as the jobs do, and writes only the
 * firm and candidate the link was signed for.
 */

/** The target of a link, or null when the link is malformed or forged (checked before any page is shown). */
export function checkUnsubscribeLink(token: string): UnsubscribeTarget | null {
  return verifyUnsubscribeToken(token);
}

export type UnsubscribeResult = "off" | "invalid";

/** Turns the candidate's plan emails off (idempotent). A candidate since erased or gone answers "off" too: no mail goes to them either way. */
export async function unsubscribeFromPlanEmails(token: string, now = new Date()): Promise<UnsubscribeResult> {
  const target = verifyUnsubscribeToken(token);
  if (!target) return "invalid";
  const { db } = await getDatabase();
  await unsafeTurnOffPlanEmails(db, { ...target, now });
  return "off";
}
