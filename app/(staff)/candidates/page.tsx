import { Users } from "lucide-react";
import type { Metadata } from "next";
import { findCandidates } from "@/db/queries/candidates";
import { getFirmTimeZone } from "@/db/queries/interviews";
import { listOwnerOptions } from "@/db/queries/jobs";
import { can } from "@/lib/core/permissions";
import { requireScope, type Scope } from "@/lib/auth/scope";
import { STAGE_LABELS, STAGES } from "@/lib/core/vocabulary";
import { candidateListSchema, PAGE_SIZE, resolveMe, type CandidateListParams, type SearchParams } from "@/lib/core/validation/records";
import { anyOf, archivedFilter, memberFilter, OWNER } from "../_components/records/list-filters";
import { ListResults, NewRecordButton, RecordListPage, sortedBy, type ListScreen } from "../_components/records/list-page";
import { CandidatesTable } from "./candidates-table";
import { candidateRow } from "./rows";

export const metadata: Metadata = { title: "Candidates" };

const CANDIDATES: ListScreen = {
  title: "Candidates", description: "The people your firm represents.", placeholder: "Name, email, phone, headline or place",
  noun: "candidates", path: "/candidates", columns: 6, order: { param: "sort", default: "name" },
  sortLabels: { name: "name", created: "date added", updated: "last change" },
  empty: { icon: <Users />, hint: "Add the people you represent, then put them forward for jobs." },
};

export default async function CandidatesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const scope = await requireScope("candidates.read");
  const params = candidateListSchema.parse(await searchParams);
  const owners = await listOwnerOptions(scope);
  return (
    <RecordListPage
      screen={CANDIDATES}
      action={can(scope.role, "candidates.write") ? <NewRecordButton href="/candidates/new" label="New candidate" /> : null}
      params={params}
      filters={[
        { name: "stage", label: "With an application in", value: params.stage ?? "", options: anyOf("Any stage", STAGES, STAGE_LABELS) },
        memberFilter(OWNER, params.owner, owners, scope.userId),
        archivedFilter(params.status, "candidates"),
      ]}
    >
      <CandidateResults scope={scope} params={params} />
    </RecordListPage>
  );
}

async function CandidateResults({ scope, params }: { scope: Scope; params: CandidateListParams }) {
  const [page, zone] = await Promise.all([
    findCandidates(scope, { ...params, ownerUserId: resolveMe(params.owner, scope.userId), limit: PAGE_SIZE }),
    getFirmTimeZone(scope),
  ]);
  const dir = params.dir ?? (params.sort === "name" ? "asc" : "desc");
  const filtered = params.q !== "" || params.status !== "active" || !!params.owner || !!params.stage;
  return (
    <ListResults
      screen={CANDIDATES}
      page={page}
      filtered={filtered}
      create={can(scope.role, "candidates.write") ? { href: "/candidates/new", label: "New candidate" } : null}
    >
      <CandidatesTable
        rows={page.rows.map((r) => candidateRow(r, zone))}
        {...sortedBy(CANDIDATES, params.sort, dir)}
      />
    </ListResults>
  );
}
