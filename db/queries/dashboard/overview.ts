import { tz } from "@date-fns/tz";
import { endOfDay, endOfWeek, startOfDay } from "date-fns";
import { and, asc, eq, gt, gte, inArray, lte, ne, sql, type SQL } from "drizzle-orm";
import { localDateKey } from "@/lib/core/follow-up/business-days";
import { applications, candidates, interviews, tasks } from "../../schema";
import type { QueryScope } from "../scope";
import { boundedCount } from "../keyset";
import { readQueue } from "./queue";
import { firmClock, interviewContext, joinInterviewContext, staff } from "./shared";
import { QUEUE_KINDS, type Dashboard, type DashboardCounts, type DashboardInterview, type DashboardTask, type DashboardView, type FirmClock } from "./types";

/** The firm's zone, holidays and policy: what every date on the staff pages is read in. */
export async function getFirmClock(scope: QueryScope): Promise<FirmClock | null> {
  return firmClock(scope.db, scope.firmId);
}

/**
 * The queue, its counts, today's and this week's interviews and my upcoming
 * tasks. "mine": items on applications I recruit for and tasks I own;
 * "everyone": the whole firm.
 */
export async function getDashboard(
  scope: QueryScope,
  opts: { view?: DashboardView; now?: Date } = {},
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

  const [{ items, more }, interviewsToday, interviewsThisWeek, week, upcomingTasks, doneToday] = await Promise.all([
    readQueue(scope, view, now, clock),
    listInterviews(scope, view, { from: todayStart, to: todayEnd }, TODAY_LISTED),
    listInterviews(scope, view, { after: todayEnd, to: weekEnd, scheduled: true }, LATER_LISTED),
    countInterviews(scope, view, { todayStart, todayEnd, weekEnd }),
    myUpcomingTasks(scope, todayEnd),
    tasksDoneSince(scope, view, todayStart, now),
  ]);

  const counts = Object.fromEntries(QUEUE_KINDS.map((k) => [k, 0])) as DashboardCounts;
  counts.overdue = 0;
  counts.dueToday = 0;
  for (const it of items) {
    counts[it.kind] += 1;
    if (it.state === "overdue") counts.overdue += 1;
    if (it.state === "due") counts.dueToday += 1;
  }
  counts.interviewsToday = week.today;
  counts.interviewsThisWeek = week.today + week.later;
  const interviewCountsCapped = { today: week.todayCapped, later: week.laterCapped, week: week.todayCapped || week.laterCapped };

  return { view, now, timeZone: zone, today, items, counts, more, interviewsToday, interviewsThisWeek, interviewCountsCapped, upcomingTasks, doneToday };
}

/** Today's interviews the dashboard lists (a big firm has hundreds a day): the count says how many there are. */
export const TODAY_LISTED = 12;
/** Later this week's scheduled interviews the dashboard lists. */
export const LATER_LISTED = 6;

/** Interviews not cancelled, of the view (mine: on applications I recruit for). */
function interviewConditions(scope: QueryScope, view: DashboardView): (SQL | undefined)[] {
  const where: (SQL | undefined)[] = [eq(interviews.firmId, scope.firmId), ne(interviews.status, "cancelled")];
  if (view === "mine") where.push(eq(applications.recruiterUserId, scope.userId));
  return where;
}

/** The first `limit` interviews starting in [from, to] (or after `after`, up to `to`), soonest first. */
async function listInterviews(
  scope: QueryScope,
  view: DashboardView,
  range: { from?: Date; after?: Date; to: Date; scheduled?: boolean },
  limit: number,
): Promise<DashboardInterview[]> {
  const where = interviewConditions(scope, view);
  if (range.from) where.push(gte(interviews.startsAt, range.from));
  if (range.after) where.push(gt(interviews.startsAt, range.after));
  where.push(lte(interviews.startsAt, range.to));
  if (range.scheduled) where.push(eq(interviews.status, "scheduled"));
  return joinInterviewContext(
    scope.db
      .select({
        id: interviews.id,
        kind: interviews.kind,
        status: interviews.status,
        startsAt: interviews.startsAt,
        endsAt: interviews.endsAt,
        location: interviews.location,
        candidateId: interviewContext.candidateId,
        candidateName: interviewContext.candidateName,
        jobTitle: interviewContext.jobTitle,
        clientName: interviewContext.clientName,
        recruiterName: interviewContext.recruiterName,
      })
      .from(interviews)
      .$dynamic(),
  )
    .where(and(...where))
    .orderBy(asc(interviews.startsAt), asc(interviews.id))
    .limit(limit);
}

/**
 * How many interviews today, and how many scheduled later this week, each
 * counted up to COUNT_CAP ("1,000+"): a big firm has thousands a day, and
 * counting them all took longer than the rest of the dashboard.
 */
async function countInterviews(
  scope: QueryScope,
  view: DashboardView,
  r: { todayStart: Date; todayEnd: Date; weekEnd: Date },
): Promise<{ today: number; later: number; todayCapped: boolean; laterCapped: boolean }> {
  const select = (n: SQL<number>) => {
    const q = scope.db.select({ n }).from(interviews).$dynamic();
    return view === "mine" ? q.innerJoin(applications, and(eq(applications.firmId, interviews.firmId), eq(applications.id, interviews.applicationId))) : q;
  };
  const where = interviewConditions(scope, view);
  const [today, later] = await Promise.all([
    boundedCount(select, and(...where, gte(interviews.startsAt, r.todayStart), lte(interviews.startsAt, r.todayEnd))),
    boundedCount(select, and(...where, gt(interviews.startsAt, r.todayEnd), lte(interviews.startsAt, r.weekEnd), eq(interviews.status, "scheduled"))),
  ]);
  return { today: today.total, later: later.total, todayCapped: today.totalCapped, laterCapped: later.totalCapped };
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
