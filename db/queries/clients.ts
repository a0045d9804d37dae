import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { clients, contacts, jobs } from "../schema";
import { clientSearchText } from "../schema/people";
import { recordAudit } from "./audit";
import { type Included, type Menu, MENU_LIMIT, menuOf } from "./menus";
import { recordSearch, searchablePage } from "./search";
import { archivedFilter, correlated, type ListFilter, EMPTY_PAGE, nameOrDateSort } from "./keyset";
import { isStaffScope, type QueryScope, withTx } from "./scope";
import {
  archiveRecord,
  changeAtVersion,
  changedFields,
  isUniqueViolation,
  NOT_FOUND,
  type RecordKind,
  restoreRecord,
  sameTextTaken,
  type SaveResult,
  updateVersioned,
} from "./versioned";

export const clientColumns = {
  id: clients.id,
  name: clients.name,
  industry: clients.industry,
  website: clients.website,
  notes: clients.notes,
  archivedAt: clients.archivedAt,
  createdAt: clients.createdAt,
  updatedAt: clients.updatedAt,
  version: clients.version,
};

export type ClientRecord = {
  id: string;
  name: string;
  industry: string;
  website: string;
  notes: string;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
};

export const clientKind: RecordKind<ClientRecord> = { table: clients, columns: clientColumns, entityType: "client" };

const openJobCount = correlated<number>(
  sql`(select count(*)::int from ${jobs} where ${jobs.firmId} = ${clients.firmId} and ${jobs.clientId} = ${clients.id} and ${jobs.archivedAt} is null and ${jobs.status} = 'open')`,
);
const contactCount = correlated<number>(
  sql`(select count(*)::int from ${contacts} where ${contacts.firmId} = ${clients.firmId} and ${contacts.clientId} = ${clients.id} and ${contacts.archivedAt} is null)`,
);

export type ClientFilter = ListFilter<"name" | "created" | "updated">;

/** The firm's clients: searched, filtered, sorted, one keyset page at a time. */
export async function findClients(scope: QueryScope, filter: ClientFilter = {}) {
  if (!isStaffScope(scope)) return EMPTY_PAGE;
  const sort = nameOrDateSort(clients, filter.sort, filter.dir);
  const where: (SQL | undefined)[] = [eq(clients.firmId, scope.firmId), archivedFilter(clients.archivedAt, filter.status ?? "active")];
  return searchablePage(
    { sort, id: clients.id, filter, where, search: recordSearch(clientSearchText(clients), filter.q) },
    (cursorKey) =>
      scope.db
        .select({ ...clientColumns, openJobs: openJobCount, contacts: contactCount, cursorKey })
        .from(clients)
        .$dynamic(),
    (n) => scope.db.select({ n }).from(clients).$dynamic(),
  );
}

export async function getClient(scope: QueryScope, id: string) {
  if (!isStaffScope(scope)) return null;
  const [row] = await scope.db
    .select({ ...clientColumns, openJobs: openJobCount, contacts: contactCount })
    .from(clients)
    .where(and(eq(clients.firmId, scope.firmId), eq(clients.id, id)))
    .limit(1);
  return row ?? null;
}

/**
 * The clients menu of a form or filter (db/queries/menus.ts): the first
 * MENU_LIMIT active clients by name, or with `q` the closest matches of the
 * client search; `archived` lists archived clients too (old records name
 * them); `include` is listed whatever its place or state (the chosen client).
 */
export async function listClientOptions(
  scope: QueryScope,
  opts: { include?: Included; q?: string; archived?: boolean } = {},
): Promise<Menu<ClientOption>> {
  if (!isStaffScope(scope)) return { items: [], more: false };
  const search = recordSearch(clientSearchText(clients), opts.q);
  const cols = { id: clients.id, name: clients.name, archivedAt: clients.archivedAt };
  const rows = await scope.db
    .select(cols)
    .from(clients)
    .where(and(eq(clients.firmId, scope.firmId), opts.archived ? undefined : isNull(clients.archivedAt), search?.match))
    .orderBy(...(search ? [desc(search.rank)] : []), asc(sql`lower(${clients.name})`), asc(clients.id))
    .limit(MENU_LIMIT + 1);
  return menuOf(rows, opts.include, (ids) =>
    scope.db.select(cols).from(clients).where(and(eq(clients.firmId, scope.firmId), inArray(clients.id, ids))).orderBy(asc(sql`lower(${clients.name})`)),
  );
}

export type ClientOption = { id: string; name: string; archivedAt: Date | null };

function clientNameTaken(scope: QueryScope, name: string, exceptId?: string) {
  return sameTextTaken(scope, clientKind, clients.name, name, exceptId);
}

export interface ClientFields {
  name: string;
  industry: string;
  website: string;
  notes: string;
}

export async function createClient(scope: QueryScope, input: ClientFields): Promise<SaveResult<ClientRecord>> {
  if (!isStaffScope(scope)) return NOT_FOUND;
  const taken = await clientNameTaken(scope, input.name);
  if (taken) return { ok: false, reason: "duplicate", field: "name", existing: { id: taken.id, label: taken.name } };
  try {
    return await scope.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(clients)
        .values({ firmId: scope.firmId, name: input.name, industry: input.industry, website: input.website, notes: input.notes })
        .returning(clientColumns);
      await recordAudit(withTx(scope, tx), {
        action: "client.create",
        entityType: "client",
        entityId: row!.id,
        changes: { name: input.name, industry: input.industry, website: input.website },
      });
      return { ok: true as const, value: row! };
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const again = await clientNameTaken(scope, input.name);
    if (!again) throw err;
    return { ok: false, reason: "duplicate", field: "name", existing: { id: again.id, label: again.name } };
  }
}

export async function updateClient(
  scope: QueryScope,
  input: ClientFields & { id: string; version: number },
): Promise<SaveResult<ClientRecord, ClientRecord>> {
  if (!isStaffScope(scope)) return NOT_FOUND;
  const taken = await clientNameTaken(scope, input.name, input.id);
  if (taken) return { ok: false, reason: "duplicate", field: "name", existing: { id: taken.id, label: taken.name } };
  try {
    return await changeAtVersion(scope, clientKind, input, async (before, txScope): Promise<SaveResult<ClientRecord, ClientRecord>> => {
      const change = { name: input.name, industry: input.industry, website: input.website, notes: input.notes };
      const row = await updateVersioned(txScope, clientKind, input.id, input.version, change);
      await recordAudit(txScope, {
        action: "client.update",
        entityType: "client",
        entityId: input.id,
        changes: changedFields(before, change, ["name", "industry", "website"]),
      });
      return { ok: true, value: row! };
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const again = await clientNameTaken(scope, input.name, input.id);
    if (!again) throw err;
    return { ok: false, reason: "duplicate", field: "name", existing: { id: again.id, label: again.name } };
  }
}

export function archiveClient(scope: QueryScope, ref: { id: string; version: number }) {
  return archiveRecord(scope, clientKind, ref);
}

export function restoreClient(scope: QueryScope, ref: { id: string; version: number }) {
  return restoreRecord(scope, clientKind, ref);
}
