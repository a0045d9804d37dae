import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import type { CellValue, ColumnDef, ReportRow } from "@/lib/core/reports/columns";
import { escapeFormula } from "./csv";

/**
 * XLSX exports, streamed with exceljs's WorkbookWriter: each row is written
 * and committed as it arrives, with inline strings (no shared-string table
 * to hold in memory), so a big export costs the same memory as a small one.
 */

export interface XlsxMeta {
  /** The sheet's name and the document title. */
  title: string;
  exportedBy: string;
  exportedAt: Date;
  /** The filters in words, kept in the document's description. */
  filtersText: string;
  firmName: string;
}

const CUSTOM_PROPERTIES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties";
const CUSTOM_PROPERTIES_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml";

function xmlText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

type Zip = { append(source: string, data: { name: string }): unknown; readableLength: number };
interface InternalWriter {
  zip: Zip;
  creator: string;
  lastModifiedBy: string;
  created: Date;
  modified: Date;
  title?: string;
  subject?: string;
  description?: string;
  company?: string;
  addWorksheet(name: string, options?: Record<string, unknown>): ExcelJS.Worksheet;
  commit(): Promise<void>;
  addOfficeRels(): Promise<void>;
  addContentTypes(): Promise<void>;
  addCore(): Promise<void>;
}

const BaseWriter = ExcelJS.stream.xlsx.WorkbookWriter as unknown as new (options: Record<string, unknown>) => InternalWriter;

/**
 * exceljs writes the core properties (creator, dates, title) but not custom
 * ones; this adds docProps/custom.xml with "Exported by" and "Exported at", so
 * the file itself says who took it out of the system and when.
 */
class WorkbookWriterWithCustomProperties extends BaseWriter {
  customProperties: [string, string][] = [];

  addOfficeRels(): Promise<void> {
    const rels = [
      ["rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.xml"],
      ["rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"],
      ["rId3", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties", "docProps/app.xml"],
      ["rId4", CUSTOM_PROPERTIES_REL, "docProps/custom.xml"],
    ];
    const xml =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      rels.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`).join("") +
      "</Relationships>";
    this.zip.append(xml, { name: "/_rels/.rels" });
    return Promise.resolve();
  }

  addContentTypes(): Promise<void> {
    const zip = this.zip;
    const append = zip.append;
    zip.append = (source, data) =>
      append.call(
        zip,
        data.name === "[Content_Types].xml"
          ? source.replace("</Types>", `<Override PartName="/docProps/custom.xml" ContentType="${CUSTOM_PROPERTIES_TYPE}"/></Types>`)
          : source,
        data,
      );
    try {
      return super.addContentTypes();
    } finally {
      zip.append = append;
    }
  }

  addCore(): Promise<void> {
    const props = this.customProperties
      .map(
        ([name, value], i) =>
          `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${i + 2}" name="${xmlText(name)}"><vt:lpwstr>${xmlText(value)}</vt:lpwstr></property>`,
      )
      .join("");
    this.zip.append(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ' +
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
        props +
        "</Properties>",
      { name: "docProps/custom.xml" },
    );
    return super.addCore();
  }
}

const NUMBER_FORMATS: Record<ColumnDef["type"], string | undefined> = {
  text: undefined,
  timestamp: 'yyyy-mm-dd hh:mm "UTC"',
  date: "yyyy-mm-dd",
  integer: "0",
  number: "0.0",
};

/** A cell as exceljs should type it: text escaped, dates as dates, numbers as numbers. */
export function xlsxCell(type: ColumnDef["type"], value: CellValue): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  switch (type) {
    case "text":
      return escapeFormula(String(value));
    case "timestamp":
      return value instanceof Date ? value : new Date(String(value));
    case "date": {
      const [y, m, d] = String(value).split("-").map(Number) as [number, number, number];
      return new Date(Date.UTC(y, m - 1, d));
    }
    case "integer":
    case "number":
      return typeof value === "number" ? value : Number(value);
  }
}

