import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { listQueueItems, type QueueItem } from "@/db/queries/dashboard";
import { insertJob } from "@/db/queries/background-jobs";
import * as s from "@/db/schema";
import { emptyDatabase } from "../helpers/db";
import type { QueryScope } from "@/db/queries/scope";
import { scopeOf, type TestFirm } from "../helpers/fixtures";
import { insertEarlierFirm, migrationsUpTo } from "../helpers/migrations";
import { useTwoFirms } from "../helpers/firms";
import { runJobs } from "../helpers/jobs";
import { addDebrief, addFeedback, addRound, addTask, at, buildQueueFixture, NOW } from "./dashboard-data";

/**
 * The queue's stored state (interview_queue) against the queue worked out from
 * the records: after any change, in any order, both give the same items, and
 * the rows the triggers kept equal the rows worked out again from scratch.
 */

const line = (i: QueueItem) => [i.key, i.state, i.dueAt?.toISOString() ?? null, i.title, i.detail, i.ownerUserId];

async function setStored(db: Db, firmId: string, ready: boolean) {
  await db.update(s.firms).set({ queueStateReady: ready }).where(eq(s.firms.id, firmId));
}

/** The firm's queue both ways, at `now`, for the recruiter's and the firm's views. */
async function bothWays(db: Db, firm: TestFirm, now: Date) {
  const out: Record<string, { stored: unknown[]; live: unknown[] }> = {};
  for (const view of ["mine", "everyone"] as const) {
    await setStored(db, firm.firmId, true);
    const stored = (await listQueueItems(scopeOf(db, firm, firm.recruiter), { view, now })).map(line);
    await setStored(db, firm.firmId, false);
    const live = (await listQueueItems(scopeOf(db, firm, firm.recruiter), { view, now })).map(line);
    await setStored(db, firm.firmId, true);
    out[view] = { stored, live };
  }
  return out;
}

async function storedRows(db: Db, firmId: string) {
  return db.select().from(s.interviewQueue).where(eq(s.interviewQueue.firmId, firmId)).orderBy(asc(s.interviewQueue.interviewId));
}

