import { getFeedbackLinkForm, markFeedbackLinkOpened, recordLinkAnswer, type FoundFeedbackLink } from "@/db/queries/feedback-links";
import { inTransaction, type QueryScope } from "@/db/queries/scope";
import type { FeedbackLinkAnswerInput } from "@/lib/core/validation/feedback-link";
import { getApplication } from "@/db/queries/applications";
import { getFeedback, getFeedbackContext } from "@/db/queries/feedback";
import { syncPlan } from "@/lib/plans/sync";
import { wakeJobRunners } from "@/lib/jobs/queue";
import { emitFeedbackRecorded } from "@/lib/webhooks/events";

/**
 * The client interviewer's side of a feedback link, once the token has been
 * accepted (lib/auth/feedback-link-access.ts): the form's contents, and the
 * answer.
 */

type OpenLink = { link: FoundFeedbackLink; scope: QueryScope };

/** What the form shows (the candidate's name, the job, the interview's date, the scorecard), and marks the link opened. */
export async function openLinkForm(access: OpenLink, now = new Date()) {
  const form = await getFeedbackLinkForm(access.scope, access.link);
  if (!form) return null;
  await markFeedbackLinkOpened(access.scope, { id: access.link.id, now });
  return form;
}

/**
 * Stores the answer as that interviewer's feedback, in one transaction with
 * its audit row, the recruiter's feedback step ticked and the interview's
 * plan synced. A decision stays the interviewer's recommendation until a
 * recruiter confirms it. Returns "closed" when the link was answered,
 * revoked or expired in the meantime (a replay changes nothing), and
 * "refused" when the form was not made for this link's interviewer.
 */
export async function answerFeedbackLink(
  access: OpenLink,
  input: FeedbackLinkAnswerInput,
  now = new Date(),
): Promise<"saved" | "closed" | "refused"> {
  if (input.contactId !== access.link.contactId) return "refused";
  const saved = await inTransaction(access.scope, async (tx) => {
    const row = await recordLinkAnswer(tx, {
      link: access.link,
      answer: {
        recommendation: input.recommendation,
        strengths: input.strengths,
        concerns: input.concerns,
        decision: input.decision,
        expectedDecisionOn: input.expectedDecisionOn,
        ratings: input.ratings,
      },
      now,
    });
    if (!row) return null;
    await syncPlan(tx, access.link.interviewId);
    const feedback = await getFeedback(tx, row.feedbackId);
    const ctx = await getFeedbackContext(tx, access.link.interviewId);
    const app = ctx ? await getApplication(tx, ctx.applicationId) : null;
    const emitted = feedback && app ? await emitFeedbackRecorded(tx, { ...feedback, candidateId: app.candidateId }) : 0;
    return { ...row, emitted };
  });
  if (saved && saved.emitted > 0) wakeJobRunners();
  return saved ? "saved" : "closed";
}
