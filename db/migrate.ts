import path from "node:path";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type { Database } from "./client";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");
const MIGRATIONS_TABLE = "__drizzle_migrations";
const MIGRATIONS_SCHEMA = "drizzle";
/** Arbitrary constant: serialises migrations when several app instances start at once. */
const ADVISORY_LOCK = 727_001;

/**
 * Applies pending migrations (drizzle-kit output, committed) on either engine.
 * Returns the number applied. Uses the same bookkeeping table as drizzle's
 * migrators, so drizzle-kit and this agree on what has run.
 */
export async function migrateDatabase(database: Database, folder = MIGRATIONS_FOLDER): Promise<number> {
  const migrations = readMigrationFiles({ migrationsFolder: folder });
  const run = async (q: Database["query"]) => {
    let applied = 0;
    // One transaction per migration, each first taking a transaction-level lock
    // (released by its COMMIT or ROLLBACK) and then looking for the next one to
    // apply: instances starting at once apply each migration once, and nothing
    // outlives a transaction, so this also works through a pooler in
    // transaction mode.
    for (;;) {
      await q("begin");
      try {
        await q("select pg_advisory_xact_lock($1)", [ADVISORY_LOCK]);
        await q(`create schema if not exists ${MIGRATIONS_SCHEMA}`);
        await q(
          `create table if not exists ${MIGRATIONS_SCHEMA}.${MIGRATIONS_TABLE} (id serial primary key, hash text not null, created_at bigint)`,
        );
        const last = await q<{ created_at: string }>(
          `select created_at from ${MIGRATIONS_SCHEMA}.${MIGRATIONS_TABLE} order by created_at desc limit 1`,
        );
        const lastAt = last[0] ? Number(last[0].created_at) : -1;
        const m = migrations.find((x) => x.folderMillis > lastAt);
        if (!m) {
          await q("commit");
          return applied;
        }
        for (const stmt of m.sql) if (stmt.trim()) await q(stmt);
        await q(`insert into ${MIGRATIONS_SCHEMA}.${MIGRATIONS_TABLE} (hash, created_at) values ($1, $2)`, [
          m.hash,
          m.folderMillis,
        ]);
        await q("commit");
      } catch (err) {
        await q("rollback");
        throw err;
      }
      applied++;
    }
  };

  if (database.pool) {
    // One connection for the run so each BEGIN … COMMIT is one transaction.
    const conn = await database.pool.connect();
    try {
      return await run(async (text, params) => (await conn.query(text, params as unknown[])).rows);
    } finally {
      conn.release();
    }
  }
  return run(database.query);
}
