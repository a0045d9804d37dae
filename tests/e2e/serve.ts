/**
 * The end-to-end tests' server: the real app (built, `next start`) on its own
 * fresh database — a temporary embedded one, or a new database on the server
 * named by DATABASE_URL — removed again when the tests end.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { dropDatabase, urlForDatabase, withAdmin } from "../helpers/pg-admin";

async function main() {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AFTERVIEW_ENV: "local",
    AFTERVIEW_TEST_HOOKS: "1",
    SEED_DEMO: process.env.E2E_SEED_DEMO ?? "1",
    RUN_JOBS: "0",
    // The single sign-on tests run their identity provider on 127.0.0.1.
    OUTBOUND_ALLOW_PRIVATE: "1",
    LOG_LEVEL: "warn",
  };
  let cleanup = async () => {};
  const adminUrl = process.env.DATABASE_URL?.trim();
  if (adminUrl) {
    const name = `afterview_e2e_${process.pid}`;
    await dropDatabase(adminUrl, name);
    await withAdmin(adminUrl, (c) => c.query(`create database "${name}"`));
    env.DATABASE_URL = urlForDatabase(adminUrl, name);
    cleanup = () => dropDatabase(adminUrl, name);
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "afterview-e2e-"));
    env.DATA_DIR = dir;
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  const child = spawn(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "lib/platform/cli/start.ts"], {
    stdio: "inherit",
    env,
  });
  let stopping = false;
  const stop = (sig: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    child.kill(sig);
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  child.on("exit", async (code) => {
    await cleanup().catch(() => {});
    process.exit(code ?? 0);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
