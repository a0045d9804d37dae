/**
 * The plumbing of `npm run bench`: the database guard, seeding a tier, the
 * production server on a free port, signing in over HTTP, memory samples of
 * the server process, and small statistics.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { freePort } from "@/lib/platform/cli/scale-out/topology";

export const ROOT = path.resolve(__dirname, "..", "..");
export const WORK = path.join(ROOT, "tests", "bench", ".work");
export const BENCH_PASSWORD = "afterview-bench-2026";

export class Refusal extends Error {}

export type Tier = "S" | "M";

/** The data of each tier: one firm of `candidates`, with `smallFirms` firms of `smallFirmCandidates` beside it. */
export const TIERS: Record<Tier, { candidates: number; interviewsPerCandidate: number; smallFirms: number; smallFirmCandidates: number }> = {
  S: { candidates: 2_000, interviewsPerCandidate: 5, smallFirms: 2, smallFirmCandidates: 300 },
  M: { candidates: 200_000, interviewsPerCandidate: 5, smallFirms: 19, smallFirmCandidates: 300 },
};

// ---------------------------------------------------------------------------
// The database guard
// ---------------------------------------------------------------------------

/**
 * Refuses a database that holds anything but benchmark data: tables that are
 * not Afterview's, firms not made by the benchmark seed (`is_benchmark`), or
 * accounts that belong to no benchmark firm.
 */
export async function checkBenchDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (err) {
    throw new Refusal(`Cannot connect to DATABASE_URL (${err instanceof Error ? err.message : String(err)}).`);
  }
  try {
    const [{ firms, tables }] = (
      await client.query<{ firms: string | null; tables: number }>(
        `select to_regclass('public.firms')::text as firms,
                (select count(*)::int from information_schema.tables where table_schema = 'public') as tables`,
      )
    ).rows as [{ firms: string | null; tables: number }];
    if (!firms) {
      if (tables > 0) {
        throw new Refusal(
          `The database in DATABASE_URL holds ${tables} table(s) but no Afterview schema. The benchmark writes ` +
            `hundreds of thousands of rows: give it an empty database of its own (createdb afterview_bench).`,
        );
      }
      return;
    }
    const [{ userFirms, userAccounts }] = (
      await client.query<{ userFirms: number; userAccounts: number }>(
        `select (select count(*)::int from firms where not is_benchmark) as "userFirms",
                (select count(*)::int from users u
                  where not exists (select 1 from memberships m join firms f on f.id = m.firm_id
                                     where m.user_id = u.id and f.is_benchmark)) as "userAccounts"`,
      )
    ).rows as [{ userFirms: number; userAccounts: number }];
    if (userFirms > 0 || userAccounts > 0) {
      throw new Refusal(
        `The database in DATABASE_URL already holds user data (${userFirms} firm(s) not made by the benchmark seed, ` +
          `${userAccounts} account(s) outside benchmark firms). The benchmark refuses to write its rows into it: ` +
          `point DATABASE_URL at an empty database of its own (createdb afterview_bench).`,
      );
    }
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------
// Seeding
// ---------------------------------------------------------------------------

export type BenchFirm = { id: string; slug: string; name: string; candidates: number; timeZone: string };

async function findFirm(client: pg.Client, candidates: number): Promise<BenchFirm | null> {
  const exists = await client.query(`select to_regclass('public.firms') as t`);
  if (!exists.rows[0]?.t) return null;
  const r = await client.query<BenchFirm>(
    `select id, slug, name, time_zone as "timeZone", $1::int as candidates from firms
      where is_benchmark and slug like $2 order by created_at, slug limit 1`,
    [candidates, `bench-${candidates}-%`],
  );
  return r.rows[0] ?? null;
}

/** The tier's big firm and one of its small firms, seeding them first when the database lacks them. */
export async function ensureTier(url: string, tier: Tier, log: (line: string) => void): Promise<{ big: BenchFirm; small: BenchFirm; seededSeconds: number | null }> {
  const t = TIERS[tier];
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    let big = await findFirm(client, t.candidates);
    let seededSeconds: number | null = null;
    if (!big) {
      log(`Seeding tier ${tier}: ${t.candidates.toLocaleString("en-US")} candidates beside ${t.smallFirms} small firms…`);
      const started = Date.now();
      const r = spawnSync(
        process.execPath,
        [
          path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"),
          "db/seed-cli.ts",
          "--scale",
          String(t.candidates),
          "--interviews-per-candidate",
          String(t.interviewsPerCandidate),
          "--small-firms",
          String(t.smallFirms),
          "--small-firm-candidates",
          String(t.smallFirmCandidates),
        ],
        { cwd: ROOT, stdio: "inherit", env: { ...process.env, DATABASE_URL: url } },
      );
      if (r.status !== 0) throw new Error("Seeding the benchmark data failed (see above).");
      seededSeconds = (Date.now() - started) / 1000;
      big = await findFirm(client, t.candidates);
      if (!big) throw new Error("The seed finished but its firm is not in the database.");
    }
    const small = await findFirm(client, t.smallFirmCandidates);
    if (!small) throw new Error(`Tier ${tier} has no small firm (bench-${t.smallFirmCandidates}-…); drop the database and run again.`);
    return { big, small, seededSeconds };
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------
// The server
// ---------------------------------------------------------------------------

export { freePort };

export type Server = { base: string; port: number; pid: number; distDir: string; appDir: string; stop: () => Promise<void> };

/** Undoes `next build`'s addition of the bench build folder's types to tsconfig.json (other entries stay as they are). */
function restoreTsconfig(appDir: string, distDir: string) {
  const file = path.join(appDir, "tsconfig.json");
  const text = fs.readFileSync(file, "utf8");
  const json = JSON.parse(text) as { include?: string[] };
  if (!json.include || distDir === ".next") return;
  const include = json.include.filter((p) => !p.startsWith(`${distDir}/`));
  if (include.length === json.include.length) return;
  json.include = include;
  fs.writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
}

/** The pid of the process listening on the port (the Next.js server itself, not its launcher). */
function listenerPid(port: number): number | null {
  const r = spawnSync("ss", ["-Hltnp", `sport = :${port}`], { encoding: "utf8" });
  const m = /pid=(\d+)/.exec(r.stdout ?? "");
  return m ? Number(m[1]) : null;
}

/**
 * Builds (when the sources changed) and starts the production server with
 * `npm start`'s launcher, in `appDir` (the checkout, or a copy of one);
 * `extraEnv` overrides its settings (the soak runs the jobs: RUN_JOBS=1).
 */
export async function startServer(url: string, log: (line: string) => void, appDir = ROOT, extraEnv: Record<string, string> = {}): Promise<Server> {
  fs.mkdirSync(WORK, { recursive: true });
  const port = await freePort();
  const distDir = process.env.NEXT_DIST_DIR || ".next-bench";
  const logFile = path.join(WORK, "server.log");
  const out = fs.openSync(logFile, "w");
  const child: ChildProcess = spawn(process.execPath, [path.join(appDir, "node_modules", "tsx", "dist", "cli.mjs"), "lib/platform/cli/start.ts"], {
    cwd: appDir,
    detached: true,
    stdio: ["ignore", out, out],
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      NEXT_DIST_DIR: distDir,
      NEXT_TELEMETRY_DISABLED: "1",
      AFTERVIEW_ENV: "local",
      AFTERVIEW_BENCH_ROUTES: "1",
      AFTERVIEW_TEST_HOOKS: "0",
      SEED_DEMO: "0",
      RUN_JOBS: "0",
      LOG_LEVEL: "warn",
      ...extraEnv,
    },
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      return;
    }
    for (let i = 0; i < 100 && child.exitCode === null && child.signalCode === null; i++) await sleep(100);
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      /* gone */
    }
  };
  const base = `http://127.0.0.1:${port}`;
  log(`Starting the production server on port ${port} (in ${appDir}, build folder ${distDir}; log in ${path.relative(ROOT, logFile)})…`);
  const started = Date.now();
  try {
    for (;;) {
      if (child.exitCode !== null) {
        throw new Error(`The server exited (code ${child.exitCode}). Last lines of its log:\n${tail(logFile, 30)}`);
      }
      if (Date.now() - started > 20 * 60_000) throw new Error(`The server did not answer within 20 minutes.\n${tail(logFile, 30)}`);
      try {
        const res = await fetch(`${base}/api/health`);
        if (res.ok) break;
      } catch {
        /* not listening yet */
      }
      await sleep(500);
    }
  } catch (err) {
    restoreTsconfig(appDir, distDir);
    await stop();
    throw err;
  }
  restoreTsconfig(appDir, distDir);
  const pid = listenerPid(port);
  if (!pid) {
    await stop();
    throw new Error(`Cannot find the process listening on port ${port} (needs the ss command).`);
  }
  log(`Server up in ${((Date.now() - started) / 1000).toFixed(0)} s (pid ${pid}).`);
  return { base, port, pid, distDir: path.resolve(appDir, distDir), appDir, stop };
}

