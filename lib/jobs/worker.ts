/**
 * `npm run worker`: the background work (the durable jobs of the job table and
 * the reminders) in a process of its own, for when the app instances run with
 * RUN_JOBS=0 — or beside them: several runners share the work, each job run by
 * one. PostgreSQL only — the embedded database belongs to the one app process,
 * which runs the jobs itself.
 */
import { closeDatabase, getDatabase } from "@/db/runtime";
import { env, EnvError } from "@/lib/platform/env";
import { logger } from "@/lib/platform/logger";
import { startJobs } from "./index";

function fail(message: string): never {
  process.stderr.write(`afterview worker: ${message}\n`);
  process.exit(1);
}

async function main() {
  try {
    if (!env().DATABASE_URL) {
      fail("set DATABASE_URL to the PostgreSQL server. With the embedded database the background jobs run inside the app (npm start).");
    }
  } catch (err) {
    if (err instanceof EnvError) fail(err.message);
    throw err;
  }
  const database = await getDatabase();
  const jobs = await startJobs({ database });
  process.stdout.write("afterview worker: running background jobs (job table) and reminders (pg-boss). Stop with Ctrl+C.\n");
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "worker stopping");
    await jobs.stop().catch(() => {});
    await closeDatabase().catch(() => {});
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((err) => fail(err instanceof Error ? err.message : String(err)));
