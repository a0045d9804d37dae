import type { JobRecord } from "@/db/queries/jobs";

/** The job form's fields and their labels (the order of a conflict's summary). */
export const JOB_LABELS = { clientId: "Client", title: "Title", location: "Location", description: "Description", status: "Status", ownerUserId: "Owner" };

/** A saved job as the form's values. */
export function jobValues(j: Pick<JobRecord, "clientId" | "title" | "location" | "description" | "status" | "ownerUserId">) {
  return {
    clientId: j.clientId,
    title: j.title,
    location: j.location,
    description: j.description,
    status: j.status,
    ownerUserId: j.ownerUserId ?? "",
  };
}
