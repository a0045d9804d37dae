import { createHmac, hkdfSync, randomBytes } from "node:crypto";
import { env, isProduction } from "@/lib/platform/env";
import { safeEqual } from "./tokens";

/**
 * Tokens the server hands out and later reads back unchanged: the second
 * sign-in step's ticket, the firm-switch ticket, the BI API's page cursor, the
 * unsubscribe link. Each is `<payload as base64url JSON>.<HMAC-SHA256>`, with
 * a key derived from AUTH_SECRET for its one purpose, so a token made for one
 * purpose never passes as another, and a changed byte fails the check.
 */

type KeyOptions = {
  /**
   * Without AUTH_SECRET outside production, use a random key for this process
   * (its tokens then last as long as the process) instead of refusing.
   */
  processKeyWithoutSecret?: boolean;
};

const processKeys = new Map<string, Buffer>();

/** The key for one purpose ("mfa-ticket", "api-cursor" …), derived from AUTH_SECRET with HKDF. */
export function purposeKey(purpose: string, opts: KeyOptions = {}): Buffer {
  const secret = env().AUTH_SECRET;
  if (secret) return Buffer.from(hkdfSync("sha256", secret, "afterview", purpose, 32));
  if (isProduction() || !opts.processKeyWithoutSecret) throw new Error("AUTH_SECRET is not set.");
  let key = processKeys.get(purpose);
  if (!key) processKeys.set(purpose, (key = randomBytes(32)));
  return key;
}

function mac(purpose: string, body: string, opts: KeyOptions): string {
  return createHmac("sha256", purposeKey(purpose, opts)).update(body).digest("base64url");
}

export function signPayload(purpose: string, payload: Record<string, unknown>, opts: KeyOptions = {}): string {
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${mac(purpose, body, opts)}`;
}

/** The payload of a token signPayload made for this purpose; null when it is malformed, over `maxLength` or forged. */
export function readSignedPayload(
  purpose: string,
  token: unknown,
  opts: KeyOptions & { maxLength?: number } = {},
): Record<string, unknown> | null {
  if (typeof token !== "string" || token.length > (opts.maxLength ?? 2048)) return null;
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined) return null;
  if (!safeEqual(signature, mac(purpose, body, opts))) return null;
  try {
    const payload: unknown = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
    return payload && typeof payload === "object" && !Array.isArray(payload) ? (payload as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
