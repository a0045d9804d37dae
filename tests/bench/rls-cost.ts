/**
 * The cost of row-level security on the three busiest requests, on real
 * PostgreSQL. Each runs N times through today's path without RLS (the tables'
 * owner, the queries' explicit firm_id filters only) and through the scope's
 * RLS path (db/firm-db.ts: every statement in a transaction as afterview_app
 * with the firm set, the same explicit filters as well), interleaved, one at a
 * time, on the same data. Reported: p50 / p95 of each and their ratios.
 *
 *   DATABASE_URL=postgres://… npx tsx tests/bench/rls-cost.ts [--iterations N]
 *
 * Uses the biggest benchmark firm (`db/seed-scale.ts`) in the database, and
 * seeds a small one (1,000 candidates, tier S of `npm run bench`) into a
 * database that has no firm at all. Refuses a database with firms not made by
 * the benchmark seed: the debrief autosave writes.
 *
 * The three: the staff dashboard (every recruiter's landing page: the
 * needs-attention queue, today's and this week's interviews, tasks — twelve
 * statements); the needs-attention queue on the firm-wide view (the heaviest
 * statement set, also what the daily digest reads); and the candidate's
 * debrief read plus autosave (the form saves every few seconds while a
 * candidate types: the most frequent write, and a transaction).
 */
import path from "node:path";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { openDatabase, type Database, type Db } from "@/db/client";
import { firmScopedDb } from "@/db/firm-db";
import { migrateDatabase } from "@/db/migrate";
import { getDashboard, listQueueItems } from "@/db/queries/dashboard";
import { getMyDebrief, type DebriefFieldsInput } from "@/db/queries/debriefs";
import { BLANK_DEBRIEF_ANSWERS } from "@/lib/core/validation/debrief-rules";
import { writeMyDebrief } from "@/db/queries/debrief-writes";
import type { QueryScope } from "@/db/queries/scope";
import { seedScale } from "@/db/seed-scale";

export type RlsCostOptions = { iterations?: number; warmup?: number; log?: (line: string) => void };

type Op = { name: string; run: (scope: QueryScope) => Promise<unknown> };

const SEED_CANDIDATES = 1_000;

const BLANK: DebriefFieldsInput = { ...BLANK_DEBRIEF_ANSWERS, overallImpression: 4, interestLevel: 4 };

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

const ms = (v: number) => v.toFixed(2);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

async function one<T>(db: Db, text: string): Promise<T | undefined> {
  const r = (await db.execute(sql.raw(text))) as unknown as { rows: T[] };
  return r.rows[0];
}

/** The benchmark firm to measure on, seeding one into a database without firms. */
async function benchFirm(database: Database, log: (line: string) => void) {
  const q = <T>(text: string) => database.query<T>(text);
  const [counts] = await q<{ bench: number; other: number }>(
    `select count(*) filter (where is_benchmark)::int as bench, count(*) filter (where not is_benchmark)::int as other from firms`,
  );
  if (!counts!.bench) {
    if (counts!.other) {
      throw new Error(
        "This database has no benchmark firm and holds other firms: the measurement writes debrief drafts, so it " +
          "runs only on benchmark data (npm run db:seed -- --scale 1000 into a database of its own).",
      );
    }
    log(`Seeding a benchmark firm of ${SEED_CANDIDATES.toLocaleString("en-US")} candidates…`);
    await seedScale(database, SEED_CANDIDATES, { smallFirms: 2, smallFirmCandidates: 300, log });
  }
  const [firm] = await q<{ id: string; name: string; candidates: number; interviews: number }>(
    `select f.id, f.name,
            (select count(*)::int from candidates c where c.firm_id = f.id) as candidates,
            (select count(*)::int from interviews i where i.firm_id = f.id) as interviews
       from firms f where f.is_benchmark
      order by (select count(*) from candidates c where c.firm_id = f.id) desc limit 1`,
  );
  const [recruiter] = await q<{ userId: string }>(
    `select m.user_id as "userId" from memberships m
      where m.firm_id = '${firm!.id}' and m.role = 'recruiter' and m.status = 'active'
      order by (select count(*) from applications a where a.firm_id = m.firm_id and a.recruiter_user_id = m.user_id) desc
      limit 1`,
  );
  const [candidate] = await q<{ userId: string; candidateId: string; interviewId: string }>(
    `select m.user_id as "userId", m.candidate_id as "candidateId", i.id as "interviewId"
       from memberships m
       join interviews i on i.firm_id = m.firm_id and i.candidate_id = m.candidate_id
      where m.firm_id = '${firm!.id}' and m.role = 'candidate' and m.status = 'active'
        and i.status in ('scheduled', 'completed') and i.starts_at < now() - interval '1 hour'
        and not exists (select 1 from debriefs d where d.firm_id = i.firm_id and d.interview_id = i.id and d.status = 'submitted')
      order by i.starts_at desc limit 1`,
  );
  if (!recruiter || !candidate) throw new Error("The benchmark firm has no recruiter or no candidate account with a past interview.");
  return { firm: firm!, recruiter, candidate };
}

