import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { BOARD_COLUMN_LIMIT, listApplicationsForJob, moveApplication } from "@/db/queries/applications";
import { useFirm } from "../helpers/firms";
import { scopeOf } from "../helpers/fixtures";

/**
 * A big job's board shows each stage's most recently moved cards, a bounded
 * number of them, and counts every application in the stage.
 */
describe("a job's board", () => {
  const { db, firm } = useFirm("board");

  async function addApplications(stage: "sourced" | "submitted", n: number, base: number) {
    const made = await db()
      .insert(s.candidates)
      .values(Array.from({ length: n }, (_, i) => ({ firmId: firm.firmId, name: `Board ${stage} ${i}`, email: `board-${stage}-${i}@example.com` })))
      .returning({ id: s.candidates.id });
    await db()
      .insert(s.applications)
      .values(
        made.map((c, i) => ({
          firmId: firm.firmId,
          candidateId: c.id,
          jobId: firm.jobId,
          stage,
          stageChangedAt: new Date(base + i * 60_000),
        })),
      );
  }

  async function trueCounts() {
    const rows = await db()
      .select({ stage: s.applications.stage, n: count() })
      .from(s.applications)
      .where(and(eq(s.applications.firmId, firm.firmId), eq(s.applications.jobId, firm.jobId)))
      .groupBy(s.applications.stage);
    return Object.fromEntries(rows.map((r) => [r.stage, Number(r.n)]));
  }

  it("shows at most the limit per stage, the most recently moved, with each stage's true count", async () => {
    await addApplications("sourced", 30, Date.parse("2026-01-01T00:00:00Z"));
    await addApplications("submitted", 7, Date.parse("2026-02-01T00:00:00Z"));
    const scope = scopeOf(db(), firm, firm.recruiter);
    const counts = await trueCounts();
    expect(counts.sourced).toBeGreaterThan(10);

    const board = await listApplicationsForJob(scope, firm.jobId, 10);
    const byStage = new Map<string, typeof board>();
    for (const card of board) byStage.set(card.stage, [...(byStage.get(card.stage) ?? []), card]);
    expect(new Set(byStage.keys())).toEqual(new Set(Object.keys(counts)));
    for (const [stage, cards] of byStage) {
      expect(cards.length).toBe(Math.min(10, counts[stage]!));
      expect(cards.every((c) => c.stageTotal === counts[stage])).toBe(true);
    }
    // The sourced column holds its ten latest moves, newest first.
    const sourced = byStage.get("sourced")!.map((c) => c.candidateName);
    expect(sourced.slice(0, 10)).toEqual(Array.from({ length: 10 }, (_, i) => `Board sourced ${29 - i}`));

    const full = await listApplicationsForJob(scope, firm.jobId);
    expect(BOARD_COLUMN_LIMIT).toBeGreaterThanOrEqual(10);
    expect(full.filter((c) => c.stage === "sourced")).toHaveLength(Math.min(BOARD_COLUMN_LIMIT, counts.sourced!));
  });

  it("puts a card moved out of a cut-off column at the top of its new column", async () => {
    const scope = scopeOf(db(), firm, firm.recruiter);
    const [oldest] = await db()
      .select({ id: s.applications.id, version: s.applications.version })
      .from(s.applications)
      .innerJoin(s.candidates, and(eq(s.candidates.firmId, s.applications.firmId), eq(s.candidates.id, s.applications.candidateId)))
      .where(and(eq(s.applications.firmId, firm.firmId), eq(s.candidates.name, "Board sourced 0")));
    const before = await listApplicationsForJob(scope, firm.jobId, 10);
    expect(before.map((c) => c.id)).not.toContain(oldest!.id);
    const moved = await moveApplication(scope, { id: oldest!.id, version: oldest!.version, stage: "submitted", reason: "" });
    expect(moved.ok).toBe(true);
    const after = await listApplicationsForJob(scope, firm.jobId, 10);
    expect(after.find((c) => c.stage === "submitted")?.id).toBe(oldest!.id);
    const counts = await trueCounts();
    expect(after.find((c) => c.stage === "sourced")?.stageTotal).toBe(counts.sourced);
  });
});
