import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { isUuid } from "@/lib/core/vocabulary";
import type { Db } from "./client";
import * as schema from "./schema";

/**
 * Row-level security, the second line of defence behind the explicit
 * `firm_id = scope.firmId` filters (migration 0003_row_level_security).
 *
 * On PostgreSQL a scope's `db` runs every statement inside a transaction that
 * first switches to APP_ROLE — a role that owns no table, so the policies apply
 * to it — and sets `app.firm_id` / `app.user_id` for that transaction only
 * (`SET LOCAL`, `set_config(…, true)`): nothing outlives the transaction, so a
 * pooled connection goes back clean whether the work committed or failed.
 *
 * The connection itself belongs to the tables' owner, which RLS does not
 * restrict: migrations, sign-in, session and API-token lookups and background
 * jobs (the `unsafe…` functions) keep working across firms on `database.db`.
 *
 * On the embedded engine (one connection, superuser) the policies exist but do
 * not apply; the scope uses the shared handle as before.
 */
export const APP_ROLE = "afterview_app";

/** Per pool, the most recently used scoped handles (one per firm and person). */
const CACHE_SIZE = 500;
const cache = new WeakMap<pg.Pool, Map<string, Db>>();
const BASE = Symbol("afterview.firmScopedPool");

type Values = unknown[] | undefined;
type QueryArg = string | pg.QueryConfig;
type Queryable = { query(q: QueryArg, v?: Values): Promise<pg.QueryResult> };

const isBegin = (text: string) => /^\s*(begin|start\s+transaction)\b/i.test(text);
const isSelect = (text: string) => /^\s*select\b/i.test(text);
const isEnd = (text: string) => /^\s*(commit|end|abort|rollback)\s*;?\s*$/i.test(text);
const textOf = (q: QueryArg) => (typeof q === "string" ? q : q.text);

/** The statements that make the current transaction run as the app role for one firm and person. */
export function firmSetupSql(firmId: string, userId: string): string {
  // Both ids come from the session's membership row; they are inlined (one
  // round trip, no parameters in a multi-statement query), so check them anyway.
  if (!isUuid(firmId) || !isUuid(userId)) throw new Error("A scope's firm and user ids must be UUIDs.");
  return (
    `set local role ${APP_ROLE}; ` +
    `select set_config('app.firm_id', '${firmId}', true), set_config('app.user_id', '${userId}', true)`
  );
}

/** Runs one statement in a transaction of its own as the app role; the client is released either way. */
async function runAlone(client: pg.PoolClient, setup: string, q: QueryArg, values: Values): Promise<pg.QueryResult> {
  try {
    await client.query(`begin; ${setup}`);
    const result = await client.query(q as pg.QueryConfig, values);
    if (isSelect(textOf(q))) {
      // A read's result is final: end its transaction without making the caller
      // wait for the round trip. The connection goes back only once it has.
      client.query("commit").then(
        () => client.release(),
        (err: Error) => client.release(err),
      );
      return result;
    }
    await client.query("commit");
    client.release();
    return result;
  } catch (err) {
    try {
      await client.query("rollback");
      client.release();
    } catch {
      // A connection that cannot roll back is not reused.
      client.release(true);
    }
    throw err;
  }
}

/**
 * What drizzle sees as a pool: it inherits from the real pool (drizzle starts
 * a transaction on `connect()` only for a pool) and overrides the two calls
 * drizzle makes. A single statement gets a transaction of its own; a drizzle
 * transaction gets the role and firm with its BEGIN, in the same round trip.
 */
function firmScopedPool(pool: pg.Pool, setup: string): pg.Pool {
  const scoped = Object.create(pool) as pg.Pool;
  const connect = async (): Promise<Queryable & { release(err?: Error | boolean): void }> => {
    const client = await pool.connect();
    let inTransaction = false;
    let released = false;
    const release = (err?: Error | boolean) => {
      if (released) return;
      released = true;
      client.release(err);
    };
    return {
      async query(q: QueryArg, values?: Values) {
        const text = textOf(q);
        if (isBegin(text) && !values?.length) {
          // BEGIN, the role and the firm in one round trip.
          try {
            const result = await client.query(`${text}; ${setup}`);
            inTransaction = true;
            return result as unknown as pg.QueryResult;
          } catch (err) {
            // drizzle neither rolls back nor releases when BEGIN fails: drop the connection here.
            release(err as Error);
            throw err;
          }
        }
        if (!inTransaction && !isBegin(text)) {
          // Outside a transaction (drizzle never does this): give the statement its own.
          await client.query(`begin; ${setup}`);
          try {
            const result = await client.query(q as pg.QueryConfig, values);
            await client.query("commit");
            return result;
          } catch (err) {
            await client.query("rollback").catch(() => {});
            throw err;
          }
        }
        const result = await client.query(q as pg.QueryConfig, values);
        if (isBegin(text)) {
          inTransaction = true;
          await client.query(setup);
        } else if (isEnd(text)) {
          inTransaction = false;
        }
        return result;
      },
      release,
    };
  };
  Object.defineProperties(scoped, {
    [BASE]: { value: pool },
    query: {
      value: async (q: QueryArg, values?: Values) => runAlone(await pool.connect(), setup, q, values),
    },
    connect: { value: connect },
    end: {
      value: () => Promise.reject(new Error("Close the database, not one firm's view of it.")),
    },
  });
  return scoped;
}

/**
 * The handle a scope queries through: on PostgreSQL, `db`'s pool seen as the
 * app role for this firm and person (row-level security applies); on the
 * embedded engine, or for a transaction handle, `db` itself.
 */
export function firmScopedDb(db: Db, firmId: string, userId: string): Db {
  let pool = (db as unknown as { $client?: unknown }).$client;
  if (!(pool instanceof pg.Pool)) return db;
  pool = (pool as { [BASE]?: pg.Pool })[BASE] ?? pool;
  const base = pool as pg.Pool;
  let perPool = cache.get(base);
  if (!perPool) cache.set(base, (perPool = new Map()));
  const key = `${firmId}:${userId}`;
  let scoped = perPool.get(key);
  if (scoped) {
    // Most recently used last, so the oldest is first in line to go.
    perPool.delete(key);
  } else {
    const client = firmScopedPool(base, firmSetupSql(firmId, userId));
    scoped = drizzle({ client, schema, casing: "snake_case" }) as unknown as Db;
    if (perPool.size >= CACHE_SIZE) perPool.delete(perPool.keys().next().value!);
  }
  perPool.set(key, scoped);
  return scoped;
}
