import { expect, test } from "@playwright/test";
import { withAdmin } from "../helpers/pg-admin";
import { startOwnServer, type OwnServer } from "./own-server";

/**
 * The real server (`npm start`, on the build the end-to-end web server
 * made) as an operator runs it: its own process, its own fresh database.
 * These tests stop it or take its database away, so they cannot share the
 * suite's server.
 */
test.describe.configure({ mode: "serial" });

let server: OwnServer;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startOwnServer("stop", { AFTERVIEW_ENV: "local", AFTERVIEW_TEST_HOOKS: "1" }, 120);
});

test.afterAll(async () => {
  await server?.cleanup();
});

test("answers 503 with a plain page while its database is unreachable, and recovers by itself", async () => {
  test.skip(!server.database, "needs PostgreSQL (DATABASE_URL): the embedded database cannot go down");
  const { name, adminUrl } = server.database!;
  expect((await fetch(`${server.url}/sign-in`)).status).toBe(200);
  await withAdmin(adminUrl, async (c) => {
    await c.query(`alter database "${name}" allow_connections false`);
    await c.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1", [name]);
  });
  try {
    let page: Response | undefined;
    for (let i = 0; i < 20; i++) {
      page = await fetch(`${server.url}/sign-in`);
      if (page.status === 503) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(page!.status).toBe(503);
    expect(page!.headers.get("content-type")).toMatch(/^text\/html/);
    expect(page!.headers.get("retry-after")).toBe("5");
    expect(await page!.text()).toContain("Afterview is briefly unavailable");
    const api = await fetch(`${server.url}/api/exports/runs/x`);
    expect(api.status).toBe(503);
    expect(((await api.json()) as { error: string }).error).toMatch(/briefly unavailable/);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(503);
  } finally {
    await withAdmin(adminUrl, (c) => c.query(`alter database "${name}" allow_connections true`));
  }
  let back = 0;
  for (let i = 0; i < 40 && back !== 200; i++) {
    await new Promise((r) => setTimeout(r, 250));
    back = (await fetch(`${server.url}/sign-in`)).status;
  }
  expect(back).toBe(200);
  expect(server.child.exitCode).toBeNull();
});

test("lets a request in flight finish on SIGTERM, then exits 0", async () => {
  test.setTimeout(60_000);
  const started = Date.now();
  const slow = fetch(`${server.url}/api/test-support/slow?ms=3000`);
  // Make sure the request has reached the server before it is told to stop.
  await new Promise((r) => setTimeout(r, 1_000));
  process.kill(server.child.pid!, "SIGTERM");
  const res = await slow;
  expect(res.status).toBe(200);
  expect(((await res.json()) as { sleptMs: number }).sleptMs).toBeGreaterThanOrEqual(2_900);
  expect(Date.now() - started).toBeGreaterThanOrEqual(3_000);
  const code = await Promise.race([server.exited, new Promise((r) => setTimeout(() => r("still running"), 20_000))]);
  expect(code, server.output()).toBe(0);
  // Nothing is listening any more.
  await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
});
