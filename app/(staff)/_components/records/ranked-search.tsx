import { countLabel } from "@/lib/core/utils";
import type { EmptyCopy, ListScreen } from "./list-page";

type RawParams = Record<string, string | string[] | undefined>;

/**
 * A search whose URL names no order is ranked by relevance (closest match
 * first); a column's header link sets `sort` and `dir`, and then the matches
 * page in that column's order.
 */
export function isRankedList(raw: RawParams, q: string, orderParam = "sort"): boolean {
  return q !== "" && raw[orderParam] === undefined && raw.dir === undefined;
}

/** The table's sort and caption for ranked results: no column is sorted. */
export function rankedBy(screen: ListScreen, q: string) {
  const noun = screen.noun[0]!.toUpperCase() + screen.noun.slice(1);
  return { sort: { key: "relevance", dir: "desc" as const }, caption: `${noun}, ranked by relevance to “${q}”` };
}

/** An empty list's words with a search on: they name the term. */
export function searchEmpty(screen: ListScreen, q: string): Partial<EmptyCopy> | undefined {
  if (!q) return undefined;
  return { filteredHint: `Nothing matches “${q}”. ${screen.empty.filteredHint ?? "Try another search or filter."}` };
}

/** What ranked results say above the table: how they are ordered, and when there are more than shown. */
export function RankedNote({
  q,
  noun,
  page,
}: {
  q: string;
  noun: string;
  page: { rows: readonly unknown[]; total: number; totalCapped: boolean; closeSpellings?: boolean };
}) {
  if (page.rows.length === 0) return null;
  const shown = page.rows.length;
  return (
    <p className="text-sm text-muted-foreground">
      {page.closeSpellings
        ? `No ${noun} contain “${q}”: these are close spellings, closest first.`
        : `Ranked by relevance to “${q}”: the closest matches first.`}
      {page.total > shown
        ? ` Showing the ${shown} closest of ${countLabel(page.total, page.totalCapped)}: refine the search, or sort by a column to page through them all.`
        : null}
    </p>
  );
}
