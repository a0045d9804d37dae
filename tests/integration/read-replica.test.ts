import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import ReportsPage from "@/app/(staff)/reports/page";
import { GET as exportGet } from "@/app/api/exports/[file]/route";
import { GET as pipelineGet } from "@/app/api/v1/pipeline/route";
import { GET as pipelineCsvGet } from "@/app/api/v1/pipeline.csv/route";
import { createApiTokenAction } from "@/app/(staff)/settings/tokens/actions";
import { subscribeToReportAction } from "@/app/(staff)/reports/actions";
import { openDatabase, type Database } from "@/db/client";
import * as s from "@/db/schema";
import { resetEnvCache } from "@/lib/platform/env";
import { submit } from "../helpers/actions";
import { signedInAs, testContext, useDatabaseForRequests } from "../helpers/context";
import { createTestFirm, formData, scopeOf, sessionFor, type TestFirm } from "../helpers/fixtures";
import { dropDatabase, urlForDatabase, withAdmin } from "../helpers/pg-admin";
import { bodyBytes, seedReportData } from "./reports-data";

/**
 * DATABASE_READ_URL on a real server. The read database here is a second
 * database, cloned from the primary and then changed (every candidate and
 * client of firm A renamed "Replica …"), so each answer shows where it was
 * read: the reports page, the BI API and the downloads read the second
 * database; the export's slot, the token's use and the person's report
 * emails stay on the primary; with no read database everything is the primary.
 */
const pgTemplate = inject("pgTemplate");

