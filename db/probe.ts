import pg from "pg";
import { databaseSettings, getDatabase } from "./runtime";

/**
 * Rejects unless the database answers within `timeoutMs`. On a real server
 * it uses a connection of its own, so a busy pool (every client in a long
 * export) is not mistaken for an outage; the embedded database cannot go
 * down, so opening it is the whole check.
 */
export async function probeDatabase(timeoutMs = 2_000, url = databaseSettings().url): Promise<void> {
  if (!url) {
    await getDatabase();
    return;
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
  // A connection that dies during the probe emits 'error'; the probe's own promise reports it.
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("select 1");
  } finally {
    await client.end().catch(() => {});
  }
}
