import { and, arrayContains, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { memberships, users, webhookDeliveries, webhookEndpoints, type WebhookDelivery, type WebhookEndpoint } from "../schema";
import type { QueryScope } from "./scope";

/**
 * Webhook endpoints and their delivery log (lib/webhooks/). Every function
 * takes the firm from its scope and filters `firm_id` itself: the admin's
 * scope in pages and actions, the change's transaction when an event is
 * written, and the job runner's firm when a delivery is sent.
 */

type Scope = Pick<QueryScope, "db" | "firmId">;

/** An endpoint as the settings page shows it (never its secrets). */
export type WebhookEndpointView = Omit<WebhookEndpoint, "secretEncrypted" | "previousSecretEncrypted">;

const endpointView = {
  firmId: webhookEndpoints.firmId,
  id: webhookEndpoints.id,
  url: webhookEndpoints.url,
  description: webhookEndpoints.description,
  events: webhookEndpoints.events,
  includeDebriefText: webhookEndpoints.includeDebriefText,
  previousSecretExpiresAt: webhookEndpoints.previousSecretExpiresAt,
  enabled: webhookEndpoints.enabled,
  disabledAt: webhookEndpoints.disabledAt,
  disabledReason: webhookEndpoints.disabledReason,
  failingSince: webhookEndpoints.failingSince,
  createdBy: webhookEndpoints.createdBy,
  createdAt: webhookEndpoints.createdAt,
  updatedAt: webhookEndpoints.updatedAt,
};

const ofEndpoint = (scope: Scope, id: string) => and(eq(webhookEndpoints.firmId, scope.firmId), eq(webhookEndpoints.id, id));
const ofDelivery = (scope: Scope, id: string) => and(eq(webhookDeliveries.firmId, scope.firmId), eq(webhookDeliveries.id, id));

export async function listWebhookEndpoints(scope: Scope): Promise<WebhookEndpointView[]> {
  return scope.db.select(endpointView).from(webhookEndpoints).where(eq(webhookEndpoints.firmId, scope.firmId)).orderBy(webhookEndpoints.createdAt);
}

export async function getWebhookEndpoint(scope: Scope, id: string): Promise<WebhookEndpointView | null> {
  const [row] = await scope.db.select(endpointView).from(webhookEndpoints).where(ofEndpoint(scope, id)).limit(1);
  return row ?? null;
}

/** The endpoint with its encrypted secrets, for signing a delivery. */
export async function getWebhookEndpointForDelivery(scope: Scope, id: string): Promise<WebhookEndpoint | null> {
  const [row] = await scope.db.select().from(webhookEndpoints).where(ofEndpoint(scope, id)).limit(1);
  return row ?? null;
}

export type NewWebhookEndpoint = {
  url: string;
  description: string;
  events: string[];
  includeDebriefText: boolean;
  secretEncrypted: string;
  createdBy: string | null;
};

export async function insertWebhookEndpoint(scope: Scope, input: NewWebhookEndpoint): Promise<WebhookEndpointView> {
  const [row] = await scope.db
    .insert(webhookEndpoints)
    .values({ firmId: scope.firmId, ...input })
    .returning(endpointView);
  return row!;
}

export type WebhookEndpointPatch = Partial<
  Pick<
    WebhookEndpoint,
    | "url"
    | "description"
    | "events"
    | "includeDebriefText"
    | "secretEncrypted"
    | "previousSecretEncrypted"
    | "previousSecretExpiresAt"
    | "enabled"
    | "disabledAt"
    | "disabledReason"
    | "failingSince"
  >
>;

/** Changes an endpoint of the scope's firm; null when it has none with this id. */
export async function updateWebhookEndpoint(scope: Scope, id: string, patch: WebhookEndpointPatch): Promise<WebhookEndpointView | null> {
  const [row] = await scope.db
    .update(webhookEndpoints)
    .set({ ...patch, updatedAt: new Date() })
    .where(ofEndpoint(scope, id))
    .returning(endpointView);
  return row ?? null;
}

/** A failed attempt: the endpoint has been failing since now, unless it already was. */
export async function markWebhookEndpointFailing(scope: Scope, id: string, now: Date): Promise<Date | null> {
  const [row] = await scope.db
    .update(webhookEndpoints)
    .set({ failingSince: sql`coalesce(${webhookEndpoints.failingSince}, ${now.toISOString()}::timestamptz)` })
    .where(ofEndpoint(scope, id))
    .returning({ failingSince: webhookEndpoints.failingSince });
  return row?.failingSince ?? null;
}

/** Deletes an endpoint and its delivery log; false when the firm has none with this id. */
export async function deleteWebhookEndpoint(scope: Scope, id: string): Promise<boolean> {
  const gone = await scope.db.delete(webhookEndpoints).where(ofEndpoint(scope, id)).returning({ id: webhookEndpoints.id });
  return gone.length > 0;
}

/** The firm's enabled endpoints that receive this event type. */
export async function listSubscribedWebhookEndpoints(
  scope: Scope,
  eventType: string,
): Promise<{ id: string; includeDebriefText: boolean }[]> {
  return scope.db
    .select({ id: webhookEndpoints.id, includeDebriefText: webhookEndpoints.includeDebriefText })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.firmId, scope.firmId), eq(webhookEndpoints.enabled, true), arrayContains(webhookEndpoints.events, [eventType])));
}

export type NewWebhookDelivery = {
  id?: string;
  endpointId: string;
  eventType: string;
  payload: Record<string, unknown>;
  candidateId: string | null;
};

