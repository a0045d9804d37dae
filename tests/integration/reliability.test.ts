import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { openDatabase, type Database } from "@/db/client";
import { probeDatabase } from "@/db/probe";
import { DOWN_RECHECK_MS, markDatabaseSuspect, registerDatabaseProbe } from "@/lib/core/availability";
import { proxy } from "@/proxy";
import { sleep, within } from "../helpers/bounded";
import { useDatabaseForRequests } from "../helpers/context";
import { useFreshDatabase } from "../helpers/db";
import { cloneTemplate, realServer, type ClonedDatabase } from "../helpers/pg-clone";

const BASE = "http://localhost:3000";
const request = (path: string, init?: { method?: string; headers?: Record<string, string> }) =>
  new NextRequest(`${BASE}${path}`, init);

describe("on the embedded database", () => {
  const database = useFreshDatabase();

  it("lets every request through, because it cannot go down", async () => {
    useDatabaseForRequests(database.current);
    registerDatabaseProbe(() => probeDatabase(2_000, undefined));
    markDatabaseSuspect();
    const res = await proxy(request("/sign-in"));
    expect(res.status).toBe(200);
    registerDatabaseProbe(undefined);
  });
});

describe.skipIf(!realServer())("with the real database down (PostgreSQL only: the embedded engine cannot go down)", () => {
  let clone: ClonedDatabase;
  let database: Database;
  const poolErrors: Error[] = [];

  beforeAll(async () => {
    clone = await cloneTemplate();
    database = await openDatabase({ url: clone.url, poolMax: 4, onPoolError: (err) => poolErrors.push(err) });
    // As lib/platform/server-process.ts wires the real server.
    database.pool!.on("error", () => markDatabaseSuspect());
    registerDatabaseProbe(() => probeDatabase(2_000, clone.url));
    useDatabaseForRequests(database);
  });

  afterAll(async () => {
    registerDatabaseProbe(undefined);
    await database?.close().catch(() => {});
    await clone?.drop();
  });

  it("survives a pooled connection that dies while idle and while checked out mid-transaction", async () => {
    const idle = await database.pool!.connect();
    const busy = await database.pool!.connect();
    idle.release();
    await busy.query("begin");
    const [{ pid }] = (await busy.query<{ pid: number }>("select pg_backend_pid() as pid")).rows as [{ pid: number }];
    // Kill every connection of the database: the idle one (pool 'error') and the one in a transaction.
    expect(await clone.terminateBackends()).toBeGreaterThanOrEqual(2);
    await sleep(100);
    expect(poolErrors.length).toBeGreaterThanOrEqual(1);
    await expect(within(5_000, busy.query("select 1"), "query on a killed connection")).rejects.toThrow();
    busy.release(new Error("connection lost"));
    // The pool hands out a fresh connection next.
    const rows = await within(5_000, database.query<{ pid: number }>("select pg_backend_pid() as pid"), "query after the kill");
    expect(rows[0]!.pid).not.toBe(pid);
  });

  it("answers 503 with a plain message while the database is unreachable, and recovers by itself", async () => {
    markDatabaseSuspect();
    expect((await proxy(request("/sign-in"))).status).toBe(200);
    // Recent traffic leaves an idle connection in the pool, as on a live server.
    await database.query("select 1");

    await clone.takeDown();
    try {
      // The pool's idle connections were ended: the next request re-probes.
      await sleep(100);
      const page = await within(5_000, proxy(request("/sign-in")), "proxy while down");
      expect(page.status).toBe(503);
      expect(page.headers.get("content-type")).toMatch(/^text\/html/);
      expect(page.headers.get("retry-after")).toBe("5");
      expect(page.headers.get("cache-control")).toBe("no-store");
      expect(page.headers.get("content-security-policy")).toContain("default-src");
      const text = await page.text();
      expect(text).toContain("Afterview is briefly unavailable");
      expect(text).not.toMatch(/<script|ECONN|FATAL|allow_connections|postgres/i);

      const api = await proxy(request("/api/v1/pipeline", { headers: { authorization: "Bearer afv_x" } }));
      expect(api.status).toBe(503);
      expect(await api.json()).toEqual({ error: "The service is briefly unavailable. Try again in a moment." });

      const dashboard = await proxy(request("/dashboard", { headers: { cookie: "afterview.session=x" } }));
      expect(dashboard.status).toBe(503);

      // The health check answers for itself, 503 too.
      const h = await within(10_000, health(), "health while down");
      expect(h.status).toBe(503);
    } finally {
      await clone.bringUp();
    }
    await sleep(DOWN_RECHECK_MS + 100);
    const back = await within(5_000, proxy(request("/sign-in")), "proxy after recovery");
    expect(back.status).toBe(200);
    expect((await within(10_000, health(), "health after recovery")).status).toBe(200);
    expect((await database.query<{ one: number }>("select 1 as one"))[0]!.one).toBe(1);
  });
});
