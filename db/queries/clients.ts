import { and, asc, eq, isNotNull, isNull, ne, sql, type SQL } from "drizzle-orm";
import type { Cursor } from "@/lib/core/validation/records";
export type { Cursor };
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { clients, contacts, jobs } from "../schema";
import { recordAudit } from "./audit";
import { withTx, type QueryScope } from "./scope";

// ---------------------------------------------------------------------------
// Shared by the record queries (clients, contacts, jobs, candidates,
// applications, interviews): keyset pages, results, change sets.
// ---------------------------------------------------------------------------

/** What a save returns: the saved record, or why nothing was saved. */
export type SaveResult<T, C = unknown> =
  | { ok: true; value: T }
  | { ok: false; reason: "not_found" }
  /** Someone saved first: the record as it is now, so the editor can compare. */
  | { ok: false; reason: "conflict"; current: C }
  | { ok: false; reason: "invalid"; fieldErrors: Record<string, string[]> }
  /** Another record already holds a value that must be unique in the firm. */
  | { ok: false; reason: "duplicate"; field: string; existing: { id: string; label: string } };


export const NOT_FOUND = { ok: false, reason: "not_found" } as const;

export interface Page<T> {
  rows: T[];
  /** Rows matching the filters, across all pages. */
  total: number;
  next: Cursor | null;
  prev: Cursor | null;
}

export interface SortSpec {
  /** A non-null expression; rows are ordered by (key, id). */
  key: SQL | AnyPgColumn;
  cast: "text" | "timestamptz";
  dir: "asc" | "desc";
}

/** The sort key as text, selected beside each row so the next page starts exactly after it. */
export function cursorKey(sort: SortSpec): SQL<string> {
  return sql<string>`(${sort.key})::text`;
}

const TIMESTAMPTZ = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2}(:?\d{2})?)?)$/;

/** Whether `v` is a sort key of this cast as the database writes it as text. */
function isSortKey(cast: SortSpec["cast"], v: string): boolean {
  if (v.includes("\u0000")) return false;
  if (cast === "text") return true;
  const m = TIMESTAMPTZ.exec(v);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59;
}

/**
 * The cursor of a list URL when its sort key can be compared with this sort's
 * key; one that is malformed (edited by hand, or from another sort) starts
 * from the first page instead of failing the query.
 */
export function usableCursor(sort: SortSpec, cursor: Cursor | null | undefined): Cursor | null {
  if (!cursor) return null;
  return isSortKey(sort.cast, cursor.v) ? cursor : null;
}

/**
 * Keyset pagination: the rows after (or before) the cursor's (key, id), never
 * OFFSET, so a page costs the same however deep it is and rows added meanwhile
 * do not shift what the reader sees.
 */
export function keysetWhere(sort: SortSpec, idColumn: AnyPgColumn, cursor: Cursor | null): SQL | undefined {
  if (!cursor) return undefined;
  const forward = (sort.dir === "asc") === (cursor.d === "n");
  const op = sql.raw(forward ? ">" : "<");
  return sql`((${sort.key}), ${idColumn}) ${op} (${cursor.v}::${sql.raw(sort.cast)}, ${cursor.id}::uuid)`;
}

export function keysetOrder(sort: SortSpec, idColumn: AnyPgColumn, cursor: Cursor | null): SQL[] {
  const backwards = cursor?.d === "p";
  const dir = (sort.dir === "asc") !== backwards ? sql.raw("asc") : sql.raw("desc");
  return [sql`(${sort.key}) ${dir}`, sql`${idColumn} ${dir}`];
}

/** Rows fetched with limit + 1, in query order → the page in display order and its neighbours. */
export function keysetPage<T extends { id: string; cursorKey: string }>(
  fetched: T[],
  limit: number,
  cursor: Cursor | null,
  total: number,
): Page<Omit<T, "cursorKey">> {
  const more = fetched.length > limit;
  const rows = fetched.slice(0, limit);
  if (cursor?.d === "p") rows.reverse();
  const firstRow = rows[0];
  const lastRow = rows[rows.length - 1];
  const at = (r: T | undefined, d: "n" | "p"): Cursor | null => (r ? { v: r.cursorKey, id: r.id, d } : null);
  const next = cursor?.d === "p" ? at(lastRow, "n") : more ? at(lastRow, "n") : null;
  const prev = cursor?.d === "p" ? (more ? at(firstRow, "p") : null) : cursor ? at(firstRow, "p") : null;
  return { rows: rows.map(({ cursorKey: _k, ...r }) => r), total, next, prev };
}

