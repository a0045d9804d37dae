import { env } from "@/lib/platform/env";
import { openDatabase, type Database } from "./client";
import { migrateDatabase } from "./migrate";
import path from "node:path";

export type { Database, Db, DbOrTx, Tx } from "./client";
export { firmScopedDb } from "./firm-db";

type Holder = { promise?: Promise<Database> };
// Survives module reloads in development so there is one pool / one PGlite per process.
const holder: Holder = ((globalThis as { __afterviewDb?: Holder }).__afterviewDb ??= {});

export function databaseSettings() {
  const e = env();
  return {
    url: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    poolMax: e.PG_POOL_MAX,
  };
}

/**
 * The process's database, migrated. Opened on first use; a failed open is
 * retried on the next call so the app recovers when the database comes back.
 */
export function getDatabase(): Promise<Database> {
  if (env().NEXT_PHASE === "phase-production-build") {
    throw new Error("The database is not available while building; pages that read data must be dynamic.");
  }
  if (!holder.promise) {
    const s = databaseSettings();
    holder.promise = (async () => {
      const { logger } = await import("@/lib/platform/logger");
      const database = await openDatabase({
        ...s,
        onPoolError: (err) => logger.error({ err: err.message }, "database pool error"),
      });
      await migrateDatabase(database);
      return database;
    })();
    holder.promise.catch(() => {
      holder.promise = undefined;
    });
  }
  return holder.promise;
}

export async function closeDatabase(): Promise<void> {
  const p = holder.promise;
  holder.promise = undefined;
  if (p) await (await p).close();
}
