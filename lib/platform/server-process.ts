import { getDatabase } from "@/db/runtime";
import { probeDatabase } from "@/db/probe";
import { exposeOutageHooks, markDatabaseSuspect, registerDatabaseProbe } from "@/lib/core/availability";
import { env } from "@/lib/platform/env";
import { logger } from "@/lib/platform/logger";

/**
 * Applies pending migrations on either engine before the first request. A
 * database that is down is not fatal here: pages answer 503 (proxy.ts asks
 * lib/core/availability.ts, which probes with db/probe.ts) and the app recovers by
 * itself when it returns. (Under `next start`, Next itself logs an uncaught
 * exception or unhandled rejection and keeps serving.)
 */
export async function startServerProcess(): Promise<void> {
  registerDatabaseProbe(() => probeDatabase());
  // A page that failed because the database went down in the last moments answers 503, not 500.
  exposeOutageHooks();
  let database;
  try {
    database = await getDatabase();
    logger.info({ engine: database.engine }, "database ready");
  } catch (err) {
    logger.error({ err: err instanceof Error ? err.message : String(err) }, "database not available at start");
    return;
  }
  // An idle connection dropped (a restart, a failover): re-probe before the next request.
  database.pool?.on("error", () => markDatabaseSuspect());
  // Background work (the job table's runner and the reminders) runs inside the app unless RUN_JOBS=0
  // (then `npm run worker` runs it; on the embedded database nothing does, and jobs wait in the table).
  if (env().RUN_JOBS === "1") {
    try {
      const { startJobs } = await import("@/lib/jobs");
      await startJobs();
    } catch (err) {
      logger.error({ err: err instanceof Error ? err.message : String(err) }, "background jobs did not start");
    }
  }
}
