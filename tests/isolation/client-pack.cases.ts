import type { IsolationCases } from "./types";

const notFound = (r: unknown) => (r as { ok?: boolean; reason?: string } | null)?.reason === "not_found";

/** The client pack's reads and its one write, aimed at firm A's application by firm B's admin. */
export const cases: Record<string, IsolationCases> = {
  "client-pack": {
    getClientPackData: { args: (c) => [c.bAdmin, c.a.applicationId] },
    updateClientPackFields: {
      args: (c) => [c.bAdmin, { id: c.a.applicationId, version: 1, clientSummary: "Taken over", salaryExpectation: "1" }],
      empty: notFound,
    },
  },
};
