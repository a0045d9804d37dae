import { randomUUID } from "node:crypto";
import { and, eq, gt } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { forgotPasswordAction } from "@/app/(auth)/actions";
import { submitDebriefAction } from "@/app/(candidate)/my/interviews/[id]/debrief/actions";
import { logCallAction } from "@/app/(candidate)/my/plan/actions";
import { inviteCandidateAction } from "@/app/(staff)/candidates/actions";
import { inviteStaffAction } from "@/app/(staff)/settings/team/actions";
import { runRemindersOnce } from "@/lib/jobs/reminders";
import { resetEnvCache } from "@/lib/platform/env";
import type { DebriefDraft } from "@/lib/core/validation/debrief";
import { submit } from "../helpers/actions";
import { signedInAs, testContext, useDatabaseForRequests } from "../helpers/context";
import { useFreshDatabase } from "../helpers/db";
import { insertEndedInterview } from "../helpers/interviews";
import { completeDebrief, debriefPerson } from "../helpers/debriefs";
import { createTestFirm, formData, sessionFor, type TestFirm } from "../helpers/fixtures";
import { buildQueueFixture, NOW } from "./dashboard-data";
import { runJobs } from "../helpers/jobs";

/** What someone typing the request would send to get the links pointed at their own site. */
const FORGED = {
  host: "evil.example",
  "x-forwarded-host": "evil.example",
  "x-forwarded-proto": "https",
  origin: "https://evil.example",
  referer: "https://evil.example/forgot-password",
};

/**
 * Every mail that carries a link, sent while the request claims another host:
 * the link's origin is APP_URL (or http://localhost:PORT when it is not set),
 * never the request's Host or X-Forwarded-Host.
 */
describe.each([
  { setting: undefined, expected: "http://localhost:3000" },
  { setting: "https://app.afterview.test/", expected: "https://app.afterview.test" },
])("links in emails with APP_URL=$setting", ({ setting, expected }) => {
  const database = useFreshDatabase();
  const db = () => database.current.db;
  let a: TestFirm;
  let since: Date;

  beforeAll(async () => {
    useDatabaseForRequests(database.current);
    a = await createTestFirm(db(), "a");
    if (setting) process.env.APP_URL = setting;
    else delete process.env.APP_URL;
    resetEnvCache();
    testContext.headers = { ...FORGED };
    return () => {
      delete process.env.APP_URL;
      resetEnvCache();
      testContext.headers = {};
      signedInAs(null);
    };
  });

  afterEach(() => {
    testContext.headers = { ...FORGED };
  });

  /** The links of the mails to `to` written since the test started. */
  async function linksTo(to: string): Promise<string[]> {
    const rows = await db()
      .select({ text: s.emailOutbox.text, html: s.emailOutbox.html })
      .from(s.emailOutbox)
      .where(and(eq(s.emailOutbox.to, to), gt(s.emailOutbox.createdAt, since)));
    expect(rows.length, `expected a mail to ${to}`).toBeGreaterThan(0);
    return rows.flatMap((r) => `${r.text}\n${r.html ?? ""}`.match(/https?:\/\/[^\s"'<>]+/g) ?? []);
  }

  function expectOwnOrigin(links: string[], path: RegExp) {
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(link).not.toContain("evil.example");
      expect(new URL(link).origin, link).toBe(expected);
    }
    expect(links.some((l) => path.test(new URL(l).pathname)), links.join(" ")).toBe(true);
  }

  beforeAll(() => {
    since = new Date(Date.now() - 1000);
  });

  it("password reset", async () => {
    signedInAs(null);
    const r = await submit(forgotPasswordAction, formData({ email: a.recruiter.email }));
    expect(r.ok).toBe(true);
    expectOwnOrigin(await linksTo(a.recruiter.email), /^\/reset-password\/[\w-]{20,}$/);
  });

  it("staff invitation", async () => {
    signedInAs(await sessionFor(db(), a, a.admin));
    const to = `new-recruiter-${a.slug}@test.example`;
    const r = await submit(inviteStaffAction, formData({ email: to, name: "New Recruiter", role: "recruiter" }));
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expectOwnOrigin(await linksTo(to), /^\/invite\/[\w-]{20,}$/);
  });

  it("candidate invitation", async () => {
    signedInAs(await sessionFor(db(), a, a.recruiter));
    const to = `invited-candidate-${a.slug}@test.example`;
    const [c] = await db()
      .insert(s.candidates)
      .values({ firmId: a.firmId, name: "Ivy Invited", email: to, ownerUserId: a.recruiter.userId })
      .returning({ id: s.candidates.id });
    const r = await submit(inviteCandidateAction, formData({ candidateId: c!.id }));
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expectOwnOrigin(await linksTo(to), /^\/invite\/[\w-]{20,}$/);
  });

  const completedInterview = () => insertEndedInterview(db(), a);


  const filed = (over: Partial<DebriefDraft> = {}): DebriefDraft =>
    completeDebrief({
      interestLevel: 4,
      wentWell: "",
      notMentioned: "",
      timelineDetails: "",
      people: [debriefPerson({ id: randomUUID(), contactId: a.contactId, title: "", email: "" })],
      ...over,
    });


  it("debrief submitted (to the recruiter) and the repeat-call warning", async () => {
    signedInAs(await sessionFor(db(), a, a.candidateUser));
    const interviewId = await completedInterview();
    const r = await submit(submitDebriefAction, formData({ interviewId, version: "", draft: JSON.stringify(filed({ callInvitation: "no_date" })) }));
    expect(r.ok, JSON.stringify(r)).toBe(true);
    // The recruiter's email is a durable job; its link was fixed when the submission queued it.
    await runJobs(database.current);
    expectOwnOrigin(await linksTo(a.recruiter.email), new RegExp(`^/interviews/${interviewId}$`));

    for (const notes of ["Left a message", "Called again"]) {
      const call = await submit(logCallAction, formData({ interviewId, contactId: a.contactId, notes }));
      expect(call.ok, JSON.stringify(call)).toBe(true);
    }
    const warnings = await db()
      .select({ text: s.emailOutbox.text })
      .from(s.emailOutbox)
      .where(and(eq(s.emailOutbox.to, a.recruiter.email), gt(s.emailOutbox.createdAt, since)));
    const warning = warnings.find((m) => m.text.includes("rule 4"));
    expect(warning, "the repeat-call warning").toBeTruthy();
    const links = warning!.text.match(/https?:\/\/\S+/g) ?? [];
    expectOwnOrigin(links, new RegExp(`^/interviews/${interviewId}$`));
  });

  it("reminders: the daily digest and the debrief reminder", async () => {
    const b = await createTestFirm(db(), "reminders");
    const f = await buildQueueFixture(db(), b);
    const [u] = await db().insert(s.users).values({ email: `daniel-${b.slug}@test.example`, name: "Daniel Brooks" }).returning({ id: s.users.id });
    await db().insert(s.memberships).values({ firmId: b.firmId, userId: u!.id, role: "candidate", candidateId: f.B.candidateId });

    await runRemindersOnce(db(), NOW);
    expectOwnOrigin(await linksTo(b.recruiter.email), /^\/interviews\//);
    await runRemindersOnce(db(), new Date("2026-03-04T16:30:00Z"));
    expectOwnOrigin(await linksTo(`daniel-${b.slug}@test.example`), /^\/my\/interviews/);
    // Its one-click unsubscribe link too.
    expectOwnOrigin(await linksTo(`daniel-${b.slug}@test.example`), /^\/unsubscribe\/[\w-]+\.[\w-]+$/);
  });
});
