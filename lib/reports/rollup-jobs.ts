import { insertJob } from "@/db/queries/background-jobs";
import { unsafeBackfillReportRollups, unsafeRefreshReportRollups } from "@/db/queries/reports";
import type { Database } from "@/db/runtime";

/**
 * The reports' rollup jobs (db/queries/reports/rollups.ts):
 * - `reports.rollup`, queued by the triggers that mark changed days: rebuilds
 *   the marked days and records how fresh the rollups are;
 * - `reports.backfill`, queued for every firm by the migration, and again when
 *   a firm has no rollups on its calendar: builds them a batch of days at a
 *   time, each batch committed with its progress, then queues the next run of
 *   itself, and at the end a refresh.
 */

/** Batches per run of the backfill, so one run does not hold the runner for long. */
const BATCHES_PER_RUN = 12;

type Ctx = { db: Database["db"]; firmId: string; now: Date };

const hourKey = (now: Date) => now.toISOString().slice(0, 13);

/** Queues the backfill (once per firm and hour: the page and the refresh may both ask). */
export async function queueRollupBackfill(ctx: Ctx): Promise<void> {
  await insertJob({ db: ctx.db, firmId: ctx.firmId }, { kind: "reports.backfill", payload: {}, dedupeKey: `reports.backfill:${hourKey(ctx.now)}` });
}

export async function runRollupRefresh(ctx: Ctx): Promise<void> {
  const result = await unsafeRefreshReportRollups(ctx.db, ctx.firmId);
  if (result === "backfill") await queueRollupBackfill(ctx);
}

export async function runRollupBackfill(ctx: Ctx): Promise<void> {
  for (let i = 0; i < BATCHES_PER_RUN; i++) {
    if ((await unsafeBackfillReportRollups(ctx.db, ctx.firmId)) === "done") {
      await insertJob({ db: ctx.db, firmId: ctx.firmId }, { kind: "reports.rollup", payload: {} });
      return;
    }
  }
  await insertJob({ db: ctx.db, firmId: ctx.firmId }, { kind: "reports.backfill", payload: {} });
}
