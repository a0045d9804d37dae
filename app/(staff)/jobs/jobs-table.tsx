"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { Badge } from "@/app/_components/ui/badge";
import { JOB_STATUS_LABELS } from "@/lib/core/vocabulary";
import { clientColumn, count, nameColumn, orDash, RecordTable, type RecordTableProps } from "../_components/records/record-table";
import type { JobRow } from "./rows";

const col = createColumnHelper<JobRow>();

const columns = [
  nameColumn(col, "title", "Title", "/jobs"),
  clientColumn(col),
  col.accessor("status", {
    header: "Status",
    cell: (c) => <Badge variant={c.getValue() === "open" ? "accent" : "neutral"}>{JOB_STATUS_LABELS[c.getValue()]}</Badge>,
  }),
  col.accessor("location", { header: "Location", meta: { className: "hidden xl:table-cell" }, cell: (c) => orDash(c.getValue()) }),
  col.accessor("ownerName", { header: "Owner", meta: { className: "hidden md:table-cell" }, cell: (c) => orDash(c.getValue()) }),
  col.accessor("inPipeline", { header: "In pipeline", meta: { align: "right" }, cell: (c) => count(c.getValue()) }),
  col.accessor("interviewing", { header: "Interviewing", meta: { align: "right", className: "hidden lg:table-cell" }, cell: (c) => count(c.getValue()) }),
  col.accessor("placed", { header: "Placed", meta: { align: "right", className: "hidden lg:table-cell" }, cell: (c) => count(c.getValue()) }),
  col.accessor("opened", { header: "Opened", meta: { sortKey: "created", firstDir: "desc", className: "hidden whitespace-nowrap sm:table-cell" } }),
];

export function JobsTable(props: RecordTableProps<JobRow>) {
  return <RecordTable columns={columns} {...props} />;
}
