"use server";

import { revalidatePath } from "next/cache";
import { archiveCandidate, createCandidate, getCandidate, restoreCandidate, updateCandidate } from "@/db/queries/candidates";
import { staffName } from "@/db/queries/jobs";
import { defineFormAction } from "@/lib/actions";
import { AppError } from "@/lib/core/errors";
import { inviteCandidate } from "@/lib/invitations";
import { inviteCandidateSchema } from "@/lib/core/validation/auth";
import { createCandidateSchema, updateCandidateSchema } from "@/lib/core/validation/records";
import { archiveRecordAction, createRecordAction, updateRecordAction, type RecordKind } from "../_components/records/record-actions";
import { CANDIDATE_LABELS, candidateValues } from "./fields";

const candidates: RecordKind = {
  path: "/candidates",
  permission: "candidates.write",
  /** "A candidate email already in the firm": said next to the field, with a link to that record. */
  duplicate: (existing) => ({
    message: `${existing.label} already has this email address in your firm.`,
    href: `/candidates/${existing.id}`,
    label: `${existing.label}'s record`,
  }),
};

export const createCandidateAction = createRecordAction(createCandidateSchema, candidates, createCandidate);

export const updateCandidateAction = updateRecordAction(updateCandidateSchema, candidates, updateCandidate, async (scope, c) => {
  const owner = (await staffName(scope, c.ownerUserId)) ?? "Nobody";
  return { version: c.version, values: candidateValues(c), labels: CANDIDATE_LABELS, display: { ownerUserId: owner } };
});

export const archiveCandidateAction = archiveRecordAction(candidates, archiveCandidate, "Candidate archived.");

export const restoreCandidateAction = archiveRecordAction(candidates, restoreCandidate, "Candidate restored.");

/** Emails the candidate a one-time link to the candidate portal. */
export const inviteCandidateAction = defineFormAction(inviteCandidateSchema, "candidates.invite", async (scope, input) => {
  const candidate = await getCandidate(scope, input.candidateId);
  if (!candidate || candidate.anonymizedAt) throw new AppError("not_found");
  if (candidate.portal.access !== "none") {
    throw new AppError("conflict", `${candidate.name} already has portal access.`);
  }
  if (candidate.archivedAt) throw new AppError("invalid", `${candidate.name} is archived. Restore the candidate first.`);
  await inviteCandidate(scope, input.candidateId);
  revalidatePath(`/candidates/${input.candidateId}`);
  return { ok: true, message: `Invitation sent to ${candidate.email}. The link is valid for 7 days.` };
});
