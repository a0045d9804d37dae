import { z } from "zod";
import { findReportPage, getReportSettings } from "@/db/queries/reports";
import { authenticateApiRequest } from "@/lib/auth/api-tokens";
import { COLUMNS } from "@/lib/core/reports/columns";
import { decodeCursor, encodeCursor } from "@/lib/reports/cursor";
import { filtersToSearchParams } from "@/lib/core/reports/filters";
import { jsonResponse } from "@/lib/reports/http";
import { API_PAGE_DEFAULT, API_PAGE_MAX, parseReportRequest } from "@/lib/reports/request";

export const dynamic = "force-dynamic";

const limitSchema = z.coerce
  .number({ error: `Give limit as a whole number from 1 to ${API_PAGE_MAX}.` })
  .int({ error: `Give limit as a whole number from 1 to ${API_PAGE_MAX}.` })
  .min(1, { error: `Give limit as a whole number from 1 to ${API_PAGE_MAX}.` })
  .max(API_PAGE_MAX, { error: `At most ${API_PAGE_MAX} rows a page.` });

/**
 * GET /api/v1/pipeline?report=applications|interviews&<filters>&limit=&cursor=
 * with Authorization: Bearer <token> — one page of a report as JSON, in the
 * report's order; `next_cursor` fetches the following page (null at the end).
 */
export async function GET(request: Request) {
  const auth = await authenticateApiRequest(request);
  if (!auth.ok) return auth.response;
  const { scope } = auth;
  const params = new URL(request.url).searchParams;
  const parsed = await parseReportRequest(scope, params, { extraKeys: ["limit", "cursor"], strict: true });
  if (!parsed.ok) return parsed.response;
  const { report, filters } = parsed;

  const limitRaw = params.get("limit");
  const limit = limitRaw === null || limitRaw === "" ? { success: true as const, data: API_PAGE_DEFAULT } : limitSchema.safeParse(limitRaw);
  if (!limit.success) {
    return jsonResponse({ error: "The limit is not valid; see fieldErrors.", fieldErrors: { limit: limit.error.issues.map((i) => i.message) } }, 422, auth.headers);
  }
  const cursorContext = { firmId: scope.firmId, report, filters: filtersToSearchParams(filters).toString() };
  const cursor = params.get("cursor");
  let after = null;
  if (cursor) {
    after = decodeCursor(cursor, cursorContext);
    if (!after) {
      return jsonResponse(
        {
          error: "The cursor is not valid for this request.",
          fieldErrors: { cursor: ["Use next_cursor exactly as a previous page returned it, with the same report and filters."] },
        },
        422,
        auth.headers,
      );
    }
  }
  const settings = await getReportSettings(scope);
  if (!settings) return jsonResponse({ error: "Not found" }, 404, auth.headers);
  const page = await findReportPage(scope, { report, filters, timeZone: settings.timeZone, after, limit: limit.data, as: "json" });
  return jsonResponse(
    {
      report,
      filters: Object.fromEntries(filtersToSearchParams(filters)),
      columns: COLUMNS[report].map((c) => ({ key: c.key, type: c.type })),
      data: page.rows,
      next_cursor: page.next ? encodeCursor(cursorContext, page.next) : null,
    },
    200,
    auth.headers,
  );
}
