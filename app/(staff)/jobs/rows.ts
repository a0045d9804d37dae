import type { findJobs } from "@/db/queries/jobs";
import { formatCompactDate } from "../_components/format";

/** A row of the jobs list, as its table shows it (only what it shows goes to the browser). */
export function jobRow(j: Awaited<ReturnType<typeof findJobs>>["rows"][number], zone: string) {
  return {
    id: j.id,
    title: j.title,
    location: j.location,
    status: j.status,
    clientId: j.clientId,
    clientName: j.clientName,
    ownerName: j.ownerName ?? "",
    inPipeline: j.inPipeline,
    interviewing: j.interviewing,
    placed: j.placed,
    opened: formatCompactDate(j.createdAt, zone),
    archived: !!j.archivedAt,
  };
}

export type JobRow = ReturnType<typeof jobRow>;
