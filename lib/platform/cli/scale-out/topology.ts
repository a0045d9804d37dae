/**
 * The scale-out topology on one machine, from Debian's packages: its own
 * PostgreSQL 15 primary and a streaming replica (initdb, pg_basebackup -R, run
 * as the `postgres` user on free ports), PgBouncer in transaction pooling in
 * front of the primary, the app built once and run as two `npm start`
 * instances (A runs the jobs, B does not) plus `npm run worker`, and HAProxy
 * in front of the two instances. `npm run scale-out` starts it for a person;
 * `npm run test:scale-out` starts the same thing and tests it.
 *
 * Installs nothing: `apt-get install -y haproxy pgbouncer` (and PostgreSQL 15).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { buildIsCurrent, recordBuild, sourceHash } from "../build";

export const PG_BIN = "/usr/lib/postgresql/15/bin";
const ROOT = process.cwd();
const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
export const DATABASE_NAME = "afterview";

export type InstanceName = "a" | "b";

export interface Instance {
  name: InstanceName;
  port: number;
  /** The instance directly, bypassing the balancer. */
  url: string;
  /** The launcher's pid (`npm start`'s process): SIGTERM it to stop the instance cleanly. */
  pid: number;
  exited: Promise<number | null>;
  log: string;
}

export interface TopologyOptions {
  /** Seed the demo firms (the CLI does; the test makes its own firms). */
  seedDemo?: boolean;
  /** Enables /api/test-support on the instances and the worker. */
  testHooks?: boolean;
  /** SMTP sink for the app's mail, e.g. smtp://127.0.0.1:2525. */
  smtpUrl?: string;
  /** Where progress lines go. */
  log?: (line: string) => void;
  /** The build folder (default NEXT_DIST_DIR, else .next-scale): a current build there is used as it is. */
  distDir?: string;
  /** Extra settings for the instances and the worker. */
  extraEnv?: Record<string, string>;
}

export interface Topology {
  /** The balancer: what people open. */
  url: string;
  instances: Record<InstanceName, Instance>;
  workerPid: number;
  /** Direct connection to the primary (migrations, tests' checks). */
  primaryUrl: string;
  /** The streaming replica (DATABASE_READ_URL). */
  replicaUrl: string;
  /** PgBouncer (DATABASE_URL of the app). */
  pgbouncerUrl: string;
  /** PgBouncer's URL for another database name (the `*` entry routes any name to the primary). */
  pgbouncerUrlFor(database: string): string;
  primaryUrlFor(database: string): string;
  authSecret: string;
  distDir: string;
  tempDir: string;
  /** Stops the primary ("fast": in-flight transactions rolled back) and starts it again; resolves when it accepts connections. */
  restartPrimary(opts?: { downMs?: number }): Promise<{ stoppedAt: number; startedAt: number }>;
  /** Stops everything and removes the temporary directory. Safe to call twice. */
  stop(): Promise<void>;
}

export class TopologyError extends Error {}

/** The stops of topologies still starting, so a signal during the start cleans up too. */
const starting = new Set<() => Promise<void>>();

/** Stops every topology that is still starting (a Ctrl+C before it is up). */
export async function stopStartingTopologies(): Promise<void> {
  await Promise.all([...starting].map((stop) => stop()));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

function which(cmd: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(":").concat(["/usr/sbin", "/sbin"])) {
    const p = path.join(dir, cmd);
    if (dir && fs.existsSync(p)) return p;
  }
  return null;
}

/** The programs the topology needs; a missing one is named with how to install it. */
export function checkPrerequisites(): { haproxy: string; pgbouncer: string } {
  const haproxy = which("haproxy");
  const pgbouncer = which("pgbouncer");
  const missing: string[] = [];
  if (!haproxy) missing.push("haproxy");
  if (!pgbouncer) missing.push("pgbouncer");
  if (missing.length) throw new TopologyError(`${missing.join(" and ")} not found. Install with: apt-get install -y haproxy pgbouncer`);
  if (!fs.existsSync(path.join(PG_BIN, "initdb"))) throw new TopologyError(`PostgreSQL 15 not found in ${PG_BIN} (apt-get install -y postgresql-15).`);
  if (typeof process.getuid === "function" && process.getuid() !== 0) {
    throw new TopologyError("run as root: PostgreSQL and PgBouncer are started as the postgres user with runuser.");
  }
  if (spawnSync("id", ["-u", "postgres"]).status !== 0) throw new TopologyError("there is no postgres user (it comes with the PostgreSQL package).");
  return { haproxy: haproxy!, pgbouncer: pgbouncer! };
}

