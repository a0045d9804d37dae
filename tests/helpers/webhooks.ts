import type { Db } from "@/db/client";
import * as s from "@/db/schema";
import { encryptWebhookSecret } from "@/lib/webhooks/secrets";
import { newWebhookSecret } from "@/lib/webhooks/sign";
import type { TestFirm } from "./fixtures";

/** An enabled endpoint of the firm with one logged delivery, for the actions that work on them ({a.webhooks.endpointId}, …). */
export async function addWebhookRecords(db: Db, firm: TestFirm): Promise<{ endpointId: string; deliveryId: string }> {
  const [endpoint] = await db
    .insert(s.webhookEndpoints)
    .values({ firmId: firm.firmId, url: "https://hooks.example/afterview", events: ["application.stage_changed"], secretEncrypted: encryptWebhookSecret(newWebhookSecret()) })
    .returning({ id: s.webhookEndpoints.id });
  const [delivery] = await db
    .insert(s.webhookDeliveries)
    .values({
      firmId: firm.firmId,
      endpointId: endpoint!.id,
      eventType: "application.stage_changed",
      payload: { type: "application.stage_changed", timestamp: new Date().toISOString(), data: { applicationId: firm.applicationId } },
      candidateId: firm.candidateId,
      state: "failed",
      attempts: 3,
      lastStatus: 500,
      lastError: "HTTP 500",
    })
    .returning({ id: s.webhookDeliveries.id });
  return { endpointId: endpoint!.id, deliveryId: delivery!.id };
}
