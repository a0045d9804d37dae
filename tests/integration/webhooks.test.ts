import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { getMyDebrief } from "@/db/queries/debriefs";
import { inTransaction } from "@/db/queries/scope";
import { getWebhookEndpoint, listWebhookDeliveries, listWebhookEndpoints } from "@/db/queries/webhooks";
import { submitDebriefAction } from "@/app/(candidate)/my/interviews/[id]/debrief/actions";
import { moveApplication } from "@/lib/applications/move-application";
import { runRemindersOnce } from "@/lib/jobs/reminders";
import { saveFeedbackAction } from "@/app/(staff)/_components/review/actions";
import { toLocalDateTimeValue } from "@/lib/core/validation/feedback";
import { changeInterviewStatus } from "@/lib/interviews/change-interview-status";
import { rescheduleInterview } from "@/lib/interviews/reschedule-interview";
import { scheduleInterview } from "@/lib/interviews/schedule-interview";
import { resetEnvCache } from "@/lib/platform/env";
import { DISABLE_AFTER_MS } from "@/lib/webhooks/deliver";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  redeliverWebhook,
  rotateWebhookSecret,
  setWebhookEndpointEnabled,
} from "@/lib/webhooks/manage-endpoints";
import { verifyWebhook } from "@/lib/webhooks/sign";
import { signedInAs } from "../helpers/context";
import { completeDebrief, debriefPerson } from "../helpers/debriefs";
import { useTwoFirms } from "../helpers/firms";
import { formData, scopeOf, sessionFor } from "../helpers/fixtures";
import { insertEndedInterview } from "../helpers/interviews";
import { runJobs } from "../helpers/jobs";
import { submit } from "../helpers/actions";
import { WEBHOOK_PAYLOADS } from "@/lib/webhooks/payloads";
import type { WebhookEventType } from "@/lib/core/validation/webhooks";

type Received = { headers: IncomingHttpHeaders; body: string };

/**
 * Webhooks end to end: a change writes its deliveries in its own transaction;
 * the job runner signs and sends them to a receiver on 127.0.0.1 (allowed by
 * the local-development setting), retries failures with growing delays, and
 * after a day of failures disables the endpoint and mails the firm's admins.
 */

/** A stage change's payload for firm A's application, as the use cases send it. */
function stageChangeOf(a: { applicationId: string; candidateId: string; jobId: string }) {
  return { applicationId: a.applicationId, candidateId: a.candidateId, jobId: a.jobId, stage: "interviewing" as const, stageChangedAt: new Date().toISOString() };
}

