import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as exportGet } from "@/app/api/exports/[file]/route";
import { GET as runGet } from "@/app/api/exports/runs/[id]/route";
import { POST as cancelPost } from "@/app/api/exports/runs/[id]/cancel/route";
import { findReportPage } from "@/db/queries/reports";
import * as s from "@/db/schema";
import { COLUMNS, type ColumnDef, type ReportKind } from "@/lib/core/reports/columns";
import { signedInAs, useDatabaseForRequests } from "../helpers/context";
import { useFreshDatabase } from "../helpers/db";
import { createTestFirm, scopeOf, sessionFor, type TestFirm } from "../helpers/fixtures";
import { bodyBytes, seedReportData, TRICKY_NAMES, type ReportData } from "./reports-data";

const TZ = "America/New_York";

// While set, the export finds no COPY to stream from, as on the embedded database, and reads keyset batches.
const copy = vi.hoisted(() => ({ unavailable: false }));
vi.mock("@/db/queries/reports/stream", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/db/queries/reports/stream")>();
  return { ...actual, openReportCopy: async (...args: Parameters<typeof actual.openReportCopy>) => (copy.unavailable ? null : actual.openReportCopy(...args)) };
});

type Cell = string | number | null;

/** One comparable value per cell: "" and missing are both null, times as ISO strings, numbers as numbers. */
function normalize(col: ColumnDef, value: unknown): Cell {
  if (value === null || value === undefined || value === "") return null;
  switch (col.type) {
    case "timestamp":
      return (value instanceof Date ? value : new Date(String(value))).toISOString();
    case "date":
      return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
    case "integer":
    case "number":
      return Number(value);
    case "text":
      return String(value);
  }
}

function csvRows(report: ReportKind, bytes: Buffer): { header: string[]; rows: Cell[][] } {
  const records = parse(bytes, { bom: true, relax_column_count: false }) as string[][];
  const [header, ...rest] = records;
  const cols = COLUMNS[report];
  return { header: header!, rows: rest.map((r) => r.map((v, i) => normalize(cols[i]!, v))) };
}

async function xlsxRows(report: ReportKind, bytes: Buffer): Promise<{ header: string[]; rows: Cell[][]; workbook: ExcelJS.Workbook }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const cols = COLUMNS[report];
  const all: Cell[][] = [];
  let header: string[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    const values = cols.map((_, i) => row.getCell(i + 1).value);
    if (n === 1) header = values.map(String);
    else all.push(values.map((v, i) => normalize(cols[i]!, v)));
  });
  return { header, rows: all, workbook };
}

const ESCAPE = /^[=+\-@\t\r]/;

