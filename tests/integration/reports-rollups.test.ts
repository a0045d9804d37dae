import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  getReportMetrics,
  getReportRollupStatus,
  getRollupReportMetrics,
  listReportFacts,
  unsafeBackfillReportRollups,
  unsafeRefreshReportRollups,
} from "@/db/queries/reports";
import { periodOfRange, rollupSql } from "@/db/queries/reports/rollups";
import * as s from "@/db/schema";
import { parseReportFilters } from "@/lib/core/reports/filters";
import { computeReportMetrics } from "@/lib/core/reports/metrics";
import { useTwoFirms } from "../helpers/firms";
import { scopeOf, type TestFirm } from "../helpers/fixtures";
import { addEdgeInterviews, seedReportData, type ReportData } from "./reports-data";
import { seededRandom } from "../helpers/random";

/*
 * The reports page reads daily rollups when they are built: its numbers must
 * be those of the rows (getReportMetrics, and computeReportMetrics over the
 * report's rows) as of the rollups' moment — after the backfill, and after any
 * change once the refresh has taken its marks — for every filter the rollups
 * serve.
 */

const TZ = "America/New_York";
const TODAYS = ["2026-02-13", "2026-03-10", "2026-12-31"];
/** Hundreds of comparisons, each of three queries: a limit for a busy machine, not a measure. */
const SLOW = 300_000;

