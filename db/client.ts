import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import pg from "pg";
import { guardPool } from "./pool-guard";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle has the same query API as the database. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export type Engine = "pglite" | "postgres";

export interface Database {
  db: Db;
  engine: Engine;
  /** Raw SQL for the few places drizzle has no builder (COPY, health checks). */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** The pg pool, when on a real server (exports stream with COPY through it). */
  pool?: pg.Pool;
  /** The embedded engine's data directory as a tarball (test templates). */
  dump?: () => Promise<Blob>;
  close(): Promise<void>;
}

/** A problem opening the database, with a message a person can act on. */
export class DatabaseOpenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DatabaseOpenError";
  }
}

export interface OpenOptions {
  /** postgres:// URL; when absent the embedded database is used. */
  url?: string;
  /** Directory of the embedded database, or "memory://" for an in-memory one. */
  dataDir?: string;
  poolMax?: number;
  /** Template tarball (PGlite dumpDataDir) to start an in-memory database from. */
  loadDataDir?: Blob;
  onPoolError?: (err: Error) => void;
  /** PostgreSQL's application_name for the pool's connections (pg_stat_activity tells the pools apart). */
  applicationName?: string;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  return opts.url ? openPostgres(opts) : openPglite(opts);
}

function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || "5432"}${u.pathname}`;
  } catch {
    return "(unparseable URL)";
  }
}

async function openPostgres(opts: OpenOptions): Promise<Database> {
  const url = opts.url!;
  try {
    const u = new URL(url);
    if (!/^postgres(ql)?:$/.test(u.protocol)) throw new Error("protocol");
  } catch {
    throw new DatabaseOpenError("DATABASE_URL is not a valid postgres:// URL.");
  }
  const pool = new pg.Pool({
    connectionString: url,
    ...(opts.applicationName ? { application_name: opts.applicationName } : {}),
    max: opts.poolMax ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // Without a listener, an idle client's error (a database restart) kills the process.
  pool.on("error", (err) => opts.onPoolError?.(err));
  // A client that is checked out (mid-transaction) when its connection dies
  // emits 'error' as well, and the pool listens only while it is idle: without
  // this the process dies. The failure still reaches the running query's
  // caller, and the pool discards the unqueryable client on release.
  pool.on("connect", (client) => {
    client.on("error", () => {});
  });
  // A connection that dies while checked out goes back to the pool (drizzle can leak it).
  guardPool(pool);
  try {
    await pool.query("select 1");
  } catch (err) {
    await pool.end().catch(() => {});
    const reason = err instanceof Error ? err.message : String(err);
    throw new DatabaseOpenError(`Cannot reach the database at ${describeUrl(url)}: ${reason}`);
  }
  const db = drizzlePg({ client: pool, schema, casing: "snake_case" }) as unknown as Db;
  return {
    db,
    engine: "postgres",
    pool,
    async query<T>(text: string, params?: unknown[]) {
      const r = await pool.query(text, params as unknown[]);
      return r.rows as T[];
    },
    close: () => pool.end(),
  };
}

const LOCK_FILE = "afterview.lock";

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite has no cross-process lock: a second process on the same directory
 * silently loses writes. This lock makes a second opener fail at once.
 */
function acquireLock(dir: string): () => void {
  const file = path.join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(file, "utf8") === String(process.pid)) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once("exit", release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = Number(fs.readFileSync(file, "utf8"));
      if (holder && holder !== process.pid && processAlive(holder)) {
        throw new DatabaseOpenError(
          `The embedded database in ${dir} is in use by another Afterview process (pid ${holder}). ` +
            `Stop that process first, or set DATA_DIR to another folder.`,
        );
      }
      // A stale lock from a process that is gone: take it over.
      fs.rmSync(file, { force: true });
    }
  }
  throw new DatabaseOpenError(`Could not lock the embedded database in ${dir}.`);
}

async function openPglite(opts: OpenOptions): Promise<Database> {
  const dataDir = opts.dataDir ?? "memory://";
  let release = () => {};
  let pgDir: string | undefined;
  if (!dataDir.startsWith("memory://")) {
    fs.mkdirSync(dataDir, { recursive: true });
    release = acquireLock(dataDir);
    pgDir = path.join(dataDir, "pglite");
  }
  let client: PGlite;
  try {
    // pg_trgm backs the record searches (migration 0009), as on a server.
    const extensions = { pg_trgm };
    client = await PGlite.create(pgDir ?? "memory://", opts.loadDataDir ? { loadDataDir: opts.loadDataDir, extensions } : { extensions });
    await client.query("select 1");
  } catch (err) {
    release();
    const reason = err instanceof Error ? err.message : String(err);
    throw new DatabaseOpenError(
      `The embedded database in ${pgDir} could not be opened (${reason}). ` +
        `If it is damaged, move that folder aside (your data stays in it) and start again to get a fresh demo database.`,
    );
  }
  const db = drizzlePglite({ client, schema, casing: "snake_case" }) as unknown as Db;
  return {
    db,
    engine: "pglite",
    async query<T>(text: string, params?: unknown[]) {
      const r = await client.query(text, params as unknown[]);
      return r.rows as T[];
    },
    dump: async () => (await client.dumpDataDir("gzip")) as Blob,
    async close() {
      await client.close();
      release();
    },
  };
}
