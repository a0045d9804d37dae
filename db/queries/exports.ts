import { and, count, eq, gt, isNull, sql } from "drizzle-orm";
import { exportRuns } from "../schema";
import { recordAudit } from "./audit";
import type { QueryScope } from "./scope";

/** At most this many exports run at once per firm; the next one is told to try again shortly. */
export const MAX_RUNNING_EXPORTS = 2;
/** A run still marked running after this long was abandoned (a crashed process) and no longer counts. */
export const STALE_EXPORT_MINUTES = 15;

export type StartExportResult = { ok: true; id: string } | { ok: false; reason: "busy"; running: number };

/**
 * Starts an export run unless the firm already has MAX_RUNNING_EXPORTS
 * running. The check and the insert run under a per-firm advisory lock, so
 * two requests arriving together cannot both take the last slot.
 */
export async function startExportRun(
  scope: QueryScope,
  input: { report: string; format: string; filters: Record<string, unknown> },
): Promise<StartExportResult> {
  return scope.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`export_runs:${scope.firmId}`}, 0))`);
    const staleBefore = sql`now() - make_interval(mins => ${STALE_EXPORT_MINUTES})`;
    // Abandoned runs are closed so they stop holding a slot and read as failed in the history.
    await tx
      .update(exportRuns)
      .set({ status: "failed", finishedAt: sql`now()` })
      .where(
        and(
          eq(exportRuns.firmId, scope.firmId),
          eq(exportRuns.status, "running"),
          isNull(exportRuns.finishedAt),
          sql`${exportRuns.startedAt} <= ${staleBefore}`,
        ),
      );
    const [{ running }] = (await tx
      .select({ running: count() })
      .from(exportRuns)
      .where(
        and(
          eq(exportRuns.firmId, scope.firmId),
          eq(exportRuns.status, "running"),
          isNull(exportRuns.finishedAt),
          gt(exportRuns.startedAt, staleBefore),
        ),
      )) as [{ running: number }];
    if (Number(running) >= MAX_RUNNING_EXPORTS) return { ok: false, reason: "busy", running: Number(running) };
    const [row] = await tx
      .insert(exportRuns)
      .values({ firmId: scope.firmId, userId: scope.userId, report: input.report, format: input.format, filters: input.filters })
      .returning({ id: exportRuns.id });
    return { ok: true, id: row!.id };
  });
}

/**
 * Records the rows written so far. False when the run is no longer running
 * (someone pressed Cancel), which tells the writer to stop.
 */
export async function recordExportProgress(scope: QueryScope, runId: string, rows: number): Promise<boolean> {
  const updated = await scope.db
    .update(exportRuns)
    .set({ rows })
    .where(
      and(
        eq(exportRuns.firmId, scope.firmId),
        eq(exportRuns.id, runId),
        eq(exportRuns.status, "running"),
        isNull(exportRuns.finishedAt),
      ),
    )
    .returning({ id: exportRuns.id });
  return updated.length > 0;
}

/**
 * Closes a run with its outcome and row count, and records who exported what
 * (report, format, filters, rows) in the audit log in the same transaction.
 * A run is closed once: a second call changes nothing and returns false.
 */
export async function finishExportRun(
  scope: QueryScope,
  runId: string,
  input: { status: "done" | "failed" | "cancelled"; rows: number; details?: Record<string, unknown> },
): Promise<boolean> {
  return scope.db.transaction(async (tx) => {
    const [run] = await tx
      .update(exportRuns)
      .set({
        // A Cancel that arrived while the last rows went out still reads as cancelled.
        status: sql`case when ${exportRuns.status} = 'cancelled' then 'cancelled'::export_status else ${input.status}::export_status end`,
        rows: input.rows,
        finishedAt: sql`now()`,
      })
      .where(and(eq(exportRuns.firmId, scope.firmId), eq(exportRuns.id, runId), isNull(exportRuns.finishedAt)))
      .returning({ report: exportRuns.report, format: exportRuns.format, filters: exportRuns.filters, status: exportRuns.status });
    if (!run) return false;
    await recordAudit(
      { ...scope, db: tx },
      {
        action: "report.export",
        entityType: "export_run",
        entityId: runId,
        changes: { report: run.report, format: run.format, filters: run.filters, rows: input.rows, status: run.status, ...input.details },
      },
    );
    return true;
  });
}

export interface ExportRunView {
  id: string;
  report: string;
  format: string;
  status: "running" | "done" | "failed" | "cancelled";
  rows: number;
  startedAt: Date;
  finishedAt: Date | null;
}

/** One of the caller's own export runs (progress polling). */
export async function getExportRun(scope: QueryScope, runId: string): Promise<ExportRunView | null> {
  const [row] = await scope.db
    .select({
      id: exportRuns.id,
      report: exportRuns.report,
      format: exportRuns.format,
      status: exportRuns.status,
      rows: exportRuns.rows,
      startedAt: exportRuns.startedAt,
      finishedAt: exportRuns.finishedAt,
    })
    .from(exportRuns)
    .where(and(eq(exportRuns.firmId, scope.firmId), eq(exportRuns.id, runId), eq(exportRuns.userId, scope.userId)))
    .limit(1);
  return row ?? null;
}

/**
 * Marks one of the caller's running exports cancelled. The writer notices at
 * its next progress update, stops, and closes the run with the rows it wrote.
 */
export async function cancelExportRun(scope: QueryScope, runId: string): Promise<"cancelled" | "finished" | "not_found"> {
  const updated = await scope.db
    .update(exportRuns)
    .set({ status: "cancelled" })
    .where(
      and(
        eq(exportRuns.firmId, scope.firmId),
        eq(exportRuns.id, runId),
        eq(exportRuns.userId, scope.userId),
        eq(exportRuns.status, "running"),
        isNull(exportRuns.finishedAt),
      ),
    )
    .returning({ id: exportRuns.id });
  if (updated.length > 0) return "cancelled";
  return (await getExportRun(scope, runId)) ? "finished" : "not_found";
}
