import { env } from "@/lib/platform/env";
import { openDatabase, type Database } from "./client";
import { firmScopedDb } from "./firm-db";
import { migrateDatabase } from "./migrate";
import type { QueryScope } from "./queries/scope";
import path from "node:path";

export type { Database, Db, DbOrTx, Tx } from "./client";
export { firmScopedDb } from "./firm-db";

/** application_name of the read pool's connections and of the migrations' direct connection, for pg_stat_activity. */
export const READ_APPLICATION_NAME = "afterview-read";
export const MIGRATE_APPLICATION_NAME = "afterview-migrate";

type Holder = { promise?: Promise<Database>; read?: Promise<Database> };
// Survives module reloads in development so there is one pool / one PGlite per process.
const holder: Holder = ((globalThis as { __afterviewDb?: Holder }).__afterviewDb ??= {});

export function databaseSettings() {
  const e = env();
  return {
    url: e.DATABASE_URL,
    /** Reads that may lag (reports, BI API, downloads): a replica, on PostgreSQL only. */
    readUrl: e.DATABASE_URL ? e.DATABASE_READ_URL : undefined,
    /** Migrations: straight to the primary when DATABASE_URL is a pooler in transaction mode. */
    directUrl: e.DATABASE_URL ? e.DATABASE_DIRECT_URL : undefined,
    dataDir: path.resolve(e.DATA_DIR),
    poolMax: e.PG_POOL_MAX,
  };
}

/**
 * Where migrations run (and anything else that needs a session of its own):
 * DATABASE_DIRECT_URL when set, else DATABASE_URL or the embedded database.
 */
export function migrationSettings() {
  const { url, directUrl, dataDir, poolMax } = databaseSettings();
  return { url: directUrl ?? url, dataDir, poolMax };
}

/**
 * Applies the pending migrations over DATABASE_DIRECT_URL on a connection of
 * its own when it is set, else through the app's pool.
 */
async function migrateOver(database: Database, directUrl: string | undefined): Promise<void> {
  if (!directUrl) {
    await migrateDatabase(database);
    return;
  }
  const direct = await openDatabase({ url: directUrl, poolMax: 1, applicationName: MIGRATE_APPLICATION_NAME });
  try {
    await migrateDatabase(direct);
  } finally {
    await direct.close();
  }
}

function assertNotBuilding(): void {
  if (env().NEXT_PHASE === "phase-production-build") {
    throw new Error("The database is not available while building; pages that read data must be dynamic.");
  }
}

/**
 * The process's database, migrated. Opened on first use; a failed open is
 * retried on the next call so the app recovers when the database comes back.
 */
export function getDatabase(): Promise<Database> {
  assertNotBuilding();
  if (!holder.promise) {
    const s = databaseSettings();
    holder.promise = (async () => {
      const { logger } = await import("@/lib/platform/logger");
      const database = await openDatabase({
        url: s.url,
        dataDir: s.dataDir,
        poolMax: s.poolMax,
        onPoolError: (err) => logger.error({ err: err.message }, "database pool error"),
      });
      try {
        await migrateOver(database, s.directUrl);
      } catch (err) {
        await database.close().catch(() => {});
        throw err;
      }
      return database;
    })();
    holder.promise.catch(() => {
      holder.promise = undefined;
    });
  }
  return holder.promise;
}

/**
 * The database for reads that may lag a little: the reports page, the BI API
 * and the report downloads. A second pool on DATABASE_READ_URL (a streaming
 * replica; never migrated — it follows the primary) when it is set on
 * PostgreSQL; otherwise the primary itself. Nothing is ever written through
 * it, and nothing a person has just written is read back through it.
 */
export function getReadDatabase(): Promise<Database> {
  assertNotBuilding();
  const s = databaseSettings();
  if (!s.readUrl) return getDatabase();
  if (!holder.read) {
    holder.read = (async () => {
      const { logger } = await import("@/lib/platform/logger");
      return openDatabase({
        url: s.readUrl,
        poolMax: s.poolMax,
        applicationName: READ_APPLICATION_NAME,
        onPoolError: (err) => logger.error({ err: err.message }, "read database pool error"),
      });
    })();
    holder.read.catch(() => {
      holder.read = undefined;
    });
  }
  return holder.read;
}

/**
 * The same scope reading from the read database: the same firm and person,
 * and on PostgreSQL the same row-level security (firmScopedDb sets the role
 * and the firm inside each transaction, which a hot standby allows in its
 * read-only transactions). The scope itself when there is no read database.
 * Only for reads that may lag; writes keep using the request's own scope.
 */
export async function readScope<S extends QueryScope>(scope: S): Promise<S> {
  return readScopeFrom(await getDatabase(), await getReadDatabase(), scope);
}

/** readScope's rule, given the two databases. */
export function readScopeFrom<S extends QueryScope>(primary: Database, read: Database, scope: S): S {
  if (read === primary) return scope;
  return { ...scope, db: firmScopedDb(read.db, scope.firmId, scope.userId) };
}

/**
 * How many seconds the read database is behind the primary: 0 when it is the
 * primary, not a replica, or has replayed everything it received.
 */
export async function readLagSeconds(): Promise<number> {
  return readLagSecondsOf(await getDatabase(), await getReadDatabase());
}

/** readLagSeconds's measure, given the two databases. */
export async function readLagSecondsOf(primary: Database, read: Database): Promise<number> {
  if (read === primary) return 0;
  const [row] = await read.query<{ lag: string | number | null }>(
    `select case when pg_is_in_recovery() then
       case when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
            else extract(epoch from now() - pg_last_xact_replay_timestamp()) end
     else 0 end as lag`,
  );
  const lag = Number(row?.lag ?? 0);
  return Number.isFinite(lag) && lag > 0 ? lag : 0;
}

export async function closeDatabase(): Promise<void> {
  const p = holder.promise;
  const r = holder.read;
  holder.promise = undefined;
  holder.read = undefined;
  await Promise.all([
    p ? p.then((d) => d.close()) : undefined,
    r ? r.then((d) => d.close()) : undefined,
  ]);
}
