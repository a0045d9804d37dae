/**
 * The query plans of a page: its query-layer calls are run here, the way the
 * page makes them, on a drizzle instance that records every statement; each
 * statement is then run again under EXPLAIN (ANALYZE, BUFFERS) with the same
 * parameters, as the app role for the page's firm and person, as the page runs it.
 */
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import type { Db } from "@/db/client";
import { firmSetupSql } from "@/db/firm-db";
import { findApplications, listApplicationsForCandidate, listApplicationsForJob } from "@/db/queries/applications";
import { listAuditEvents } from "@/db/queries/audit";
import { getCandidateTimeline } from "@/db/queries/candidate-timeline";
import { findCandidates, listCandidateOptions } from "@/db/queries/candidates";
import { listClientOptions } from "@/db/queries/clients";
import { getDashboard } from "@/db/queries/dashboard";
import { findTasks } from "@/db/queries/tasks";
import { listJobOptions, listOwnerOptions } from "@/db/queries/jobs";
import { checkReportFilterIds, getReportSettings, listReportFilterOptions } from "@/db/queries/reports";
import type { QueryScope } from "@/db/queries/scope";
import * as schema from "@/db/schema";
import { localDateKey } from "@/lib/core/follow-up/business-days";
import { parseReportFilters } from "@/lib/core/reports/filters";
import { loadReportMetrics } from "@/lib/reports/page-metrics";
import { candidateListSchema, PAGE_SIZE, PIPELINE_PAGE_SIZE } from "@/lib/core/validation/records";

export type PlanPage = "pipeline" | "dashboard" | "reports" | "candidates-search" | "candidate" | "job-board" | "tasks" | "audit";

/** Who opens the page, the page's query string and, for a record's page, the record's id. */
export type PlanWho = { firmId: string; userId: string; query: string; id?: string };

type Captured = { sql: string; params: unknown[] };

/** Runs the page's query-layer calls and returns the statements they sent. */
async function capture(pool: pg.Pool, page: PlanPage, who: PlanWho): Promise<Captured[]> {
  const captured: Captured[] = [];
  const db = drizzle({
    client: pool,
    schema,
    casing: "snake_case",
    logger: { logQuery: (sql, params) => void captured.push({ sql, params }) },
  }) as unknown as Db;
  const scope: QueryScope = { db, firmId: who.firmId, userId: who.userId, role: "admin", candidateId: null };
  const params = new URLSearchParams(who.query);
  if (page === "pipeline") {
    // As the page sends them (app/(staff)/jobs/pipeline/page.tsx): the filters' options (the job list
    // only once a client is chosen), 50 rows and their count; the session, read before, carries the
    // firm's time zone.
    const client = params.get("client") ?? undefined;
    await Promise.all([
      listClientOptions(scope, { include: client }),
      client ? listJobOptions(scope, { clientId: client, all: true }) : Promise.resolve([]),
      listOwnerOptions(scope),
      findApplications(scope, {
        stage: (params.get("stage") as "open" | null) ?? undefined,
        clientId: client,
        recruiterUserId: params.get("recruiter") === "me" ? who.userId : undefined,
        limit: PIPELINE_PAGE_SIZE,
      }),
    ]);
  } else if (page === "candidates-search") {
    // The list's page of rows (app/(staff)/candidates/page.tsx).
    await findCandidates(scope, { ...candidateListSchema.parse(Object.fromEntries(params)), limit: PAGE_SIZE });
  } else if (page === "candidate") {
    // The record, its applications and the timeline that streams in after them.
    await Promise.all([listApplicationsForCandidate(scope, who.id!), getCandidateTimeline(scope, who.id!)]);
  } else if (page === "job-board") {
    // The board's applications and the candidates that can still be put forward.
    await Promise.all([listApplicationsForJob(scope, who.id!), listCandidateOptions(scope, { notOnJobId: who.id! })]);
  } else if (page === "tasks") {
    await findTasks(scope, { view: params.get("view") === "everyone" ? "everyone" : "mine", now: new Date(), limit: 50 });
  } else if (page === "audit") {
    await listAuditEvents(scope, { limit: 200 });
  } else if (page === "dashboard") {
    await getDashboard(scope, { view: params.get("view") === "everyone" ? "everyone" : "mine" });
  } else {
    const parsed = parseReportFilters(params);
    const [settings] = await Promise.all([getReportSettings(scope), listReportFilterOptions(scope)]);
    if (parsed.ok) {
      await checkReportFilterIds(scope, parsed.filters);
      const timeZone = settings?.timeZone ?? "UTC";
      // As the page reads them: from the rollups when they serve the filters, else from the rows.
      await loadReportMetrics(scope, { filters: parsed.filters, timeZone, today: localDateKey(new Date(), timeZone) });
    }
  }
  return captured;
}

/** EXPLAIN (ANALYZE, BUFFERS) of every statement the page's queries send, as one text document. */
export async function explainPage(url: string, page: PlanPage, who: PlanWho): Promise<{ text: string; totalMs: number }> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  try {
    const statements = await capture(pool, page, who);
    const seen = new Set<string>();
    const parts: string[] = [];
    let totalMs = 0;
    let explained = 0;
    const client = await pool.connect();
    try {
      for (const s of statements) {
        const key = `${s.sql}\u0000${JSON.stringify(s.params)}`;
        const local = /^\s*set\s+local\s+(.*)$/is.exec(s.sql);
        if (local && !seen.has(key)) {
          // A setting the page's transaction makes for its statements (e.g. jit): the plans run under it too.
          seen.add(key);
          await client.query(`set ${local[1]}`);
          parts.push(`-- Setting: ${s.sql.trim()}\n`);
          continue;
        }
        if (seen.has(key) || /^\s*(begin|commit|rollback|set |select set_config)/i.test(s.sql)) continue;
        seen.add(key);
        // As the page runs it: as the app role, under the firm's row-level security policy (a condition
        // whose function is not LEAKPROOF cannot use an index there, where the tables' owner can).
        await client.query(`begin; ${firmSetupSql(who.firmId, who.userId)}`);
        let r: pg.QueryResult<{ "QUERY PLAN": string }>;
        try {
          r = await client.query<{ "QUERY PLAN": string }>(`explain (analyze, buffers) ${s.sql}`, s.params);
        } finally {
          await client.query("rollback");
        }
        const plan = r.rows.map((row) => row["QUERY PLAN"]).join("\n");
        const m = /Execution Time: ([\d.]+) ms/.exec(plan);
        if (m) totalMs += Number(m[1]);
        const shown = s.sql.length > 4000 ? `${s.sql.slice(0, 4000)} …(${s.sql.length} characters)` : s.sql;
        parts.push(`-- Statement ${++explained}\n${shown}\n-- Parameters: ${JSON.stringify(s.params)}\n\n${plan}\n`);
      }
    } finally {
      client.release();
    }
    return { text: parts.join("\n"), totalMs };
  } finally {
    await pool.end();
  }
}