/** `%term%` for ILIKE, with the user's own % and _ taken literally. */
export function likeTerm(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * What the audit log says about an update: `fields`, the names of the fields
 * whose values differ, and { field: [before, after] } only for the fields in
 * `withValues` — ids, enum values, numbers, dates. Names, contact details and
 * free text are never copied into the log (an erasure could not reach them).
 */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
  withValues: readonly (keyof T & string)[] = [],
): Record<string, unknown> {
  const fields: string[] = [];
  const values: Record<string, [unknown, unknown]> = {};
  for (const [k, v] of Object.entries(after)) {
    const b = before[k];
    const same = b instanceof Date && v instanceof Date ? b.getTime() === v.getTime() : b === v;
    if (same || v === undefined) continue;
    fields.push(k);
    if ((withValues as readonly string[]).includes(k)) values[k] = [b, v];
  }
  return { fields, ...values };
}

/** Staff records: a candidate's scope reaches none of them, whatever the caller forgot. */
export function isStaffScope(scope: QueryScope): boolean {
  return scope.role !== "candidate" && !scope.candidateId;
}

export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } } | null;
  return e?.code === "23505" || e?.cause?.code === "23505";
}

/**
 * A correlated subquery as a selected field. Drizzle writes the columns of a
 * single-table select unqualified ("id" rather than "clients"."id"), which
 * would bind the outer columns to the inner table; nesting the SQL keeps them
 * qualified.
 */
export function correlated<T>(subquery: SQL): SQL<T> {
  return sql<T>`${subquery}`;
}

export function archivedFilter(column: AnyPgColumn, status: "active" | "archived" | "all"): SQL | undefined {
  if (status === "active") return isNull(column);
  if (status === "archived") return isNotNull(column);
  return undefined;
}

// ---------------------------------------------------------------------------
// Clients
// ---------------------------------------------------------------------------

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

const openJobCount = correlated<number>(
  sql`(select count(*)::int from ${jobs} where ${jobs.firmId} = ${clients.firmId} and ${jobs.clientId} = ${clients.id} and ${jobs.archivedAt} is null and ${jobs.status} = 'open')`,
);
const contactCount = correlated<number>(
  sql`(select count(*)::int from ${contacts} where ${contacts.firmId} = ${clients.firmId} and ${contacts.clientId} = ${clients.id} and ${contacts.archivedAt} is null)`,
);

export interface ClientFilter {
  q?: string;
  status?: "active" | "archived" | "all";
  sort?: "name" | "created" | "updated";
  dir?: "asc" | "desc";
  cursor?: Cursor | null;
  limit?: number;
}

function clientSort(f: ClientFilter): SortSpec {
  switch (f.sort ?? "name") {
    case "created":
      return { key: clients.createdAt, cast: "timestamptz", dir: f.dir ?? "desc" };
    case "updated":
      return { key: clients.updatedAt, cast: "timestamptz", dir: f.dir ?? "desc" };
    default:
      return { key: sql`lower(${clients.name})`, cast: "text", dir: f.dir ?? "asc" };
  }
}

