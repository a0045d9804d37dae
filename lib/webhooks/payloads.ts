import { z } from "zod";
import { WEBHOOK_EVENTS, type WebhookEventType } from "@/lib/core/validation/webhooks";
import { DECISIONS, FEEDBACK_CHANNELS, INTERVIEW_KINDS, INTERVIEW_STATUSES, RECOMMENDATIONS, STAGES } from "@/lib/core/vocabulary";

/**
 * What each webhook event's `data` holds, as zod schemas: the use cases build
 * their payloads typed by them (./events.ts, ./emit.ts), the tests check real
 * deliveries against them, and the OpenAPI document describes them.
 */

const id = z.uuid();
const at = z.iso.datetime();

const interview = z.object({
  interviewId: id,
  applicationId: id,
  candidateId: id,
  kind: z.enum(INTERVIEW_KINDS),
  status: z.enum(INTERVIEW_STATUSES),
  startsAt: at,
  endsAt: at,
});

const debrief = z.object({
  debriefId: id,
  interviewId: id,
  candidateId: id,
  version: z.int().min(1),
  submittedAt: at,
  debrief: z
    .record(z.string(), z.unknown())
    .optional()
    .meta({ description: "The debrief's answers: only for endpoints whose admin chose to include debrief text." }),
});

export const WEBHOOK_PAYLOADS = {
  "debrief.submitted": debrief,
  "debrief.amended": debrief,
  "feedback.recorded": z.object({
    feedbackId: id,
    interviewId: id,
    candidateId: id,
    channel: z.enum(FEEDBACK_CHANNELS),
    recommendation: z.enum(RECOMMENDATIONS),
    decision: z.enum(DECISIONS).nullable(),
    proposedDecision: z.enum(DECISIONS).optional().meta({ description: "A decision given through a feedback link, not yet confirmed by a recruiter." }),
    receivedAt: at,
  }),
  "application.stage_changed": z.object({
    applicationId: id,
    candidateId: id,
    jobId: id,
    previousStage: z.enum(STAGES).optional(),
    stage: z.enum(STAGES),
    stageChangedAt: at,
  }),
  "interview.scheduled": interview,
  "interview.status_changed": interview.extend({
    previousStatus: z.enum(INTERVIEW_STATUSES).optional(),
    rescheduled: z.literal(true).optional().meta({ description: "Set when the time or place changed rather than the status." }),
  }),
  "task.overdue": z.object({
    taskId: id,
    dueAt: at,
    ownerUserId: id.nullable(),
    candidateId: id.nullable(),
    applicationId: id.nullable(),
    interviewId: id.nullable(),
    rule: z.string().nullable(),
    policyKey: z.string().nullable(),
  }),
} satisfies Record<WebhookEventType, z.ZodType>;

export type WebhookPayloadData<T extends WebhookEventType> = z.input<(typeof WEBHOOK_PAYLOADS)[T]>;

/** The body of one delivery: the event's type, when it happened, and its data. */
export function webhookBodySchema<T extends WebhookEventType>(type: T) {
  return z.object({ type: z.literal(type), timestamp: at, data: WEBHOOK_PAYLOADS[type] });
}

export { WEBHOOK_EVENTS };