/** Measures; returns a markdown section (a table and how it was taken). */
export async function measureRlsCost(databaseUrl: string, opts: RlsCostOptions = {}): Promise<string> {
  const iterations = opts.iterations ?? 100;
  const warmup = opts.warmup ?? 10;
  const log = opts.log ?? (() => {});
  const database = await openDatabase({ url: databaseUrl, poolMax: 10 });
  try {
    await migrateDatabase(database);
    const { firm, recruiter, candidate } = await benchFirm(database, log);
    const owner = database.db;
    const staffScope = (db: Db): QueryScope => ({ db, firmId: firm.id, userId: recruiter.userId, role: "recruiter", candidateId: null });
    const candidateScope = (db: Db): QueryScope => ({
      db,
      firmId: firm.id,
      userId: candidate.userId,
      role: "candidate",
      candidateId: candidate.candidateId,
    });
    const now = new Date();
    const ops: (Op & { scope: (db: Db) => QueryScope; statements: string })[] = [
      {
        name: "Staff dashboard (`getDashboard`, view “mine”)",
        statements: "10 (6 in parallel for the queue)",
        scope: staffScope,
        run: (scope) => getDashboard(scope, { view: "mine", now }),
      },
      {
        name: "Needs-attention queue, firm-wide (`listQueueItems`, view “everyone”)",
        statements: "7",
        scope: staffScope,
        run: (scope) => listQueueItems(scope, { view: "everyone", now }),
      },
      {
        name: "Candidate debrief read + autosave (`getMyDebrief` + `writeMyDebrief`)",
        statements: "2 reads + 1 transaction",
        scope: candidateScope,
        run: async (scope) => {
          const current = await getMyDebrief(scope, candidate.interviewId);
          const r = await writeMyDebrief(scope, {
            interviewId: candidate.interviewId,
            expectedVersion: current?.version ?? null,
            content: () => ({ submit: false, fields: { ...BLANK, wentWell: `Autosave ${performance.now().toFixed(0)}` }, people: [] }),
          });
          if (r.status !== "saved") throw new Error(`The autosave answered ${r.status}.`);
        },
      },
    ];

    const rows: string[] = [];
    for (const op of ops) {
      const asOwner = op.scope(owner);
      const asApp = op.scope(firmScopedDb(owner, asOwner.firmId, asOwner.userId));
      for (let i = 0; i < warmup; i++) {
        await op.run(asOwner);
        await op.run(asApp);
      }
      const t: { owner: number[]; rls: number[] } = { owner: [], rls: [] };
      for (let i = 0; i < iterations; i++) {
        // Alternate which goes first, so neither always meets a warmer cache.
        const order = i % 2 ? (["rls", "owner"] as const) : (["owner", "rls"] as const);
        for (const which of order) {
          const started = performance.now();
          await op.run(which === "owner" ? asOwner : asApp);
          t[which].push(performance.now() - started);
        }
      }
      const o50 = percentile(t.owner, 50);
      const o95 = percentile(t.owner, 95);
      const r50 = percentile(t.rls, 50);
      const r95 = percentile(t.rls, 95);
      log(`${op.name}: owner p50 ${ms(o50)} ms, RLS p50 ${ms(r50)} ms`);
      rows.push(`| ${op.name} | ${op.statements} | ${ms(o50)} | ${ms(o95)} | ${ms(r50)} | ${ms(r95)} | ${ratio(r50, o50)} | ${ratio(r95, o95)} |`);
    }
    const version = await one<{ v: string }>(owner, "select current_setting('server_version') as v");
    return [
      `Firm “${firm.name}”: ${firm.candidates.toLocaleString("en-US")} candidates, ${firm.interviews.toLocaleString("en-US")} interviews; ` +
        `PostgreSQL ${version?.v ?? "?"}; ${iterations} runs of each path after ${warmup} warm-up runs, interleaved, one request at a time; ` +
        `times in milliseconds, measured in the app (round trips included).`,
      "",
      "| Request | Statements | Owner p50 | Owner p95 | RLS p50 | RLS p95 | p50 ratio | p95 ratio |",
      "|---|---|---:|---:|---:|---:|---:|---:|",
      ...rows,
      "",
      "Owner: the tables' owner with the queries' explicit `firm_id` filters (the path before row-level security). " +
        "RLS: the scope's path (`db/firm-db.ts`) — the same filters plus the policies, each statement in a transaction " +
        "that first sets the role `afterview_app` and `app.firm_id` (`begin; set local role …; select set_config(…)`, one round trip), " +
        "then the statement, then `commit` (not waited for after a read); a drizzle transaction sets them with its `begin`.",
    ].join("\n");
  } finally {
    await database.close();
  }
}

function parseIterations(argv: string[]): number | undefined {
  const i = argv.findIndex((a) => a === "--iterations" || a.startsWith("--iterations="));
  if (i < 0) return undefined;
  const raw = argv[i]!.includes("=") ? argv[i]!.split("=")[1] : argv[i + 1];
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error("--iterations needs a whole number ≥ 1.");
  return n;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  const url = process.env.DATABASE_URL?.trim();
  if (!url) {
    console.error("Set DATABASE_URL to a PostgreSQL database (row-level security needs the real server).");
    process.exit(2);
  }
  measureRlsCost(url, { iterations: parseIterations(process.argv.slice(2)), log: (line) => console.error(line) })
    .then((table) => {
      console.log(table);
      process.exit(0);
    })
    .catch((err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
}
