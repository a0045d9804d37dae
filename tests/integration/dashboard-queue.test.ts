import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDashboard, LATER_LISTED, listQueueItems, TODAY_LISTED, type QueueItem } from "@/db/queries/dashboard";
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

  it("lists, and names, only the items a page shows, and counts every item", async () => {
    const scope = scopeOf(database.current.db, a, a.recruiter);
    const all = (await getDashboard(scope, { view: "everyone", now: NOW }))!;
    const firstTwo = (["overdue", "due", "upcoming"] as const).flatMap((state) => all.items.filter((i) => i.state === state).slice(0, 2));
    const listed = (await getDashboard(scope, { view: "everyone", now: NOW, listed: { perState: 2 } }))!;
    expect(listed.items).toEqual(firstTwo);
    expect(listed.items[0]!.title).toBe("Marcus Webb has called the interviewer 2 times");
    expect(listed.items[1]!.clientName).toBe(all.items[1]!.clientName);
    expect(listed.listedTotals).toEqual({ overdue: 7, due: 4, upcoming: 0 });
    expect(listed.counts).toEqual(all.counts);
    expect(listed.counts.byKind.task).toEqual({ overdue: 2, due: 2, upcoming: 0 });
    expect(listed.counts.byKind.debrief_missing).toEqual({ overdue: 1, due: 1, upcoming: 0 });

    const tasks = (await getDashboard(scope, { view: "everyone", now: NOW, listed: { kind: "task" } }))!;
    expect(tasks.items).toEqual(all.items.filter((i) => i.kind === "task"));
    expect(tasks.listedTotals).toEqual({ overdue: 2, due: 2, upcoming: 0 });
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
      byKind: {
        debrief_to_review: { overdue: 1, due: 1, upcoming: 0 },
        debrief_missing: { overdue: 0, due: 1, upcoming: 0 },
        feedback_overdue: { overdue: 1, due: 0, upcoming: 0 },
        decision_overdue: { overdue: 1, due: 0, upcoming: 0 },
        repeat_calls: { overdue: 1, due: 0, upcoming: 0 },
        task: { overdue: 2, due: 1, upcoming: 0 },
      },
    });
    expect(d.listedTotals).toEqual({ overdue: 6, due: 3, upcoming: 0 });
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

  it("counts today's and the week's interviews past what the card lists, up to 1,000 (\"1,000+\" beyond), and lists the first few of each", async () => {
    const db = database.current.db;
    const MIN = 60_000;
    const interview = (startsAt: Date, status: s.InterviewStatus = "scheduled") => ({
      firmId: b.firmId,
      applicationId: b.applicationId,
      candidateId: b.candidateId,
      kind: "onsite" as const,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 30 * MIN),
      status,
    });
    // 105 today from 10:05 New York (a big firm's day), 8 on Thursday, and some that do not count.
    const today = Array.from({ length: 105 }, (_, n) => interview(new Date(NOW.getTime() + (5 + n) * MIN)));
    const thursday = Array.from({ length: 8 }, (_, n) => interview(new Date(NOW.getTime() + 24 * 60 * MIN + n * 45 * MIN)));
    await db.insert(s.interviews).values([
      ...today,
      ...thursday,
      interview(new Date(NOW.getTime() + 60 * MIN), "cancelled"),
      interview(new Date(NOW.getTime() + 25 * 60 * MIN), "cancelled"),
      // Next Monday: another week.
      interview(new Date(NOW.getTime() + 5 * 24 * 60 * MIN)),
    ]);
    // Read through the stored queue state's recruiter and end time, and, before its backfill is done, without it.
    for (const [who, view, ready] of [
      [b.admin, "everyone", true],
      [b.recruiter, "mine", true],
      [b.recruiter, "mine", false],
    ] as const) {
      await db.update(s.firms).set({ queueStateReady: ready }).where(eq(s.firms.id, b.firmId));
      const d = (await getDashboard(scopeOf(db, b, who), { view, now: NOW }))!;
      const label = ready ? view : `${view}, before the stored queue state is ready`;
      expect(d.counts.interviewsToday, label).toBe(105);
      expect(d.counts.interviewsThisWeek, label).toBe(113);
      expect(d.interviewsToday.map((i) => i.startsAt.getTime()), label).toEqual(today.slice(0, TODAY_LISTED).map((i) => i.startsAt.getTime()));
      expect(d.interviewsThisWeek.map((i) => i.startsAt.getTime()), label).toEqual(thursday.slice(0, LATER_LISTED).map((i) => i.startsAt.getTime()));
      expect(d.interviewCountsCapped, label).toEqual({ today: false, later: false, week: false });
    }
    await db.update(s.firms).set({ queueStateReady: true }).where(eq(s.firms.id, b.firmId));
    // Past 1,000 a count stops, and says so ("1,000+"), rather than read a big firm's whole day.
    await db.insert(s.interviews).values(Array.from({ length: 900 }, (_, n) => interview(new Date(NOW.getTime() + (200 + n / 2) * MIN))));
    const busy = (await getDashboard(scopeOf(db, b, b.admin), { view: "everyone", now: NOW }))!;
    expect([busy.counts.interviewsToday, busy.counts.interviewsThisWeek]).toEqual([1000, 1008]);
    expect(busy.interviewCountsCapped).toEqual({ today: true, later: false, week: true });
    expect(busy.interviewsToday).toHaveLength(TODAY_LISTED);
    // Not someone else's, in "mine".
    const admins = (await getDashboard(scopeOf(db, b, b.admin), { view: "mine", now: NOW }))!;
    expect([admins.counts.interviewsToday, admins.counts.interviewsThisWeek, admins.interviewsToday.length]).toEqual([0, 0, 0]);
  });
});
