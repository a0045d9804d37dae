import { internalRoutes } from "@/lib/platform/env";
import { runReminderPassForHooks } from "@/lib/platform/internal-routes";
import { jsonError } from "@/lib/core/errors";

export const dynamic = "force-dynamic";

/**
 * Runs one reminder pass in this instance as if the time were `at` (an ISO
 * instant), so the scale-out test can run the passes of several instances at
 * once across the reminder times. It exists only when AFTERVIEW_TEST_HOOKS=1
 * and never in production; otherwise it is a 404 like any unknown URL.
 */
export async function POST(request: Request) {
  if (!internalRoutes().testHooks) return jsonError(404, "Not found");
  const body = (await request.json().catch(() => ({}))) as { at?: unknown };
  const at = typeof body.at === "string" ? new Date(body.at) : new Date(NaN);
  if (Number.isNaN(at.getTime())) return jsonError(400, "Give the pass's time as an ISO instant in `at`.");
  const result = await runReminderPassForHooks(at);
  return Response.json(result, { headers: { "Cache-Control": "no-store" } });
}
