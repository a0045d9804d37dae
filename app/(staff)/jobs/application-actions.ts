"use server";

import { revalidatePath } from "next/cache";
import { createApplication } from "@/db/queries/applications";
import { moveApplication } from "@/lib/applications/move-application";
import { defineFormAction } from "@/lib/actions";
import { createApplicationSchema, moveApplicationSchema } from "@/lib/core/validation/records";
import { refusedForm } from "../_components/save-result";
import { STAGE_LABELS } from "@/lib/core/vocabulary";

/** Puts a candidate forward for a job, from the job's board or the candidate's page. */
export const createApplicationAction = defineFormAction(createApplicationSchema, "applications.write", async (scope, input, formData) => {
  const result = await createApplication(scope, input);
  if (!result.ok && result.reason === "duplicate") {
    // Point at the field the person chose on this page.
    const field = input.returnTo === "job" ? "candidateId" : "jobId";
    return refusedForm({ ...result, field }, formData, {
      duplicate: (existing) => ({
        message: `Already put forward: ${existing.label}.`,
        href: `/candidates/${input.candidateId}#applications`,
        label: "the application",
      }),
    });
  }
  if (!result.ok) return refusedForm(result, formData);
  revalidatePath(`/jobs/${input.jobId}`);
  revalidatePath(`/candidates/${input.candidateId}`);
  revalidatePath("/jobs/pipeline");
  return { ok: true, message: "Put forward. The application is on the board." };
});

/** Moves an application to another stage (board card, candidate page). */
export const moveApplicationAction = defineFormAction(moveApplicationSchema, "applications.write", async (scope, input, formData) => {
  const result = await moveApplication(scope, input);
  if (!result.ok && result.reason === "conflict") {
    return {
      ...refusedForm(result, formData),
      formError: `Someone else changed this application meanwhile: it is now in ${STAGE_LABELS[result.current.stage]}. Refresh to see the latest, then move it again if you still want to.`,
    };
  }
  if (!result.ok) return refusedForm(result, formData);
  revalidatePath(`/jobs/${result.value.jobId}`);
  revalidatePath(`/candidates/${result.value.candidateId}`);
  revalidatePath("/jobs/pipeline");
  return { ok: true, message: `Moved to ${STAGE_LABELS[result.value.stage]}.` };
});
