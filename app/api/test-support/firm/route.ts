import { internalRoutes } from "@/lib/platform/env";
import { createTestFirmForHooks } from "@/lib/platform/internal-routes";
import { jsonError } from "@/lib/core/errors";

export const dynamic = "force-dynamic";

/**
 * End-to-end tests make their own firm here. It exists only when
 * AFTERVIEW_TEST_HOOKS=1 and never in production; otherwise it is a 404 like
 * any unknown URL.
 */
export async function POST(request: Request) {
  if (!internalRoutes().testHooks) return jsonError(404, "Not found");
  const origin = request.headers.get("origin");
  if (origin && new URL(origin).host !== request.headers.get("host")) return jsonError(403, "Cross-site request refused");
  const body = (await request.json().catch(() => ({}))) as { label?: unknown; extraClients?: unknown };
  const label = typeof body.label === "string" && /^[a-z0-9-]{1,20}$/.test(body.label) ? body.label : "e2e";
  const extraClients = typeof body.extraClients === "number" && Number.isInteger(body.extraClients) ? Math.min(Math.max(body.extraClients, 0), 500) : 0;
  const firm = await createTestFirmForHooks(label, { extraClients });
  return Response.json(firm, { status: 201, headers: { "Cache-Control": "no-store" } });
}
