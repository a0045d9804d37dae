import { tz } from "@date-fns/tz";
import { endOfDay, endOfWeek, startOfDay } from "date-fns";
import { and, asc, eq, gte, inArray, isNotNull, lt, lte, ne, notInArray, sql, type SQL } from "drizzle-orm";
import { addBusinessDaysInZone, dateAtLocalHour, formatDay, formatMoment, localDateKey } from "@/lib/core/follow-up/business-days";
import type { DbOrTx } from "../client";
import {
  applications,
  callLogs,
  candidates,
  clients,
  debriefs,
  DEFAULT_POLICY,
  emailOutbox,
  firms,
  interviewerFeedback,
  interviews,
  jobs,
  memberships,
  tasks,
  users,
  type FollowUpPolicySettings,
} from "../schema";
import type { InterviewKind, InterviewStatus, Role } from "../schema/enums";
import type { QueryScope } from "./scope";

/**
 * The recruiter's "needs attention" queue: what is overdue, what is due today,
 * what is coming, each item linking to the page where it is resolved. Every
 * query takes an optional `now` so a fixed data set gives a fixed queue.
 */

export type DashboardView = "mine" | "everyone";

export const QUEUE_KINDS = [
  "debrief_to_review",
  "debrief_missing",
  "feedback_overdue",
  "decision_overdue",
  "repeat_calls",
  "task",
] as const;
export type QueueKind = (typeof QUEUE_KINDS)[number];

/** overdue: past its due time · due: due later today · upcoming: due after today, or no deadline. */
export type QueueState = "overdue" | "due" | "upcoming";

export type QueueItem = {
  /** Stable within a queue: `<kind>:<record id>`. */
  key: string;
  kind: QueueKind;
  state: QueueState;
  /** When it is (or was) due; for repeat calls, the latest call. */
  dueAt: Date | null;
  title: string;
  detail: string;
  /** Where it is resolved. */
  href: string;
  candidateId: string | null;
  candidateName: string | null;
  clientName: string | null;
  jobTitle: string | null;
  interviewId: string | null;
  /** The task this item is (or the policy task that tracks it). */
  taskId: string | null;
  taskVersion: number | null;
  /** "rule 3" for items the follow-up policy asks for. */
  rule: string | null;
  /** The recruiter who owns it: the application's recruiter, or the task's owner. */
  ownerUserId: string | null;
  ownerName: string | null;
};

export type DashboardInterview = {
  id: string;
  kind: InterviewKind;
  status: InterviewStatus;
  startsAt: Date;
  endsAt: Date;
  location: string;
  candidateId: string;
  candidateName: string;
  jobTitle: string;
  clientName: string;
  recruiterName: string | null;
};

export type DashboardTask = {
  id: string;
  title: string;
  dueAt: Date | null;
  rule: string | null;
  version: number;
  candidateId: string | null;
  candidateName: string | null;
  interviewId: string | null;
};

export type DashboardCounts = Record<QueueKind, number> & {
  overdue: number;
  dueToday: number;
  interviewsToday: number;
  interviewsThisWeek: number;
};

export type Dashboard = {
  view: DashboardView;
  now: Date;
  timeZone: string;
  /** 'YYYY-MM-DD' today in the firm's zone. */
  today: string;
  items: QueueItem[];
  counts: DashboardCounts;
  interviewsToday: DashboardInterview[];
  /** The rest of the calendar week (Monday to Sunday), after today. */
  interviewsThisWeek: DashboardInterview[];
  /** Open tasks of mine due after today or without a date, soonest first. */
  upcomingTasks: DashboardTask[];
  /** Tasks finished today (mine, or everyone's), latest first. */
  doneToday: (DashboardTask & { completedAt: Date; state: "done" | "skipped" })[];
};

export type FirmClock = { timeZone: string; holidays: string[]; policy: FollowUpPolicySettings };

/** Items of one kind are capped so a neglected firm's dashboard stays a page, not a dump. */
const KIND_LIMIT = 100;
/** Repeat calls older than this are history, not something to act on now. */
const CALL_WINDOW_DAYS = 14;
const CLOSED_STAGES = ["rejected", "withdrawn", "placed"] as const;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function firmClock(db: DbOrTx, firmId: string): Promise<FirmClock | null> {
  const [row] = await db
    .select({ timeZone: firms.timeZone, holidays: firms.holidays, policy: firms.policy })
    .from(firms)
    .where(eq(firms.id, firmId))
    .limit(1);
  if (!row) return null;
  return { timeZone: row.timeZone, holidays: row.holidays, policy: { ...DEFAULT_POLICY, ...row.policy } };
}

