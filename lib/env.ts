import { z } from "zod";

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
  DATABASE_URL: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined))
    .refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
      error: "DATABASE_URL must start with postgres:// or postgresql://",
    }),
  DATABASE_REPLICA_URL: z.string().optional(),
  DATA_DIR: z.string().default(".data"),
  AUTH_SECRET: z.string().optional(),
  AFTERVIEW_ENV: z.enum(["local", "production"]).optional(),
  APP_URL: z.string().optional(),
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
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export class EnvError extends Error {}

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
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
}

/** Sets a variable for this process and its children (CLI use only). */
export function setEnv(name: string, value: string): void {
  process.env[name] = value;
  cached = undefined;
}

/** The production posture: real secrets required, secure cookies, HSTS. */
export function isProduction(): boolean {
  const e = env();
  if (e.AFTERVIEW_ENV) return e.AFTERVIEW_ENV === "production";
  return e.NODE_ENV === "production";
}
