// The pipeline reports' queries: the SELECT built as text (sql.ts), the
// firm's settings and filter menus (options.ts), keyset pages and the
// metrics' facts (rows.ts), the page's aggregates (metrics.ts), and the whole
// report through a cursor or COPY on the scope's connection (stream.ts).
export { ISO_INSTANT, type ReportKey, type ReportQuery } from "./sql";
export * from "./options";
export * from "./rows";
export { getReportMetrics } from "./metrics";
export { getReportRollupStatus, getRollupReportMetrics, unsafeBackfillReportRollups, unsafeRefreshReportRollups, type RollupStatus } from "./rollups";
export * from "./stream";
