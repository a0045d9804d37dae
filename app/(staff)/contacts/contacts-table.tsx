"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { Badge } from "@/app/_components/ui/badge";
import { DataTable } from "../_components/data-table";

export interface ContactRow {
  id: string;
  name: string;
  title: string;
  email: string;
  phone: string;
  clientId: string;
  clientName: string;
  interviews: number;
  archived: boolean;
}

const col = createColumnHelper<ContactRow>();

const columns = [
  col.accessor("name", {
    header: "Name",
    meta: { sortKey: "name", firstDir: "asc" },
    cell: (c) => (
      <span className="flex items-center gap-2">
        <Link href={`/contacts/${c.row.original.id}`} className="font-medium hover:underline">
          {c.getValue()}
        </Link>
        {c.row.original.archived ? <Badge>Archived</Badge> : null}
      </span>
    ),
  }),
  col.accessor("title", { header: "Title", meta: { className: "hidden md:table-cell" } }),
  col.accessor("clientName", {
    header: "Client",
    meta: { sortKey: "client", firstDir: "asc" },
    cell: (c) => (
      <Link href={`/clients/${c.row.original.clientId}`} className="hover:underline">
        {c.getValue()}
      </Link>
    ),
  }),
  col.accessor("email", {
    header: "Email",
    meta: { className: "hidden sm:table-cell" },
    cell: (c) => (c.getValue() ? <a href={`mailto:${c.getValue()}`}>{c.getValue()}</a> : "—"),
  }),
  col.accessor("phone", { header: "Phone", meta: { className: "hidden lg:table-cell" }, cell: (c) => c.getValue() || "—" }),
  col.accessor("interviews", {
    header: "Interviews",
    meta: { align: "right", className: "hidden lg:table-cell" },
    cell: (c) => <span className="tabular-nums">{c.getValue()}</span>,
  }),
];

export function ContactsTable(props: {
  rows: ContactRow[];
  sort: { key: string; dir: "asc" | "desc" };
  caption: string;
  empty: React.ReactNode;
}) {
  return <DataTable columns={columns} data={props.rows} sort={props.sort} caption={props.caption} getRowId={(r) => r.id} empty={props.empty} />;
}
