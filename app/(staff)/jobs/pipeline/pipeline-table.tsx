"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import type { StageValue } from "@/lib/validation/records";
import { DataTable } from "../../_components/data-table";
import { StageBadge } from "../../_components/stage-badge";
import { StageMoveForm } from "../../_components/stage-move-form";

export interface PipelineRow {
  id: string;
  version: number;
  stage: StageValue;
  candidateId: string;
  candidateName: string;
  jobId: string;
  jobTitle: string;
  clientId: string;
  clientName: string;
  recruiterName: string;
  moved: string;
  created: string;
  nextInterview: string;
  closedReason: string;
  canMove: boolean;
}

const col = createColumnHelper<PipelineRow>();

const columns = [
  col.accessor("candidateName", {
    header: "Candidate",
    meta: { sortKey: "candidate", firstDir: "asc" },
    cell: (c) => (
      <Link href={`/candidates/${c.row.original.candidateId}`} className="font-medium hover:underline">
        {c.getValue()}
      </Link>
    ),
  }),
  col.accessor("jobTitle", {
    header: "Job",
    cell: (c) => (
      <span className="flex flex-col">
        <Link href={`/jobs/${c.row.original.jobId}`} className="hover:underline">
          {c.getValue()}
        </Link>
        <Link href={`/clients/${c.row.original.clientId}`} className="text-xs text-muted-foreground hover:underline">
          {c.row.original.clientName}
        </Link>
      </span>
    ),
  }),
  col.accessor("stage", {
    header: "Stage",
    cell: (c) => (
      <span className="flex flex-col items-start gap-0.5">
        <StageBadge stage={c.getValue()} />
        {c.row.original.closedReason ? (
          <span className="line-clamp-1 max-w-48 text-xs text-muted-foreground">{c.row.original.closedReason}</span>
        ) : null}
      </span>
    ),
  }),
  col.accessor("moved", { header: "In stage since", meta: { sortKey: "moved", firstDir: "desc", className: "whitespace-nowrap" } }),
  col.accessor("nextInterview", { header: "Next interview", meta: { className: "hidden whitespace-nowrap lg:table-cell" }, cell: (c) => c.getValue() || "—" }),
  col.accessor("recruiterName", { header: "Recruiter", meta: { className: "hidden xl:table-cell" }, cell: (c) => c.getValue() || "—" }),
  col.accessor("created", { header: "Put forward", meta: { sortKey: "created", firstDir: "desc", className: "hidden whitespace-nowrap xl:table-cell" } }),
  col.display({
    id: "move",
    header: () => <span className="sr-only">Move</span>,
    meta: { className: "hidden md:table-cell w-56" },
    cell: (c) =>
      c.row.original.canMove ? (
        <StageMoveForm
          applicationId={c.row.original.id}
          version={c.row.original.version}
          stage={c.row.original.stage}
          candidateName={c.row.original.candidateName}
        />
      ) : null,
  }),
];

export function PipelineTable(props: { rows: PipelineRow[]; sort: { key: string; dir: "asc" | "desc" }; caption: string; empty: React.ReactNode }) {
  return <DataTable columns={columns} data={props.rows} sort={props.sort} caption={props.caption} getRowId={(r) => r.id} empty={props.empty} />;
}
