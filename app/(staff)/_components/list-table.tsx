import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Table, TBody, Td, Th, THead, Tr } from "@/app/_components/ui/table";
import { cn } from "@/lib/core/utils";

export interface ListColumn<T> {
  id: string;
  header: ReactNode;
  /** The URL `sort` value this column sorts by; sortable columns get a header link. */
  sortKey?: string;
  /** The first direction when someone picks this column. */
  firstDir?: "asc" | "desc";
  align?: "left" | "right";
  /** Hide on narrow screens (Tailwind classes on the header and cells). */
  className?: string;
  cell: (row: T) => ReactNode;
}

/**
 * A list's URL with some parameters changed and the rest kept, built on the
 * server from the request's own parameters. Any change other than the cursor
 * starts again from the first page (the same rule as `useListHref`).
 */
export function listHref(pathname: string, current: Record<string, string | string[] | undefined>, changes: Record<string, string | null | undefined>) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(current)) {
    if (typeof value === "string") params.set(key, value);
    else if (Array.isArray(value) && value[0] !== undefined) params.set(key, value[0]);
  }
  if (!("cursor" in changes)) params.delete("cursor");
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === "") params.delete(key);
    else params.set(key, value);
  }
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}

/**
 * The staff lists' table, rendered on the server: no table state runs in the
 * browser, only the cells' own islands (a stage form, say). Sorting is a header
 * link that changes `sort` and `dir` in the URL; the same markup and the same
 * `aria-sort` as the client `DataTable`.
 */
export function ListTable<T>({
  columns,
  rows,
  caption,
  sort,
  rowKey,
  sortHref,
  empty,
}: {
  columns: ListColumn<T>[];
  rows: T[];
  /** Read by screen readers before the table: what is listed and how it is sorted. */
  caption: string;
  /** The sort the server applied. */
  sort: { key: string; dir: "asc" | "desc" };
  rowKey: (row: T) => string;
  /** The link that sorts by `key` in `dir`. */
  sortHref: (key: string, dir: "asc" | "desc") => string;
  /** Shown instead of the table when there are no rows. */
  empty: ReactNode;
}) {
  if (rows.length === 0) return <>{empty}</>;
  return (
    <Table>
      <caption className="sr-only">{caption}</caption>
      <THead>
        <Tr>
          {columns.map((c) => {
            const current = c.sortKey && c.sortKey === sort.key ? sort.dir : null;
            return (
              <Th
                key={c.id}
                align={c.align}
                aria-sort={c.sortKey ? (current === "asc" ? "ascending" : current === "desc" ? "descending" : "none") : undefined}
                className={c.className}
              >
                {c.sortKey ? (
                  <Link
                    href={sortHref(c.sortKey, current ? (current === "asc" ? "desc" : "asc") : (c.firstDir ?? "asc"))}
                    className={cn("-mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 hover:text-foreground", current && "text-foreground")}
                    scroll={false}
                  >
                    {c.header}
                    {current === "asc" ? (
                      <ArrowUp aria-hidden="true" className="size-3" />
                    ) : current === "desc" ? (
                      <ArrowDown aria-hidden="true" className="size-3" />
                    ) : (
                      <ArrowUpDown aria-hidden="true" className="size-3 opacity-50" />
                    )}
                  </Link>
                ) : (
                  c.header
                )}
              </Th>
            );
          })}
        </Tr>
      </THead>
      <TBody>
        {rows.map((row) => (
          <Tr key={rowKey(row)} interactive>
            {columns.map((c) => (
              <Td key={c.id} align={c.align} className={c.className}>
                {c.cell(row)}
              </Td>
            ))}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
