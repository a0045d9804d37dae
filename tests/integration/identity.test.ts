import { and, eq, isNull } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as s from "@/db/schema";
import { getCandidateContact } from "@/db/queries/candidates";
import { updateMembership } from "@/db/queries/auth";
import { acceptInvitationAction, forgotPasswordAction, resetPasswordAction, signInAction } from "@/app/(auth)/actions";
import { acceptInvitationSignedInAction, chooseFirmAction } from "@/app/(auth)/membership-actions";
import { inviteCandidateAction } from "@/app/(staff)/candidates/actions";
import { changePasswordAction } from "@/app/_components/account-actions";
import { inviteStaffAction } from "@/app/(staff)/settings/team/actions";
import { checkCredentials } from "@/lib/auth/credentials";
import { signFirmSwitch } from "@/lib/auth/firm-switch";
import { getScope } from "@/lib/auth/scope";
import { REDACTED, resetMailTransport } from "@/lib/email/send";
import { resetEnvCache } from "@/lib/platform/env";
import { submit } from "../helpers/actions";
import { signedInAs, testContext, useDatabaseForRequests } from "../helpers/context";
import { useFreshDatabase } from "../helpers/db";
import { createTestFirm, formData, sessionFor, TEST_PASSWORD, type TestFirm } from "../helpers/fixtures";

// Work after the response (mail) is collected here, so a test can see what an
// action did before answering and run the rest afterwards.
const deferred: (() => Promise<void>)[] = [];
vi.mock("@/lib/platform/after-response", () => ({
  afterResponse: async (task: () => Promise<void>) => {
    deferred.push(task);
  },
}));

async function runDeferred(): Promise<void> {
  while (deferred.length > 0) await deferred.shift()!();
}

const ctx = { ip: "198.51.100.7", userAgent: "vitest" };

