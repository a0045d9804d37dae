import { Transform, type TransformCallback } from "node:stream";

/**
 * CSV as RFC 4180 writes it: fields separated by commas, records ended by
 * CRLF, a field quoted when it holds a comma, a quote, CR or LF (quotes
 * doubled inside). An empty string is quoted ("") and a missing value is left
 * empty, which is also how PostgreSQL's COPY … (FORMAT csv) tells them apart,
 * so both export paths write the same bytes.
 */

export const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Cells a spreadsheet would run as a formula (or a DDE command) when they start with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Prefixes a text cell that a spreadsheet would take for a formula with an
 * apostrophe (OWASP "CSV injection"). Exports do this in SQL; this is the same
 * rule for the places that write cells from JavaScript. Applying it twice
 * changes nothing, since an escaped cell starts with the apostrophe.
 */
export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (value === "") return '""';
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvRecord(values: readonly (string | null | undefined)[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const CRLF = Buffer.from([CR, LF]);

/**
 * Turns PostgreSQL's COPY CSV output (records ended by LF) into RFC 4180
 * (CRLF) and counts the records as they pass. A line feed inside a quoted
 * field is data and stays as it is. Works on any chunking: the quote state is
 * carried from one chunk to the next. Scans with Buffer#indexOf (memchr), so
 * the cost stays a small fraction of producing the rows.
 */
export class CopyCsvToRfc4180 extends Transform {
  private inQuotes = false;
  private prefix: Buffer | null;
  /** Records seen, the header included. */
  records = 0;

  constructor(private readonly options: { prefix?: Buffer; onRecords?: (records: number) => void } = {}) {
    super();
    this.prefix = options.prefix ?? null;
  }

  private takePrefix(parts: Buffer[]): void {
    if (this.prefix) parts.push(this.prefix);
    this.prefix = null;
  }

  _flush(callback: TransformCallback): void {
    const parts: Buffer[] = [];
    this.takePrefix(parts);
    callback(null, parts.length ? parts[0] : undefined);
  }

  _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const parts: Buffer[] = [];
    this.takePrefix(parts);
    let start = 0;
    let pos = 0;
    let nextQuote = chunk.indexOf(QUOTE, 0);
    let nextLf = chunk.indexOf(LF, 0);
    const before = this.records;
    while (pos < chunk.length) {
      if (this.inQuotes) {
        if (nextQuote < 0) break;
        this.inQuotes = false;
        pos = nextQuote + 1;
        nextQuote = chunk.indexOf(QUOTE, pos);
        if (nextLf >= 0 && nextLf < pos) nextLf = chunk.indexOf(LF, pos);
        continue;
      }
      if (nextLf >= 0 && (nextQuote < 0 || nextLf < nextQuote)) {
        // A record ends here. COPY never writes CR outside quotes, but keep one that is already there.
        const end = nextLf > 0 && chunk[nextLf - 1] === CR ? nextLf - 1 : nextLf;
        parts.push(chunk.subarray(start, end), CRLF);
        this.records += 1;
        pos = nextLf + 1;
        start = pos;
        nextLf = chunk.indexOf(LF, pos);
        continue;
      }
      if (nextQuote >= 0) {
        this.inQuotes = true;
        pos = nextQuote + 1;
        nextQuote = chunk.indexOf(QUOTE, pos);
        continue;
      }
      break;
    }
    if (start < chunk.length) parts.push(chunk.subarray(start));
    if (this.records !== before) this.options.onRecords?.(this.records);
    callback(null, parts.length === 1 ? parts[0] : Buffer.concat(parts));
  }
}
