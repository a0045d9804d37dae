/**
 * The processes of the scale-out topology (topology.ts): starting, waiting for
 * and stopping its children, running PostgreSQL's tools as the postgres user,
 * one-off SQL, and the programs it needs.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export const PG_BIN = "/usr/lib/postgresql/15/bin";
export const ROOT = process.cwd();
export const DATABASE_NAME = "afterview";

export class TopologyError extends Error {}
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
export function asPostgres(args: string[], what: string): string {
  const r = spawnSync("runuser", ["-u", "postgres", "--", ...args], { encoding: "utf8", cwd: "/" });
  if (r.status !== 0) throw new TopologyError(`${what} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

export function tail(file: string, lines = 25): string {
  try {
    return fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

export type Child = { proc: ChildProcess; name: string; log: string; exited: Promise<number | null> };

export function startChild(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv, logFile: string, cwd = ROOT): Child {
  const out = fs.openSync(logFile, "a");
  const proc = spawn(cmd, args, { cwd, env, detached: true, stdio: ["ignore", out, out] });
  fs.closeSync(out);
  const exited = new Promise<number | null>((resolve) => proc.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : null))));
  return { proc, name, log: logFile, exited };
}

export async function stopChild(child: Child, graceMs: number): Promise<void> {
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

export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, child?: Child): Promise<void> {
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
