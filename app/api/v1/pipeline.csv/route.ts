import { authenticateApiRequest } from "@/lib/auth/api-tokens";
import { exportResponse } from "@/lib/reports/export";
import { apiQuery } from "@/lib/reports/api-schemas";
import { parseReportRequest } from "@/lib/reports/request";
import { readScope } from "@/lib/auth/read-scope";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/pipeline.csv?report=applications|interviews&<filters>[&bom=1]
 * with Authorization: Bearer <token> — the whole report as one streamed CSV,
 * the same file as the download on the reports page.
 */
export async function GET(request: Request) {
  const auth = await authenticateApiRequest(request);
  if (!auth.ok) return auth.response;
  const { scope } = auth;
  const parsed = await parseReportRequest(await readScope(scope), new URL(request.url).searchParams, { extraKeys: ["bom"], strict: true });
  if (!parsed.ok) return parsed.response;
  const response = await exportResponse({
    scope,
    report: parsed.report,
    format: "csv",
    filters: parsed.filters,
    bom: apiQuery.bom.safeParse(parsed.params.get("bom") ?? undefined).data === "1",
    exportedBy: `API token "${scope.tokenName}"`,
    auditDetails: { via: "api", tokenId: scope.tokenId },
    signal: request.signal,
  });
  for (const [k, v] of Object.entries(auth.headers)) response.headers.set(k, v);
  return response;
}
