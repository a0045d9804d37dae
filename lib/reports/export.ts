import { PassThrough, pipeline, Readable } from "node:stream";
import { format as formatDate } from "date-fns";
import { tz } from "@date-fns/tz";
import { finishExportRun, recordExportProgress, startExportRun } from "@/db/queries/exports";
import { findReportPage, getReportSettings, openReportCopy, openReportCursor, type ReportCursor, type ReportKey } from "@/db/queries/reports";
import type { QueryScope } from "@/db/queries/scope";
import { readScope } from "@/lib/auth/read-scope";
import { logger } from "@/lib/platform/logger";
import { COLUMNS, REPORT_LABELS, type ReportKind, type ReportRow } from "@/lib/core/reports/columns";
import { CopyCsvToRfc4180, csvRecord, escapeFormula, UTF8_BOM } from "./csv";
import { filtersForRecord, type ReportFilters } from "@/lib/core/reports/filters";
import { contentDisposition, jsonResponse, NO_STORE, toWebStream } from "./http";
import { ExportCancelled, writeXlsx } from "./xlsx";

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Rows per keyset batch where the export pages through the SELECT (XLSX; CSV on the embedded database). */
export const EXPORT_BATCH_ROWS = 5_000;
/** How often a running export writes its row count (progress for the page, and its chance to see a Cancel). */
const PROGRESS_EVERY_MS = 750;

export const EXPORT_BUSY_MESSAGE = "Two exports are already running for your firm. Try again shortly.";
export const EXPORT_RETRY_AFTER_SECONDS = 10;

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8; header=present",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export interface ExportInput {
  scope: QueryScope;
  report: ReportKind;
  format: ExportFormat;
  filters: ReportFilters;
  /** Start the CSV with a UTF-8 byte order mark (Excel wants one to read UTF-8). */
  bom?: boolean;
  /** Who is exporting, in words, for the XLSX document properties. */
  exportedBy: string;
  /** Extra facts for the audit event (how it was requested: web or API token). */
  auditDetails?: Record<string, unknown>;
  /** The request's signal: a client that goes away cancels the export. */
  signal?: AbortSignal;
  now?: Date;
}

function describeFilters(filters: ReportFilters): string {
  const parts = Object.entries(filtersForRecord(filters)).map(([k, v]) => `${k}=${v}`);
  return parts.length ? parts.join(", ") : "none (every row)";
}

/** Pages through the report's SELECT by keyset; each batch is its own short statement. */
async function* batches<T extends "file" | "csv">(
  scope: QueryScope,
  input: { report: ReportKind; filters: ReportFilters; timeZone: string; as: T },
): AsyncGenerator<ReportRow[]> {
  const fetchPage = (after: ReportKey | null) => findReportPage(scope, { ...input, after, limit: EXPORT_BATCH_ROWS });
  let pending = fetchPage(null);
  for (;;) {
    const page = await pending;
    // The next batch is read while this one is being written.
    if (page.next) pending = fetchPage(page.next);
    if (page.rows.length > 0) yield page.rows;
    if (!page.next) return;
  }
}

/** The whole report through a server-side cursor (PostgreSQL), closed however the reading ends. */
async function* cursorBatches(cursor: ReportCursor): AsyncGenerator<ReportRow[]> {
  let pending = cursor.next(EXPORT_BATCH_ROWS);
  try {
    for (;;) {
      const rows = await pending;
      if (rows.length === 0) return;
      // The next batch is fetched while this one is being written.
      pending = cursor.next(EXPORT_BATCH_ROWS);
      yield rows;
    }
  } finally {
    await pending.catch(() => []);
    await cursor.close();
  }
}

/**
 * A CSV or XLSX download as a streaming Response: starts an export run (or
 * answers 429 when the firm already has two running), streams the rows,
 * records progress as it goes, and closes the run — done, failed or cancelled —
 * with an audit event saying who exported what, with which filters, and how
 * many rows. An export with no rows is a file with only the header.
 */
