import { z } from "zod";

function optionalPostgresUrl(name: string) {
  return z
    .string()
    .optional()
    .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined))
    .refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
      error: `${name} must start with postgres:// or postgresql://`,
    });
}

/**
 * The only reader of process.env. Every setting the app understands is parsed
 * here once; the README lists each with its default.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  NEXT_RUNTIME: z.string().optional(),
  NEXT_PHASE: z.string().optional(),
  /** Enables /api/test-support routes that e2e tests use to make their own firm. Never in production. */
  AFTERVIEW_TEST_HOOKS: z.enum(["0", "1"]).default("0"),
  /** Enables the /api/bench control routes that `npm run bench` measures the app against. Never in production. */
  AFTERVIEW_BENCH_ROUTES: z.enum(["0", "1"]).default("0"),
  DATABASE_URL: optionalPostgresUrl("DATABASE_URL"),
  /**
   * A streaming replica of DATABASE_URL's database. Reads that may lag (the
   * reports page, the BI API, the report downloads) go to it; everything else,
   * and anything a person just wrote, stays on DATABASE_URL. Never migrated.
   */
  DATABASE_READ_URL: optionalPostgresUrl("DATABASE_READ_URL"),
  /**
   * A direct connection to the primary (not through a pooler) for migrations,
   * when DATABASE_URL is a connection pooler such as PgBouncer.
   */
  DATABASE_DIRECT_URL: optionalPostgresUrl("DATABASE_DIRECT_URL"),
  /** This process's name in the X-Afterview-Instance header; default host-pid. */
  AFTERVIEW_INSTANCE: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined))
    .refine((v) => v === undefined || /^[\x21-\x7e]{1,100}$/.test(v), {
      error: "AFTERVIEW_INSTANCE must be 1 to 100 visible ASCII characters, without spaces",
    }),
  DATA_DIR: z.string().default(".data"),
  AUTH_SECRET: z.string().optional(),
  AFTERVIEW_ENV: z.enum(["local", "production"]).optional(),
  /**
   * The address people reach the app at, e.g. https://afterview.example.com.
   * Every link in an email and every redirect is built from it, never from the
   * request's Host or X-Forwarded-Host. Required in production.
   */
  APP_URL: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined))
    .refine((v) => v === undefined || appUrlProblem(v) === null, {
      error: (issue) => appUrlProblem(String(issue.input).trim()) ?? "APP_URL is not valid",
    })
    .transform((v) => (v === undefined ? undefined : new URL(v).origin)),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /**
   * How many reverse proxies of your own stand in front of the app. 0: the
   * client is the connection's peer and X-Forwarded-For is ignored; N: the
   * client is the Nth X-Forwarded-For entry from the right.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Afterview <no-reply@afterview.local>"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SEED_DEMO: z.enum(["0", "1"]).optional(),
  RUN_JOBS: z.enum(["0", "1"]).default("1"),
  PG_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  FUZZ_RUNS: z.coerce.number().int().min(1).default(1000),
  CHROMIUM_PATH: z.string().optional(),
  CI: z.string().optional(),
  /**
   * Lets webhooks reach private and loopback addresses, and plain http://
   * (local development and tests, with a receiver on 127.0.0.1). Never in
   * production.
   */
  OUTBOUND_ALLOW_PRIVATE: z.enum(["0", "1"]).default("0"),
});

/** Why a value cannot be APP_URL, or null when it is an absolute http(s) origin. */
export function appUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `APP_URL must be an absolute address like https://afterview.example.com (got "${value.slice(0, 100)}")`;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "APP_URL must start with https:// or http://";
  if (url.username || url.password) return "APP_URL must not contain a user name or password";
  if ((url.pathname !== "/" && url.pathname !== "") || url.search || url.hash) {
    return `APP_URL must be an origin only, without a path, query or fragment, like ${url.origin}`;
  }
  return null;
}

const checked = schema.superRefine((v, ctx) => {
  if (v.AFTERVIEW_ENV === "production" && !v.APP_URL) {
    ctx.addIssue({
      code: "custom",
      path: ["APP_URL"],
      message:
        "APP_URL is required in production: set it to the address people reach the app at, like https://afterview.example.com (links in emails are built from it)",
    });
  }
  if (v.AFTERVIEW_ENV === "production" && v.OUTBOUND_ALLOW_PRIVATE === "1") {
    ctx.addIssue({
      code: "custom",
      path: ["OUTBOUND_ALLOW_PRIVATE"],
      message: "OUTBOUND_ALLOW_PRIVATE=1 is for local development only: webhooks and single sign-on never reach private addresses in production",
    });
  }
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;
let routes: InternalRoutes | undefined;

export class EnvError extends Error {}

export function env(): Env {
  if (cached) return cached;
  const parsed = checked.safeParse(process.env);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new EnvError(`Invalid setting ${String(first?.path[0] ?? "")}: ${first?.message ?? "invalid"}`);
  }
  cached = parsed.data;
  return cached;
}

/** Clears the parsed cache; tests and the CLI change process.env before reading. */
export function resetEnvCache(): void {
  cached = undefined;
  routes = undefined;
}

/** Sets a variable for this process and its children (CLI use only). */
export function setEnv(name: string, value: string): void {
  process.env[name] = value;
  resetEnvCache();
}

/** The app's own origin: APP_URL, or http://localhost:PORT when it is not set (local use). */
export function appUrl(): string {
  const e = env();
  return e.APP_URL ?? `http://localhost:${e.PORT}`;
}

/** The production posture: real secrets required, secure cookies, HSTS. */
export function isProduction(): boolean {
  const e = env();
  if (e.AFTERVIEW_ENV) return e.AFTERVIEW_ENV === "production";
  return e.NODE_ENV === "production";
}

/** Whether webhooks and single sign-on may reach private and loopback addresses (OUTBOUND_ALLOW_PRIVATE, ignored in production). */
export function outboundAllowsPrivate(): boolean {
  return !isProduction() && env().OUTBOUND_ALLOW_PRIVATE === "1";
}

export interface InternalRoutes {
  /** /api/test-support: e2e tests make their own firm through it. */
  testHooks: boolean;
  /** /api/bench and /bench: what `npm run bench` measures against. */
  bench: boolean;
}

/**
 * Which internal routes this process serves, decided once from the settings
 * at the first request: none in production, whatever AFTERVIEW_TEST_HOOKS and
 * AFTERVIEW_BENCH_ROUTES say; otherwise those the flags turn on. The routes
 * answer 404 when off, like any path that does not exist.
 */
export function internalRoutes(): InternalRoutes {
  if (routes) return routes;
  const e = env();
  const production = isProduction();
  routes = Object.freeze({
    testHooks: !production && e.AFTERVIEW_TEST_HOOKS === "1",
    bench: !production && e.AFTERVIEW_BENCH_ROUTES === "1",
  });
  return routes;
}
