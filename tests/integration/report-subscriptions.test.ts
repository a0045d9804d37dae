import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/db/client";
import * as s from "@/db/schema";
import { deleteReportSubscriptionAction, subscribeToReportAction, unsubscribeReportAction } from "@/app/(staff)/reports/actions";
import { GET as unsubscribeGet, POST as unsubscribePost } from "@/app/unsubscribe/reports/[token]/route";
import { listMyReportSubscriptions } from "@/db/queries/report-subscriptions";
import { runRemindersOnce } from "@/lib/jobs/reminders";
import { startJobs, type JobsHandle } from "@/lib/jobs";
import { resetMailTransport } from "@/lib/email/send";
import { resetEnvCache } from "@/lib/platform/env";
import { csvAttachment, dueReportSubscriptions, runReportSubscriptionsOnce, sendReportSubscription } from "@/lib/reports/subscriptions/run";
import { reportEmail } from "@/lib/reports/subscriptions/email";
import { EMPTY_FILTERS } from "@/lib/core/reports/filters";
import { computeReportMetrics } from "@/lib/core/reports/metrics";
import { funnelPng } from "@/lib/reports/subscriptions/funnel-png";
import { submit, expectFieldError } from "../helpers/actions";
import { signedInAs, useDatabaseForRequests } from "../helpers/context";
import { useFreshDatabase } from "../helpers/db";
import { createTestFirm, formData, scopeOf, sessionFor, type TestFirm } from "../helpers/fixtures";
import { startSmtp, type Received } from "../helpers/smtp";

const ORIGIN = "https://app.afterview.test";

/** The base64 body of the MIME part named `filename`, decoded. */
function attachment(raw: string, filename: string): Buffer | null {
  const at = raw.indexOf(`filename=${filename}`);
  if (at < 0) return null;
  const start = raw.indexOf("\r\n\r\n", at) + 4;
  const end = raw.indexOf("\r\n--", start);
  return Buffer.from(raw.slice(start, end).replace(/\s+/g, ""), "base64");
}

/** The SMTP header's value, unfolded. */
function header(raw: string, name: string): string | null {
  const head = raw.slice(0, raw.indexOf("\r\n\r\n")).replace(/\r\n[ \t]+/g, " ");
  return new RegExp(`^${name}: (.*)$`, "mi").exec(head)?.[1] ?? null;
}

