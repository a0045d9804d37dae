import { spawnSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { ownServerEnv, START, startOwnServer, type OwnServer } from "./own-server";

/**
 * `npm start` in production (on the build the end-to-end web server made),
 * with the test-support and bench flags turned on as a misconfiguration
 * would: those routes still answer 404, and redirects do not follow the
 * Host the request claims.
 */
test.describe.configure({ mode: "serial" });

const PRODUCTION: Record<string, string> = {
  AFTERVIEW_ENV: "production",
  APP_URL: "https://afterview.example.com",
  AUTH_SECRET: "production-spec-secret-0123456789abcdef0123456789",
  AFTERVIEW_TEST_HOOKS: "1",
  AFTERVIEW_BENCH_ROUTES: "1",
};

let server: OwnServer;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startOwnServer("prod", PRODUCTION);
});

test.afterAll(async () => {
  await server?.cleanup();
});

test("refuses to start in production without APP_URL, saying what to set", () => {
  const env = ownServerEnv(1, PRODUCTION);
  delete env.APP_URL;
  const r = spawnSync(process.execPath, START, { env, encoding: "utf8", timeout: 60_000 });
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
