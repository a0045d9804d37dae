import { and, asc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { clients, contacts, interviewParticipants } from "../schema";
import { contactSearchText } from "../schema/people";
import { recordAudit } from "./audit";
import { type RecordSearch, recordSearch, searchablePage, searchClose, searchContains, searchRank } from "./search";
import { archivedFilter, correlated, type ListFilter, EMPTY_PAGE, type SortSpec, textSort, timeSort } from "./keyset";
import { isStaffScope, type QueryScope, withTx } from "./scope";
import {
  archiveRecord,
  changeAtVersion,
  changedFields,
  NOT_FOUND,
  type RecordKind,
  restoreRecord,
  type SaveResult,
  updateVersioned,
} from "./versioned";

export const contactColumns = {
  id: contacts.id,
  clientId: contacts.clientId,
  name: contacts.name,
  title: contacts.title,
  email: contacts.email,
  phone: contacts.phone,
  archivedAt: contacts.archivedAt,
  createdAt: contacts.createdAt,
  updatedAt: contacts.updatedAt,
  version: contacts.version,
};

export type ContactRecord = {
  id: string;
  clientId: string;
  name: string;
  title: string;
  email: string | null;
  phone: string;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
};

export const contactKind: RecordKind<ContactRecord> = { table: contacts, columns: contactColumns, entityType: "contact" };

export interface ContactFilter extends ListFilter<"name" | "client" | "created"> {
  clientId?: string;
}

function contactSort(f: ContactFilter): SortSpec {
  switch (f.sort ?? "name") {
    case "created":
      return timeSort(contacts.createdAt, f.dir);
    case "client":
      return textSort(sql`lower(${clients.name}) || ' / ' || lower(${contacts.name})`, f.dir);
    default:
      return textSort(sql`lower(${contacts.name})`, f.dir);
  }
}

const interviewCount = correlated<number>(
  sql`(select count(*)::int from ${interviewParticipants} where ${interviewParticipants.firmId} = ${contacts.firmId} and ${interviewParticipants.contactId} = ${contacts.id})`,
);

const matchedClient = alias(clients, "matched_client");

/**
 * A contact matches by its own search expression or by its client's name;
 * the client's side is a list of ids, so both sides can use an index.
 */
function contactSearch(firmId: string, q: string | undefined): RecordSearch | undefined {
  const own = recordSearch(contactSearchText(contacts), q);
  if (!own || !q) return undefined;
  const clientName = sql`lower(${matchedClient.name})`;
  const byClient = (match: SQL) =>
    sql`${contacts.clientId} = any(array(select ${matchedClient.id} from ${clients} as ${matchedClient} where ${matchedClient.firmId} = ${firmId} and ${match}))`;
  const clientClose = searchClose(clientName, q);
  return {
    match: sql`(${own.match} or ${byClient(searchContains(clientName, q))})`,
    close: own.close && clientClose && sql`(${own.close} or ${byClient(clientClose)})`,
    rank: sql<number>`greatest(${own.rank}, ${searchRank(sql`lower(${clients.name})`, q)})`,
  };
}

/** People at the firm's clients: searched, filtered by client, one keyset page at a time. */
export async function findContacts(scope: QueryScope, filter: ContactFilter = {}) {
  if (!isStaffScope(scope)) return EMPTY_PAGE;
  const sort = contactSort(filter);
  const where: (SQL | undefined)[] = [eq(contacts.firmId, scope.firmId), archivedFilter(contacts.archivedAt, filter.status ?? "active")];
  if (filter.clientId) where.push(eq(contacts.clientId, filter.clientId));
  const search = contactSearch(scope.firmId, filter.q);
  const join = and(eq(clients.firmId, contacts.firmId), eq(clients.id, contacts.clientId));
  return searchablePage(
    { sort, id: contacts.id, filter, where, search },
    (cursorKey) =>
      scope.db
        .select({ ...contactColumns, clientName: clients.name, interviews: interviewCount, cursorKey })
        .from(contacts)
        .innerJoin(clients, join)
        .$dynamic(),
    (n) => scope.db.select({ n }).from(contacts).innerJoin(clients, join).$dynamic(),
  );
}

export async function getContact(scope: QueryScope, id: string) {
  if (!isStaffScope(scope)) return null;
  const [row] = await scope.db
    .select({ ...contactColumns, clientName: clients.name, clientArchivedAt: clients.archivedAt, interviews: interviewCount })
    .from(contacts)
    .innerJoin(clients, and(eq(clients.firmId, contacts.firmId), eq(clients.id, contacts.clientId)))
    .where(and(eq(contacts.firmId, scope.firmId), eq(contacts.id, id)))
    .limit(1);
  return row ?? null;
}

/** A client's people, for its page and for choosing interviewers. */
export async function listContactsForClient(scope: QueryScope, clientId: string, opts: { includeArchived?: boolean } = {}) {
  if (!isStaffScope(scope)) return [];
  return scope.db
    .select({ ...contactColumns, interviews: interviewCount })
    .from(contacts)
    .where(
      and(
        eq(contacts.firmId, scope.firmId),
        eq(contacts.clientId, clientId),
        opts.includeArchived ? undefined : isNull(contacts.archivedAt),
      ),
    )
    .orderBy(asc(sql`lower(${contacts.name})`), asc(contacts.id))
    .limit(500);
}

export interface ContactFields {
  clientId: string;
  name: string;
  title: string;
  email: string;
  phone: string;
}

async function clientForContact(scope: QueryScope, clientId: string) {
  const [row] = await scope.db
    .select({ id: clients.id, name: clients.name, archivedAt: clients.archivedAt })
    .from(clients)
    .where(and(eq(clients.firmId, scope.firmId), eq(clients.id, clientId)))
    .limit(1);
  return row ?? null;
}

const UNKNOWN_CLIENT = { clientId: ["That client does not exist or you do not have access to it."] };

export async function createContact(scope: QueryScope, input: ContactFields): Promise<SaveResult<ContactRecord>> {
  if (!isStaffScope(scope)) return NOT_FOUND;
  return scope.db.transaction(async (tx): Promise<SaveResult<ContactRecord>> => {
    const txScope = withTx(scope, tx);
    const client = await clientForContact(txScope, input.clientId);
    if (!client) return { ok: false, reason: "invalid", fieldErrors: UNKNOWN_CLIENT };
    if (client.archivedAt) {
      return { ok: false, reason: "invalid", fieldErrors: { clientId: [`${client.name} is archived. Restore the client first.`] } };
    }
    const [row] = await tx
      .insert(contacts)
      .values({
        firmId: scope.firmId,
        clientId: input.clientId,
        name: input.name,
        title: input.title,
        email: input.email === "" ? null : input.email,
        phone: input.phone,
      })
      .returning(contactColumns);
    await recordAudit(txScope, {
      action: "contact.create",
      entityType: "contact",
      entityId: row!.id,
      changes: { clientId: input.clientId },
    });
    return { ok: true, value: row! };
  });
}

export async function updateContact(
  scope: QueryScope,
  input: ContactFields & { id: string; version: number },
): Promise<SaveResult<ContactRecord, ContactRecord>> {
  if (!isStaffScope(scope)) return NOT_FOUND;
  return changeAtVersion(scope, contactKind, input, async (before, txScope): Promise<SaveResult<ContactRecord, ContactRecord>> => {
    if (input.clientId !== before.clientId) {
      const client = await clientForContact(txScope, input.clientId);
      if (!client) return { ok: false, reason: "invalid", fieldErrors: UNKNOWN_CLIENT };
      const [used] = await txScope.db
        .select({ n: sql<number>`count(*)::int` })
        .from(interviewParticipants)
        .where(and(eq(interviewParticipants.firmId, scope.firmId), eq(interviewParticipants.contactId, input.id)));
      if ((used?.n ?? 0) > 0) {
        return {
          ok: false,
          reason: "invalid",
          fieldErrors: {
            clientId: [
              "This person has interviewed candidates for their current client. If they moved to another client, add them there as a new contact.",
            ],
          },
        };
      }
    }
    const change = {
      clientId: input.clientId,
      name: input.name,
      title: input.title,
      email: input.email === "" ? null : input.email,
      phone: input.phone,
    };
    const row = await updateVersioned(txScope, contactKind, input.id, input.version, change);
    await recordAudit(txScope, { action: "contact.update", entityType: "contact", entityId: input.id, changes: changedFields(before, change, ["clientId"]) });
    return { ok: true, value: row! };
  });
}

export function archiveContact(scope: QueryScope, ref: { id: string; version: number }) {
  return archiveRecord(scope, contactKind, ref);
}

export function restoreContact(scope: QueryScope, ref: { id: string; version: number }) {
  return restoreRecord(scope, contactKind, ref);
}