describe("one person, several firms", () => {
  const database = useFreshDatabase();
  let a: TestFirm;
  let b: TestFirm;
  const db = () => database.current.db;

  beforeAll(async () => {
    useDatabaseForRequests(database.current);
    a = await createTestFirm(db(), "a");
    b = await createTestFirm(db(), "b");
  });

  afterEach(async () => {
    await runDeferred();
    signedInAs(null);
    testContext.headers = {};
  });

  async function lastToken(to: string, kind: "invite" | "reset-password"): Promise<string> {
    const rows = await db()
      .select({ text: s.emailOutbox.text })
      .from(s.emailOutbox)
      .where(eq(s.emailOutbox.to, to))
      .orderBy(s.emailOutbox.createdAt);
    const links = rows.flatMap((r) => r.text.match(new RegExp(`/${kind}/([A-Za-z0-9_-]+)`, "g")) ?? []);
    expect(links.length, `a ${kind} link to ${to}`).toBeGreaterThan(0);
    return links[links.length - 1]!.split("/").pop()!;
  }

  /** Firm A's admin makes a candidate with someone else's email and invites them to the portal. */
  async function inviteAsCandidateOfA(email: string, name = "Look Alike"): Promise<{ token: string; candidateId: string }> {
    const [c] = await db()
      .insert(s.candidates)
      .values({ firmId: a.firmId, name, email })
      .returning({ id: s.candidates.id });
    signedInAs(await sessionFor(db(), a, a.admin));
    const sent = await submit(inviteCandidateAction, formData({ candidateId: c!.id }));
    expect(sent.ok, JSON.stringify(sent)).toBe(true);
    signedInAs(null);
    return { token: await lastToken(email, "invite"), candidateId: c!.id };
  }

  it("never lets an invitation set an existing account's password or name (cross-firm takeover)", async () => {
    const victim = await createTestFirm(db(), "victim");
    const { token } = await inviteAsCandidateOfA(victim.admin.email);
    const attempt = await submit(
      acceptInvitationAction,
      formData({ token, name: "Mallory", password: "mallory chose this phrase", confirm: "mallory chose this phrase" }),
    );
    expect(attempt.redirect).toBeUndefined();
    expect(attempt.formError).toMatch(/already uses .*Sign in with it/);
    // The victim's password and name are theirs; the attacker's password opens nothing.
    expect((await checkCredentials({ email: victim.admin.email, password: TEST_PASSWORD }, ctx)).ok).toBe(true);
    expect((await checkCredentials({ email: victim.admin.email, password: "mallory chose this phrase" }, ctx)).ok).toBe(false);
    const [user] = await db().select().from(s.users).where(eq(s.users.id, victim.admin.userId));
    expect(user?.name).toBe(victim.admin.name);
    // No membership in firm A was made, and the invitation is still open for its real owner.
    const ms = await db().select().from(s.memberships).where(eq(s.memberships.userId, victim.admin.userId));
    expect(ms.map((m) => m.firmId)).toEqual([victim.firmId]);
    const [inv] = await db().select().from(s.invitations).where(eq(s.invitations.email, victim.admin.email));
    expect(inv?.acceptedAt).toBeNull();
    expect(testContext.claims).toBeNull();
  });

  it("adds the membership once an existing person signs in from the invitation, keeping their password", async () => {
    const person = await createTestFirm(db(), "person");
    const { token, candidateId } = await inviteAsCandidateOfA(person.recruiter.email);
    const wrong = await submit(
      signInAction,
      formData({ email: person.recruiter.email, password: "not their password at all", invitation: token }),
    );
    expect(wrong.formError).toBe("Email or password is incorrect.");
    expect(await db().select().from(s.memberships).where(and(eq(s.memberships.userId, person.recruiter.userId), eq(s.memberships.firmId, a.firmId)))).toEqual([]);

    const ok = await submit(signInAction, formData({ email: person.recruiter.email, password: TEST_PASSWORD, invitation: token }));
    // Straight to the invited firm's home for the invited role.
    expect(ok.redirect).toBe("/my/interviews");
    const scope = await getScope();
    expect(scope).toMatchObject({ firmId: a.firmId, role: "candidate", candidateId, userId: person.recruiter.userId, firmCount: 2 });
    // The other firm's records stay out of reach in this session.
    expect(await getCandidateContact(scope!, person.candidateId)).toBeNull();
    expect((await checkCredentials({ email: person.recruiter.email, password: TEST_PASSWORD }, ctx)).ok).toBe(true);
    const [user] = await db().select().from(s.users).where(eq(s.users.id, person.recruiter.userId));
    expect(user?.name).toBe(person.recruiter.name);
  });

  it("lets a signed-in person accept with one press, and only the person the invitation is for", async () => {
    const person = await createTestFirm(db(), "signed");
    const { token } = await inviteAsCandidateOfA(person.admin.email);

    signedInAs(await sessionFor(db(), person, person.recruiter));
    const someoneElse = await submit(acceptInvitationSignedInAction, formData({ token }));
    expect(someoneElse.ok).toBe(false);
    expect(someoneElse.formError).toMatch(/signed in as recruiter-signed/);
    expect(await db().select().from(s.memberships).where(eq(s.memberships.firmId, a.firmId)).then((r) => r.filter((m) => m.userId === person.recruiter.userId))).toEqual([]);

    const before = await sessionFor(db(), person, person.admin);
    signedInAs(before);
    const joined = await submit(acceptInvitationSignedInAction, formData({ token }));
    expect(joined.redirect).toBe("/my/interviews");
    expect((await getScope())?.firmId).toBe(a.firmId);
    // The session that was switched away from is over.
    const [old] = await db().select().from(s.authSessions).where(eq(s.authSessions.id, before.sessionId));
    expect(old?.revokedAt).not.toBeNull();
    const replay = await submit(acceptInvitationSignedInAction, formData({ token }));
    expect(replay.formError).toMatch(/expired or was already used/);
  });

  it("sends a person with several firms to choose one, and switches only among their own", async () => {
    const person = await createTestFirm(db(), "multi");
    const { token } = await inviteAsCandidateOfA(person.admin.email);
    signedInAs(await sessionFor(db(), person, person.admin));
    await submit(acceptInvitationSignedInAction, formData({ token }));
    signedInAs(null);

    const signedIn = await submit(signInAction, formData({ email: person.admin.email, password: TEST_PASSWORD, next: "/candidates" }));
    expect(signedIn.redirect).toBe("/choose-firm?next=%2Fcandidates");
    // The session opened in the firm used last (firm A, just joined).
    expect((await getScope())?.firmId).toBe(a.firmId);

    const foreign = await submit(chooseFirmAction, formData({ firmId: b.firmId }));
    expect(foreign.fieldErrors?.firmId?.[0]).toMatch(/Choose one of your firms/);
    expect((await getScope())?.firmId).toBe(a.firmId);
    const garbage = await submit(chooseFirmAction, formData({ firmId: "not-a-uuid" }));
    expect(garbage.fieldErrors?.firmId).toBeTruthy();

    const from = testContext.claims!;
    const switched = await submit(chooseFirmAction, formData({ firmId: person.firmId }));
    expect(switched.redirect).toBe("/dashboard");
    const scope = await getScope();
    expect(scope).toMatchObject({ firmId: person.firmId, role: "admin" });
    // Firm A's records answer "not found" in the firm-B session.
    expect(await getCandidateContact(scope!, a.candidateId)).toBeNull();

    // A switch ticket works once (its session is over) and cannot be forged.
    const ticket = signFirmSwitch({ userId: from.userId, fromSessionId: from.sessionId, firmId: a.firmId });
    expect(await checkCredentials({ switchTicket: ticket }, ctx)).toEqual({ ok: false, reason: "invalid" });
    const live = testContext.claims!;
    const toForeign = signFirmSwitch({ userId: live.userId, fromSessionId: live.sessionId, firmId: b.firmId });
    expect(await checkCredentials({ switchTicket: toForeign }, ctx)).toEqual({ ok: false, reason: "invalid" });
    const [body] = ticket.split(".");
    expect(await checkCredentials({ switchTicket: `${body}.forged` }, ctx)).toEqual({ ok: false, reason: "invalid" });
  });

  it("closes invitations whose inviter is deactivated or loses admin rights, and checks the inviter at acceptance", async () => {
    const f = await createTestFirm(db(), "inviter");
    const secondAdmin = await db()
      .insert(s.users)
      .values({ email: `second-admin-${f.slug}@test.example`, name: "Second Admin" })
      .returning({ id: s.users.id });
    await db().insert(s.memberships).values({ firmId: f.firmId, userId: secondAdmin[0]!.id, role: "admin" });
    const scopeOfSecond = { db: db(), firmId: f.firmId, userId: secondAdmin[0]!.id, role: "admin" as const, candidateId: null, firmTimeZone: "UTC" };

    signedInAs(await sessionFor(db(), f, f.admin));
    await submit(inviteStaffAction, formData({ email: `staff-one-${f.slug}@x.example`, name: "Staff One", role: "recruiter" }));
    const [cand] = await db().insert(s.candidates).values({ firmId: f.firmId, name: "C One", email: `c-one-${f.slug}@x.example` }).returning({ id: s.candidates.id });
    await submit(inviteCandidateAction, formData({ candidateId: cand!.id }));
    signedInAs(null);
    const pending = () =>
      db()
        .select({ email: s.invitations.email })
        .from(s.invitations)
        .where(and(eq(s.invitations.invitedBy, f.admin.userId), isNull(s.invitations.revokedAt)));
    expect((await pending()).length).toBe(2);

    // Demoted to recruiter: the staff invitation closes, the candidate's stays.
    expect(await updateMembership(scopeOfSecond, f.admin.membershipId, { role: "recruiter" })).toBe("ok");
    expect((await pending()).map((p) => p.email)).toEqual([`c-one-${f.slug}@x.example`]);

    // Deactivated: none stays open.
    expect(await updateMembership(scopeOfSecond, f.admin.membershipId, { status: "deactivated" })).toBe("ok");
    expect(await pending()).toEqual([]);

    // Acceptance itself re-checks the inviter, whatever the invitation row says.
    signedInAs(await sessionFor(db(), f, f.recruiter));
    const [cand2] = await db().insert(s.candidates).values({ firmId: f.firmId, name: "C Two", email: `c-two-${f.slug}@x.example` }).returning({ id: s.candidates.id });
    await submit(inviteCandidateAction, formData({ candidateId: cand2!.id }));
    signedInAs(null);
    const token = await lastToken(`c-two-${f.slug}@x.example`, "invite");
    await db().update(s.memberships).set({ status: "deactivated" }).where(eq(s.memberships.id, f.recruiter.membershipId));
    const refused = await submit(acceptInvitationAction, formData({ token, name: "C Two", password: "c two long passphrase", confirm: "c two long passphrase" }));
    expect(refused.formError).toMatch(/expired or was already used/);
    expect(await db().select().from(s.users).where(eq(s.users.email, `c-two-${f.slug}@x.example`))).toEqual([]);
  });

  describe("one-time links where real mail exists", () => {
    const saved = { smtp: process.env.SMTP_URL, env: process.env.AFTERVIEW_ENV, url: process.env.APP_URL };
    afterEach(() => {
      for (const [k, v] of [["SMTP_URL", saved.smtp], ["AFTERVIEW_ENV", saved.env], ["APP_URL", saved.url]] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      resetEnvCache();
      resetMailTransport();
    });

    async function storedTexts(to: string): Promise<string> {
      const rows = await db().select({ text: s.emailOutbox.text, html: s.emailOutbox.html }).from(s.emailOutbox).where(eq(s.emailOutbox.to, to));
      return rows.map((r) => `${r.text}\n${r.html ?? ""}`).join("\n");
    }

    it("keeps invitation and reset tokens out of the stored copy in production and with SMTP", async () => {
      process.env.AFTERVIEW_ENV = "production";
      process.env.APP_URL = "https://afterview.example";
      process.env.SMTP_URL = "smtp://127.0.0.1:9"; // nothing listens: the send fails, the stored copy is what is left
      resetEnvCache();
      resetMailTransport();
      const email = `redacted-${a.slug}@x.example`;
      const [c] = await db().insert(s.candidates).values({ firmId: a.firmId, name: "Red Acted", email }).returning({ id: s.candidates.id });
      signedInAs(await sessionFor(db(), a, a.admin));
      await submit(inviteCandidateAction, formData({ candidateId: c!.id }));
      signedInAs(null);
      await submit(forgotPasswordAction, formData({ email: a.recruiter.email }));
      await runDeferred();
      const invite = await storedTexts(email);
      expect(invite).toContain(`/invite/${REDACTED}`);
      expect(invite).not.toMatch(/\/invite\/[A-Za-z0-9_-]{20,}/);
      const reset = await storedTexts(a.recruiter.email);
      expect(reset).toContain(`/reset-password/${REDACTED}`);
      expect(reset).not.toMatch(/\/reset-password\/[A-Za-z0-9_-]{20,}/);
    });

    it("keeps the link locally without SMTP, where the outbox is the mail channel", async () => {
      delete process.env.SMTP_URL;
      process.env.AFTERVIEW_ENV = "local";
      resetEnvCache();
      resetMailTransport();
      await submit(forgotPasswordAction, formData({ email: b.recruiter.email }));
      await runDeferred();
      expect(await storedTexts(b.recruiter.email)).toMatch(/\/reset-password\/[A-Za-z0-9_-]{20,}/);
    });
  });

  describe("forgot password", () => {
    it("does the same work for known and unknown addresses and sends the mail after answering", async () => {
      testContext.headers = { "x-afterview-peer": "192.0.2.50" };
      const knownEmail = b.admin.email;
      const known = await submit(forgotPasswordAction, formData({ email: knownEmail }));
      expect(deferred.length).toBe(1);
      // Answered before any mail exists.
      expect(await db().select().from(s.emailOutbox).where(eq(s.emailOutbox.to, knownEmail))).toEqual([]);
      const unknown = await submit(forgotPasswordAction, formData({ email: "nobody-here@nowhere.example" }));
      expect(deferred.length).toBe(2);
      expect(known).toEqual(unknown);
      const buckets = await db().select({ key: s.throttles.key }).from(s.throttles);
      const keys = buckets.map((k) => k.key);
      for (const e of [knownEmail, "nobody-here@nowhere.example"]) expect(keys).toContain(`reset:${e}`);
      await runDeferred();
      expect((await db().select().from(s.emailOutbox).where(eq(s.emailOutbox.to, knownEmail))).length).toBe(1);
      expect(await db().select().from(s.emailOutbox).where(eq(s.emailOutbox.to, "nobody-here@nowhere.example"))).toEqual([]);
    });

    it("limits requests per network address as well as per account", async () => {
      testContext.headers = { "x-afterview-peer": "192.0.2.77" };
      for (let i = 0; i < 20; i++) await submit(forgotPasswordAction, formData({ email: `probe-${i}@nowhere.example` }));
      await runDeferred();
      const target = a.candidateUser.email;
      await submit(forgotPasswordAction, formData({ email: target }));
      await runDeferred();
      expect(await db().select().from(s.emailOutbox).where(eq(s.emailOutbox.to, target))).toEqual([]);
    });

    it("voids older reset links when a new one is sent or the password changes", async () => {
      const f = await createTestFirm(db(), "reset");
      const email = f.recruiter.email;
      await submit(forgotPasswordAction, formData({ email }));
      await runDeferred();
      const first = await lastToken(email, "reset-password");
      await submit(forgotPasswordAction, formData({ email }));
      await runDeferred();
      const second = await lastToken(email, "reset-password");
      expect(second).not.toBe(first);
      const pw = { password: "another long passphrase", confirm: "another long passphrase" };
      expect((await submit(resetPasswordAction, formData({ token: first, ...pw }))).formError).toMatch(/expired or was already used/);

      signedInAs(await sessionFor(db(), f, f.recruiter));
      const changed = await submit(changePasswordAction, formData({ current: TEST_PASSWORD, password: "a changed long passphrase", confirm: "a changed long passphrase" }));
      expect(changed.ok, JSON.stringify(changed)).toBe(true);
      signedInAs(null);
      expect((await submit(resetPasswordAction, formData({ token: second, ...pw }))).formError).toMatch(/expired or was already used/);
    });
  });
});