describe("report exports (CSV and XLSX)", () => {
  const database = useFreshDatabase();
  let a: TestFirm;
  let b: TestFirm;
  let data: ReportData;

  const download = (file: string, query = "") =>
    exportGet(new Request(`http://localhost:3000/api/exports/${file}${query}`), { params: Promise.resolve({ file }) });

  /** The typed rows the query layer gives for the same filters, formula-escaped like a file. */
  async function expectedRows(report: ReportKind, query: string): Promise<Cell[][]> {
    const { parseReportFilters } = await import("@/lib/core/reports/filters");
    const parsed = parseReportFilters(new URLSearchParams(query));
    if (!parsed.ok) throw new Error("bad filters in test");
    const page = await findReportPage(scopeOf(database.current.db, a, a.recruiter), {
      report,
      filters: parsed.filters,
      timeZone: TZ,
      limit: 10_000,
      as: "file",
    });
    return page.rows.map((r) => COLUMNS[report].map((c) => normalize(c, r[c.key])));
  }

  beforeAll(async () => {
    useDatabaseForRequests(database.current);
    const db = database.current.db;
    a = await createTestFirm(db, "a");
    b = await createTestFirm(db, "b");
    await db.update(s.firms).set({ timeZone: TZ }).where(eq(s.firms.id, a.firmId));
    data = await seedReportData(db, a);
    signedInAs(await sessionFor(db, a, a.recruiter));
  });

  const idColumn = (report: ReportKind) => (report === "applications" ? 0 : 0);

  const cases: { name: string; report: ReportKind; query: string; ids: () => string[] }[] = [
    { name: "every application without filters", report: "applications", query: "", ids: () => [a.applicationId, ...Object.values(data.apps)] },
    { name: "a client's applications", report: "applications", query: "?client=CLIENT2", ids: () => [data.apps.a2, data.apps.a3, data.apps.a6] },
    { name: "a job's applications", report: "applications", query: "?job=JOB1", ids: () => [a.applicationId, data.apps.a1, data.apps.a4, data.apps.a5, data.apps.a7] },
    { name: "a recruiter's applications (the job owner when none is set)", report: "applications", query: "?recruiter=ADMIN", ids: () => [data.apps.a2] },
    { name: "the applications in a stage", report: "applications", query: "?stage=placed", ids: () => [data.apps.a3] },
    {
      name: "applications made in a date range",
      report: "applications",
      query: "?from=2026-01-01&to=2026-01-31",
      ids: () => [data.apps.a1, data.apps.a2],
    },
    {
      name: "applications with an interview in a date range",
      report: "applications",
      query: "?dates=interview&from=2026-03-01&to=2026-03-31",
      ids: () => [data.apps.a6],
    },
    {
      name: "interviews in a date range, in time order",
      report: "interviews",
      query: "?dates=interview&from=2026-01-01&to=2026-02-28",
      ids: () => [data.interviews.i1, data.interviews.i2, data.interviews.i3],
    },
    {
      name: "a client's interviews, cancelled ones included",
      report: "interviews",
      query: "?client=CLIENT2",
      ids: () => [data.interviews.i2, data.interviews.i3, data.interviews.i5, data.interviews.i4],
    },
    {
      name: "interviews of applications made in a date range",
      report: "interviews",
      query: "?from=2026-02-01&to=2026-03-31&stage=interviewing",
      ids: () => [data.interviews.i5, data.interviews.i4],
    },
  ];

  const fill = (q: string) => q.replace("CLIENT2", data.client2Id).replace("JOB1", a.jobId).replace("ADMIN", a.admin.userId);

  for (const c of cases) {
    it(`exports exactly ${c.name}, the same in CSV and XLSX`, async () => {
      const query = fill(c.query);
      const csvRes = await download(`${c.report}.csv`, query);
      expect(csvRes.status).toBe(200);
      const csv = csvRows(c.report, await bodyBytes(csvRes));
      const xlsxRes = await download(`${c.report}.xlsx`, query);
      expect(xlsxRes.status).toBe(200);
      const xlsx = await xlsxRows(c.report, await bodyBytes(xlsxRes));

      const keys = COLUMNS[c.report].map((col) => col.key);
      expect(csv.header).toEqual(keys);
      expect(xlsx.header).toEqual(keys);
      const ids = csv.rows.map((r) => r[idColumn(c.report)]);
      const expected = c.ids();
      if (c.report === "applications") expect(ids).toEqual([...expected].sort());
      else expect(ids).toEqual(expected);
      expect(xlsx.rows).toEqual(csv.rows);
      expect(csv.rows).toEqual(await expectedRows(c.report, query.replace(/^\?/, "")));
      // Nothing of firm B's.
      expect(JSON.stringify(csv.rows)).not.toContain(b.clientId);
    });
  }

  it("fills the documented columns from the records", async () => {
    const res = await download("applications.csv", `?client=${data.client2Id}`);
    const { rows } = csvRows("applications", await bodyBytes(res));
    const byId = Object.fromEntries(rows.map((r) => [r[0], Object.fromEntries(COLUMNS.applications.map((c, i) => [c.key, r[i]]))]));
    expect(byId[data.apps.a2]).toMatchObject({
      candidate: "'+1",
      client: "Beta Corp",
      job: "Data Analyst",
      recruiter: "Ada Admin",
      stage: "rejected",
      furthest_stage: "interviewing",
      closed_reason: "Chose another candidate",
      interviews: 1,
      completed_interviews: 1,
      debrief_state: "draft",
      hours_to_debrief: null,
      recommendation: "no",
      decision: "reject",
      hours_to_client_feedback: 168,
    });
    expect(byId[data.apps.a3]).toMatchObject({
      stage: "placed",
      furthest_stage: "placed",
      offer_at: "2026-02-20T09:00:00.000Z",
      placed_at: "2026-03-02T09:00:00.000Z",
      debrief_state: "submitted",
      hours_to_debrief: 6,
      next_step: "'=cmd|' /C calc'!A0",
      next_step_due_at: "2026-02-12T17:00:00.000Z",
    });
    expect(byId[data.apps.a6]).toMatchObject({ interviews: 2, completed_interviews: 0, latest_interview_status: "scheduled", debrief_state: "none" });

    const ivRes = await download("interviews.csv", `?dates=interview&from=2026-01-01&to=2026-01-31`);
    const iv = csvRows("interviews", await bodyBytes(ivRes));
    const ivById = Object.fromEntries(iv.rows.map((r) => [r[0], Object.fromEntries(COLUMNS.interviews.map((c, i) => [c.key, r[i]]))]));
    expect(ivById[data.interviews.i1]).toMatchObject({
      debrief_state: "reviewed",
      hours_to_debrief: 12,
      promised_decision_on: "2026-01-16",
      feedback_received_at: "2026-01-15T15:00:00.000Z",
      hours_to_client_feedback: 76,
      feedback_days_vs_promise: -1,
      interviewers: "Ines Interviewer",
      recommendation: "yes",
      decision: "offer",
    });
    expect(ivById[data.interviews.i2]).toMatchObject({ feedback_days_vs_promise: 4, debrief_state: "draft" });
  });

  it("escapes names a spreadsheet would run as formulas, in both formats", async () => {
    const csv = csvRows("applications", await bodyBytes(await download("applications.csv")));
    const xlsx = await xlsxRows("applications", await bodyBytes(await download("applications.xlsx")));
    const candidate = COLUMNS.applications.findIndex((c) => c.key === "candidate");
    for (const { rows } of [csv, xlsx]) {
      const names = rows.map((r) => r[candidate] as string);
      expect(names).toContain(`'=HYPERLINK("http://x")`);
      expect(names).toContain("'+1");
      expect(names).toContain("'-2");
      expect(names).toContain("'@SUM(A1)");
      expect(names).toContain("'\tTabbed");
      // Commas, quotes and line breaks survive intact; harmless names are untouched.
      expect(names).toContain(TRICKY_NAMES[5]);
      expect(names).toContain("Zoë Ødegaard");
      for (const row of rows) {
        COLUMNS.applications.forEach((col, i) => {
          if (col.type === "text" && typeof row[i] === "string") expect(row[i]).not.toMatch(ESCAPE);
        });
      }
    }
  });

  it("writes RFC 4180 CSV with CRLF line ends, a BOM on request and a server-set filename", async () => {
    const plain = await download("applications.csv");
    expect(plain.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/);
    const disposition = plain.headers.get("content-disposition")!;
    expect(disposition).toMatch(/^attachment; filename="a-[0-9a-f]{8}-applications-\d{4}-\d{2}-\d{2}-\d{4}\.csv"; filename\*=UTF-8''a-[0-9a-f]{8}-applications-/);
    expect(plain.headers.get("cache-control")).toBe("no-store");
    const bytes = await bodyBytes(plain);
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    const text = bytes.toString("utf8");
    expect(text.startsWith("application_id,candidate,client,job,")).toBe(true);
    // Every record ends in CRLF; the line break inside the quoted name stays a bare LF.
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.split("\r\n").length - 1).toBe(9);
    expect(text).toContain('"O\'Brien, ""Bo""\nSecond line"');

    const withBom = await bodyBytes(await download("applications.csv", "?bom=1"));
    expect(withBom.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
    expect(withBom.subarray(3).equals(bytes)).toBe(true);
  });

  it("gives a header-only file when no row matches", async () => {
    const csv = await bodyBytes(await download("interviews.csv", "?stage=withdrawn"));
    expect(csv.toString("utf8")).toBe(`${COLUMNS.interviews.map((c) => c.key).join(",")}\r\n`);
    const xlsx = await xlsxRows("interviews", await bodyBytes(await download("interviews.xlsx", "?stage=withdrawn")));
    expect(xlsx.header).toEqual(COLUMNS.interviews.map((c) => c.key));
    expect(xlsx.rows).toEqual([]);
  });

  it("types XLSX cells and records who exported it in the document properties", async () => {
    const bytes = await bodyBytes(await download("interviews.xlsx", "?dates=interview&from=2026-01-01&to=2026-01-31"));
    const { workbook } = await xlsxRows("interviews", bytes);
    expect(workbook.creator).toBe(`Rita Recruiter <${a.recruiter.email}>`);
    expect(workbook.lastModifiedBy).toBe(`Rita Recruiter <${a.recruiter.email}>`);
    expect(Math.abs(workbook.created.getTime() - Date.now())).toBeLessThan(120_000);
    const sheet = workbook.worksheets[0]!;
    const col = (key: string) => COLUMNS.interviews.findIndex((c) => c.key === key) + 1;
    const row = sheet.getRow(2);
    expect(row.getCell(col("starts_at")).value).toBeInstanceOf(Date);
    expect(row.getCell(col("promised_decision_on")).value).toBeInstanceOf(Date);
    expect(typeof row.getCell(col("hours_to_debrief")).value).toBe("number");
    expect(typeof row.getCell(col("feedback_days_vs_promise")).value).toBe("number");
    expect(row.getCell(col("starts_at")).numFmt).toContain("yyyy-mm-dd");
    const zip = await JSZip.loadAsync(bytes);
    const custom = await zip.file("docProps/custom.xml")!.async("string");
    expect(custom).toContain(`name="Exported by"><vt:lpwstr>Rita Recruiter &lt;${a.recruiter.email}&gt;</vt:lpwstr>`);
    expect(await zip.file("[Content_Types].xml")!.async("string")).toContain('PartName="/docProps/custom.xml"');
    expect(await zip.file("_rels/.rels")!.async("string")).toContain("docProps/custom.xml");
  });

  it("records an audit event per export with who, the filters and the rows", async () => {
    const res = await download("applications.csv", `?client=${data.client2Id}&stage=placed`);
    const runId = res.headers.get("x-export-run")!;
    await bodyBytes(res);
    await waitForRun(runId, "done");
    const [event] = await database.current.db
      .select()
      .from(s.auditEvents)
      .where(and(eq(s.auditEvents.firmId, a.firmId), eq(s.auditEvents.entityId, runId)));
    expect(event).toMatchObject({ action: "report.export", entityType: "export_run", actorUserId: a.recruiter.userId });
    expect(event!.changes).toEqual({
      report: "applications",
      format: "csv",
      filters: { client: data.client2Id, stage: "placed" },
      rows: 1,
      status: "done",
      via: "web",
    });
    const run = await runGet(new Request("http://localhost:3000/"), { params: Promise.resolve({ id: runId }) });
    expect(await run.json()).toMatchObject({ id: runId, status: "done", rows: 1, report: "applications", format: "csv" });
  });

  it("answers 429 to a third export while two run, and runs again once one ends", async () => {
    const first = await download("applications.csv");
    const second = await download("interviews.xlsx");
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    const third = await download("applications.xlsx");
    expect(third.status).toBe(429);
    expect(third.headers.get("retry-after")).toBe("10");
    expect(await third.json()).toEqual({ error: "Two exports are already running for your firm. Try again shortly.", retryAfterSeconds: 10 });
    // Another firm is not held up by this one.
    const other = await exportAs(b, "applications.csv");
    expect(other.status).toBe(200);
    await bodyBytes(other);
    signedInAs(await sessionFor(database.current.db, a, a.recruiter));
    await bodyBytes(first);
    await waitForRun(first.headers.get("x-export-run")!, "done");
    const fourth = await download("applications.csv");
    expect(fourth.status).toBe(200);
    await Promise.all([bodyBytes(second), bodyBytes(fourth)]);
  });

  it("does not count a run left running by a crashed process", async () => {
    const db = database.current.db;
    const stale = new Date(Date.now() - 20 * 60_000);
    await db.insert(s.exportRuns).values([
      { firmId: a.firmId, userId: a.recruiter.userId, report: "applications", format: "csv", startedAt: stale },
      { firmId: a.firmId, userId: a.recruiter.userId, report: "applications", format: "csv", startedAt: stale },
    ]);
    const res = await download("applications.csv");
    expect(res.status).toBe(200);
    await bodyBytes(res);
    const left = await db
      .select({ status: s.exportRuns.status })
      .from(s.exportRuns)
      .where(and(eq(s.exportRuns.firmId, a.firmId), eq(s.exportRuns.startedAt, stale)));
    expect(left.map((r) => r.status)).toEqual(["failed", "failed"]);
  });

  it("cancels a running export and records it as cancelled", async () => {
    const res = await download("interviews.xlsx");
    const runId = res.headers.get("x-export-run")!;
    const cancelled = await cancelPost(new Request(`http://localhost:3000/api/exports/runs/${runId}/cancel`, { method: "POST" }), {
      params: Promise.resolve({ id: runId }),
    });
    expect(await cancelled.json()).toEqual({ status: "cancelled" });
    await res.body!.cancel();
    await waitForRun(runId, "cancelled");
    const events = await database.current.db.select().from(s.auditEvents).where(eq(s.auditEvents.entityId, runId));
    expect(events.map((e) => (e.changes as { status: string }).status)).toEqual(["cancelled"]);
  });

  it("refuses a cancel from another site", async () => {
    const res = await cancelPost(
      new Request("http://localhost:3000/api/exports/runs/x/cancel", { method: "POST", headers: { origin: "https://evil.example", host: "localhost:3000" } }),
      { params: Promise.resolve({ id: a.jobId }) },
    );
    expect(res.status).toBe(403);
  });

  it("answers 422 with a message per field for bad filters", async () => {
    const res = await download("applications.csv", `?from=2026-03-01&to=2026-02-01&client=${b.clientId}&stage=hired`);
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: string; fieldErrors: Record<string, string[]> };
    expect(body.fieldErrors.to).toEqual(["The end date is before the start date."]);
    expect(body.fieldErrors.stage?.[0]).toMatch(/Choose one of the stages/);
    const unknown = await download("applications.csv", `?client=${b.clientId}`);
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors.client).toEqual([
      "That client is not one of this firm's.",
    ]);
  });

  it("answers 401 signed out, 404 to a candidate and for an unknown file", async () => {
    signedInAs(null);
    expect((await download("applications.csv")).status).toBe(401);
    signedInAs(await sessionFor(database.current.db, a, a.candidateUser));
    expect((await download("applications.csv")).status).toBe(404);
    signedInAs(await sessionFor(database.current.db, a, a.recruiter));
    expect((await download("applications.pdf")).status).toBe(404);
    expect((await download("people.csv")).status).toBe(404);
  });

  it("writes the same CSV bytes through COPY and through keyset batches (PostgreSQL)", async () => {
    const db = database.current;
    if (!db.pool) return; // The embedded database has only the batch path; this compares the two on a real server.
    const copied = await bodyBytes(await download("interviews.csv", "?bom=1"));
    copy.unavailable = true;
    try {
      const batched = await bodyBytes(await download("interviews.csv", "?bom=1"));
      expect(batched.toString("utf8")).toBe(copied.toString("utf8"));
    } finally {
      copy.unavailable = false;
    }
  });

  /** Waits for a run to be closed (the writer closes it just after the last byte is read). */
  async function waitForRun(runId: string, status: string) {
    await waitFor(async () => {
      const [run] = await database.current.db.select().from(s.exportRuns).where(eq(s.exportRuns.id, runId));
      return run?.status === status && run.finishedAt !== null;
    });
  }

  async function exportAs(firm: TestFirm, file: string) {
    signedInAs(await sessionFor(database.current.db, firm, firm.recruiter));
    return download(file);
  }
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  expect(await check()).toBe(true);
}
