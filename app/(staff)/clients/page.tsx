import { Building2 } from "lucide-react";
import type { Metadata } from "next";
import { findClients } from "@/db/queries/clients";
import { getFirmTimeZone } from "@/db/queries/interviews";
import { can } from "@/lib/core/permissions";
import { requireScope, type Scope } from "@/lib/auth/scope";
import { clientListSchema, PAGE_SIZE, type ClientListParams, type SearchParams } from "@/lib/core/validation/records";
import { archivedFilter } from "../_components/records/list-filters";
import { isRankedList, RankedNote, rankedBy, searchEmpty } from "../_components/records/ranked-search";
import { ListResults, NewRecordButton, RecordListPage, sortedBy, type ListScreen } from "../_components/records/list-page";
import { SectionTabs } from "../_components/section-tabs";
import { CLIENT_TABS } from "../_components/tabs";
import { ClientsTable } from "./clients-table";
import { clientRow } from "./rows";

export const metadata: Metadata = { title: "Clients" };

const CLEAR_SEARCH = { filteredHint: "Try another search, or show archived clients too.", clearLabel: "Clear the search" };

const CLIENTS: ListScreen = {
  title: "Clients", description: "The employers your firm places candidates with.", placeholder: "Name, industry or website",
  noun: "clients", path: "/clients", columns: 5, order: { param: "sort", default: "name" },
  sortLabels: { name: "name", created: "date added", updated: "last change" },
  empty: { icon: <Building2 />, hint: "Add the employers you place candidates with; their people and jobs hang off them.", ...CLEAR_SEARCH },
};

export default async function ClientsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const scope = await requireScope("clients.read");
  const raw = await searchParams;
  const params = clientListSchema.parse(raw);
  return (
    <RecordListPage
      screen={CLIENTS}
      action={can(scope.role, "clients.write") ? <NewRecordButton href="/clients/new" label="New client" /> : null}
      tabs={<SectionTabs label="Clients and contacts" tabs={CLIENT_TABS} />}
      params={params}
      filters={[archivedFilter(params.status, "clients")]}
    >
      <ClientResults scope={scope} params={params} ranked={isRankedList(raw, params.q)} />
    </RecordListPage>
  );
}

async function ClientResults({ scope, params, ranked }: { scope: Scope; params: ClientListParams; ranked: boolean }) {
  const [page, zone] = await Promise.all([findClients(scope, { ...params, sort: ranked ? undefined : params.sort, limit: PAGE_SIZE }), getFirmTimeZone(scope)]);
  const dir = params.dir ?? (params.sort === "name" ? "asc" : "desc");
  const filtered = params.q !== "" || params.status !== "active";
  return (
    <ListResults
      screen={CLIENTS}
      page={page}
      filtered={filtered}
      empty={searchEmpty(CLIENTS, params.q)}
      before={ranked ? <RankedNote q={params.q} noun={CLIENTS.noun} page={page} /> : null}
      create={can(scope.role, "clients.write") ? { href: "/clients/new", label: "New client" } : null}
    >
      <ClientsTable
        rows={page.rows.map((r) => clientRow(r, zone))}
        {...(ranked ? rankedBy(CLIENTS, params.q) : sortedBy(CLIENTS, params.sort, dir))}
      />
    </ListResults>
  );
}
