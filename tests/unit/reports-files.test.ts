import { PassThrough, Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CopyCsvToRfc4180, csvField, csvRecord, escapeFormula, UTF8_BOM } from "@/lib/reports/csv";
import { contentDisposition, isCrossSiteRequest, slugForFilename, toWebStream } from "@/lib/reports/http";
import { decodeCursor, encodeCursor } from "@/lib/reports/cursor";
import { xlsxCell } from "@/lib/reports/xlsx";

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(parts);
}

describe("formula escaping", () => {
  it("prefixes cells that start with = + - @ tab or CR with an apostrophe", () => {
    expect(escapeFormula('=HYPERLINK("http://x")')).toBe(`'=HYPERLINK("http://x")`);
    expect(escapeFormula("+1")).toBe("'+1");
    expect(escapeFormula("-2")).toBe("'-2");
    expect(escapeFormula("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(escapeFormula("\tx")).toBe("'\tx");
    expect(escapeFormula("\rx")).toBe("'\rx");
  });

  it("leaves other text alone, and changes nothing the second time", () => {
    expect(escapeFormula("Ada = great")).toBe("Ada = great");
    expect(escapeFormula("")).toBe("");
    fc.assert(fc.property(fc.string(), (s) => escapeFormula(escapeFormula(s)) === escapeFormula(s)));
  });
});

describe("CSV records", () => {
  it("quotes only what needs quoting, like PostgreSQL's COPY", () => {
    expect(csvField(null)).toBe("");
    expect(csvField("")).toBe('""');
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("cr\r")).toBe('"cr\r"');
    expect(csvRecord(["a", null, ""])).toBe('a,,""\r\n');
  });

  it("reads back through a real CSV parser as it went in", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: "grapheme" }), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const text = rows.map((r) => csvRecord(r)).join("");
        expect(parse(text, { relax_column_count: false })).toEqual(rows);
      }),
      { numRuns: 200 },
    );
  });
});

describe("COPY output to RFC 4180", () => {
  const copyOutput = 'id,name\n1,"multi\nline, ""quoted"""\n2,plain\n3,""\n';
  const expected = 'id,name\r\n1,"multi\nline, ""quoted"""\r\n2,plain\r\n3,""\r\n';

  it("ends records with CRLF, keeps line breaks inside quotes, and counts records, however the chunks fall", async () => {
    const bytes = Buffer.from(copyOutput);
    for (let cut = 0; cut <= bytes.length; cut++) {
      for (const size of [1, 3]) {
        const chunks = [bytes.subarray(0, cut), ...Array.from({ length: Math.ceil((bytes.length - cut) / size) }, (_, i) => bytes.subarray(cut + i * size, cut + (i + 1) * size))];
        const counts: number[] = [];
        const t = new CopyCsvToRfc4180({ onRecords: (n) => counts.push(n) });
        const out = collect(t);
        Readable.from(chunks.filter((c) => c.length > 0)).pipe(t);
        expect((await out).toString()).toBe(expected);
        expect(t.records).toBe(4);
        expect(counts.at(-1)).toBe(4);
      }
    }
  });

  it("writes the prefix (a BOM) once, even for an empty stream", async () => {
    const t = new CopyCsvToRfc4180({ prefix: UTF8_BOM });
    const out = collect(t);
    Readable.from([Buffer.from("a\n"), Buffer.from("b\n")]).pipe(t);
    expect((await out).equals(Buffer.concat([UTF8_BOM, Buffer.from("a\r\nb\r\n")]))).toBe(true);
    const empty = new CopyCsvToRfc4180({ prefix: UTF8_BOM });
    const emptyOut = collect(empty);
    empty.end();
    expect((await emptyOut).equals(UTF8_BOM)).toBe(true);
  });
});

describe("streaming to a Response", () => {
  it("reads only as the consumer pulls, and reports when the last byte was taken", async () => {
    const source = new PassThrough({ highWaterMark: 4 });
    let closed = false;
    const web = toWebStream(source, { onClose: () => (closed = true) });
    source.write("abcd");
    source.end("efgh");
    const reader = web.getReader();
    const parts: string[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(Buffer.from(value).toString());
    }
    expect(parts.join("")).toBe("abcdefgh");
    expect(closed).toBe(true);
  });

  it("destroys the source and reports a cancel", async () => {
    const source = new PassThrough();
    let reason: unknown = null;
    const web = toWebStream(source, { onCancel: (r) => (reason = r) });
    await web.cancel("gone");
    expect(source.destroyed).toBe(true);
    expect(reason).toBe("gone");
  });
});

