import { afterEach, describe, expect, it } from "vitest";
import { env, EnvError, resetEnvCache, webhooksAllowPrivate } from "@/lib/platform/env";

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

describe("WEBHOOKS_ALLOW_PRIVATE", () => {
  it("is off by default and on locally when set", () => {
    withEnv({ AFTERVIEW_ENV: "local", WEBHOOKS_ALLOW_PRIVATE: undefined });
    expect(webhooksAllowPrivate()).toBe(false);
    withEnv({ AFTERVIEW_ENV: "local", WEBHOOKS_ALLOW_PRIVATE: "1" });
    expect(webhooksAllowPrivate()).toBe(true);
  });

  it("is refused in production, with a message that says why", () => {
    withEnv({ AFTERVIEW_ENV: "production", APP_URL: "https://afterview.example.com", AUTH_SECRET: "x".repeat(40), WEBHOOKS_ALLOW_PRIVATE: "1" });
    expect(() => env()).toThrow(EnvError);
    expect(() => env()).toThrow(/WEBHOOKS_ALLOW_PRIVATE=1 is for local development only/);
    withEnv({ WEBHOOKS_ALLOW_PRIVATE: "0" });
    expect(webhooksAllowPrivate()).toBe(false);
  });
});