/** The firm's zone, holidays and policy: what every date on the staff pages is read in. */
export async function getFirmClock(scope: QueryScope): Promise<FirmClock | null> {
  return firmClock(scope.db, scope.firmId);
}

function staff(scope: QueryScope): boolean {
  return scope.role !== "candidate" && !scope.candidateId;
}

/** A policy step the recruiter chose to skip is no longer asked of them. */
function notSkipped(policyKey: string): SQL {
  return sql`not exists (select 1 from ${tasks} where ${tasks.firmId} = ${interviews.firmId} and ${tasks.interviewId} = ${interviews.id} and ${tasks.policyKey} = ${policyKey} and ${tasks.state} = 'skipped')`;
}

/** The columns every interview-based item needs. */
const interviewContext = {
  interviewId: interviews.id,
  endsAt: interviews.endsAt,
  startsAt: interviews.startsAt,
  kind: interviews.kind,
  arrangedByFirm: interviews.arrangedByFirm,
  candidateId: candidates.id,
  candidateName: candidates.name,
  jobTitle: jobs.title,
  clientName: clients.name,
  recruiterUserId: applications.recruiterUserId,
  recruiterName: users.name,
};

function interviewBase(scope: QueryScope, view: DashboardView, extra: (SQL | undefined)[]) {
  const where: (SQL | undefined)[] = [eq(interviews.firmId, scope.firmId), ...extra];
  if (view === "mine") where.push(eq(applications.recruiterUserId, scope.userId));
  return and(...where);
}

const KIND_LABEL: Record<InterviewKind, string> = {
  phone_screen: "phone screen",
  video: "video interview",
  onsite: "onsite",
  panel: "panel",
  final: "final round",
};

function stateOf(dueAt: Date | null, now: Date, endOfToday: Date): QueueState {
  if (!dueAt) return "upcoming";
  if (dueAt.getTime() < now.getTime()) return "overdue";
  if (dueAt.getTime() <= endOfToday.getTime()) return "due";
  return "upcoming";
}

const STATE_RANK: Record<QueueState, number> = { overdue: 0, due: 1, upcoming: 2 };
const KIND_RANK: Record<QueueKind, number> = {
  repeat_calls: 0,
  feedback_overdue: 1,
  decision_overdue: 2,
  debrief_missing: 3,
  debrief_to_review: 4,
  task: 5,
};

/**
 * Most urgent first: overdue, then due today, then the rest. Within a group,
 * by what is at stake — a candidate calling the interviewer again, a client's
 * late feedback, a promised decision, a missing debrief, a debrief to read,
 * then tasks — and then the longest waiting first.
 */
