import type pg from "pg";

type Client = pg.PoolClient & { _queryable?: boolean; _ending?: boolean };

/**
 * Makes sure a pooled connection that dies while checked out goes back to
 * the pool (which then discards it), whoever holds it.
 *
 * drizzle's transaction() releases its client in a `finally` that its BEGIN is
 * outside of: when BEGIN fails on a dead connection (a failover, a killed
 * backend, an idle connection handed out just before its error arrived), the
 * client is never released, and once the pool has lost all of them every
 * request waits. Here a held connection that closes, or fails a statement and
 * can no longer be used, is released with the error; the holder's own release
 * later is a no-op.
 */
export function guardPool(pool: pg.Pool): void {
  const connect = pool.connect.bind(pool) as (cb?: unknown) => Promise<Client> | undefined;
  pool.connect = ((callback?: unknown) => {
    // pool.query() checks out with a callback and releases with the error itself.
    if (callback) return connect(callback);
    return connect()!.then(guardCheckout);
  }) as typeof pool.connect;
}

function guardCheckout(client: Client): Client {
  const release = client.release;
  const query = client.query;
  let released = false;
  // The connection closed while held (it may fail a statement first, and the holder may give up on it then).
  const onEnd = () => client.release(new Error("connection lost"));
  client.once("end", onEnd);
  client.release = ((err?: Error | boolean) => {
    if (released) return;
    released = true;
    client.removeListener("end", onEnd);
    client.query = query;
    release(err);
  }) as Client["release"];
  client.query = ((...args: unknown[]) => {
    const result = (query as (...a: unknown[]) => unknown).apply(client, args);
    if (result && typeof (result as Promise<unknown>).then === "function") {
      (result as Promise<unknown>).catch(() => {
        if (!released && (client._queryable === false || client._ending)) client.release(new Error("connection lost"));
      });
    }
    return result;
  }) as Client["query"];
  return client;
}
