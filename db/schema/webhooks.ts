import { boolean, foreignKey, index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, firmPrimaryKey, tstz, updatedAt } from "./_shared";
import { tenantKey } from "./firms";
import { users } from "./auth";

/**
 * An HTTPS address of the firm's other systems that is told about changes
 * (lib/webhooks/). Its signing secret is stored encrypted; after a rotation the
 * previous secret keeps signing too until `previous_secret_expires_at`.
 */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    ...tenantKey(),
    url: text().notNull(),
    description: text().notNull().default(""),
    /** The event types it receives (lib/webhooks/events.ts). */
    events: text().array().notNull(),
    /** Whether a debrief's text goes in the payload (by default ids and changed fields only). */
    includeDebriefText: boolean().notNull().default(false),
    secretEncrypted: text().notNull(),
    previousSecretEncrypted: text(),
    previousSecretExpiresAt: tstz(),
    enabled: boolean().notNull().default(true),
    disabledAt: tstz(),
    disabledReason: text(),
    /** When deliveries started failing without a success since (cleared by a success). */
    failingSince: tstz(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [firmPrimaryKey(t)],
);

/**
 * The delivery log: one message to one endpoint (its id is the message's
 * `webhook-id`, `msg_<id>`), with the payload as it was sent and how its
 * attempts went. `candidate_id` names the candidate the event is about, so a
 * candidate's erasure removes their deliveries.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    ...tenantKey(),
    endpointId: uuid().notNull(),
    eventType: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    candidateId: uuid(),
    /** pending, delivered, failed (no attempts left, or the endpoint was disabled). */
    state: text().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    lastAttemptAt: tstz(),
    lastStatus: integer(),
    lastError: text(),
    deliveredAt: tstz(),
    createdAt: createdAt(),
  },
  (t) => [
    firmPrimaryKey(t),
    foreignKey({ columns: [t.firmId, t.endpointId], foreignColumns: [webhookEndpoints.firmId, webhookEndpoints.id] }).onDelete("cascade"),
    index("webhook_deliveries_firm_endpoint_idx").on(t.firmId, t.endpointId, t.createdAt),
    index("webhook_deliveries_firm_candidate_idx").on(t.firmId, t.candidateId),
  ],
);

export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