/** Runs a command as the postgres user and waits for it; throws with its output when it fails. */
function asPostgres(args: string[], what: string): string {
  const r = spawnSync("runuser", ["-u", "postgres", "--", ...args], { encoding: "utf8", cwd: "/" });
  if (r.status !== 0) throw new TopologyError(`${what} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

function tail(file: string, lines = 25): string {
  try {
    return fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

type Child = { proc: ChildProcess; name: string; log: string; exited: Promise<number | null> };

function startChild(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv, logFile: string, cwd = ROOT): Child {
  const out = fs.openSync(logFile, "a");
  const proc = spawn(cmd, args, { cwd, env, detached: true, stdio: ["ignore", out, out] });
  fs.closeSync(out);
  const exited = new Promise<number | null>((resolve) => proc.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : null))));
  return { proc, name, log: logFile, exited };
}

async function stopChild(child: Child, graceMs: number): Promise<void> {
  if (child.proc.exitCode !== null || child.proc.signalCode !== null) return;
  try {
    process.kill(-child.proc.pid!, "SIGTERM");
  } catch {
    return;
  }
  const done = await Promise.race([child.exited.then(() => true), sleep(graceMs).then(() => false)]);
  if (!done) {
    try {
      process.kill(-child.proc.pid!, "SIGKILL");
    } catch {
      /* gone */
    }
    await child.exited;
  }
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, child?: Child): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (child && (child.proc.exitCode !== null || child.proc.signalCode !== null)) {
      throw new TopologyError(`${child.name} exited while waiting for ${what}. Last lines of ${child.log}:\n${tail(child.log)}`);
    }
    if (await check().catch(() => false)) return;
    if (Date.now() > until) {
      throw new TopologyError(`${what} not ready after ${Math.round(timeoutMs / 1000)} s.${child ? `\n${tail(child.log)}` : ""}`);
    }
    await sleep(250);
  }
}

/** One query on a connection of its own, closed after. */
export async function pgQuery<T extends Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  client.on("error", () => {});
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A local PostgreSQL URL on a port, as postgres, for a database. */
export function pgUrl(port: number, database = DATABASE_NAME): string {
  return `postgres://postgres@127.0.0.1:${port}/${database}`;
}

function restoreTsconfig(distDir: string) {
  if (distDir === ".next") return;
  const file = path.join(ROOT, "tsconfig.json");
  const json = JSON.parse(fs.readFileSync(file, "utf8")) as { include?: string[] };
  if (!json.include) return;
  const include = json.include.filter((p) => !p.startsWith(`${distDir}/`));
  if (include.length === json.include.length) return;
  json.include = include;
  fs.writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
}

/** `next build` into distDir, unless that build is of the current sources. */
export function buildOnce(distDir: string, log: (line: string) => void): void {
  const previous = process.env.NEXT_DIST_DIR;
  process.env.NEXT_DIST_DIR = distDir;
  try {
    if (buildIsCurrent(ROOT)) {
      log(`build in ${distDir} is current`);
      return;
    }
    log(`building the app once into ${distDir} (a minute or two)…`);
    const hash = sourceHash(ROOT);
    const r = spawnSync(process.execPath, [NEXT_BIN, "build"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      encoding: "utf8",
      env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
      maxBuffer: 64 * 1024 * 1024,
    });
    restoreTsconfig(distDir);
    if (r.status !== 0) throw new TopologyError(`the build failed:\n${(r.stdout ?? "").slice(-3000)}\n${(r.stderr ?? "").slice(-3000)}`);
    recordBuild(hash, ROOT);
  } finally {
    if (previous === undefined) delete process.env.NEXT_DIST_DIR;
    else process.env.NEXT_DIST_DIR = previous;
  }
}

function postgresConf(port: number, dir: string, preload: boolean): string {
  return [
    "",
    "# afterview scale-out",
    `port = ${port}`,
    "listen_addresses = '127.0.0.1'",
    `unix_socket_directories = '${dir}'`,
    "wal_level = replica",
    "hot_standby = on",
    "max_wal_senders = 5",
    "wal_keep_size = '256MB'",
    "max_connections = 200",
    "shared_buffers = '64MB'",
    ...(preload ? ["shared_preload_libraries = 'pg_stat_statements'", "pg_stat_statements.track = all"] : []),
    "",
  ].join("\n");
}

export function haproxyConfig(o: { port: number; a: number; b: number; pidFile: string }): string {
  return `global
  maxconn 4096
  pidfile ${o.pidFile}

defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  timeout http-request 10s
  timeout queue 10s
  # A request is retried (on the other instance) only when it cannot have
  # reached an app: the connection failed. A GET or HEAD is also retried when
  # the server closed the connection without a byte of answer (an instance
  # that is stopping refuses new connections and answers every request it
  # accepted); anything else never is, so no POST runs twice.
  retries 3
  retry-on conn-failure empty-response
  option redispatch 1
  option http-server-close
  option forwardfor

frontend afterview
  bind 127.0.0.1:${o.port}
  http-request disable-l7-retry unless METH_GET
  default_backend instances

backend instances
  balance roundrobin
  # The instance's own health: 200 with the database up, 503 (its plain
  # message) while the database is down. Both mean the instance answers, so
  # both keep it in; no answer takes it out.
  option httpchk GET /api/health
  http-check expect rstatus ^(200|503)$
  default-server inter 500ms fall 2 rise 2
  server a 127.0.0.1:${o.a} check
  server b 127.0.0.1:${o.b} check
`;
}

export function pgbouncerConfig(o: { port: number; primaryPort: number; dir: string }): string {
  return `[databases]
* = host=127.0.0.1 port=${o.primaryPort}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${o.port}
unix_socket_dir =
auth_type = trust
auth_file = ${o.dir}/userlist.txt
admin_users = postgres
pool_mode = transaction
max_client_conn = 1000
default_pool_size = 40
max_db_connections = 80
server_reset_query =
query_wait_timeout = 5
server_connect_timeout = 3
server_login_retry = 1
ignore_startup_parameters = extra_float_digits,options,statement_timeout,idle_in_transaction_session_timeout
logfile = ${o.dir}/logs/pgbouncer.log
pidfile = ${o.dir}/pgbouncer.pid
`;
}

/**
 * Starts the whole topology. Rejects (after stopping what it started) when a
 * part does not come up.
 */
export async function startTopology(opts: TopologyOptions = {}): Promise<Topology> {
  const log = opts.log ?? ((line: string) => console.log(`scale-out: ${line}`));
  const tools = checkPrerequisites();
  const distDir = opts.distDir ?? (process.env.NEXT_DIST_DIR?.trim() || ".next-scale");
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "afterview-scale-"));
  fs.chmodSync(tempDir, 0o755);
  spawnSync("chown", ["postgres:postgres", tempDir]);
  const logs = path.join(tempDir, "logs");
  fs.mkdirSync(logs, { recursive: true });
  fs.chmodSync(logs, 0o777);
  const children: Child[] = [];
  const primaryDir = path.join(tempDir, "primary");
  const replicaDir = path.join(tempDir, "replica");
  let stopped = false;
  let stopping: Promise<void> | null = null;

  const pgCtl = (dir: string, action: string, extra: string[] = []) =>
    spawnSync("runuser", ["-u", "postgres", "--", path.join(PG_BIN, "pg_ctl"), "-D", dir, ...extra, action], { encoding: "utf8", cwd: "/" });

  const stop = (): Promise<void> => (stopping ??= stopAll());
  const stopAll = async () => {
    stopped = true;
    const apps = children.filter((c) => c.name.startsWith("instance") || c.name === "worker");
    await Promise.all(apps.map((c) => stopChild(c, 15_000)));
    await Promise.all(children.filter((c) => !apps.includes(c)).map((c) => stopChild(c, 5_000)));
    for (const dir of [replicaDir, primaryDir]) {
      if (fs.existsSync(path.join(dir, "postmaster.pid"))) pgCtl(dir, "stop", ["-m", "immediate", "-w"]);
    }
    fs.rmSync(tempDir, { recursive: true, force: true });
  };

  starting.add(stop);
  try {
    const [primaryPort, replicaPort, bouncerPort, aPort, bPort, lbPort] = await distinctPorts(6);

    // PostgreSQL: primary, then a streaming replica cloned from it.
    log(`PostgreSQL primary on ${primaryPort}, replica on ${replicaPort} (data in ${tempDir})`);
    asPostgres([path.join(PG_BIN, "initdb"), "-D", primaryDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"], "initdb");
    const preload = fs.existsSync("/usr/lib/postgresql/15/lib/pg_stat_statements.so");
    fs.appendFileSync(path.join(primaryDir, "postgresql.conf"), postgresConf(primaryPort, tempDir, preload));
    let r = pgCtl(primaryDir, "start", ["-l", path.join(logs, "primary.log"), "-w", "-t", "60"]);
    if (r.status !== 0) throw new TopologyError(`the primary did not start:\n${r.stdout}${r.stderr}\n${tail(path.join(logs, "primary.log"))}`);
    const primaryUrl = pgUrl(primaryPort);
    await pgQuery(pgUrl(primaryPort, "postgres"), `create database ${DATABASE_NAME}`);
    if (preload) await pgQuery(primaryUrl, "create extension if not exists pg_stat_statements");
    asPostgres(
      [path.join(PG_BIN, "pg_basebackup"), "-h", "127.0.0.1", "-p", String(primaryPort), "-U", "postgres", "-D", replicaDir, "-R", "-X", "stream", "-c", "fast"],
      "pg_basebackup",
    );
    fs.appendFileSync(path.join(replicaDir, "postgresql.conf"), postgresConf(replicaPort, tempDir, preload));
    r = pgCtl(replicaDir, "start", ["-l", path.join(logs, "replica.log"), "-w", "-t", "60"]);
    if (r.status !== 0) throw new TopologyError(`the replica did not start:\n${r.stdout}${r.stderr}\n${tail(path.join(logs, "replica.log"))}`);
    const replicaUrl = pgUrl(replicaPort);
    const inRecovery = await pgQuery<{ r: boolean }>(replicaUrl, "select pg_is_in_recovery() as r");
    if (!inRecovery[0]?.r) throw new TopologyError("the replica is not in recovery (not streaming from the primary).");

    // PgBouncer, transaction pooling, in front of the primary.
    fs.writeFileSync(path.join(tempDir, "userlist.txt"), `"postgres" ""\n`);
    fs.writeFileSync(path.join(tempDir, "pgbouncer.ini"), pgbouncerConfig({ port: bouncerPort, primaryPort, dir: tempDir }));
    spawnSync("chown", ["postgres:postgres", path.join(tempDir, "userlist.txt"), path.join(tempDir, "pgbouncer.ini")]);
    const bouncer = startChild("pgbouncer", "runuser", ["-u", "postgres", "--", tools.pgbouncer, path.join(tempDir, "pgbouncer.ini")], process.env, path.join(logs, "pgbouncer.out"), "/");
    children.push(bouncer);
    const pgbouncerUrl = pgUrl(bouncerPort);
    await waitFor("PgBouncer", async () => (await pgQuery(pgbouncerUrl, "select 1 as one")).length === 1, 15_000, bouncer);
    log(`PgBouncer (transaction pooling) on ${bouncerPort}`);

    // Migrations once, over the direct connection.
    const runTsx = (script: string, args: string[], env: NodeJS.ProcessEnv, what: string) => {
      const res = spawnSync(process.execPath, [TSX, script, ...args], { cwd: ROOT, env, encoding: "utf8" });
      if (res.status !== 0) throw new TopologyError(`${what} failed:\n${res.stdout}\n${res.stderr}`);
      return res.stdout;
    };
    const direct = { ...process.env, DATABASE_URL: primaryUrl, AFTERVIEW_ENV: "local", LOG_LEVEL: "warn" };
    if (opts.seedDemo) {
      log("migrating and seeding the demo firms over the direct connection…");
      runTsx("db/seed-cli.ts", [], direct, "seeding");
    } else {
      log("migrating over the direct connection…");
      runTsx("db/migrate-cli.ts", [], direct, "the migrations");
    }

    buildOnce(distDir, log);

    const authSecret = randomBytes(32).toString("base64url");
    const url = `http://127.0.0.1:${lbPort}`;
    const appEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        AFTERVIEW_ENV: "local",
        NEXT_DIST_DIR: distDir,
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: pgbouncerUrl,
        DATABASE_DIRECT_URL: primaryUrl,
        DATABASE_READ_URL: replicaUrl,
        AUTH_SECRET: authSecret,
        APP_URL: url,
        // The balancer is the one proxy in front of the instances.
        TRUSTED_PROXY_HOPS: "1",
        SEED_DEMO: "0",
        PG_POOL_MAX: "10",
        AFTERVIEW_TEST_HOOKS: opts.testHooks ? "1" : "0",
        LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
        DATA_DIR: path.join(tempDir, "data"),
        ...(opts.smtpUrl ? { SMTP_URL: opts.smtpUrl } : {}),
        ...opts.extraEnv,
        ...extra,
      };
      return env;
    };

    // Two instances of the same build, and a worker.
    const startInstance = (name: InstanceName, port: number, runJobs: "0" | "1"): Child => {
      const c = startChild(
        `instance ${name}`,
        process.execPath,
        [TSX, "lib/platform/cli/start.ts"],
        appEnv({ PORT: String(port), RUN_JOBS: runJobs, AFTERVIEW_INSTANCE: name }),
        path.join(logs, `instance-${name}.log`),
      );
      children.push(c);
      return c;
    };
    const a = startInstance("a", aPort, "1");
    const b = startInstance("b", bPort, "0");
    const worker = startChild("worker", process.execPath, [TSX, "lib/jobs/worker.ts"], appEnv({ AFTERVIEW_INSTANCE: "worker" }), path.join(logs, "worker.log"));
    children.push(worker);
    const healthy = (port: number) => async () => (await fetch(`http://127.0.0.1:${port}/api/health`)).ok;
    await Promise.all([
      waitFor("instance a", healthy(aPort), 240_000, a),
      waitFor("instance b", healthy(bPort), 240_000, b),
    ]);
    log(`instances a (runs jobs) on ${aPort} and b on ${bPort}; worker pid ${worker.proc.pid}`);

    // HAProxy in front of both.
    const cfg = path.join(tempDir, "haproxy.cfg");
    fs.writeFileSync(cfg, haproxyConfig({ port: lbPort, a: aPort, b: bPort, pidFile: path.join(tempDir, "haproxy.pid") }));
    const check = spawnSync(tools.haproxy, ["-c", "-f", cfg], { encoding: "utf8" });
    if (check.status !== 0) throw new TopologyError(`haproxy refused its configuration:\n${check.stdout}${check.stderr}`);
    const lb = startChild("haproxy", tools.haproxy, ["-db", "-f", cfg], process.env, path.join(logs, "haproxy.log"), "/");
    children.push(lb);
    await waitFor("HAProxy", healthy(lbPort), 15_000, lb);
    // Both servers in rotation before anyone uses it.
    await waitFor(
      "both instances behind HAProxy",
      async () => {
        const seen = new Set<string>();
        for (let i = 0; i < 6; i++) {
          const res = await fetch(`${url}/api/health`);
          seen.add(res.headers.get("x-afterview-instance") ?? `port-${i % 2}`);
        }
        return seen.size >= 2;
      },
      15_000,
      lb,
    );
    log(`HAProxy on ${lbPort} in front of both`);

    const instance = (name: InstanceName, port: number, c: Child): Instance => ({
      name,
      port,
      url: `http://127.0.0.1:${port}`,
      pid: c.proc.pid!,
      exited: c.exited,
      log: c.log,
    });

    starting.delete(stop);
    if (stopped) throw new TopologyError("stopped while starting");
    return {
      url,
      instances: { a: instance("a", aPort, a), b: instance("b", bPort, b) },
      workerPid: worker.proc.pid!,
      primaryUrl,
      replicaUrl,
      pgbouncerUrl,
      pgbouncerUrlFor: (db) => pgUrl(bouncerPort, db),
      primaryUrlFor: (db) => pgUrl(primaryPort, db),
      authSecret,
      distDir,
      tempDir,
      async restartPrimary(o = {}) {
        const res = pgCtl(primaryDir, "stop", ["-m", "fast", "-w", "-t", "60"]);
        if (res.status !== 0) throw new TopologyError(`stopping the primary failed:\n${res.stdout}${res.stderr}`);
        const stoppedAt = Date.now();
        if (o.downMs) await sleep(o.downMs);
        const up = pgCtl(primaryDir, "start", ["-l", path.join(logs, "primary.log"), "-w", "-t", "60"]);
        if (up.status !== 0) throw new TopologyError(`starting the primary again failed:\n${up.stdout}${up.stderr}`);
        return { stoppedAt, startedAt: Date.now() };
      },
      stop,
    };
  } catch (err) {
    starting.delete(stop);
    for (const c of children) {
      if (c.proc.exitCode !== null && c.proc.exitCode !== 0) log(`${c.name} exited ${c.proc.exitCode}; its log:\n${tail(c.log)}`);
    }
    await stop();
    throw err;
  }
}

async function distinctPorts(n: 6): Promise<[number, number, number, number, number, number]> {
  const ports = new Set<number>();
  while (ports.size < n) ports.add(await freePort());
  return [...ports] as [number, number, number, number, number, number];
}
