import { tz } from "@date-fns/tz";
import { endOfDay, endOfWeek, startOfDay } from "date-fns";
import { and, asc, eq, gt, gte, inArray, lte, ne, sql, type SQL } from "drizzle-orm";
import { localDateKey } from "@/lib/core/follow-up/business-days";
import type { PgSelect } from "drizzle-orm/pg-core";
import { applications, candidates, interviewQueue, interviews, LONGEST_ROUND_MS, tasks } from "../../schema";
import type { QueryScope } from "../scope";
import { boundedCount } from "../keyset";
import { nameItems, readQueue } from "./queue";
import { firmClock, interviewContext, interviewNames, joinInterviewContext, staff, type DraftItem } from "./shared";
import { QUEUE_KINDS, type Dashboard, type DashboardCounts, type DashboardInterview, type DashboardTask, type DashboardView, type FirmClock, type QueueKind, type QueueState } from "./types";

/** The firm's zone, holidays and policy: what every date on the staff pages is read in. */
export async function getFirmClock(scope: QueryScope): Promise<FirmClock | null> {
  return firmClock(scope.db, scope.firmId);
}

/**
 * Which of the queue's items the page lists (and so reads names for): one
 * kind's, and at most `perState` of each state (overdue, due, upcoming).
 * Without it, every item.
 */
export type Listed = { kind?: QueueKind; perState?: number };

/**
 * The queue, its counts, today's and this week's interviews and my upcoming
 * tasks. "mine": items on applications I recruit for and tasks I own;
 * "everyone": the whole firm.
 */
export async function getDashboard(
  scope: QueryScope,
  opts: { view?: DashboardView; now?: Date; listed?: Listed } = {},
): Promise<Dashboard | null> {
  if (!staff(scope)) return null;
  const clock = await firmClock(scope.db, scope.firmId);
  if (!clock) return null;
  const view = opts.view ?? "mine";
  const now = opts.now ?? new Date();
  const zone = clock.timeZone;
  const todayStart = new Date(startOfDay(now, { in: tz(zone) }).getTime());
  const todayEnd = new Date(endOfDay(now, { in: tz(zone) }).getTime());
  const weekEnd = new Date(endOfWeek(now, { in: tz(zone), weekStartsOn: 1 }).getTime());
  const today = localDateKey(now, zone);

  const calendar: Calendar = { scope, view, stored: clock.storedQueue };
  const todaySpan: Span = { from: todayStart, to: todayEnd };
  const laterSpan: Span = { from: todayEnd, after: true, to: weekEnd, scheduled: true };
  const [{ drafts, more }, interviewsToday, interviewsThisWeek, todayCount, laterCount, upcomingTasks, doneToday] = await Promise.all([
    readQueue(scope, view, now, clock),
    listInterviews(calendar, todaySpan, TODAY_LISTED),
    listInterviews(calendar, laterSpan, LATER_LISTED),
    countInterviews(calendar, todaySpan),
    countInterviews(calendar, laterSpan),
    myUpcomingTasks(scope, todayEnd),
    tasksDoneSince(scope, view, todayStart, now),
  ]);

  const counts = Object.fromEntries(QUEUE_KINDS.map((k) => [k, 0])) as unknown as DashboardCounts;
  counts.overdue = 0;
  counts.dueToday = 0;
  counts.byKind = Object.fromEntries(QUEUE_KINDS.map((k) => [k, { overdue: 0, due: 0, upcoming: 0 }])) as DashboardCounts["byKind"];
  const listedTotals: Record<QueueState, number> = { overdue: 0, due: 0, upcoming: 0 };
  const toName: DraftItem[] = [];
  for (const it of drafts) {
    counts[it.kind] += 1;
    counts.byKind[it.kind][it.state] += 1;
    if (it.state === "overdue") counts.overdue += 1;
    if (it.state === "due") counts.dueToday += 1;
    if (opts.listed?.kind && it.kind !== opts.listed.kind) continue;
    listedTotals[it.state] += 1;
    if (opts.listed?.perState === undefined || listedTotals[it.state] <= opts.listed.perState) toName.push(it);
  }
  const items = await nameItems(scope, toName);
  counts.interviewsToday = todayCount.total;
  counts.interviewsThisWeek = todayCount.total + laterCount.total;
  const interviewCountsCapped = { today: todayCount.totalCapped, later: laterCount.totalCapped, week: todayCount.totalCapped || laterCount.totalCapped };

  return { view, now, timeZone: zone, today, items, listedTotals, counts, more, interviewsToday, interviewsThisWeek, interviewCountsCapped, upcomingTasks, doneToday };
}

/** Today's interviews the dashboard lists (a big firm has hundreds a day): the count says how many there are. */
export const TODAY_LISTED = 12;
/** Later this week's scheduled interviews the dashboard lists. */
export const LATER_LISTED = 6;

/** Whose calendar: the firm's, or mine (read through interview_queue once the firm's stored queue state is ready). */
type Calendar = { scope: QueryScope; view: DashboardView; stored: boolean };
/** Interviews not cancelled that start in [from, to], or in (from, to] when `after`; only scheduled ones when asked. */
type Span = { from: Date; to: Date; after?: boolean; scheduled?: boolean };