/** A small deterministic generator, so a failing sequence can be replayed. */
function prng(seed: number) {
  let x = seed >>> 0;
  return () => {
    x = (x * 1664525 + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

describe("the stored queue state", () => {
  const { database, firms: { a, b } } = useTwoFirms();
  const db = () => database.current.db;

  beforeAll(async () => {
    await buildQueueFixture(db(), a);
  });

  it("gives the same queue as the records, in both views, on the fixed data set and days around it", async () => {
    for (const days of [-3, 0, 1, 4, 12]) {
      const now = new Date(NOW.getTime() + days * 86_400_000);
      const both = await bothWays(db(), a, now);
      for (const view of ["mine", "everyone"]) {
        expect(both[view]!.stored, `${view}, ${days} days from the fixed now`).toEqual(both[view]!.live);
      }
    }
    const both = await bothWays(db(), a, NOW);
    expect(both.everyone!.live.length).toBeGreaterThan(5);
  });

  it("stays equal to the records through 40 random changes of every kind", async () => {
    const rand = prng(17);
    const pick = <T,>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
    const people = [a.recruiter.userId, a.admin.userId, null];
    for (let step = 0; step < 40; step++) {
      const ivs = await db()
        .select({ id: s.interviews.id, applicationId: s.interviews.applicationId, candidateId: s.interviews.candidateId, startsAt: s.interviews.startsAt })
        .from(s.interviews)
        .where(eq(s.interviews.firmId, a.firmId))
        .orderBy(asc(s.interviews.id));
      const iv = pick(ivs);
      const change = pick([
        "stage", "recruiter", "status", "reschedule", "debrief", "review", "amend", "feedback", "hold", "unfeedback", "skip", "unskip", "laterRound", "newRound",
      ] as const);
      switch (change) {
        case "stage":
          await db().update(s.applications).set({ stage: pick(["submitted", "interviewing", "offer", "placed", "rejected", "withdrawn"] as const) }).where(eq(s.applications.id, iv.applicationId));
          break;
        case "recruiter":
          await db().update(s.applications).set({ recruiterUserId: pick(people) }).where(eq(s.applications.id, iv.applicationId));
          break;
        case "status":
          await db().update(s.interviews).set({ status: pick(["scheduled", "completed", "cancelled", "no_show"] as const) }).where(eq(s.interviews.id, iv.id));
          break;
        case "reschedule": {
          const shift = Math.round((rand() - 0.5) * 10) * 86_400_000;
          await db()
            .update(s.interviews)
            .set({ startsAt: new Date(iv.startsAt.getTime() + shift), endsAt: new Date(iv.startsAt.getTime() + shift + 3_600_000) })
            .where(eq(s.interviews.id, iv.id));
          break;
        }
        case "debrief": {
          const [existing] = await db().select({ id: s.debriefs.id }).from(s.debriefs).where(eq(s.debriefs.interviewId, iv.id));
          if (existing) await db().update(s.debriefs).set({ status: pick(["draft", "submitted"] as const) }).where(eq(s.debriefs.id, existing.id));
          else
            await addDebrief(db(), a, { interviewId: iv.id, candidateId: iv.candidateId }, {
              submittedAt: at("2026-03-02T15:00:00Z"),
              expectedDecisionOn: pick(["2026-03-01", "2026-03-09", null]),
            });
          break;
        }
        case "review":
          await db().update(s.debriefs).set({ reviewedAt: at("2026-03-03T15:00:00Z") }).where(eq(s.debriefs.interviewId, iv.id));
          break;
        case "amend":
          await db().update(s.debriefs).set({ submittedAt: at("2026-03-03T18:00:00Z"), expectedDecisionOn: "2026-03-02" }).where(eq(s.debriefs.interviewId, iv.id));
          break;
        case "feedback":
          await addFeedback(db(), a, iv.id, { decision: pick(["next_round", "offer", "reject", null] as const) });
          break;
        case "hold":
          await addFeedback(db(), a, iv.id, { decision: "hold" });
          break;
        case "unfeedback":
          await db().delete(s.interviewerFeedback).where(eq(s.interviewerFeedback.interviewId, iv.id));
          break;
        case "skip": {
          const key = pick(["debrief", "review_debrief", "collect_feedback", "chase_decision"]);
          await db().delete(s.tasks).where(and(eq(s.tasks.interviewId, iv.id), eq(s.tasks.policyKey, key)));
          await addTask(db(), a, { title: `Skipped ${key}`, interviewId: iv.id, candidateId: iv.candidateId, policyKey: key, state: "skipped" });
          break;
        }
        case "unskip": {
          const skipped = await db().select({ id: s.tasks.id }).from(s.tasks).where(and(eq(s.tasks.firmId, a.firmId), eq(s.tasks.state, "skipped")));
          if (skipped.length) await db().update(s.tasks).set({ state: "open" }).where(eq(s.tasks.id, pick(skipped).id));
          break;
        }
        case "laterRound":
          await db().insert(s.interviews).values({
            firmId: a.firmId,
            applicationId: iv.applicationId,
            candidateId: iv.candidateId,
            kind: "final",
            startsAt: new Date(iv.startsAt.getTime() + 7 * 86_400_000),
            endsAt: new Date(iv.startsAt.getTime() + 7 * 86_400_000 + 3_600_000),
          });
          break;
        case "newRound":
          await addRound(db(), a, {
            candidate: `Random ${step}`,
            recruiterUserId: pick([a.recruiter.userId, a.admin.userId]),
            startsAt: new Date(NOW.getTime() - Math.round(rand() * 6) * 86_400_000),
            status: pick(["scheduled", "completed"] as const),
          });
          break;
      }
      const both = await bothWays(db(), a, NOW);
      for (const view of ["mine", "everyone"]) {
        expect(both[view]!.stored, `step ${step} (${change}), ${view}`).toEqual(both[view]!.live);
      }
    }
  }, 240_000);

  it("holds what working the rows out again from scratch gives", async () => {
    const kept = await storedRows(db(), a.firmId);
    expect(kept.length).toBeGreaterThan(10);
    await database.current.query(`delete from interview_queue where firm_id = $1`, [a.firmId]);
    await database.current.query(
      `select interview_queue_refresh(array(select row(firm_id, id)::interview_key from interviews where firm_id = $1))`,
      [a.firmId],
    );
    expect(await storedRows(db(), a.firmId)).toEqual(kept);
  });

  it("is filled in for a firm's existing interviews by a resumable job in batches, and the queue works from the records until then", async () => {
    const kept = await storedRows(db(), a.firmId);
    const liveQueue = (await listQueueItems(scopeOf(db(), a, a.recruiter), { view: "everyone", now: NOW })).map(line);
    // As a firm that had interviews before the state existed.
    await database.current.query(`delete from interview_queue where firm_id = $1`, [a.firmId]);
    await setStored(db(), a.firmId, false);
    expect((await listQueueItems(scopeOf(db(), a, a.recruiter), { view: "everyone", now: NOW })).map(line)).toEqual(liveQueue);

    const batch = 7;
    await insertJob({ db: db(), firmId: a.firmId }, { kind: "queue.backfill", payload: { batch }, runAfter: at("2026-01-01T00:00:00Z") });
    // One pass at a moment before the follow-up batch is due: one batch done, its successor queued with where it ended.
    await runJobs(database.current, () => at("2026-01-01T00:00:01Z"));
    const partial = await storedRows(db(), a.firmId);
    expect(partial).toHaveLength(batch);
    const [next] = await db()
      .select({ payload: s.backgroundJobs.payload })
      .from(s.backgroundJobs)
      .where(and(eq(s.backgroundJobs.firmId, a.firmId), eq(s.backgroundJobs.kind, "queue.backfill"), eq(s.backgroundJobs.state, "queued")));
    const firstIds = (await db().select({ id: s.interviews.id }).from(s.interviews).where(eq(s.interviews.firmId, a.firmId)).orderBy(asc(s.interviews.id)).limit(batch)).map((r) => r.id);
    expect(next?.payload).toEqual({ after: firstIds[batch - 1], batch });
    const [firm] = await db().select({ ready: s.firms.queueStateReady }).from(s.firms).where(eq(s.firms.id, a.firmId));
    expect(firm!.ready).toBe(false);

    // The rest, as a restarted runner would: every batch once, then the firm reads its stored state.
    await runJobs(database.current);
    expect(await storedRows(db(), a.firmId)).toEqual(kept);
    const [after] = await db().select({ ready: s.firms.queueStateReady }).from(s.firms).where(eq(s.firms.id, a.firmId));
    expect(after!.ready).toBe(true);
    expect((await listQueueItems(scopeOf(db(), a, a.recruiter), { view: "everyone", now: NOW })).map(line)).toEqual(liveQueue);

    // Run again from the start: the same rows.
    await insertJob({ db: db(), firmId: a.firmId }, { kind: "queue.backfill", payload: { batch: 50 } });
    await runJobs(database.current);
    expect(await storedRows(db(), a.firmId)).toEqual(kept);
  });

  it("keeps each firm's rows to itself, and the app's role can read them but not write them", async () => {
    const rowsB = await storedRows(db(), b.firmId);
    expect(rowsB.every((r) => r.firmId === b.firmId)).toBe(true);
    if (database.current.engine !== "postgres") return;
    const client = database.current;
    const [row] = await storedRows(db(), a.firmId);
    const asApp = async (text: string) =>
      client.db.transaction(async (tx) => {
        await tx.execute(sql.raw(`set local role afterview_app`));
        await tx.execute(sql`select set_config('app.firm_id', ${b.firmId}, true)`);
        return tx.execute(sql.raw(text));
      });
    const seen = await asApp(`select count(*)::int as n from interview_queue where firm_id = '${a.firmId}'`);
    expect((seen as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
    const refused = await asApp(`update interview_queue set closed = true where interview_id = '${row!.interviewId}'`).then(
      () => null,
      (err: Error & { cause?: Error }) => String(err.cause?.message ?? err.message),
    );
    expect(refused).toMatch(/permission denied/);
  });
});

describe("migration 0009 on a database with firms and interviews", () => {
  let database: Database;
  let scope: QueryScope;

  beforeAll(async () => {
    database = await emptyDatabase();
    await migrateDatabase(database, migrationsUpTo("0008_drop_asked_to_call"));
    // A firm as the previous release left it: two rounds over, no debrief, no feedback.
    const firm = await insertEarlierFirm(database, "earlier-0008");
    await database.query(
      `insert into interviews (firm_id, id, application_id, candidate_id, kind, starts_at, ends_at, status)
       select $1, gen_random_uuid(), $2, $3, 'video', t, t + interval '1 hour', 'completed'
       from (values (timestamptz '2026-02-20 15:00Z'), (timestamptz '2026-03-02 15:00Z')) as v(t)`,
      [firm.firmId, firm.applicationId, firm.candidateId],
    );
    scope = { db: database.db, firmId: firm.firmId, userId: "00000000-0000-7000-8000-000000000000", role: "admin", candidateId: null };
    await migrateDatabase(database);
  }, 240_000);

  afterAll(async () => {
    await database?.close();
  });

  it("leaves the firm on the records' queue with a backfill queued, which fills the state in and switches it over", async () => {
    const ready = async () =>
      (await database.db.select({ ready: s.firms.queueStateReady }).from(s.firms).where(eq(s.firms.id, scope.firmId)))[0]!.ready;
    expect(await ready()).toBe(false);
    expect(await storedRows(database.db, scope.firmId)).toHaveLength(0);
    const liveQueue = (await listQueueItems(scope, { view: "everyone", now: NOW })).map(line);
    expect(liveQueue.map((l) => String(l[0]).split(":")[0])).toEqual(["feedback_overdue", "debrief_missing", "debrief_missing"]);

    expect((await runJobs(database)).failed).toBe(0);
    expect(await ready()).toBe(true);
    expect(await storedRows(database.db, scope.firmId)).toHaveLength(2);
    expect((await listQueueItems(scope, { view: "everyone", now: NOW })).map(line)).toEqual(liveQueue);
  });
});