function tail(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

// ---------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------

function mergeCookies(jar: Map<string, string>, res: Response) {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair!.indexOf("=");
    if (eq > 0) jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
  }
}

/** Signs in through Auth.js's credentials endpoint; returns the Cookie header of the session. */
export async function signIn(base: string, email: string, password = BENCH_PASSWORD): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${base}/api/auth/csrf`);
  mergeCookies(jar, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie(), origin: base },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/` }),
  });
  mergeCookies(jar, res);
  if (![...jar.keys()].some((k) => k.endsWith("afterview.session"))) {
    throw new Error(`Signing in as ${email} failed (HTTP ${res.status}, ${res.headers.get("location") ?? "no redirect"}).`);
  }
  return cookie();
}

// ---------------------------------------------------------------------------
// Memory and statistics
// ---------------------------------------------------------------------------

/** VmRSS of a process in bytes. */
export function rssBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const m = /VmRSS:\s+(\d+)\s+kB/.exec(status);
  return m ? Number(m[1]) * 1024 : 0;
}

/** Samples a process's RSS every `everyMs` until stopped; returns the peak. */
export function sampleRss(pid: number, everyMs = 20): { stop: () => number } {
  let peak = rssBytes(pid);
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, rssBytes(pid));
    } catch {
      /* process gone */
    }
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      try {
        peak = Math.max(peak, rssBytes(pid));
      } catch {
        /* gone */
      }
      return peak;
    },
  };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function median(values: number[]): number {
  return percentile(values, 50);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const MB = 1024 * 1024;
