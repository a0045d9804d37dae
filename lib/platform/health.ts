import { getDatabase, type Database } from "@/db/runtime";
import { markDatabaseSuspect } from "@/lib/core/availability";

export type DatabaseHealth = { ok: true; engine: Database["engine"]; latencyMs: number } | { ok: false };

/**
 * Whether the process's database answers a trivial statement now, and how
 * fast (opening it first if need be). A failure also makes the proxy, which
 * answers pages from its last probe, look again.
 */
export async function checkDatabaseHealth(): Promise<DatabaseHealth> {
  const started = Date.now();
  try {
    const database = await getDatabase();
    await database.query("select 1");
    return { engine: database.engine, ok: true, latencyMs: Date.now() - started };
  } catch {
    markDatabaseSuspect();
    return { ok: false };
  }
}