describe.skipIf(!pgTemplate)("reads that may lag, on DATABASE_READ_URL", () => {
  const names: string[] = [];
  let primary: Database;
  let replica: Database;
  let a: TestFirm;
  let b: TestFirm;
  let token: string;

  const url = (name: string) => urlForDatabase(pgTemplate!.adminUrl, name);
  async function createDatabase(template: string): Promise<string> {
    const name = `${pgTemplate!.prefix}rr_${randomBytes(5).toString("hex")}`;
    await withAdmin(pgTemplate!.adminUrl, (c) => c.query(`create database "${name}" template "${template}"`));
    names.push(name);
    return name;
  }
  const bi = (path: string) => new Request(`http://localhost:3000${path}`, { headers: { authorization: `Bearer ${token}` } });
  const download = (file: string) =>
    exportGet(new Request(`http://localhost:3000/api/exports/${file}`), { params: Promise.resolve({ file }) });
  const candidatesOf = (csv: Buffer) => (parse(csv.toString("utf8"), { columns: true }) as { candidate: string }[]).map((r) => r.candidate);

  beforeAll(async () => {
    // The primary: two firms, firm A's report rows, and a BI token.
    const primaryName = await createDatabase(pgTemplate!.template);
    const seeding = await openDatabase({ url: url(primaryName), poolMax: 2 });
    a = await createTestFirm(seeding.db, "a");
    b = await createTestFirm(seeding.db, "b");
    await seedReportData(seeding.db, a);
    useDatabaseForRequests(seeding);
    signedInAs(await sessionFor(seeding.db, a, a.admin));
    const state = await submit(createApiTokenAction, formData({ name: "BI" }));
    expect(state.ok, JSON.stringify(state)).toBe(true);
    token = state.data!.secret as string;
    signedInAs(null);
    await seeding.close();

    // The read database: the same rows, then made recognisable.
    const replicaName = await createDatabase(primaryName);
    primary = await openDatabase({ url: url(primaryName), poolMax: 4 });
    replica = await openDatabase({ url: url(replicaName), poolMax: 4 });
    await replica.query(`update candidates set name = 'Replica ' || name where firm_id = $1`, [a.firmId]);
    await replica.query(`update clients set name = 'Replica ' || name where firm_id = $1`, [a.firmId]);
    await replica.query(`update applications set stage = 'placed' where firm_id = $1`, [a.firmId]);
    // Read-only from here on, as a hot standby is: a write routed to it fails the test.
    await replica.close();
    await withAdmin(pgTemplate!.adminUrl, (c) => c.query(`alter database "${replicaName}" set default_transaction_read_only = on`));
    replica = await openDatabase({ url: url(replicaName), poolMax: 4 });
    useDatabaseForRequests(primary);
    testContext.readDatabase = replica;
  });

  afterAll(async () => {
    testContext.readDatabase = undefined;
    signedInAs(null);
    await primary?.close();
    await replica?.close();
    for (const name of names.reverse()) await dropDatabase(pgTemplate!.adminUrl, name);
  });

  it("answers the BI API from the read database; the token's use is recorded on the primary", async () => {
    const res = await pipelineGet(bi("/api/v1/pipeline?report=applications&limit=500"));
    expect(res.status).toBe(200);
    const page = (await res.json()) as { data: { candidate: string; client: string }[] };
    expect(page.data.length).toBeGreaterThan(3);
    for (const row of page.data) {
      expect(row.candidate).toMatch(/^Replica /);
      expect(row.client).toMatch(/^Replica /);
    }
    const used = async (db: Database) =>
      (await db.db.select({ at: s.apiTokens.lastUsedAt }).from(s.apiTokens).where(eq(s.apiTokens.firmId, a.firmId)))[0]?.at;
    expect(await used(primary)).toBeInstanceOf(Date);
    expect(await used(replica)).toBeNull();
  });

  it("streams the BI API's CSV from the read database", async () => {
    const res = await pipelineCsvGet(bi("/api/v1/pipeline.csv?report=applications"));
    expect(res.status).toBe(200);
    const names = candidatesOf(await bodyBytes(res));
    expect(names.length).toBeGreaterThan(3);
    for (const n of names) expect(n).toMatch(/^Replica /);
  });

  it.each(["applications.csv", "interviews.csv", "applications.xlsx"])(
    "downloads %s from the read database and keeps the export's slot and audit on the primary",
    async (file) => {
      signedInAs(await sessionFor(primary.db, a, a.recruiter));
      const res = await download(file);
      expect(res.status).toBe(200);
      const body = await bodyBytes(res);
      signedInAs(null);
      const runId = res.headers.get("X-Export-Run")!;
      if (file.endsWith(".csv")) {
        const names = candidatesOf(body);
        expect(names.length).toBeGreaterThan(0);
        for (const n of names) expect(n).toMatch(/^Replica /);
      } else {
        const ExcelJS = (await import("exceljs")).default;
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(body as unknown as ArrayBuffer);
        const text = JSON.stringify(wb.worksheets.map((w) => w.getSheetValues()));
        expect(text).toContain("Replica ");
      }
      await vi.waitFor(async () => {
        const [run] = await primary.db.select().from(s.exportRuns).where(eq(s.exportRuns.id, runId));
        expect(run?.status).toBe("done");
      });
      expect(await replica.db.select().from(s.exportRuns).where(eq(s.exportRuns.id, runId))).toHaveLength(0);
    },
  );

  it("shows the reports page's filter choices from the read database and the person's report emails from the primary", async () => {
    // A report email the person subscribes to now: written to the primary, and the page lists it at once.
    signedInAs(await sessionFor(primary.db, a, a.admin));
    const state = await submit(subscribeToReportAction, formData({ query: "", frequency: "daily", localTime: "07:45" }));
    expect(state.ok, JSON.stringify(state)).toBe(true);
    const subs = (d: Database) => d.db.select().from(s.reportSubscriptions).where(eq(s.reportSubscriptions.userId, a.admin.userId));
    expect(await subs(primary)).toHaveLength(1);
    expect(await subs(replica)).toHaveLength(0);
    // What the page hands its components (their rendering needs a browser's router).
    const html = JSON.stringify(await ReportsPage({ searchParams: Promise.resolve({}) }), (key, value: unknown) =>
      key.startsWith("_") || typeof value === "function" || typeof value === "symbol" ? undefined : value,
    );
    signedInAs(null);
    expect(html).toContain("Replica Beta Corp");
    // The figures too: on the read database every application of the firm is placed.
    const n = (await primary.query<{ n: string }>("select count(*) as n from applications where firm_id = $1", [a.firmId]))[0]!.n;
    expect(Number(n)).toBeGreaterThan(1);
    expect(html).toContain(`${n} placed from ${n} offers`);
    expect(html).toContain("07:45");
    // Not a replica (no recovery): no lag line.
    expect(html).not.toContain("Figures may be up to");
  });

  it("keeps row-level security on the read pool: a scope sees its own firm's rows only", async () => {
    const { readScopeFrom } = await vi.importActual<typeof import("@/db/runtime")>("@/db/runtime");
    const read = readScopeFrom(primary, replica, scopeOf(primary.db, b, b.admin));
    // No firm filter in the statement: row-level security alone keeps firm A's rows out.
    const rows = await read.db.select({ firmId: s.candidates.firmId, name: s.candidates.name }).from(s.candidates);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.firmId === b.firmId)).toBe(true);
    const [who] = await read.db.execute<{ db: string; role: string }>(sql`select current_database() as db, current_user as role`).then(
      (r) => (r as unknown as { rows: { db: string; role: string }[] }).rows,
    );
    expect(who).toEqual({ db: names[1], role: "afterview_app" });
  });

  it("reads everything from the primary when there is no read database", async () => {
    testContext.readDatabase = undefined;
    try {
      const res = await pipelineGet(bi("/api/v1/pipeline?report=applications&limit=500"));
      const page = (await res.json()) as { data: { candidate: string }[] };
      expect(page.data.length).toBeGreaterThan(3);
      for (const row of page.data) expect(row.candidate).not.toMatch(/^Replica /);
      signedInAs(await sessionFor(primary.db, a, a.recruiter));
      const csv = await download("applications.csv");
      signedInAs(null);
      for (const n of candidatesOf(await bodyBytes(csv))) expect(n).not.toMatch(/^Replica /);
    } finally {
      testContext.readDatabase = replica;
    }
  });

  it("opens DATABASE_READ_URL as a second pool, and without it reads from DATABASE_URL (the settings as the app reads them)", async () => {
    const actual = await vi.importActual<typeof import("@/db/runtime")>("@/db/runtime");
    const saved = { ...process.env };
    const currentDb = async (d: Database) => (await d.query<{ db: string }>("select current_database() as db"))[0]!.db;
    try {
      process.env.DATABASE_URL = url(names[0]!);
      process.env.DATABASE_READ_URL = url(names[1]!);
      delete process.env.DATABASE_DIRECT_URL;
      resetEnvCache();
      await actual.closeDatabase();
      expect(await currentDb(await actual.getDatabase())).toBe(names[0]);
      expect(await currentDb(await actual.getReadDatabase())).toBe(names[1]);
      const [app] = await (await actual.getReadDatabase()).query<{ name: string }>("select current_setting('application_name') as name");
      expect(app!.name).toBe(actual.READ_APPLICATION_NAME);
      await actual.closeDatabase();

      delete process.env.DATABASE_READ_URL;
      resetEnvCache();
      expect(await actual.getReadDatabase()).toBe(await actual.getDatabase());
      expect(await actual.readLagSeconds()).toBe(0);
      await actual.closeDatabase();
    } finally {
      await actual.closeDatabase().catch(() => {});
      process.env = saved;
      resetEnvCache();
    }
  });

  it("migrates over DATABASE_DIRECT_URL when it is set", async () => {
    const actual = await vi.importActual<typeof import("@/db/runtime")>("@/db/runtime");
    const empty = `${pgTemplate!.prefix}rr_${randomBytes(5).toString("hex")}`;
    await withAdmin(pgTemplate!.adminUrl, (c) => c.query(`create database "${empty}"`));
    names.push(empty);
    const saved = { ...process.env };
    try {
      process.env.DATABASE_URL = url(names[0]!);
      process.env.DATABASE_DIRECT_URL = url(empty);
      delete process.env.DATABASE_READ_URL;
      resetEnvCache();
      await actual.closeDatabase();
      await actual.getDatabase();
      await actual.closeDatabase();
    } finally {
      process.env = saved;
      resetEnvCache();
    }
    const check = await openDatabase({ url: url(empty), poolMax: 1 });
    try {
      const [row] = await check.query<{ n: string }>("select count(*) as n from drizzle.__drizzle_migrations");
      expect(Number(row!.n)).toBeGreaterThan(10);
    } finally {
      await check.close();
    }
  });
});
