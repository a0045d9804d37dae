import { readSignedPayload, signPayload } from "./signed-payload";

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

const PURPOSE = "firm-switch";

export function signFirmSwitch(input: FirmSwitch, now = Date.now()): string {
  return signPayload(PURPOSE, { u: input.userId, s: input.fromSessionId, f: input.firmId, e: now + TTL_MS });
}

export function verifyFirmSwitch(ticket: string, now = Date.now()): FirmSwitch | null {
  const p = readSignedPayload(PURPOSE, ticket);
  if (!p || typeof p.u !== "string" || typeof p.s !== "string" || typeof p.f !== "string" || typeof p.e !== "number") return null;
  if (p.e < now) return null;
  return { userId: p.u, fromSessionId: p.s, firmId: p.f };
}