describe("the reports page's daily rollups", () => {
  const { database, firms: { a, b } } = useTwoFirms();
  let data: ReportData;
  const db = () => database.current.db;

  const zoneOf = async (firm: TestFirm) => (await db().select().from(s.firms).where(eq(s.firms.id, firm.firmId)))[0]!.timeZone;

  async function buildRollups(firm: TestFirm) {
    while ((await unsafeBackfillReportRollups(db(), firm.firmId)) !== "done");
    await unsafeRefreshReportRollups(db(), firm.firmId);
  }

  beforeAll(async () => {
    await db().update(s.firms).set({ timeZone: TZ }).where(eq(s.firms.id, a.firmId));
    data = await seedReportData(db(), a);
    await seedReportData(db(), b);
    await addEdgeInterviews(db(), a);
  });

  const fill = (q: string) =>
    q.replace("CLIENT2", data.client2Id).replace("CLIENT1", a.clientId).replace("RITA", a.recruiter.userId).replace("ADMIN", a.admin.userId);

  // Every filter the rollups serve: none, a client, a recruiter, a stage, date ranges by either date.
  const queries = [
    "",
    "?client=CLIENT1",
    "?client=CLIENT2",
    "?recruiter=RITA",
    "?recruiter=ADMIN",
    "?stage=interviewing",
    "?stage=rejected",
    "?from=2026-01-01&to=2026-01-31",
    "?from=2026-02-01&to=2026-03-31&stage=interviewing",
    "?to=2026-02-15",
    "?dates=interview",
    "?dates=interview&client=CLIENT1&stage=interviewing",
    "?dates=interview&from=2026-01-01&to=2026-02-28",
    "?dates=interview&from=2026-03-01&to=2026-03-31",
    "?dates=interview&from=2026-03-09&to=2026-03-09",
    "?client=CLIENT2&dates=interview&from=2026-02-01",
    "?from=2030-01-01&to=2030-01-31",
    // Whole months and quarters, which read the period tables (and ranges next to them, which do not).
    "?from=2026-01-01&to=2026-03-31",
    "?from=2026-02-01&to=2026-02-28",
    "?from=2026-03-01&to=2026-03-31",
    "?from=2026-01-01&to=2026-03-30",
    "?dates=interview&from=2026-01-01&to=2026-03-31",
    "?dates=interview&from=2026-02-01&to=2026-02-28",
    "?from=2026-01-01&to=2026-03-31&client=CLIENT1",
    "?from=2025-10-01&to=2025-12-31",
  ];

  async function compare(firm: TestFirm, timeZone: string, label: string) {
    const scope = scopeOf(db(), firm, firm.admin);
    for (const query of queries) {
      const parsed = parseReportFilters(new URLSearchParams(fill(query)));
      if (!parsed.ok) throw new Error(`bad filters in test: ${query}`);
      for (const today of TODAYS) {
        const input = { filters: parsed.filters, timeZone, today };
        const [rolled, fromSql, facts] = await Promise.all([
          getRollupReportMetrics(scope, input),
          getReportMetrics(scope, input),
          listReportFacts(scope, input),
        ]);
        expect(rolled, `${label}: rollups serve ${query || "no filters"}`).not.toBeNull();
        expect(rolled!.metrics, `${label}: ${query || "no filters"} on ${today}`).toStrictEqual(fromSql);
        expect(rolled!.metrics, `${label}: ${query || "no filters"} on ${today}, rows`).toStrictEqual(computeReportMetrics(facts, { timeZone, today }));
      }
    }
  }

  it("reads the rows until the firm's rollups are built, then gives the rows' numbers from them", { timeout: SLOW }, async () => {
    const scope = scopeOf(db(), a, a.admin);
    const input = { filters: { dates: "application" as const }, timeZone: TZ, today: "2026-03-10" };
    expect(await getRollupReportMetrics(scope, input)).toBeNull();
    // Resumable: one day per batch, a change in the middle, then the rest.
    for (let i = 0; i < 5; i++) await unsafeBackfillReportRollups(db(), a.firmId, 1);
    expect(await getRollupReportMetrics(scope, input)).toBeNull();
    await db().update(s.interviews).set({ status: "cancelled" }).where(eq(s.interviews.id, data.interviews.i1));
    await buildRollups(a);
    await buildRollups(b);
    const status = await getReportRollupStatus(scope);
    expect(status).toMatchObject({ timeZone: TZ, complete: true });
    expect(status!.freshAt).toBeInstanceOf(Date);
    await compare(a, TZ, "after the backfill");
    await compare(b, await zoneOf(b), "firm B after the backfill");
    // Built again from scratch: the same rows (idempotent).
    const rollupRows = async () => {
      const r = await db().execute(sql`select * from report_rollups where firm_id = ${a.firmId} order by 1, 2, 3, 4, 5, 6, 7, 8`);
      return (r as unknown as { rows?: unknown[] }).rows ?? r;
    };
    const before = await rollupRows();
    expect(before).not.toHaveLength(0);
    await db().delete(s.reportRollupState).where(eq(s.reportRollupState.firmId, a.firmId));
    await buildRollups(a);
    expect(await rollupRows()).toEqual(before);
  });

  it("reads one whole month or quarter from its stored sums and medians, any other range from the daily rows", () => {
    expect(periodOfRange("2026-01-01", "2026-03-31")).toBe("2026-Q1");
    expect(periodOfRange("2026-10-01", "2026-12-31")).toBe("2026-Q4");
    expect(periodOfRange("2026-02-01", "2026-02-28")).toBe("2026-02");
    expect(periodOfRange("2024-02-01", "2024-02-29")).toBe("2024-02");
    expect(periodOfRange("2026-12-01", "2026-12-31")).toBe("2026-12");
    for (const [from, to] of [
      ["2026-01-01", "2026-03-30"],
      ["2026-02-01", "2026-04-30"],
      ["2026-01-02", "2026-01-31"],
      ["2026-02-01", "2026-02-29"],
      ["2026-01-01", "2026-12-31"],
      [undefined, "2026-01-31"],
      ["2026-01-01", undefined],
    ] as const) {
      expect(periodOfRange(from, to), `${from}–${to}`).toBeNull();
    }
    const reads = (query: string) => {
      const parsed = parseReportFilters(new URLSearchParams(fill(query)));
      if (!parsed.ok) throw new Error(`bad filters in test: ${query}`);
      const text = rollupSql({ firmId: a.firmId }, { filters: parsed.filters, timeZone: TZ, today: "2026-03-10" });
      return [text.applications, text.interviews, text.weeks].join("\n").includes("report_rollup_period_") ? "period" : "days";
    };
    expect(reads("?from=2026-01-01&to=2026-03-31")).toBe("period");
    expect(reads("?dates=interview&from=2026-02-01&to=2026-02-28")).toBe("period");
    expect(reads("?from=2026-01-01&to=2026-03-30")).toBe("days");
    expect(reads("?from=2026-01-01&to=2026-03-31&client=CLIENT1")).toBe("days");
    expect(reads("?from=2026-01-01&to=2026-03-31&stage=interviewing")).toBe("days");
  });

  it("serves neither a job nor a candidate's own rows, nor another calendar", async () => {
    const scope = scopeOf(db(), a, a.admin);
    expect(await getRollupReportMetrics(scope, { filters: { dates: "application", job: a.jobId }, timeZone: TZ, today: "2026-03-10" })).toBeNull();
    expect(await getRollupReportMetrics(scopeOf(db(), a, a.candidateUser), { filters: { dates: "application" }, timeZone: TZ, today: "2026-03-10" })).toBeNull();
    expect(await getRollupReportMetrics(scope, { filters: { dates: "application" }, timeZone: "UTC", today: "2026-03-10" })).toBeNull();
  });

  it("after random changes, gives the rows' numbers once the refresh has run, and never another firm's", { timeout: SLOW }, async () => {
    const next = seededRandom(17);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
    const apps = await db().select().from(s.applications).where(eq(s.applications.firmId, a.firmId));
    const users = [a.admin.userId, a.recruiter.userId, null];
    const stages = ["submitted", "interviewing", "offer", "placed", "rejected", "withdrawn"] as const;
    const bInput = { filters: { dates: "application" as const }, timeZone: await zoneOf(b), today: "2026-03-10" };
    const bBefore = await getRollupReportMetrics(scopeOf(db(), b, b.admin), bInput);
    expect(bBefore).not.toBeNull();
    for (let round = 0; round < 4; round++) {
      const ivs = await db().select().from(s.interviews).where(eq(s.interviews.firmId, a.firmId));
      for (let k = 0; k < 6; k++) {
        const iv = pick(ivs);
        const app = pick(apps);
        switch (Math.floor(next() * 7)) {
          case 0: {
            const stage = pick(stages);
            await db().update(s.applications).set({ stage, stageChangedAt: new Date() }).where(eq(s.applications.id, app.id));
            await db().insert(s.applicationStageChanges).values({ firmId: a.firmId, applicationId: app.id, fromStage: app.stage, toStage: stage });
            break;
          }
          case 1: {
            // A debrief submitted, or amended (its first submission stays).
            const at = new Date(iv.endsAt.getTime() + Math.floor(next() * 90) * 3_600_000);
            const promised = next() < 0.5 ? null : `2026-03-${String(1 + Math.floor(next() * 28)).padStart(2, "0")}`;
            const [d] = await db().select().from(s.debriefs).where(eq(s.debriefs.interviewId, iv.id));
            if (d) await db().update(s.debriefs).set({ status: "submitted", submittedAt: at, firstSubmittedAt: d.firstSubmittedAt ?? at, expectedDecisionOn: promised }).where(eq(s.debriefs.id, d.id));
            else await db().insert(s.debriefs).values({ firmId: a.firmId, interviewId: iv.id, candidateId: iv.candidateId, status: "submitted", submittedVersions: 1, firstSubmittedAt: at, submittedAt: at, expectedDecisionOn: promised });
            break;
          }
          case 2:
            await db().insert(s.interviewerFeedback).values({
              firmId: a.firmId,
              interviewId: iv.id,
              contactId: a.contactId,
              receivedAt: new Date(iv.endsAt.getTime() + Math.floor(next() * 200) * 3_600_000),
              recommendation: "yes",
              decision: "next_round",
            });
            break;
          case 3:
            await db().update(s.interviews).set({ status: next() < 0.5 ? "cancelled" : "completed" }).where(eq(s.interviews.id, iv.id));
            break;
          case 4: {
            // Rescheduled by up to ten days either way, across days and weeks.
            const shift = Math.floor((next() - 0.5) * 20 * 24) * 3_600_000;
            await db().update(s.interviews).set({ startsAt: new Date(iv.startsAt.getTime() + shift), endsAt: new Date(iv.endsAt.getTime() + shift) }).where(eq(s.interviews.id, iv.id));
            break;
          }
          case 5:
            await db().update(s.applications).set({ recruiterUserId: pick(users) }).where(eq(s.applications.id, app.id));
            break;
          default:
            await db().update(s.jobs).set({ ownerUserId: pick(users) }).where(and(eq(s.jobs.firmId, a.firmId), eq(s.jobs.id, app.jobId)));
        }
      }
      const marks = await db().select().from(s.reportRollupMarks).where(eq(s.reportRollupMarks.firmId, a.firmId));
      expect(marks.length, "every change marks its days").toBeGreaterThan(0);
      expect(await unsafeRefreshReportRollups(db(), a.firmId)).toBeGreaterThan(0);
      await compare(a, TZ, `after round ${round + 1} of changes`);
    }
    // Firm B's rollups moved with none of it.
    const bAfter = await getRollupReportMetrics(scopeOf(db(), b, b.admin), bInput);
    expect(bAfter!.metrics).toStrictEqual(bBefore!.metrics);
  });

  it("works out again the medians of a recruiter whose interviews moved to another", { timeout: SLOW }, async () => {
    await buildRollups(a);
    // Half of Rita's applications go to the admin: her remaining values' medians change, though the
    // days rebuilt now count the admin's instead of hers.
    const ritas = await db()
      .select()
      .from(s.applications)
      .where(and(eq(s.applications.firmId, a.firmId), eq(s.applications.recruiterUserId, a.recruiter.userId)));
    expect(ritas.length).toBeGreaterThan(1);
    for (const app of ritas.filter((_, i) => i % 2 === 0)) {
      await db().update(s.applications).set({ recruiterUserId: a.admin.userId }).where(eq(s.applications.id, app.id));
    }
    expect(await unsafeRefreshReportRollups(db(), a.firmId)).toBeGreaterThan(0);
    await compare(a, TZ, "after moving half of Rita's applications");
  });

  it("queues the refresh in the change's own transaction, once while one waits", async () => {
    const queued = () =>
      db().select().from(s.backgroundJobs).where(and(eq(s.backgroundJobs.firmId, a.firmId), eq(s.backgroundJobs.kind, "reports.rollup"), eq(s.backgroundJobs.state, "queued")));
    await db().delete(s.backgroundJobs).where(eq(s.backgroundJobs.firmId, a.firmId));
    await db().update(s.interviews).set({ status: "completed" }).where(eq(s.interviews.id, data.interviews.i2));
    await db().update(s.interviews).set({ status: "scheduled" }).where(eq(s.interviews.id, data.interviews.i2));
    expect(await queued()).toHaveLength(1);
  });

  it("starts over when the firm's calendar changes, reading the rows meanwhile", { timeout: SLOW }, async () => {
    const scope = scopeOf(db(), a, a.admin);
    await db().update(s.firms).set({ timeZone: "Asia/Kolkata" }).where(eq(s.firms.id, a.firmId));
    expect(await unsafeRefreshReportRollups(db(), a.firmId)).toBe("backfill");
    expect(await getRollupReportMetrics(scope, { filters: { dates: "application" }, timeZone: "Asia/Kolkata", today: "2026-03-10" })).toBeNull();
    await buildRollups(a);
    await compare(a, "Asia/Kolkata", "on the new calendar");
  });
});
