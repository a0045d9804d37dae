import { sql } from "drizzle-orm";
import { COLUMNS, parseRow, type ReportKind, type ReportRow } from "@/lib/core/reports/columns";
import type { QueryScope } from "../scope";
import { buildReportSql, rowsOf, scopedFilters, type ReportKey, type ReportQuery } from "./sql";

export interface ReportPage {
  /** Typed rows (Dates, numbers), or text cells as the CSV holds them when `as: "csv"`. */
  rows: ReportRow[];
  /** Where the next page starts; null on the last page. */
  next: ReportKey | null;
}

/**
 * One keyset page of a report, in the report's order. `as: "json"` gives raw
 * typed values (the API); "file" escapes formula-like text (XLSX); "csv" gives
 * the cells as text exactly as COPY would write them (the embedded database's
 * CSV path).
 */
export async function findReportPage(
  scope: QueryScope,
  input: ReportQuery & { after?: ReportKey | null; limit: number; as: "json" | "file" | "csv" },
): Promise<ReportPage> {
  const limit = Math.max(1, Math.min(Math.trunc(input.limit), 10_000));
  const text = buildReportSql({
    ...scopedFilters(scope, input),
    report: input.report,
    escapeFormulas: input.as !== "json",
    after: input.after ?? null,
    limit: limit + 1,
    withKeys: true,
  });
  const raw = rowsOf(await scope.db.execute(sql.raw(text)));
  const more = raw.length > limit;
  const page = more ? raw.slice(0, limit) : raw;
  const columns = COLUMNS[input.report];
  const rows =
    input.as === "csv"
      ? page.map((r) => Object.fromEntries(columns.map((c) => [c.key, (r[c.key] as string | null) ?? null])))
      : page.map((r) => parseRow(columns, r));
  const last = page[page.length - 1];
  const next =
    more && last ? { id: String(last._key_id), ...(last._key_ts ? { ts: String(last._key_ts) } : {}) } : null;
  return { rows, next };
}

/** The columns the page's metrics need, for every row the filters select (no order). */
export async function listReportFacts(
  scope: QueryScope,
  input: Omit<ReportQuery, "report">,
): Promise<{ applications: ReportRow[]; interviews: ReportRow[] }> {
  const common = {
    ...scopedFilters(scope, input),
    escapeFormulas: false,
    ordered: false,
  };
  const appColumns = ["application_id", "stage", "furthest_stage", "client", "client_id", "recruiter", "recruiter_id", "interviews"];
  const ivColumns = [
    "interview_id",
    "status",
    "starts_at",
    "ends_at",
    "debrief_state",
    "hours_to_debrief",
    "hours_to_client_feedback",
    "promised_decision_on",
    "feedback_received_at",
    "feedback_days_vs_promise",
    "client",
    "client_id",
    "recruiter",
    "recruiter_id",
  ];
  const [apps, ivs] = await Promise.all([
    scope.db.execute(sql.raw(buildReportSql({ ...common, report: "applications", columns: appColumns }))),
    scope.db.execute(sql.raw(buildReportSql({ ...common, report: "interviews", columns: ivColumns }))),
  ]);
  const pick = (report: ReportKind, keys: string[]) => COLUMNS[report].filter((c) => keys.includes(c.key));
  return {
    applications: rowsOf(apps).map((r) => parseRow(pick("applications", appColumns), r)),
    interviews: rowsOf(ivs).map((r) => parseRow(pick("interviews", ivColumns), r)),
  };
}
