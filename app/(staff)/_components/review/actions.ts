"use server";

import { revalidatePath } from "next/cache";
import { dismissPersonMet } from "@/db/queries/people-met";
import { markDebriefReviewed } from "@/db/queries/review";
import { STAGE_LABELS } from "@/lib/core/vocabulary";
import { deleteFeedback } from "@/lib/feedback/delete-feedback";
import { saveFeedback } from "@/lib/feedback/save-feedback";
import { confirmPersonMet, mergePersonMet } from "@/lib/interviews/people-met";
import { defineFormAction, echoValues, formDataToObject } from "@/lib/actions";
import { AppError } from "@/lib/core/errors";
import {
  confirmPersonSchema,
  deleteFeedbackSchema,
  dismissPersonSchema,
  feedbackSchema,
  markReviewedSchema,
  mergePersonSchema,
} from "@/lib/core/validation/feedback";

function refresh(interviewId: string) {
  revalidatePath(`/interviews/${interviewId}`);
  revalidatePath("/dashboard");
  revalidatePath("/tasks");
}

const DECISION_WORDS = { next_round: "Next round", offer: "Offer", hold: "Hold", reject: "Reject" } as const;

/** Records (or edits) interviewer feedback; a new client decision asks for confirmation first (see saveFeedback). */
export const saveFeedbackAction = defineFormAction(feedbackSchema, "feedback.write", async (scope, input, formData) => {
  const values = echoValues(formDataToObject(formData));
  const r = await saveFeedback(scope, input);
  if (r.status === "blocked") return { ok: false, values, fieldErrors: { decision: [r.reason] }, formError: r.reason };
  if (r.status === "confirm") {
    return {
      ok: false,
      values: { ...values, seenStage: r.seenStage.stage, seenStageAt: r.seenStage.changedAt.toISOString() },
      data: {
        confirm: { decision: DECISION_WORDS[r.decision], candidateName: r.candidateName, from: STAGE_LABELS[r.from], to: r.to ? STAGE_LABELS[r.to] : null },
      },
    };
  }
  refresh(input.interviewId);
  const moved = r.stageChange
    ? ` The application moved from ${STAGE_LABELS[r.stageChange.from]} to ${STAGE_LABELS[r.stageChange.to]}.`
    : r.newDecision
      ? " The application's stage stays as it is."
      : "";
  return { ok: true, message: `${r.created ? "Feedback recorded." : "Feedback updated."}${moved}`, data: { warning: r.warning, feedbackId: r.feedbackId } };
});

export const deleteFeedbackAction = defineFormAction(deleteFeedbackSchema, "feedback.write", async (scope, input) => {
  const r = await deleteFeedback(scope, { id: input.feedbackId, version: input.version });
  if (r === "not_found") throw new AppError("not_found");
  refresh(input.interviewId);
  return { ok: true, message: "Feedback deleted. Any stage it moved stays as it is." };
});

export const markReviewedAction = defineFormAction(markReviewedSchema, "debriefs.review", async (scope, input) => {
  const r = await markDebriefReviewed(scope, { debriefId: input.debriefId, version: input.version });
  if (r === "not_found") throw new AppError("not_found");
  refresh(input.interviewId);
  return { ok: true, message: "Debrief marked reviewed." };
});

export const confirmPersonAction = defineFormAction(confirmPersonSchema, "contacts.write", async (scope, input) => {
  const r = await confirmPersonMet(scope, {
    personId: input.personId,
    fields: { name: input.name, title: input.title, email: input.email, phone: input.phone },
  });
  if (r === "not_found") throw new AppError("not_found");
  refresh(input.interviewId);
  return { ok: true, message: `${input.name} added to the client's contacts and linked to this interview.`, data: { contactId: r.contactId } };
});

export const mergePersonAction = defineFormAction(mergePersonSchema, "contacts.write", async (scope, input) => {
  const r = await mergePersonMet(scope, { personId: input.personId, contactId: input.contactId });
  if (r === "not_found") throw new AppError("not_found");
  refresh(input.interviewId);
  return { ok: true, message: "Merged with the existing contact and linked to this interview.", data: { contactId: r.contactId } };
});

export const dismissPersonAction = defineFormAction(dismissPersonSchema, "contacts.write", async (scope, input) => {
  const r = await dismissPersonMet(scope, { personId: input.personId });
  if (r === "not_found") throw new AppError("not_found");
  refresh(input.interviewId);
  return { ok: true, message: "Dismissed." };
});
