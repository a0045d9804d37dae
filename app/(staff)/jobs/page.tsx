import { Briefcase, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { listClientOptions } from "@/db/queries/clients";
import { getFirmTimeZone } from "@/db/queries/interviews";
import { findJobs, listOwnerOptions } from "@/db/queries/jobs";
import { Button } from "@/app/_components/ui/button";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { PageHeader } from "@/app/_components/ui/page-header";
import { can } from "@/lib/core/permissions";
import { requireScope, type Scope } from "@/lib/auth/scope";
import {
  jobListSchema,
  PAGE_SIZE,
  resolveMe,
  type JobListParams,
  type SearchParams,
} from "@/lib/core/validation/records";
import { formatCompactDate } from "../_components/format";
import { ListToolbar, Pagination } from "../_components/list-controls";
import { cursorsOf, listKey } from "../_components/params";
import { SectionTabs } from "../_components/section-tabs";
import { TableSkeleton } from "../_components/table-skeleton";
import { JOB_TABS } from "../_components/tabs";
import { JobsTable } from "./jobs-table";
import { JOB_STATUS_LABELS, JOB_STATUSES as JOB_STATUS_VALUES } from "@/lib/core/vocabulary";

export const metadata: Metadata = { title: "Jobs" };

const SORT_LABELS = { title: "title", client: "client", created: "date opened", updated: "last change" } as const;

export default async function JobsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const scope = await requireScope("jobs.read");
  const params = jobListSchema.parse(await searchParams);
  const [clients, owners] = await Promise.all([listClientOptions(scope, { include: params.client }), listOwnerOptions(scope)]);
  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title="Jobs"
        description="Job orders at your clients, with their pipelines."
        actions={
          can(scope.role, "jobs.write") ? (
            <Button asChild>
              <Link href={params.client ? `/jobs/new?client=${params.client}` : "/jobs/new"}>
                <Plus aria-hidden="true" />
                New job
              </Link>
            </Button>
          ) : null
        }
        className="mb-2"
      />
      <SectionTabs label="Jobs and pipeline" tabs={JOB_TABS} />
      <ListToolbar
        searchLabel="Search jobs"
        placeholder="Title, location or client"
        q={params.q}
        keep={{ sort: params.sort === "created" ? undefined : params.sort, dir: params.dir }}
        filters={[
          {
            name: "jobStatus",
            label: "Job status",
            value: params.jobStatus ?? "",
            options: [{ value: "", label: "Any status" }, ...JOB_STATUS_VALUES.map((s) => ({ value: s, label: JOB_STATUS_LABELS[s] }))],
          },
          {
            name: "client",
            label: "Client",
            value: params.client ?? "",
            options: [{ value: "", label: "All clients" }, ...clients.map((c) => ({ value: c.id, label: c.name }))],
          },
          {
            name: "owner",
            label: "Owner",
            value: params.owner ?? "",
            options: [
              { value: "", label: "Anyone's" },
              { value: "me", label: "Mine" },
              { value: "none", label: "No owner" },
              ...owners.filter((o) => o.id !== scope.userId).map((o) => ({ value: o.id, label: o.name })),
            ],
          },
          {
            name: "status",
            label: "Show",
            value: params.status,
            defaultValue: "active",
            options: [
              { value: "active", label: "Active jobs" },
              { value: "archived", label: "Archived jobs" },
              { value: "all", label: "All jobs" },
            ],
          },
        ]}
      />
      <Suspense key={listKey(params)} fallback={<TableSkeleton columns={6} label="Loading jobs…" />}>
        <JobResults scope={scope} params={params} />
      </Suspense>
    </div>
  );
}

async function JobResults({ scope, params }: { scope: Scope; params: JobListParams }) {
  const [page, zone] = await Promise.all([
    findJobs(scope, { ...params, clientId: params.client, ownerUserId: resolveMe(params.owner, scope.userId), limit: PAGE_SIZE }),
    getFirmTimeZone(scope),
  ]);
  const dir = params.dir ?? (params.sort === "title" || params.sort === "client" ? "asc" : "desc");
  const filtered = params.q !== "" || params.status !== "active" || !!params.client || !!params.owner || !!params.jobStatus;
  const { next, prev } = cursorsOf(page);
  return (
    <div className="flex flex-col gap-3">
      <JobsTable
        rows={page.rows.map((j) => ({
          id: j.id,
          title: j.title,
          location: j.location,
          status: j.status,
          clientId: j.clientId,
          clientName: j.clientName,
          ownerName: j.ownerName ?? "",
          inPipeline: j.inPipeline,
          interviewing: j.interviewing,
          placed: j.placed,
          opened: formatCompactDate(j.createdAt, zone),
          archived: !!j.archivedAt,
        }))}
        sort={{ key: params.sort, dir }}
        caption={`Jobs, sorted by ${SORT_LABELS[params.sort]} (${dir === "asc" ? "ascending" : "descending"})`}
        empty={
          <EmptyState
            icon={<Briefcase />}
            title={filtered ? "No jobs match" : "No jobs yet"}
            description={filtered ? "Try another search or filter." : "Open a job order at a client, then put candidates forward for it."}
            action={
              filtered ? (
                <Button asChild variant="outline">
                  <Link href="/jobs">Clear the filters</Link>
                </Button>
              ) : can(scope.role, "jobs.write") ? (
                <Button asChild>
                  <Link href="/jobs/new">New job</Link>
                </Button>
              ) : null
            }
          />
        }
      />
      {page.rows.length > 0 ? <Pagination next={next} prev={prev} shown={page.rows.length} total={page.total} noun="jobs" /> : null}
    </div>
  );
}
