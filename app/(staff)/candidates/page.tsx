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
import { isRankedList, RankedNote, rankedBy, searchEmpty } from "../_components/records/ranked-search";
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
  const raw = await searchParams;
  const params = candidateListSchema.parse(raw);
  const owners = await listOwnerOptions(scope, { include: params.owner });
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
      <CandidateResults scope={scope} params={params} ranked={isRankedList(raw, params.q)} />
    </RecordListPage>
  );
}

async function CandidateResults({ scope, params, ranked }: { scope: Scope; params: CandidateListParams; ranked: boolean }) {
  const [page, zone] = await Promise.all([
    findCandidates(scope, { ...params, sort: ranked ? undefined : params.sort, ownerUserId: resolveMe(params.owner, scope.userId), limit: PAGE_SIZE }),
    getFirmTimeZone(scope),
  ]);
  const dir = params.dir ?? (params.sort === "name" ? "asc" : "desc");
  const filtered = params.q !== "" || params.status !== "active" || !!params.owner || !!params.stage;
  return (
    <ListResults
      screen={CANDIDATES}
      page={page}
      filtered={filtered}
      empty={searchEmpty(CANDIDATES, params.q)}
      before={ranked ? <RankedNote q={params.q} noun={CANDIDATES.noun} page={page} /> : null}
      create={can(scope.role, "candidates.write") ? { href: "/candidates/new", label: "New candidate" } : null}
    >
      <CandidatesTable
        rows={page.rows.map((r) => candidateRow(r, zone))}
        {...(ranked ? rankedBy(CANDIDATES, params.q) : sortedBy(CANDIDATES, params.sort, dir))}
      />
    </ListResults>
  );
}
