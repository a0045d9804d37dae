"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { Badge } from "@/app/_components/ui/badge";
import { DataTable } from "../_components/data-table";
import { JOB_STATUS_LABELS, type JobStatus as JobStatusValue } from "@/lib/core/vocabulary";

export interface JobRow {
  id: string;
  title: string;
  location: string;
  status: JobStatusValue;
  clientId: string;
  clientName: string;
  ownerName: string;
  inPipeline: number;
  interviewing: number;
  placed: number;
  opened: string;
  archived: boolean;
}

const col = createColumnHelper<JobRow>();
const num = (v: number) => <span className="tabular-nums">{v}</span>;

const columns = [
  col.accessor("title", {
    header: "Title",
    meta: { sortKey: "title", firstDir: "asc" },
    cell: (c) => (
      <span className="flex items-center gap-2">
        <Link href={`/jobs/${c.row.original.id}`} className="font-medium hover:underline">
          {c.getValue()}
        </Link>
        {c.row.original.archived ? <Badge>Archived</Badge> : null}
      </span>
    ),
  }),
  col.accessor("clientName", {
    header: "Client",
    meta: { sortKey: "client", firstDir: "asc" },
    cell: (c) => (
      <Link href={`/clients/${c.row.original.clientId}`} className="hover:underline">
        {c.getValue()}
      </Link>
    ),
  }),
  col.accessor("status", {
    header: "Status",
    cell: (c) => <Badge variant={c.getValue() === "open" ? "accent" : "neutral"}>{JOB_STATUS_LABELS[c.getValue()]}</Badge>,
  }),
  col.accessor("location", { header: "Location", meta: { className: "hidden xl:table-cell" }, cell: (c) => c.getValue() || "—" }),
  col.accessor("ownerName", { header: "Owner", meta: { className: "hidden md:table-cell" }, cell: (c) => c.getValue() || "—" }),
  col.accessor("inPipeline", { header: "In pipeline", meta: { align: "right" }, cell: (c) => num(c.getValue()) }),
  col.accessor("interviewing", { header: "Interviewing", meta: { align: "right", className: "hidden lg:table-cell" }, cell: (c) => num(c.getValue()) }),
  col.accessor("placed", { header: "Placed", meta: { align: "right", className: "hidden lg:table-cell" }, cell: (c) => num(c.getValue()) }),
  col.accessor("opened", { header: "Opened", meta: { sortKey: "created", firstDir: "desc", className: "hidden whitespace-nowrap sm:table-cell" } }),
];

export function JobsTable(props: { rows: JobRow[]; sort: { key: string; dir: "asc" | "desc" }; caption: string; empty: React.ReactNode }) {
  return <DataTable columns={columns} data={props.rows} sort={props.sort} caption={props.caption} getRowId={(r) => r.id} empty={props.empty} />;
}
