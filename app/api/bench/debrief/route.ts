import { v7 as uuidv7 } from "uuid";
import { getDatabase } from "@/db/runtime";
import { internalRoutes } from "@/lib/platform/env";
import { jsonError } from "@/lib/core/errors";

export const dynamic = "force-dynamic";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
  if (typeof body.debriefId !== "string" || !UUID.test(body.debriefId)) return jsonError(422, "debriefId must be an id");
  const database = await getDatabase();
  const rows = await database.query<{ number: number }>(
    `insert into debrief_versions (firm_id, id, debrief_id, number, snapshot, submitted_at)
     select d.firm_id, $3::uuid, d.id,
            coalesce((select max(v.number) from debrief_versions v where v.firm_id = d.firm_id and v.debrief_id = d.id), 0) + 1,
            $2::jsonb, now()
       from debriefs d where d.id = $1
     returning number`,
    [body.debriefId, JSON.stringify(body.snapshot ?? {}), uuidv7()],
  );
  if (rows.length === 0) return jsonError(404, "Not found");
  return Response.json({ ok: true, number: rows[0]!.number }, { status: 201, headers: { "Cache-Control": "no-store" } });
}
