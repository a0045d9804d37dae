import { AsyncLocalStorage } from "node:async_hooks";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/db/client";
import * as s from "@/db/schema";
import { insertJob, unsafeClaimDueJobs } from "@/db/queries/background-jobs";
import { inTransaction } from "@/db/queries/scope";
import { submitDebriefAction } from "@/app/(candidate)/my/interviews/[id]/debrief/actions";
import { enqueueJob } from "@/lib/jobs/queue";
import { createJobRunner, type RunnerOptions } from "@/lib/jobs/runner";
import type { JobContext, JobHandlers } from "@/lib/jobs/handlers";
import { collectGarbage } from "@/lib/platform/memory";
import { emptyDebriefDraft } from "@/lib/core/validation/debrief";
import { submit } from "../helpers/actions";
import { signedInAs, useDatabaseForRequests } from "../helpers/context";
import { useFreshDatabase } from "../helpers/db";
import { createTestFirm, formData, scopeOf, sessionFor, type TestFirm } from "../helpers/fixtures";
import { runJobs } from "../helpers/jobs";

const onPostgres = Boolean(process.env.DATABASE_URL?.trim());

/** Handlers that record what ran (by job id), in place of the real ones. */
function recording(opts: { fail?: (attempt: number) => string | null; delayMs?: number } = {}) {
  const ran: { id: string; attempt: number; payload: unknown }[] = [];
  const run = async (payload: unknown, ctx: JobContext) => {
    if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
    ran.push({ id: ctx.job.id, attempt: ctx.job.attempt, payload });
    const error = opts.fail?.(ctx.job.attempt);
    if (error) throw new Error(error);
  };
  const handlers: JobHandlers = {
    "debrief.submitted": { payload: z.record(z.string(), z.unknown()), run },
    "test.work": { payload: z.object({ n: z.number() }), run },
  };
  return { ran, handlers };
}

