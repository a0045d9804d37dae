import type { QueryScope } from "@/db/queries/scope";
import { checkReportFilterIds } from "@/db/queries/reports";
import { REPORTS, type ReportKind } from "@/lib/core/reports/columns";
import { FILTER_KEYS, parseReportFilters, type ReportFilters } from "@/lib/core/reports/filters";
import { jsonResponse } from "./http";

/**
 * Reading a report request's query string, for the downloads and the BI API
 * alike: the report, the filters (shape, then existence in the firm) and the
 * handler's own extra parameters. Bad input is a 422 with a message per field.
 */

/** Rows per page of GET /api/v1/pipeline. */
export const API_PAGE_DEFAULT = 200;
export const API_PAGE_MAX = 1000;

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
      if ((REPORTS as readonly string[]).includes(asked)) report = asked as ReportKind;
      else fieldErrors.report = [`Choose ${REPORTS.join(" or ")}.`];
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
