"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { Badge } from "@/app/_components/ui/badge";
import { DataTable } from "../_components/data-table";

export interface ClientRow {
  id: string;
  name: string;
  industry: string;
  website: string;
  openJobs: number;
  contacts: number;
  added: string;
  updated: string;
  archived: boolean;
}

const col = createColumnHelper<ClientRow>();

const columns = [
  col.accessor("name", {
    header: "Name",
    meta: { sortKey: "name", firstDir: "asc" },
    cell: (c) => (
      <span className="flex items-center gap-2">
        <Link href={`/clients/${c.row.original.id}`} className="font-medium hover:underline">
          {c.getValue()}
        </Link>
        {c.row.original.archived ? <Badge>Archived</Badge> : null}
      </span>
    ),
  }),
  col.accessor("industry", { header: "Industry", meta: { className: "hidden md:table-cell" } }),
  col.accessor("openJobs", { header: "Open jobs", meta: { align: "right" }, cell: (c) => <span className="tabular-nums">{c.getValue()}</span> }),
  col.accessor("contacts", { header: "Contacts", meta: { align: "right", className: "hidden sm:table-cell" }, cell: (c) => <span className="tabular-nums">{c.getValue()}</span> }),
  col.accessor("added", { header: "Added", meta: { sortKey: "created", firstDir: "desc", className: "hidden whitespace-nowrap lg:table-cell" } }),
  col.accessor("updated", { header: "Updated", meta: { sortKey: "updated", firstDir: "desc", className: "hidden whitespace-nowrap lg:table-cell" } }),
];

export function ClientsTable({
  rows,
  sort,
  caption,
  empty,
}: {
  rows: ClientRow[];
  sort: { key: string; dir: "asc" | "desc" };
  caption: string;
  empty: React.ReactNode;
}) {
  return <DataTable columns={columns} data={rows} sort={sort} caption={caption} getRowId={(r) => r.id} empty={empty} />;
}
