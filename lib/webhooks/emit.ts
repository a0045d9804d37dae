import { insertWebhookDeliveries, listSubscribedWebhookEndpoints } from "@/db/queries/webhooks";
import type { QueryScope } from "@/db/queries/scope";
import { newId } from "@/db/schema/_shared";
import type { WebhookEventType } from "@/lib/core/validation/webhooks";
import { enqueueJob } from "@/lib/jobs/queue";
import type { WebhookPayloadData } from "./payloads";

/**
 * Writes an event for the firm's webhooks in the caller's transaction (pass
 * the scope `inTransaction` gives the change): one delivery row per enabled
 * endpoint that receives this type (the delivery log; its id is the message's
 * `webhook-id`) and one durable `webhook.deliver` job per delivery. They
 * commit with the change or not at all; the runner sends them after the
 * commit (wake it with `wakeJobRunners()`).
 *
 * `data` holds ids and the changed fields. `debriefText` (the debrief's
 * answers) goes only to endpoints whose admin opted in. `candidateId` names
 * the candidate the event is about, so their erasure removes the deliveries.
 * With `onceKey`, an endpoint gets this event at most once (e.g. one
 * `task.overdue` per task).
 */
export type WebhookEvent<T extends WebhookEventType = WebhookEventType> = {
  type: T;
  /** Typed by the event's schema (./payloads.ts), which the API's OpenAPI document also describes. */
  data: WebhookPayloadData<T>;
  candidateId?: string | null;
  debriefText?: Record<string, unknown> | null;
  onceKey?: string;
  /** When the change happened (default now). */
  at?: Date;
};

export async function emitWebhookEvent<T extends WebhookEventType>(tx: Pick<QueryScope, "db" | "firmId">, event: WebhookEvent<T>): Promise<number> {
  const endpoints = await listSubscribedWebhookEndpoints(tx, event.type);
  if (endpoints.length === 0) return 0;
  const timestamp = (event.at ?? new Date()).toISOString();
  const rows = [];
  for (const endpoint of endpoints) {
    const id = newId();
    const queued = await enqueueJob(tx, {
      kind: "webhook.deliver",
      payload: { deliveryId: id },
      dedupeKey: event.onceKey ? `webhook:${endpoint.id}:${event.onceKey}` : `webhook:${id}`,
    });
    if (!queued) continue;
    const data = endpoint.includeDebriefText && event.debriefText ? { ...event.data, debrief: event.debriefText } : event.data;
    rows.push({ id, endpointId: endpoint.id, eventType: event.type, payload: { type: event.type, timestamp, data }, candidateId: event.candidateId ?? null });
  }
  await insertWebhookDeliveries(tx, rows);
  return rows.length;
}
