import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDatabase } from "@/db/runtime";
import { formatCompactDate, formatCompactDateTime } from "@/app/(staff)/_components/format";
import { PipelineTable, type PipelineRow } from "@/app/(staff)/jobs/pipeline/pipeline-table";
import { internalRoutes } from "@/lib/platform/env";
import type { Stage as StageValue } from "@/lib/core/vocabulary";

export const metadata: Metadata = { title: "Pipeline (benchmark control)", robots: { index: false } };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const OPEN_STAGES = ["sourced", "submitted", "interviewing", "offer"];

type Row = {
  id: string;
  version: number;
  stage: StageValue;
  candidate_id: string;
  candidate_name: string;
  job_id: string;
  job_title: string;
  client_id: string;
  client_name: string;
  recruiter_name: string | null;
  stage_changed_at: Date;
  created_at: Date;
  next_interview_at: Date | null;
  closed_reason: string | null;
  time_zone: string;
};

/**
 * The benchmark's control for the pipeline list: the same page of rows
 * (firm, recruiter, open stages, latest stage change first) from one query,
 * rendered by the pipeline's own table component — without the session, the
 * staff layout, the filters or the count. It exists only when
 * AFTERVIEW_BENCH_ROUTES=1 and never in production; otherwise it is a 404.
 */
export default async function BenchPipelinePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (!internalRoutes().bench) notFound();
  const sp = await searchParams;
  const firm = typeof sp.firm === "string" ? sp.firm : "";
  const recruiter = typeof sp.recruiter === "string" ? sp.recruiter : "";
  const limit = Math.min(100, Math.max(1, Number(sp.limit) || 50));
  if (!UUID.test(firm) || !UUID.test(recruiter)) notFound();
  const database = await getDatabase();
  const rows = await database.query<Row>(
    `select a.id, a.version, a.stage, a.candidate_id, c.name as candidate_name, a.job_id, j.title as job_title,
            cl.id as client_id, cl.name as client_name, u.name as recruiter_name, a.stage_changed_at, a.created_at,
            (select min(i.starts_at) from interviews i
              where i.firm_id = a.firm_id and i.application_id = a.id and i.status = 'scheduled' and i.starts_at > now()) as next_interview_at,
            a.closed_reason, f.time_zone
       from applications a
       join firms f on f.id = a.firm_id
       join candidates c on c.firm_id = a.firm_id and c.id = a.candidate_id
       join jobs j on j.firm_id = a.firm_id and j.id = a.job_id
       join clients cl on cl.firm_id = j.firm_id and cl.id = j.client_id
       left join users u on u.id = a.recruiter_user_id
      where a.firm_id = $1 and a.recruiter_user_id = $2 and a.stage::text = any($3::text[])
      order by a.stage_changed_at desc, a.id desc
      limit $4`,
    [firm, recruiter, OPEN_STAGES, limit],
  );
  const at = (v: Date | string) => (v instanceof Date ? v : new Date(v));
  const data: PipelineRow[] = rows.map((r) => ({
    id: r.id,
    version: r.version,
    stage: r.stage,
    candidateId: r.candidate_id,
    candidateName: r.candidate_name,
    jobId: r.job_id,
    jobTitle: r.job_title,
    clientId: r.client_id,
    clientName: r.client_name,
    recruiterName: r.recruiter_name ?? "",
    moved: formatCompactDate(at(r.stage_changed_at), r.time_zone),
    created: formatCompactDate(at(r.created_at), r.time_zone),
    nextInterview: r.next_interview_at ? formatCompactDateTime(at(r.next_interview_at), r.time_zone) : "",
    closedReason: r.closed_reason ?? "",
    canMove: true,
  }));
  return (
    <main className="p-4">
      <PipelineTable
        rows={data}
        sort={{ key: "moved", dir: "desc" }}
        caption="Applications, sorted by last stage change (descending)"
        sortHref={(key, dir) => `/bench/pipeline?firm=${firm}&recruiter=${recruiter}&sort=${key}&dir=${dir}`}
        empty={<p>No applications.</p>}
      />
    </main>
  );
}
