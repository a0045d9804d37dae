import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as s from "@/db/schema";
import { signOutEverywhere, updateMembership } from "@/db/queries/auth";
import { acceptInvitationAction, forgotPasswordAction, resetPasswordAction, signInAction } from "@/app/(auth)/actions";
import { inviteStaffAction } from "@/app/(staff)/settings/team/actions";
import { checkCredentials, SIGN_IN_LIMITS } from "@/lib/auth/credentials";
import { getScope } from "@/lib/auth/scope";
import { expectFieldError, submit } from "../helpers/actions";
import { signedInAs, testContext, useDatabaseForRequests } from "../helpers/context";
import { useFreshDatabase } from "../helpers/db";
import { createTestFirm, formData, scopeOf, sessionFor, TEST_PASSWORD, type TestFirm } from "../helpers/fixtures";

const ctx = { ip: "203.0.113.9", userAgent: "vitest" };

describe("sign-in, sessions, invitations and password reset", () => {
  const database = useFreshDatabase();
  let a: TestFirm;
  let b: TestFirm;

  beforeAll(async () => {
    useDatabaseForRequests(database.current);
    a = await createTestFirm(database.current.db, "a");
    b = await createTestFirm(database.current.db, "b");
  });

  const db = () => database.current.db;

  async function outboxLinks(to: string): Promise<string[]> {
    const rows = await db().select({ text: s.emailOutbox.text }).from(s.emailOutbox).where(eq(s.emailOutbox.to, to));
    return rows.flatMap((r) => r.text.match(/https?:\/\/\S+/g) ?? []);
  }

  it("signs in with the right password and opens a session row", async () => {
    const r = await checkCredentials({ email: a.recruiter.email.toUpperCase(), password: TEST_PASSWORD }, ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.user.fid).toBe(a.firmId);
    const [row] = await db().select().from(s.authSessions).where(eq(s.authSessions.id, r.user.sid));
    expect(row?.userId).toBe(a.recruiter.userId);
    const audit = await db()
      .select()
      .from(s.auditEvents)
      .where(and(eq(s.auditEvents.firmId, a.firmId), eq(s.auditEvents.action, "signin.success")));
    expect(audit.length).toBeGreaterThan(0);
  });

  it("answers a wrong password and an unknown email the same way", async () => {
    const wrong = await checkCredentials({ email: a.admin.email, password: "not the password at all" }, ctx);
    const unknown = await checkCredentials({ email: "nobody@nowhere.example", password: "whatever password" }, ctx);
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
    const failures = await db()
      .select()
      .from(s.auditEvents)
      .where(and(eq(s.auditEvents.firmId, a.firmId), eq(s.auditEvents.action, "signin.failure")));
    expect(failures.length).toBe(1);
  });

  it("shows one message for a wrong password in the sign-in form, and keeps the email", async () => {
    const state = await submit(signInAction, formData({ email: b.admin.email, password: "wrong password here" }));
    expect(state.formError).toBe("Email or password is incorrect.");
    expect(state.values?.email).toBe(b.admin.email);
    expect(state.values?.password).toBeUndefined();
  });

  it("locks an account after repeated failures, even for the right password, until a reset", async () => {
    const email = b.recruiter.email;
    for (let i = 0; i < SIGN_IN_LIMITS.account.limit - 1; i++) {
      expect((await checkCredentials({ email, password: `wrong-${i}-password` }, ctx)).ok).toBe(false);
    }
    const last = await checkCredentials({ email, password: "wrong-final-password" }, ctx);
    expect(last).toEqual({ ok: false, reason: "throttled" });
    expect(await checkCredentials({ email, password: TEST_PASSWORD }, ctx)).toEqual({ ok: false, reason: "throttled" });
    const form = await submit(signInAction, formData({ email, password: TEST_PASSWORD }));
    expect(form.formError).toMatch(/Too many attempts/);

    // A throttled account can still reset its password, and then sign in.
    const asked = await submit(forgotPasswordAction, formData({ email }));
    expect(asked.ok).toBe(true);
    const link = (await outboxLinks(email)).find((l) => l.includes("/reset-password/"));
    expect(link).toBeTruthy();
    const token = link!.split("/reset-password/")[1]!;
    const done = await submit(
      resetPasswordAction,
      formData({ token, password: "a brand new long passphrase", confirm: "a brand new long passphrase" }),
    );
    expect(done.redirect).toBe("/sign-in?reset=1");
    expect((await checkCredentials({ email, password: "a brand new long passphrase" }, ctx)).ok).toBe(true);
  });

  it("gives the same answer to a reset request whether or not the email exists", async () => {
    const known = await submit(forgotPasswordAction, formData({ email: a.admin.email }));
    const unknown = await submit(forgotPasswordAction, formData({ email: "ghost@nowhere.example" }));
    expect(known.message).toBe(unknown.message);
    expect(await outboxLinks("ghost@nowhere.example")).toEqual([]);
  });

  it("refuses a weak new password next to its field, and a reused reset link", async () => {
    await submit(forgotPasswordAction, formData({ email: a.candidateUser.email }));
    const link = (await outboxLinks(a.candidateUser.email)).find((l) => l.includes("/reset-password/"))!;
    const token = link.split("/reset-password/")[1]!;
    const weak = await submit(resetPasswordAction, formData({ token, password: "short", confirm: "short" }));
    expectFieldError(weak, "password", /at least 12/);
    const common = await submit(resetPasswordAction, formData({ token, password: "password1234", confirm: "password1234" }));
    expectFieldError(common, "password", /commonly used/);
    const mismatch = await submit(
      resetPasswordAction,
      formData({ token, password: "one long passphrase", confirm: "another long passphrase" }),
    );
    expectFieldError(mismatch, "confirm", /do not match/);
    const ok = await submit(resetPasswordAction, formData({ token, password: "one long passphrase", confirm: "one long passphrase" }));
    expect(ok.redirect).toBe("/sign-in?reset=1");
    const again = await submit(resetPasswordAction, formData({ token, password: "two long passphrase", confirm: "two long passphrase" }));
    expect(again.formError).toMatch(/expired or was already used/);
  });

  it("resolves the scope from the database and ends it on sign-out everywhere", async () => {
    const claims = await sessionFor(db(), a, a.recruiter);
    signedInAs(claims);
    const scope = await getScope();
    expect(scope).toMatchObject({ firmId: a.firmId, userId: a.recruiter.userId, role: "recruiter", candidateId: null });
    await signOutEverywhere(scopeOf(db(), a, a.recruiter));
    expect(await getScope()).toBeNull();
    signedInAs(null);
  });

  it("ends a session after 30 idle minutes and after its absolute limit", async () => {
    const idle = await sessionFor(db(), a, a.admin);
    await db()
      .update(s.authSessions)
      .set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) })
      .where(eq(s.authSessions.id, idle.sessionId));
    signedInAs(idle);
    expect(await getScope()).toBeNull();
    const old = await sessionFor(db(), a, a.admin);
    await db()
      .update(s.authSessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(s.authSessions.id, old.sessionId));
    signedInAs(old);
    expect(await getScope()).toBeNull();
    signedInAs(null);
  });

  it("keeps an active session alive, ends it 30 idle minutes after the last request and 12 hours after sign-in, on a controlled clock", async () => {
    // Only Date is faked: the database driver's own timers keep running.
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const start = new Date("2026-03-02T09:00:00Z");
      const at = (minutes: number) => vi.setSystemTime(new Date(start.getTime() + minutes * 60_000));
      at(0);
      const firm = await createTestFirm(db(), "clock");
      const claims = await sessionFor(db(), firm, firm.recruiter);
      signedInAs(claims);
      // A request every 29 minutes keeps it going...
      for (const minute of [29, 58, 87]) {
        at(minute);
        expect(await getScope(), `request at +${minute} min`).not.toBeNull();
      }
      // ...and 30 minutes without one ends it (the last request was at +87).
      at(87 + 29);
      expect(await getScope()).not.toBeNull();
      at(87 + 29 + 31);
      expect(await getScope()).toBeNull();

      // Busy all day, the session still ends at its absolute limit.
      at(0);
      const busy = await sessionFor(db(), firm, firm.recruiter);
      signedInAs(busy);
      for (let minute = 20; minute < 12 * 60; minute += 20) {
        at(minute);
        expect(await getScope(), `request at +${minute} min`).not.toBeNull();
      }
      at(12 * 60);
      expect(await getScope()).toBeNull();

      // The limits are the firm's settings: 10 idle minutes.
      await db().update(s.firms).set({ sessionIdleMinutes: 10 }).where(eq(s.firms.id, firm.firmId));
      at(0);
      const strict = await sessionFor(db(), firm, firm.recruiter);
      signedInAs(strict);
      at(9);
      expect(await getScope()).not.toBeNull();
      at(9 + 11);
      expect(await getScope()).toBeNull();
    } finally {
      vi.useRealTimers();
      signedInAs(null);
    }
  });

  it("applies a role change and a deactivation on the very next request", async () => {
    const firm = await createTestFirm(db(), "roles");
    const claims = await sessionFor(db(), firm, firm.recruiter);
    signedInAs(claims);
    expect((await getScope())?.role).toBe("recruiter");
    expect(await updateMembership(scopeOf(db(), firm, firm.admin), firm.recruiter.membershipId, { role: "admin" })).toBe("ok");
    // The version bump ends the old session; signing in again shows the new role.
    expect(await getScope()).toBeNull();
    signedInAs(await sessionFor(db(), firm, firm.recruiter));
    expect((await getScope())?.role).toBe("admin");
    await updateMembership(scopeOf(db(), firm, firm.admin), firm.recruiter.membershipId, { status: "deactivated" });
    expect(await getScope()).toBeNull();
    signedInAs(await sessionFor(db(), firm, firm.recruiter));
    expect(await getScope()).toBeNull();
    expect(await checkCredentials({ email: firm.recruiter.email, password: TEST_PASSWORD }, ctx)).toEqual({
      ok: false,
      reason: "invalid",
    });
    signedInAs(null);
  });

  it("refuses to demote or deactivate the last admin", async () => {
    const firm = await createTestFirm(db(), "solo");
    expect(await updateMembership(scopeOf(db(), firm, firm.admin), firm.admin.membershipId, { role: "recruiter" })).toBe(
      "last_admin",
    );
  });

  it("invites a recruiter who accepts once, is signed in, and cannot replay the link", async () => {
    signedInAs(await sessionFor(db(), a, a.admin));
    const sent = await submit(
      inviteStaffAction,
      formData({ email: "New.Recruiter@Example.com", name: "Nia New", role: "recruiter", firmId: b.firmId }),
    );
    expect(sent.ok).toBe(true);
    const link = (await outboxLinks("new.recruiter@example.com")).find((l) => l.includes("/invite/"));
    expect(link).toBeTruthy();
    const token = link!.split("/invite/")[1]!;
    const [inv] = await db().select().from(s.invitations).where(eq(s.invitations.email, "new.recruiter@example.com"));
    // A forged firmId in the form is ignored; the token is stored only as a hash.
    expect(inv?.firmId).toBe(a.firmId);
    expect(inv?.tokenHash).not.toContain(token);

    signedInAs(null);
    const weak = await submit(acceptInvitationAction, formData({ token, name: "Nia New", password: "tooshort", confirm: "tooshort" }));
    expectFieldError(weak, "password");
    const accepted = await submit(
      acceptInvitationAction,
      formData({ token, name: "Nia New", password: "nia's own long passphrase", confirm: "nia's own long passphrase" }),
    );
    expect(accepted.redirect).toBe("/dashboard");
    const scope = await getScope();
    expect(scope).toMatchObject({ firmId: a.firmId, role: "recruiter", userName: "Nia New" });
    signedInAs(null);
    const replay = await submit(
      acceptInvitationAction,
      formData({ token, name: "Mallory", password: "mallory's long passphrase", confirm: "mallory's long passphrase" }),
    );
    expect(replay.formError).toMatch(/expired or was already used/);
  });

  it("refuses an expired invitation", async () => {
    signedInAs(await sessionFor(db(), a, a.admin));
    await submit(inviteStaffAction, formData({ email: "late@example.com", role: "admin" }));
    await db()
      .update(s.invitations)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(s.invitations.email, "late@example.com"));
    const token = (await outboxLinks("late@example.com"))[0]!.split("/invite/")[1]!;
    signedInAs(null);
    const r = await submit(
      acceptInvitationAction,
      formData({ token, name: "Late", password: "late long passphrase", confirm: "late long passphrase" }),
    );
    expect(r.formError).toMatch(/expired/);
  });

  it("lets only admins invite staff", async () => {
    signedInAs(await sessionFor(db(), a, a.recruiter));
    const asRecruiter = await submit(inviteStaffAction, formData({ email: "x@example.com", role: "admin" }));
    expect(asRecruiter.ok).toBe(false);
    signedInAs(await sessionFor(db(), a, a.candidateUser));
    const asCandidate = await submit(inviteStaffAction, formData({ email: "y@example.com", role: "admin" }));
    expect(asCandidate.ok).toBe(false);
    signedInAs(null);
    const anonymous = await submit(inviteStaffAction, formData({ email: "z@example.com", role: "admin" }));
    expect(anonymous.formError).toMatch(/session has ended/);
    const rows = await db().select().from(s.invitations).where(sql`${s.invitations.email} in ('x@example.com','y@example.com','z@example.com')`);
    expect(rows).toEqual([]);
    expect(testContext.claims).toBeNull();
  });
});
