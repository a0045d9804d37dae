"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { eraseCandidate } from "@/db/queries/data-rights";
import { getCandidateContact } from "@/db/queries/candidates";
import { defineFormAction } from "@/lib/actions";
import { AppError, ERROR_MESSAGES } from "@/lib/errors";

const eraseSchema = z.object({
  candidateId: z.uuid({ error: "Choose a candidate." }),
  confirmName: z.string().trim().max(200),
  reason: z.string().trim().min(1, { error: "Say why, e.g. \"Request by email, 30 Nov\"." }).max(500, { error: "Use at most 500 characters." }),
});

export const eraseCandidateAction = defineFormAction(eraseSchema, "candidates.erase", async (scope, input) => {
  const candidate = await getCandidateContact(scope, input.candidateId);
  if (!candidate) throw new AppError("not_found", "That candidate does not exist or was already erased.");
  if (candidate.name.trim().toLowerCase() !== input.confirmName.toLowerCase()) {
    throw new AppError("invalid", ERROR_MESSAGES.invalid, { confirmName: [`Type the candidate's name, ${candidate.name}, to confirm.`] });
  }
  if ((await eraseCandidate(scope, input.candidateId, input.reason)) !== "erased") throw new AppError("not_found");
  revalidatePath("/settings/data-requests");
  return { ok: true, message: `${candidate.name}'s personal data was erased. Counts and pipeline metrics are kept.` };
});
