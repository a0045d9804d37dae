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
    confirmMyMfaEnrollment: { args: (c) => [c.bAdmin, []], empty: () => true },
    replaceMyRecoveryCodes: { args: (c) => [c.bAdmin, []], empty: () => true },
    disableMyMfa: { args: (c) => [c.bAdmin], empty: () => true },
  },
};
