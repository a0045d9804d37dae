import {
  abandonWebhookDelivery,
  getWebhookDelivery,
  getWebhookEndpointForDelivery,
  listWebhookAdminRecipients,
  markWebhookEndpointFailing,
  recordWebhookAttempt,
  updateWebhookEndpoint,
} from "@/db/queries/webhooks";
import type { QueryScope } from "@/db/queries/scope";
import { sendEmail } from "@/lib/email/send";
import { outboundAllowsPrivate } from "@/lib/platform/env";
import { logger } from "@/lib/platform/logger";
import { postOutbound, type Resolver } from "@/lib/platform/security/outbound";
import { appOrigin } from "@/lib/platform/url";
import { decryptWebhookSecret } from "./secrets";
import { webhookHeaders } from "./sign";

/** An endpoint failing for this long without a success is disabled, and the firm's admins are told. */
export const DISABLE_AFTER_MS = 24 * 3_600_000;

/**
 * The `webhook.deliver` job's schedule: the first retry after a minute,
 * doubling up to two hours between attempts; 20 attempts span about 26 hours,
 * so a delivery is retried for a day, by when its endpoint is disabled.
 */
export const DELIVERY_RETRY = { retryDelayMs: 60_000, maxRetryDelayMs: 2 * 3_600_000, maxAttempts: 20 } as const;

/** Tests inject a resolver (e.g. one that rebinds); the default asks the system's DNS. */
let resolverForTests: Resolver | undefined;
export function setWebhookResolverForTests(resolver: Resolver | undefined): void {
  resolverForTests = resolver;
}

export class WebhookDeliveryFailed extends Error {}

/**
 * Sends one delivery (the job's work). Does nothing for a delivery no longer
 * pending (delivered, given up, erased). A 2xx answer delivers it and clears
 * the endpoint's failing state; anything else throws to be retried by the
 * runner, unless the endpoint has now failed for a day: then it is disabled,
 * its admins are mailed, and the delivery is given up.
 */
export async function deliverWebhook(
  scope: Pick<QueryScope, "db" | "firmId">,
  deliveryId: string,
  ctx: { now: Date; attempt: number; maxAttempts: number },
): Promise<"delivered" | "skipped" | "disabled"> {
  const delivery = await getWebhookDelivery(scope, deliveryId);
  if (!delivery || delivery.state !== "pending") return "skipped";
  const endpoint = await getWebhookEndpointForDelivery(scope, delivery.endpointId);
  if (!endpoint) return "skipped";
  if (!endpoint.enabled) {
    await abandonWebhookDelivery(scope, deliveryId, "Not sent: the endpoint is disabled.");
    return "skipped";
  }
  const now = ctx.now;
  const secrets = [decryptWebhookSecret(endpoint.secretEncrypted)];
  if (endpoint.previousSecretEncrypted && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now) {
    secrets.push(decryptWebhookSecret(endpoint.previousSecretEncrypted));
  }
  const body = JSON.stringify(delivery.payload);
  const headers = webhookHeaders(secrets, `msg_${delivery.id}`, Math.floor(now.getTime() / 1000), body);
  let status: number | null = null;
  let error: string | null = null;
  try {
    const res = await postOutbound(endpoint.url, { headers, body }, { allowPrivate: outboundAllowsPrivate(), resolver: resolverForTests });
    status = res.status;
    if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}`;
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
  }
  if (error === null) {
    await recordWebhookAttempt(scope, deliveryId, { at: now, status, error: null, state: "delivered" });
    if (endpoint.failingSince) await updateWebhookEndpoint(scope, endpoint.id, { failingSince: null });
    return "delivered";
  }
  const failingSince = (await markWebhookEndpointFailing(scope, endpoint.id, now)) ?? now;
  if (now.getTime() - failingSince.getTime() >= DISABLE_AFTER_MS) {
    await recordWebhookAttempt(scope, deliveryId, { at: now, status, error, state: "failed" });
    await disableFailingEndpoint(scope, endpoint, { now, failingSince, error });
    return "disabled";
  }
  const last = ctx.attempt >= ctx.maxAttempts;
  await recordWebhookAttempt(scope, deliveryId, { at: now, status, error, state: last ? "failed" : "pending" });
  throw new WebhookDeliveryFailed(`webhook delivery ${deliveryId} failed: ${error}`);
}

async function disableFailingEndpoint(
  scope: Pick<QueryScope, "db" | "firmId">,
  endpoint: { id: string; url: string },
  info: { now: Date; failingSince: Date; error: string },
): Promise<void> {
  const reason = `Every delivery failed for a day (last: ${info.error}).`;
  await updateWebhookEndpoint(scope, endpoint.id, { enabled: false, disabledAt: info.now, disabledReason: reason });
  logger.warn({ firmId: scope.firmId, endpointId: endpoint.id }, "webhook endpoint disabled after a day of failures");
  const admins = await listWebhookAdminRecipients(scope);
  const link = `${appOrigin()}/settings/webhooks`;
  for (const admin of admins) {
    await sendEmail(scope.db, {
      firmId: scope.firmId,
      to: admin.email,
      subject: "A webhook endpoint was disabled",
      text: [
        `Hello ${admin.name},`,
        "",
        `Afterview could not deliver events to ${endpoint.url} for a day, so it stopped sending to it.`,
        `Last error: ${info.error}`,
        "",
        `Fix the receiving side, then enable the endpoint again and redeliver what it missed: ${link}`,
      ].join("\n"),
      dedupeKey: `webhook-disabled:${endpoint.id}:${info.failingSince.toISOString()}:${admin.userId}`,
    });
  }
}
