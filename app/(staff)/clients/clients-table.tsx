"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { count, nameColumn, RecordTable, type RecordTableProps } from "../_components/records/record-table";
import type { ClientRow } from "./rows";

const col = createColumnHelper<ClientRow>();

const columns = [
  nameColumn(col, "name", "Name", "/clients"),
  col.accessor("industry", { header: "Industry", meta: { className: "hidden md:table-cell" } }),
  col.accessor("openJobs", { header: "Open jobs", meta: { align: "right" }, cell: (c) => count(c.getValue()) }),
  col.accessor("contacts", { header: "Contacts", meta: { align: "right", className: "hidden sm:table-cell" }, cell: (c) => count(c.getValue()) }),
  col.accessor("added", { header: "Added", meta: { sortKey: "created", firstDir: "desc", className: "hidden whitespace-nowrap lg:table-cell" } }),
  col.accessor("updated", { header: "Updated", meta: { sortKey: "updated", firstDir: "desc", className: "hidden whitespace-nowrap lg:table-cell" } }),
];

export function ClientsTable(props: RecordTableProps<ClientRow>) {
  return <RecordTable columns={columns} {...props} />;
}
