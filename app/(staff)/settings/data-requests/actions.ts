"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { eraseCandidate } from "@/db/queries/data-rights";
import { getCandidateContact } from "@/db/queries/candidates";
import { getDatabase } from "@/db/runtime";
import { defineFormAction } from "@/lib/actions";
import { AppError, ERROR_MESSAGES } from "@/lib/core/errors";

const eraseSchema = z.object({
  candidateId: z.uuid({ error: "Choose a candidate." }),
  confirmName: z.string().trim().max(200),
});

export const eraseCandidateAction = defineFormAction(eraseSchema, "candidates.erase", async (scope, input) => {
  const candidate = await getCandidateContact(scope, input.candidateId);
  if (!candidate) throw new AppError("not_found", "That candidate does not exist or was already erased.");
  if (candidate.name.trim().toLowerCase() !== input.confirmName.toLowerCase()) {
    throw new AppError("invalid", ERROR_MESSAGES.invalid, { confirmName: [`Type the candidate's name, ${candidate.name}, to confirm.`] });
  }
  const owner = (await getDatabase()).db;
  if ((await eraseCandidate(scope, owner, input.candidateId, { kind: "request" })) !== "erased") throw new AppError("not_found");
  revalidatePath("/settings/data-requests");
  return { ok: true, message: `${candidate.name}'s personal data was erased. Counts and pipeline metrics are kept.` };
});
