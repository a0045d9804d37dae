"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { definePublicFormAction, echoValues } from "@/lib/actions";
import { accessFeedbackLink } from "@/lib/auth/feedback-link-access";
import { clientIp } from "@/lib/auth/request";
import { feedbackLinkAnswerSchema } from "@/lib/core/validation/feedback-link";
import { answerFeedbackLink } from "@/lib/feedback-links/answer-link";

/**
 * The client interviewer's answer. No session: the token in the form is the
 * credential, checked again here whatever the page showed. Anything but an
 * open link made for this interviewer gets the plain refusal and writes
 * nothing; a saved answer reloads the page, which then shows the thank-you.
 */
export const answerFeedbackLinkAction = definePublicFormAction(feedbackLinkAnswerSchema, async (input, raw) => {
  const access = await accessFeedbackLink(input.token, { ip: clientIp(await headers()) });
  if (access.status === "rate_limited") {
    return {
      ok: false,
      values: echoValues(raw),
      formError: `Too many attempts from here. Wait ${Math.ceil(access.retryAfterSeconds / 60)} minutes and try again; what you typed is still here.`,
    };
  }
  if (access.status !== "open") return { ok: false, data: { refused: true } };
  const outcome = await answerFeedbackLink(access, input);
  if (outcome !== "saved") return { ok: false, data: { refused: true } };
  redirect(`/feedback/${input.token}?sent=1`);
});
