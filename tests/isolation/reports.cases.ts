import type { CopyStream, ReportCursor } from "@/db/queries/reports";
import type { ReportMetrics } from "@/lib/core/reports/metrics";
import type { IsolationCases } from "./types";

const notFound = (r: unknown) => r === "not_found" || r === false || r === null;

export const cases: Record<string, IsolationCases> = {
  reports: {
    // Firm B's own settings and menus: the harness checks that none of firm A's ids appear.
    getReportSettings: { args: (c) => [c.bAdmin], empty: () => true },
    listReportFilterOptions: { args: (c) => [c.bAdmin], empty: () => true },
    checkReportFilterIds: {
      args: (c) => [c.bAdmin, { dates: "application", client: c.a.clientId, job: c.a.jobId, recruiter: c.a.recruiter.userId }],
      // Each of firm A's ids is unknown to firm B.
      empty: (r) => Object.keys(r as object).sort().join() === "client,job,recruiter",
    },
    findReportPage: {
      args: (c) => [
        c.bAdmin,
        { report: "interviews", filters: { dates: "application", client: c.a.clientId }, timeZone: "UTC", limit: 100, as: "json" },
      ],
      empty: (r) => (r as { rows: unknown[] }).rows.length === 0,
    },
    listReportFacts: {
      args: (c) => [c.bAdmin, { filters: { dates: "application", job: c.a.jobId }, timeZone: "UTC" }],
      empty: (r) => {
        const facts = r as { applications: unknown[]; interviews: unknown[] };
        return facts.applications.length === 0 && facts.interviews.length === 0;
      },
    },
    getReportMetrics: {
      args: (c) => [c.bAdmin, { filters: { dates: "application", job: c.a.jobId }, timeZone: "UTC", today: "2026-03-20" }],
      empty: (r) => {
        const m = r as ReportMetrics;
        return (
          m.summary.applications === 0 &&
          m.summary.interviews === 0 &&
          m.byRecruiter.length === 0 &&
          m.byClient.length === 0 &&
          m.weeks.length === 0 &&
          m.promises.length === 0
        );
      },
    },
    // Firm B's own rollups' state (none in the harness's firms): nothing of firm A's.
    getReportRollupStatus: { args: (c) => [c.bAdmin] },
    getRollupReportMetrics: {
      // Firm A's client as a filter in firm B's scope: null (no rollups) or firm B's nothing.
      args: (c) => [c.bAdmin, { filters: { dates: "application", client: c.a.clientId }, timeZone: "UTC", today: "2026-03-20" }],
      empty: (r) => r === null || (r as { metrics: ReportMetrics }).metrics.summary.applications === 0,
    },
    openReportCursor: {
      // Null on the embedded database; on PostgreSQL a cursor over firm B's rows, filtered to firm A's client.
      args: (c) => [c.bAdmin, { report: "interviews", filters: { dates: "application", client: c.a.clientId }, timeZone: "UTC" }],
      empty: (r) => {
        void (r as ReportCursor | null)?.close();
        return true;
      },
    },
    // Only the SQL text, with firm B's id in its WHERE; it reads nothing.
    reportCopySelect: { args: (c) => [c.bAdmin, { report: "interviews", filters: { dates: "application" }, timeZone: "UTC" }], empty: () => true },
    openReportCopy: {
      // Null on the embedded database; on PostgreSQL a COPY of firm B's rows filtered to firm A's
      // client, closed here unread (tests/integration/reports-exports.test.ts reads one back).
      args: (c) => [c.bAdmin, { report: "applications", filters: { dates: "application", client: c.a.clientId }, timeZone: "UTC" }],
      empty: (r) => {
        (r as CopyStream | null)?.stream.destroy();
        return true;
      },
    },
  },
  exports: {
    startExportRun: { args: (c) => [c.bAdmin, { report: "applications", format: "csv", filters: {} }], empty: () => true },
    recordExportProgress: { args: (c) => [c.bAdmin, c.a.jobId, 10] },
    finishExportRun: { args: (c) => [c.bAdmin, c.a.jobId, { status: "done", rows: 1 }] },
    getExportRun: { args: (c) => [c.bAdmin, c.a.jobId] },
    cancelExportRun: { args: (c) => [c.bAdmin, c.a.jobId], empty: notFound },
  },
  "api-tokens": {
    listApiTokens: { args: (c) => [c.bAdmin] },
    createApiToken: { args: (c) => [c.bAdmin, { name: "iso", prefix: "afv_iso000", tokenHash: "iso-hash-b" }], empty: () => true },
    revokeApiToken: { args: (c) => [c.bAdmin, c.a.jobId], empty: notFound },
  },
};
