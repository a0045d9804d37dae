import { and, asc, eq, inArray, ne } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveDebriefDraftAction, submitDebriefAction } from "@/app/(candidate)/my/interviews/[id]/debrief/actions";
import { openDatabase, type Database } from "@/db/client";
import { getMyDebrief } from "@/db/queries/debriefs";
import * as s from "@/db/schema";
import type { FormState } from "@/lib/core/form-state";
import type { DebriefDraft } from "@/lib/core/validation/debrief";
import { submit } from "../helpers/actions";
import { sleep, within } from "../helpers/bounded";
import { signedInAs, useDatabaseForRequests } from "../helpers/context";
import { completeDebrief, debriefPerson } from "../helpers/debriefs";
import { createTestFirm, formData, scopeOf, sessionFor, type TestFirm } from "../helpers/fixtures";
import { cloneTemplate, realServer, type ClonedDatabase } from "../helpers/pg-clone";

const RUNS = 100;
const PgClient = pg.Client;
const HOUR = 3_600_000;
const PERSON_ID = "01900000-0000-7000-8000-00000000c4a0";

function draftFor(i: number): DebriefDraft {
  return completeDebrief({
    wentWell: `Run ${i}: the system design round went well.`,
    timelineDetails: `A decision within ${i + 1} days.`,
    people: [debriefPerson({ id: PERSON_ID, name: `Ines Interviewer ${i}` })],
  });
}

type Plan =
  /** Kill every connection of the pool before the submission starts. */
  | { when: "before" }
  /** Kill the connection that is about to run the n-th statement of the submission: first, or racing it. */
  | { when: "during"; statement: number; race: boolean }
  /** Kill every connection once the submission has answered. */
  | { when: "after" };

/**
 * Kills the backend of a pooled connection at a chosen statement. Every
 * client the pool hands out counts its statements; at the chosen one the
 * statement goes out only after pg_terminate_backend (or alongside it, to
 * land mid-statement).
 */
class Killer {
  count = 0;
  plan: Plan = { when: "after" };
  killed: number[] = [];
  /** The statements of the current run, in order. */
  texts: string[] = [];
  /** Kills still on their way (a racing kill is not awaited by the statement it races). */
  pending: Promise<void>[] = [];
  private patched = new WeakSet<pg.Client>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly clone: ClonedDatabase,
  ) {
    pool.on("acquire", (client) => this.patch(client as pg.Client));
  }

  private patch(client: pg.Client) {
    if (this.patched.has(client)) return;
    this.patched.add(client);
    const original = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      this.count += 1;
      this.texts.push(String(typeof args[0] === "string" ? args[0] : (args[0] as { text?: string } | undefined)?.text));
      const plan = this.plan;
      if (plan.when !== "during" || plan.statement !== this.count) return original(...args);
      const pid = (client as unknown as { processID: number }).processID;
      const kill = this.kill(pid);
      const callback = typeof args[args.length - 1] === "function" ? (args[args.length - 1] as (err: Error) => void) : null;
      this.pending.push(kill.catch(() => {}));
      if (plan.race) return original(...args);
      const sent = kill.then(() => original(...args));
      if (callback) {
        sent.catch((err: Error) => callback(err));
        return undefined;
      }
      return sent;
    };
  }

  private admin?: pg.Client;

  async start(): Promise<void> {
    this.admin = new PgClient({ connectionString: this.clone.adminUrl, query_timeout: 10_000 });
    this.admin.on("error", () => {});
    await this.admin.connect();
  }

  async stop(): Promise<void> {
    await this.admin?.end().catch(() => {});
  }

  async kill(pid: number): Promise<void> {
    this.killed.push(pid);
    const c = this.admin!;
    await c.query("select pg_terminate_backend($1)", [pid]);
    // Wait until the backend is gone, so what follows sees a dead connection.
    for (let i = 0; i < 100; i++) {
      const r = await c.query("select 1 from pg_stat_activity where pid = $1", [pid]);
      if (r.rowCount === 0) break;
      await sleep(5);
    }
    await sleep(5);
  }

  /** Every kill has landed and the pool has seen its connection drop. */
  async settle(): Promise<void> {
    await Promise.all(this.pending.splice(0));
    await sleep(20);
  }

  async killAll(): Promise<void> {
    const r = await this.admin!.query<{ pid: number }>(
      "select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid() and application_name <> 'chaos-observer'",
      [this.clone.name],
    );
    for (const { pid } of r.rows) await this.kill(pid);
  }
}

interface Snapshot {
  debrief: Record<string, unknown> | undefined;
  people: Record<string, unknown>[];
  versions: number[];
  audits: number;
  tasks: number;
  /** The dedupe keys of the firm's jobs (the plan's sync and the recruiter's email of each submitted version). */
  jobs: (string | null)[];
}

