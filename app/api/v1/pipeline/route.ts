import { findReportPage, getReportSettings } from "@/db/queries/reports";
import { authenticateApiRequest } from "@/lib/auth/api-tokens";
import { COLUMNS } from "@/lib/core/reports/columns";
import { decodeCursor, encodeCursor } from "@/lib/reports/cursor";
import { filtersToSearchParams } from "@/lib/core/reports/filters";
import { jsonResponse } from "@/lib/reports/http";
import { apiQuery, type ApiError, type PipelinePage } from "@/lib/reports/api-schemas";
import { parseReportRequest } from "@/lib/reports/request";
import { readScope } from "@/lib/auth/read-scope";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/pipeline?report=applications|interviews&<filters>&limit=&cursor=
 * with Authorization: Bearer <token> — one page of a report as JSON, in the
 * report's order; `next_cursor` fetches the following page (null at the end).
 */
export async function GET(request: Request) {
  const auth = await authenticateApiRequest(request);
  if (!auth.ok) return auth.response;
  const { scope } = auth;
  // Reports may lag (DATABASE_READ_URL); the token's rate limit was counted on the primary.
  const read = await readScope(scope);
  const params = new URL(request.url).searchParams;
  const parsed = await parseReportRequest(read, params, { extraKeys: ["limit", "cursor"], strict: true });
  if (!parsed.ok) return parsed.response;
  const { report, filters } = parsed;

  const limitRaw = params.get("limit");
  const limit = apiQuery.limit.safeParse(limitRaw === null || limitRaw === "" ? undefined : limitRaw);
  if (!limit.success) {
    const body: ApiError = { error: "The limit is not valid; see fieldErrors.", fieldErrors: { limit: limit.error.issues.map((i) => i.message) } };
    return jsonResponse(body, 422, auth.headers);
  }
  const cursorContext = { firmId: scope.firmId, report, filters: filtersToSearchParams(filters).toString() };
  const cursor = params.get("cursor");
  let after = null;
  if (cursor) {
    after = decodeCursor(cursor, cursorContext);
    if (!after) {
      const body: ApiError = {
        error: "The cursor is not valid for this request.",
        fieldErrors: { cursor: ["Use next_cursor exactly as a previous page returned it, with the same report and filters."] },
      };
      return jsonResponse(body, 422, auth.headers);
    }
  }
  const settings = await getReportSettings(scope);
  if (!settings) return jsonResponse({ error: "Not found" }, 404, auth.headers);
  const page = await findReportPage(read, { report, filters, timeZone: settings.timeZone, after, limit: limit.data, as: "json" });
  const body: PipelinePage = {
    report,
    filters: Object.fromEntries(filtersToSearchParams(filters)),
    columns: COLUMNS[report].map((c) => ({ key: c.key, type: c.type })),
    data: page.rows as PipelinePage["data"],
    next_cursor: page.next ? encodeCursor(cursorContext, page.next) : null,
  };
  return jsonResponse(body, 200, auth.headers);
}
