import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as s from "@/db/schema";
import { getMyMfa } from "@/db/queries/mfa";
import { forgotPasswordAction, resetPasswordAction, signInAction, signInSecondFactorAction } from "@/app/(auth)/actions";
import { confirmMfaAction, disableMfaAction, replaceRecoveryCodesAction, startMfaAction } from "@/app/(staff)/account/mfa/actions";
import { updateFirmSettingsAction } from "@/app/(staff)/settings/firm/actions";
import { ACCOUNT_CHECK_LIMITS, checkCredentials, SIGN_IN_LIMITS } from "@/lib/auth/credentials";
import { decryptMfaSecret, signMfaTicket, totpCode } from "@/lib/auth/mfa";
import { authorize, getScope } from "@/lib/auth/scope";
import { expectFieldError, submit } from "../helpers/actions";
import { signedInAs, testContext, useDatabaseForRequests } from "../helpers/context";
import { useFreshDatabase } from "../helpers/db";
import { createTestFirm, formData, scopeOf, sessionFor, type TestFirm } from "../helpers/fixtures";

describe("two-factor sign-in", () => {
  const database = useFreshDatabase();
  let a: TestFirm;
  let secret: string;
  let recoveryCodes: string[];

  beforeAll(async () => {
    useDatabaseForRequests(database.current);
    a = await createTestFirm(database.current.db, "mfa");
  });

  it("enrolls with a code from the app and returns ten recovery codes once", async () => {
    signedInAs(await sessionFor(database.current.db, a, a.recruiter));
    expect((await submit(startMfaAction, formData({}))).ok).toBe(true);
    const pending = await getMyMfa(scopeOf(database.current.db, a, a.recruiter));
    expect(pending?.enabledAt).toBeNull();
    secret = decryptMfaSecret(pending!.pendingSecret!);
    const wrong = await submit(confirmMfaAction, formData({ code: "000000" }));
    expectFieldError(wrong, "code", /not right/);
    const ok = await submit(confirmMfaAction, formData({ code: totpCode(secret) }));
    expect(ok.ok).toBe(true);
    recoveryCodes = ok.data?.recoveryCodes as string[];
    expect(recoveryCodes).toHaveLength(10);
    const [u] = await database.current.db.select().from(s.users).where(eq(s.users.id, a.recruiter.userId));
    expect(u?.mfaEnabledAt).not.toBeNull();
    expect(JSON.stringify(u?.recoveryCodeHashes)).not.toContain(recoveryCodes[0]);
    signedInAs(null);
  });

  it("asks for a code after the right password and opens no session until then", async () => {
    const first = await submit(signInAction, formData({ email: a.recruiter.email, password: a.password }));
    expect(first.redirect).toBeUndefined();
    const ticket = first.data?.mfaTicket as string;
    expect(ticket).toBeTruthy();
    expect(testContext.claims).toBeNull();
    const wrong = await submit(signInSecondFactorAction, formData({ ticket, code: "123456" }));
    expectFieldError(wrong, "code", /not right/);
    expect(wrong.data?.mfaTicket).toBe(ticket);
    expect(testContext.claims).toBeNull();
    // The enrollment spent this step's code; the next step's is accepted (clock drift).
    const right = await submit(signInSecondFactorAction, formData({ ticket, code: totpCode(secret, Date.now() + 30_000) }));
    expect(right.redirect).toBe("/dashboard");
    expect((await getScope())?.userId).toBe(a.recruiter.userId);
    signedInAs(null);
  });

  it("accepts each recovery code once", async () => {
    const { data } = await submit(signInAction, formData({ email: a.recruiter.email, password: a.password }));
    const ticket = data?.mfaTicket as string;
    expect((await submit(signInSecondFactorAction, formData({ ticket, code: recoveryCodes[0]! }))).redirect).toBe("/dashboard");
    signedInAs(null);
    const again = await submit(signInAction, formData({ email: a.recruiter.email, password: a.password }));
    const reuse = await submit(signInSecondFactorAction, formData({ ticket: again.data?.mfaTicket as string, code: recoveryCodes[0]! }));
    expectFieldError(reuse, "code");
    expect(testContext.claims).toBeNull();
  });

  it("refuses a forged ticket", async () => {
    const r = await submit(signInSecondFactorAction, formData({ ticket: "eyJ1Ijoibm9ib2R5In0.forged-signature", code: totpCode(secret) }));
    expect(r.ok).toBe(false);
    expect(testContext.claims).toBeNull();
  });

  it("still asks for the second factor after a password reset", async () => {
    await submit(forgotPasswordAction, formData({ email: a.recruiter.email }));
    const [mail] = await database.current.db
      .select({ text: s.emailOutbox.text })
      .from(s.emailOutbox)
      .where(eq(s.emailOutbox.to, a.recruiter.email));
    const token = mail!.text.match(/\/reset-password\/(\S+)/)![1]!;
    const reset = await submit(resetPasswordAction, formData({ token, password: "reset long passphrase", confirm: "reset long passphrase" }));
    expect(reset.redirect).toBe("/sign-in?reset=1");
    expect(testContext.claims).toBeNull();
    const after = await submit(signInAction, formData({ email: a.recruiter.email, password: "reset long passphrase" }));
    expect(after.data?.mfaTicket).toBeTruthy();
    expect(testContext.claims).toBeNull();
  });

  it("holds staff without a second factor at enrollment when the firm requires it", async () => {
    signedInAs(await sessionFor(database.current.db, a, a.admin));
    const fields = {
      version: "1", name: "Firm MFA", timeZone: "America/New_York", holidays: "", thankYouWithinHours: "24", debriefWithinHours: "24",
      feedbackWithinBusinessDays: "2", callAfterBusinessDays: "3", callWindowBusinessDays: "1", decisionGraceBusinessDays: "2", timelineTaskWithinBusinessDays: "1",
      sessionIdleMinutes: "30", sessionAbsoluteHours: "12", mfaRequired: "on", retentionDays: "",
    };
    expect((await submit(updateFirmSettingsAction, formData(fields))).ok).toBe(true);
    // The admin has no second factor: only their own account is reachable now.
    expect(await authorize("candidates.read")).toEqual({ ok: false, status: 403 });
    expect((await authorize("account.manage")).ok).toBe(true);
    const blocked = await submit(updateFirmSettingsAction, formData({ ...fields, version: "2" }));
    expect(blocked.formError).toMatch(/requires two-factor/);
    // Candidates are not staff: the requirement does not apply to them.
    signedInAs(await sessionFor(database.current.db, a, a.candidateUser));
    expect((await authorize("portal.read")).ok).toBe(true);
    signedInAs(null);
  });

  // Far enough ahead that no step used above is later; `now` is passed in, the clock is not touched.
  const T = Date.now() + 3_600_000;
  const at = (ms: number) => ({ ip: "192.0.2.44", userAgent: "vitest", now: new Date(ms) });
  const second = (code: string, ms: number, ticket = signMfaTicket(a.recruiter.userId, ms)) =>
    checkCredentials({ ticket, code }, at(ms));

  it("accepts a TOTP code once, even when it arrives twice at the same moment", async () => {
    const code = totpCode(secret, T);
    const both = await Promise.all([second(code, T), second(code, T)]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.find((r) => !r.ok)).toEqual({ ok: false, reason: "invalid_code" });
    // Later in the same step, and with the previous step's code (still within the drift window): refused.
    expect(await second(code, T + 5_000)).toEqual({ ok: false, reason: "invalid_code" });
    expect(await second(totpCode(secret, T - 30_000), T + 5_000)).toEqual({ ok: false, reason: "invalid_code" });
    // The next step's code works.
    expect((await second(totpCode(secret, T + 30_000), T + 30_000)).ok).toBe(true);
    const [u] = await database.current.db.select({ step: s.users.mfaLastStep }).from(s.users).where(eq(s.users.id, a.recruiter.userId));
    expect(u?.step).toBe(Math.floor((T + 30_000) / 30_000));
  });

  it("accepts a second-step ticket once: a wrong code keeps it for a retry, a success spends it", async () => {
    const t = T + 10 * 60_000;
    const ticket = signMfaTicket(a.recruiter.userId, t);
    expect(await second("000000", t, ticket)).toEqual({ ok: false, reason: "invalid_code" });
    expect((await second(totpCode(secret, t), t, ticket)).ok).toBe(true);
    // Replayed, even with a fresh code or a recovery code, it opens nothing and spends nothing.
    expect(await second(totpCode(secret, t + 30_000), t + 30_000, ticket)).toEqual({ ok: false, reason: "invalid" });
    expect(await second(recoveryCodes[1]!, t + 30_000, ticket)).toEqual({ ok: false, reason: "invalid" });
    expect((await second(recoveryCodes[1]!, t + 30_000)).ok).toBe(true);
    const spent = await database.current.db.select().from(s.spentTokens);
    expect(spent.length).toBeGreaterThanOrEqual(2);
  });

  it("pauses wrong second-step codes like wrong passwords", async () => {
    const t = T + 20 * 60_000;
    const ticket = signMfaTicket(a.recruiter.userId, t);
    const ctx = { ip: "198.51.100.45", userAgent: "vitest", now: new Date(t) };
    for (let i = 0; i < SIGN_IN_LIMITS.pair.free; i++) {
      expect(await checkCredentials({ ticket, code: "000000" }, ctx)).toEqual({ ok: false, reason: "invalid_code" });
    }
    expect(await checkCredentials({ ticket, code: "000000" }, ctx)).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 1 });
    expect(await checkCredentials({ ticket, code: totpCode(secret, t) }, ctx)).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 1 });
  });

  it("spends the codes that change the second factor on the account page and pauses wrong ones", async () => {
    const c = await createTestFirm(database.current.db, "mfa-page");
    signedInAs(await sessionFor(database.current.db, c, c.admin));
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      expect((await submit(startMfaAction, formData({}))).ok).toBe(true);
      const own = decryptMfaSecret((await getMyMfa(scopeOf(database.current.db, c, c.admin)))!.pendingSecret!);
      expect((await submit(confirmMfaAction, formData({ code: totpCode(own) }))).ok).toBe(true);
      // The code that turned it on cannot also make new recovery codes.
      expectFieldError(await submit(replaceRecoveryCodesAction, formData({ code: totpCode(own) })), "code", /already used/);
      vi.setSystemTime(Date.now() + 30_000);
      const fresh = totpCode(own);
      expect((await submit(replaceRecoveryCodesAction, formData({ code: fresh }))).ok).toBe(true);
      expectFieldError(await submit(disableMfaAction, formData({ code: fresh })), "code", /already used/);

      // Wrong codes: a few are free, then each pauses the next try.
      const key = `account-check:${c.admin.userId}`;
      const row = async () => (await database.current.db.select().from(s.throttles).where(eq(s.throttles.key, key)))[0];
      await database.current.db.delete(s.throttles).where(eq(s.throttles.key, key));
      for (let i = 0; i < ACCOUNT_CHECK_LIMITS.free; i++) {
        expectFieldError(await submit(disableMfaAction, formData({ code: "000000" })), "code", /not right\. Check the time on your phone and enter the code your app shows now\.$/);
      }
      expect((await row())?.lockedUntil).toBeNull();
      expectFieldError(await submit(disableMfaAction, formData({ code: "000000" })), "code", /try again in 1 second/);
      expect((await row())?.lockedUntil).not.toBeNull();
      // During a pause even the right code is refused, next to the field, with the wait.
      await database.current.db
        .update(s.throttles)
        .set({ lockedUntil: new Date(Date.now() + 4 * 60_000) })
        .where(eq(s.throttles.key, key));
      vi.setSystemTime(Date.now() + 30_000);
      const paused = await submit(disableMfaAction, formData({ code: totpCode(own) }));
      expectFieldError(paused, "code", /Too many wrong codes\. Try again in about 4 minutes/);
      expect((await getMyMfa(scopeOf(database.current.db, c, c.admin)))?.enabledAt).not.toBeNull();
      // After the pause the right code turns it off.
      vi.setSystemTime(Date.now() + 4 * 60_000);
      const off = await submit(disableMfaAction, formData({ code: totpCode(own) }));
      expect(off.redirect).toBe("/sign-in");
      expect((await getMyMfa(scopeOf(database.current.db, c, c.admin)))?.enabledAt).toBeNull();
      expect(await row()).toBeUndefined();
    } finally {
      vi.useRealTimers();
      signedInAs(null);
    }
  });
});
