import { v7 as uuidv7 } from "uuid";
import type { Stage } from "@/lib/core/vocabulary";
import { internalRoutes } from "@/lib/platform/env";
import type { Database } from "../client";
import { ACTIVE_STAGES } from "@/lib/core/vocabulary";

/**
 * The benchmark's controls: the floor a page or an action is measured
 * against (`npm run bench`), each one raw statement on the tables' owner
 * connection — no session, no scope, no row-level security, no checks. So
 * every function here refuses to run unless the bench routes are on
 * (AFTERVIEW_BENCH_ROUTES=1, never in production), and is handed the
 * process's database by lib/platform/internal-routes.ts, never by a request.
 */
function assertBenchRoutes(): void {
  if (!internalRoutes().bench) throw new Error("The bench controls are off (AFTERVIEW_BENCH_ROUTES is not 1, or this is production).");
}

export interface BenchPipelineInput {
  firmId: string;
  recruiterId: string;
  limit: number;
}

/**
 * A page of the pipeline list as the page selects it (the firm, the
 * recruiter, the open stages, latest stage change first), with each row's
 * candidate, job, client and recruiter joined; `columns` from those.
 */
function pipelinePage<T>(database: Database, input: BenchPipelineInput, columns: string, join = ""): Promise<T[]> {
  assertBenchRoutes();
  return database.query<T>(
    `select ${columns}
       from applications a${join}
       join candidates c on c.firm_id = a.firm_id and c.id = a.candidate_id
       join jobs j on j.firm_id = a.firm_id and j.id = a.job_id
       join clients cl on cl.firm_id = j.firm_id and cl.id = j.client_id
       left join users u on u.id = a.recruiter_user_id
      where a.firm_id = $1 and a.recruiter_user_id = $2 and a.stage::text = any($3::text[])
      order by a.stage_changed_at desc, a.id desc
      limit $4`,
    [input.firmId, input.recruiterId, ACTIVE_STAGES, input.limit],
  );
}

export type BenchPipelineRow = {
  id: string;
  stage: string;
  stage_changed_at: Date | string;
  candidate: string;
  job: string;
  client: string;
  recruiter: string | null;
};

/** Unsafe: unscoped, for the bench floor `/api/bench/pipeline`. A page of the pipeline's rows, the fewest columns that show them. */
export async function unsafeBenchPipelineRows(database: Database, input: BenchPipelineInput): Promise<BenchPipelineRow[]> {
  return pipelinePage(
    database,
    input,
    "a.id, a.stage, a.stage_changed_at, c.name as candidate, j.title as job, cl.name as client, u.name as recruiter",
  );
}

export type BenchPipelineTableRow = {
  id: string;
  version: number;
  stage: Stage;
  candidate_id: string;
  candidate_name: string;
  job_id: string;
  job_title: string;
  client_id: string;
  client_name: string;
  recruiter_name: string | null;
  stage_changed_at: Date | string;
  created_at: Date | string;
  next_interview_at: Date | string | null;
  closed_reason: string | null;
  time_zone: string;
};

/** Unsafe: unscoped, for the bench control `/bench/pipeline`. The same page with every column the pipeline's table shows. */
export async function unsafeBenchPipelineTableRows(database: Database, input: BenchPipelineInput): Promise<BenchPipelineTableRow[]> {
  return pipelinePage(
    database,
    input,
    `a.id, a.version, a.stage, a.candidate_id, c.name as candidate_name, a.job_id, j.title as job_title,
            cl.id as client_id, cl.name as client_name, u.name as recruiter_name, a.stage_changed_at, a.created_at,
            (select min(i.starts_at) from interviews i
              where i.firm_id = a.firm_id and i.application_id = a.id and i.status = 'scheduled' and i.starts_at > now()) as next_interview_at,
            a.closed_reason, f.time_zone`,
    "\n       join firms f on f.id = a.firm_id",
  );
}

/**
 * Unsafe: unscoped, for the bench control `/api/bench/debrief`. Inserts the
 * row a submission adds (the debrief's next version, with its snapshot) in
 * one statement. The version's number, or null for an unknown debrief.
 */
export async function unsafeBenchInsertDebriefVersion(
  database: Database,
  input: { debriefId: string; snapshot: unknown },
): Promise<number | null> {
  assertBenchRoutes();
  const rows = await database.query<{ number: number }>(
    `insert into debrief_versions (firm_id, id, debrief_id, number, snapshot, submitted_at)
     select d.firm_id, $3::uuid, d.id,
            coalesce((select max(v.number) from debrief_versions v where v.firm_id = d.firm_id and v.debrief_id = d.id), 0) + 1,
            $2::jsonb, now()
       from debriefs d where d.id = $1
     returning number`,
    [input.debriefId, JSON.stringify(input.snapshot ?? {}), uuidv7()],
  );
  return rows[0]?.number ?? null;
}
