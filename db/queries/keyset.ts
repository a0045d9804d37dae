import { and, eq, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgSelect } from "drizzle-orm/pg-core";
import type { Cursor } from "@/lib/core/validation/cursor";

/**
 * The record lists (clients, contacts, jobs, candidates, applications,
 * interviews): keyset pages and the filters they share.
 */

export type { Cursor };

export interface Page<T> {
  rows: T[];
  /** Rows matching the filters, across all pages, counted up to `COUNT_CAP`. */
  total: number;
  /** More than `total` rows match: the count stopped at `COUNT_CAP` (the page says "1,000+"). */
  totalCapped: boolean;
  next: Cursor | null;
  prev: Cursor | null;
}

/** What every record list's URL may ask for; a list adds its own filters and sorts. */
export interface ListFilter<Sort extends string> {
  /** Free text, matched against the list's searchable columns. */
  q?: string;
  status?: "active" | "archived" | "all";
  sort?: Sort;
  dir?: "asc" | "desc";
  cursor?: Cursor | null;
  limit?: number;
}

/** What a list answers a scope that may not read it. */
export const EMPTY_PAGE = { rows: [], total: 0, totalCapped: false, next: null, prev: null } as const;

/**
 * A list counts its matching rows up to this many and says "1,000+" past it:
 * nobody pages through a thousand rows, and counting a big firm's every
 * interview or task cost more than the page (69,353 upcoming rounds, 856,000
 * tasks at the benchmark's tier M).
 */
export const COUNT_CAP = 1000;

/**
 * The rows `count` selects (from-and-joins selecting the given expression as
 * `n`) under `where`, counted up to `COUNT_CAP`: it reads at most
 * `COUNT_CAP + 1` rows, so its cost does not grow with the firm.
 */
export async function boundedCount<C extends PgSelect>(
  count: (n: SQL<number>) => C,
  where: SQL | undefined,
): Promise<{ total: number; totalCapped: boolean }> {
  const found = await (count(sql<number>`1`).where(where).limit(COUNT_CAP + 1) as unknown as PromiseLike<unknown[]>);
  return found.length > COUNT_CAP ? { total: COUNT_CAP, totalCapped: true } : { total: found.length, totalCapped: false };
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
  counted: { total: number; totalCapped: boolean },
): Page<Omit<T, "cursorKey">> {
  const more = fetched.length > limit;
  const rows = fetched.slice(0, limit);
  if (cursor?.d === "p") rows.reverse();
  const firstRow = rows[0];
  const lastRow = rows[rows.length - 1];
  const at = (r: T | undefined, d: "n" | "p"): Cursor | null => (r ? { v: r.cursorKey, id: r.id, d } : null);
  const next = cursor?.d === "p" ? at(lastRow, "n") : more ? at(lastRow, "n") : null;
  const prev = cursor?.d === "p" ? (more ? at(firstRow, "p") : null) : cursor ? at(firstRow, "p") : null;
  return { rows: rows.map(({ cursorKey: _k, ...r }) => r), ...counted, next, prev };
}

/**
 * One page of a list. `rows` builds the list's select (fields, with the
 * given `cursorKey` selected as `cursorKey`, and joins) as a dynamic query;
 * the page adds the list's filters (`where`), the keyset condition, the order
 * and the limit. `count` builds the same from-and-joins selecting the given
 * expression as `n`; the page adds the same filters and counts up to
 * `COUNT_CAP` (`boundedCount`). Both run at once. The page holds at most `limit` rows (25 unless asked, never over 100).
 */
export async function keysetQuery<Q extends PgSelect, C extends PgSelect>(
  list: { sort: SortSpec; id: AnyPgColumn; filter: { cursor?: Cursor | null; limit?: number }; where: (SQL | undefined)[] },
  rows: (cursorKey: SQL<string>) => Q,
  count: (n: SQL<number>) => C,
): Promise<Page<Omit<Q["_"]["result"][number], "cursorKey">>> {
  const { sort, id, filter, where } = list;
  const limit = Math.min(filter.limit ?? 25, 100);
  const cursor = usableCursor(sort, filter.cursor);
  const [fetched, counted] = await Promise.all([
    rows(cursorKey(sort))
      .where(and(...where, keysetWhere(sort, id, cursor)))
      .orderBy(...keysetOrder(sort, id, cursor))
      .limit(limit + 1) as PromiseLike<Q["_"]["result"]>,
    boundedCount(count, and(...where)),
  ]);
  return keysetPage(fetched as { id: string; cursorKey: string }[], limit, cursor, counted) as Page<
    Omit<Q["_"]["result"][number], "cursorKey">
  >;
}

/**
 * A typed search term as the database may take it: line breaks and tabs read
 * as spaces, other control characters dropped (no keyboard types them, no
 * record holds them, and PostgreSQL refuses NUL in any text), then trimmed.
 * A forged URL or a paste from binary data carries them; the search answers
 * as if they were absent.
 */
export function searchTerm(q: string | undefined): string {
  return (q ?? "")
    .replace(/[\t\n\v\f\r]/g, " ")
    .replace(/[\u0000-\u001F\u007F]/g, "")
    .trim();
}

/** `%term%` for ILIKE (the `searchTerm`), with the user's own % and _ taken literally. */
export function likeTerm(q: string): string {
  return `%${searchTerm(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
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

/** An order by text (a lowered name or title): A to Z unless asked otherwise. */
export function textSort(key: SQL, dir: "asc" | "desc" | undefined): SortSpec {
  return { key, cast: "text", dir: dir ?? "asc" };
}

/** An order by a moment: newest first unless asked otherwise. */
export function timeSort(column: AnyPgColumn, dir: "asc" | "desc" | undefined): SortSpec {
  return { key: column, cast: "timestamptz", dir: dir ?? "desc" };
}

/** A list ordered by name (the default), by when its records were added or by when they last changed. */
export function nameOrDateSort(
  table: { name: AnyPgColumn; createdAt: AnyPgColumn; updatedAt: AnyPgColumn },
  sort: "name" | "created" | "updated" | undefined,
  dir: "asc" | "desc" | undefined,
): SortSpec {
  if (sort === "created") return timeSort(table.createdAt, dir);
  if (sort === "updated") return timeSort(table.updatedAt, dir);
  return textSort(sql`lower(${table.name})`, dir);
}

/** Records of one person, or ("none") of nobody; no filter without a value. */
export function personFilter(column: AnyPgColumn, userId: string | undefined): SQL | undefined {
  if (userId === "none") return isNull(column);
  return userId ? eq(column, userId) : undefined;
}
