import { Briefcase } from "lucide-react";
import type { Metadata } from "next";
import { listClientOptions } from "@/db/queries/clients";
import { getFirmTimeZone } from "@/db/queries/interviews";
import { findJobs, listOwnerOptions } from "@/db/queries/jobs";
import { can } from "@/lib/core/permissions";
import { requireScope, type Scope } from "@/lib/auth/scope";
import { jobListSchema, PAGE_SIZE, resolveMe } from "@/lib/core/validation/records";
import { JOB_STATUS_LABELS, JOB_STATUSES as JOB_STATUS_VALUES } from "@/lib/core/vocabulary";
import type { JobListParams, SearchParams } from "@/lib/core/validation/records";
import { anyOf, archivedFilter, clientFilter, memberFilter, OWNER } from "../_components/records/list-filters";
import { ListResults, NewRecordButton, RecordListPage, sortedBy, type ListScreen } from "../_components/records/list-page";
import { SectionTabs } from "../_components/section-tabs";
import { JOB_TABS } from "../_components/tabs";
import { JobsTable } from "./jobs-table";
import { jobRow } from "./rows";

export const metadata: Metadata = { title: "Jobs" };

const JOBS: ListScreen = {
  title: "Jobs", description: "Job orders at your clients, with their pipelines.", placeholder: "Title, location or client",
  noun: "jobs", path: "/jobs", columns: 6, order: { param: "sort", default: "created" },
  sortLabels: { title: "title", client: "client", created: "date opened", updated: "last change" },
  empty: { icon: <Briefcase />, hint: "Open a job order at a client, then put candidates forward for it." },
};

export default async function JobsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const scope = await requireScope("jobs.read");
  const params = jobListSchema.parse(await searchParams);
  const [clients, owners] = await Promise.all([listClientOptions(scope, { include: params.client }), listOwnerOptions(scope, { include: params.owner })]);
  return (
    <RecordListPage
      screen={JOBS}
      action={
        can(scope.role, "jobs.write") ? <NewRecordButton href={params.client ? `/jobs/new?client=${params.client}` : "/jobs/new"} label="New job" /> : null
      }
      tabs={<SectionTabs label="Jobs and pipeline" tabs={JOB_TABS} />}
      params={params}
      filters={[
        { name: "jobStatus", label: "Job status", value: params.jobStatus ?? "", options: anyOf("Any status", JOB_STATUS_VALUES, JOB_STATUS_LABELS) },
        clientFilter(clients, params.client),
        memberFilter(OWNER, params.owner, owners, scope.userId),
        archivedFilter(params.status, "jobs"),
      ]}
    >
      <JobResults scope={scope} params={params} />
    </RecordListPage>
  );
}

async function JobResults({ scope, params }: { scope: Scope; params: JobListParams }) {
  const [page, zone] = await Promise.all([
    findJobs(scope, { ...params, clientId: params.client, ownerUserId: resolveMe(params.owner, scope.userId), limit: PAGE_SIZE }),
    getFirmTimeZone(scope),
  ]);
  const dir = params.dir ?? (params.sort === "title" || params.sort === "client" ? "asc" : "desc");
  const filtered = params.q !== "" || params.status !== "active" || !!params.client || !!params.owner || !!params.jobStatus;
  return (
    <ListResults
      screen={JOBS}
      page={page}
      filtered={filtered}
      create={can(scope.role, "jobs.write") ? { href: "/jobs/new", label: "New job" } : null}
    >
      <JobsTable
        rows={page.rows.map((r) => jobRow(r, zone))}
        {...sortedBy(JOBS, params.sort, dir)}
      />
    </ListResults>
  );
}
