import { createHmac, hkdfSync } from "node:crypto";
import { env } from "@/lib/platform/env";
import { safeEqual } from "./tokens";

/**
 * Choosing another firm opens a new session for it through the same sign-in
 * path as a password (Auth.js writes the cookie). What proves the person is
 * already signed in is this ticket: HMAC-signed by the server action that
 * checked the session, valid for one minute, naming the session it replaces
 * (which the switch revokes, so a ticket works once) and the firm to open.
 */
const TTL_MS = 60_000;

export interface FirmSwitch {
  userId: string;
  fromSessionId: string;
  firmId: string;
}

function key(): Buffer {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set.");
  return Buffer.from(hkdfSync("sha256", secret, "afterview", "firm-switch", 32));
}

export function signFirmSwitch(input: FirmSwitch, now = Date.now()): string {
  const body = Buffer.from(
    JSON.stringify({ u: input.userId, s: input.fromSessionId, f: input.firmId, e: now + TTL_MS }),
  ).toString("base64url");
  return `${body}.${createHmac("sha256", key()).update(body).digest("base64url")}`;
}

export function verifyFirmSwitch(ticket: string, now = Date.now()): FirmSwitch | null {
  const [body, sig, extra] = ticket.split(".");
  if (!body || !sig || extra !== undefined) return null;
  if (!safeEqual(sig, createHmac("sha256", key()).update(body).digest("base64url"))) return null;
  try {
    const p = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Record<string, unknown>;
    if (typeof p.u !== "string" || typeof p.s !== "string" || typeof p.f !== "string" || typeof p.e !== "number") return null;
    if (p.e < now) return null;
    return { userId: p.u, fromSessionId: p.s, firmId: p.f };
  } catch {
    return null;
  }
}
