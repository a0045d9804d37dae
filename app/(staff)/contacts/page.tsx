import { Plus, UsersRound } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { listClientOptions } from "@/db/queries/clients";
import { findContacts } from "@/db/queries/contacts";
import { Button } from "@/app/_components/ui/button";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { PageHeader } from "@/app/_components/ui/page-header";
import { can } from "@/lib/core/permissions";
import { requireScope, type Scope } from "@/lib/auth/scope";
import { contactListSchema, PAGE_SIZE, type ContactListParams, type SearchParams } from "@/lib/core/validation/records";
import { ListToolbar, Pagination } from "../_components/list-controls";
import { cursorsOf, listKey } from "../_components/params";
import { SectionTabs } from "../_components/section-tabs";
import { TableSkeleton } from "../_components/table-skeleton";
import { CLIENT_TABS } from "../_components/tabs";
import { ContactsTable } from "./contacts-table";

export const metadata: Metadata = { title: "Contacts" };

const SORT_LABELS = { name: "name", client: "client", created: "date added" } as const;

export default async function ContactsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const scope = await requireScope("contacts.read");
  const params = contactListSchema.parse(await searchParams);
  const clients = await listClientOptions(scope, { include: params.client });
  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title="Contacts"
        description="Hiring managers and interviewers at your clients."
        actions={
          can(scope.role, "contacts.write") ? (
            <Button asChild>
              <Link href={params.client ? `/contacts/new?client=${params.client}` : "/contacts/new"}>
                <Plus aria-hidden="true" />
                New contact
              </Link>
            </Button>
          ) : null
        }
        className="mb-2"
      />
      <SectionTabs label="Clients and contacts" tabs={CLIENT_TABS} />
      <ListToolbar
        searchLabel="Search contacts"
        placeholder="Name, title, email, phone or client"
        q={params.q}
        keep={{ sort: params.sort === "name" ? undefined : params.sort, dir: params.dir }}
        filters={[
          {
            name: "client",
            label: "Client",
            value: params.client ?? "",
            options: [{ value: "", label: "All clients" }, ...clients.map((c) => ({ value: c.id, label: c.name }))],
          },
          {
            name: "status",
            label: "Show",
            value: params.status,
            defaultValue: "active",
            options: [
              { value: "active", label: "Active contacts" },
              { value: "archived", label: "Archived contacts" },
              { value: "all", label: "All contacts" },
            ],
          },
        ]}
      />
      <Suspense key={listKey(params)} fallback={<TableSkeleton columns={5} label="Loading contacts…" />}>
        <ContactResults scope={scope} params={params} />
      </Suspense>
    </div>
  );
}

async function ContactResults({ scope, params }: { scope: Scope; params: ContactListParams }) {
  const page = await findContacts(scope, { ...params, clientId: params.client, limit: PAGE_SIZE });
  const dir = params.dir ?? (params.sort === "created" ? "desc" : "asc");
  const filtered = params.q !== "" || params.status !== "active" || !!params.client;
  const { next, prev } = cursorsOf(page);
  return (
    <div className="flex flex-col gap-3">
      <ContactsTable
        rows={page.rows.map((c) => ({
          id: c.id,
          name: c.name,
          title: c.title,
          email: c.email ?? "",
          phone: c.phone,
          clientId: c.clientId,
          clientName: c.clientName,
          interviews: c.interviews,
          archived: !!c.archivedAt,
        }))}
        sort={{ key: params.sort, dir }}
        caption={`Contacts, sorted by ${SORT_LABELS[params.sort]} (${dir === "asc" ? "ascending" : "descending"})`}
        empty={
          <EmptyState
            icon={<UsersRound />}
            title={filtered ? "No contacts match" : "No contacts yet"}
            description={
              filtered
                ? "Try another search or client."
                : "Add the people you deal with at each client: they become the interviewers you pick when scheduling."
            }
            action={
              filtered ? (
                <Button asChild variant="outline">
                  <Link href="/contacts">Clear the search</Link>
                </Button>
              ) : null
            }
          />
        }
      />
      {page.rows.length > 0 ? <Pagination next={next} prev={prev} shown={page.rows.length} total={page.total} noun="contacts" /> : null}
    </div>
  );
}
