import { getDatabase } from "@/db/runtime";
import { markDatabaseSuspect } from "@/lib/core/availability";

export const dynamic = "force-dynamic";

/** Liveness and database state, for load balancers and the README's first check. */
export async function GET() {
  const started = Date.now();
  try {
    const database = await getDatabase();
    await database.query("select 1");
    return Response.json(
      { status: "ok", database: { engine: database.engine, ok: true, latencyMs: Date.now() - started } },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch {
    // Pages are answered by the proxy's last probe: make it look again.
    markDatabaseSuspect();
    return Response.json(
      { status: "unavailable", database: { ok: false } },
      { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": "5" } },
    );
  }
}
