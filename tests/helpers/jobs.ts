import type { Database } from "@/db/client";
import { createJobRunner, type PassSummary } from "@/lib/jobs/runner";

/** Runs every job due now on `database` with the real handlers, as the app's runner does after a commit. */
export function runJobs(database: Database, clock?: () => Date): Promise<PassSummary> {
  return createJobRunner({ database, clock }).runDue();
}
