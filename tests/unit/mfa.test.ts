import { beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/platform/env";
import {
  decryptMfaSecret,
  encryptMfaSecret,
  hashRecoveryCode,
  looksLikeRecoveryCode,
  newMfaSecret,
  newRecoveryCodes,
  readMfaTicket,
  signMfaTicket,
  totpCode,
  totpStep,
  verifyMfaTicket,
  verifyTotp,
} from "@/lib/auth/mfa";

beforeAll(() => {
  process.env.AUTH_SECRET ??= "unit-test-secret-unit-test-secret";
  resetEnvCache();
});

describe("two-factor sign-in", () => {
  it("stores the TOTP secret encrypted and reads it back", () => {
    const secret = newMfaSecret();
    const stored = encryptMfaSecret(secret);
    expect(stored).not.toContain(secret);
    expect(decryptMfaSecret(stored)).toBe(secret);
    const tampered = stored.slice(0, -2) + (stored.endsWith("A") ? "BB" : "AA");
    expect(() => decryptMfaSecret(tampered)).toThrow();
  });

  it("accepts this step's code and its neighbours, and nothing further away", () => {
    const secret = newMfaSecret();
    const now = Date.UTC(2026, 10, 30, 12, 0, 15);
    expect(verifyTotp(secret, totpCode(secret, now), now)).toBe(true);
    expect(verifyTotp(secret, totpCode(secret, now - 30_000), now)).toBe(true);
    expect(verifyTotp(secret, totpCode(secret, now + 30_000), now)).toBe(true);
    expect(verifyTotp(secret, totpCode(secret, now - 120_000), now)).toBe(false);
    expect(verifyTotp(secret, "12345", now)).toBe(false);
    expect(verifyTotp(secret, "abcdef", now)).toBe(false);
  });

  it("makes ten distinct recovery codes and hashes them case-insensitively", () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(looksLikeRecoveryCode(c)).toBe(true);
    expect(hashRecoveryCode(codes[0]!.toUpperCase())).toBe(hashRecoveryCode(codes[0]!));
  });

  it("refuses a tampered or expired sign-in ticket", () => {
    const now = Date.now();
    const ticket = signMfaTicket("0193a000-0000-7000-8000-000000000001", now);
    expect(verifyMfaTicket(ticket, now)).toBe("0193a000-0000-7000-8000-000000000001");
    expect(verifyMfaTicket(ticket, now + 6 * 60_000)).toBeNull();
    const [body, sig] = ticket.split(".");
    const forged = Buffer.from(JSON.stringify({ u: "someone-else", e: now + 60_000, n: "x" })).toString("base64url");
    expect(verifyMfaTicket(`${forged}.${sig}`, now)).toBeNull();
    expect(verifyMfaTicket(`${body}.${sig}x`, now)).toBeNull();
    expect(verifyMfaTicket("garbage", now)).toBeNull();
  });

  it("names the time step a code belongs to, so it can be spent once", () => {
    const secret = newMfaSecret();
    const now = 1_800_000_015_000;
    const step = Math.floor(now / 30_000);
    expect(totpStep(secret, totpCode(secret, now), now)).toBe(step);
    expect(totpStep(secret, totpCode(secret, now - 30_000), now)).toBe(step - 1);
    expect(totpStep(secret, totpCode(secret, now + 30_000), now)).toBe(step + 1);
    expect(totpStep(secret, totpCode(secret, now - 90_000), now)).toBeNull();
  });

  it("gives every sign-in ticket its own id to spend", () => {
    const now = Date.now();
    const a = readMfaTicket(signMfaTicket("0193a000-0000-7000-8000-000000000001", now), now);
    const b = readMfaTicket(signMfaTicket("0193a000-0000-7000-8000-000000000001", now), now);
    expect(a?.userId).toBe("0193a000-0000-7000-8000-000000000001");
    expect(a?.spendKey).toMatch(/^mfa-ticket:[A-Za-z0-9_-]{20,}$/);
    expect(a?.spendKey).not.toBe(b?.spendKey);
    expect(a?.expiresAt.getTime()).toBe(now + 5 * 60_000);
  });
});
