import type { IsolationCases } from "./types";

// Firm B's people reach only their own subscriptions: firm A's ids are "not found", and a new one is B's own.
export const cases: Record<string, IsolationCases> = {
  "report-subscriptions": {
    listMyReportSubscriptions: { args: (c) => [c.bAdmin] },
    insertReportSubscription: {
      args: (c) => [c.bRecruiter, { filters: { client: c.a.clientId }, frequency: "daily", weekday: null, localTime: "08:00", includeCsv: true }],
      // The row is firm B's (its filters name an id B cannot see; the send finds nothing and mails nothing).
      empty: (r) => typeof (r as { id?: unknown } | null)?.id === "string",
    },
    unsubscribeReportSubscription: { args: (c) => [c.bAdmin, c.a.jobId, new Date()], empty: (r) => r === "not_found" },
    deleteReportSubscription: { args: (c) => [c.bAdmin, c.a.jobId], empty: (r) => r === "not_found" },
  },
};
