import type { findInterviews } from "@/db/queries/interviews";
import type { Status } from "@/app/_components/ui/status-pill";
import { INTERVIEW_KIND_LABELS } from "@/lib/core/vocabulary";
import { formatCompactRange, formatDuration } from "../_components/format";

const DEBRIEF: Record<string, { label: string; status: Status }> = {
  draft: { label: "Draft", status: "neutral" },
  submitted: { label: "Submitted", status: "info" },
  amended: { label: "Amended", status: "info" },
  reviewed: { label: "Reviewed", status: "done" },
};

/** A row of the interviews list, as its table shows it (only what it shows goes to the browser). */
export function interviewRow(iv: Awaited<ReturnType<typeof findInterviews>>["rows"][number], zone: string) {
  return {
    id: iv.id,
    when: formatCompactRange(iv.startsAt, iv.endsAt, zone),
    duration: formatDuration(iv.startsAt, iv.endsAt),
    kind: INTERVIEW_KIND_LABELS[iv.kind],
    status: iv.status,
    candidateId: iv.candidateId,
    candidateName: iv.candidateName,
    jobId: iv.jobId,
    jobTitle: iv.jobTitle,
    clientName: iv.clientName,
    interviewers: iv.interviewers,
    recruiterName: iv.recruiterName ?? "",
    debrief: iv.debrief ? DEBRIEF[iv.debrief.state]! : null,
  };
}

export type InterviewRow = ReturnType<typeof interviewRow>;
