import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { hashToken } from "./tokens";
import { purposeKey, readSignedPayload, signPayload } from "./signed-payload";

/** RFC 6238 defaults that every authenticator app understands. */
const TOTP_OPTIONS = { issuer: "Afterview", algorithm: "SHA1", digits: 6, period: 30 } as const;
const TICKET_TTL_MS = 5 * 60_000;

/** TOTP secrets are stored encrypted (AES-256-GCM), so a database leak alone yields no second factor. */
export function encryptMfaSecret(base32: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", purposeKey("mfa-secret"), iv);
  const ct = Buffer.concat([cipher.update(base32, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ct.toString("base64url")].join(":");
}

export function decryptMfaSecret(stored: string): string {
  const [v, iv, tag, ct] = stored.split(":");
  if (v !== "v1" || !iv || !tag || !ct) throw new Error("Unknown MFA secret format.");
  const decipher = createDecipheriv("aes-256-gcm", purposeKey("mfa-secret"), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString("utf8");
}

export function newMfaSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(base32: string, account: string): string {
  return new TOTP({ ...TOTP_OPTIONS, label: account, secret: Secret.fromBase32(base32) }).toString();
}

/** The current code (tests and the enrollment preview use it). */
export function totpCode(base32: string, at = Date.now()): string {
  return new TOTP({ ...TOTP_OPTIONS, secret: Secret.fromBase32(base32) }).generate({ timestamp: at });
}

/**
 * The 30-second step a code belongs to, when it is the code of this step or
 * the one before/after (clock drift); null for a wrong code. A code is only
 * worth its step once: callers record the step (users.mfa_last_step) and
 * refuse that step and every earlier one.
 */
export function totpStep(base32: string, code: string, at = Date.now()): number | null {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = new TOTP({ ...TOTP_OPTIONS, secret: Secret.fromBase32(base32) }).validate({ token, timestamp: at, window: 1 });
  return delta === null ? null : Math.floor(at / 1000 / TOTP_OPTIONS.period) + delta;
}

/** Whether a code is right for now, give or take a step (it says nothing about reuse: see totpStep). */
export function verifyTotp(base32: string, code: string, at = Date.now()): boolean {
  return totpStep(base32, code, at) !== null;
}

/** Ten single-use recovery codes like `k7qm-2xvp-9d`; only their hashes are stored. */
export function newRecoveryCodes(count = 10): string[] {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join("");
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 10)}`;
  });
}

export function hashRecoveryCode(code: string): string {
  return hashToken(code.trim().toLowerCase().replace(/\s+/g, ""));
}

export function looksLikeRecoveryCode(code: string): boolean {
  return /^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{2}$/i.test(code.trim());
}

/**
 * After a correct password, the second step needs proof of the first that
 * does not carry the password around: a short-lived ticket, HMAC-signed, with
 * a random id. A sign-in that succeeds with it spends the id (spent_tokens),
 * so the ticket works once; a wrong code leaves it for another try.
 */
export function signMfaTicket(userId: string, now = Date.now()): string {
  return signPayload("mfa-ticket", { u: userId, e: now + TICKET_TTL_MS, j: randomBytes(16).toString("base64url") });
}

export interface MfaTicket {
  userId: string;
  /** The key under which spent_tokens records the ticket as used. */
  spendKey: string;
  expiresAt: Date;
}

/** The ticket's contents when its signature holds and it has not expired (whether it was spent is for the database). */
export function readMfaTicket(ticket: string, now = Date.now()): MfaTicket | null {
  const parsed = readSignedPayload("mfa-ticket", ticket);
  if (!parsed || typeof parsed.u !== "string" || typeof parsed.e !== "number" || parsed.e < now) return null;
  if (typeof parsed.j !== "string" || parsed.j.length < 16) return null;
  return { userId: parsed.u, spendKey: `mfa-ticket:${parsed.j}`, expiresAt: new Date(parsed.e) };
}

export function verifyMfaTicket(ticket: string, now = Date.now()): string | null {
  return readMfaTicket(ticket, now)?.userId ?? null;
}
