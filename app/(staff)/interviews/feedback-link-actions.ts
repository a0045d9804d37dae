"use server";

import { revalidatePath } from "next/cache";
import { defineFormAction } from "@/lib/actions";
import { STAGE_LABELS } from "@/lib/core/vocabulary";
import { confirmLinkDecisionSchema, requestFeedbackSchema, revokeFeedbackLinkSchema } from "@/lib/core/validation/feedback-link";
import { confirmLinkDecision } from "@/lib/feedback-links/confirm-link-decision";
import { requestFeedback, revokeLink } from "@/lib/feedback-links/request-feedback";
import { getFirmTimeZone } from "@/db/queries/interviews";

function refresh(interviewId: string) {
  revalidatePath(`/interviews/${interviewId}`);
  revalidatePath("/dashboard");
}

/** Mails a feedback link to one interviewer, or to every interviewer who has not answered. */
export const requestFeedbackAction = defineFormAction(requestFeedbackSchema, "feedback.write", async (scope, input) => {
  const r = await requestFeedback(scope, { interviewId: input.interviewId, contactId: input.contactId });
  refresh(input.interviewId);
  const names = r.sent.map((p) => p.name);
  return {
    ok: true,
    message: `Feedback link sent to ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`}.`,
  };
});

/** Stops a link that has not been answered. */
export const revokeFeedbackLinkAction = defineFormAction(revokeFeedbackLinkSchema, "feedback.write", async (scope, input) => {
  await revokeLink(scope, { interviewId: input.interviewId, linkId: input.linkId });
  refresh(input.interviewId);
  return { ok: true, message: "Link withdrawn: it now shows only your firm's name." };
});

/** Confirms the decision an interviewer gave through a link as the client's decision. */
export const confirmLinkDecisionAction = defineFormAction(confirmLinkDecisionSchema, "feedback.write", async (scope, input) => {
  const r = await confirmLinkDecision(scope, { ...input, timeZone: await getFirmTimeZone(scope) });
  if (r.status === "blocked") return { ok: false, formError: r.reason };
  if (r.status === "confirm") return { ok: false, formError: "The application changed since this page was loaded. Reload the page and confirm again." };
  refresh(input.interviewId);
  const moved = r.stageChange ? ` The application moved from ${STAGE_LABELS[r.stageChange.from]} to ${STAGE_LABELS[r.stageChange.to]}.` : "";
  return { ok: true, message: `Confirmed as the client's decision.${moved}` };
});
