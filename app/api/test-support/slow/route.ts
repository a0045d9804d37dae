import { internalRoutes } from "@/lib/platform/env";
import { jsonError } from "@/lib/core/errors";

export const dynamic = "force-dynamic";

/**
 * A request that takes `ms` milliseconds (at most 10 s), so the shutdown test
 * can have one in flight when the server is told to stop. It exists only when
 * AFTERVIEW_TEST_HOOKS=1 and never in production; otherwise it is a 404.
 */
export async function GET(request: Request) {
  if (!internalRoutes().testHooks) return jsonError(404, "Not found");
  const raw = Number(new URL(request.url).searchParams.get("ms") ?? "0");
  const ms = Number.isFinite(raw) ? Math.min(Math.max(Math.trunc(raw), 0), 10_000) : 0;
  const started = Date.now();
  await new Promise((resolve) => setTimeout(resolve, ms));
  return Response.json({ sleptMs: Date.now() - started }, { headers: { "Cache-Control": "no-store" } });
}
