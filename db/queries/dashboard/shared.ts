import { tz } from "@date-fns/tz";
import { endOfDay } from "date-fns";
import { and, asc, eq, inArray, notInArray, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgSelect } from "drizzle-orm/pg-core";
import { dateAtLocalHour, formatDay, localDateKey } from "@/lib/core/follow-up/business-days";
import { CLOSED_STAGES } from "@/lib/core/vocabulary";
import type { DbOrTx } from "../../client";
import { applications, candidates, clients, firms, interviewQueue, interviews, jobs, policyWithDefaults, tasks, users } from "../../schema";
import type { InterviewKind } from "../../schema/enums";
import type { QueryScope } from "../scope";
import type { DashboardView, FirmClock, QueueItem, QueueState } from "./types";
import { interviewJoins } from "../interview-joins";

/** Items of one kind are capped so a neglected firm's dashboard stays a page, not a dump. */
export const KIND_LIMIT = 100;
/** Rows a kind reads: one past its limit, so the count can say "100+" rather than "100". */
export const KIND_READ = KIND_LIMIT + 1;

/** The names an item shows: read by key once the page knows which items it lists (nameItems in queue.ts). */
export type ItemNames = Pick<QueueItem, "candidateName" | "jobTitle" | "clientName" | "ownerName">;

/**
 * An item before its names are read. A firm-wide queue holds up to 600 items
 * and the page lists about 60, so the kinds return ids and a way to write the
 * item's words, and only the listed items' names are read.
 */
export type DraftItem = Omit<QueueItem, "title" | "detail" | keyof ItemNames> & {
  jobId: string | null;
  words: (names: ItemNames) => { title: string; detail: string };
};

/** A kind's items, at most KIND_LIMIT of them, and whether it has more than it lists. */
export type KindItems = { items: DraftItem[]; more: boolean };

