import type { IsolationCases } from "./types";

export const cases: Record<string, IsolationCases> = {
  "background-jobs": {
    // Firm B may queue work naming A's interview: the job is B's, and runs with B's scope (it finds nothing).
    insertJob: {
      args: (c) => [c.bCandidate, { kind: "debrief.submitted", payload: { interviewId: c.a.interviewId, version: 1 } }],
      empty: (r) => typeof (r as { id?: string } | null)?.id === "string",
    },
    insertJobs: {
      args: (c) => [c.bCandidate, [{ kind: "plan.sync", payload: { interviewId: c.a.interviewId, userId: c.bCandidate.userId } }]],
      empty: (r) => Array.isArray(r) && r.length === 1,
    },
  },
};
