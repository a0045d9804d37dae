"use client";

import type { ColumnHelper } from "@tanstack/react-table";
import Link from "next/link";

import { Badge } from "@/app/_components/ui/badge";
import { DataTable, type DataTableProps } from "../data-table";
import { RelatedLink } from "./rows-table";

/** What a list page hands its table: the rows, the sort the server applied and the caption. */
export interface RecordTableProps<T> {
  rows: T[];
  sort: { key: string; dir: "asc" | "desc" };
  caption: string;
}

/** A record list's table: the columns of one record type over rows keyed by id (the list shows its own empty state). */
export function RecordTable<T extends { id: string }>({ columns, ...props }: RecordTableProps<T> & { columns: DataTableProps<T>["columns"] }) {
  return <DataTable columns={columns} data={props.rows} sort={props.sort} caption={props.caption} getRowId={(r) => r.id} empty={null} />;
}

/** A record's name, linked to its page, with the badges it carries (Archived, Erased). */
export function RecordLink({ href, name, badges }: { href: string; name: string; badges: (string | false)[] }) {
  return (
    <span className="flex items-center gap-2">
      <Link href={href} className="font-medium hover:underline">
        {name}
      </Link>
      {badges.map((b) => (b ? <Badge key={b}>{b}</Badge> : null))}
    </span>
  );
}

/** A count, its digits aligned. */
export const count = (v: number) => <span className="tabular-nums">{v}</span>;

/** A text that may be empty: "—" then. */
export const orDash = (v: string) => v || "—";

/** The first column: the record's name (or title) linked to its page, marked when archived; the list sorts by it. */
export function nameColumn<T extends { id: string; archived: boolean }>(col: ColumnHelper<T>, key: keyof T & string, header: string, path: string) {
  return col.accessor((r) => String(r[key]), {
    id: key,
    header,
    meta: { sortKey: key, firstDir: "asc" },
    cell: (c) => <RecordLink href={`${path}/${c.row.original.id}`} name={c.getValue()} badges={[c.row.original.archived && "Archived"]} />,
  });
}

/** The client a row belongs to, linked; the list sorts by its name. */
export function clientColumn<T extends { clientId: string; clientName: string }>(col: ColumnHelper<T>) {
  return col.accessor((r) => r.clientName, {
    id: "clientName",
    header: "Client",
    meta: { sortKey: "client", firstDir: "asc" },
    cell: (c) => <RelatedLink href={`/clients/${c.row.original.clientId}`}>{c.getValue()}</RelatedLink>,
  });
}
