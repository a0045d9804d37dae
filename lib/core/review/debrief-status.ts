import type { DebriefStatus, StaffDebriefStatus } from "../vocabulary";

/** Where a debrief stands, from its columns: reviewed after the last submission, amended, submitted or draft. */
export function staffDebriefStatus(d: {
  status: DebriefStatus;
  submittedVersions: number;
  submittedAt: Date | null;
  reviewedAt: Date | null;
}): StaffDebriefStatus {
  if (d.status === "draft" && d.submittedVersions === 0) return "draft";
  if (d.reviewedAt && (!d.submittedAt || d.reviewedAt.getTime() >= d.submittedAt.getTime())) return "reviewed";
  if (d.submittedVersions > 1) return "amended";
  return d.status === "submitted" ? "submitted" : "draft";
}
