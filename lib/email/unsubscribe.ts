import { readSignedPayload, signPayload } from "@/lib/auth/signed-payload";
import { isUuid } from "@/lib/core/vocabulary";

/**
 * The one-click unsubscribe link of the candidates' plan emails: the firm and
 * the candidate, signed with an HMAC key derived from AUTH_SECRET (as the
 * other signed links are). It does not expire: an unsubscribe link has to
 * work whenever the mail is read. A changed byte, or a token signed with
 * another secret, fails the check.
 */

export type UnsubscribeTarget = { firmId: string; candidateId: string };

const PURPOSE = "plan-email-unsubscribe";
const LOCAL = { processKeyWithoutSecret: true };

export function signUnsubscribeToken(target: UnsubscribeTarget): string {
  return signPayload(PURPOSE, { v: 1, f: target.firmId, c: target.candidateId }, LOCAL);
}

/** The firm and candidate the token was made for, or null when it is malformed or forged. */
export function verifyUnsubscribeToken(token: string): UnsubscribeTarget | null {
  const p = readSignedPayload(PURPOSE, token, { ...LOCAL, maxLength: 512 });
  if (p?.v !== 1 || typeof p.f !== "string" || typeof p.c !== "string" || !isUuid(p.f) || !isUuid(p.c)) return null;
  return { firmId: p.f, candidateId: p.c };
}

/** Where a token's link points (also the List-Unsubscribe address). */
export function unsubscribeUrl(origin: string, target: UnsubscribeTarget): string {
  return `${origin}/unsubscribe/${signUnsubscribeToken(target)}`;
}

/**
 * The headers of a mail with a one-click unsubscribe (RFC 8058): mail
 * clients offer "unsubscribe" and POST `List-Unsubscribe=One-Click` to it.
 */
export function unsubscribeHeaders(url: string): Record<string, string> {
  return { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}
