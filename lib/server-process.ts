import { getDatabase } from "@/db/runtime";
import { logger } from "@/lib/logger";

/**
 * Applies pending migrations on either engine before the first request. A
 * database that is down is not fatal here: pages answer 503 and the app
 * recovers by itself when it returns.
 */
export async function startServerProcess(): Promise<void> {
  try {
    const database = await getDatabase();
    logger.info({ engine: database.engine }, "database ready");
  } catch (err) {
    logger.error({ err: err instanceof Error ? err.message : String(err) }, "database not available at start");
  }
}
