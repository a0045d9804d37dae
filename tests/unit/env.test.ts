import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { appUrl, env, EnvError, resetEnvCache, outboundAllowsPrivate } from "@/lib/platform/env";
import { appOrigin } from "@/lib/platform/url";

const saved = { ...process.env };

function withEnv(values: Record<string, string | undefined>): void {
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
}

afterEach(() => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
  resetEnvCache();
});

describe("APP_URL", () => {
  it("is required when AFTERVIEW_ENV=production, with a message that says what to set", () => {
    withEnv({ AFTERVIEW_ENV: "production", APP_URL: undefined });
    expect(() => env()).toThrow(EnvError);
    expect(() => env()).toThrow(/APP_URL is required in production.*https:\/\//);
    withEnv({ AFTERVIEW_ENV: "production", APP_URL: "   " });
    expect(() => env()).toThrow(/APP_URL is required in production/);
  });

  it("must be an absolute http(s) origin", () => {
    for (const bad of [
      "afterview.example.com",
      "/relative",
      "ftp://afterview.example.com",
      "javascript:alert(1)",
      "https://user:pass@afterview.example.com",
      "https://afterview.example.com/app",
      "https://afterview.example.com/?x=1",
      "https://afterview.example.com/#top",
      "https://",
    ]) {
      withEnv({ AFTERVIEW_ENV: "production", APP_URL: bad });
      expect(() => env(), bad).toThrow(/^Invalid setting APP_URL: APP_URL must/);
    }
  });

  it("is kept as its origin: no trailing slash, lower-case host, default port dropped", () => {
    withEnv({ AFTERVIEW_ENV: "production", APP_URL: " https://Afterview.Example.com:443/ " });
    expect(env().APP_URL).toBe("https://afterview.example.com");
    expect(appOrigin()).toBe("https://afterview.example.com");
    withEnv({ AFTERVIEW_ENV: "local", APP_URL: "http://127.0.0.1:8080" });
    expect(appUrl()).toBe("http://127.0.0.1:8080");
  });

  it("defaults to http://localhost:PORT outside production", () => {
    withEnv({ AFTERVIEW_ENV: "local", APP_URL: undefined, PORT: "4123" });
    expect(appOrigin()).toBe("http://localhost:4123");
    withEnv({ AFTERVIEW_ENV: undefined, APP_URL: "", PORT: undefined });
    expect(appOrigin()).toBe("http://localhost:3000");
  });

  it("stops `npm start` in production with a clear error when missing, before touching the database", () => {
    const root = path.resolve(__dirname, "../..");
    const env: NodeJS.ProcessEnv = { ...saved, AFTERVIEW_ENV: "production", AUTH_SECRET: "x".repeat(40), DATA_DIR: "/nonexistent/afterview-env-test" };
    delete env.APP_URL;
    delete env.DATABASE_URL;
    const r = spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "lib/platform/cli/start.ts"], {
      cwd: root,
      env,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("afterview: Invalid setting APP_URL: APP_URL is required in production");
  });
});

describe("OUTBOUND_ALLOW_PRIVATE", () => {
  it("is off by default and on locally when set", () => {
    withEnv({ AFTERVIEW_ENV: "local", OUTBOUND_ALLOW_PRIVATE: undefined });
    expect(outboundAllowsPrivate()).toBe(false);
    withEnv({ AFTERVIEW_ENV: "local", OUTBOUND_ALLOW_PRIVATE: "1" });
    expect(outboundAllowsPrivate()).toBe(true);
  });

  it("is refused in production, with a message that says why", () => {
    withEnv({ AFTERVIEW_ENV: "production", APP_URL: "https://afterview.example.com", AUTH_SECRET: "x".repeat(40), OUTBOUND_ALLOW_PRIVATE: "1" });
    expect(() => env()).toThrow(EnvError);
    expect(() => env()).toThrow(/OUTBOUND_ALLOW_PRIVATE=1 is for local development only/);
    withEnv({ OUTBOUND_ALLOW_PRIVATE: "0" });
    expect(outboundAllowsPrivate()).toBe(false);
  });
});

describe("DATABASE_READ_URL and DATABASE_DIRECT_URL", () => {
  it("are read on PostgreSQL and ignored on the embedded database", async () => {
    const { databaseSettings, migrationSettings } = await import("@/db/runtime");
    withEnv({ DATABASE_URL: "postgres://app@pgbouncer:6432/afterview", DATABASE_READ_URL: "postgres://app@replica:5432/afterview", DATABASE_DIRECT_URL: "postgres://app@primary:5432/afterview" });
    expect(databaseSettings()).toMatchObject({ url: "postgres://app@pgbouncer:6432/afterview", readUrl: "postgres://app@replica:5432/afterview" });
    expect(migrationSettings().url).toBe("postgres://app@primary:5432/afterview");
    withEnv({ DATABASE_DIRECT_URL: " " });
    expect(migrationSettings().url).toBe("postgres://app@pgbouncer:6432/afterview");
    withEnv({ DATABASE_URL: undefined });
    expect(databaseSettings()).toMatchObject({ url: undefined, readUrl: undefined, directUrl: undefined });
  });

  it("must be postgres:// URLs", () => {
    withEnv({ DATABASE_URL: "postgres://app@db/afterview", DATABASE_READ_URL: "mysql://replica/afterview" });
    expect(() => env()).toThrow(/DATABASE_READ_URL must start with postgres:\/\//);
    withEnv({ DATABASE_READ_URL: undefined, DATABASE_DIRECT_URL: "primary:5432" });
    expect(() => env()).toThrow(/DATABASE_DIRECT_URL must start with postgres:\/\//);
  });
});

describe("AFTERVIEW_INSTANCE", () => {
  it("is optional, trimmed, and refused when it could not be a header value", () => {
    withEnv({ AFTERVIEW_INSTANCE: undefined });
    expect(env().AFTERVIEW_INSTANCE).toBeUndefined();
    withEnv({ AFTERVIEW_INSTANCE: " app-1 " });
    expect(env().AFTERVIEW_INSTANCE).toBe("app-1");
    withEnv({ AFTERVIEW_INSTANCE: "app 1\n" });
    expect(() => env()).toThrow(/AFTERVIEW_INSTANCE must be 1 to 100 visible ASCII characters/);
  });
});
