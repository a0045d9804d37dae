import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getReportMetrics, listReportFacts } from "@/db/queries/reports";
import * as s from "@/db/schema";
import { parseReportFilters } from "@/lib/core/reports/filters";
import { medianOfMiddles } from "@/lib/core/reports/aggregates";
import { computeReportMetrics, median } from "@/lib/core/reports/metrics";
import { useTwoFirms } from "../helpers/firms";
import { createTestFirm, scopeOf, type TestFirm } from "../helpers/fixtures";
import { addEdgeInterviews, seedReportData, type ReportData } from "./reports-data";

/*
 * The reports page's numbers come from SQL aggregates (getReportMetrics); the
 * exports' rows and computeReportMetrics define them. On the report fixtures,
 * for many filter combinations, time zones and "today"s, both must give the
 * very same metrics — and a firm's numbers never include another firm's rows.
 */

const TZ = "America/New_York";

describe("the reports page's SQL aggregates", () => {
  const { database, firms: { a, b } } = useTwoFirms();
  let empty: TestFirm;
  let data: ReportData;

  beforeAll(async () => {
    const db = database.current.db;
    empty = await createTestFirm(db, "c");
    await db.update(s.firms).set({ timeZone: TZ }).where(eq(s.firms.id, a.firmId));
    data = await seedReportData(db, a);
    await seedReportData(db, b);
    await addEdgeInterviews(db, a);
    // Firm C has no applications or interviews at all.
    await db.delete(s.interviewParticipants).where(eq(s.interviewParticipants.firmId, empty.firmId));
    await db.delete(s.interviews).where(eq(s.interviews.firmId, empty.firmId));
    await db.delete(s.applications).where(eq(s.applications.firmId, empty.firmId));
  });

  const fill = (q: string) =>
    q
      .replace("CLIENT2", data.client2Id)
      .replace("CLIENT1", a.clientId)
      .replace("JOB1", a.jobId)
      .replace("JOB2", data.job2Id)
      .replace("RITA", a.recruiter.userId)
      .replace("ADMIN", a.admin.userId);

  async function both(firm: TestFirm, query: string, timeZone: string, today: string) {
    const parsed = parseReportFilters(new URLSearchParams(fill(query)));
    if (!parsed.ok) throw new Error(`bad filters in test: ${query}`);
    const scope = scopeOf(database.current.db, firm, firm.admin);
    const [facts, fromSql] = await Promise.all([
      listReportFacts(scope, { filters: parsed.filters, timeZone }),
      getReportMetrics(scope, { filters: parsed.filters, timeZone, today }),
    ]);
    return { fromRows: computeReportMetrics(facts, { timeZone, today }), fromSql, facts };
  }

  const queries = [
    "",
    "?from=2026-01-01&to=2026-01-31",
    "?from=2026-02-01&to=2026-03-31&stage=interviewing",
    "?dates=interview&from=2026-01-01&to=2026-02-28",
    "?dates=interview&from=2026-03-01&to=2026-03-31",
    "?dates=interview&from=2026-03-09&to=2026-03-09",
    "?recruiter=RITA",
    "?recruiter=ADMIN",
    "?client=CLIENT1",
    "?client=CLIENT2",
    "?client=CLIENT2&dates=interview&from=2026-02-01",
    "?job=JOB1",
    "?job=JOB2&recruiter=RITA",
    "?stage=interviewing",
    "?stage=placed",
    "?stage=rejected",
    "?stage=withdrawn",
    "?to=2026-02-15",
    "?from=2030-01-01&to=2030-01-31",
  ];

  for (const query of queries) {
    it(`equals computeReportMetrics over the rows for ${query || "no filters"}`, async () => {
      for (const [timeZone, today] of [
        [TZ, "2026-02-13"],
        [TZ, "2026-02-14"],
        ["UTC", "2026-03-20"],
        ["Asia/Kolkata", "2026-03-02"],
        ["Pacific/Auckland", "2026-12-31"],
      ] as const) {
        const { fromRows, fromSql } = await both(a, query, timeZone, today);
        expect(fromSql, `${query} in ${timeZone} on ${today}`).toStrictEqual(fromRows);
      }
    });
  }

  it("covers the edges it means to: several weeks, groups, promises and medians", async () => {
    const { fromSql } = await both(a, "", TZ, "2026-03-10");
    // Firm A: createTestFirm's application and the seven of the report fixtures.
    expect(fromSql.summary.applications).toBe(8);
    // 1 + 5 of the fixtures + 5 here, less the two cancelled ones.
    expect(fromSql.summary.interviews).toBe(9);
    expect(fromSql.weeks.length).toBeGreaterThan(10);
    expect(fromSql.weeks.some((w) => w.interviews === 0)).toBe(true);
    expect(fromSql.byRecruiter.map((g) => g.id)).toEqual([a.admin.userId, a.recruiter.userId]);
    expect(fromSql.byClient).toHaveLength(2);
    expect(fromSql.promises.reduce((n, p) => n + p.promised, 0)).toBe(6);
    const total = (k: "kept" | "late" | "overdue" | "pending") => fromSql.promises.reduce((n, p) => n + p[k], 0);
    expect([total("kept"), total("late"), total("overdue"), total("pending")]).toEqual([3, 1, 1, 1]);
    // The Sunday-night interview is in the week of Monday 2 March in New York, of 9 March in UTC.
    const weekOf = (weeks: { week: string; interviews: number }[], key: string) => weeks.find((w) => w.week === key)?.interviews;
    expect(weekOf(fromSql.weeks, "2026-03-02")).toBe(2);
    const utc = await both(a, "", "UTC", "2026-03-10");
    expect(weekOf(utc.fromSql.weeks, "2026-03-02")).toBe(1);
    expect(weekOf(utc.fromSql.weeks, "2026-03-09")).toBe(2);
    // Averaging the middle pair the way `median` does (not lower + (upper − lower) / 2).
    expect(medianOfMiddles([0.1, 0.7])).toBe(median([0.7, 0.1]));
    const { fromSql: clientA } = await both(a, "?client=CLIENT1&dates=interview&from=2026-02-28&to=2026-03-09", TZ, "2026-03-10");
    expect(clientA.summary.medianHoursToDebrief).toBe((0.1 + 0.7) / 2);
  });

  it("never counts another firm's rows", async () => {
    // Firm B holds the same fixtures: its numbers are its own, and firm A's are unchanged by them.
    const ofA = await both(a, "", TZ, "2026-02-14");
    const ofB = await both(b, "", "UTC", "2026-02-14");
    expect(ofB.fromSql).toStrictEqual(ofB.fromRows);
    expect(ofB.fromSql.summary.applications).toBe(8);
    expect(ofB.fromSql.summary.interviews).toBe(5);
    const aIds = new Set([...ofA.fromSql.byClient.map((g) => g.id), ...ofA.fromSql.byRecruiter.map((g) => g.id)]);
    for (const g of [...ofB.fromSql.byClient, ...ofB.fromSql.byRecruiter]) expect(aIds.has(g.id)).toBe(false);
    for (const p of ofB.fromSql.promises) expect(aIds.has(p.clientId)).toBe(false);
    // Firm A's ids as filters in firm B's scope select nothing of B's (or A's).
    const scopeB = scopeOf(database.current.db, b, b.admin);
    for (const filters of [{ client: a.clientId }, { job: a.jobId }, { recruiter: a.recruiter.userId }]) {
      const m = await getReportMetrics(scopeB, { filters: { dates: "application", ...filters }, timeZone: "UTC", today: "2026-02-14" });
      expect(m.summary.applications + m.summary.interviews).toBe(0);
      expect([m.byClient, m.byRecruiter, m.weeks, m.promises]).toEqual([[], [], [], []]);
    }
  });

  it("gives the empty metrics for a firm with no applications or interviews", async () => {
    const { fromSql, fromRows, facts } = await both(empty, "", "UTC", "2026-02-14");
    expect(facts.applications).toEqual([]);
    expect(fromSql).toStrictEqual(fromRows);
    expect(fromSql.summary.applications).toBe(0);
    expect(fromSql.funnel.map((s) => s.reached)).toEqual([0, 0, 0, 0, 0]);
  });
});
