import { beforeAll, describe, expect, it } from "vitest";
import type { QueryScope } from "@/db/queries/scope";
import { openReportCopy, openReportCursor, type CopyStream } from "@/db/queries/reports";
import { useTwoFirms } from "../helpers/firms";
import { scopeOf } from "../helpers/fixtures";

async function readAll(copy: CopyStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of copy.stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

const query = { report: "interviews", filters: { dates: "application" }, timeZone: "UTC" } as const;

/**
 * The streamed exports (COPY for CSV, a cursor for XLSX) run on the scope's
 * own connection, under row-level security: a scope whose firm id is forged
 * — the SQL's `firm_id = …` filters name another firm — still reads only
 * rows of the firm its connection is for. On the embedded database there is
 * no stream (the export reads keyset pages through the scope) and no policy
 * applies, so these checks are for PostgreSQL.
 */
describe("streamed report exports under row-level security (PostgreSQL)", () => {
  const { database, firms: { a, b } } = useTwoFirms({ names: ["stream-a", "stream-b"] });
  let forged: QueryScope;
  let ownA: QueryScope;

  beforeAll(async () => {
    const db = database.current.db;
    ownA = scopeOf(db, a, a.admin);
    // Firm B's connection, with firm A's id where the SQL filters by firm.
    forged = { ...scopeOf(db, b, b.admin), firmId: a.firmId };
  });

  it("COPY gives firm A's rows to firm A and none to a scope forged to name firm A", async () => {
    if (!database.current.pool) return;
    const own = await readAll((await openReportCopy(ownA, query))!);
    expect(own).toContain(a.interviewId);
    const copy = (await openReportCopy(forged, query))!;
    const text = await readAll(copy);
    expect(text.trim().split("\n")).toHaveLength(1); // the header only
    expect(copy.rowCount()).toBe(0);
    expect(text).not.toContain(a.interviewId);
  });

  it("the cursor gives firm A's rows to firm A and none to a scope forged to name firm A", async () => {
    if (!database.current.pool) return;
    const own = (await openReportCursor(ownA, query))!;
    try {
      expect((await own.next(100)).map((r) => r.interview_id)).toContain(a.interviewId);
    } finally {
      await own.close();
    }
    const cursor = (await openReportCursor(forged, query))!;
    try {
      expect(await cursor.next(100)).toEqual([]);
    } finally {
      await cursor.close();
    }
  });

  it("gives each connection back without the app role or the firm", async () => {
    const pool = database.current.pool;
    if (!pool) return;
    // Every connection is checked out and returned by the streams above and here: none keeps the role or the firm.
    const copy = (await openReportCopy(scopeOf(database.current.db, b, b.recruiter), query))!;
    await readAll(copy);
    const clients = await Promise.all(Array.from({ length: pool.totalCount }, () => pool.connect()));
    try {
      for (const client of clients) {
        const { rows } = await client.query(
          "select current_user as role, coalesce(current_setting('app.firm_id', true), '') as firm, coalesce(current_setting('app.user_id', true), '') as person",
        );
        expect(rows[0]).toEqual({ role: expect.not.stringMatching(/^afterview_app$/), firm: "", person: "" });
      }
    } finally {
      for (const client of clients) client.release();
    }
  });
});
