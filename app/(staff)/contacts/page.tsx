import { UsersRound } from "lucide-react";
import type { Metadata } from "next";
import { listClientOptions } from "@/db/queries/clients";
import { findContacts } from "@/db/queries/contacts";
import { can } from "@/lib/core/permissions";
import { requireScope, type Scope } from "@/lib/auth/scope";
import { contactListSchema, PAGE_SIZE, type ContactListParams, type SearchParams } from "@/lib/core/validation/records";
import { archivedFilter, clientFilter } from "../_components/records/list-filters";
import { isRankedList, RankedNote, rankedBy, searchEmpty } from "../_components/records/ranked-search";
import { ListResults, NewRecordButton, RecordListPage, sortedBy, type ListScreen } from "../_components/records/list-page";
import { SectionTabs } from "../_components/section-tabs";
import { CLIENT_TABS } from "../_components/tabs";
import { ContactsTable } from "./contacts-table";
import { contactRow } from "./rows";

export const metadata: Metadata = { title: "Contacts" };

const CONTACTS: ListScreen = {
  title: "Contacts", description: "Hiring managers and interviewers at your clients.", placeholder: "Name, title, email, phone or client",
  noun: "contacts", path: "/contacts", columns: 5, order: { param: "sort", default: "name" },
  sortLabels: { name: "name", client: "client", created: "date added" },
  empty: {
    icon: <UsersRound />,
    hint: "Add the people you deal with at each client: they become the interviewers you pick when scheduling.",
    filteredHint: "Try another search or client.",
    clearLabel: "Clear the search",
  },
};

export default async function ContactsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const scope = await requireScope("contacts.read");
  const raw = await searchParams;
  const params = contactListSchema.parse(raw);
  const clients = await listClientOptions(scope, { include: params.client });
  return (
    <RecordListPage
      screen={CONTACTS}
      action={
        can(scope.role, "contacts.write") ? (
          <NewRecordButton href={params.client ? `/contacts/new?client=${params.client}` : "/contacts/new"} label="New contact" />
        ) : null
      }
      tabs={<SectionTabs label="Clients and contacts" tabs={CLIENT_TABS} />}
      params={params}
      filters={[clientFilter(clients, params.client), archivedFilter(params.status, "contacts")]}
    >
      <ContactResults scope={scope} params={params} ranked={isRankedList(raw, params.q)} />
    </RecordListPage>
  );
}

async function ContactResults({ scope, params, ranked }: { scope: Scope; params: ContactListParams; ranked: boolean }) {
  const page = await findContacts(scope, { ...params, sort: ranked ? undefined : params.sort, clientId: params.client, limit: PAGE_SIZE });
  const dir = params.dir ?? (params.sort === "created" ? "desc" : "asc");
  const filtered = params.q !== "" || params.status !== "active" || !!params.client;
  return (
    <ListResults
      screen={CONTACTS}
      page={page}
      filtered={filtered}
      empty={searchEmpty(CONTACTS, params.q)}
      before={ranked ? <RankedNote q={params.q} noun={CONTACTS.noun} page={page} /> : null}
    >
      <ContactsTable
        rows={page.rows.map(contactRow)}
        {...(ranked ? rankedBy(CONTACTS, params.q) : sortedBy(CONTACTS, params.sort, dir))}
      />
    </ListResults>
  );
}
