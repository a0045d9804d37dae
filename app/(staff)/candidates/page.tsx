import { Plus, Users } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { findCandidates } from "@/db/queries/candidates";
import { getFirmTimeZone } from "@/db/queries/interviews";
import { listOwnerOptions } from "@/db/queries/jobs";
import { Button } from "@/app/_components/ui/button";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { PageHeader } from "@/app/_components/ui/page-header";
import { can } from "@/lib/core/permissions";
import { requireScope, type Scope } from "@/lib/auth/scope";
import {
  candidateListSchema,
  PAGE_SIZE,
  resolveMe,
  type CandidateListParams,
  type SearchParams,
} from "@/lib/core/validation/records";
import { formatCompactDate, formatCompactDateTime } from "../_components/format";
import { ListToolbar, Pagination } from "../_components/list-controls";
import { cursorsOf, listKey } from "../_components/params";
import { TableSkeleton } from "../_components/table-skeleton";
import { CandidatesTable } from "./candidates-table";
import { STAGE_LABELS, STAGES as STAGE_VALUES } from "@/lib/core/vocabulary";

export const metadata: Metadata = { title: "Candidates" };

const SORT_LABELS = { name: "name", created: "date added", updated: "last change" } as const;

export default async function CandidatesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const scope = await requireScope("candidates.read");
  const params = candidateListSchema.parse(await searchParams);
  const owners = await listOwnerOptions(scope);
  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title="Candidates"
        description="The people your firm represents."
        actions={
          can(scope.role, "candidates.write") ? (
            <Button asChild>
              <Link href="/candidates/new">
                <Plus aria-hidden="true" />
                New candidate
              </Link>
            </Button>
          ) : null
        }
        className="mb-2"
      />
      <ListToolbar
        searchLabel="Search candidates"
        placeholder="Name, email, phone, headline or place"
        q={params.q}
        keep={{ sort: params.sort === "name" ? undefined : params.sort, dir: params.dir }}
        filters={[
          {
            name: "stage",
            label: "With an application in",
            value: params.stage ?? "",
            options: [{ value: "", label: "Any stage" }, ...STAGE_VALUES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))],
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
              { value: "active", label: "Active candidates" },
              { value: "archived", label: "Archived candidates" },
              { value: "all", label: "All candidates" },
            ],
          },
        ]}
      />
      <Suspense key={listKey(params)} fallback={<TableSkeleton columns={6} label="Loading candidates…" />}>
        <CandidateResults scope={scope} params={params} />
      </Suspense>
    </div>
  );
}

async function CandidateResults({ scope, params }: { scope: Scope; params: CandidateListParams }) {
  const [page, zone] = await Promise.all([
    findCandidates(scope, { ...params, ownerUserId: resolveMe(params.owner, scope.userId), limit: PAGE_SIZE }),
    getFirmTimeZone(scope),
  ]);
  const dir = params.dir ?? (params.sort === "name" ? "asc" : "desc");
  const filtered = params.q !== "" || params.status !== "active" || !!params.owner || !!params.stage;
  const { next, prev } = cursorsOf(page);
  return (
    <div className="flex flex-col gap-3">
      <CandidatesTable
        rows={page.rows.map((c) => ({
          id: c.id,
          name: c.name,
          headline: c.headline,
          email: c.email,
          location: c.location,
          ownerName: c.ownerName ?? "",
          furthestStage: c.furthestStage,
          openApplications: c.openApplications,
          nextInterview: c.nextInterviewAt ? formatCompactDateTime(c.nextInterviewAt, zone) : "",
          added: formatCompactDate(c.createdAt, zone),
          archived: !!c.archivedAt,
          erased: !!c.anonymizedAt,
        }))}
        sort={{ key: params.sort, dir }}
        caption={`Candidates, sorted by ${SORT_LABELS[params.sort]} (${dir === "asc" ? "ascending" : "descending"})`}
        empty={
          <EmptyState
            icon={<Users />}
            title={filtered ? "No candidates match" : "No candidates yet"}
            description={filtered ? "Try another search or filter." : "Add the people you represent, then put them forward for jobs."}
            action={
              filtered ? (
                <Button asChild variant="outline">
                  <Link href="/candidates">Clear the filters</Link>
                </Button>
              ) : can(scope.role, "candidates.write") ? (
                <Button asChild>
                  <Link href="/candidates/new">New candidate</Link>
                </Button>
              ) : null
            }
          />
        }
      />
      {page.rows.length > 0 ? <Pagination next={next} prev={prev} shown={page.rows.length} total={page.total} noun="candidates" /> : null}
    </div>
  );
}
