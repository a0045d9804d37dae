"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { Badge } from "@/app/_components/ui/badge";
import { DataTable } from "../_components/data-table";
import { StageBadge } from "../_components/stage-badge";
import type { Stage as StageValue } from "@/lib/core/vocabulary";

export interface CandidateRow {
  id: string;
  name: string;
  headline: string;
  email: string;
  location: string;
  ownerName: string;
  furthestStage: StageValue | null;
  openApplications: number;
  nextInterview: string;
  added: string;
  archived: boolean;
  erased: boolean;
}

const col = createColumnHelper<CandidateRow>();

const columns = [
  col.accessor("name", {
    header: "Name",
    meta: { sortKey: "name", firstDir: "asc" },
    cell: (c) => (
      <span className="flex min-w-0 flex-col">
        <span className="flex items-center gap-2">
          <Link href={`/candidates/${c.row.original.id}`} className="font-medium hover:underline">
            {c.getValue()}
          </Link>
          {c.row.original.archived ? <Badge>Archived</Badge> : null}
          {c.row.original.erased ? <Badge>Erased</Badge> : null}
        </span>
        {c.row.original.headline ? (
          <span className="max-w-80 truncate text-xs text-muted-foreground">{c.row.original.headline}</span>
        ) : null}
      </span>
    ),
  }),
  col.accessor("email", { header: "Email", meta: { className: "hidden lg:table-cell" } }),
  col.accessor("furthestStage", {
    header: "Furthest stage",
    cell: (c) => (c.getValue() ? <StageBadge stage={c.getValue()!} /> : <span className="text-muted-foreground">—</span>),
  }),
  col.accessor("openApplications", {
    header: "Open applications",
    meta: { align: "right", className: "hidden sm:table-cell" },
    cell: (c) => <span className="tabular-nums">{c.getValue()}</span>,
  }),
  col.accessor("nextInterview", { header: "Next interview", meta: { className: "hidden whitespace-nowrap md:table-cell" }, cell: (c) => c.getValue() || "—" }),
  col.accessor("ownerName", { header: "Owner", meta: { className: "hidden xl:table-cell" }, cell: (c) => c.getValue() || "—" }),
  col.accessor("added", { header: "Added", meta: { sortKey: "created", firstDir: "desc", className: "hidden whitespace-nowrap xl:table-cell" } }),
];

export function CandidatesTable(props: { rows: CandidateRow[]; sort: { key: string; dir: "asc" | "desc" }; caption: string; empty: React.ReactNode }) {
  return <DataTable columns={columns} data={props.rows} sort={props.sort} caption={props.caption} getRowId={(r) => r.id} empty={props.empty} />;
}
