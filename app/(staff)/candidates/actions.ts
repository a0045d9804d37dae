"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import {
  archiveCandidate,
  createCandidate,
  getCandidate,
  restoreCandidate,
  updateCandidate,
  type CandidateRecord,
} from "@/db/queries/candidates";
import { listOwnerOptions } from "@/db/queries/jobs";
import { defineFormAction } from "@/lib/actions";
import { AppError } from "@/lib/core/errors";
import { inviteCandidate } from "@/lib/invitations";
import { inviteCandidateSchema } from "@/lib/core/validation/auth";
import { createCandidateSchema, recordRefSchema, updateCandidateSchema } from "@/lib/core/validation/records";
import { refusedForm } from "../_components/save-result";

const conflict = (c: CandidateRecord, ownerName: string) => ({
  version: c.version,
  values: {
    name: c.name,
    email: c.email,
    phone: c.phone,
    location: c.location,
    headline: c.headline,
    notes: c.notes,
    ownerUserId: c.ownerUserId ?? "",
  },
  labels: {
    name: "Name",
    email: "Email",
    phone: "Phone",
    location: "Location",
    headline: "Headline",
    notes: "Notes",
    ownerUserId: "Owner",
  },
  display: { ownerUserId: ownerName },
});

/** "A candidate email already in the firm": said next to the field, with a link to that record. */
const duplicate = (existing: { id: string; label: string }) => ({
  message: `${existing.label} already has this email address in your firm.`,
  href: `/candidates/${existing.id}`,
  label: `${existing.label}'s record`,
});

export const createCandidateAction = defineFormAction(createCandidateSchema, "candidates.write", async (scope, input, formData) => {
  const result = await createCandidate(scope, input);
  if (!result.ok) return refusedForm(result, formData, { duplicate });
  revalidatePath("/candidates");
  redirect(`/candidates/${result.value.id}?saved=created`);
});

export const updateCandidateAction = defineFormAction(updateCandidateSchema, "candidates.write", async (scope, input, formData) => {
  const result = await updateCandidate(scope, input);
  if (!result.ok && result.reason === "conflict") {
    const owners = await listOwnerOptions(scope);
    const owner = owners.find((o) => o.id === result.current.ownerUserId)?.name ?? "Nobody";
    return refusedForm(result, formData, { conflict: (c) => conflict(c, owner) });
  }
  if (!result.ok) return refusedForm(result, formData, { duplicate });
  revalidatePath("/candidates");
  redirect(`/candidates/${input.id}?saved=updated`);
});

export const archiveCandidateAction = defineFormAction(recordRefSchema, "candidates.write", async (scope, input, formData) => {
  const result = await archiveCandidate(scope, input);
  if (!result.ok) return refusedForm(result, formData);
  revalidatePath("/candidates");
  revalidatePath(`/candidates/${input.id}`);
  return { ok: true, message: "Candidate archived." };
});

export const restoreCandidateAction = defineFormAction(recordRefSchema, "candidates.write", async (scope, input, formData) => {
  const result = await restoreCandidate(scope, input);
  if (!result.ok) return refusedForm(result, formData);
  revalidatePath("/candidates");
  revalidatePath(`/candidates/${input.id}`);
  return { ok: true, message: "Candidate restored." };
});

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