describe("webhooks", () => {
  const { database, db, firms: { a, b } } = useTwoFirms({ requests: true });
  const admin = () => scopeOf(db(), a, a.admin);
  const otherAdmin = () => scopeOf(db(), b, b.admin);

  let server: Server;
  let url = "";
  let failing = false;
  const received: Received[] = [];
  const previous = process.env.OUTBOUND_ALLOW_PRIVATE;

  beforeAll(async () => {
    process.env.OUTBOUND_ALLOW_PRIVATE = "1";
    resetEnvCache();
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        received.push({ headers: req.headers, body });
        res.writeHead(failing ? 500 : 204).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/afterview`;
  });
  afterAll(async () => {
    if (previous === undefined) delete process.env.OUTBOUND_ALLOW_PRIVATE;
    else process.env.OUTBOUND_ALLOW_PRIVATE = previous;
    resetEnvCache();
    await new Promise<void>((r) => server.close(() => r()));
  });
  beforeEach(() => {
    received.length = 0;
    failing = false;
  });
  afterEach(async () => {
    await db().delete(s.webhookEndpoints).where(eq(s.webhookEndpoints.firmId, a.firmId));
  });

  const deliveriesOf = (endpointId: string) =>
    db().select().from(s.webhookDeliveries).where(and(eq(s.webhookDeliveries.firmId, a.firmId), eq(s.webhookDeliveries.endpointId, endpointId)));
  const deliveryJobs = async () =>
    (await db().select().from(s.backgroundJobs).where(and(eq(s.backgroundJobs.firmId, a.firmId), eq(s.backgroundJobs.kind, "webhook.deliver"))));

  async function moveStage(stage: string, reason = "") {
    const [app] = await db().select({ version: s.applications.version }).from(s.applications).where(eq(s.applications.id, a.applicationId));
    const r = await moveApplication(scopeOf(db(), a, a.recruiter), { id: a.applicationId, version: app!.version, stage, reason });
    expect(r.ok, JSON.stringify(r)).toBe(true);
  }

  it("writes nothing when the change's transaction rolls back, one delivery and job per endpoint when it commits", async () => {
    const { endpoint } = await createWebhookEndpoint(admin(), { url, description: "ATS", events: ["application.stage_changed"], includeDebriefText: false });
    const { endpoint: other } = await createWebhookEndpoint(admin(), { url, description: "BI", events: ["interview.scheduled"], includeDebriefText: false });
    const jobsBefore = (await deliveryJobs()).length;
    await expect(
      inTransaction(scopeOf(db(), a, a.recruiter), async (tx) => {
        expect(await emitWebhookEvent(tx, { type: "application.stage_changed", data: stageChangeOf(a) })).toBe(1);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await deliveriesOf(endpoint.id)).toEqual([]);
    expect(await deliveryJobs()).toHaveLength(jobsBefore);

    await moveStage("offer");
    const rows = await deliveriesOf(endpoint.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.payload).toMatchObject({ type: "application.stage_changed", data: { applicationId: a.applicationId, candidateId: a.candidateId, stage: "offer" } });
    expect(await deliveriesOf(other.id)).toEqual([]);
    expect(await deliveryJobs()).toHaveLength(jobsBefore + 1);
  });

  it("signs each delivery with the endpoint's secret (Standard Webhooks headers) and logs it delivered", async () => {
    const { endpoint, secret } = await createWebhookEndpoint(admin(), { url, description: "", events: ["application.stage_changed"], includeDebriefText: false });
    expect(secret).toMatch(/^whsec_/);
    await moveStage("interviewing");
    await runJobs(database.current);
    expect(received).toHaveLength(1);
    const { headers, body } = received[0]!;
    const [delivery] = await deliveriesOf(endpoint.id);
    expect(headers["webhook-id"]).toBe(`msg_${delivery!.id}`);
    expect(headers["content-type"]).toBe("application/json");
    expect(Math.abs(Number(headers["webhook-timestamp"]) - Date.now() / 1000)).toBeLessThan(60);
    const sig = { id: String(headers["webhook-id"]), timestamp: String(headers["webhook-timestamp"]), signature: String(headers["webhook-signature"]) };
    expect(verifyWebhook(secret, sig, body)).toBe(true);
    expect(verifyWebhook(secret, sig, body.replace("interviewing", "offer"))).toBe(false);
    expect(JSON.parse(body)).toMatchObject({ type: "application.stage_changed", data: { applicationId: a.applicationId, stage: "interviewing" } });
    expect(delivery).toMatchObject({ state: "delivered", attempts: 1, lastStatus: 204, lastError: null });

    // A rotation: for the overlap, messages carry a signature by each secret.
    const rotated = await rotateWebhookSecret(admin(), endpoint.id);
    await moveStage("offer");
    await runJobs(database.current);
    const second = received[1]!;
    const sig2 = { id: String(second.headers["webhook-id"]), timestamp: String(second.headers["webhook-timestamp"]), signature: String(second.headers["webhook-signature"]) };
    expect(sig2.signature.split(" ")).toHaveLength(2);
    expect(verifyWebhook(rotated, sig2, second.body)).toBe(true);
    expect(verifyWebhook(secret, sig2, second.body)).toBe(true);
  });

  it("retries a failing delivery with growing delays, then after a day disables the endpoint and mails the admins; redelivery works once enabled", async () => {
    const { endpoint } = await createWebhookEndpoint(admin(), { url, description: "", events: ["application.stage_changed"], includeDebriefText: false });
    failing = true;
    await moveStage("interviewing");
    const [delivery] = await deliveriesOf(endpoint.id);
    const jobOf = async () => (await deliveryJobs()).find((j) => j.payload.deliveryId === delivery!.id)!;

    const start = Date.now();
    let now = new Date(start);
    const delays: number[] = [];
    for (let i = 0; i < 40; i++) {
      await runJobs(database.current, () => now);
      const job = await jobOf();
      if (job.state !== "queued") break;
      delays.push(job.runAfter.getTime() - now.getTime());
      now = job.runAfter;
    }
    // Growing delays: a minute, doubling, up to two hours between attempts.
    expect(delays.slice(0, 4)).toEqual([60_000, 120_000, 240_000, 480_000]);
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]!);
    expect(Math.max(...delays)).toBe(2 * 3_600_000);
    // Every attempt reached the receiver, for about a day.
    const finalDelivery = (await deliveriesOf(endpoint.id))[0]!;
    expect(finalDelivery.attempts).toBe(received.length);
    expect(finalDelivery).toMatchObject({ state: "failed", lastStatus: 500, lastError: "HTTP 500" });
    expect(now.getTime() - start).toBeGreaterThanOrEqual(DISABLE_AFTER_MS);
    expect(now.getTime() - start).toBeLessThan(DISABLE_AFTER_MS + 2 * 3_600_000);

    const disabled = await getWebhookEndpoint(admin(), endpoint.id);
    expect(disabled).toMatchObject({ enabled: false });
    expect(disabled!.disabledReason).toMatch(/failed for a day/);
    const mails = await db().select().from(s.emailOutbox).where(and(eq(s.emailOutbox.firmId, a.firmId), eq(s.emailOutbox.subject, "A webhook endpoint was disabled")));
    expect(mails.map((m) => m.to)).toEqual([a.admin.email]);
    expect(mails[0]!.text).toContain(url);

    // Nothing more goes to a disabled endpoint; a new event writes no delivery.
    const attempts = received.length;
    await moveStage("offer");
    expect(await deliveriesOf(endpoint.id)).toHaveLength(1);
    await expect(redeliverWebhook(admin(), delivery!.id)).rejects.toThrow(/Enable the endpoint/);

    // Fixed and enabled again, the admin redelivers from the log.
    failing = false;
    await setWebhookEndpointEnabled(admin(), endpoint.id, true);
    await redeliverWebhook(admin(), delivery!.id);
    await runJobs(database.current);
    expect(received).toHaveLength(attempts + 1);
    expect(received.at(-1)!.headers["webhook-id"]).toBe(`msg_${delivery!.id}`);
    const log = await listWebhookDeliveries(admin(), endpoint.id);
    expect(log[0]).toMatchObject({ id: delivery!.id, state: "delivered", lastStatus: 204 });
    expect(await getWebhookEndpoint(admin(), endpoint.id)).toMatchObject({ enabled: true, failingSince: null });
  });

  it("puts a debrief's text only in deliveries to endpoints that opted in", async () => {
    const { endpoint: plain } = await createWebhookEndpoint(admin(), { url, description: "", events: ["debrief.submitted", "debrief.amended"], includeDebriefText: false });
    const { endpoint: full } = await createWebhookEndpoint(admin(), { url, description: "", events: ["debrief.submitted"], includeDebriefText: true });
    signedInAs(await sessionFor(db(), a, a.candidateUser));
    const interviewId = await insertEndedInterview(db(), a, { endedHoursAgo: 2 });
    const draft = completeDebrief({ notMentioned: "Terraform certification", people: [debriefPerson({ contactId: a.contactId })] });
    const r = await submit(submitDebriefAction, formData({ interviewId, version: "", draft: JSON.stringify(draft) }));
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const [plainRow] = await deliveriesOf(plain.id);
    const [fullRow] = await deliveriesOf(full.id);
    expect(plainRow!.payload).toMatchObject({ type: "debrief.submitted", data: { interviewId, candidateId: a.candidateId, version: 1 } });
    expect(JSON.stringify(plainRow!.payload)).not.toContain("Terraform");
    expect(JSON.stringify(fullRow!.payload)).toContain("Terraform certification");
    await runJobs(database.current);
    const bodies = received.map((x) => x.body);
    expect(bodies).toHaveLength(2);
    expect(bodies.filter((x) => x.includes("Terraform"))).toHaveLength(1);

    // Amending it is a debrief.amended event, for the endpoint that asked for it.
    const current = await getMyDebrief(scopeOf(db(), a, a.candidateUser), interviewId);
    const again = await submit(submitDebriefAction, formData({ interviewId, version: String(current!.version), draft: JSON.stringify({ ...draft, notMentioned: "Kubernetes" }) }));
    expect(again.ok, JSON.stringify(again)).toBe(true);
    expect((await deliveriesOf(plain.id)).map((d) => d.eventType).sort()).toEqual(["debrief.amended", "debrief.submitted"]);
    expect(await deliveriesOf(full.id)).toHaveLength(1);
    signedInAs(null);
  });

  it("keeps each firm's endpoints and deliveries to itself", async () => {
    const { endpoint } = await createWebhookEndpoint(admin(), { url, description: "", events: ["application.stage_changed"], includeDebriefText: false });
    await moveStage("interviewing");
    const [delivery] = await deliveriesOf(endpoint.id);
    expect(await listWebhookEndpoints(otherAdmin())).toEqual([]);
    expect(await getWebhookEndpoint(otherAdmin(), endpoint.id)).toBeNull();
    expect(await listWebhookDeliveries(otherAdmin(), endpoint.id)).toEqual([]);
    await expect(setWebhookEndpointEnabled(otherAdmin(), endpoint.id, false)).rejects.toThrow(/does not exist/);
    await expect(rotateWebhookSecret(otherAdmin(), endpoint.id)).rejects.toThrow(/does not exist/);
    await expect(redeliverWebhook(otherAdmin(), delivery!.id)).rejects.toThrow(/does not exist/);
    await expect(deleteWebhookEndpoint(otherAdmin(), endpoint.id)).rejects.toThrow(/does not exist/);
    expect(await getWebhookEndpoint(admin(), endpoint.id)).toMatchObject({ enabled: true });
    // A change in firm B reaches none of firm A's endpoints.
    const [appB] = await db().select({ version: s.applications.version, stage: s.applications.stage }).from(s.applications).where(eq(s.applications.id, b.applicationId));
    const moved = await moveApplication(scopeOf(db(), b, b.recruiter), { id: b.applicationId, version: appB!.version, stage: appB!.stage === "offer" ? "interviewing" : "offer" });
    expect(moved.ok, JSON.stringify(moved)).toBe(true);
    expect(await deliveriesOf(endpoint.id)).toHaveLength(1);
  });

  it("sends the interview and feedback events from the use cases that make those changes", async () => {
    const { endpoint } = await createWebhookEndpoint(admin(), {
      url,
      description: "",
      events: ["interview.scheduled", "interview.status_changed", "feedback.recorded", "application.stage_changed"],
      includeDebriefText: false,
    });
    const recruiter = scopeOf(db(), a, a.recruiter);
    const [app] = await db().select({ version: s.applications.version }).from(s.applications).where(eq(s.applications.id, a.applicationId));
    await moveApplication(recruiter, { id: a.applicationId, version: app!.version, stage: "submitted" });
    const startsAt = new Date(Date.now() + 48 * 3_600_000);
    const fields = { kind: "onsite" as const, startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000), location: "HQ", videoUrl: "", arrangedByFirm: true, notes: "", contactIds: [a.contactId] };
    const scheduled = await scheduleInterview(recruiter, { ...fields, applicationId: a.applicationId });
    expect(scheduled.ok, JSON.stringify(scheduled)).toBe(true);
    if (!scheduled.ok) return;
    const interviewId = scheduled.value.id;
    const later = new Date(startsAt.getTime() + 3_600_000);
    const moved = await rescheduleInterview(recruiter, { ...fields, id: interviewId, version: scheduled.value.version, startsAt: later, endsAt: new Date(later.getTime() + 3_600_000) });
    expect(moved.ok).toBe(true);
    const done = await changeInterviewStatus(recruiter, { id: interviewId, version: moved.ok ? moved.value.version : 0, status: "completed" });
    expect(done.ok).toBe(true);

    signedInAs(await sessionFor(db(), a, a.recruiter));
    const feedback = {
      interviewId,
      timeZone: "America/New_York",
      contactId: a.contactId,
      receivedAt: toLocalDateTimeValue(new Date(Date.now() - 3_600_000), "America/New_York"),
      channel: "call",
      recommendation: "no",
      takeaways: "Not a fit for the platform team",
      sharedSummary: "",
      internalNotes: "",
      decision: "reject",
    };
    const ask = await submit(saveFeedbackAction, formData(feedback));
    const confirmed = ask.data?.confirm ? await submit(saveFeedbackAction, formData({ ...feedback, ...(ask.values as Record<string, string>), confirm: "1" })) : ask;
    expect(confirmed.ok, JSON.stringify(confirmed)).toBe(true);
    signedInAs(null);

    const events = (await deliveriesOf(endpoint.id))
      .sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime() || x.id.localeCompare(y.id))
      .map((d) => d.payload as { type: string; data: Record<string, unknown> });
    expect(events.map((e) => e.type)).toEqual([
      "application.stage_changed",
      "interview.scheduled",
      "application.stage_changed",
      "interview.status_changed",
      "interview.status_changed",
      "feedback.recorded",
      "application.stage_changed",
    ]);
    // Each body is exactly what the OpenAPI document describes for its event (no field more or less).
    for (const e of events) WEBHOOK_PAYLOADS[e.type as WebhookEventType].strict().parse(e.data);
    expect(events[1]!.data).toMatchObject({ interviewId, applicationId: a.applicationId, candidateId: a.candidateId, status: "scheduled", startsAt: startsAt.toISOString() });
    expect(events[2]!.data).toMatchObject({ stage: "interviewing" });
    expect(events[3]!.data).toMatchObject({ interviewId, rescheduled: true, startsAt: later.toISOString() });
    expect(events[4]!.data).toMatchObject({ interviewId, status: "completed", previousStatus: "scheduled" });
    expect(events[5]!.data).toMatchObject({ interviewId, candidateId: a.candidateId, decision: "reject", recommendation: "no" });
    expect(JSON.stringify(events[5])).not.toContain("Not a fit");
    expect(events[6]!.data).toMatchObject({ applicationId: a.applicationId, previousStage: "interviewing", stage: "rejected" });
  });

  it("announces an overdue task once to each endpoint that asked, from the reminder pass", async () => {
    const { endpoint } = await createWebhookEndpoint(admin(), { url, description: "", events: ["task.overdue"], includeDebriefText: false });
    const { endpoint: other } = await createWebhookEndpoint(admin(), { url, description: "", events: ["application.stage_changed"], includeDebriefText: false });
    const now = new Date();
    const task = (firmId: string, dueAt: Date, state: "open" | "done" = "open") => ({
      firmId,
      title: "Call the candidate",
      ownerKind: "recruiter" as const,
      dueAt,
      state,
    });
    const [late] = await db().insert(s.tasks).values(task(a.firmId, new Date(now.getTime() - 3_600_000))).returning({ id: s.tasks.id });
    const others = await db()
      .insert(s.tasks)
      .values([
        task(a.firmId, new Date(now.getTime() - 3 * 86_400_000)), // overdue for days: before the window
        task(a.firmId, new Date(now.getTime() + 3_600_000)), // not due yet
        task(a.firmId, new Date(now.getTime() - 3_600_000), "done"),
        task(b.firmId, new Date(now.getTime() - 3_600_000)), // another firm's
      ])
      .returning({ id: s.tasks.id });
    const first = await runRemindersOnce(db(), now);
    const rows = await deliveriesOf(endpoint.id);
    // (Earlier tests' plans left open tasks of their own that fell due: each is announced once too.)
    expect(first.overdueTaskEvents).toBe(rows.length);
    const announced = rows.map((r) => (r.payload.data as { taskId: string }).taskId);
    expect(announced.filter((id) => id === late!.id)).toHaveLength(1);
    for (const o of others) expect(announced).not.toContain(o.id);
    const mine = rows.find((r) => (r.payload.data as { taskId: string }).taskId === late!.id)!;
    expect(mine.payload).toMatchObject({ type: "task.overdue", data: { taskId: late!.id } });
    expect(JSON.stringify(mine.payload)).not.toContain("Call the candidate");
    expect(await deliveriesOf(other.id)).toEqual([]);
    // Later passes announce it no more.
    expect((await runRemindersOnce(db(), new Date(now.getTime() + 600_000))).overdueTaskEvents).toBe(0);
    await runJobs(database.current);
    expect((await runRemindersOnce(db(), new Date(now.getTime() + 1_200_000))).overdueTaskEvents).toBe(0);
    expect(await deliveriesOf(endpoint.id)).toHaveLength(rows.length);
    expect(received.map((r) => JSON.parse(r.body).type)).toEqual(rows.map(() => "task.overdue"));
  });

  it("refuses endpoints that can never be delivered to outside local development", async () => {
    process.env.OUTBOUND_ALLOW_PRIVATE = "0";
    resetEnvCache();
    try {
      await expect(createWebhookEndpoint(admin(), { url: "http://hooks.example/x", description: "", events: ["task.overdue"], includeDebriefText: false })).rejects.toMatchObject({
        fieldErrors: { url: ["Use an https:// address."] },
      });
      await expect(createWebhookEndpoint(admin(), { url: "https://10.0.0.8/x", description: "", events: ["task.overdue"], includeDebriefText: false })).rejects.toMatchObject({
        fieldErrors: { url: [expect.stringMatching(/public address/)] },
      });
      // A name resolving to a private address is refused when the delivery is sent.
      const { endpoint } = await createWebhookEndpoint(admin(), { url: `https://localtest.me:1/x`, description: "", events: ["application.stage_changed"], includeDebriefText: false });
      const { setWebhookResolverForTests } = await import("@/lib/webhooks/deliver");
      setWebhookResolverForTests(async () => [{ address: "127.0.0.1", family: 4 }]);
      try {
        await moveStage("offer");
        await runJobs(database.current);
      } finally {
        setWebhookResolverForTests(undefined);
      }
      const [row] = await deliveriesOf(endpoint.id);
      expect(row).toMatchObject({ state: "pending", attempts: 1, lastStatus: null });
      expect(row!.lastError).toMatch(/private or internal/);
      expect(received).toEqual([]);
    } finally {
      process.env.OUTBOUND_ALLOW_PRIVATE = "1";
      resetEnvCache();
    }
  });
});
