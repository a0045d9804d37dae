"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { StatusPill } from "@/app/_components/ui/status-pill";
import { orDash, RecordTable, type RecordTableProps } from "../_components/records/record-table";
import { RelatedLink } from "../_components/records/rows-table";
import { InterviewStatusBadge } from "../_components/stage-badge";
import type { InterviewRow } from "./rows";

const col = createColumnHelper<InterviewRow>();

const columns = [
  col.accessor("when", {
    header: "When",
    meta: { sortKey: "when", firstDir: "asc" },
    cell: (c) => (
      <span className="flex flex-col">
        <Link href={`/interviews/${c.row.original.id}`} className="font-medium whitespace-nowrap tabular-nums hover:underline">
          {c.getValue()}
        </Link>
        <span className="text-xs text-muted-foreground">
          {c.row.original.kind} · {c.row.original.duration}
        </span>
      </span>
    ),
  }),
  col.accessor("candidateName", {
    header: "Candidate",
    cell: (c) => <RelatedLink href={`/candidates/${c.row.original.candidateId}`}>{c.getValue()}</RelatedLink>,
  }),
  col.accessor("jobTitle", {
    header: "Job",
    meta: { className: "hidden md:table-cell" },
    cell: (c) => (
      <span className="flex flex-col">
        <RelatedLink href={`/jobs/${c.row.original.jobId}`}>{c.getValue()}</RelatedLink>
        <span className="text-xs text-muted-foreground">{c.row.original.clientName}</span>
      </span>
    ),
  }),
  col.accessor("interviewers", {
    header: "Interviewers",
    meta: { className: "hidden xl:table-cell" },
    cell: (c) => <span className="line-clamp-2 max-w-56">{c.getValue() || "—"}</span>,
  }),
  col.accessor("status", { header: "Status", cell: (c) => <InterviewStatusBadge status={c.getValue()} /> }),
  col.accessor("debrief", {
    header: "Debrief",
    meta: { className: "hidden lg:table-cell" },
    cell: (c) => {
      const d = c.getValue();
      return d ? <StatusPill state={d.status}>{d.label}</StatusPill> : <span className="text-muted-foreground">—</span>;
    },
  }),
  col.accessor("recruiterName", { header: "Recruiter", meta: { className: "hidden xl:table-cell" }, cell: (c) => orDash(c.getValue()) }),
];

export function InterviewsTable(props: RecordTableProps<InterviewRow>) {
  return <RecordTable columns={columns} {...props} />;
}
