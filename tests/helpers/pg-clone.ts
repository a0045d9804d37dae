import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { dropDatabase, urlForDatabase, withAdmin } from "./pg-admin";

export interface ClonedDatabase {
  name: string;
  url: string;
  adminUrl: string;
  /** Refuses new connections and ends the open ones: the database is "down". */
  takeDown(): Promise<void>;
  bringUp(): Promise<void>;
  /** Ends every connection to it except the caller's (pg_terminate_backend). */
  terminateBackends(filter?: string): Promise<number>;
  drop(): Promise<void>;
}

/** The real server's migrated template, when DATABASE_URL is set; null on the embedded engine. */
export function realServer(): { adminUrl: string; template: string; prefix: string } | null {
  return inject("pgTemplate");
}

/** A migrated database of its own on the real server (a clone of the test template). */
export async function cloneTemplate(): Promise<ClonedDatabase> {
  const pg = realServer();
  if (!pg) throw new Error("cloneTemplate needs DATABASE_URL (a real PostgreSQL server).");
  const name = `${pg.prefix}${randomBytes(6).toString("hex")}`;
  await withAdmin(pg.adminUrl, (c) => c.query(`create database "${name}" template "${pg.template}"`));
  const terminateBackends = (filter = "true") =>
    withAdmin(pg.adminUrl, async (c) => {
      const r = await c.query(
        `select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid() and (${filter})`,
        [name],
      );
      return r.rowCount ?? 0;
    });
  return {
    name,
    url: urlForDatabase(pg.adminUrl, name),
    adminUrl: pg.adminUrl,
    async takeDown() {
      await withAdmin(pg.adminUrl, (c) => c.query(`alter database "${name}" allow_connections false`));
      await terminateBackends();
    },
    async bringUp() {
      await withAdmin(pg.adminUrl, (c) => c.query(`alter database "${name}" allow_connections true`));
    },
    terminateBackends,
    async drop() {
      await withAdmin(pg.adminUrl, (c) => c.query(`alter database "${name}" allow_connections true`)).catch(() => {});
      await dropDatabase(pg.adminUrl, name);
    },
  };
}
