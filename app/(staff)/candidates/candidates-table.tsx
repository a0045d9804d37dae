"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { count, orDash, RecordLink, RecordTable, type RecordTableProps } from "../_components/records/record-table";
import { StageBadge } from "../_components/stage-badge";
import type { CandidateRow } from "./rows";

const col = createColumnHelper<CandidateRow>();

const columns = [
  col.accessor("name", {
    header: "Name",
    meta: { sortKey: "name", firstDir: "asc" },
    cell: (c) => (
      <span className="flex min-w-0 flex-col">
        <RecordLink
          href={`/candidates/${c.row.original.id}`}
          name={c.getValue()}
          badges={[c.row.original.archived && "Archived", c.row.original.erased && "Erased"]}
        />
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
    cell: (c) => count(c.getValue()),
  }),
  col.accessor("nextInterview", { header: "Next interview", meta: { className: "hidden whitespace-nowrap md:table-cell" }, cell: (c) => orDash(c.getValue()) }),
  col.accessor("ownerName", { header: "Owner", meta: { className: "hidden xl:table-cell" }, cell: (c) => orDash(c.getValue()) }),
  col.accessor("added", { header: "Added", meta: { sortKey: "created", firstDir: "desc", className: "hidden whitespace-nowrap xl:table-cell" } }),
];

export function CandidatesTable(props: RecordTableProps<CandidateRow>) {
  return <RecordTable columns={columns} {...props} />;
}