export async function insertWebhookDeliveries(scope: Scope, rows: NewWebhookDelivery[]): Promise<{ id: string; endpointId: string }[]> {
  if (rows.length === 0) return [];
  return scope.db
    .insert(webhookDeliveries)
    .values(rows.map((r) => ({ firmId: scope.firmId, ...r })))
    .returning({ id: webhookDeliveries.id, endpointId: webhookDeliveries.endpointId });
}

export async function getWebhookDelivery(scope: Scope, id: string): Promise<WebhookDelivery | null> {
  const [row] = await scope.db.select().from(webhookDeliveries).where(ofDelivery(scope, id)).limit(1);
  return row ?? null;
}

/** An endpoint's delivery log, newest first (without the payloads). */
export async function listWebhookDeliveries(
  scope: Scope,
  endpointId: string,
  opts: { limit?: number } = {},
): Promise<Omit<WebhookDelivery, "payload">[]> {
  return scope.db
    .select({
      firmId: webhookDeliveries.firmId,
      id: webhookDeliveries.id,
      endpointId: webhookDeliveries.endpointId,
      eventType: webhookDeliveries.eventType,
      candidateId: webhookDeliveries.candidateId,
      state: webhookDeliveries.state,
      attempts: webhookDeliveries.attempts,
      lastAttemptAt: webhookDeliveries.lastAttemptAt,
      lastStatus: webhookDeliveries.lastStatus,
      lastError: webhookDeliveries.lastError,
      deliveredAt: webhookDeliveries.deliveredAt,
      createdAt: webhookDeliveries.createdAt,
    })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.firmId, scope.firmId), eq(webhookDeliveries.endpointId, endpointId)))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(opts.limit ?? 50);
}

/** Records one attempt's outcome. */
export async function recordWebhookAttempt(
  scope: Scope,
  id: string,
  outcome: { at: Date; status: number | null; error: string | null; state: "pending" | "delivered" | "failed" },
): Promise<void> {
  await scope.db
    .update(webhookDeliveries)
    .set({
      attempts: sql`${webhookDeliveries.attempts} + 1`,
      lastAttemptAt: outcome.at,
      lastStatus: outcome.status,
      lastError: outcome.error?.slice(0, 1000) ?? null,
      state: outcome.state,
      deliveredAt: outcome.state === "delivered" ? outcome.at : undefined,
    })
    .where(ofDelivery(scope, id));
}

/** Marks a delivery as given up without an attempt (its endpoint is disabled or gone). */
export async function abandonWebhookDelivery(scope: Scope, id: string, reason: string): Promise<void> {
  await scope.db
    .update(webhookDeliveries)
    .set({ state: "failed", lastError: reason })
    .where(and(ofDelivery(scope, id), eq(webhookDeliveries.state, "pending")));
}

/** Puts a delivery back to pending for a redelivery; null when the firm has none with this id. */
export async function requeueWebhookDelivery(scope: Scope, id: string): Promise<{ id: string; endpointId: string } | null> {
  const [row] = await scope.db
    .update(webhookDeliveries)
    .set({ state: "pending" })
    .where(ofDelivery(scope, id))
    .returning({ id: webhookDeliveries.id, endpointId: webhookDeliveries.endpointId });
  return row ?? null;
}

/** The firm's admins, whom a disabled endpoint is mailed to. */
export async function listWebhookAdminRecipients(scope: Scope): Promise<{ userId: string; email: string; name: string }[]> {
  return scope.db
    .select({ userId: users.id, email: users.email, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.firmId, scope.firmId), eq(memberships.role, "admin"), eq(memberships.status, "active")));
}

export type OverdueTaskEvent = {
  firmId: string;
  taskId: string;
  dueAt: Date;
  ownerUserId: string | null;
  candidateId: string | null;
  applicationId: string | null;
  interviewId: string | null;
  rule: string | null;
  policyKey: string | null;
};

/**
 * Unscoped (the reminder pass works for every firm, as the tables' owner):
 * open tasks that fell due in the last `windowMs` before `now`, in firms with
 * an enabled endpoint for `task.overdue` that has not had the task yet (its
 * job's dedupe key `webhook:<endpoint>:task-overdue:<task>` is not taken).
 */
export async function unsafeListOverdueTasksToAnnounce(db: DbOrTx, opts: { now: Date; windowMs: number; limit?: number }): Promise<OverdueTaskEvent[]> {
  const now = opts.now.toISOString();
  const from = new Date(opts.now.getTime() - opts.windowMs).toISOString();
  const result = await db.execute(sql`
    select t.firm_id, t.id, t.due_at, t.owner_user_id, t.candidate_id, t.application_id, t.interview_id, t.rule, t.policy_key
      from tasks t
     where t.state = 'open' and t.due_at <= ${now}::timestamptz and t.due_at > ${from}::timestamptz
       and exists (
         select 1 from webhook_endpoints e
          where e.firm_id = t.firm_id and e.enabled and 'task.overdue' = any(e.events)
            and not exists (
              select 1 from background_jobs j
               where j.firm_id = t.firm_id and j.dedupe_key = 'webhook:' || e.id || ':task-overdue:' || t.id))
     order by t.due_at
     limit ${opts.limit ?? 1000}`);
  const rows = (Array.isArray(result) ? result : ((result as { rows?: Record<string, unknown>[] }).rows ?? [])) as Record<string, unknown>[];
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return rows.map((r) => ({
    firmId: String(r.firm_id),
    taskId: String(r.id),
    dueAt: new Date(r.due_at as string | Date),
    ownerUserId: str(r.owner_user_id),
    candidateId: str(r.candidate_id),
    applicationId: str(r.application_id),
    interviewId: str(r.interview_id),
    rule: str(r.rule),
    policyKey: str(r.policy_key),
  }));
}
