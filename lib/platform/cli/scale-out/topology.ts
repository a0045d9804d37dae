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
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { buildIsCurrent, recordBuild, sourceHash } from "../build";
import { haproxyConfig, pgbouncerConfig, postgresConf } from "./configs";
import {
  asPostgres,
  checkPrerequisites,
  DATABASE_NAME,
  freePort,
  PG_BIN,
  pgQuery,
  pgUrl,
  ROOT,
  sleep,
  startChild,
  stopChild,
  tail,
  TopologyError,
  waitFor,
  type Child,
} from "./processes";

export { freePort, pgQuery, sleep, TopologyError };

const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");

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


/** The stops of topologies still starting, so a signal during the start cleans up too. */
const starting = new Set<() => Promise<void>>();

/** Stops every topology that is still starting (a Ctrl+C before it is up). */
export async function stopStartingTopologies(): Promise<void> {
  await Promise.all([...starting].map((stop) => stop()));
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
