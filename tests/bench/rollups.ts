/**
 * The reports read their counts from daily rollups that a background job
 * builds (db/queries/reports/rollups.ts). The bench's server runs no jobs
 * (RUN_JOBS=0), so a freshly seeded database has none, or has them built but
 * not yet brought up to date; the reports then fall back to reading the rows,
 * and their timings are not what a running firm gets. Before measuring, the
 * bench does the jobs' work itself, for every firm, to the end.
 */
import { openDatabase } from "@/db/client";
import { unsafeBackfillReportRollups, unsafeRefreshReportRollups } from "@/db/queries/reports";
import { firms } from "@/db/schema";

export async function bringRollupsUpToDate(url: string, log: (line: string) => void): Promise<void> {
  const database = await openDatabase({ url, poolMax: 2 });
  try {
    const started = Date.now();
    const ids = (await database.db.select({ id: firms.id }).from(firms).orderBy(firms.id)).map((f) => f.id);
    let days = 0;
    for (const firmId of ids) {
      // As the refresh job: build the firm's history first, then take the marks left meanwhile.
      for (;;) {
        while ((await unsafeBackfillReportRollups(database.db, firmId, 62)) === "more");
        const rebuilt = await unsafeRefreshReportRollups(database.db, firmId);
        if (rebuilt !== "backfill") {
          days += rebuilt;
          break;
        }
      }
    }
    log(`Brought the report rollups of ${ids.length} firms up to date (${days} days rebuilt from their marks, ${((Date.now() - started) / 1000).toFixed(0)} s).`);
  } finally {
    await database.close();
  }
}
