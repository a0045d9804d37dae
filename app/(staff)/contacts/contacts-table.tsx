"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { clientColumn, count, nameColumn, orDash, RecordTable, type RecordTableProps } from "../_components/records/record-table";
import type { ContactRow } from "./rows";

const col = createColumnHelper<ContactRow>();

const columns = [
  nameColumn(col, "name", "Name", "/contacts"),
  col.accessor("title", { header: "Title", meta: { className: "hidden md:table-cell" } }),
  clientColumn(col),
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
