import { Workflow } from "lucide-react";
import type { Metadata } from "next";
import { findApplications } from "@/db/queries/applications";
import { listClientOptions } from "@/db/queries/clients";
import { getFirmTimeZone } from "@/db/queries/interviews";
import { listJobOptions, listOwnerOptions } from "@/db/queries/jobs";
import { can } from "@/lib/core/permissions";
import { requireScope, type Scope } from "@/lib/auth/scope";
import { STAGE_LABELS, STAGES } from "@/lib/core/vocabulary";
import { applicationListSchema, PIPELINE_PAGE_SIZE, resolveMe, type ApplicationListParams, type SearchParams } from "@/lib/core/validation/records";
import { formatCompactDate, formatCompactDateTime } from "../../_components/format";
import { listHref } from "../../_components/list-table";
import { clientFilter, memberFilter, RECRUITER } from "../../_components/records/list-filters";
import { ListResults, RecordListPage, sortedBy, type ListScreen } from "../../_components/records/list-page";
import { SectionTabs } from "../../_components/section-tabs";
import { JOB_TABS } from "../../_components/tabs";
import { PipelineTable } from "./pipeline-table";

export const metadata: Metadata = { title: "Pipeline" };

const PIPELINE: ListScreen = {
  title: "Pipeline", description: "Every application across your jobs, in one table.", placeholder: "Candidate, job or client",
  noun: "applications", path: "/jobs/pipeline", columns: 6, order: { param: "sort", default: "moved" },
  sortLabels: { moved: "last stage change", created: "date put forward", candidate: "candidate" },
  empty: { icon: <Workflow />, hint: "Put a candidate forward from a job's page or a candidate's page." },
};

export default async function PipelinePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const scope = await requireScope("applications.read");
  const raw = await searchParams;
  const params = applicationListSchema.parse(raw);
  // The job filter lists the chosen client's jobs: a big firm has thousands of jobs, too many for one menu.
  const [clients, jobs, owners] = await Promise.all([
    listClientOptions(scope, { include: params.client }),
    params.client || params.job ? listJobOptions(scope, { clientId: params.client, jobId: params.client ? undefined : params.job, all: true }) : [],
    listOwnerOptions(scope, { include: params.recruiter }),
  ]);
  return (
    <RecordListPage
      screen={PIPELINE}
      tabs={<SectionTabs label="Jobs and pipeline" tabs={JOB_TABS} />}
      params={params}
      filters={[
        {
          name: "stage",
          label: "Stage",
          value: params.stage ?? "",
          options: [
            { value: "", label: "Any stage" },
            { value: "open", label: "Open (sourced to offer)" },
            { value: "closed", label: "Closed (rejected, withdrawn)" },
            ...STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] })),
          ],
        },
        clientFilter(clients, params.client),
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
        memberFilter(RECRUITER, params.recruiter, owners, scope.userId),
      ]}
    >
      <PipelineResults scope={scope} params={params} raw={raw} />
    </RecordListPage>
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
  return (
    <ListResults
      screen={PIPELINE}
      page={page}
      filtered={filtered}
    >
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
        {...sortedBy(PIPELINE, params.sort, dir)}
        sortHref={(key, d) => listHref("/jobs/pipeline", raw, { sort: key, dir: d })}
      />
    </ListResults>
  );
}