export function upToLimit(items: DraftItem[], more = false): KindItems {
  return { items: items.slice(0, KIND_LIMIT), more: more || items.length > KIND_LIMIT };
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** Applications no longer in play: closed, or placed. */
export const ENDED_STAGES = [...CLOSED_STAGES, "placed"] as const;

export async function firmClock(db: DbOrTx, firmId: string): Promise<FirmClock | null> {
  const [row] = await db
    .select({ timeZone: firms.timeZone, holidays: firms.holidays, policy: firms.policy, storedQueue: firms.queueStateReady })
    .from(firms)
    .where(eq(firms.id, firmId))
    .limit(1);
  if (!row) return null;
  return { timeZone: row.timeZone, holidays: row.holidays, policy: policyWithDefaults(row.policy), storedQueue: row.storedQueue };
}

export function staff(scope: QueryScope): boolean {
  return scope.role !== "candidate" && !scope.candidateId;
}

/** What every kind of queue item is worked out from: who asks, which view, when, and the firm's clock. */
export type QueueContext = {
  scope: QueryScope;
  view: DashboardView;
  now: Date;
  clock: FirmClock;
  zone: string;
  /** The end of today in the firm's zone. */
  todayEnd: Date;
  /** 'YYYY-MM-DD' today in the firm's zone. */
  today: string;
  /** Read the open items from the stored queue state (interview_queue) rather than work them out from the records. */
  stored: boolean;
};

export function queueContext(scope: QueryScope, view: DashboardView, now: Date, clock: FirmClock): QueueContext {
  const zone = clock.timeZone;
  return {
    scope,
    view,
    now,
    clock,
    zone,
    todayEnd: new Date(endOfDay(now, { in: tz(zone) }).getTime()),
    today: localDateKey(now, zone),
    stored: clock.storedQueue,
  };
}

/** A policy step the recruiter chose to skip is no longer asked of them. */
export function notSkipped(policyKey: string): SQL {
  return sql`not exists (select 1 from ${tasks} where ${tasks.firmId} = ${interviews.firmId} and ${tasks.interviewId} = ${interviews.id} and ${tasks.policyKey} = ${policyKey} and ${tasks.state} = 'skipped')`;
}

/**
 * An interview's names, each read by key for the rows a query returns rather
 * than joined: with the candidate, job, client and recruiter joined in, a
 * query joined eight tables, and planning it took 33 ms against 5 ms of
 * running it. These subqueries are planned on their own, a table or two each.
 * (The queue's kinds read names only for the items the page lists: nameItems.)
 */
export const interviewNames = {
  candidateName: sql<string>`(select ${candidates.name} from ${candidates} where ${candidates.firmId} = ${interviews.firmId} and ${candidates.id} = ${interviews.candidateId})`,
  jobTitle: sql<string>`(select ${jobs.title} from ${jobs} where ${jobs.firmId} = ${applications.firmId} and ${jobs.id} = ${applications.jobId})`,
  clientName: sql<string>`(select ${clients.name} from ${jobs} inner join ${clients} on ${clients.firmId} = ${jobs.firmId} and ${clients.id} = ${jobs.clientId} where ${jobs.firmId} = ${applications.firmId} and ${jobs.id} = ${applications.jobId})`,
  recruiterName: sql<string | null>`(select ${users.name} from ${users} where ${users.id} = ${applications.recruiterUserId})`,
};

/** The columns every interview-based item needs (a select from interviews joined by joinInterviewContext). */
export const interviewContext = {
  interviewId: interviews.id,
  endsAt: interviews.endsAt,
  startsAt: interviews.startsAt,
  kind: interviews.kind,
  arrangedByFirm: interviews.arrangedByFirm,
  candidateId: interviews.candidateId,
  jobId: applications.jobId,
  recruiterUserId: applications.recruiterUserId,
};

/**
 * Joins an interview's application onto a query from interviews: what every
 * interview-based read filters on (the view, the stage). The names come with
 * `interviewContext`. (The query is in drizzle's dynamic mode so the join can
 * be added here.)
 */
export function joinInterviewContext<T extends PgSelect>(q: T) {
  return q.innerJoin(applications, interviewJoins.application);
}

/** Which stored rows hold one kind's open items (interview_queue), in the kind's order, and how many to read. */
export type OpenItems = { where: SQL | undefined; order: AnyPgColumn; limit: number };

/**
 * Narrows an interview-based select to the kind's open items. Once the
 * firm's stored queue state is ready, the select joins the kind's open rows
 * of interview_queue, read through its partial index (at most `open.limit`,
 * in the kind's order), so the cost follows what needs attention, not the
 * firm's history; until then it is left as it is and works them out from all
 * the firm's interviews. The kind's own conditions apply to the rows either
 * way.
 */
export function onlyOpen<T extends PgSelect>(q: QueueContext, select: T, open: OpenItems): T {
  if (!q.stored) return select;
  const where: (SQL | undefined)[] = [eq(interviewQueue.firmId, q.scope.firmId), open.where];
  if (q.view === "mine") where.push(eq(interviewQueue.recruiterUserId, q.scope.userId));
  const openRows = q.scope.db
    .select({ firmId: interviewQueue.firmId, interviewId: interviewQueue.interviewId })
    .from(interviewQueue)
    .where(and(...where))
    .orderBy(asc(open.order))
    .limit(open.limit)
    .as("open_items");
  // The selected fields are the caller's, so the join leaves the row type as it was.
  return select.innerJoin(openRows, and(eq(interviews.firmId, openRows.firmId), eq(interviews.id, openRows.interviewId))) as unknown as T;
}

/** Interviews with the columns every interview-based item needs. */
export function interviewRows(q: QueueContext, open: OpenItems) {
  return onlyOpen(q, joinInterviewContext(q.scope.db.select(interviewContext).from(interviews).$dynamic()), open);
}

/** The firm, the view ("mine": applications I recruit for) and the kind's own conditions. */
export function interviewBase(q: QueueContext, extra: (SQL | undefined)[]) {
  const where: (SQL | undefined)[] = [eq(interviews.firmId, q.scope.firmId), ...extra];
  if (q.view === "mine") where.push(eq(applications.recruiterUserId, q.scope.userId));
  return and(...where);
}

const KIND_LABEL: Record<InterviewKind, string> = {
  phone_screen: "phone screen",
  video: "video interview",
  onsite: "onsite",
  panel: "panel",
  final: "final round",
};

export function kindLabel(kind: InterviewKind): string {
  return KIND_LABEL[kind];
}

/** "Acme onsite": the client and the kind of round. */
export function round(kind: InterviewKind, clientName: string | null): string {
  return `${clientName ?? ""} ${KIND_LABEL[kind]}`.trim();
}

/** A 'YYYY-MM-DD' day as the firm reads it. */
export function dayLabel(d: string, zone: string): string {
  return formatDay(dateAtLocalHour(d, 12, zone), zone);
}

export function stateOf(dueAt: Date | null, now: Date, endOfToday: Date): QueueState {
  if (!dueAt) return "upcoming";
  if (dueAt.getTime() < now.getTime()) return "overdue";
  if (dueAt.getTime() <= endOfToday.getTime()) return "due";
  return "upcoming";
}

type InterviewContextRow = {
  interviewId: string;
  candidateId: string;
  jobId: string;
  recruiterUserId: string | null;
};

/** The fields an interview-based item shares: its people, its interview page, no task yet. */
export function itemContext(r: InterviewContextRow) {
  return {
    candidateId: r.candidateId,
    jobId: r.jobId,
    interviewId: r.interviewId,
    ownerUserId: r.recruiterUserId,
    href: `/interviews/${r.interviewId}`,
    taskId: null,
    taskVersion: null,
  } satisfies Partial<DraftItem>;
}

/** The interview took place (or is taking place): not cancelled or a no-show. */
export const happened = inArray(interviews.status, ["scheduled", "completed"]);
/** The application is still in play. */
export const stillOpen = notInArray(applications.stage, [...ENDED_STAGES]);
