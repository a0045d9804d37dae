import { UsersRound } from "lucide-react";
import type { Metadata } from "next";
import { listClientOptions } from "@/db/queries/clients";
import { findContacts } from "@/db/queries/contacts";
import { can } from "@/lib/core/permissions";
import { requireScope, type Scope } from "@/lib/auth/scope";
import { contactListSchema, PAGE_SIZE, type ContactListParams, type SearchParams } from "@/lib/core/validation/records";
import { archivedFilter, clientFilter, sortCaption } from "../_components/records/list-filters";
import { ListEmpty, ListResults, NewRecordButton, RecordListPage } from "../_components/records/list-page";
import { SectionTabs } from "../_components/section-tabs";
import { CLIENT_TABS } from "../_components/tabs";
import { ContactsTable } from "./contacts-table";

export const metadata: Metadata = { title: "Contacts" };

const SORT_LABELS = { name: "name", client: "client", created: "date added" } as const;

export default async function ContactsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const scope = await requireScope("contacts.read");
  const params = contactListSchema.parse(await searchParams);
  const clients = await listClientOptions(scope, { include: params.client });
  return (
    <RecordListPage
      title="Contacts"
      description="Hiring managers and interviewers at your clients."
      action={
        can(scope.role, "contacts.write") ? (
          <NewRecordButton href={params.client ? `/contacts/new?client=${params.client}` : "/contacts/new"} label="New contact" />
        ) : null
      }
      tabs={<SectionTabs label="Clients and contacts" tabs={CLIENT_TABS} />}
      toolbar={{
        searchLabel: "Search contacts",
        placeholder: "Name, title, email, phone or client",
        q: params.q,
        keep: { sort: params.sort === "name" ? undefined : params.sort, dir: params.dir },
        filters: [clientFilter(clients, params.client), archivedFilter(params.status, "contacts")],
      }}
      params={params}
      loading={{ columns: 5, label: "Loading contacts…" }}
    >
      <ContactResults scope={scope} params={params} />
    </RecordListPage>
  );
}

async function ContactResults({ scope, params }: { scope: Scope; params: ContactListParams }) {
  const page = await findContacts(scope, { ...params, clientId: params.client, limit: PAGE_SIZE });
  const dir = params.dir ?? (params.sort === "created" ? "desc" : "asc");
  const filtered = params.q !== "" || params.status !== "active" || !!params.client;
  return (
    <ListResults page={page} noun="contacts">
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
        caption={sortCaption("Contacts", SORT_LABELS[params.sort], dir)}
        empty={
          <ListEmpty
            icon={<UsersRound />}
            noun="contacts"
            filtered={filtered}
            clearHref="/contacts"
            clearLabel="Clear the search"
            filteredHint="Try another search or client."
            hint="Add the people you deal with at each client: they become the interviewers you pick when scheduling."
          />
        }
      />
    </ListResults>
  );
}