describe.skipIf(!realServer())("chaos: the database connection killed in the middle of a debrief submission (PostgreSQL only)", () => {
  let clone: ClonedDatabase;
  let database: Database;
  let observer: Database;
  let killer: Killer;
  let a: TestFirm;
  let interviewId: string;

  beforeAll(async () => {
    clone = await cloneTemplate();
    // Every statement is bounded on the server too, so nothing can wait on a lock forever.
    const bounded = `${clone.url}?options=${encodeURIComponent("-c statement_timeout=10000 -c idle_in_transaction_session_timeout=10000")}`;
    database = await openDatabase({ url: bounded, poolMax: 4 });
    observer = await openDatabase({ url: `${clone.url}?application_name=chaos-observer`, poolMax: 2 });
    killer = new Killer(database.pool!, clone);
    await killer.start();
    useDatabaseForRequests(database);
    a = await createTestFirm(observer.db, "chaos");
    const startsAt = new Date(Date.now() - 5 * HOUR);
    const [iv] = await observer.db
      .insert(s.interviews)
      .values({
        firmId: a.firmId,
        applicationId: a.applicationId,
        candidateId: a.candidateId,
        kind: "onsite",
        startsAt,
        endsAt: new Date(startsAt.getTime() + HOUR),
        status: "completed",
      })
      .returning({ id: s.interviews.id });
    interviewId = iv!.id;
    signedInAs(await sessionFor(observer.db, a, a.candidateUser));
    const saved = await submit(saveDebriefDraftAction, formData({ interviewId, version: "", draft: JSON.stringify(draftFor(-1)) }));
    expect(saved.ok, JSON.stringify(saved)).toBe(true);
  });

  afterAll(async () => {
    signedInAs(null);
    await killer?.stop();
    await within(10_000, database?.close() ?? Promise.resolve(), "closing the pool").catch(() => {});
    await within(10_000, observer?.close() ?? Promise.resolve(), "closing the observer").catch(() => {});
    await clone?.drop();
  });

  async function snapshot(): Promise<Snapshot> {
    const db = observer.db;
    const [debrief] = await db
      .select()
      .from(s.debriefs)
      .where(and(eq(s.debriefs.firmId, a.firmId), eq(s.debriefs.interviewId, interviewId)));
    const people = debrief
      ? await db
          .select()
          .from(s.debriefPeople)
          .where(and(eq(s.debriefPeople.firmId, a.firmId), eq(s.debriefPeople.debriefId, debrief.id)))
          .orderBy(asc(s.debriefPeople.position))
      : [];
    const versions = debrief
      ? (
          await db
            .select({ n: s.debriefVersions.number })
            .from(s.debriefVersions)
            .where(and(eq(s.debriefVersions.firmId, a.firmId), eq(s.debriefVersions.debriefId, debrief.id)))
            .orderBy(asc(s.debriefVersions.number))
        ).map((v) => v.n)
      : [];
    const audits = debrief
      ? (
          await db
            .select({ id: s.auditEvents.id })
            .from(s.auditEvents)
            .where(
              and(
                eq(s.auditEvents.firmId, a.firmId),
                eq(s.auditEvents.entityId, debrief.id),
                inArray(s.auditEvents.action, ["debrief.submitted", "debrief.amended"]),
              ),
            )
        ).length
      : 0;
    const tasks = (await db.select({ id: s.tasks.id }).from(s.tasks).where(eq(s.tasks.firmId, a.firmId))).length;
    // The submission's own jobs: the reports' refresh, which the same change queues for the firm, is not one of them.
    const jobs = (
      await db
        .select({ key: s.backgroundJobs.dedupeKey })
        .from(s.backgroundJobs)
        .where(and(eq(s.backgroundJobs.firmId, a.firmId), ne(s.backgroundJobs.kind, "reports.rollup")))
    )
      .map((j) => j.key)
      .sort();
    return { debrief, people, versions, audits, tasks, jobs };
  }

  /** What the debrief's answers are, without the bookkeeping a write moves. */
  function answers(snap: Snapshot) {
    const d = snap.debrief ?? {};
    return {
      wentWell: d.wentWell,
      timelineDetails: d.timelineDetails,
      people: snap.people.map((p) => ({ id: p.id, name: p.name, email: p.email })),
    };
  }

  async function submitRun(i: number, version: number): Promise<FormState> {
    const fd = formData({ interviewId, version: String(version), draft: JSON.stringify(draftFor(i)) });
    return within(20_000, submit(submitDebriefAction, fd), `submission ${i}`);
  }

  it(`keeps every submission all-or-nothing across ${RUNS} killed connections, and the next request succeeds`, async () => {
    // How many statements one clean submission sends: the kill points spread over all of them.
    const first = await snapshot();
    killer.count = 0;
    killer.texts = [];
    killer.plan = { when: "after" };
    const clean = await submitRun(0, first.debrief!.version as number);
    expect(clean.ok, JSON.stringify(clean)).toBe(true);
    const statements = killer.count;
    expect(statements).toBeGreaterThan(5);

    const outcomes = { committed: 0, untouched: 0, answerLost: 0 };
    // The write itself: from the BEGIN before the version insert to the COMMIT after it.
    const versionInsert = killer.texts.findIndex((t) => t.startsWith('insert into "debrief_versions"'));
    const begin = killer.texts.slice(0, versionInsert).findLastIndex((t) => /^\s*begin\b/i.test(t)) + 1;
    const commit = versionInsert + killer.texts.slice(versionInsert).findIndex((t) => /^\s*commit\b/i.test(t)) + 1;
    expect(begin).toBeGreaterThan(0);
    expect(commit).toBeGreaterThan(versionInsert);

    // A tenth of the runs kill before the submission and a tenth after it. Of the rest, half
    // are spread over the write transaction (BEGIN to COMMIT) and half over every statement
    // (the session lookup, the reads, and the jobs of the plan's tasks and the email); every
    // other kill races its statement instead of landing just before it.
    const during = RUNS - 2 * Math.floor(RUNS / 10);
    let k = 0;
    for (let i = 1; i <= RUNS; i++) {
      let plan: Plan;
      if (i % 10 === 0) plan = { when: "before" };
      else if (i % 10 === 5) plan = { when: "after" };
      else {
        const half = Math.floor(k / 2);
        const statement =
          k % 2 === 0
            ? begin + Math.floor((half * (commit - begin + 1)) / Math.ceil(during / 2))
            : 1 + Math.floor((half * statements) / Math.floor(during / 2));
        plan = { when: "during", statement, race: half % 2 === 1 };
        k += 1;
      }
      const before = await snapshot();
      if (plan.when === "before") await within(10_000, killer.killAll(), "kill before");
      killer.count = 0;
      killer.texts = [];
      killer.plan = plan;
      const result = await submitRun(i, before.debrief!.version as number);
      killer.plan = { when: "after" };
      if (plan.when === "after") await within(10_000, killer.killAll(), "kill after");
      await within(10_000, killer.settle(), "kills landing");
      const after = await snapshot();
      // Every connection goes back to the pool (a leaked one would exhaust it and hang later requests).
      const pool = database.pool!;
      for (let wait = 0; wait < 100 && pool.totalCount > pool.idleCount; wait++) await sleep(20);
      expect(pool.totalCount - pool.idleCount, `run ${i} ${JSON.stringify(plan)}: connections still checked out`).toBe(0);

      // Never partial: the debrief's submitted count, its numbered versions and its audit rows agree.
      expect(after.versions, `run ${i} ${JSON.stringify(plan)}`).toEqual(after.versions.map((_, k) => k + 1));
      expect(after.debrief!.submittedVersions).toBe(after.versions.length);
      expect(after.audits).toBe(after.versions.length);
      // The work that follows each submission is never lost nor doubled: one sync and one email job per version.
      expect(after.jobs, `run ${i} ${JSON.stringify(plan)}`).toEqual(
        after.versions.flatMap((n) => [`debrief-submitted:${interviewId}:${n}`, `plan-sync:debrief:${interviewId}:${n}`]).sort(),
      );

      const committed = after.versions.length === before.versions.length + 1;
      if (committed) {
        expect(after.debrief!.version).toBe((before.debrief!.version as number) + 1);
        expect(after.debrief!.status).toBe("submitted");
        expect(answers(after)).toEqual({
          wentWell: `Run ${i}: the system design round went well.`,
          timelineDetails: `A decision within ${i + 1} days.`,
          people: [{ id: PERSON_ID, name: `Ines Interviewer ${i}`, email: "ines@client.example" }],
        });
        if (result.ok) outcomes.committed += 1;
        else outcomes.answerLost += 1;
      } else {
        // The draft is intact: exactly what it was before the attempt.
        expect(after.versions.length).toBe(before.versions.length);
        expect(after.debrief).toEqual(before.debrief);
        expect(after.people).toEqual(before.people);
        expect(result.ok, `run ${i}: reported success but nothing was stored`).toBe(false);
        expect(result.formError).toMatch(/nothing was saved|Try again/);
        outcomes.untouched += 1;
      }

      // The next request succeeds at once, on a fresh connection.
      const scope = scopeOf(database.db, a, a.candidateUser);
      const read = await within(10_000, getMyDebrief(scope, interviewId), `read after run ${i}`);
      expect(read?.version).toBe(after.debrief!.version);
    }
    // Kills were made, and both outcomes happened.
    expect(new Set(killer.killed).size).toBeGreaterThan(RUNS / 2);
    expect(outcomes.untouched).toBeGreaterThan(0);
    expect(outcomes.committed).toBeGreaterThan(0);
    console.info(
      `chaos: ${statements} statements a submission (the write is ${begin}-${commit}); ${JSON.stringify(outcomes)}; ${killer.killed.length} backends killed`,
    );
  }, 300_000);
});
