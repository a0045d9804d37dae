import type { IsolationCases } from "./types";

export const cases: Record<string, IsolationCases> = {
  "firm-settings": {
    getFirmSettings: { args: (c) => [c.bAdmin], empty: (r) => (r as { id: string } | null)?.id !== undefined },
    updateFirmSettings: {
      args: (c) => [
        c.bAdmin,
        {
          version: 999,
          name: "x",
          timeZone: "UTC",
          holidays: [],
          policy: { thankYouWithinHours: 1, debriefWithinHours: 1, feedbackWithinBusinessDays: 1, callAfterBusinessDays: 1, decisionGraceBusinessDays: 1, timelineTaskWithinBusinessDays: 1 },
          sessionIdleMinutes: 30,
          sessionAbsoluteHours: 12,
          mfaRequired: false,
          retentionDays: null,
        },
      ],
      empty: (r) => (r as { ok: boolean }).ok === false,
    },
  },
  mfa: {
    getMyMfa: { args: (c) => [c.bAdmin], empty: () => true },
    startMyMfaEnrollment: { args: (c) => [c.bAdmin, "v1:x:y:z"], empty: () => true },
    confirmMyMfaEnrollment: { args: (c) => [c.bAdmin, [], 1], empty: () => true },
    // Touches only the caller's own user row: firm A's people keep their last step.
    spendMyTotpStep: { args: (c) => [c.bAdmin, 1], empty: () => true },
    replaceMyRecoveryCodes: { args: (c) => [c.bAdmin, []], empty: () => true },
    disableMyMfa: { args: (c) => [c.bAdmin], empty: () => true },
  },
};

cases["data-rights"] = {
  searchCandidatesForDataRequest: { args: (c) => [c.bAdmin, "Cora"], empty: (r) => (r as { id: string }[]).every((x) => x.id !== undefined) },
  exportCandidateData: { args: (c) => [c.bAdmin, c.db, c.a.candidateId] },
  eraseCandidate: { args: (c) => [c.bAdmin, c.db, c.a.candidateId, { kind: "request" }], empty: (r) => r === "not_found" },
  eraseExpiredCandidates: { args: (c) => [c.bAdmin, c.db, 1, new Date(Date.now() + 400 * 86_400_000)], empty: () => true },
};