export function compareQueueItems(a: QueueItem, b: QueueItem): number {
  if (a.state !== b.state) return STATE_RANK[a.state] - STATE_RANK[b.state];
  if (a.kind !== b.kind) return KIND_RANK[a.kind] - KIND_RANK[b.kind];
  const at = a.dueAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const bt = b.dueAt?.getTime() ?? Number.POSITIVE_INFINITY;
  if (at !== bt) return at - bt;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
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

  const [items, ivs, upcomingTasks, doneToday] = await Promise.all([
    queueItems(scope, view, now, clock),
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

  return { view, now, timeZone: zone, today, items, counts, interviewsToday, interviewsThisWeek, upcomingTasks, doneToday };
}

/** The queue alone, most urgent first (the digest and the tests read it). */
export async function listQueueItems(
  scope: QueryScope,
  opts: { view?: DashboardView; now?: Date } = {},
): Promise<QueueItem[]> {
  if (!staff(scope)) return [];
  const clock = await firmClock(scope.db, scope.firmId);
  if (!clock) return [];
  return queueItems(scope, opts.view ?? "mine", opts.now ?? new Date(), clock);
}

async function queueItems(scope: QueryScope, view: DashboardView, now: Date, clock: FirmClock): Promise<QueueItem[]> {
  const zone = clock.timeZone;
  const todayEnd = new Date(endOfDay(now, { in: tz(zone) }).getTime());
  const today = localDateKey(now, zone);
  const policy = clock.policy;
  const debriefWindow = policy.debriefWithinHours * HOUR;

  const base = () =>
    scope.db
      .select(interviewContext)
      .from(interviews)
      .innerJoin(applications, and(eq(applications.firmId, interviews.firmId), eq(applications.id, interviews.applicationId)))
      .innerJoin(candidates, and(eq(candidates.firmId, interviews.firmId), eq(candidates.id, interviews.candidateId)))
      .innerJoin(jobs, and(eq(jobs.firmId, applications.firmId), eq(jobs.id, applications.jobId)))
      .innerJoin(clients, and(eq(clients.firmId, jobs.firmId), eq(clients.id, jobs.clientId)))
      .leftJoin(users, eq(users.id, applications.recruiterUserId));

  const happened = inArray(interviews.status, ["scheduled", "completed"]);
  const open = notInArray(applications.stage, [...CLOSED_STAGES]);
  const submittedDebrief = sql`exists (select 1 from ${debriefs} where ${debriefs.firmId} = ${interviews.firmId} and ${debriefs.interviewId} = ${interviews.id} and ${debriefs.status} = 'submitted')`;
  const anyFeedback = sql`exists (select 1 from ${interviewerFeedback} where ${interviewerFeedback.firmId} = ${interviews.firmId} and ${interviewerFeedback.interviewId} = ${interviews.id})`;
  const decisionIn = sql`exists (select 1 from ${interviewerFeedback} where ${interviewerFeedback.firmId} = ${interviews.firmId} and ${interviewerFeedback.interviewId} = ${interviews.id} and ${interviewerFeedback.decision} is not null)`;
  const laterRound = sql`exists (select 1 from ${interviews} i2 where i2.firm_id = ${interviews.firmId} and i2.application_id = ${interviews.applicationId} and i2.starts_at > ${interviews.startsAt} and i2.status <> 'cancelled')`;

  const [toReview, missing, noFeedback, undecided, calls, dueTasks] = await Promise.all([
    // Submitted and not reviewed since (an amendment after a review needs another look).
    scope.db
      .select({
        ...interviewContext,
        debriefId: debriefs.id,
        submittedAt: debriefs.submittedAt,
        submittedVersions: debriefs.submittedVersions,
        reviewedAt: debriefs.reviewedAt,
        expectedDecisionOn: debriefs.expectedDecisionOn,
        notMentioned: debriefs.notMentioned,
        timelineGiven: debriefs.timelineGiven,
      })
      .from(debriefs)
      .innerJoin(interviews, and(eq(interviews.firmId, debriefs.firmId), eq(interviews.id, debriefs.interviewId)))
      .innerJoin(applications, and(eq(applications.firmId, interviews.firmId), eq(applications.id, interviews.applicationId)))
      .innerJoin(candidates, and(eq(candidates.firmId, interviews.firmId), eq(candidates.id, interviews.candidateId)))
      .innerJoin(jobs, and(eq(jobs.firmId, applications.firmId), eq(jobs.id, applications.jobId)))
      .innerJoin(clients, and(eq(clients.firmId, jobs.firmId), eq(clients.id, jobs.clientId)))
      .leftJoin(users, eq(users.id, applications.recruiterUserId))
      .where(
        and(
          eq(debriefs.firmId, scope.firmId),
          interviewBase(scope, view, [
            eq(debriefs.status, "submitted"),
            sql`(${debriefs.reviewedAt} is null or ${debriefs.reviewedAt} < ${debriefs.submittedAt})`,
            notSkipped("review_debrief"),
          ]),
        ),
      )
      .orderBy(asc(debriefs.submittedAt))
      .limit(KIND_LIMIT),
    // Over, with no submitted debrief, and due (rule 3) by the end of today.
    base()
      .where(
        interviewBase(scope, view, [
          happened,
          open,
          eq(interviews.arrangedByFirm, true),
          lt(interviews.endsAt, now),
          lte(interviews.endsAt, new Date(todayEnd.getTime() - debriefWindow)),
          sql`not ${submittedDebrief}`,
          notSkipped("debrief"),
        ]),
      )
      .orderBy(asc(interviews.endsAt))
      .limit(KIND_LIMIT),
    // No feedback yet; the business-day deadline is worked out below (a
    // business day is at least a calendar day, so this bound is safe).
    base()
      .where(
        interviewBase(scope, view, [
          happened,
          open,
          lt(interviews.endsAt, new Date(now.getTime() - policy.feedbackWithinBusinessDays * DAY)),
          sql`not ${anyFeedback}`,
          notSkipped("collect_feedback"),
        ]),
      )
      .orderBy(asc(interviews.endsAt))
      .limit(KIND_LIMIT * 2),
    // A decision was promised for a date before today and none came.
    scope.db
      .select({ ...interviewContext, expectedDecisionOn: debriefs.expectedDecisionOn })
      .from(debriefs)
      .innerJoin(interviews, and(eq(interviews.firmId, debriefs.firmId), eq(interviews.id, debriefs.interviewId)))
      .innerJoin(applications, and(eq(applications.firmId, interviews.firmId), eq(applications.id, interviews.applicationId)))
      .innerJoin(candidates, and(eq(candidates.firmId, interviews.firmId), eq(candidates.id, interviews.candidateId)))
      .innerJoin(jobs, and(eq(jobs.firmId, applications.firmId), eq(jobs.id, applications.jobId)))
      .innerJoin(clients, and(eq(clients.firmId, jobs.firmId), eq(clients.id, jobs.clientId)))
      .leftJoin(users, eq(users.id, applications.recruiterUserId))
      .where(
        and(
          eq(debriefs.firmId, scope.firmId),
          interviewBase(scope, view, [
            happened,
            inArray(applications.stage, ["sourced", "submitted", "interviewing"]),
            eq(debriefs.status, "submitted"),
            isNotNull(debriefs.expectedDecisionOn),
            sql`${debriefs.expectedDecisionOn} < ${today}::date`,
            sql`not ${decisionIn}`,
            sql`not ${laterRound}`,
            notSkipped("chase_decision"),
          ]),
        ),
      )
      .orderBy(asc(debriefs.expectedDecisionOn))
      .limit(KIND_LIMIT),
    // rule 4: more than one call to the interviewer.
    scope.db
      .select({
        ...interviewContext,
        calls: sql<number>`count(${callLogs.id})::int`,
        lastCallAt: sql<Date>`max(${callLogs.calledAt})`.mapWith(interviews.startsAt),
      })
      .from(callLogs)
      .innerJoin(interviews, and(eq(interviews.firmId, callLogs.firmId), eq(interviews.id, callLogs.interviewId)))
      .innerJoin(applications, and(eq(applications.firmId, interviews.firmId), eq(applications.id, interviews.applicationId)))
      .innerJoin(candidates, and(eq(candidates.firmId, interviews.firmId), eq(candidates.id, interviews.candidateId)))
      .innerJoin(jobs, and(eq(jobs.firmId, applications.firmId), eq(jobs.id, applications.jobId)))
      .innerJoin(clients, and(eq(clients.firmId, jobs.firmId), eq(clients.id, jobs.clientId)))
      .leftJoin(users, eq(users.id, applications.recruiterUserId))
      .where(and(eq(callLogs.firmId, scope.firmId), interviewBase(scope, view, [open, lte(callLogs.calledAt, now)])))
      .groupBy(
        interviews.id,
        interviews.endsAt,
        interviews.startsAt,
        interviews.kind,
        interviews.arrangedByFirm,
        candidates.id,
        candidates.name,
        jobs.title,
        clients.name,
        applications.recruiterUserId,
        users.name,
      )
      .having(
        and(
          sql`count(${callLogs.id}) >= 2`,
          sql`max(${callLogs.calledAt}) >= ${new Date(now.getTime() - CALL_WINDOW_DAYS * DAY)}`,
        ),
      )
      .limit(KIND_LIMIT),
    dueRecruiterTasks(scope, view, todayEnd),
  ]);

  const items: QueueItem[] = [];
  const ctx = (r: (typeof toReview)[number] | (typeof missing)[number]) => ({
    candidateId: r.candidateId,
    candidateName: r.candidateName,
    clientName: r.clientName,
    jobTitle: r.jobTitle,
    interviewId: r.interviewId,
    ownerUserId: r.recruiterUserId,
    ownerName: r.recruiterName,
    href: `/interviews/${r.interviewId}`,
    taskId: null,
    taskVersion: null,
  });
  const round = (r: { kind: InterviewKind; clientName: string }) => `${r.clientName} ${KIND_LABEL[r.kind]}`;
  const day = (d: string) => formatDay(dateAtLocalHour(d, 12, zone), zone);

  for (const r of toReview) {
    const dueAt = r.arrangedByFirm ? new Date(r.endsAt.getTime() + debriefWindow) : null;
    const amended = r.reviewedAt !== null;
    const notes: string[] = [];
    if (r.expectedDecisionOn) notes.push(`decision promised by ${day(r.expectedDecisionOn)}`);
    if (r.timelineGiven === "no") notes.push("no timeline given");
    if (r.notMentioned.trim()) notes.push("something not mentioned");
    items.push({
      key: `debrief_to_review:${r.debriefId}`,
      kind: "debrief_to_review",
      state: stateOf(dueAt, now, todayEnd),
      dueAt,
      title: `${amended ? "Amended debrief" : "Debrief"} from ${r.candidateName} to review`,
      detail: [round(r), ...notes].join(" · "),
      rule: "rule 3",
      ...ctx(r),
    });
  }
  for (const r of missing) {
    const dueAt = new Date(r.endsAt.getTime() + debriefWindow);
    items.push({
      key: `debrief_missing:${r.interviewId}`,
      kind: "debrief_missing",
      state: stateOf(dueAt, now, todayEnd),
      dueAt,
      title: `No debrief yet from ${r.candidateName}`,
      detail: `${round(r)} ended ${formatMoment(r.endsAt, zone)}`,
      rule: "rule 3",
      ...ctx(r),
    });
  }
  for (const r of noFeedback) {
    const dueAt = addBusinessDaysInZone(r.endsAt, policy.feedbackWithinBusinessDays, zone, clock.holidays);
    if (dueAt.getTime() >= now.getTime()) continue;
    items.push({
      key: `feedback_overdue:${r.interviewId}`,
      kind: "feedback_overdue",
      state: "overdue",
      dueAt,
      title: `Client feedback overdue from ${r.clientName}`,
      detail: `${r.candidateName} · ${KIND_LABEL[r.kind]} for ${r.jobTitle}`,
      rule: "rule 3",
      ...ctx(r),
    });
  }
  for (const r of undecided) {
    items.push({
      key: `decision_overdue:${r.interviewId}`,
      kind: "decision_overdue",
      state: "overdue",
      // The promised day itself is allowed; it is late from the end of that day.
      dueAt: new Date(endOfDay(dateAtLocalHour(r.expectedDecisionOn!, 12, zone), { in: tz(zone) }).getTime()),
      title: `Decision promised by ${day(r.expectedDecisionOn!)} — none yet`,
      detail: `${r.candidateName} · ${round(r)}`,
      rule: "rule 6",
      ...ctx(r),
    });
  }
  for (const r of calls) {
    items.push({
      key: `repeat_calls:${r.interviewId}`,
      kind: "repeat_calls",
      state: "overdue",
      dueAt: r.lastCallAt,
      title: `${r.candidateName} has called the interviewer ${r.calls} times`,
      detail: `${round(r)} · the policy allows one call`,
      rule: "rule 4",
      ...ctx(r),
      href: `/candidates/${r.candidateId}`,
    });
  }

  // A policy task that tracks an item above is that item, not a second line.
  const tracks: Record<string, QueueKind> = {
    review_debrief: "debrief_to_review",
    collect_feedback: "feedback_overdue",
    chase_decision: "decision_overdue",
    debrief: "debrief_missing",
  };
  const byInterview = new Map<string, QueueItem>();
  for (const it of items) if (it.interviewId) byInterview.set(`${it.kind}:${it.interviewId}`, it);
  for (const t of dueTasks) {
    const kind = t.policyKey ? tracks[t.policyKey] : undefined;
    const tracked = kind && t.interviewId ? byInterview.get(`${kind}:${t.interviewId}`) : undefined;
    if (tracked) {
      tracked.taskId ??= t.id;
      tracked.taskVersion ??= t.version;
      continue;
    }
    items.push({
      key: `task:${t.id}`,
      kind: "task",
      state: stateOf(t.dueAt, now, todayEnd),
      dueAt: t.dueAt,
      title: t.title,
      detail: [t.candidateName, t.clientName].filter(Boolean).join(" · "),
      href: t.interviewId
        ? `/interviews/${t.interviewId}`
        : t.candidateId
          ? `/candidates/${t.candidateId}`
          : `/tasks?tab=${stateOf(t.dueAt, now, todayEnd) === "overdue" ? "overdue" : "due"}#task-${t.id}`,
      candidateId: t.candidateId,
      candidateName: t.candidateName,
      clientName: t.clientName,
      jobTitle: t.jobTitle,
      interviewId: t.interviewId,
      taskId: t.id,
      taskVersion: t.version,
      rule: t.rule,
      ownerUserId: t.ownerUserId,
      ownerName: t.ownerName,
    });
  }
  return items.sort(compareQueueItems);
}

/** Open recruiter tasks due by the end of today. */
async function dueRecruiterTasks(scope: QueryScope, view: DashboardView, todayEnd: Date) {
  const where: (SQL | undefined)[] = [
    eq(tasks.firmId, scope.firmId),
    eq(tasks.ownerKind, "recruiter"),
    eq(tasks.state, "open"),
    isNotNull(tasks.dueAt),
    lte(tasks.dueAt, todayEnd),
  ];
  if (view === "mine") where.push(eq(tasks.ownerUserId, scope.userId));
  return scope.db
    .select({
      id: tasks.id,
      title: tasks.title,
      dueAt: tasks.dueAt,
      rule: tasks.rule,
      policyKey: tasks.policyKey,
      version: tasks.version,
      interviewId: tasks.interviewId,
      candidateId: tasks.candidateId,
      candidateName: candidates.name,
      jobTitle: jobs.title,
      clientName: clients.name,
      ownerUserId: tasks.ownerUserId,
      ownerName: users.name,
    })
    .from(tasks)
    .leftJoin(candidates, and(eq(candidates.firmId, tasks.firmId), eq(candidates.id, tasks.candidateId)))
    .leftJoin(applications, and(eq(applications.firmId, tasks.firmId), eq(applications.id, tasks.applicationId)))
    .leftJoin(jobs, and(eq(jobs.firmId, applications.firmId), eq(jobs.id, applications.jobId)))
    .leftJoin(clients, and(eq(clients.firmId, jobs.firmId), eq(clients.id, jobs.clientId)))
    .leftJoin(users, eq(users.id, tasks.ownerUserId))
    .where(and(...where))
    .orderBy(asc(tasks.dueAt), asc(tasks.id))
    .limit(KIND_LIMIT * 2);
}

async function interviewsBetween(scope: QueryScope, view: DashboardView, from: Date, to: Date): Promise<DashboardInterview[]> {
  const where: (SQL | undefined)[] = [
    eq(interviews.firmId, scope.firmId),
    gte(interviews.startsAt, from),
    lte(interviews.startsAt, to),
    ne(interviews.status, "cancelled"),
  ];
  if (view === "mine") where.push(eq(applications.recruiterUserId, scope.userId));
  return scope.db
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
    .innerJoin(applications, and(eq(applications.firmId, interviews.firmId), eq(applications.id, interviews.applicationId)))
    .innerJoin(candidates, and(eq(candidates.firmId, interviews.firmId), eq(candidates.id, interviews.candidateId)))
    .innerJoin(jobs, and(eq(jobs.firmId, applications.firmId), eq(jobs.id, applications.jobId)))
    .innerJoin(clients, and(eq(clients.firmId, jobs.firmId), eq(clients.id, jobs.clientId)))
    .leftJoin(users, eq(users.id, applications.recruiterUserId))
    .where(and(...where))
    .orderBy(asc(interviews.startsAt), asc(interviews.id))
    .limit(100);
}

async function myUpcomingTasks(scope: QueryScope, todayEnd: Date): Promise<DashboardTask[]> {
  return scope.db
    .select({
      id: tasks.id,
      title: tasks.title,
      dueAt: tasks.dueAt,
      rule: tasks.rule,
      version: tasks.version,
      candidateId: tasks.candidateId,
      candidateName: candidates.name,
      interviewId: tasks.interviewId,
    })
    .from(tasks)
    .leftJoin(candidates, and(eq(candidates.firmId, tasks.firmId), eq(candidates.id, tasks.candidateId)))
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
      id: tasks.id,
      title: tasks.title,
      dueAt: tasks.dueAt,
      rule: tasks.rule,
      version: tasks.version,
      candidateId: tasks.candidateId,
      candidateName: candidates.name,
      interviewId: tasks.interviewId,
      completedAt: tasks.completedAt,
      state: tasks.state,
    })
    .from(tasks)
    .leftJoin(candidates, and(eq(candidates.firmId, tasks.firmId), eq(candidates.id, tasks.candidateId)))
    .where(and(...where))
    .orderBy(sql`${tasks.completedAt} desc`, asc(tasks.id))
    .limit(10);
  return rows.map((r) => ({ ...r, completedAt: r.completedAt!, state: r.state as "done" | "skipped" }));
}

