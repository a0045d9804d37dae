"use server";

import { revalidatePath } from "next/cache";
import { getFeedback, previewFeedbackDecision } from "@/db/queries/feedback";
import { createFeedback, deleteFeedback, updateFeedback } from "@/db/queries/feedback-recording";
import { confirmPersonAsContact, dismissPersonMet, mergePersonWithContact } from "@/db/queries/people-met";
import { markDebriefReviewed } from "@/db/queries/review";
import { type Stage, STAGE_LABELS, STAGES } from "@/lib/core/vocabulary";
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

/**
 * Records (or edits) interviewer feedback. A new client decision takes two
 * submits: the first returns what it would do to the application's stage
 * (and the stage as read now); the second, confirmed, saves — unless the
 * stage changed in between, which is a conflict and saves nothing.
 */
export const saveFeedbackAction = defineFormAction(feedbackSchema, "feedback.write", async (scope, input, formData) => {
  const values = echoValues(formDataToObject(formData));
  const existing = input.feedbackId ? await getFeedback(scope, input.feedbackId) : null;
  if (input.feedbackId && !existing) throw new AppError("not_found");
  const newDecision = input.decision && input.decision !== existing?.decision ? input.decision : null;

  if (newDecision && !input.confirm) {
    const preview = await previewFeedbackDecision(scope, { interviewId: input.interviewId, decision: newDecision });
    if (!preview) throw new AppError("not_found");
    if (preview.blocked) {
      return { ok: false, values, fieldErrors: { decision: [preview.blocked] }, formError: preview.blocked };
    }
    return {
      ok: false,
      values: { ...values, seenStage: preview.seenStage.stage, seenStageAt: preview.seenStage.changedAt.toISOString() },
      data: {
        confirm: {
          decision: DECISION_WORDS[newDecision],
          candidateName: preview.candidateName,
          from: STAGE_LABELS[preview.from],
          to: preview.to ? STAGE_LABELS[preview.to] : null,
        },
      },
    };
  }

  const seenStage =
    input.seenStage && (STAGES as readonly string[]).includes(input.seenStage) && input.seenStageAt && !Number.isNaN(Date.parse(input.seenStageAt))
      ? { stage: input.seenStage as Stage, changedAt: new Date(input.seenStageAt) }
      : null;
  const fields = {
    contactId: input.contactId,
    receivedAt: input.receivedAt,
    channel: input.channel,
    recommendation: input.recommendation,
    takeaways: input.takeaways,
    sharedSummary: input.sharedSummary,
    internalNotes: input.internalNotes,
    decision: input.decision,
    ratings: input.ratings,
    seenStage,
  };
  const saved = existing
    ? await updateFeedback(scope, { ...fields, id: existing.id, version: input.version ?? 0 })
    : await createFeedback(scope, { ...fields, interviewId: input.interviewId });
  if (saved === "not_found") throw new AppError("not_found");
  refresh(input.interviewId);
  const moved = saved.stageChange
    ? ` The application moved from ${STAGE_LABELS[saved.stageChange.from]} to ${STAGE_LABELS[saved.stageChange.to]}.`
    : newDecision
      ? " The application's stage stays as it is."
      : "";
  return {
    ok: true,
    message: `${existing ? "Feedback updated." : "Feedback recorded."}${moved}`,
    data: { warning: saved.warning ?? null, feedbackId: saved.feedback.id },
  };
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
  const r = await confirmPersonAsContact(scope, {
    personId: input.personId,
    fields: { name: input.name, title: input.title, email: input.email, phone: input.phone },
  });
  if (r === "not_found") throw new AppError("not_found");
  refresh(input.interviewId);
  return { ok: true, message: `${input.name} added to the client's contacts and linked to this interview.`, data: { contactId: r.contactId } };
});

export const mergePersonAction = defineFormAction(mergePersonSchema, "contacts.write", async (scope, input) => {
  const r = await mergePersonWithContact(scope, { personId: input.personId, contactId: input.contactId });
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
