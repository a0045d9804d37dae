/**
 * `npm start`: the one command that runs Afterview locally or in production.
 * Checks settings, prepares the database (migrate; seed the demo into an empty
 * one), builds when the sources changed, then runs the app's server
 * (next-server.mjs: Next.js behind a plain Node HTTP server that records each
 * connection's address) and prints the URL and the demo logins once the app
 * answers.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { buildIsCurrent, recordBuild, restoringFile, sourceHash } from "./build";

const dev = process.argv.includes("--dev");
/** How long a stop waits for the requests in flight. */
const SHUTDOWN_GRACE_MS = 30_000;
const SIGNAL_NUMBERS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;
const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
const serverScript = path.join(process.cwd(), "lib", "platform", "cli", "next-server.mjs");

function fail(message: string): never {
  process.stderr.write(`afterview: ${message}\n`);
  process.exit(1);
}

function ensureSecrets(production: boolean, dataDir: string): void {
  if (process.env.AUTH_SECRET) return;
  if (production) {
    fail("AUTH_SECRET is not set. In production set it to a long random value (e.g. `openssl rand -base64 32`).");
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "auth-secret");
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  process.env.AUTH_SECRET = fs.readFileSync(file, "utf8").trim();
}

async function waitForHealth(url: string, child: ReturnType<typeof spawn>): Promise<boolean> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) return false;
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return true;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

async function main() {
  const production = process.env.AFTERVIEW_ENV === "production" || process.env.NODE_ENV === "production";
  process.env.AFTERVIEW_ENV = production ? "production" : "local";
  const dataDir = path.resolve(process.env.DATA_DIR || ".data");
  ensureSecrets(production, dataDir);

  const { env, EnvError } = await import("../env");
  let settings;
  try {
    settings = env();
  } catch (err) {
    if (err instanceof EnvError) fail(err.message);
    throw err;
  }
  if (production && (settings.AFTERVIEW_TEST_HOOKS === "1" || settings.AFTERVIEW_BENCH_ROUTES === "1")) {
    process.stderr.write(
      "afterview: AFTERVIEW_TEST_HOOKS and AFTERVIEW_BENCH_ROUTES are ignored in production; /api/test-support, /api/bench and /bench answer 404.\n",
    );
  }

  const { DatabaseOpenError } = await import("../../../db/client");
  const { prepareDatabase } = await import("../../../db/setup");
  let prepared;
  try {
    prepared = await prepareDatabase({ seedDemo: settings.SEED_DEMO ? settings.SEED_DEMO === "1" : !production });
  } catch (err) {
    if (err instanceof DatabaseOpenError) fail(err.message);
    fail(`could not prepare the database: ${err instanceof Error ? err.message : String(err)}`);
  }
  const where = prepared.engine === "pglite" ? `embedded database in ${path.join(dataDir, "pglite")}` : "PostgreSQL";
  console.log(
    `afterview: ${where} ready` +
      (prepared.migrationsApplied ? `, ${prepared.migrationsApplied} migration(s) applied` : "") +
      (prepared.seeded ? ", demo firm seeded" : ""),
  );

  if (!dev && !buildIsCurrent()) {
    console.log("afterview: building the app (first start or changed sources; about a minute)…");
    const hash = sourceHash();
    const r = restoringFile("tsconfig.json", () =>
      spawnSync(process.execPath, [nextBin, "build"], {
        stdio: "inherit",
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
      }),
    );
    if (r.status !== 0) fail("the build failed (see above).");
    recordBuild(hash);
  }

  const port = String(settings.PORT);
  const child = spawn(process.execPath, [serverScript, port, ...(dev ? ["--dev"] : [])], {
    stdio: "inherit",
    env: {
      // glibc gives each thread that allocates (the compression and crypto of libuv's pool among them) an
      // arena of its own and rarely returns their free pages: under load the server's RSS grew by
      // hundreds of MB that its heap did not hold. Two arenas keep it near what is in use (a value set
      // in the environment wins).
      MALLOC_ARENA_MAX: "2",
      ...process.env,
      NODE_ENV: dev ? "development" : "production",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  // Stopping: the server stops accepting connections, lets the requests in
  // flight finish, then exits with 128 + the signal's number. That is the clean
  // stop that was asked for, so this process then exits 0. A request that
  // never ends cannot hold the stop up for longer than the grace period.
  let stopping: keyof typeof SIGNAL_NUMBERS | null = null;
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(sig, () => {
      if (!stopping) {
        stopping = sig;
        setTimeout(() => {
          process.stderr.write(`afterview: requests still running after ${SHUTDOWN_GRACE_MS / 1000} s; stopping them.\n`);
          child.kill("SIGKILL");
        }, SHUTDOWN_GRACE_MS).unref();
      }
      child.kill(sig);
    });
  }
  child.on("exit", (code, signal) => {
    if (stopping && (code === 128 + SIGNAL_NUMBERS[stopping] || code === 0)) process.exit(0);
    process.exit(code ?? (signal ? 1 : 0));
  });

  const url = settings.APP_URL ?? `http://localhost:${port}`;
  if (await waitForHealth(`http://127.0.0.1:${port}`, child)) {
    const lines = [`\n  Afterview is running at ${url}\n`];
    if (prepared.demoPresent) {
      const { DEMO_LOGINS, DEMO_PASSWORD } = await import("../../../db/seed");
      lines.push(`  Demo logins (password for all: ${DEMO_PASSWORD})`);
      for (const l of DEMO_LOGINS) lines.push(`    ${l.role.padEnd(10)} ${l.email.padEnd(34)} ${l.note}`);
      lines.push("");
    }
    console.log(lines.join("\n"));
  }
}

main().catch((err) => fail(err instanceof Error ? err.message : String(err)));
