import type { findCandidates } from "@/db/queries/candidates";
import { formatCompactDate, formatCompactDateTime } from "../_components/format";

/** A row of the candidates list, as its table shows it (only what it shows goes to the browser). */
export function candidateRow(c: Awaited<ReturnType<typeof findCandidates>>["rows"][number], zone: string) {
  return {
    id: c.id,
    name: c.name,
    headline: c.headline,
    email: c.email,
    location: c.location,
    ownerName: c.ownerName ?? "",
    furthestStage: c.furthestStage,
    openApplications: c.openApplications,
    nextInterview: c.nextInterviewAt ? formatCompactDateTime(c.nextInterviewAt, zone) : "",
    added: formatCompactDate(c.createdAt, zone),
    archived: !!c.archivedAt,
    erased: !!c.anonymizedAt,
  };
}

export type CandidateRow = ReturnType<typeof candidateRow>;
