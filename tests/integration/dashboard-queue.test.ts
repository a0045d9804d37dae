import { beforeAll, describe, expect, it } from "vitest";
import { getDashboard, listQueueItems, type QueueItem } from "@/db/queries/dashboard";
import * as s from "@/db/schema";
import { scopeOf } from "../helpers/fixtures";
import { useTwoFirms } from "../helpers/firms";
import { buildQueueFixture, NOW } from "./dashboard-data";

type Fixture = Awaited<ReturnType<typeof buildQueueFixture>>;

const line = (i: QueueItem) => [i.state, i.kind, i.dueAt?.toISOString() ?? null, i.interviewId ?? i.taskId];

describe("the needs-attention queue at a fixed now (Wed 4 Mar 2026, 10:00 New York)", () => {
  const { database, firms: { a, b } } = useTwoFirms();
  let f: Fixture;

  beforeAll(async () => {
    const db = database.current.db;
    f = await buildQueueFixture(db, a);
  });

  it("lists my items, most urgent first, exactly as worked out by hand", async () => {
    const items = await listQueueItems(scopeOf(database.current.db, a, a.recruiter), { view: "mine", now: NOW });
    expect(items.map(line)).toEqual([
      // Overdue, by what is at stake. The second call's time.
      ["overdue", "repeat_calls", "2026-03-03T19:45:00.000Z", f.D.interviewId],
      // Thu 26 Feb 16:00 ET + 2 business days = Mon 2 Mar 16:00 ET.
      ["overdue", "feedback_overdue", "2026-03-02T21:00:00.000Z", f.C.interviewId],
      // Decision promised for Wed 25 Feb: late from the end of that day (ET).
      ["overdue", "decision_overdue", "2026-02-26T04:59:59.999Z", f.D.interviewId],
      // Amended after the review; the review was due 24 h after the end.
      ["overdue", "debrief_to_review", "2026-02-27T15:00:00.000Z", f.I.interviewId],
      ["overdue", "task", "2026-03-03T14:00:00.000Z", f.C.interviewId],
      ["overdue", "task", "2026-03-04T13:00:00.000Z", f.T1.id],
      // Yesterday 11:00 ET + 24 h: due at 11:00 today, an hour from now.
      ["due", "debrief_missing", "2026-03-04T16:00:00.000Z", f.B.interviewId],
      ["due", "debrief_to_review", "2026-03-04T22:30:00.000Z", f.A.interviewId],
      ["due", "task", "2026-03-04T22:00:00.000Z", f.T2.id],
    ]);
  });

  it("merges a policy task into the item it tracks and shows a policy task's rule", async () => {
    const items = await listQueueItems(scopeOf(database.current.db, a, a.recruiter), { view: "mine", now: NOW });
    const review = items.find((i) => i.kind === "debrief_to_review" && i.interviewId === f.A.interviewId)!;
    expect(review.taskId).toBe(f.reviewTaskA.id);
    expect(items.filter((i) => i.taskId === f.reviewTaskA.id)).toHaveLength(1);
    const timeline = items.find((i) => i.taskId === f.T5.id)!;
    expect(timeline.rule).toBe("rule 1");
    expect(timeline.title).toBe("Get a decision timeline from the client");
  });

  it("links each item to where it is resolved", async () => {
    const items = await listQueueItems(scopeOf(database.current.db, a, a.recruiter), { view: "mine", now: NOW });
    const by = (k: string) => items.find((i) => i.kind === k)!;
    expect(by("feedback_overdue").href).toBe(`/interviews/${f.C.interviewId}`);
    expect(by("repeat_calls").href).toBe(`/candidates/${f.D.candidateId}`);
    expect(items.find((i) => i.taskId === f.T1.id)!.href).toBe(`/candidates/${a.candidateId}`);
    expect(by("repeat_calls").title).toBe("Marcus Webb has called the interviewer 2 times");
    expect(by("debrief_to_review").title).toBe("Amended debrief from Ivy Amended to review");
  });

  it("adds the rest of the firm's work in the everyone view", async () => {
    const items = await listQueueItems(scopeOf(database.current.db, a, a.recruiter), { view: "everyone", now: NOW });
    expect(items.map(line)).toEqual([
      ["overdue", "repeat_calls", "2026-03-03T19:45:00.000Z", f.D.interviewId],
      ["overdue", "feedback_overdue", "2026-03-02T21:00:00.000Z", f.C.interviewId],
      ["overdue", "decision_overdue", "2026-02-26T04:59:59.999Z", f.D.interviewId],
      ["overdue", "debrief_missing", "2026-03-03T16:00:00.000Z", f.E.interviewId],
      ["overdue", "debrief_to_review", "2026-02-27T15:00:00.000Z", f.I.interviewId],
      ["overdue", "task", "2026-03-03T14:00:00.000Z", f.C.interviewId],
      ["overdue", "task", "2026-03-04T13:00:00.000Z", f.T1.id],
      ["due", "debrief_missing", "2026-03-04T16:00:00.000Z", f.B.interviewId],
      ["due", "debrief_to_review", "2026-03-04T22:30:00.000Z", f.A.interviewId],
      ["due", "task", "2026-03-04T18:00:00.000Z", f.T6.id],
      ["due", "task", "2026-03-04T22:00:00.000Z", f.T2.id],
    ]);
  });

  it("counts the queue and the week's interviews, and lists my upcoming and finished tasks", async () => {
    const d = (await getDashboard(scopeOf(database.current.db, a, a.recruiter), { view: "mine", now: NOW }))!;
    expect(d.today).toBe("2026-03-04");
    expect(d.counts).toEqual({
      debrief_to_review: 2,
      debrief_missing: 1,
      feedback_overdue: 1,
      decision_overdue: 1,
      repeat_calls: 1,
      task: 3,
      overdue: 6,
      dueToday: 3,
      interviewsToday: 1,
      interviewsThisWeek: 2,
    });
    expect(d.more).toEqual([]);
    expect(d.interviewsToday.map((i) => i.id)).toEqual([f.Htoday.interviewId]);
    expect(d.interviewsThisWeek.map((i) => i.id)).toEqual([f.Hfri.interviewId]);
    expect(d.upcomingTasks.map((t) => t.id)).toEqual([f.T3.id]);
    expect(d.doneToday.map((t) => t.id)).toEqual([f.T7.id]);
  });

  it("moves an item from due to overdue as the clock passes its due time", async () => {
    const later = new Date("2026-03-04T16:30:00Z");
    const items = await listQueueItems(scopeOf(database.current.db, a, a.recruiter), { view: "mine", now: later });
    expect(items.find((i) => i.interviewId === f.B.interviewId && i.kind === "debrief_missing")!.state).toBe("overdue");
  });

  it("shows nothing to a candidate or to another firm", async () => {
    const db = database.current.db;
    expect(await getDashboard(scopeOf(db, a, a.candidateUser), { now: NOW })).toBeNull();
    expect(await listQueueItems(scopeOf(db, a, a.candidateUser), { now: NOW })).toEqual([]);
    const other = await getDashboard(scopeOf(db, b, b.admin), { view: "everyone", now: NOW });
    expect(other!.items).toEqual([]);
    expect(other!.interviewsToday).toEqual([]);
  });

  it("lists at most 100 items of a kind and says when a kind has more", async () => {
    const db = database.current.db;
    const overdueTask = (n: number) => ({
      firmId: b.firmId,
      ownerKind: "recruiter" as const,
      ownerUserId: b.recruiter.userId,
      title: `Overdue task ${n}`,
      dueAt: new Date(NOW.getTime() - (n + 1) * 60_000),
    });
    await db.insert(s.tasks).values(Array.from({ length: 100 }, (_, n) => overdueTask(n)));
    const exactly = (await getDashboard(scopeOf(db, b, b.admin), { view: "everyone", now: NOW }))!;
    expect(exactly.counts.task).toBe(100);
    expect(exactly.more).toEqual([]);

    await db.insert(s.tasks).values(overdueTask(100));
    const over = (await getDashboard(scopeOf(db, b, b.admin), { view: "everyone", now: NOW }))!;
    expect(over.counts.task).toBe(100);
    expect(over.items.filter((i) => i.kind === "task")).toHaveLength(100);
    expect(over.more).toEqual(["task"]);
    // The oldest are listed; the newest one is the one left out.
    expect(over.items.some((i) => i.title === "Overdue task 0")).toBe(false);
  });
});
