import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { refreshMedians } from "@/db/queries/reports/rollup-build";
import { rollupSql } from "@/db/queries/reports/rollups";
import { rowsOf } from "@/db/queries/reports/sql";
import * as s from "@/db/schema";
import { useFreshDatabase } from "../helpers/db";
import { createTestFirm } from "../helpers/fixtures";
import { seededRandom } from "../helpers/random";

/*
 * The page with no filter takes its medians from value counts (the all-time
 * histogram, worked out into report_rollup_medians when they change) instead
 * of the values themselves: they must be exactly what
 * PostgreSQL's percentile_disc and percentile_cont give over the same values,
 * for odd and even counts, repeated values, negative days and a single value.
 */
describe("the reports page's all-time medians, from value counts", () => {
  const database = useFreshDatabase();

  it("equal percentile_disc and percentile_cont over the values they count", async () => {
    const db = database.current.db;
    const firm = await createTestFirm(db, "medians");
    const next = seededRandom(20261206);
    const sets: number[][] = [[5], [1, 2], [3, 3, 4, 10], [-4, -1, 0, 2], [7, 1, 9], [0, 0], [2, 8, 8, 8, 1, 3]];
    for (let i = 0; i < 40; i++) {
      const n = 1 + Math.floor(next() * 60);
      const spread = 1 + Math.floor(next() * 200);
      sets.push(Array.from({ length: n }, () => Math.floor(next() * spread) - (i % 3 === 0 ? Math.floor(spread / 2) : 0)));
    }
    // Each set is one recruiter's debrief times; the firm's are all of them together.
    const recruiters = sets.map((_, i) => `00000000-0000-4000-8000-${String(i + 1).padStart(12, "0")}`);
    const counts = new Map<string, number>();
    sets.forEach((values, i) => {
      for (const v of values) {
        for (const key of [`recruiter|${recruiters[i]}`, `firm|`]) counts.set(`${key}|${v}`, (counts.get(`${key}|${v}`) ?? 0) + 1);
      }
    });
    await db.insert(s.reportRollupTotals).values([
      { firmId: firm.firmId, basis: "interview", dim: "firm", key: "", rollupRows: 1 },
      ...recruiters.map((key) => ({ firmId: firm.firmId, basis: "interview", dim: "recruiter", key, rollupRows: 1 })),
    ]);
    await db.insert(s.reportRollupValues).values(
      [...counts].map(([k, n]) => {
        const [dim, key, value] = k.split("|") as [string, string, string];
        return { firmId: firm.firmId, dim, key, measure: 1, value: Number(value), n };
      }),
    );

    await refreshMedians(db, firm.firmId);
    const { interviews } = rollupSql({ firmId: firm.firmId }, { filters: { dates: "application" }, timeZone: "UTC", today: "2026-12-06" });
    const rows = rowsOf(await db.execute(sql.raw(interviews)));
    const expected = async (values: number[]) =>
      rowsOf(
        await db.execute(
          sql`select percentile_disc(0.5) within group (order by v::float8)::text as lo, percentile_cont(0.5) within group (order by v::float8)::text as mid
              from unnest(${`{${values.join(",")}}`}::int[]) v`,
        ),
      )[0]!;

    const firmRow = rows.find((r) => Number(r.grp) === 3)!;
    const all = await expected(sets.flat());
    expect([firmRow.tenths_to_debrief_lo, firmRow.tenths_to_debrief_mid]).toEqual([all.lo, all.mid]);
    expect(firmRow.tenths_to_feedback_lo).toBeNull();
    for (const [i, values] of sets.entries()) {
      const row = rows.find((r) => Number(r.grp) === 1 && r.recruiter_id === recruiters[i])!;
      const want = await expected(values);
      expect([row.tenths_to_debrief_lo, row.tenths_to_debrief_mid], JSON.stringify(values)).toEqual([want.lo, want.mid]);
    }
  });
});