// ---------------------------------------------------------------------------
// Reminders: these run in the background for every firm, without a person's
// session, so they are unscoped by design and named unsafe….
// ---------------------------------------------------------------------------

export type DigestRecipient = {
  firmId: string;
  firmName: string;
  timeZone: string;
  holidays: string[];
  userId: string;
  role: Role;
  name: string;
  email: string;
};

/**
 * Unscoped: the daily digest goes to every active recruiter and admin of every
 * firm; the job then reads each one's queue through a scope of their own.
 */
export async function unsafeListDigestRecipients(db: DbOrTx): Promise<DigestRecipient[]> {
  return db
    .select({
      firmId: firms.id,
      firmName: firms.name,
      timeZone: firms.timeZone,
      holidays: firms.holidays,
      userId: users.id,
      role: memberships.role,
      name: users.name,
      email: users.email,
    })
    .from(memberships)
    .innerJoin(firms, eq(firms.id, memberships.firmId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.status, "active"), inArray(memberships.role, ["admin", "recruiter"]), eq(firms.isBenchmark, false)))
    .orderBy(asc(firms.id), asc(users.id));
}

export type DebriefReminder = {
  firmId: string;
  firmName: string;
  timeZone: string;
  interviewId: string;
  candidateName: string;
  email: string;
  jobTitle: string;
  clientName: string;
  startsAt: Date;
  endsAt: Date;
};

