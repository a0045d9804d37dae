import { getReportMetrics, getReportRollupStatus, getRollupReportMetrics, type ReportQuery } from "@/db/queries/reports";
import type { QueryScope } from "@/db/queries/scope";
import { wakeJobRunners } from "@/lib/jobs/queue";
import type { ReportMetrics } from "@/lib/core/reports/metrics";
import { queueRollupBackfill } from "./rollup-jobs";

/**
 * The reports page's numbers: from the daily rollups when they can serve the
 * filters (with the instant they are fresh as of), else from the rows as
 * before (`asOf` null: up to the moment). A firm whose rollups are missing or
 * on another calendar gets its backfill queued.
 */
export async function loadReportMetrics(
  scope: QueryScope,
  input: Omit<ReportQuery, "report"> & { today: string },
  now: Date = new Date(),
  /** Where the figures are read (readScope: DATABASE_READ_URL); the backfill bookkeeping stays on `scope`. */
  read: QueryScope = scope,
): Promise<{ metrics: ReportMetrics; asOf: Date | null }> {
  const rolled = await getRollupReportMetrics(read, input);
  if (rolled) return { metrics: rolled.metrics, asOf: rolled.freshAt };
  const status = await getReportRollupStatus(scope);
  if (!status || status.timeZone !== input.timeZone) {
    await queueRollupBackfill({ db: scope.db, firmId: scope.firmId, now });
    wakeJobRunners();
  }
  return { metrics: await getReportMetrics(read, input), asOf: null };
}
