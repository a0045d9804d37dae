import { and, eq, inArray } from "drizzle-orm";
import { candidates, clients, jobs, users } from "../../schema";
import type { QueryScope } from "../scope";
import { debriefsMissing } from "./debrief-missing";
import { debriefsToReview } from "./debrief-to-review";
import { decisionsOverdue } from "./decision-overdue";
import { feedbackOverdue } from "./feedback-overdue";
import { repeatCalls } from "./repeat-calls";
import { KIND_LIMIT, firmClock, queueContext, staff, upToLimit, type DraftItem, type KindItems } from "./shared";
import { feedbackLinkState, latestLinksByInterview } from "../feedback-links";
import { dueRecruiterTasks, taskItems } from "./tasks";
import type { DashboardView, FirmClock, QueueItem, QueueKind, QueueState } from "./types";

const STATE_RANK: Record<QueueState, number> = { overdue: 0, due: 1, upcoming: 2 };
const KIND_RANK: Record<QueueKind, number> = {
  repeat_calls: 0,
  feedback_overdue: 1,
  decision_overdue: 2,
  debrief_missing: 3,
  debrief_to_review: 4,
  task: 5,
};

/** What the queue's order reads: no names, so items are ordered before their names are read. */
type Ordered = Pick<QueueItem, "state" | "kind" | "dueAt" | "key">;

/**
 * Most urgent first: overdue, then due today, then the rest. Within a group,
 * by what is at stake — a candidate calling the interviewer again, a client's
 * late feedback, a promised decision, a missing debrief, a debrief to read,
 * then tasks — and then the longest waiting first.
 */
export function compareQueueItems(a: Ordered, b: Ordered): number {
  if (a.state !== b.state) return STATE_RANK[a.state] - STATE_RANK[b.state];
  if (a.kind !== b.kind) return KIND_RANK[a.kind] - KIND_RANK[b.kind];
  const at = a.dueAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const bt = b.dueAt?.getTime() ?? Number.POSITIVE_INFINITY;
  if (at !== bt) return at - bt;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * Every kind of item, read side by side, then most urgent first, without
 * their names (nameItems reads them for the items a page lists); `more` lists
 * the kinds with more items than listed.
 */
export async function readQueue(
  scope: QueryScope,
  view: DashboardView,
  now: Date,
  clock: FirmClock,
): Promise<{ drafts: DraftItem[]; more: QueueKind[] }> {
  const q = queueContext(scope, view, now, clock);
  const [toReview, missing, noFeedback, undecided, calls, dueTaskRows] = await Promise.all([
    debriefsToReview(q),
    debriefsMissing(q),
    feedbackOverdue(q),
    decisionsOverdue(q),
    repeatCalls(q),
    dueRecruiterTasks(q),
  ]);
  // Late feedback and late decisions say whether an interviewer has a link, and what became of it
  // (an answered one may hold a recommended decision waiting for the recruiter's confirmation).
  const linked = [...noFeedback.items, ...undecided.items];
  const links = await latestLinksByInterview(scope, linked.flatMap((i) => (i.interviewId ? [i.interviewId] : [])));
  for (const item of linked) {
    const link = item.interviewId ? links.get(item.interviewId) : undefined;
    item.linkState = link ? feedbackLinkState(link, now) : null;
  }
  const items = [toReview, missing, noFeedback, undecided, calls].flatMap((k) => k.items);
  const due = upToLimit(taskItems(q, dueTaskRows, items), dueTaskRows.length === KIND_LIMIT * 2);
  items.push(...due.items);
  const byKind: [QueueKind, KindItems][] = [
    ["debrief_to_review", toReview],
    ["debrief_missing", missing],
    ["feedback_overdue", noFeedback],
    ["decision_overdue", undecided],
    ["repeat_calls", calls],
    ["task", due],
  ];
  return { drafts: items.sort(compareQueueItems), more: byKind.filter(([, k]) => k.more).map(([kind]) => kind) };
}

/**
 * The items with their names and words: the candidates', jobs' (with their
 * clients) and owners' names read by key, one statement each, for these
 * items only.
 */
export async function nameItems(scope: QueryScope, drafts: DraftItem[]): Promise<QueueItem[]> {
  const ids = (of: (d: DraftItem) => string | null) => [...new Set(drafts.flatMap((d) => of(d) ?? []))];
  const candidateIds = ids((d) => d.candidateId);
  const jobIds = ids((d) => d.jobId);
  const userIds = ids((d) => d.ownerUserId);
  const [candidateRows, jobRows, userRows] = await Promise.all([
    candidateIds.length
      ? scope.db
          .select({ id: candidates.id, name: candidates.name })
          .from(candidates)
          .where(and(eq(candidates.firmId, scope.firmId), inArray(candidates.id, candidateIds)))
      : [],
    jobIds.length
      ? scope.db
          .select({ id: jobs.id, title: jobs.title, clientName: clients.name })
          .from(jobs)
          .innerJoin(clients, and(eq(clients.firmId, jobs.firmId), eq(clients.id, jobs.clientId)))
          .where(and(eq(jobs.firmId, scope.firmId), inArray(jobs.id, jobIds)))
      : [],
    userIds.length ? scope.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds)) : [],
  ]);
  const candidateName = new Map(candidateRows.map((r) => [r.id, r.name]));
  const job = new Map(jobRows.map((r) => [r.id, r]));
  const userName = new Map(userRows.map((r) => [r.id, r.name]));
  return drafts.map(({ words, jobId, ...item }) => {
    const names = {
      candidateName: (item.candidateId && candidateName.get(item.candidateId)) ?? null,
      jobTitle: (jobId && job.get(jobId)?.title) ?? null,
      clientName: (jobId && job.get(jobId)?.clientName) ?? null,
      ownerName: (item.ownerUserId && userName.get(item.ownerUserId)) ?? null,
    };
    return { ...item, ...names, ...words(names) };
  });
}

export async function queueItems(scope: QueryScope, view: DashboardView, now: Date, clock: FirmClock): Promise<QueueItem[]> {
  return nameItems(scope, (await readQueue(scope, view, now, clock)).drafts);
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
