import { and, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgSelect } from "drizzle-orm/pg-core";
import { boundedCount, keysetOrder, keysetQuery, likeTerm, type Page, searchTerm } from "./keyset";

/**
 * The record search (candidates, contacts, clients). Each table has one
 * search expression (db/schema/people.ts: its searched columns, lower-cased
 * and joined) with a pg_trgm GIN index on it, on both engines. A record
 * matches when the expression contains the term as typed, in any case
 * (`like`, served by the index once the term has 3 characters; a shorter
 * term is a plain scan of the firm's rows, which the planner picks itself).
 *
 * Ranked results (a search without a chosen order) come closest first: by
 * pg_trgm's `word_similarity` of the term to the best-matching stretch of
 * the expression, then in the list's usual order, as one bounded page of the
 * closest `RANKED_LIMIT`. Sorting the list by a column instead pages through
 * every match with keyset cursors.
 *
 * When nothing contains a term made of letters (a name, a place, a title),
 * a ranked search falls back to close spellings: word similarity at pg_trgm's
 * default threshold (0.6, the `<%` operator, also served by the index), so
 * "Andersen" finds Anderson. Terms with digits or an @ (emails, phone
 * numbers) are never matched loosely: one digit off is another person.
 *
 * Under row-level security neither `like` nor `<%` may use the index (their
 * functions are not LEAKPROOF), so a table big enough to need it names its
 * search function (`SearchIds`), which finds the ids through the index.
 */

/** The most rows a ranked search answers: the closest matches. */
export const RANKED_LIMIT = 50;

/** A term worth spelling loosely: at least 4 characters, letters and separators only. */
const LOOSE_TERM = /^[\p{L}\p{M}' .-]{4,}$/u;

/** The term as the search expressions hold text: lower case, by the database's own rules. */
const lowered = (q: string): SQL => sql`lower(${searchTerm(q)})`;

/**
 * Whether a search expression contains the term, with the user's own %, _
 * and \ taken literally. `text` must be the table's exported search
 * expression, unchanged, for the planner to use its index.
 */
export function searchContains(text: SQL, q: string): SQL {
  return sql`${text} like lower(${likeTerm(q)})`;
}

/** Whether a stretch of the search expression is spelled close to the term; undefined for terms not spelled loosely. */
export function searchClose(text: SQL, q: string): SQL | undefined {
  return LOOSE_TERM.test(searchTerm(q)) ? sql`${lowered(q)} <% ${text}` : undefined;
}

/** How closely the term matches a search expression, from 0 to 1 (1: it appears as a whole word). */
export function searchRank(text: SQL, q: string): SQL<number> {
  return sql<number>`word_similarity(${lowered(q)}, ${text})`;
}

/** A list's search: what matches, what is spelled close (the fallback) and how close a row is. */
export interface RecordSearch {
  match: SQL;
  close: SQL | undefined;
  rank: SQL<number>;
}

/**
 * A table whose matches come from its search function (migration 0021): under row-level security
 * `like` and `<%` cannot use the trigram index, so the function finds the ids through it, for
 * the firm the transaction is set to, and the list reads those rows under the policy.
 */
export type SearchIds = { fn: "candidate_search_ids"; firmId: string; id: AnyPgColumn };

/** The search of a table by its search expression, or undefined without a term. */
export function recordSearch(text: SQL, typed: string | undefined, ids?: SearchIds): RecordSearch | undefined {
  const q = searchTerm(typed);
  if (!q) return undefined;
  const search = { match: searchContains(text, q), close: searchClose(text, q), rank: searchRank(text, q) };
  if (!ids) return search;
  const found = (term: SQL, close: boolean) => sql`${ids.id} in (select ${sql.raw(ids.fn)}(${ids.firmId}::uuid, ${term}, ${close}))`;
  return {
    ...search,
    match: found(sql`lower(${likeTerm(q)})`, false),
    close: search.close && found(sql`${q}`, true),
  };
}

/** A list filter asks for ranked results when it searches and names no order. */
export function isRankedSearch(filter: { q?: string; sort?: string }): boolean {
  return !!searchTerm(filter.q) && filter.sort === undefined;
}

type SearchableList = Parameters<typeof keysetQuery>[0] & {
  filter: { q?: string; sort?: string };
  /** The list's search (`recordSearch`), absent without a term; `where` holds the other filters. */
  search: RecordSearch | undefined;
};

/** A page of a searchable list; `closeSpellings` when nothing contained the term and close spellings are shown instead. */
export type SearchPage<T> = Page<T> & { closeSpellings?: boolean };

/**
 * One page of a searchable list. Ranked (`isRankedSearch`): the closest
 * matches as one page without neighbours, best first, then in the list's
 * usual order; `total` counts the matches (up to `COUNT_CAP`), so the page can say when there
 * are more than it shows; close spellings when nothing matched. Otherwise a
 * keyset page of the matches in the asked order. Takes the same row and
 * count builders as `keysetQuery`.
 */
export async function searchablePage<Q extends PgSelect, C extends PgSelect>(
  list: SearchableList,
  rows: (cursorKey: SQL<string>) => Q,
  count: (n: SQL<number>) => C,
): Promise<SearchPage<Omit<Q["_"]["result"][number], "cursorKey">>> {
  const { search, sort, id, where } = list;
  if (!search || !isRankedSearch(list.filter)) return keysetQuery({ ...list, where: [...where, search?.match] }, rows, count);
  const ranked = async (match: SQL) => {
    const matching = [...where, match];
    const [fetched, counted] = await Promise.all([
      rows(sql<string>`''`)
        .where(and(...matching))
        .orderBy(sql`${search.rank} desc`, ...keysetOrder(sort, id, null))
        .limit(RANKED_LIMIT) as unknown as PromiseLike<{ cursorKey: string }[]>,
      boundedCount(count, and(...matching)),
    ]);
    const found = fetched.map(({ cursorKey: _k, ...r }) => r) as Omit<Q["_"]["result"][number], "cursorKey">[];
    return { rows: found, ...counted, next: null, prev: null };
  };
  const page = await ranked(search.match);
  if (page.total > 0 || !search.close) return page;
  return { ...(await ranked(search.close)), closeSpellings: true };
}