/** The firm's clients: searched, filtered, sorted, one keyset page at a time. */
export async function findClients(scope: QueryScope, filter: ClientFilter = {}) {
  if (!isStaffScope(scope)) return { rows: [], total: 0, next: null, prev: null };
  const limit = Math.min(filter.limit ?? 25, 100);
  const sort = clientSort(filter);
  const where: (SQL | undefined)[] = [eq(clients.firmId, scope.firmId), archivedFilter(clients.archivedAt, filter.status ?? "active")];
  if (filter.q) {
    const term = likeTerm(filter.q);
    where.push(sql`(${clients.name} ilike ${term} or ${clients.industry} ilike ${term} or ${clients.website} ilike ${term})`);
  }
  const cursor = usableCursor(sort, filter.cursor);
  const [fetched, [counted]] = await Promise.all([
    scope.db
      .select({ ...clientColumns, openJobs: openJobCount, contacts: contactCount, cursorKey: cursorKey(sort) })
      .from(clients)
      .where(and(...where, keysetWhere(sort, clients.id, cursor)))
      .orderBy(...keysetOrder(sort, clients.id, cursor))
      .limit(limit + 1),
    scope.db.select({ n: sql<number>`count(*)::int` }).from(clients).where(and(...where)),
  ]);
  return keysetPage(fetched, limit, cursor, counted?.n ?? 0);
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

/** Clients for a select: the active ones, plus `include` (the current value of a form) even if archived. */
export async function listClientOptions(scope: QueryScope, opts: { include?: string | null } = {}) {
  if (!isStaffScope(scope)) return [];
  const visible = opts.include ? sql`(${clients.archivedAt} is null or ${clients.id} = ${opts.include})` : isNull(clients.archivedAt);
  return scope.db
    .select({ id: clients.id, name: clients.name, archivedAt: clients.archivedAt })
    .from(clients)
    .where(and(eq(clients.firmId, scope.firmId), visible))
    .orderBy(asc(sql`lower(${clients.name})`), asc(clients.id))
    .limit(2000);
}

async function clientNameTaken(scope: QueryScope, name: string, exceptId?: string) {
  const [row] = await scope.db
    .select({ id: clients.id, name: clients.name })
    .from(clients)
    .where(
      and(
        eq(clients.firmId, scope.firmId),
        sql`lower(${clients.name}) = lower(${name})`,
        exceptId ? ne(clients.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return row ?? null;
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

async function lockClient(scope: QueryScope, id: string) {
  const [row] = await scope.db
    .select(clientColumns)
    .from(clients)
    .where(and(eq(clients.firmId, scope.firmId), eq(clients.id, id)))
    .for("update")
    .limit(1);
  return row ?? null;
}

export async function updateClient(
  scope: QueryScope,
  input: ClientFields & { id: string; version: number },
): Promise<SaveResult<ClientRecord, ClientRecord>> {
  if (!isStaffScope(scope)) return NOT_FOUND;
  const taken = await clientNameTaken(scope, input.name, input.id);
  if (taken) return { ok: false, reason: "duplicate", field: "name", existing: { id: taken.id, label: taken.name } };
  try {
    return await scope.db.transaction(async (tx): Promise<SaveResult<ClientRecord, ClientRecord>> => {
      const txScope = withTx(scope, tx);
      const before = await lockClient(txScope, input.id);
      if (!before) return NOT_FOUND;
      if (before.version !== input.version) return { ok: false, reason: "conflict", current: before };
      const change = { name: input.name, industry: input.industry, website: input.website, notes: input.notes };
      const [row] = await tx
        .update(clients)
        .set({ ...change, version: sql`${clients.version} + 1` })
        .where(and(eq(clients.firmId, scope.firmId), eq(clients.id, input.id), eq(clients.version, input.version)))
        .returning(clientColumns);
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

async function setClientArchived(
  scope: QueryScope,
  ref: { id: string; version: number },
  archived: boolean,
): Promise<SaveResult<ClientRecord, ClientRecord>> {
  if (!isStaffScope(scope)) return NOT_FOUND;
  return scope.db.transaction(async (tx) => {
    const txScope = withTx(scope, tx);
    const before = await lockClient(txScope, ref.id);
    if (!before) return NOT_FOUND;
    if (before.version !== ref.version) return { ok: false, reason: "conflict", current: before };
    const [row] = await tx
      .update(clients)
      .set({ archivedAt: archived ? new Date() : null, version: sql`${clients.version} + 1` })
      .where(and(eq(clients.firmId, scope.firmId), eq(clients.id, ref.id)))
      .returning(clientColumns);
    await recordAudit(txScope, { action: archived ? "client.archive" : "client.restore", entityType: "client", entityId: ref.id });
    return { ok: true, value: row! };
  });
}

export function archiveClient(scope: QueryScope, ref: { id: string; version: number }) {
  return setClientArchived(scope, ref, true);
}

export function restoreClient(scope: QueryScope, ref: { id: string; version: number }) {
  return setClientArchived(scope, ref, false);
}
