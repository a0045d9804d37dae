"use server";

import { revalidatePath } from "next/cache";
import { updateClientPackFields } from "@/db/queries/client-pack";
import { defineFormAction } from "@/lib/actions";
import { clientPackFieldsSchema } from "@/lib/core/validation/client-pack";
import { refusedForm } from "../_components/save-result";

/**
 * Saves what an application's client pack says about the candidate: the
 * recruiter's summary for the client and the salary expectation. A stale
 * save (someone else changed the application meanwhile) hands back what is
 * saved now, so the form can show it next to what was typed.
 */
export const saveClientPackAction = defineFormAction(clientPackFieldsSchema, "applications.write", async (scope, input, formData) => {
  const result = await updateClientPackFields(scope, input);
  if (!result.ok && result.reason === "conflict") {
    const current = result.current;
    return {
      ...refusedForm(result, formData),
      formError:
        "Someone else changed this application while you were editing. Nothing of yours was saved yet: what is saved now is shown under each field. Save again to keep your text.",
      data: {
        conflict: {
          version: current.version,
          values: { clientSummary: current.clientSummary, salaryExpectation: current.salaryExpectation },
        },
      },
    };
  }
  if (!result.ok) return refusedForm(result, formData);
  revalidatePath(`/candidates/${result.value.candidateId}`);
  return { ok: true, message: "Saved. The next client pack uses it." };
});
