"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { count, orDash, RecordLink, RecordTable, RelatedLink, type RecordTableProps } from "../_components/records/record-table";
import type { ContactRow } from "./rows";

const col = createColumnHelper<ContactRow>();

const columns = [
  col.accessor("name", {
    header: "Name",
    meta: { sortKey: "name", firstDir: "asc" },
    cell: (c) => <RecordLink href={`/contacts/${c.row.original.id}`} name={c.getValue()} badges={[c.row.original.archived && "Archived"]} />,
  }),
  col.accessor("title", { header: "Title", meta: { className: "hidden md:table-cell" } }),
  col.accessor("clientName", {
    header: "Client",
    meta: { sortKey: "client", firstDir: "asc" },
    cell: (c) => <RelatedLink href={`/clients/${c.row.original.clientId}`}>{c.getValue()}</RelatedLink>,
  }),
  col.accessor("email", {
    header: "Email",
    meta: { className: "hidden sm:table-cell" },
    cell: (c) => (c.getValue() ? <a href={`mailto:${c.getValue()}`}>{c.getValue()}</a> : "—"),
  }),
  col.accessor("phone", { header: "Phone", meta: { className: "hidden lg:table-cell" }, cell: (c) => orDash(c.getValue()) }),
  col.accessor("interviews", { header: "Interviews", meta: { align: "right", className: "hidden lg:table-cell" }, cell: (c) => count(c.getValue()) }),
];

export function ContactsTable(props: RecordTableProps<ContactRow>) {
  return <RecordTable columns={columns} {...props} />;
}
