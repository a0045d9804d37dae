import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { getMyMfa } from "@/db/queries/mfa";
import { forgotPasswordAction, resetPasswordAction, signInAction, signInSecondFactorAction } from "@/app/(auth)/actions";
import { confirmMfaAction, startMfaAction } from "@/app/(staff)/account/mfa/actions";
import { updateFirmSettingsAction } from "@/app/(staff)/settings/firm/actions";
import { decryptMfaSecret, totpCode } from "@/lib/auth/mfa";
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
    const right = await submit(signInSecondFactorAction, formData({ ticket, code: totpCode(secret) }));
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
      feedbackWithinBusinessDays: "2", callAfterBusinessDays: "3", decisionGraceBusinessDays: "2", timelineTaskWithinBusinessDays: "1",
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
});
