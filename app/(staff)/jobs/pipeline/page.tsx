import { Workflow } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { findApplications } from "@/db/queries/applications";
import { listClientOptions } from "@/db/queries/clients";
import { getFirmTimeZone } from "@/db/queries/interviews";
import { listJobOptions, listOwnerOptions } from "@/db/queries/jobs";
import { Button } from "@/app/_components/ui/button";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { PageHeader } from "@/app/_components/ui/page-header";
import { can } from "@/lib/core/permissions";
import { requireScope, type Scope } from "@/lib/auth/scope";
import {
  applicationListSchema,
  PIPELINE_PAGE_SIZE,
  resolveMe,
  type ApplicationListParams,
  type SearchParams,
} from "@/lib/core/validation/records";
import { formatCompactDate, formatCompactDateTime } from "../../_components/format";
import { ListToolbar, Pagination } from "../../_components/list-controls";
import { cursorsOf, listKey } from "../../_components/params";
import { SectionTabs } from "../../_components/section-tabs";
import { listHref } from "../../_components/list-table";
import { TableSkeleton } from "../../_components/table-skeleton";
import { JOB_TABS } from "../../_components/tabs";
import { PipelineTable } from "./pipeline-table";
import { STAGE_LABELS, STAGES as STAGE_VALUES } from "@/lib/core/vocabulary";

export const metadata: Metadata = { title: "Pipeline" };

const SORT_LABELS = { moved: "last stage change", created: "date put forward", candidate: "candidate" } as const;

export default async function PipelinePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const scope = await requireScope("applications.read");
  const raw = await searchParams;
  const params = applicationListSchema.parse(raw);
  // The job filter lists the chosen client's jobs: a big firm has thousands of jobs, too many for one menu.
  const [clients, jobs, owners] = await Promise.all([
    listClientOptions(scope, { include: params.client }),
    params.client || params.job ? listJobOptions(scope, { clientId: params.client, jobId: params.client ? undefined : params.job, all: true }) : [],
    listOwnerOptions(scope),
  ]);
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title="Pipeline" description="Every application across your jobs, in one table." className="mb-2" />
      <SectionTabs label="Jobs and pipeline" tabs={JOB_TABS} />
      <ListToolbar
        searchLabel="Search applications"
        placeholder="Candidate, job or client"
        q={params.q}
        keep={{ sort: params.sort === "moved" ? undefined : params.sort, dir: params.dir }}
        filters={[
          {
            name: "stage",
            label: "Stage",
            value: params.stage ?? "",
            options: [
              { value: "", label: "Any stage" },
              { value: "open", label: "Open (sourced to offer)" },
              { value: "closed", label: "Closed (rejected, withdrawn)" },
              ...STAGE_VALUES.map((s) => ({ value: s, label: STAGE_LABELS[s] })),
            ],
          },
          {
            name: "client",
            label: "Client",
            value: params.client ?? "",
            options: [{ value: "", label: "All clients" }, ...clients.map((c) => ({ value: c.id, label: c.name }))],
          },
          {
            name: "job",
            label: "Job",
            value: params.job ?? "",
            disabled: !params.client && !params.job,
            options: [
              { value: "", label: params.client || params.job ? "All jobs" : "Choose a client first" },
              ...jobs.map((j) => ({ value: j.id, label: `${j.title} (${j.clientName})` })),
            ],
          },
          {
            name: "recruiter",
            label: "Recruiter",
            value: params.recruiter ?? "",
            options: [
              { value: "", label: "Any recruiter" },
              { value: "me", label: "Mine" },
              ...owners.filter((o) => o.id !== scope.userId).map((o) => ({ value: o.id, label: o.name })),
            ],
          },
        ]}
      />
      <Suspense key={listKey(params)} fallback={<TableSkeleton columns={6} label="Loading applications…" />}>
        <PipelineResults scope={scope} params={params} raw={raw} />
      </Suspense>
    </div>
  );
}

async function PipelineResults({ scope, params, raw }: { scope: Scope; params: ApplicationListParams; raw: SearchParams }) {
  const [page, zone] = await Promise.all([
    findApplications(scope, {
      ...params,
      clientId: params.client,
      jobId: params.job,
      recruiterUserId: resolveMe(params.recruiter, scope.userId),
      limit: PIPELINE_PAGE_SIZE,
    }),
    getFirmTimeZone(scope),
  ]);
  const dir = params.dir ?? (params.sort === "candidate" ? "asc" : "desc");
  const filtered = params.q !== "" || !!params.stage || !!params.client || !!params.job || !!params.recruiter;
  const canMove = can(scope.role, "applications.write");
  const { next, prev } = cursorsOf(page);
  return (
    <div className="flex flex-col gap-3">
      <PipelineTable
        rows={page.rows.map((a) => ({
          id: a.id,
          version: a.version,
          stage: a.stage,
          candidateId: a.candidateId,
          candidateName: a.candidateName,
          jobId: a.jobId,
          jobTitle: a.jobTitle,
          clientId: a.clientId,
          clientName: a.clientName,
          recruiterName: a.recruiterName ?? "",
          moved: formatCompactDate(a.stageChangedAt, zone),
          created: formatCompactDate(a.createdAt, zone),
          nextInterview: a.nextInterviewAt ? formatCompactDateTime(a.nextInterviewAt, zone) : "",
          closedReason: a.closedReason,
          canMove,
        }))}
        sort={{ key: params.sort, dir }}
        sortHref={(key, d) => listHref("/jobs/pipeline", raw, { sort: key, dir: d })}
        caption={`Applications, sorted by ${SORT_LABELS[params.sort]} (${dir === "asc" ? "ascending" : "descending"})`}
        empty={
          <EmptyState
            icon={<Workflow />}
            title={filtered ? "No applications match" : "No applications yet"}
            description={filtered ? "Try another search or filter." : "Put a candidate forward from a job's page or a candidate's page."}
            action={
              filtered ? (
                <Button asChild variant="outline">
                  <Link href="/jobs/pipeline">Clear the filters</Link>
                </Button>
              ) : null
            }
          />
        }
      />
      {page.rows.length > 0 ? <Pagination next={next} prev={prev} shown={page.rows.length} total={page.total} noun="applications" /> : null}
    </div>
  );
}
