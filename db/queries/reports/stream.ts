import type { Readable } from "node:stream";
import { to as copyTo } from "pg-copy-streams";
import { COLUMNS, parseRow, type ReportRow } from "@/lib/core/reports/columns";
import { holdFirmTransaction, type HeldTransaction } from "../../firm-db";
import type { QueryScope } from "../scope";
import { buildReportSql, scopedFilters, type ReportQuery } from "./sql";

/**
 * A whole report read over many round trips — a server-side cursor (XLSX) or
 * a COPY (CSV) — on a connection of the scope's own, in one read-only
 * transaction held open until the last row: it runs as the scope's other
 * statements do, as the app role for the scope's firm and person, so
 * row-level security applies to the export as to every other read.
 *
 * Both are null on the embedded database, where a transaction held open for
 * the whole export would block every other request on its single connection
 * (and PGlite cannot stream COPY to a client): the export reads keyset pages
 * there instead (findReportPage).
 */
function holdReadTransaction(scope: QueryScope): Promise<HeldTransaction | null> {
  return holdFirmTransaction(scope.db, scope, "begin read only");
}

export interface ReportCursor {
  /** The next rows (up to `count`), typed and formula-escaped for a file; [] at the end. */
  next(count: number): Promise<ReportRow[]>;
  /** Ends the cursor's transaction and frees its connection (safe to call twice). */
  close(): Promise<void>;
  toJSON(): { cursor: string };
}

/**
 * The whole report through a server-side cursor: one execution of the
 * SELECT, read in batches, so a large XLSX costs one query however many
 * batches it takes.
 */
export async function openReportCursor(scope: QueryScope, input: ReportQuery): Promise<ReportCursor | null> {
  const select = await reportCopySelect(scope, input);
  const held = await holdReadTransaction(scope);
  if (!held) return null;
  const { client, end } = held;
  try {
    await client.query(`declare report_rows no scroll cursor for ${select}`);
  } catch (err) {
    await end(err as Error);
    throw err;
  }
  const columns = COLUMNS[input.report];
  let closed = false;
  return {
    async next(count) {
      if (closed) return [];
      try {
        const result = await client.query(`fetch forward ${Math.max(1, Math.trunc(count))} from report_rows`);
        return result.rows.map((r: Record<string, unknown>) => parseRow(columns, r));
      } catch (err) {
        closed = true;
        await end(err as Error);
        throw err;
      }
    },
    close() {
      closed = true;
      return end();
    },
    toJSON: () => ({ cursor: "report_rows" }),
  };
}

/**
 * The SELECT that the CSV export runs inside COPY (and the cursor declares),
 * as text: for benchmarks that compare the export with
 * `psql -c "\copy (…) TO STDOUT WITH CSV"`.
 */
export async function reportCopySelect(scope: QueryScope, input: ReportQuery): Promise<string> {
  return buildReportSql({ ...scopedFilters(scope, input), report: input.report, escapeFormulas: true });
}

export interface CopyStream {
  /** COPY's CSV output (LF line ends, header first). */
  stream: Readable;
  /** Rows COPY reported when it finished (header excluded). */
  rowCount: () => number;
  toJSON(): { copy: string };
}

/**
 * The report as CSV straight from PostgreSQL: `COPY (SELECT …) TO STDOUT WITH
 * (FORMAT csv, HEADER)`, formula escaping done in the SELECT. Memory stays
 * flat: COPY sends rows as the reader takes them. The transaction commits
 * once the reader has had the last row; a stream cut off before that drops
 * its connection (it is not reusable mid-COPY).
 */
export async function openReportCopy(scope: QueryScope, input: ReportQuery): Promise<CopyStream | null> {
  const select = await reportCopySelect(scope, input);
  const held = await holdReadTransaction(scope);
  if (!held) return null;
  const { client, end } = held;
  try {
    const copy = client.query(copyTo(`COPY (${select}) TO STDOUT WITH (FORMAT csv, HEADER)`));
    copy.on("end", () => void end());
    copy.on("error", (err) => void end(err));
    // After "end" this does nothing; before it, the reader gave up.
    copy.on("close", () => void end(new Error("COPY stream closed before it ended")));
    return { stream: copy, rowCount: () => copy.rowCount ?? 0, toJSON: () => ({ copy: "stream" }) };
  } catch (err) {
    await end(err as Error);
    throw err;
  }
}
