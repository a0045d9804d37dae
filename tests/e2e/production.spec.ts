import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { dropDatabase, urlForDatabase, withAdmin } from "../helpers/pg-admin";

/**
 * `npm start` in production (on the build the end-to-end web server made),
 * with the test-support and bench flags turned on as a misconfiguration
 * would: those routes still answer 404, and redirects do not follow the
 * Host the request claims.
 */
test.describe.configure({ mode: "serial" });

const TSX = path.join("node_modules", "tsx", "dist", "cli.mjs");

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

function productionEnv(port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORT: String(port),
    AFTERVIEW_ENV: "production",
    APP_URL: "https://afterview.example.com",
    AUTH_SECRET: "production-spec-secret-0123456789abcdef0123456789",
    AFTERVIEW_TEST_HOOKS: "1",
    AFTERVIEW_BENCH_ROUTES: "1",
    SEED_DEMO: "0",
    RUN_JOBS: "0",
    LOG_LEVEL: "warn",
  };
}

let server: { url: string; child: ChildProcess; output: () => string; cleanup: () => Promise<void> };

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const port = await freePort();
  const env = productionEnv(port);
  let cleanupData = async () => {};
  const adminUrl = process.env.DATABASE_URL?.trim();
  if (adminUrl) {
    const name = `afterview_e2e_prod_${process.pid}_${port}`;
    await dropDatabase(adminUrl, name);
    await withAdmin(adminUrl, (c) => c.query(`create database "${name}"`));
    env.DATABASE_URL = urlForDatabase(adminUrl, name);
    cleanupData = () => dropDatabase(adminUrl, name).catch(() => {});
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "afterview-e2e-prod-"));
    env.DATA_DIR = dir;
    cleanupData = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  const child = spawn(process.execPath, [TSX, "lib/platform/cli/start.ts"], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 150_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited at start:\n${out}`);
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) break;
    if (Date.now() > until) throw new Error(`the server did not answer within 150 s:\n${out}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  server = {
    url,
    child,
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
      await cleanupData();
    },
  };
});

test.afterAll(async () => {
  await server?.cleanup();
});

test("refuses to start in production without APP_URL, saying what to set", () => {
  const env = productionEnv(1);
  delete env.APP_URL;
  const r = spawnSync(process.execPath, [TSX, "lib/platform/cli/start.ts"], { env, encoding: "utf8", timeout: 60_000 });
  expect(r.status).toBe(1);
  expect(r.stderr).toContain("APP_URL is required in production");
});

test("answers 404 on the test-support and bench routes whatever the flags say", async () => {
  expect(server.output()).toContain("ignored in production");
  for (const [method, route] of [
    ["POST", "/api/test-support/firm"],
    ["GET", "/api/test-support/slow?ms=0"],
    ["GET", "/api/bench/pipeline"],
    ["POST", "/api/bench/debrief"],
    ["GET", "/bench/pipeline"],
  ] as const) {
    const res = await fetch(`${server.url}${route}`, {
      method,
      headers: { "content-type": "application/json" },
      body: method === "POST" ? "{}" : undefined,
      redirect: "manual",
    });
    expect(res.status, `${method} ${route}`).toBe(404);
  }
});

test("sends a signed-out visitor to sign-in on the origin they asked, not the Host they claimed", async () => {
  const res = await fetch(`${server.url}/dashboard`, {
    headers: { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" },
    redirect: "manual",
  });
  expect(res.status).toBe(307);
  expect(res.headers.get("location")).toBe("/sign-in?next=%2Fdashboard");
});
