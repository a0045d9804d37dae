"use server";

import { revalidatePath } from "next/cache";
import { defineFormAction } from "@/lib/actions";
import { webhookEnabledSchema, webhookEndpointIdSchema, webhookEndpointSchema, webhookRedeliverSchema } from "@/lib/core/validation/webhooks";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  redeliverWebhook,
  rotateWebhookSecret,
  setWebhookEndpointEnabled,
} from "@/lib/webhooks/manage-endpoints";

const PAGE = "/settings/webhooks";

export const createWebhookEndpointAction = defineFormAction(webhookEndpointSchema, "webhooks.manage", async (scope, input) => {
  const { endpoint, secret } = await createWebhookEndpoint(scope, input);
  revalidatePath(PAGE);
  return {
    ok: true,
    message: `Endpoint added. Copy its signing secret now: it is shown only this once.`,
    // Shown once in the page that created it; only its encryption is stored.
    data: { secret, endpointId: endpoint.id },
  };
});

export const rotateWebhookSecretAction = defineFormAction(webhookEndpointIdSchema, "webhooks.manage", async (scope, input) => {
  const secret = await rotateWebhookSecret(scope, input.endpointId);
  revalidatePath(PAGE);
  return {
    ok: true,
    message: "New signing secret made. Copy it now: it is shown only this once. For the next 24 hours messages are signed with the old secret too.",
    data: { secret },
  };
});

export const setWebhookEnabledAction = defineFormAction(webhookEnabledSchema, "webhooks.manage", async (scope, input) => {
  await setWebhookEndpointEnabled(scope, input.endpointId, input.enabled);
  revalidatePath(PAGE);
  return { ok: true, message: input.enabled ? "Endpoint enabled: new events are sent to it again." : "Endpoint disabled: no events are sent to it." };
});

export const deleteWebhookEndpointAction = defineFormAction(webhookEndpointIdSchema, "webhooks.manage", async (scope, input) => {
  await deleteWebhookEndpoint(scope, input.endpointId);
  revalidatePath(PAGE);
  return { ok: true, message: "Endpoint deleted with its delivery log." };
});

export const redeliverWebhookAction = defineFormAction(webhookRedeliverSchema, "webhooks.manage", async (scope, input) => {
  await redeliverWebhook(scope, input.deliveryId);
  revalidatePath(PAGE);
  return { ok: true, message: "Queued for delivery again." };
});
