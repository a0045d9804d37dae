import Link from "next/link";
import type { Stage } from "@/lib/core/vocabulary";
import { ListTable, type ListColumn } from "../../_components/list-table";
import type { RecordTableProps } from "../../_components/records/record-table";
import { StageBadge } from "../../_components/stage-badge";
import { StageMoveForm } from "../../_components/stage-move-form";

export interface PipelineRow {
  id: string;
  version: number;
  stage: Stage;
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

const columns: ListColumn<PipelineRow>[] = [
  {
    id: "candidate",
    header: "Candidate",
    sortKey: "candidate",
    firstDir: "asc",
    cell: (r) => (
      <Link href={`/candidates/${r.candidateId}`} className="font-medium hover:underline">
        {r.candidateName}
      </Link>
    ),
  },
  {
    id: "job",
    header: "Job",
    cell: (r) => (
      <span className="flex flex-col">
        <Link href={`/jobs/${r.jobId}`} className="hover:underline">
          {r.jobTitle}
        </Link>
        <Link href={`/clients/${r.clientId}`} className="text-xs text-muted-foreground hover:underline">
          {r.clientName}
        </Link>
      </span>
    ),
  },
  {
    id: "stage",
    header: "Stage",
    cell: (r) => (
      <span className="flex flex-col items-start gap-0.5">
        <StageBadge stage={r.stage} />
        {r.closedReason ? <span className="line-clamp-1 max-w-48 text-xs text-muted-foreground">{r.closedReason}</span> : null}
      </span>
    ),
  },
  { id: "moved", header: "In stage since", sortKey: "moved", firstDir: "desc", className: "whitespace-nowrap", cell: (r) => r.moved },
  { id: "nextInterview", header: "Next interview", className: "hidden whitespace-nowrap lg:table-cell", cell: (r) => r.nextInterview || "—" },
  { id: "recruiter", header: "Recruiter", className: "hidden xl:table-cell", cell: (r) => r.recruiterName || "—" },
  { id: "created", header: "Put forward", sortKey: "created", firstDir: "desc", className: "hidden whitespace-nowrap xl:table-cell", cell: (r) => r.created },
  {
    id: "move",
    header: <span className="sr-only">Move</span>,
    className: "hidden md:table-cell w-56",
    cell: (r) =>
      r.canMove ? <StageMoveForm applicationId={r.id} version={r.version} stage={r.stage} candidateName={r.candidateName} /> : null,
  },
];

/** The pipeline's rows, rendered on the server; only each row's stage form runs in the browser. */
/** The pipeline's table; `empty` only where no list around it says why there are no rows. */
export function PipelineTable(
  props: RecordTableProps<PipelineRow> & { sortHref: (key: string, dir: "asc" | "desc") => string; empty?: React.ReactNode },
) {
  return <ListTable columns={columns} rows={props.rows} sort={props.sort} caption={props.caption} rowKey={(r) => r.id} sortHref={props.sortHref} empty={props.empty ?? null} />;
}