describe("download filenames", () => {
  it("gives an ASCII filename and the exact UTF-8 name in filename*", () => {
    expect(contentDisposition("northwind-applications-2026-03-02-1430.csv")).toBe(
      `attachment; filename="northwind-applications-2026-03-02-1430.csv"; filename*=UTF-8''northwind-applications-2026-03-02-1430.csv`,
    );
    expect(contentDisposition("Björk & Co (report).csv")).toBe(
      `attachment; filename="Bjork-Co-report-.csv"; filename*=UTF-8''Bj%C3%B6rk%20%26%20Co%20%28report%29.csv`,
    );
  });

  it("makes a slug from a firm name", () => {
    expect(slugForFilename("Björk & Co.")).toBe("bjork-co");
    expect(slugForFilename("***")).toBe("firm");
  });
});

describe("cross-site checks for non-GET route handlers", () => {
  const req = (headers: Record<string, string>) => new Request("http://app.example/api/x", { method: "POST", headers });

  it("refuses another site", () => {
    expect(isCrossSiteRequest(req({ "sec-fetch-site": "cross-site" }))).toBe(true);
    expect(isCrossSiteRequest(req({ "sec-fetch-site": "same-site" }))).toBe(true);
    expect(isCrossSiteRequest(req({ origin: "https://evil.example", host: "app.example" }))).toBe(true);
    expect(isCrossSiteRequest(req({ origin: "null", host: "app.example" }))).toBe(true);
  });

  it("lets the app's own pages and non-browser clients through", () => {
    expect(isCrossSiteRequest(req({ "sec-fetch-site": "same-origin", origin: "http://app.example" }))).toBe(false);
    expect(isCrossSiteRequest(req({ origin: "http://app.example", host: "app.example" }))).toBe(false);
    expect(isCrossSiteRequest(req({}))).toBe(false);
  });
});

describe("API cursors", () => {
  const ctx = { firmId: "f0000000-0000-4000-8000-000000000001", report: "interviews", filters: "client=x" };
  const key = { id: "01900000-0000-7000-8000-000000000001", ts: "2026-03-02T15:00:00.123456Z" };

  it("round-trips the keyset position", () => {
    expect(decodeCursor(encodeCursor(ctx, key), ctx)).toEqual(key);
    expect(decodeCursor(encodeCursor(ctx, { id: key.id }), ctx)).toEqual({ id: key.id });
  });

  it("refuses a cursor with any byte changed", () => {
    const cursor = encodeCursor(ctx, key);
    fc.assert(
      fc.property(fc.nat({ max: cursor.length - 1 }), fc.constantFrom(..."ABCabc012-_."), (i, ch) => {
        const changed = cursor.slice(0, i) + ch + cursor.slice(i + 1);
        return changed === cursor || decodeCursor(changed, ctx) === null;
      }),
      { numRuns: 300 },
    );
  });

  it("refuses a cursor issued for another firm, report or filters", () => {
    const cursor = encodeCursor(ctx, key);
    expect(decodeCursor(cursor, { ...ctx, firmId: "f0000000-0000-4000-8000-000000000002" })).toBeNull();
    expect(decodeCursor(cursor, { ...ctx, report: "applications" })).toBeNull();
    expect(decodeCursor(cursor, { ...ctx, filters: "" })).toBeNull();
  });
});

describe("XLSX cells", () => {
  it("types dates, times and numbers, and escapes text", () => {
    expect(xlsxCell("timestamp", new Date("2026-03-02T15:00:00Z"))).toEqual(new Date("2026-03-02T15:00:00Z"));
    expect(xlsxCell("date", "2026-03-06")).toEqual(new Date(Date.UTC(2026, 2, 6)));
    expect(xlsxCell("number", 12.5)).toBe(12.5);
    expect(xlsxCell("integer", "-3")).toBe(-3);
    expect(xlsxCell("text", "-2")).toBe("'-2");
    expect(xlsxCell("text", null)).toBeNull();
  });
});