export async function exportResponse(input: ExportInput): Promise<Response> {
  const { scope, report, format, filters } = input;
  const settings = await getReportSettings(scope);
  if (!settings) return jsonResponse({ error: "Not found" }, 404);
  const started = await startExportRun(scope, { report, format, filters: filtersForRecord(filters) });
  if (!started.ok) {
    return jsonResponse({ error: EXPORT_BUSY_MESSAGE, retryAfterSeconds: EXPORT_RETRY_AFTER_SECONDS }, 429, {
      "Retry-After": String(EXPORT_RETRY_AFTER_SECONDS),
    });
  }
  const runId = started.id;
  // The rows may lag (DATABASE_READ_URL); the run's slot, progress and audit event stay on the primary.
  let read: QueryScope;
  try {
    read = await readScope(scope);
  } catch (err) {
    await finishExportRun(scope, runId, { status: "failed", rows: 0, details: { ...input.auditDetails } }).catch(() => {});
    throw err;
  }
  const now = input.now ?? new Date();
  const timeZone = settings.timeZone;
  const columns = COLUMNS[report];

  let rows = 0;
  let settled = false;
  let cancelled = false;
  let lastProgressAt = Date.now();
  let progressInFlight = false;
  let stop: (err: Error) => void = () => {};

  const settle = async (status: "done" | "failed" | "cancelled", err?: unknown) => {
    if (settled) return;
    settled = true;
    if (status === "failed") logger.error({ runId, err: err instanceof Error ? err.message : String(err) }, "export failed");
    try {
      await finishExportRun(scope, runId, { status, rows, details: { ...input.auditDetails } });
    } catch (e) {
      logger.error({ runId, err: e instanceof Error ? e.message : String(e) }, "could not close export run");
    }
  };

  /** Throttled progress write; a cancelled run stops the export. */
  const progress = async (): Promise<boolean> => {
    if (cancelled) return false;
    if (progressInFlight || Date.now() - lastProgressAt < PROGRESS_EVERY_MS) return true;
    progressInFlight = true;
    lastProgressAt = Date.now();
    try {
      const running = await recordExportProgress(scope, runId, rows);
      if (!running) cancelled = true;
      return running;
    } finally {
      progressInFlight = false;
    }
  };

  let body: Readable;
  try {
    if (format === "csv") {
      const copy = await openReportCopy(read, { report, filters, timeZone });
      if (copy) {
        // PostgreSQL: COPY streams the rows; the transform only rewrites line ends and counts.
        const transform = new CopyCsvToRfc4180({
          prefix: input.bom ? UTF8_BOM : undefined,
          onRecords: (records) => {
            rows = Math.max(0, records - 1);
            progress().then(
              (running) => {
                if (!running) stop(new ExportCancelled());
              },
              (err) => stop(err instanceof Error ? err : new Error(String(err))),
            );
          },
        });
        transform.on("end", () => {
          rows = copy.rowCount() || rows;
        });
        // pipeline ends the COPY (and frees its connection) when the transform is destroyed early.
        pipeline(copy.stream, transform, () => {});
        stop = (err) => transform.destroy(err);
        body = transform;
      } else {
        // Embedded database: PGlite runs in this process and cannot stream COPY TO STDOUT to
        // a client (its COPY TO writes a whole blob in memory). So the same SELECT is read in
        // keyset batches of EXPORT_BATCH_ROWS, already formatted and formula-escaped by the SQL,
        // and written here as RFC 4180 records; memory holds one batch at a time.
        const source = batches(read, { report, filters, timeZone, as: "csv" });
        const generate = async function* () {
          if (input.bom) yield UTF8_BOM;
          yield Buffer.from(csvRecord(columns.map((c) => c.key)));
          for await (const batch of source) {
            let chunk = "";
            for (const r of batch) {
              const cells = columns.map((c) => {
                const v = r[c.key] as string | null;
                return c.type === "text" && v !== null ? escapeFormula(v) : v;
              });
              chunk += csvRecord(cells);
            }
            rows += batch.length;
            yield Buffer.from(chunk);
            if (!(await progress())) throw new ExportCancelled();
          }
        };
        const readable = Readable.from(generate(), { objectMode: false });
        stop = (err) => readable.destroy(err);
        body = readable;
      }
    } else {
      const out = new PassThrough();
      stop = (err) => out.destroy(err);
      const label = REPORT_LABELS[report];
      const cursor = await openReportCursor(read, { report, filters, timeZone });
      // However the file ends (done, failed, cancelled), the cursor's connection goes back to the pool.
      out.on("close", () => void cursor?.close());
      void writeXlsx({
        out,
        columns,
        batches: cursor ? cursorBatches(cursor) : batches(read, { report, filters, timeZone, as: "file" }),
        meta: { title: label, exportedBy: input.exportedBy, exportedAt: now, filtersText: describeFilters(filters), firmName: settings.firmName },
        onProgress: async (n) => {
          rows = n;
          return progress();
        },
      }).then(
        (n) => {
          rows = n;
        },
        (err) => {
          if (!out.destroyed) out.destroy(err instanceof Error ? err : new Error(String(err)));
        },
      );
      body = out;
    }
  } catch (err) {
    await settle("failed", err);
    throw err;
  }

  body.on("error", (err) => {
    void settle(err instanceof ExportCancelled || cancelled ? "cancelled" : "failed", err);
  });
  const onAbort = () => {
    cancelled = true;
    stop(new ExportCancelled());
    void settle("cancelled");
  };
  input.signal?.addEventListener("abort", onAbort, { once: true });

  const stamp = formatDate(now, "yyyy-MM-dd-HHmm", { in: tz(timeZone) });
  const filename = `${settings.firmSlug}-${report}-${stamp}.${format}`;
  const stream = toWebStream(body, {
    onCancel: () => {
      cancelled = true;
      void settle("cancelled");
    },
    onClose: () => void settle("done"),
  });
  return new Response(stream, {
    status: 200,
    headers: {
      ...NO_STORE,
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": contentDisposition(filename),
      "X-Content-Type-Options": "nosniff",
      "X-Export-Run": runId,
    },
  });
}
