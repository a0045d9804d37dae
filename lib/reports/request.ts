import type { QueryScope } from "@/db/queries/scope";
import { checkReportFilterIds } from "@/db/queries/reports";
import type { ReportKind } from "@/lib/core/reports/columns";
import { FILTER_KEYS, parseReportFilters, type ReportFilters } from "@/lib/core/reports/filters";
import { apiQuery } from "./api-schemas";
import { jsonResponse } from "./http";

/**
 * Reading a report request's query string, for the downloads and the BI API
 * alike: the report, the filters (shape, then existence in the firm) and the
 * handler's own extra parameters. Bad input is a 422 with a message per field.
 */

export { API_PAGE_DEFAULT, API_PAGE_MAX } from "./api-schemas";

export const INVALID_FILTERS_MESSAGE = "Some filters are not valid; see fieldErrors.";

export type ParsedReportRequest =
  | { ok: true; report: ReportKind; filters: ReportFilters; params: URLSearchParams }
  | { ok: false; response: Response };

export async function parseReportRequest(
  scope: QueryScope,
  params: URLSearchParams,
  options: { report?: ReportKind; extraKeys?: readonly string[]; strict?: boolean } = {},
): Promise<ParsedReportRequest> {
  const fieldErrors: Record<string, string[]> = {};
  let report: ReportKind = options.report ?? "applications";
  if (!options.report) {
    const asked = params.get("report");
    if (asked !== null && asked !== "") {
      const r = apiQuery.report.safeParse(asked);
      if (r.success) report = r.data;
      else fieldErrors.report = r.error.issues.map((i) => i.message);
    }
  }
  if (options.strict) {
    const known = new Set<string>([...FILTER_KEYS, ...(options.extraKeys ?? []), ...(options.report ? [] : ["report"])]);
    for (const key of new Set(params.keys())) {
      if (!known.has(key)) fieldErrors[key] = [`Unknown parameter. Known ones: ${[...known].join(", ")}.`];
    }
  }
  const parsed = parseReportFilters(params);
  if (!parsed.ok) Object.assign(fieldErrors, parsed.fieldErrors);
  if (parsed.ok && Object.keys(fieldErrors).length === 0) {
    Object.assign(fieldErrors, await checkReportFilterIds(scope, parsed.filters));
  }
  if (!parsed.ok || Object.keys(fieldErrors).length > 0) {
    return { ok: false, response: jsonResponse({ error: INVALID_FILTERS_MESSAGE, fieldErrors }, 422) };
  }
  return { ok: true, report, filters: parsed.filters, params };
}