describe("durable jobs: written with the change, run after its commit", () => {
  const database = useFreshDatabase();
  const db = () => database.current.db;
  let a: TestFirm;
  let b: TestFirm;

  beforeAll(async () => {
    a = await createTestFirm(db(), "a");
    b = await createTestFirm(db(), "b");
  });

  beforeEach(async () => {
    // Each test starts with an empty queue.
    await db().delete(s.backgroundJobs).where(sql`true`);
  });

  const runner = (handlers: JobHandlers, more: Partial<RunnerOptions> = {}) => createJobRunner({ database: database.current, handlers, ...more });
  const payload = () => ({ interviewId: uuidv7(), version: 1, userId: a.candidateUser.userId, origin: "http://localhost:3000" });
  const jobRows = () => db().select().from(s.backgroundJobs);

  it("never runs a job whose transaction rolled back", async () => {
    const { ran, handlers } = recording();
    // As the app's row-level-security role, like every change a person makes.
    const scope = scopeOf(db(), a, a.candidateUser);
    await expect(
      inTransaction(scope, async (tx) => {
        await enqueueJob(tx, { kind: "debrief.submitted", payload: payload() });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await runner(handlers).runDue()).toEqual({ done: 0, retried: 0, failed: 0 });
    expect(ran).toEqual([]);
    expect(await jobRows()).toEqual([]);
  });

  it("runs a committed job once, and a second enqueue with its dedupe key is a no-op", async () => {
    const { ran, handlers } = recording();
    const scope = scopeOf(db(), a, a.candidateUser);
    const p = payload();
    const ids = await inTransaction(scope, async (tx) => [
      await enqueueJob(tx, { kind: "debrief.submitted", payload: p, dedupeKey: "once" }),
      await enqueueJob(tx, { kind: "debrief.submitted", payload: p, dedupeKey: "once" }),
    ]);
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[1]).toBeNull();
    const r = runner(handlers);
    expect(await r.runDue()).toEqual({ done: 1, retried: 0, failed: 0 });
    expect(await r.runDue()).toEqual({ done: 0, retried: 0, failed: 0 });
    expect(ran).toEqual([{ id: ids[0], attempt: 1, payload: p }]);
    const [row] = await jobRows();
    expect(row).toMatchObject({ state: "done", attempts: 1, lastError: null });
    expect(row?.finishedAt).toBeInstanceOf(Date);
  });

  it("refuses an invalid payload before anything is written", async () => {
    await expect(
      enqueueJob({ db: db(), firmId: a.firmId }, { kind: "debrief.submitted", payload: { ...payload(), interviewId: "not-a-uuid" } }),
    ).rejects.toThrow();
    expect(await jobRows()).toEqual([]);
  });

  it.runIf(onPostgres)("lets the app role queue jobs for its own firm only, and change none", async () => {
    const scope = scopeOf(db(), a, a.candidateUser);
    // A scope claiming another firm than its connection is set up for: the database refuses the row.
    // drizzle wraps the server's error: its cause says why.
    const refusal = (p: Promise<unknown>) =>
      p.then(
        () => "accepted",
        (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
      );
    expect(await refusal(enqueueJob({ ...scope, firmId: b.firmId }, { kind: "debrief.submitted", payload: payload() }))).toMatch(/row-level security/);
    await enqueueJob(scope, { kind: "debrief.submitted", payload: payload() });
    expect(await refusal(scope.db.update(s.backgroundJobs).set({ state: "done" }).where(eq(s.backgroundJobs.firmId, a.firmId)))).toMatch(/permission denied/);
    expect(await refusal(scope.db.delete(s.backgroundJobs).where(eq(s.backgroundJobs.firmId, a.firmId)))).toMatch(/permission denied/);
    expect((await jobRows()).map((j) => j.state)).toEqual(["queued"]);
  });

  it("retries a failing job with growing delays, records its error, and gives up after its attempts", async () => {
    let now = new Date("2026-05-04T09:00:00Z");
    const { ran, handlers } = recording({ fail: (attempt) => `mail server down (attempt ${attempt})` });
    const r = runner(handlers, { clock: () => now, retryDelayMs: 1_000 });
    await insertJob({ db: db(), firmId: a.firmId }, { kind: "test.work", payload: { n: 1 }, maxAttempts: 3, runAfter: now });
    const row = async () => (await jobRows())[0]!;

    expect(await r.runDue()).toEqual({ done: 0, retried: 1, failed: 0 });
    expect(await row()).toMatchObject({ state: "queued", attempts: 1, lastError: "mail server down (attempt 1)" });
    expect((await row()).runAfter.getTime() - now.getTime()).toBe(1_000);
    // Not due yet: nothing runs.
    expect(await r.runDue()).toEqual({ done: 0, retried: 0, failed: 0 });

    now = new Date(now.getTime() + 1_000);
    expect(await r.runDue()).toEqual({ done: 0, retried: 1, failed: 0 });
    expect(await row()).toMatchObject({ state: "queued", attempts: 2, lastError: "mail server down (attempt 2)" });
    // The second delay is twice the first.
    expect((await row()).runAfter.getTime() - now.getTime()).toBe(2_000);
    now = new Date(now.getTime() + 1_999);
    expect(await r.runDue()).toEqual({ done: 0, retried: 0, failed: 0 });

    now = new Date(now.getTime() + 1);
    expect(await r.runDue()).toEqual({ done: 0, retried: 0, failed: 1 });
    expect(await row()).toMatchObject({ state: "failed", attempts: 3, lastError: "mail server down (attempt 3)" });
    expect((await row()).finishedAt?.getTime()).toBe(now.getTime());

    now = new Date(now.getTime() + 24 * 3_600_000);
    expect(await r.runDue()).toEqual({ done: 0, retried: 0, failed: 0 });
    expect(ran.map((x) => x.attempt)).toEqual([1, 2, 3]);
  });

  it("runs a job that succeeds on a retry once more only", async () => {
    let now = new Date("2026-05-04T09:00:00Z");
    const { ran, handlers } = recording({ fail: (attempt) => (attempt === 1 ? "timeout" : null) });
    const r = runner(handlers, { clock: () => now, retryDelayMs: 500 });
    await insertJob({ db: db(), firmId: a.firmId }, { kind: "test.work", payload: { n: 1 }, runAfter: now });
    await r.runDue();
    now = new Date(now.getTime() + 500);
    expect(await r.runDue()).toEqual({ done: 1, retried: 0, failed: 0 });
    expect(ran.map((x) => x.attempt)).toEqual([1, 2]);
    // The error of the failed attempt stays on record.
    expect((await jobRows())[0]).toMatchObject({ state: "done", attempts: 2, lastError: "timeout" });
  });

  it("forgets done jobs a week after they finished, and keeps failed ones", async () => {
    let now = new Date("2026-05-04T09:00:00Z");
    const { handlers } = recording({ fail: (attempt) => (attempt === 1 ? null : "never") });
    await insertJob({ db: db(), firmId: a.firmId }, { kind: "test.work", payload: { n: 1 }, runAfter: now });
    await runner(handlers, { clock: () => now }).runDue();
    await insertJob({ db: db(), firmId: a.firmId }, { kind: "test.work", payload: { n: 2 }, runAfter: now, maxAttempts: 1 });
    const failing = recording({ fail: () => "broken" });
    await runner(failing.handlers, { clock: () => now }).runDue();
    expect((await jobRows()).map((j) => j.state).sort()).toEqual(["done", "failed"]);
    now = new Date(now.getTime() + 7 * 86_400_000 - 1);
    await runner(handlers, { clock: () => now }).runDue();
    expect(await jobRows()).toHaveLength(2);
    now = new Date(now.getTime() + 2);
    await runner(handlers, { clock: () => now }).runDue();
    expect((await jobRows()).map((j) => j.state)).toEqual(["failed"]);
  });

  it("keeps nothing of the requests that wake it while a long pass runs", async () => {
    // A job that holds the pass until released: the backlog of a busy server.
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const handlers: JobHandlers = {
      "test.work": {
        payload: z.object({ n: z.number() }),
        run: async () => {
          started();
          await gate;
        },
      },
    };
    await insertJob({ db: db(), firmId: a.firmId }, { kind: "test.work", payload: { n: 1 } });
    const active = runner(handlers, { pollMs: 3_600_000 }).start();
    await running;
    // Requests that commit and wake the runner, each with its own async context (as Next.js gives a request).
    const request = new AsyncLocalStorage<{ response: Uint8Array }>();
    const responses: WeakRef<object>[] = [];
    // (In a function of its own: a store left in a register of this suspended test would stay alive.)
    const wakeFromRequest = () => {
      const store = { response: new Uint8Array(64 * 1024) };
      responses.push(new WeakRef(store));
      request.run(store, () => active.wake());
    };
    for (let i = 0; i < 20; i++) wakeFromRequest();
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setTimeout(r, 10));
    collectGarbage();
    await new Promise((r) => setTimeout(r, 10));
    collectGarbage();
    expect(responses.flatMap((r, i) => (r.deref() === undefined ? [] : [i]))).toEqual([]);
    release();
    await active.stop();
  });

  it("runs, after a restart, a job written before a crash and one a crashed runner was running", async () => {
    let now = new Date();
    const { ran, handlers } = recording();
    // The process that wrote these stopped before running them: nothing ran the first, and the
    // second was claimed by a runner that died mid-job (its claim committed, its result never).
    const waiting = await insertJob({ db: db(), firmId: a.firmId }, { kind: "test.work", payload: { n: 1 }, runAfter: now });
    const interrupted = await insertJob({ db: db(), firmId: b.firmId }, { kind: "test.work", payload: { n: 2 }, runAfter: now });
    await db().update(s.backgroundJobs).set({ runAfter: new Date(now.getTime() + 1) }).where(eq(s.backgroundJobs.id, waiting!.id));
    const claimed = await unsafeClaimDueJobs(db(), { now, leaseMs: 60_000, limit: 1 });
    expect(claimed.map((j) => j.id)).toEqual([interrupted!.id]);

    // The next process starts its runner: the waiting job runs at once, without a commit to wake it.
    now = new Date(now.getTime() + 1_000);
    const next = runner(handlers, { clock: () => now, pollMs: 50 }).start();
    try {
      await expect.poll(() => ran.map((x) => x.id), { timeout: 10_000 }).toEqual([waiting!.id]);
      // The interrupted one when its lease has run out, as a second attempt.
      now = new Date(now.getTime() + 60_000);
      await expect.poll(() => ran.length, { timeout: 10_000 }).toBe(2);
      expect(ran[1]).toMatchObject({ id: interrupted!.id, attempt: 2 });
      await expect.poll(async () => (await jobRows()).map((j) => j.state), { timeout: 10_000 }).toEqual(["done", "done"]);
    } finally {
      await next.stop();
    }
  });

  it.runIf(onPostgres)("with two runners on two connection pools at once, runs each job exactly once", async () => {
    const second: Database = await openDatabase({ url: database.current.pool!.options.connectionString!, poolMax: 4 });
    try {
      const { ran, handlers } = recording({ delayMs: 5 });
      const ids: string[] = [];
      for (let n = 0; n < 40; n++) {
        const job = await insertJob({ db: db(), firmId: n % 2 ? a.firmId : b.firmId }, { kind: "test.work", payload: { n } });
        ids.push(job!.id);
      }
      const one = createJobRunner({ database: database.current, handlers, batchSize: 3 });
      const two = createJobRunner({ database: second, handlers, batchSize: 3 });
      // A second call on a busy runner joins its pass (the same summary), so only the first two count.
      const passes = await Promise.all([one.runDue(), two.runDue(), one.runDue(), two.runDue()]);
      expect(passes[0]!.done + passes[1]!.done).toBe(40);
      // Both took part.
      expect(passes[0]!.done).toBeGreaterThan(0);
      expect(passes[1]!.done).toBeGreaterThan(0);
      expect(ran.map((x) => x.id).sort()).toEqual([...ids].sort());
      expect(ran.every((x) => x.attempt === 1)).toBe(true);
    } finally {
      await second.close();
    }
  });

  describe("the recruiter's email about a submitted debrief", () => {
    beforeAll(() => {
      useDatabaseForRequests(database.current);
    });

    /** A completed interview of firm A's candidate, and their complete debrief of it. */
    async function interviewAndDebrief() {
      signedInAs(await sessionFor(db(), a, a.candidateUser));
      const startsAt = new Date(Date.now() - 5 * 3_600_000);
      const [iv] = await db()
        .insert(s.interviews)
        .values({ firmId: a.firmId, applicationId: a.applicationId, candidateId: a.candidateId, kind: "onsite", startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000), status: "completed" })
        .returning({ id: s.interviews.id });
      const interviewId = iv!.id;
      const draft = {
        ...emptyDebriefDraft(),
        overallImpression: 4,
        interestLevel: 5,
        notMentioned: "Rust experience",
        timelineGiven: "no" as const,
        callInvitation: "none",
        invitedBack: false,
        people: [{ id: uuidv7(), contactId: null, name: "Ines", title: "", email: "", phone: "", thankYouSent: false, thankYouSentAt: null, thankYouChannel: null }],
      };
      return { interviewId, envelope: formData({ interviewId, version: "", draft: JSON.stringify(draft) }) };
    }

    const filed = async (interviewId: string) =>
      (
        await db()
          .select({ subject: s.emailOutbox.subject, text: s.emailOutbox.text })
          .from(s.emailOutbox)
          .where(and(eq(s.emailOutbox.firmId, a.firmId), eq(s.emailOutbox.to, a.recruiter.email)))
      ).filter((m) => m.text.includes(`/interviews/${interviewId}`));

    it("is a job written with the submission, with the plan's sync, and reaches the outbox once when the runner runs it", async () => {
      const { interviewId, envelope } = await interviewAndDebrief();
      const r = await submit(submitDebriefAction, envelope);
      expect(r.ok, JSON.stringify(r)).toBe(true);

      // The answer has gone: the jobs committed with the submission, and nothing is sent yet.
      // The submission's own jobs (a reports refresh may be queued beside them).
      const jobs = (await jobRows()).filter((j) => j.payload.interviewId === interviewId).sort((x, y) => x.kind.localeCompare(y.kind));
      expect(jobs).toHaveLength(2);
      expect(jobs[0]).toMatchObject({
        firmId: a.firmId,
        kind: "debrief.submitted",
        state: "queued",
        dedupeKey: `debrief-submitted:${interviewId}:1`,
        payload: { interviewId, version: 1, userId: a.candidateUser.userId },
      });
      expect(jobs[1]).toMatchObject({
        firmId: a.firmId,
        kind: "plan.sync",
        state: "queued",
        dedupeKey: `plan-sync:debrief:${interviewId}:1`,
        payload: { interviewId, userId: a.candidateUser.userId, debriefVersion: 1 },
      });
      expect(await filed(interviewId)).toEqual([]);

      expect(await runJobs(database.current)).toMatchObject({ retried: 0, failed: 0 });
      const sent = await filed(interviewId);
      expect(sent).toHaveLength(1);
      expect(sent[0]!.subject).toContain("filed the");
      expect(sent[0]!.text).toContain("Rust experience");

      // Run again (a runner that stopped mid-job runs it again): still one email.
      const mailJob = jobs[0]!.id;
      await db().update(s.backgroundJobs).set({ state: "queued", runAfter: new Date(0) }).where(eq(s.backgroundJobs.id, mailJob));
      expect(await runJobs(database.current)).toMatchObject({ retried: 0, failed: 0 });
      expect((await jobRows()).find((j) => j.id === mailJob)?.state).toBe("done");
      expect(await filed(interviewId)).toHaveLength(1);
      signedInAs(null);
    });

    it("is sent right after the commit by the process's running runner, without waiting for its poll", async () => {
      const running = createJobRunner({ database: database.current, pollMs: 3_600_000 }).start();
      try {
        const { interviewId, envelope } = await interviewAndDebrief();
        // Let the runner's start-up pass end, so only the submission's wake-up can send the email.
        await running.runDue();
        const r = await submit(submitDebriefAction, envelope);
        expect(r.ok, JSON.stringify(r)).toBe(true);
        await expect.poll(async () => (await filed(interviewId)).length, { timeout: 5_000 }).toBe(1);
      } finally {
        await running.stop();
        signedInAs(null);
      }
    });
  });
});

afterAll(() => signedInAs(null));
