import { isIP } from "node:net";
import { recordAudit } from "@/db/queries/audit";
import { inTransaction, type QueryScope } from "@/db/queries/scope";
import {
  deleteWebhookEndpoint as removeEndpoint,
  getWebhookEndpoint,
  getWebhookEndpointForDelivery,
  insertWebhookEndpoint,
  requeueWebhookDelivery,
  updateWebhookEndpoint,
  type WebhookEndpointView,
} from "@/db/queries/webhooks";
import { AppError } from "@/lib/core/errors";
import type { WebhookEventType } from "@/lib/core/validation/webhooks";
import { enqueueJob, wakeJobRunners } from "@/lib/jobs/queue";
import { outboundAllowsPrivate } from "@/lib/platform/env";
import { isInternalAddress } from "@/lib/platform/security/outbound";
import { encryptWebhookSecret } from "./secrets";
import { newWebhookSecret } from "./sign";

/** How long the previous secret keeps signing after a rotation, so receivers can switch without losing a message. */
export const ROTATION_OVERLAP_MS = 24 * 3_600_000;

export type WebhookEndpointInput = { url: string; description: string; events: WebhookEventType[]; includeDebriefText: boolean };

/** Refuses what can never be delivered: not https (outside local development), or an internal address written as such. */
function checkUrl(raw: string): void {
  const url = new URL(raw);
  const allowPrivate = outboundAllowsPrivate();
  if (url.protocol !== "https:" && !(allowPrivate && url.protocol === "http:")) {
    throw new AppError("invalid", undefined, { url: ["Use an https:// address."] });
  }
  if (url.username || url.password) throw new AppError("invalid", undefined, { url: ["Leave the user name and password out of the address."] });
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (!allowPrivate && ((isIP(host) && isInternalAddress(host)) || host === "localhost" || host.endsWith(".localhost"))) {
    throw new AppError("invalid", undefined, { url: ["Use a public address: webhooks are never sent to private or internal addresses."] });
  }
}

/** Registers an endpoint; returns it with its secret, which is shown this once (only its encryption is stored). */
export async function createWebhookEndpoint(scope: QueryScope, input: WebhookEndpointInput): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  checkUrl(input.url);
  const secret = newWebhookSecret();
  const endpoint = await inTransaction(scope, async (tx) => {
    const row = await insertWebhookEndpoint(tx, { ...input, secretEncrypted: encryptWebhookSecret(secret), createdBy: scope.userId });
    await recordAudit(tx, {
      action: "webhook.create",
      entityType: "webhook_endpoint",
      entityId: row.id,
      changes: { url: input.url, events: input.events, includeDebriefText: input.includeDebriefText },
    });
    return row;
  });
  return { endpoint, secret };
}

/**
 * A new secret for an endpoint; the previous one keeps signing messages too
 * (a second signature) for ROTATION_OVERLAP_MS. Returns the new secret, shown once.
 */
export async function rotateWebhookSecret(scope: QueryScope, endpointId: string, now = new Date()): Promise<string> {
  const secret = newWebhookSecret();
  await inTransaction(scope, async (tx) => {
    const current = await getWebhookEndpointForDelivery(tx, endpointId);
    if (!current) throw new AppError("not_found");
    await updateWebhookEndpoint(tx, endpointId, {
      secretEncrypted: encryptWebhookSecret(secret),
      previousSecretEncrypted: current.secretEncrypted,
      previousSecretExpiresAt: new Date(now.getTime() + ROTATION_OVERLAP_MS),
    });
    await recordAudit(tx, { action: "webhook.rotate_secret", entityType: "webhook_endpoint", entityId: endpointId });
  });
  return secret;
}

/** Turns an endpoint off or back on (on again, it starts with a clean failing state). */
export async function setWebhookEndpointEnabled(scope: QueryScope, endpointId: string, enabled: boolean, now = new Date()): Promise<WebhookEndpointView> {
  return inTransaction(scope, async (tx) => {
    const row = await updateWebhookEndpoint(
      tx,
      endpointId,
      enabled
        ? { enabled: true, disabledAt: null, disabledReason: null, failingSince: null }
        : { enabled: false, disabledAt: now, disabledReason: "Disabled by an admin." },
    );
    if (!row) throw new AppError("not_found");
    await recordAudit(tx, { action: enabled ? "webhook.enable" : "webhook.disable", entityType: "webhook_endpoint", entityId: endpointId });
    return row;
  });
}

/** Deletes an endpoint with its delivery log. */
export async function deleteWebhookEndpoint(scope: QueryScope, endpointId: string): Promise<void> {
  await inTransaction(scope, async (tx) => {
    const endpoint = await getWebhookEndpoint(tx, endpointId);
    if (!endpoint || !(await removeEndpoint(tx, endpointId))) throw new AppError("not_found");
    await recordAudit(tx, { action: "webhook.delete", entityType: "webhook_endpoint", entityId: endpointId, changes: { url: endpoint.url } });
  });
}

/** Sends a logged delivery again (same message id and payload, a fresh signature and retries). */
export async function redeliverWebhook(scope: QueryScope, deliveryId: string): Promise<void> {
  await inTransaction(scope, async (tx) => {
    const delivery = await requeueWebhookDelivery(tx, deliveryId);
    if (!delivery) throw new AppError("not_found");
    const endpoint = await getWebhookEndpoint(tx, delivery.endpointId);
    if (!endpoint) throw new AppError("not_found");
    if (!endpoint.enabled) throw new AppError("invalid", "Enable the endpoint before redelivering to it.");
    await enqueueJob(tx, { kind: "webhook.deliver", payload: { deliveryId } });
    await recordAudit(tx, { action: "webhook.redeliver", entityType: "webhook_delivery", entityId: deliveryId });
  });
  wakeJobRunners();
}
