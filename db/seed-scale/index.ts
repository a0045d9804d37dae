/**
 * Benchmark-scale data (`npm run db:seed -- --scale N`): one firm with N
 * candidates and proportional clients, jobs, applications, interviews,
 * debriefs, feedback and tasks, plus optionally a number of small firms beside
 * it (the benchmark's tier M: 200,000 candidates and ~1,000,000 interviews
 * beside 19 small firms).
 *
 * Every row is made inside PostgreSQL by `INSERT … SELECT … FROM
 * generate_series(…)` in batches, never row by row from JS, so it runs on the
 * embedded PGlite and on a real server alike, in minutes.
 *
 * No joins are needed to find the rows a row refers to: every id is a pure
 * function of (table, sequence number), so an interview computes its
 * application's id from the application's number. Ids are UUID v7 (RFC 9562,
 * "fixed-length dedicated counter" method): the load's millisecond timestamp,
 * version 7, a table code, the variant, a random per-firm salt, then the row's
 * sequence number as the counter, so inside one table they ascend and the
 * primary-key indexes stay append-only while loading. Every "random" choice is
 * `hashint8extended(seq, k)`, so a firm's shape is repeatable.
 *
 * The modules: sql.ts (ids, SQL helpers, word lists), shape.ts (a firm's
 * numbers and the SQL fragments its statements share), firm.ts (the
 * statements that load one firm).
 */
import pg from "pg";
import { hashPassword } from "@/lib/platform/password";
import type { Database } from "../client";
import { seedFirm } from "./firm";
import type { Query } from "./sql";

/** The password of every account in benchmark firms. */
export const BENCH_PASSWORD = "afterview-bench-2026";

export type ScaleOptions = {
  /** Interviews per candidate (default 5: 100,000 candidates → ~500,000 interviews). */
  interviewsPerCandidate?: number;
  /** Small benchmark firms to add beside the big one (default 0). */
  smallFirms?: number;
  /** Candidates in each small firm (default 300). */
  smallFirmCandidates?: number;
  /** Candidates with sign-in accounts in each firm (default 20). */
  candidateAccounts?: number;
  now?: Date;
  /** Progress lines (default: console.log). */
  log?: (line: string) => void;
};

export type ScaleFirm = {
  firmId: string;
  name: string;
  slug: string;
  candidates: number;
  adminEmail: string;
  recruiterEmails: string[];
  /** Candidates with sign-in accounts. */
  candidateEmails: string[];
  /** Rows inserted per table. */
  rows: Record<string, number>;
  seconds: number;
};

export type ScaleSummary = {
  firm: ScaleFirm;
  smallFirms: ScaleFirm[];
  password: string;
  seconds: number;
};

/** Adds one benchmark firm (`isBenchmark`) with `candidatesCount` candidates, and optionally small ones. */
export async function seedScale(
  database: Database,
  candidatesCount: number,
  opts: ScaleOptions = {},
): Promise<ScaleSummary> {
  if (!Number.isInteger(candidatesCount) || candidatesCount < 1) {
    throw new RangeError("The number of candidates must be a whole number ≥ 1.");
  }
  const ipc = opts.interviewsPerCandidate ?? 5;
  if (!(ipc > 0 && ipc <= 25)) throw new RangeError("Interviews per candidate must be above 0 and at most 25.");
  const log = opts.log ?? ((line: string) => console.log(line));
  const now = opts.now ?? new Date();
  const started = Date.now();
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const { sessions, release } = await openSessions(database);
  try {
    const common = { ipc, now, log, passwordHash, accounts: opts.candidateAccounts ?? 20, sessions };
    const firm = await seedFirm(database, { ...common, candidates: candidatesCount, label: "benchmark firm" });
    const smallFirms: ScaleFirm[] = [];
    const smallCount = opts.smallFirms ?? 0;
    for (let i = 1; i <= smallCount; i++) {
      smallFirms.push(
        await seedFirm(database, {
          ...common,
          candidates: opts.smallFirmCandidates ?? 300,
          label: `small benchmark firm ${i} of ${smallCount}`,
          quiet: true,
        }),
      );
    }
    if (smallCount > 0) {
      const rows = smallFirms.reduce((n, f) => n + Object.values(f.rows).reduce((a, b) => a + b, 0), 0);
      log(`Added ${smallCount} small benchmark firms (${rows.toLocaleString("en-US")} rows).`);
    }
    log("Updating planner statistics…");
    for (const table of ANALYZED_TABLES) await database.query(`analyze ${table}`);
    return { firm, smallFirms, password: BENCH_PASSWORD, seconds: (Date.now() - started) / 1000 };
  } finally {
    release();
  }
}

/**
 * On a real server: two connections of their own (the load is CPU-bound in the
 * server, and these machines have two cores), with JIT off — compiling these
 * large expressions costs more than it saves — and asynchronous commit, which
 * only risks losing the last moments of a load that can be rerun anyway.
 * PGlite is one session.
 */
async function openSessions(database: Database): Promise<{ sessions: Query[]; release: () => void }> {
  const pool = database.pool;
  if (!pool) return { sessions: [database.query], release: () => {} };
  // Connections of their own, with the settings given at connect (startup options), closed
  // afterwards: nothing is set on a session that a pool or a pooler could hand to someone else.
  const clients = [0, 1].map(
    () => new pg.Client({ ...(pool.options as pg.ClientConfig), options: "-c jit=off -c synchronous_commit=off" }),
  );
  for (const client of clients) client.on("error", () => {});
  await Promise.all(clients.map((c) => c.connect()));
  const sessions: Query[] = clients.map(
    (client) => async <T,>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[],
  );
  return {
    sessions,
    release: () => {
      for (const client of clients) void client.end().catch(() => {});
    },
  };
}

const ANALYZED_TABLES = [
  "users",
  "memberships",
  "clients",
  "contacts",
  "jobs",
  "candidates",
  "scorecard_attributes",
  "applications",
  "application_stage_changes",
  "interviews",
  "interview_participants",
  "debriefs",
  "debrief_versions",
  "debrief_people",
  "interviewer_feedback",
  "feedback_ratings",
  "call_logs",
  "tasks",
];
