import { z } from "zod";

/** Every event a webhook endpoint may receive, with the label the settings page shows. */
export const WEBHOOK_EVENTS = [
  "debrief.submitted",
  "debrief.amended",
  "feedback.recorded",
  "application.stage_changed",
  "interview.scheduled",
  "interview.status_changed",
  "task.overdue",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, string> = {
  "debrief.submitted": "A candidate submitted a debrief",
  "debrief.amended": "A candidate amended a submitted debrief",
  "feedback.recorded": "Client feedback was recorded",
  "application.stage_changed": "An application moved to another stage",
  "interview.scheduled": "An interview was scheduled",
  "interview.status_changed": "An interview was completed, cancelled, marked no-show or rescheduled",
  "task.overdue": "A follow-up task became overdue",
};

const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === "1" || v === true, z.boolean());

export const webhookEndpointSchema = z.object({
  url: z
    .string()
    .trim()
    .min(1, { error: "Enter the address to send events to." })
    .max(2000, { error: "Use at most 2,000 characters." })
    .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), { error: "Enter a full address such as https://example.com/hooks/afterview." }),
  description: z.string().trim().max(200, { error: "Use at most 200 characters." }).default(""),
  events: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(WEBHOOK_EVENTS, { error: "Choose events from the list." })).min(1, { error: "Choose at least one event." }),
  ),
  includeDebriefText: checkbox,
});

export const webhookEndpointIdSchema = z.object({ endpointId: z.uuid({ error: "Choose an endpoint." }) });

export const webhookEnabledSchema = webhookEndpointIdSchema.extend({ enabled: checkbox });

export const webhookRedeliverSchema = z.object({ deliveryId: z.uuid({ error: "Choose a delivery." }) });
