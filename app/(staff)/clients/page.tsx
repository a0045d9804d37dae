import { Building2, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { findClients } from "@/db/queries/clients";
import { getFirmTimeZone } from "@/db/queries/interviews";
import { Button } from "@/app/_components/ui/button";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { PageHeader } from "@/app/_components/ui/page-header";
import { can } from "@/lib/core/permissions";
import { requireScope, type Scope } from "@/lib/auth/scope";
import { clientListSchema, PAGE_SIZE, type ClientListParams, type SearchParams } from "@/lib/core/validation/records";
import { formatCompactDate } from "../_components/format";
import { ListToolbar, Pagination } from "../_components/list-controls";
import { cursorsOf, listKey } from "../_components/params";
import { SectionTabs } from "../_components/section-tabs";
import { CLIENT_TABS } from "../_components/tabs";
import { TableSkeleton } from "../_components/table-skeleton";
import { ClientsTable } from "./clients-table";

export const metadata: Metadata = { title: "Clients" };

const SORT_LABELS = { name: "name", created: "date added", updated: "last change" } as const;

export default async function ClientsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const scope = await requireScope("clients.read");
  const params = clientListSchema.parse(await searchParams);
  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title="Clients"
        description="The employers your firm places candidates with."
        actions={
          can(scope.role, "clients.write") ? (
            <Button asChild>
              <Link href="/clients/new">
                <Plus aria-hidden="true" />
                New client
              </Link>
            </Button>
          ) : null
        }
        className="mb-2"
      />
      <SectionTabs label="Clients and contacts" tabs={CLIENT_TABS} />
      <ListToolbar
        searchLabel="Search clients"
        placeholder="Name, industry or website"
        q={params.q}
        keep={{ sort: params.sort === "name" ? undefined : params.sort, dir: params.dir }}
        filters={[
          {
            name: "status",
            label: "Show",
            value: params.status,
            defaultValue: "active",
            options: [
              { value: "active", label: "Active clients" },
              { value: "archived", label: "Archived clients" },
              { value: "all", label: "All clients" },
            ],
          },
        ]}
      />
      <Suspense key={listKey(params)} fallback={<TableSkeleton columns={5} label="Loading clients…" />}>
        <ClientResults scope={scope} params={params} />
      </Suspense>
    </div>
  );
}

async function ClientResults({ scope, params }: { scope: Scope; params: ClientListParams }) {
  const [page, zone] = await Promise.all([
    findClients(scope, { ...params, limit: PAGE_SIZE }),
    getFirmTimeZone(scope),
  ]);
  const dir = params.dir ?? (params.sort === "name" ? "asc" : "desc");
  const filtered = params.q !== "" || params.status !== "active";
  const rows = page.rows.map((c) => ({
    id: c.id,
    name: c.name,
    industry: c.industry,
    website: c.website,
    openJobs: c.openJobs,
    contacts: c.contacts,
    added: formatCompactDate(c.createdAt, zone),
    updated: formatCompactDate(c.updatedAt, zone),
    archived: !!c.archivedAt,
  }));
  const { next, prev } = cursorsOf(page);
  return (
    <div className="flex flex-col gap-3">
      <ClientsTable
        rows={rows}
        sort={{ key: params.sort, dir }}
        caption={`Clients, sorted by ${SORT_LABELS[params.sort]} (${dir === "asc" ? "ascending" : "descending"})`}
        empty={
          filtered ? (
            <EmptyState
              icon={<Building2 />}
              title="No clients match"
              description="Try another search, or show archived clients too."
              action={
                <Button asChild variant="outline">
                  <Link href="/clients">Clear the search</Link>
                </Button>
              }
            />
          ) : (
            <EmptyState
              icon={<Building2 />}
              title="No clients yet"
              description="Add the employers you place candidates with; their people and jobs hang off them."
              action={
                can(scope.role, "clients.write") ? (
                  <Button asChild>
                    <Link href="/clients/new">New client</Link>
                  </Button>
                ) : null
              }
            />
          )
        }
      />
      {rows.length > 0 ? <Pagination next={next} prev={prev} shown={rows.length} total={page.total} noun="clients" /> : null}
    </div>
  );
}
