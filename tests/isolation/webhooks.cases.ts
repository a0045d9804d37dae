import type { IsolationCases } from "./types";

/** Webhooks: firm B's scopes aimed at firm A's ids (an endpoint or delivery id firm A could have). */
export const cases: Record<string, IsolationCases> = {
  webhooks: {
    listWebhookEndpoints: { args: (c) => [c.bAdmin] },
    getWebhookEndpoint: { args: (c) => [c.bAdmin, c.a.interviewId] },
    getWebhookEndpointForDelivery: { args: (c) => [c.bAdmin, c.a.interviewId] },
    // B's own new endpoint: it is B's, whatever it points at.
    insertWebhookEndpoint: {
      args: (c) => [
        c.bAdmin,
        { url: "https://hooks.example/b", description: "", events: ["task.overdue"], includeDebriefText: false, secretEncrypted: "x", createdBy: null },
      ],
      empty: (r) => typeof (r as { id?: string }).id === "string",
    },
    updateWebhookEndpoint: { args: (c) => [c.bAdmin, c.a.interviewId, { enabled: false }] },
    markWebhookEndpointFailing: { args: (c) => [c.bAdmin, c.a.interviewId, new Date()] },
    deleteWebhookEndpoint: { args: (c) => [c.bAdmin, c.a.interviewId] },
    listSubscribedWebhookEndpoints: { args: (c) => [c.bRecruiter, "task.overdue"], empty: (r) => Array.isArray(r) && r.length <= 1 },
    // An endpoint id of firm A under firm B's firm id: the composite key refuses the row.
    insertWebhookDeliveries: {
      args: (c) => [c.bRecruiter, [{ endpointId: c.a.interviewId, eventType: "task.overdue", payload: {}, candidateId: null }]],
    },
    getWebhookDelivery: { args: (c) => [c.bAdmin, c.a.interviewId] },
    listWebhookDeliveries: { args: (c) => [c.bAdmin, c.a.interviewId] },
    recordWebhookAttempt: { args: (c) => [c.bAdmin, c.a.interviewId, { at: new Date(), status: 200, error: null, state: "delivered" }] },
    abandonWebhookDelivery: { args: (c) => [c.bAdmin, c.a.interviewId, "gone"] },
    requeueWebhookDelivery: { args: (c) => [c.bAdmin, c.a.interviewId] },
    listWebhookAdminRecipients: { args: (c) => [c.bRecruiter], empty: (r) => Array.isArray(r) && r.every((x) => (x as { email: string }).email.includes("-b-")) },
  },
};