function spanConditions(c: Calendar, s: Span): SQL | undefined {
  const where: (SQL | undefined)[] = [
    eq(interviews.firmId, c.scope.firmId),
    ne(interviews.status, "cancelled"),
    s.after ? gt(interviews.startsAt, s.from) : gte(interviews.startsAt, s.from),
    lte(interviews.startsAt, s.to),
  ];
  if (s.scheduled) where.push(eq(interviews.status, "scheduled"));
  if (c.view === "mine") where.push(eq(applications.recruiterUserId, c.scope.userId));
  return and(...where);
}

/**
 * "Mine" through interview_queue's recruiter and end-time index
 * (`interview_queue_mine_calendar_idx`): a recruiter's week rather than the
 * firm's (a big firm's week holds 61,000 interviews, and checking each one's
 * application took 100 ms). A round ends within LONGEST_ROUND_MS of its start,
 * so its end bounds the span from both sides. Until the stored queue state is
 * ready the select is left to the applications join.
 */
function mineThroughQueue<T extends PgSelect>(c: Calendar, select: T, s: Span): T {
  if (c.view !== "mine" || !c.stored) return select;
  return select.innerJoin(
    interviewQueue,
    and(
      eq(interviewQueue.firmId, interviews.firmId),
      eq(interviewQueue.interviewId, interviews.id),
      eq(interviewQueue.recruiterUserId, c.scope.userId),
      gt(interviewQueue.endsAt, s.from),
      lte(interviewQueue.endsAt, new Date(s.to.getTime() + LONGEST_ROUND_MS)),
    ),
  ) as unknown as T;
}

/** The first `limit` interviews of the span, soonest first. */
async function listInterviews(c: Calendar, s: Span, limit: number): Promise<DashboardInterview[]> {
  const select = joinInterviewContext(
    c.scope.db
      .select({
        id: interviews.id,
        kind: interviews.kind,
        status: interviews.status,
        startsAt: interviews.startsAt,
        endsAt: interviews.endsAt,
        location: interviews.location,
        candidateId: interviewContext.candidateId,
        ...interviewNames,
      })
      .from(interviews)
      .$dynamic(),
  );
  return mineThroughQueue(c, select, s)
    .where(spanConditions(c, s))
    .orderBy(asc(interviews.startsAt), asc(interviews.id))
    .limit(limit);
}

/**
 * How many interviews the span holds, counted up to COUNT_CAP ("1,000+"): a
 * big firm has thousands a day, and counting them all took longer than the
 * rest of the dashboard.
 */
function countInterviews(c: Calendar, s: Span): Promise<{ total: number; totalCapped: boolean }> {
  const select = (n: SQL<number>) => {
    const q = c.scope.db.select({ n }).from(interviews).$dynamic();
    // The application only for "mine": the firm's count needs no join.
    return mineThroughQueue(c, c.view === "mine" ? joinInterviewContext(q) : q, s);
  };
  return boundedCount(select, spanConditions(c, s));
}

/** A task as the dashboard lists it, with its candidate's name. */
const taskColumns = {
  id: tasks.id,
  title: tasks.title,
  dueAt: tasks.dueAt,
  rule: tasks.rule,
  version: tasks.version,
  candidateId: tasks.candidateId,
  candidateName: candidates.name,
  interviewId: tasks.interviewId,
};
const taskCandidateJoin = and(eq(candidates.firmId, tasks.firmId), eq(candidates.id, tasks.candidateId));

async function myUpcomingTasks(scope: QueryScope, todayEnd: Date): Promise<DashboardTask[]> {
  return scope.db
    .select({
      ...taskColumns,
    })
    .from(tasks)
    .leftJoin(candidates, taskCandidateJoin)
    .where(
      and(
        eq(tasks.firmId, scope.firmId),
        eq(tasks.ownerUserId, scope.userId),
        eq(tasks.state, "open"),
        sql`(${tasks.dueAt} is null or ${tasks.dueAt} > ${todayEnd})`,
      ),
    )
    .orderBy(sql`${tasks.dueAt} asc nulls last`, asc(tasks.id))
    .limit(8);
}

async function tasksDoneSince(scope: QueryScope, view: DashboardView, since: Date, now: Date) {
  const where: (SQL | undefined)[] = [
    eq(tasks.firmId, scope.firmId),
    eq(tasks.ownerKind, "recruiter"),
    inArray(tasks.state, ["done", "skipped"]),
    gte(tasks.completedAt, since),
    lte(tasks.completedAt, now),
  ];
  if (view === "mine") where.push(eq(tasks.completedBy, scope.userId));
  const rows = await scope.db
    .select({
      ...taskColumns,
      completedAt: tasks.completedAt,
      state: tasks.state,
    })
    .from(tasks)
    .leftJoin(candidates, taskCandidateJoin)
    .where(and(...where))
    .orderBy(sql`${tasks.completedAt} desc`, asc(tasks.id))
    .limit(10);
  return rows.map((r) => ({ ...r, completedAt: r.completedAt!, state: r.state as "done" | "skipped" }));
}
