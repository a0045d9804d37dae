import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { dropDatabase, urlForDatabase, withAdmin } from "../helpers/pg-admin";

/**
 * The real server (`npm start`, on the build the end-to-end web server
 * made) as an operator runs it: its own process, its own fresh database.
 * These tests stop it or take its database away, so they cannot share the
 * suite's server.
 */
test.describe.configure({ mode: "serial" });

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

interface Server {
  url: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  database: { name: string; adminUrl: string } | null;
  output: () => string;
  cleanup: () => Promise<void>;
}

async function startServer(): Promise<Server> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    AFTERVIEW_ENV: "local",
    AFTERVIEW_TEST_HOOKS: "1",
    SEED_DEMO: "0",
    RUN_JOBS: "0",
    LOG_LEVEL: "warn",
  };
  let database: Server["database"] = null;
  let dataDir: string | null = null;
  const adminUrl = process.env.DATABASE_URL?.trim();
  if (adminUrl) {
    const name = `afterview_e2e_stop_${process.pid}_${port}`;
    await dropDatabase(adminUrl, name);
    await withAdmin(adminUrl, (c) => c.query(`create database "${name}"`));
    env.DATABASE_URL = urlForDatabase(adminUrl, name);
    database = { name, adminUrl };
  } else {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "afterview-e2e-stop-"));
    env.DATA_DIR = dataDir;
  }
  // Its own process group, so nothing it starts outlives the test.
  const child = spawn(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "lib/platform/cli/start.ts"], {
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited at start:\n${out}`);
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > until) throw new Error(`the server did not answer within 120 s:\n${out}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    child,
    exited,
    database,
    output: () => out,
    async cleanup() {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-child.pid!, "SIGKILL");
        } catch {
          /* gone */
        }
        await exited;
      }
      if (database) await dropDatabase(database.adminUrl, database.name).catch(() => {});
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let server: Server;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startServer();
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
