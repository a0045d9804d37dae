import { tz } from "@date-fns/tz";
import { endOfDay, endOfWeek, startOfDay } from "date-fns";
import { and, asc, eq, gte, inArray, lte, ne, sql, type SQL } from "drizzle-orm";
import { localDateKey } from "@/lib/core/follow-up/business-days";
import { applications, candidates, clients, interviews, jobs, tasks, users } from "../../schema";
import type { QueryScope } from "../scope";
import { readQueue } from "./queue";
import { firmClock, joinInterviewContext, staff } from "./shared";
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

  const [{ items, more }, ivs, upcomingTasks, doneToday] = await Promise.all([
    readQueue(scope, view, now, clock),
    interviewsBetween(scope, view, todayStart, weekEnd),
    myUpcomingTasks(scope, todayEnd),
    tasksDoneSince(scope, view, todayStart, now),
  ]);
  const interviewsToday = ivs.filter((i) => i.startsAt.getTime() <= todayEnd.getTime());
  const interviewsThisWeek = ivs.filter((i) => i.startsAt.getTime() > todayEnd.getTime() && i.status === "scheduled");

  const counts = Object.fromEntries(QUEUE_KINDS.map((k) => [k, 0])) as DashboardCounts;
  counts.overdue = 0;
  counts.dueToday = 0;
  for (const it of items) {
    counts[it.kind] += 1;
    if (it.state === "overdue") counts.overdue += 1;
    if (it.state === "due") counts.dueToday += 1;
  }
  counts.interviewsToday = interviewsToday.filter((i) => i.status !== "cancelled").length;
  counts.interviewsThisWeek = counts.interviewsToday + interviewsThisWeek.length;

  return { view, now, timeZone: zone, today, items, counts, more, interviewsToday, interviewsThisWeek, upcomingTasks, doneToday };
}

async function interviewsBetween(scope: QueryScope, view: DashboardView, from: Date, to: Date): Promise<DashboardInterview[]> {
  const where: (SQL | undefined)[] = [
    eq(interviews.firmId, scope.firmId),
    gte(interviews.startsAt, from),
    lte(interviews.startsAt, to),
    ne(interviews.status, "cancelled"),
  ];
  if (view === "mine") where.push(eq(applications.recruiterUserId, scope.userId));
  return joinInterviewContext(
    scope.db
      .select({
        id: interviews.id,
        kind: interviews.kind,
        status: interviews.status,
        startsAt: interviews.startsAt,
        endsAt: interviews.endsAt,
        location: interviews.location,
        candidateId: candidates.id,
        candidateName: candidates.name,
        jobTitle: jobs.title,
        clientName: clients.name,
        recruiterName: users.name,
      })
      .from(interviews)
      .$dynamic(),
  )
    .where(and(...where))
    .orderBy(asc(interviews.startsAt), asc(interviews.id))
    .limit(100);
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
