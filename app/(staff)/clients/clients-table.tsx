"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { count, RecordLink, RecordTable, type RecordTableProps } from "../_components/records/record-table";
import type { ClientRow } from "./rows";

const col = createColumnHelper<ClientRow>();

const columns = [
  col.accessor("name", {
    header: "Name",
    meta: { sortKey: "name", firstDir: "asc" },
    cell: (c) => <RecordLink href={`/clients/${c.row.original.id}`} name={c.getValue()} badges={[c.row.original.archived && "Archived"]} />,
  }),
  col.accessor("industry", { header: "Industry", meta: { className: "hidden md:table-cell" } }),
  col.accessor("openJobs", { header: "Open jobs", meta: { align: "right" }, cell: (c) => count(c.getValue()) }),
  col.accessor("contacts", { header: "Contacts", meta: { align: "right", className: "hidden sm:table-cell" }, cell: (c) => count(c.getValue()) }),
  col.accessor("added", { header: "Added", meta: { sortKey: "created", firstDir: "desc", className: "hidden whitespace-nowrap lg:table-cell" } }),
  col.accessor("updated", { header: "Updated", meta: { sortKey: "updated", firstDir: "desc", className: "hidden whitespace-nowrap lg:table-cell" } }),
];

export function ClientsTable(props: RecordTableProps<ClientRow>) {
  return <RecordTable columns={columns} {...props} />;
}
