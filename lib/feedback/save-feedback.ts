import { getApplication, listApplicationInterviewIds } from "@/db/queries/applications";
import { feedbackAnswersOf, getFeedback, getFeedbackContext, previewFeedbackDecision, type FeedbackFields } from "@/db/queries/feedback";
import { createFeedback, updateFeedback } from "@/db/queries/feedback-recording";
import { inTransaction, type QueryScope } from "@/db/queries/scope";
import { AppError } from "@/lib/core/errors";
import type { FeedbackInput } from "@/lib/core/validation/feedback";
import { STAGES, type Stage } from "@/lib/core/vocabulary";
import { syncPlan, syncPlans } from "@/lib/plans/sync";
import { CLIENT_DECIDED } from "@/lib/plans/task-specs";
import { wakeJobRunners } from "@/lib/jobs/queue";
import { emitApplicationStageChanged, emitFeedbackRecorded } from "@/lib/webhooks/events";

type Decision = NonNullable<FeedbackFields["decision"]>;

export type SaveFeedbackOutcome =
  /** The new decision cannot move the application (the reason, for the decision field). */
  | { status: "blocked"; reason: string }
  /** The new decision needs the recruiter's confirmation of the stage move it makes. */
  | {
      status: "confirm";
      decision: Decision;
      candidateName: string;
      from: Stage;
      to: Stage | null;
      /** The stage as read now: a change before the confirmed save is a conflict. */
      seenStage: { stage: Stage; changedAt: Date };
    }
  | {
      status: "saved";
      created: boolean;
      feedbackId: string;
      /** Set when a new decision was saved. */
      newDecision: Decision | null;
      stageChange: { from: Stage; to: Stage } | null;
      warning: string | null;
    };

/**
 * Records (or edits) interviewer feedback. A new client decision takes two
 * submits: the first returns what it would do to the application's stage
 * (and the stage as read now); the second, confirmed, saves — unless the
 * stage changed in between, which is a conflict and saves nothing. The
 * feedback, the stage it moves and the interview's plan (the recruiter's
 * feedback step done; with a decision, the wait, the call and the chase
 * over) are stored in one transaction.
 */
export async function saveFeedback(scope: QueryScope, input: FeedbackInput): Promise<SaveFeedbackOutcome> {
  const existing = input.feedbackId ? await getFeedback(scope, input.feedbackId) : null;
  if (input.feedbackId && !existing) throw new AppError("not_found");
  const newDecision = input.decision && input.decision !== existing?.decision ? input.decision : null;

  if (newDecision && !input.confirm) {
    const preview = await previewFeedbackDecision(scope, { interviewId: input.interviewId, decision: newDecision });
    if (!preview) throw new AppError("not_found");
    if (preview.blocked) return { status: "blocked", reason: preview.blocked };
    return {
      status: "confirm",
      decision: newDecision,
      candidateName: preview.candidateName,
      from: preview.from,
      to: preview.to,
      seenStage: preview.seenStage,
    };
  }

  const seenStage =
    input.seenStage && (STAGES as readonly string[]).includes(input.seenStage) && input.seenStageAt && !Number.isNaN(Date.parse(input.seenStageAt))
      ? { stage: input.seenStage as Stage, changedAt: new Date(input.seenStageAt) }
      : null;
  const fields = {
    ...feedbackAnswersOf(input),
    decision: input.decision,
    ratings: input.ratings,
    seenStage,
  };
  let emitted = 0;
  const saved = await inTransaction(scope, async (tx) => {
    const saved = existing
      ? await updateFeedback(tx, { ...fields, id: existing.id, version: input.version ?? 0 })
      : await createFeedback(tx, { ...fields, interviewId: input.interviewId });
    if (saved === "not_found") throw new AppError("not_found");
    const interviewId = saved.feedback.interviewId;
    const decided = newDecision !== null && newDecision !== "hold";
    await syncPlan(tx, interviewId, decided ? { reason: CLIENT_DECIDED } : {});
    // A decision that moved the application (a rejection) changes the plans of its other rounds too.
    if (saved.stageChange) {
      const ctx = await getFeedbackContext(tx, interviewId);
      const others = ctx ? (await listApplicationInterviewIds(tx, ctx.applicationId)).filter((id) => id !== interviewId) : [];
      await syncPlans(tx, others);
    }
    const ctx = await getFeedbackContext(tx, interviewId);
    const app = ctx ? await getApplication(tx, ctx.applicationId) : null;
    if (app) {
      emitted += await emitFeedbackRecorded(tx, { ...saved.feedback, candidateId: app.candidateId });
      if (saved.stageChange) emitted += await emitApplicationStageChanged(tx, app, saved.stageChange.from);
    }
    return saved;
  });
  if (emitted > 0) wakeJobRunners();
  return {
    status: "saved",
    created: !existing,
    feedbackId: saved.feedback.id,
    newDecision,
    stageChange: saved.stageChange ?? null,
    warning: saved.warning ?? null,
  };
}
