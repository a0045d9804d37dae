"use server";

import { getClient } from "@/db/queries/clients";
import { archiveJob, createJob, restoreJob, staffName, updateJob } from "@/db/queries/jobs";
import { createJobSchema, updateJobSchema } from "@/lib/core/validation/records";
import { JOB_STATUS_LABELS } from "@/lib/core/vocabulary";
import { archiveRecordAction, createRecordAction, updateRecordAction, type RecordKind } from "../_components/records/record-actions";
import { JOB_LABELS, jobValues } from "./fields";

const jobs: RecordKind = { path: "/jobs", permission: "jobs.write" };

export const createJobAction = createRecordAction(createJobSchema, jobs, createJob, (input) => `/clients/${input.clientId}`);

export const updateJobAction = updateRecordAction(updateJobSchema, jobs, updateJob, async (scope, j) => {
  const [client, owner] = await Promise.all([getClient(scope, j.clientId), staffName(scope, j.ownerUserId)]);
  return {
    version: j.version,
    values: jobValues(j),
    labels: JOB_LABELS,
    display: { clientId: client?.name ?? "", ownerUserId: owner ?? "Nobody", status: JOB_STATUS_LABELS[j.status] },
  };
});

export const archiveJobAction = archiveRecordAction(jobs, archiveJob, "Job archived.");

export const restoreJobAction = archiveRecordAction(jobs, restoreJob, "Job restored.");
