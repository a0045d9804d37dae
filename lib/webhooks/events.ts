import type { QueryScope } from "@/db/queries/scope";
import type { Decision, FeedbackChannel, InterviewKind, InterviewStatus, Recommendation, Stage } from "@/lib/core/vocabulary";
import { emitWebhookEvent } from "./emit";

/**
 * The payloads of the events use cases emit, in one place: ids and the
 * fields that changed, never free text (a debrief's text only through
 * `debriefText`, for endpoints that opted in).
 */

type Tx = Pick<QueryScope, "db" | "firmId">;

export function emitApplicationStageChanged(
  tx: Tx,
  app: { id: string; candidateId: string; jobId: string; stage: Stage; stageChangedAt: Date },
  from?: Stage,
): Promise<number> {
  return emitWebhookEvent(tx, {
    type: "application.stage_changed",
    data: {
      applicationId: app.id,
      candidateId: app.candidateId,
      jobId: app.jobId,
      ...(from ? { previousStage: from } : {}),
      stage: app.stage,
      stageChangedAt: app.stageChangedAt.toISOString(),
    },
    candidateId: app.candidateId,
    at: app.stageChangedAt,
  });
}

type InterviewRow = { id: string; applicationId: string; candidateId: string; kind: InterviewKind; status: InterviewStatus; startsAt: Date; endsAt: Date };

function interviewData(i: InterviewRow) {
  return {
    interviewId: i.id,
    applicationId: i.applicationId,
    candidateId: i.candidateId,
    kind: i.kind,
    status: i.status,
    startsAt: i.startsAt.toISOString(),
    endsAt: i.endsAt.toISOString(),
  };
}

export function emitInterviewScheduled(tx: Tx, interview: InterviewRow): Promise<number> {
  return emitWebhookEvent(tx, { type: "interview.scheduled", data: interviewData(interview), candidateId: interview.candidateId });
}

/** A status change (completed, cancelled, no-show, scheduled again) or a new time: `change` says which. */
export function emitInterviewStatusChanged(
  tx: Tx,
  interview: InterviewRow,
  change: { previousStatus?: InterviewStatus; rescheduled?: boolean },
): Promise<number> {
  return emitWebhookEvent(tx, {
    type: "interview.status_changed",
    data: {
      ...interviewData(interview),
      ...(change.previousStatus ? { previousStatus: change.previousStatus } : {}),
      ...(change.rescheduled ? { rescheduled: true as const } : {}),
    },
    candidateId: interview.candidateId,
  });
}

export function emitFeedbackRecorded(
  tx: Tx,
  feedback: {
    id: string;
    interviewId: string;
    candidateId: string;
    channel: FeedbackChannel;
    recommendation: Recommendation;
    decision: Decision | null;
    proposedDecision?: Decision | null;
    receivedAt: Date;
  },
): Promise<number> {
  return emitWebhookEvent(tx, {
    type: "feedback.recorded",
    data: {
      feedbackId: feedback.id,
      interviewId: feedback.interviewId,
      candidateId: feedback.candidateId,
      channel: feedback.channel,
      recommendation: feedback.recommendation,
      decision: feedback.decision,
      ...(feedback.proposedDecision ? { proposedDecision: feedback.proposedDecision } : {}),
      receivedAt: feedback.receivedAt.toISOString(),
    },
    candidateId: feedback.candidateId,
  });
}
