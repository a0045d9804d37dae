import type { IsolationCases } from "./types";

/** Single sign-on settings: firm B's scopes reach only firm B's provider row (the firm id is the key). */
export const cases: Record<string, IsolationCases> = {
  sso: {
    getSsoProvider: { args: (c) => [c.bAdmin] },
    getSsoClientSecret: { args: (c) => [c.bAdmin] },
    // B's own row: whatever it says, it is B's.
    upsertSsoProvider: {
      args: (c) => [c.bAdmin, { issuer: "https://idp.b.example", clientId: "b", clientSecretEncrypted: "x", domains: ["b.example"], updatedBy: c.bAdmin.userId, connectionChanged: true }],
    },
    recordSsoTest: { args: (c) => [c.bAdmin, { ok: false, message: "b", at: new Date() }] },
    setSsoProviderState: { args: (c) => [c.bAdmin, { enabled: false, required: false, updatedBy: c.bAdmin.userId }], empty: (r) => typeof r === "boolean" },
    countSsoIdentities: { args: (c) => [c.bAdmin] },
  },
};
