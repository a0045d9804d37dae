"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineFormAction } from "@/lib/actions";
import { eraseCandidateOnRequest } from "@/lib/data-rights/erase-candidate";

const eraseSchema = z.object({
  candidateId: z.uuid({ error: "Choose a candidate." }),
  confirmName: z.string().trim().max(200),
});

export const eraseCandidateAction = defineFormAction(eraseSchema, "candidates.erase", async (scope, input) => {
  const { name } = await eraseCandidateOnRequest(scope, input);
  revalidatePath("/settings/data-requests");
  return { ok: true, message: `${name}'s personal data was erased. Counts and pipeline metrics are kept.` };
});
