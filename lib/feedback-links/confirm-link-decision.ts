import { getFeedback } from "@/db/queries/feedback";
import type { QueryScope } from "@/db/queries/scope";
import { AppError } from "@/lib/core/errors";
import { saveFeedback, type SaveFeedbackOutcome } from "@/lib/feedback/save-feedback";

/**
 * A recruiter confirms the decision an interviewer gave through a feedback
 * link as the client's decision (one click: the button says what it does to
 * the application). From then on it is the client's decision like any other:
 * it moves the application, ends the candidate's wait and call steps and
 * counts in the reports. A panel can disagree, so nothing happens to the
 * decision until a recruiter confirms it.
 */
export async function confirmLinkDecision(
  scope: QueryScope,
  input: { interviewId: string; feedbackId: string; version: number; seenStage: string; seenStageAt: string; timeZone: string },
): Promise<SaveFeedbackOutcome> {
  const feedback = await getFeedback(scope, input.feedbackId);
  if (!feedback || feedback.interviewId !== input.interviewId) throw new AppError("not_found");
  if (!feedback.proposedDecision) throw new AppError("invalid", "This feedback has no decision to confirm.");
  if (feedback.decision) throw new AppError("conflict", "This decision is already confirmed.");
  return saveFeedback(scope, {
    interviewId: feedback.interviewId,
    feedbackId: feedback.id,
    version: input.version,
    timeZone: input.timeZone,
    contactId: feedback.contactId,
    receivedAt: feedback.receivedAt,
    channel: feedback.channel,
    recommendation: feedback.recommendation,
    takeaways: feedback.takeaways,
    sharedSummary: feedback.sharedSummary,
    internalNotes: feedback.internalNotes,
    decision: feedback.proposedDecision,
    ratings: feedback.ratings.map((r) => ({ attributeId: r.attributeId, rating: r.rating, note: r.note })),
    confirm: true,
    seenStage: input.seenStage,
    seenStageAt: input.seenStageAt,
  });
}