export class ExportCancelled extends Error {
  constructor() {
    super("The export was cancelled.");
    this.name = "ExportCancelled";
  }
}

/** Bytes that may wait between the rows and the reader before the writer pauses. */
const AHEAD_LIMIT = 4 * 1024 * 1024;
/** Rows written between two checks of that backlog. */
const ROWS_PER_CHECK = 500;

type Backlog = { _writableState?: { length: number }; _readableState?: { length: number } };

/**
 * Bytes written but not yet taken by the reader. exceljs writes a row's XML
 * into the zip without waiting for the compressor, so without this the whole
 * uncompressed sheet could pile up in the zip's input buffer; the writer
 * waits here until the compressor and the reader have caught up.
 */
function backlog(sheet: ExcelJS.Worksheet, zip: Zip, out: Writable & { readableLength?: number }): number {
  const pipes = (sheet as unknown as { stream?: { pipes?: Backlog[] } }).stream?.pipes ?? [];
  const zipInput = pipes.reduce((n, p) => n + (p._writableState?.length ?? 0) + (p._readableState?.length ?? 0), 0);
  return zipInput + zip.readableLength + (out.readableLength ?? 0) + out.writableLength;
}

async function waitForRoom(sheet: ExcelJS.Worksheet, zip: Zip, out: Writable & { readableLength?: number }): Promise<void> {
  while (backlog(sheet, zip, out) > AHEAD_LIMIT) {
    if (out.destroyed) return;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/**
 * Writes the rows from `batches` as one worksheet into `out`. After each batch
 * `onProgress` gets the rows written so far; when it answers false the export
 * stops with ExportCancelled. Returns the number of rows written.
 */
export async function writeXlsx(input: {
  out: Writable;
  columns: readonly ColumnDef[];
  batches: AsyncIterable<ReportRow[]>;
  meta: XlsxMeta;
  onProgress?: (rows: number) => Promise<boolean> | boolean;
}): Promise<number> {
  const { out, columns, meta } = input;
  const workbook = new WorkbookWriterWithCustomProperties({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = meta.exportedBy;
  workbook.lastModifiedBy = meta.exportedBy;
  workbook.created = meta.exportedAt;
  workbook.modified = meta.exportedAt;
  workbook.title = meta.title;
  workbook.subject = `${meta.firmName}: ${meta.title}`;
  workbook.description = `Exported from Afterview by ${meta.exportedBy} at ${meta.exportedAt.toISOString()}. Filters: ${meta.filtersText}`;
  workbook.company = meta.firmName;
  workbook.customProperties = [
    ["Exported by", meta.exportedBy],
    ["Exported at", meta.exportedAt.toISOString()],
    ["Filters", meta.filtersText],
  ];
  const sheet = workbook.addWorksheet(meta.title.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ key: c.key, width: c.width ?? 14 }));
  const header = sheet.addRow(columns.map((c) => c.key));
  header.font = { bold: true };
  header.commit();

  // One style object per column, shared by its cells: exceljs caches a style's id by object
  // identity, so this is one lookup per column instead of one style serialisation per cell.
  const styles = columns.map((c) => (NUMBER_FORMATS[c.type] ? { numFmt: NUMBER_FORMATS[c.type] } : {}));
  let rows = 0;
  for await (const batch of input.batches) {
    for (let n = 0; n < batch.length; n++) {
      const r = batch[n]!;
      const row = sheet.addRow(columns.map((c) => xlsxCell(c.type, r[c.key] ?? null)));
      for (let i = 0; i < columns.length; i++) row.getCell(i + 1).style = styles[i] as Partial<ExcelJS.Style>;
      row.commit();
      if (n % ROWS_PER_CHECK === ROWS_PER_CHECK - 1) await waitForRoom(sheet, workbook.zip, out);
    }
    rows += batch.length;
    if (input.onProgress && (await input.onProgress(rows)) === false) throw new ExportCancelled();
    await waitForRoom(sheet, workbook.zip, out);
  }
  (sheet as unknown as { commit(): void }).commit();
  await workbook.commit();
  return rows;
}
