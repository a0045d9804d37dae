import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { dropDatabase, urlForDatabase, withAdmin } from "../helpers/pg-admin";

/**
 * `npm start` as its own process on its own fresh database (a new database
 * on the server named by DATABASE_URL, or a temporary embedded one), for the
 * specs that stop the server, take its database away or start it with
 * production settings, and so cannot share the suite's server. It runs on the
 * build the end-to-end web server made.
 */

export const START = [path.join("node_modules", "tsx", "dist", "cli.mjs"), "lib/platform/cli/start.ts"];

export interface OwnServer {
  url: string;
  child: ChildProcess;
  /** The exit code, once the process has exited. */
  exited: Promise<number | null>;
  /** The PostgreSQL database it runs on; null on the embedded database. */
  database: { name: string; adminUrl: string } | null;
  output: () => string;
  cleanup: () => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** The settings every own server starts with; `env` adds to them or overrides them. */
export function ownServerEnv(port: number, env: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, PORT: String(port), SEED_DEMO: "0", RUN_JOBS: "0", LOG_LEVEL: "warn", ...env };
}

/** Starts the server with `env` (see ownServerEnv) and waits until /api/health answers. */
export async function startOwnServer(label: string, env: Record<string, string> = {}, waitSeconds = 150): Promise<OwnServer> {
  const port = await freePort();
  const settings = ownServerEnv(port, env);
  let database: OwnServer["database"] = null;
  let dataDir: string | null = null;
  const adminUrl = process.env.DATABASE_URL?.trim();
  if (adminUrl) {
    const name = `afterview_e2e_${label}_${process.pid}_${port}`;
    await dropDatabase(adminUrl, name);
    await withAdmin(adminUrl, (c) => c.query(`create database "${name}"`));
    settings.DATABASE_URL = urlForDatabase(adminUrl, name);
    database = { name, adminUrl };
  } else {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `afterview-e2e-${label}-`));
    settings.DATA_DIR = dataDir;
  }
  // Its own process group, so nothing it starts outlives the test.
  const child = spawn(process.execPath, START, { env: settings, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const server: OwnServer = {
    url: `http://127.0.0.1:${port}`,
    child,
    exited,
    database,
    output: () => out,
    async cleanup() {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-child.pid!, "SIGKILL");
        } catch {
          /* gone */
        }
        await exited;
      }
      if (database) await dropDatabase(database.adminUrl, database.name).catch(() => {});
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  const until = Date.now() + waitSeconds * 1000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited at start:\n${out}`);
    if (await fetch(`${server.url}/api/health`).then((r) => r.ok, () => false)) return server;
    if (Date.now() > until) {
      await server.cleanup();
      throw new Error(`the server did not answer within ${waitSeconds} s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
