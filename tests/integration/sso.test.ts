import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { signInAction, startSsoAction } from "@/app/(auth)/actions";
import { chooseFirmAction } from "@/app/(auth)/membership-actions";
import { saveSsoSettingsAction, setSsoStateAction, testSsoConnectionAction } from "@/app/(staff)/settings/sso/actions";
import { checkCredentials } from "@/lib/auth/credentials";
import { signFirmSwitch } from "@/lib/auth/firm-switch";
import { getScope } from "@/lib/auth/scope";
import { sealClientSecret, setSsoResolverForTests } from "@/lib/auth/sso/provider";
import { completeSsoSignIn } from "@/lib/auth/sso/sign-in";
import { resetEnvCache } from "@/lib/platform/env";
import { expectFieldError, submit } from "../helpers/actions";
import { signedInAs, testContext, useDatabaseForRequests } from "../helpers/context";
import { useFreshDatabase } from "../helpers/db";
import { createTestFirm, formData, sessionFor, TEST_PASSWORD, type TestFirm } from "../helpers/fixtures";
import { startOidcProvider, type TestOidcProvider } from "../helpers/oidc-provider";

const ctx = { ip: "198.51.100.9", userAgent: "vitest" };

describe("single sign-on for staff (OpenID Connect, per firm)", () => {
  const database = useFreshDatabase();
  const db = () => database.current.db;
  let a: TestFirm;
  let b: TestFirm;
  let idp: TestOidcProvider;

  /** Gives a firm an enabled provider straight in the database (the settings flow has its own test). */
  async function enableProvider(firm: TestFirm, domains: string[], opts: { required?: boolean; enabled?: boolean } = {}) {
    await db()
      .insert(s.ssoProviders)
      .values({
        firmId: firm.firmId,
        issuer: idp.issuer,
        clientId: idp.clientId,
        clientSecretEncrypted: sealClientSecret(idp.clientSecret),
        domains,
        enabled: opts.enabled ?? true,
        required: opts.required ?? false,
        lastTestOk: true,
      })
      .onConflictDoUpdate({
        target: s.ssoProviders.firmId,
        set: { domains, enabled: opts.enabled ?? true, required: opts.required ?? false },
      });
  }

  const links = (firmId: string) => db().select().from(s.ssoIdentities).where(eq(s.ssoIdentities.firmId, firmId));

  beforeAll(async () => {
    useDatabaseForRequests(database.current);
    process.env.OUTBOUND_ALLOW_PRIVATE = "1";
    resetEnvCache();
    idp = await startOidcProvider({ redirectUris: ["http://localhost:3000/api/auth/callback/sso-test"] });
    a = await createTestFirm(db(), "sso-a");
    b = await createTestFirm(db(), "sso-b");
  });

  afterAll(async () => {
    delete process.env.OUTBOUND_ALLOW_PRIVATE;
    resetEnvCache();
    setSsoResolverForTests(undefined);
    await idp?.stop();
  });

  afterEach(() => {
    signedInAs(null);
    testContext.headers = {};
  });

  it("lets an admin save the provider (secret sealed), test it against a real provider, then switch it on", async () => {
    const f = await createTestFirm(db(), "sso-settings");
    signedInAs(await sessionFor(db(), f, f.admin));

    const bad = await submit(saveSsoSettingsAction, formData({ issuer: "ftp://idp.example", clientId: "", clientSecret: "", domains: "not a domain" }));
    expectFieldError(bad, "issuer", /full address/);
    expectFieldError(bad, "clientId", /client ID/);
    expectFieldError(bad, "domains", /example\.com/);
    expect(bad.values?.domains).toBe("not a domain");

    const noSecret = await submit(saveSsoSettingsAction, formData({ issuer: idp.issuer, clientId: idp.clientId, clientSecret: "", domains: "sso-settings.example" }));
    expectFieldError(noSecret, "clientSecret", /client secret/);

    const saved = await submit(
      saveSsoSettingsAction,
      formData({ issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, domains: "Sso-Settings.example\n@staff.sso-settings.example" }),
    );
    expect(saved.ok, JSON.stringify(saved)).toBe(true);
    const [row] = await db().select().from(s.ssoProviders).where(eq(s.ssoProviders.firmId, f.firmId));
    expect(row).toMatchObject({ issuer: idp.issuer, clientId: idp.clientId, domains: ["sso-settings.example", "staff.sso-settings.example"], enabled: false });
    expect(row!.clientSecretEncrypted).not.toContain(idp.clientSecret);
    expect(row!.clientSecretEncrypted).toMatch(/^v1:/);

    // Not before a successful test.
    const early = await submit(setSsoStateAction, formData({ enabled: "on" }));
    expect(early.formError).toMatch(/Test the connection first/);

    const tested = await submit(testSsoConnectionAction, formData({}));
    expect(tested.data, JSON.stringify(tested)).toMatchObject({ passed: true, text: expect.stringMatching(/signing key/) });

    const requiredAlone = await submit(setSsoStateAction, formData({ required: "on" }));
    expectFieldError(requiredAlone, "required", /Offer single sign-on/);
    const on = await submit(setSsoStateAction, formData({ enabled: "on", required: "on" }));
    expect(on.ok).toBe(true);
    expect((await db().select().from(s.ssoProviders).where(eq(s.ssoProviders.firmId, f.firmId)))[0]).toMatchObject({ enabled: true, required: true });

    // Another issuer switches it off until it is tested again.
    await submit(saveSsoSettingsAction, formData({ issuer: `${idp.issuer}/other`, clientId: idp.clientId, clientSecret: "", domains: "sso-settings.example" }));
    expect((await db().select().from(s.ssoProviders).where(eq(s.ssoProviders.firmId, f.firmId)))[0]).toMatchObject({ enabled: false, required: false, lastTestOk: null });
    const failed = await submit(testSsoConnectionAction, formData({}));
    expect(failed.data).toMatchObject({ passed: false, text: expect.stringMatching(/Could not use/) });

    const audit = await db().select({ action: s.auditEvents.action }).from(s.auditEvents).where(eq(s.auditEvents.firmId, f.firmId));
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(["sso.update", "sso.test", "sso.state"]));
    expect(JSON.stringify(await db().select().from(s.auditEvents).where(eq(s.auditEvents.firmId, f.firmId)))).not.toContain(idp.clientSecret);

    // A recruiter may not touch it.
    signedInAs(await sessionFor(db(), f, f.recruiter));
    const denied = await submit(saveSsoSettingsAction, formData({ issuer: idp.issuer, clientId: "x", clientSecret: "y", domains: "evil.example" }));
    expect(denied.ok).toBe(false);
    expect((await db().select().from(s.ssoProviders).where(eq(s.ssoProviders.firmId, f.firmId)))[0]!.domains).toEqual(["sso-settings.example"]);
  });

  it("never reaches a private or internal address through the issuer, even by a name that resolves there", async () => {
    process.env.OUTBOUND_ALLOW_PRIVATE = "0";
    resetEnvCache();
    try {
      const f = await createTestFirm(db(), "sso-ssrf");
      signedInAs(await sessionFor(db(), f, f.admin));
      for (const issuer of ["https://127.0.0.1/realms/x", "https://[::1]/", "https://169.254.169.254/latest", "https://10.1.2.3/", "https://localhost/", `http://idp.example/`]) {
        const r = await submit(saveSsoSettingsAction, formData({ issuer, clientId: "c", clientSecret: "s", domains: "sso-ssrf.example" }));
        expectFieldError(r, "issuer", /cannot use this address/);
      }
      // A public-looking name that resolves inside: saved, but the test (and any sign-in) refuses to connect.
      const saved = await submit(saveSsoSettingsAction, formData({ issuer: "https://idp.rebind.example", clientId: "c", clientSecret: "s", domains: "sso-ssrf.example" }));
      expect(saved.ok).toBe(true);
      setSsoResolverForTests(async () => [{ address: "10.0.0.7", family: 4 }]);
      const tested = await submit(testSsoConnectionAction, formData({}));
      expect(tested.data).toMatchObject({ passed: false, text: expect.stringMatching(/10\.0\.0\.7, a private or internal address/) });
    } finally {
      setSsoResolverForTests(undefined);
      process.env.OUTBOUND_ALLOW_PRIVATE = "1";
      resetEnvCache();
    }
  });

  it("routes a work email to its firm's provider only: unknown domains get a clear answer, a shared domain lets the person choose", async () => {
    await enableProvider(a, ["shared.example", "only-a.example"]);
    await enableProvider(b, ["shared.example"]);
    const unknown = await submit(startSsoAction, formData({ email: "pat@nowhere.example" }));
    expectFieldError(unknown, "email", /No firm signs in to Afterview with single sign-on for nowhere\.example/);
    expect(unknown.values?.email).toBe("pat@nowhere.example");

    const shared = await submit(startSsoAction, formData({ email: "pat@shared.example" }));
    expect(shared.ok).toBe(false);
    expect((shared.data?.choices as { firmId: string }[]).map((c) => c.firmId).sort()).toEqual([a.firmId, b.firmId].sort());
    // A firm that does not list the domain cannot be picked by sending its id.
    const other = await createTestFirm(db(), "sso-other");
    const forged = await submit(startSsoAction, formData({ email: "pat@shared.example", firmId: other.firmId }));
    expectFieldError(forged, "firmId", /Choose one of the firms listed/);

    // A disabled provider is not offered.
    await enableProvider(b, ["shared.example"], { enabled: false });
    const one = await submit(startSsoAction, formData({ email: "pat@nowhere.example" }));
    expect(one.fieldErrors?.email).toBeTruthy();
    const afterDisable = await submit(startSsoAction, formData({ email: "pat@shared.example", firmId: b.firmId }));
    expectFieldError(afterDisable, "firmId");
    await enableProvider(b, ["shared.example"]);
  });

  it("opens a session only for people with a membership or a pending staff invitation in that firm, and links the subject for that firm alone", async () => {
    await enableProvider(a, ["shared.example"]);
    await enableProvider(b, ["shared.example"]);

    // A's recruiter: linked on first use; the session is bound to A.
    const first = await completeSsoSignIn(a.firmId, { sub: "idp|rita", email: a.recruiter.email.toUpperCase(), name: "Rita" }, ctx);
    expect(first.ok, JSON.stringify(first)).toBe(true);
    if (!first.ok) return;
    expect(first.user).toMatchObject({ id: a.recruiter.userId, fid: a.firmId });
    const [session] = await db().select().from(s.authSessions).where(eq(s.authSessions.id, first.user.sid));
    expect(session!.ssoFirmId).toBe(a.firmId);
    expect((await links(a.firmId)).map((l) => [l.userId, l.subject])).toEqual([[a.recruiter.userId, "idp|rita"]]);

    // Later the subject alone decides, whatever email the provider now says.
    const again = await completeSsoSignIn(a.firmId, { sub: "idp|rita", email: "renamed@elsewhere.example" }, ctx);
    expect(again.ok && again.user.id).toBe(a.recruiter.userId);

    // The same provider account at firm B is no way into B: the link is A's, and Rita has no membership in B.
    const intoB = await completeSsoSignIn(b.firmId, { sub: "idp|rita", email: a.recruiter.email }, ctx);
    expect(intoB).toEqual({ ok: false, reason: "no_access" });
    expect(await links(b.firmId)).toEqual([]);

    // A second provider account for an account already linked in A is refused.
    const second = await completeSsoSignIn(a.firmId, { sub: "idp|rita-2", email: a.recruiter.email }, ctx);
    expect(second).toEqual({ ok: false, reason: "linked_elsewhere" });

    // Nobody is made from the provider's say-so: an unknown email, or an unverified one, opens nothing and creates nothing.
    const usersBefore = (await db().select({ id: s.users.id }).from(s.users)).length;
    expect(await completeSsoSignIn(a.firmId, { sub: "idp|stranger", email: "stranger@shared.example" }, ctx)).toEqual({ ok: false, reason: "no_access" });
    expect(await completeSsoSignIn(a.firmId, { sub: "idp|x", email: a.admin.email, email_verified: false }, ctx)).toEqual({ ok: false, reason: "no_email" });
    expect(await completeSsoSignIn(a.firmId, { sub: "idp|y" }, ctx)).toEqual({ ok: false, reason: "no_email" });
    expect((await db().select({ id: s.users.id }).from(s.users)).length).toBe(usersBefore);

    // Candidates keep their password.
    expect(await completeSsoSignIn(a.firmId, { sub: "idp|cora", email: a.candidateUser.email }, ctx)).toEqual({ ok: false, reason: "not_staff" });

    // A pending staff invitation of A: accepted now, the account made without a password.
    await db().insert(s.invitations).values({
      firmId: a.firmId,
      email: "new.hire@shared.example",
      name: "New Hire",
      role: "recruiter",
      tokenHash: `sso-test-${Date.now()}`,
      invitedBy: a.admin.userId,
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    const hired = await completeSsoSignIn(a.firmId, { sub: "idp|new", email: "new.hire@shared.example", name: "New Hire" }, ctx);
    expect(hired.ok, JSON.stringify(hired)).toBe(true);
    const [newUser] = await db().select().from(s.users).where(eq(s.users.email, "new.hire@shared.example"));
    expect(newUser!.passwordHash).toBeNull();
    const [m] = await db().select().from(s.memberships).where(and(eq(s.memberships.firmId, a.firmId), eq(s.memberships.userId, newUser!.id)));
    expect(m).toMatchObject({ role: "recruiter", status: "active" });

    // Deactivated in Afterview: closed, whatever the provider says.
    await db().update(s.memberships).set({ status: "deactivated" }).where(eq(s.memberships.id, m!.id));
    expect(await completeSsoSignIn(a.firmId, { sub: "idp|new", email: "new.hire@shared.example" }, ctx)).toEqual({ ok: false, reason: "no_access" });

    // Switched off between the start and the callback: refused.
    await enableProvider(a, ["shared.example"], { enabled: false });
    expect(await completeSsoSignIn(a.firmId, { sub: "idp|rita", email: a.recruiter.email }, ctx)).toEqual({ ok: false, reason: "disabled" });
    await enableProvider(a, ["shared.example"]);

    const refusals = await db()
      .select({ details: s.auditEvents.changes })
      .from(s.auditEvents)
      .where(and(eq(s.auditEvents.firmId, a.firmId), eq(s.auditEvents.action, "signin.sso_refused")));
    expect(refusals.length).toBeGreaterThanOrEqual(5);
  });

  it("keeps a session opened by a firm's provider to that firm: switching asks for the other firm's own sign-in", async () => {
    await enableProvider(a, ["shared.example"]);
    await enableProvider(b, ["shared.example"], { enabled: false });
    // Rita joins firm B too (a firm without single sign-on).
    await db().insert(s.memberships).values({ firmId: b.firmId, userId: a.recruiter.userId, role: "recruiter" }).onConflictDoNothing();
    const opened = await completeSsoSignIn(a.firmId, { sub: "idp|rita", email: a.recruiter.email }, ctx);
    if (!opened.ok) throw new Error(opened.reason);
    const claims = { userId: opened.user.id, sessionId: opened.user.sid, firmId: opened.user.fid, sessionVersion: opened.user.sv };
    signedInAs(claims);
    expect((await getScope())?.ssoFirmId).toBe(a.firmId);

    // A switch ticket from this session opens nothing.
    const ticket = signFirmSwitch({ userId: claims.userId, fromSessionId: claims.sessionId, firmId: b.firmId });
    expect(await checkCredentials({ switchTicket: ticket }, ctx)).toEqual({ ok: false, reason: "invalid" });

    // Choosing B ends this session and asks for B's own sign-in (B has no provider: its password page, for B).
    const chose = await submit(chooseFirmAction, formData({ firmId: b.firmId }));
    expect(chose.redirect).toBe(`/sign-in?firm=${b.firmId}`);
    expect(testContext.claims).toBeNull();

    // Signing in there with the password opens B, straight to B's home.
    const pw = await submit(signInAction, formData({ email: a.recruiter.email, password: TEST_PASSWORD, firm: b.firmId }));
    expect(pw.redirect).toBe("/dashboard");
    expect((await getScope())?.firmId).toBe(b.firmId);
    expect((await getScope())?.ssoFirmId).toBeNull();
  });

  it("when a firm requires it, a password no longer opens the firm for recruiters (admins keep theirs), and their password sessions end", async () => {
    const f = await createTestFirm(db(), "sso-required");
    const recruiterSession = await sessionFor(db(), f, f.recruiter);
    signedInAs(recruiterSession);
    expect(await getScope()).not.toBeNull();

    await enableProvider(f, ["sso-required.example"], { required: true });
    expect(await getScope()).toBeNull();

    signedInAs(null);
    const refused = await submit(signInAction, formData({ email: f.recruiter.email, password: TEST_PASSWORD }));
    expect(refused.ok).toBe(false);
    expect(refused.formError).toMatch(/single sign-on/);
    expect(testContext.claims).toBeNull();

    const admin = await submit(signInAction, formData({ email: f.admin.email, password: TEST_PASSWORD }));
    expect(admin.redirect).toBe("/dashboard");
    expect((await getScope())?.role).toBe("admin");

    // The provider opens it for the recruiter.
    const viaSso = await completeSsoSignIn(f.firmId, { sub: "idp|req-rita", email: f.recruiter.email }, ctx);
    if (!viaSso.ok) throw new Error(viaSso.reason);
    signedInAs({ userId: viaSso.user.id, sessionId: viaSso.user.sid, firmId: viaSso.user.fid, sessionVersion: viaSso.user.sv });
    expect((await getScope())?.firmId).toBe(f.firmId);
  });
});