describe("scheduled report emails", () => {
  const database = useFreshDatabase();
  const db = () => database.current.db;
  let second: Database | null = null;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let a: TestFirm;
  let b: TestFirm;
  const saved = { SMTP_URL: process.env.SMTP_URL, APP_URL: process.env.APP_URL };
  /** Both runners: on PostgreSQL a second pool (another instance), on the embedded database the same one. */
  const dbs = () => [db(), (second ?? database.current).db];

  beforeAll(async () => {
    useDatabaseForRequests(database.current);
    smtp = await startSmtp();
    process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
    process.env.APP_URL = `${ORIGIN}/`;
    resetEnvCache();
    resetMailTransport();
    a = await createTestFirm(db(), "a");
    b = await createTestFirm(db(), "b");
    if (database.current.engine === "postgres") {
      second = await openDatabase({ url: database.current.pool!.options.connectionString!, poolMax: 4 });
    }
  });

  afterAll(async () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    resetEnvCache();
    resetMailTransport();
    signedInAs(null);
    await second?.close();
    await smtp.close();
  });

  it("renders the funnel as a PNG", () => {
    const png = funnelPng([
      { stage: "sourced", reached: 10, conversion: null },
      { stage: "submitted", reached: 6, conversion: 0.6 },
    ]);
    expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    expect(png.readUInt32BE(16)).toBe(1120); // rendered at twice the SVG's width
  });

  it("refuses a weekly email without its day, a bad time, and filters that do not apply, next to the fields", async () => {
    signedInAs(await sessionFor(db(), a, a.recruiter));
    const weekly = await submit(subscribeToReportAction, formData({ query: "", frequency: "weekly", weekday: "", localTime: "08:00" }));
    expectFieldError(weekly, "weekday", /day of the week/);
    const time = await submit(subscribeToReportAction, formData({ query: "", frequency: "daily", localTime: "8 am" }));
    expectFieldError(time, "localTime", /08:00/);
    const foreign = await submit(subscribeToReportAction, formData({ query: `client=${b.clientId}`, frequency: "daily", localTime: "08:00" }));
    expect(foreign.ok).toBe(false);
    expect(foreign.formError).toMatch(/filters cannot be applied/);
    expect(await listMyReportSubscriptions(scopeOf(db(), a, a.recruiter))).toEqual([]);
  });

  it("sends the daily 08:00 email at 08:00 local across the DST change and the weekly one only on its day, once each, with two runners", async () => {
    signedInAs(await sessionFor(db(), a, a.recruiter));
    const daily = await submit(
      subscribeToReportAction,
      formData({ query: `client=${a.clientId}&from=2026-01-01`, frequency: "daily", localTime: "08:00", includeCsv: "on" }),
    );
    expect(daily.ok, JSON.stringify(daily)).toBe(true);
    signedInAs(await sessionFor(db(), a, a.admin));
    const weekly = await submit(subscribeToReportAction, formData({ query: "", frequency: "weekly", weekday: "7", localTime: "08:00" }));
    expect(weekly.ok, JSON.stringify(weekly)).toBe(true);

    // America/New_York leaves daylight time at 02:00 on Sunday 2026-11-01: 08:00 is 12:00 UTC before, 13:00 UTC after.
    const arrivals: { at: string; mail: Received }[] = [];
    const start = Date.parse("2026-10-30T00:00:00Z");
    const end = Date.parse("2026-11-03T00:00:00Z");
    for (let t = start; t < end; t += 10 * 60_000) {
      const now = new Date(t);
      const before = smtp.received.length;
      // Two runners tick at the same moment, as two instances would.
      await Promise.all(dbs().map((d) => runReportSubscriptionsOnce(d, now)));
      for (const mail of smtp.received.slice(before)) arrivals.push({ at: now.toISOString(), mail });
    }
    const to = (email: string) => arrivals.filter((x) => x.mail.to.includes(email)).map((x) => x.at);
    expect(to(a.recruiter.email)).toEqual(["2026-10-30T12:00:00.000Z", "2026-10-31T12:00:00.000Z", "2026-11-01T13:00:00.000Z", "2026-11-02T13:00:00.000Z"]);
    expect(to(a.admin.email)).toEqual(["2026-11-01T13:00:00.000Z"]);
    expect(arrivals).toHaveLength(5);

    const mail = arrivals[0]!.mail.body;
    // The firm's name as the sender's; the address stays MAIL_FROM's.
    const firm = (await db().select({ name: s.firms.name }).from(s.firms).where(eq(s.firms.id, a.firmId)))[0]!;
    expect(header(mail, "From")).toBe(`${firm.name} <no-reply@afterview.local>`);
    expect(header(mail, "List-Unsubscribe")).toMatch(new RegExp(`^<${ORIGIN}/unsubscribe/reports/[^>]+>$`));
    expect(header(mail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(mail).toContain("Content-ID: <funnel@afterview>");
    expect(attachment(mail, "funnel.png")!.subarray(0, 4).toString("hex")).toBe("89504e47");
    const csv = attachment(mail, "applications-2026-10-30.csv")!.toString("utf8");
    expect(csv.split("\r\n")[0]).toMatch(/^application_id,/);
    expect(csv).toContain(a.applicationId);
    // The weekly email has no CSV.
    expect(attachment(arrivals.find((x) => x.mail.to.includes(a.admin.email))!.mail.body, "applications-2026-W44.csv")).toBeNull();

    // The stored copy: the link to the page carries the same filters, on APP_URL.
    const [stored] = await db()
      .select({ text: s.emailOutbox.text, html: s.emailOutbox.html })
      .from(s.emailOutbox)
      .where(and(eq(s.emailOutbox.to, a.recruiter.email), eq(s.emailOutbox.dedupeKey, `report:${(await listMyReportSubscriptions(scopeOf(db(), a, a.recruiter)))[0]!.id}:2026-10-30`)));
    expect(stored!.text).toContain(`Open the report: ${ORIGIN}/reports?from=2026-01-01&client=${a.clientId}`);
    expect(stored!.text).toContain("Applications: 1");
    const client = (await db().select({ name: s.clients.name }).from(s.clients).where(eq(s.clients.id, a.clientId)))[0]!;
    expect(stored!.text).toContain(`(Daily at 08:00, filters: from 2026-01-01, client ${client.name})`);
    expect(stored!.text).toContain("The attached CSV holds all 1 rows.");
    expect(stored!.html).toContain('src="cid:funnel@afterview"');
    expect(stored!.text).not.toMatch(/localhost/);

    // Each period has exactly one claimed send row.
    const sends = await db().select().from(s.reportSubscriptionSends).where(eq(s.reportSubscriptionSends.firmId, a.firmId));
    expect(sends.map((x) => x.periodKey).sort()).toEqual(["2026-10-30", "2026-10-31", "2026-11-01", "2026-11-02", "2026-W44"]);
    expect(sends.every((x) => x.outcome === "sent")).toBe(true);
  });

  it("lets exactly one of two workers claim a period", async () => {
    const now = new Date("2026-11-03T13:05:00Z");
    const jobs = (await dueReportSubscriptions(db(), now)).filter((j) => j.firmId === a.firmId);
    expect(jobs).toHaveLength(1);
    const before = smtp.received.length;
    const outcomes = await Promise.all(dbs().map((d) => sendReportSubscription(d, jobs[0]!, now)));
    expect(outcomes.sort()).toEqual(["duplicate", "sent"]);
    expect(smtp.received.length - before).toBe(1);
    // Found again by the scan, it is claimed already and goes nowhere.
    expect(await dueReportSubscriptions(db(), now)).toEqual([]);
  });

  it("skips a period more than three hours late rather than mailing at night", async () => {
    const before = smtp.received.length;
    // 2026-11-04: the first tick of the day comes at 11:00 local (16:00 UTC), three hours late.
    expect((await runRemindersOnce(db(), new Date("2026-11-04T16:00:00Z"))).reportEmails.sent).toBe(0);
    // 2026-11-05: 10:50 local, still within the window; the reminder pass sends it.
    expect((await runRemindersOnce(db(), new Date("2026-11-05T15:50:00Z"))).reportEmails.sent).toBe(1);
    expect(smtp.received.length - before).toBe(1);
  });

  it("keeps another firm's user and a colleague away from someone's subscription", async () => {
    const mine = (await listMyReportSubscriptions(scopeOf(db(), a, a.recruiter)))[0]!;
    expect(await listMyReportSubscriptions(scopeOf(db(), b, b.admin))).toEqual([]);
    expect((await listMyReportSubscriptions(scopeOf(db(), a, a.admin))).map((r) => r.id)).not.toContain(mine.id);
    for (const [firm, who] of [
      [b, b.admin],
      [a, a.admin],
    ] as const) {
      signedInAs(await sessionFor(db(), firm, who));
      for (const action of [deleteReportSubscriptionAction, unsubscribeReportAction]) {
        const res = await submit(action, formData({ subscriptionId: mine.id }));
        expect(res.ok).toBe(false);
        expect(res.formError).toMatch(/does not exist/);
      }
    }
    signedInAs(await sessionFor(db(), a, a.candidateUser));
    expect((await submit(deleteReportSubscriptionAction, formData({ subscriptionId: mine.id }))).ok).toBe(false);
    const [row] = await db().select().from(s.reportSubscriptions).where(eq(s.reportSubscriptions.id, mine.id));
    expect(row?.unsubscribedAt).toBeNull();
  });

  it("stops after the mail's unsubscribe link is posted (a GET only asks), and a forged link does nothing", async () => {
    const mine = (await listMyReportSubscriptions(scopeOf(db(), a, a.recruiter)))[0]!;
    const [stored] = await db()
      .select({ text: s.emailOutbox.text })
      .from(s.emailOutbox)
      .where(eq(s.emailOutbox.dedupeKey, `report:${mine.id}:2026-11-05`));
    const url = /Stop these emails: (\S+)/.exec(stored!.text)![1]!;
    expect(url.startsWith(`${ORIGIN}/unsubscribe/reports/`)).toBe(true);
    const token = url.split("/").pop()!;
    const params = (t: string) => ({ params: Promise.resolve({ token: t }) });

    expect((await unsubscribeGet(new Request(url), params(`${token.slice(0, -2)}xx`))).status).toBe(400);
    expect((await unsubscribePost(new Request(url, { method: "POST" }), params(`${token.slice(0, -2)}xx`))).status).toBe(400);
    const ask = await unsubscribeGet(new Request(url), params(token));
    expect(ask.status).toBe(200);
    expect(await ask.text()).toContain("Stop this email");
    expect((await listMyReportSubscriptions(scopeOf(db(), a, a.recruiter)))[0]!.unsubscribedAt).toBeNull();

    const done = await unsubscribePost(new Request(url, { method: "POST", body: "List-Unsubscribe=One-Click" }), params(token));
    expect(done.status).toBe(200);
    expect((await listMyReportSubscriptions(scopeOf(db(), a, a.recruiter)))[0]!.unsubscribedAt).not.toBeNull();

    const before = smtp.received.length;
    await runReportSubscriptionsOnce(db(), new Date("2026-11-06T13:00:00Z"));
    expect(smtp.received.length).toBe(before);
  });

  it("sends nothing to a member who was deactivated", async () => {
    await db().update(s.memberships).set({ status: "deactivated" }).where(eq(s.memberships.id, a.admin.membershipId));
    const before = smtp.received.length;
    // Sunday 2026-11-08, 08:00 in New York: the admin's weekly email would be due.
    await runReportSubscriptionsOnce(db(), new Date("2026-11-08T13:00:00Z"));
    expect(smtp.received.length).toBe(before);
    await db().update(s.memberships).set({ status: "active" }).where(eq(s.memberships.id, a.admin.membershipId));
    await runReportSubscriptionsOnce(db(), new Date("2026-11-08T13:10:00Z"));
    expect(smtp.received.slice(before).map((m) => m.to)).toEqual([[a.admin.email]]);
  });

  it("lets the subscriber unsubscribe and delete their own from the page", async () => {
    signedInAs(await sessionFor(db(), a, a.admin));
    const [weekly] = await listMyReportSubscriptions(scopeOf(db(), a, a.admin));
    const stopped = await submit(unsubscribeReportAction, formData({ subscriptionId: weekly!.id }));
    expect(stopped.ok, JSON.stringify(stopped)).toBe(true);
    expect((await listMyReportSubscriptions(scopeOf(db(), a, a.admin)))[0]!.unsubscribedAt).not.toBeNull();
    const before = smtp.received.length;
    await runReportSubscriptionsOnce(db(), new Date("2026-11-15T13:00:00Z"));
    expect(smtp.received.length).toBe(before);
    const deleted = await submit(deleteReportSubscriptionAction, formData({ subscriptionId: weekly!.id }));
    expect(deleted.ok, JSON.stringify(deleted)).toBe(true);
    expect(await listMyReportSubscriptions(scopeOf(db(), a, a.admin))).toEqual([]);
    expect(await db().select().from(s.reportSubscriptionSends).where(eq(s.reportSubscriptionSends.subscriptionId, weekly!.id))).toEqual([]);
    const audit = await db().select({ action: s.auditEvents.action }).from(s.auditEvents).where(eq(s.auditEvents.entityId, weekly!.id));
    expect(audit.map((x) => x.action).sort()).toEqual(["report_subscription.created", "report_subscription.deleted", "report_subscription.unsubscribed"]);
  });

  it("goes out once through two job instances (pg-boss on PostgreSQL, the timer on the embedded database)", async () => {
    signedInAs(await sessionFor(db(), b, b.recruiter));
    const saved = await submit(subscribeToReportAction, formData({ query: "", frequency: "daily", localTime: "09:00" }));
    expect(saved.ok, JSON.stringify(saved)).toBe(true);
    // Monday 2026-11-09, 09:05 in New York.
    const clock = () => new Date("2026-11-09T14:05:00Z");
    const options = { clock, pollingIntervalSeconds: 0.5, schedule: false, intervalMs: 150 };
    const instances: JobsHandle[] = [
      await startJobs({ ...options, database: database.current }),
      await startJobs({ ...options, database: second ?? database.current }),
    ];
    const reports = () => smtp.received.filter((m) => m.to.includes(b.recruiter.email) && m.subject.startsWith("Your report"));
    try {
      await Promise.all(instances.map((i) => i.runNow()));
      await Promise.all(instances.map((i) => i.runNow()));
      const end = Date.now() + 30_000;
      while (reports().length === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
      // Give a duplicate every chance to arrive.
      await new Promise((r) => setTimeout(r, 2_000));
      await Promise.all(instances.map((i) => i.runNow()));
      await new Promise((r) => setTimeout(r, 1_500));
      expect(reports()).toHaveLength(1);
      expect(attachment(reports()[0]!.body, "funnel.png")).not.toBeNull();
    } finally {
      await Promise.all(instances.map((i) => i.stop()));
    }
  }, 60_000);

  it("caps the attached CSV and links to the whole download past the cap", async () => {
    await db().insert(s.applications).values({ firmId: a.firmId, candidateId: a.otherCandidateId, jobId: a.jobId });
    const scope = scopeOf(db(), a, a.recruiter);
    const fullUrl = `${ORIGIN}/api/exports/applications.csv`;
    const capped = await csvAttachment(scope, { filters: EMPTY_FILTERS, timeZone: "America/New_York", fullUrl, cap: 1 });
    expect(capped.capped).toBe(true);
    const lines = capped.body.trimEnd().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe(`Only the first 1 rows are attached. The whole file: ${fullUrl}`);
    const whole = await csvAttachment(scope, { filters: EMPTY_FILTERS, timeZone: "America/New_York", fullUrl, cap: 10 });
    expect(whole).toMatchObject({ capped: false, rows: 2 });
    const mail = reportEmail({
      firmName: "Firm <A>",
      name: "Rita",
      schedule: "Daily at 08:00",
      filtersText: "none",
      metrics: computeReportMetrics({ applications: [], interviews: [] }, { timeZone: "UTC", today: "2026-11-01" }),
      pageUrl: `${ORIGIN}/reports`,
      unsubscribeUrl: `${ORIGIN}/unsubscribe/reports/x`,
      csv: { rows: 5000, capped: true, cap: 5000, fullUrl },
      period: "2026-11-01",
    });
    expect(mail.text).toContain(`The attached CSV holds the first 5,000 rows. The whole file: ${fullUrl}`);
    expect(mail.html).toContain(`<a href="${fullUrl}"`);
    expect(mail.html).toContain("Firm &lt;A&gt;");
    expect(mail.html).not.toContain("Firm <A>");
  });
});
