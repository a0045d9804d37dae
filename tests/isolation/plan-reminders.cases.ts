import type { IsolationCases } from "./types";

export const cases: Record<string, IsolationCases> = {
  "plan-reminders": {
    // A candidate's scope reaches their own switch only: firm B's candidate sees and changes B's candidate, never A's.
    getMyPlanEmails: { args: (c) => [c.bCandidate], empty: (r) => (r as { on?: boolean } | null)?.on === true },
    setMyPlanEmails: { args: (c) => [c.bCandidate, { on: true }], empty: (r) => r === "saved" },
  },
};
