import { openApiDocument } from "@/lib/reports/openapi";
import { appOrigin } from "@/lib/platform/url";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/openapi.json — the BI API's OpenAPI 3.1 description. Public: it
 * describes the API and holds no firm's data (every endpoint it names still
 * needs a token).
 */
export async function GET() {
  return Response.json(openApiDocument(appOrigin()), { headers: { "Cache-Control": "public, max-age=300" } });
}
