import { createHmac, hkdfSync, randomBytes } from "node:crypto";
import { safeEqual } from "@/lib/auth/tokens";
import { isUuid } from "@/lib/core/vocabulary";
import { env, isProduction } from "@/lib/platform/env";

/**
 * The one-click unsubscribe link of the candidates' plan emails: the firm and
 * the candidate, signed with an HMAC key derived from AUTH_SECRET (as the
 * other signed links are). It does not expire: an unsubscribe link has to
 * work whenever the mail is read. A changed byte, or a token signed with
 * another secret, fails the check.
 */

export type UnsubscribeTarget = { firmId: string; candidateId: string };

let devKey: Buffer | undefined;

function key(): Buffer {
  const secret = env().AUTH_SECRET;
  if (!secret) {
    if (isProduction()) throw new Error("AUTH_SECRET is not set.");
    // Local runs without a configured secret: links last as long as the process.
    devKey ??= randomBytes(32);
    return devKey;
  }
  return Buffer.from(hkdfSync("sha256", secret, "afterview", "plan-email-unsubscribe", 32));
}

function sign(body: string): string {
  return createHmac("sha256", key()).update(body).digest("base64url");
}

export function signUnsubscribeToken(target: UnsubscribeTarget): string {
  const body = Buffer.from(JSON.stringify({ v: 1, f: target.firmId, c: target.candidateId })).toString("base64url");
  return `${body}.${sign(body)}`;
}

/** The firm and candidate the token was made for, or null when it is malformed or forged. */
export function verifyUnsubscribeToken(token: string): UnsubscribeTarget | null {
  if (typeof token !== "string" || token.length > 512) return null;
  const [body, mac, extra] = token.split(".");
  if (!body || !mac || extra !== undefined) return null;
  if (!safeEqual(mac, sign(body))) return null;
  try {
    const p = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Record<string, unknown>;
    if (p?.v !== 1 || typeof p.f !== "string" || typeof p.c !== "string" || !isUuid(p.f) || !isUuid(p.c)) return null;
    return { firmId: p.f, candidateId: p.c };
  } catch {
    return null;
  }
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
