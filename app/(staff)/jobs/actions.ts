"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getClient } from "@/db/queries/clients";
import { archiveJob, createJob, listOwnerOptions, restoreJob, updateJob, type JobRecord } from "@/db/queries/jobs";
import { defineFormAction } from "@/lib/actions";
import { createJobSchema, recordRefSchema, updateJobSchema } from "@/lib/core/validation/records";
import { refusedForm } from "../_components/save-result";
import { JOB_STATUS_LABELS } from "@/lib/core/vocabulary";

const conflict = (j: JobRecord, display: Record<string, string>) => ({
  version: j.version,
  values: {
    clientId: j.clientId,
    title: j.title,
    location: j.location,
    description: j.description,
    status: j.status,
    ownerUserId: j.ownerUserId ?? "",
  },
  labels: { clientId: "Client", title: "Title", location: "Location", description: "Description", status: "Status", ownerUserId: "Owner" },
  display: { ...display, status: JOB_STATUS_LABELS[j.status] },
});

export const createJobAction = defineFormAction(createJobSchema, "jobs.write", async (scope, input, formData) => {
  const result = await createJob(scope, input);
  if (!result.ok) return refusedForm(result, formData);
  revalidatePath("/jobs");
  revalidatePath(`/clients/${input.clientId}`);
  redirect(`/jobs/${result.value.id}?saved=created`);
});

export const updateJobAction = defineFormAction(updateJobSchema, "jobs.write", async (scope, input, formData) => {
  const result = await updateJob(scope, input);
  if (!result.ok && result.reason === "conflict") {
    const [client, owners] = await Promise.all([getClient(scope, result.current.clientId), listOwnerOptions(scope)]);
    const owner = owners.find((o) => o.id === result.current.ownerUserId);
    return refusedForm(result, formData, {
      conflict: (j) => conflict(j, { clientId: client?.name ?? "", ownerUserId: owner?.name ?? "Nobody" }),
    });
  }
  if (!result.ok) return refusedForm(result, formData);
  revalidatePath("/jobs");
  redirect(`/jobs/${input.id}?saved=updated`);
});

export const archiveJobAction = defineFormAction(recordRefSchema, "jobs.write", async (scope, input, formData) => {
  const result = await archiveJob(scope, input);
  if (!result.ok) return refusedForm(result, formData);
  revalidatePath("/jobs");
  revalidatePath(`/jobs/${input.id}`);
  return { ok: true, message: "Job archived." };
});

export const restoreJobAction = defineFormAction(recordRefSchema, "jobs.write", async (scope, input, formData) => {
  const result = await restoreJob(scope, input);
  if (!result.ok) return refusedForm(result, formData);
  revalidatePath("/jobs");
  revalidatePath(`/jobs/${input.id}`);
  return { ok: true, message: "Job restored." };
});