/** Reminders are for recent rounds; older missing debriefs are the recruiter's to chase. */
export const DEBRIEF_REMINDER_WINDOW_DAYS = 7;

/**
 * Unscoped: candidates whose debrief is still missing a day after their
 * interview ended, across all firms, with the sign-in address to write to.
 */
export async function unsafeListDebriefReminders(db: DbOrTx, now = new Date()): Promise<DebriefReminder[]> {
  return db
    .select({
      firmId: firms.id,
      firmName: firms.name,
      timeZone: firms.timeZone,
      interviewId: interviews.id,
      candidateName: candidates.name,
      email: users.email,
      jobTitle: jobs.title,
      clientName: clients.name,
      startsAt: interviews.startsAt,
      endsAt: interviews.endsAt,
    })
    .from(interviews)
    .innerJoin(firms, eq(firms.id, interviews.firmId))
    .innerJoin(applications, and(eq(applications.firmId, interviews.firmId), eq(applications.id, interviews.applicationId)))
    .innerJoin(candidates, and(eq(candidates.firmId, interviews.firmId), eq(candidates.id, interviews.candidateId)))
    .innerJoin(jobs, and(eq(jobs.firmId, applications.firmId), eq(jobs.id, applications.jobId)))
    .innerJoin(clients, and(eq(clients.firmId, jobs.firmId), eq(clients.id, jobs.clientId)))
    .innerJoin(
      memberships,
      and(eq(memberships.firmId, interviews.firmId), eq(memberships.candidateId, interviews.candidateId), eq(memberships.status, "active")),
    )
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        inArray(interviews.status, ["scheduled", "completed"]),
        notInArray(applications.stage, [...CLOSED_STAGES]),
        lte(interviews.endsAt, new Date(now.getTime() - DAY)),
        gte(interviews.endsAt, new Date(now.getTime() - DEBRIEF_REMINDER_WINDOW_DAYS * DAY)),
        sql`${candidates.anonymizedAt} is null`,
        eq(firms.isBenchmark, false),
        sql`not exists (select 1 from ${debriefs} where ${debriefs.firmId} = ${interviews.firmId} and ${debriefs.interviewId} = ${interviews.id} and ${debriefs.status} = 'submitted')`,
      ),
    )
    .orderBy(asc(interviews.endsAt))
    .limit(1000);
}

/** Unscoped: which of these scheduled-mail keys were already used (the mail went out once). */
export async function unsafeUsedDedupeKeys(db: DbOrTx, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .select({ key: emailOutbox.dedupeKey })
    .from(emailOutbox)
    .where(inArray(emailOutbox.dedupeKey, keys));
  return new Set(rows.map((r) => r.key!));
}
