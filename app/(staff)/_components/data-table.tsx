"use client";

import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type RowData,
  type SortingState,
} from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Table, TBody, Td, Th, THead, Tr } from "@/app/_components/ui/table";
import { cn } from "@/lib/core/utils";
import { useListHref } from "./use-list-href";

declare module "@tanstack/react-table" {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** The URL `sort` value this column sorts by; sortable columns get a header link. */
    sortKey?: string;
    /** The first direction when someone picks this column. */
    firstDir?: "asc" | "desc";
    align?: "left" | "right";
    /** Hide on narrow screens (Tailwind classes on the header and cells). */
    className?: string;
  }
}

export interface DataTableProps<T> {
  columns: ColumnDef<T, never>[] | ColumnDef<T>[];
  data: T[];
  /** Read by screen readers before the table: what is listed and how it is sorted. */
  caption: string;
  /** The sort the server applied. */
  sort: { key: string; dir: "asc" | "desc" };
  getRowId: (row: T) => string;
  /** Shown instead of the table when there are no rows. */
  empty: ReactNode;
}

/**
 * The staff lists' table: TanStack Table (v8) for the columns and cells,
 * the server for the rows. Sorting is manual: a header link changes `sort`
 * and `dir` in the URL and the page loads the first page again.
 */
export function DataTable<T>({ columns, data, caption, sort, getRowId, empty }: DataTableProps<T>) {
  const href = useListHref();
  const cols = columns as ColumnDef<T>[];
  const sortedColumn = cols.find((c) => c.meta?.sortKey === sort.key);
  // Accessor columns carry their id as accessorKey until TanStack resolves it.
  const sortedId = sortedColumn ? (sortedColumn.id ?? (sortedColumn as { accessorKey?: string }).accessorKey) : undefined;
  const sorting: SortingState = sortedId ? [{ id: sortedId, desc: sort.dir === "desc" }] : [];
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table v8 is used as documented; nothing memoised depends on it
  const table = useReactTable({
    data,
    columns: cols,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    enableSortingRemoval: false,
    state: { sorting },
    getRowId: (row) => getRowId(row),
  });

  if (data.length === 0) return <>{empty}</>;

  return (
    <Table>
      <caption className="sr-only">{caption}</caption>
      <THead>
        {table.getHeaderGroups().map((group) => (
          <Tr key={group.id}>
            {group.headers.map((header) => {
              const meta = header.column.columnDef.meta;
              const label = header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext());
              const current = header.column.getIsSorted();
              const ariaSort = meta?.sortKey
                ? current === "asc"
                  ? "ascending"
                  : current === "desc"
                    ? "descending"
                    : "none"
                : undefined;
              return (
                <Th key={header.id} align={meta?.align} aria-sort={ariaSort} className={meta?.className}>
                  {meta?.sortKey ? (
                    <Link
                      href={href({
                        sort: meta.sortKey,
                        dir: current ? (current === "asc" ? "desc" : "asc") : (meta.firstDir ?? "asc"),
                      })}
                      className={cn(
                        "-mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 hover:text-foreground",
                        current && "text-foreground",
                      )}
                      scroll={false}
                    >
                      {label}
                      {current === "asc" ? (
                        <ArrowUp aria-hidden="true" className="size-3" />
                      ) : current === "desc" ? (
                        <ArrowDown aria-hidden="true" className="size-3" />
                      ) : (
                        <ArrowUpDown aria-hidden="true" className="size-3 opacity-50" />
                      )}
                    </Link>
                  ) : (
                    label
                  )}
                </Th>
              );
            })}
          </Tr>
        ))}
      </THead>
      <TBody>
        {table.getRowModel().rows.map((row) => (
          <Tr key={row.id} interactive>
            {row.getVisibleCells().map((cell) => (
              <Td key={cell.id} align={cell.column.columnDef.meta?.align} className={cell.column.columnDef.meta?.className}>
                {flexRender(cell.column.columnDef.cell, cell.getContext())}
              </Td>
            ))}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
