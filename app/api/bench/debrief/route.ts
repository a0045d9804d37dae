import { internalRoutes } from "@/lib/platform/env";
import { benchInsertDebriefVersion } from "@/lib/platform/internal-routes";
import { isUuid } from "@/lib/core/vocabulary";
import { jsonError } from "@/lib/core/errors";

export const dynamic = "force-dynamic";

/**
 * The benchmark's control for debrief submission: inserts the row a
 * submission adds (the debrief's next version, with its snapshot) in one
 * statement — no session, no validation, no follow-up work. It exists only
 * when AFTERVIEW_BENCH_ROUTES=1 and never in production; otherwise it is a
 * 404 like any unknown URL.
 */
export async function POST(request: Request) {
  if (!internalRoutes().bench) return jsonError(404, "Not found");
  const body = (await request.json().catch(() => ({}))) as { debriefId?: unknown; snapshot?: unknown };
  if (!isUuid(body.debriefId)) return jsonError(422, "debriefId must be an id");
  const number = await benchInsertDebriefVersion({ debriefId: body.debriefId, snapshot: body.snapshot });
  if (number === null) return jsonError(404, "Not found");
  return Response.json({ ok: true, number }, { status: 201, headers: { "Cache-Control": "no-store" } });
}
