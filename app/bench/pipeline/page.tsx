import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { formatCompactDate, formatCompactDateTime } from "@/app/(staff)/_components/format";
import { PipelineTable, type PipelineRow } from "@/app/(staff)/jobs/pipeline/pipeline-table";
import { internalRoutes } from "@/lib/platform/env";
import { benchPipelineTableRows } from "@/lib/platform/internal-routes";
import { isUuid } from "@/lib/core/vocabulary";

export const metadata: Metadata = { title: "Pipeline (benchmark control)", robots: { index: false } };

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
  if (!isUuid(firm) || !isUuid(recruiter)) notFound();
  const rows = await benchPipelineTableRows({ firmId: firm, recruiterId: recruiter, limit });
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
