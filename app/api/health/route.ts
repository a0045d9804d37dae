import { checkDatabaseHealth } from "@/lib/platform/health";

export const dynamic = "force-dynamic";

/** Liveness and database state, for load balancers and the README's first check. */
export async function GET() {
  const database = await checkDatabaseHealth();
  if (database.ok) {
    return Response.json({ status: "ok", database }, { headers: { "Cache-Control": "no-store" } });
  }
  return Response.json(
    { status: "unavailable", database },
    { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": "5" } },
  );
}
