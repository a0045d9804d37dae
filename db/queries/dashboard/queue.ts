import type { QueryScope } from "../scope";
import { debriefsMissing } from "./debrief-missing";
import { debriefsToReview } from "./debrief-to-review";
import { decisionsOverdue } from "./decision-overdue";
import { feedbackOverdue } from "./feedback-overdue";
import { repeatCalls } from "./repeat-calls";
import { KIND_LIMIT, firmClock, queueContext, staff, upToLimit, type KindItems } from "./shared";
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

/** Every kind of item, read side by side, then most urgent first; `more` lists the kinds with more items than listed. */
export async function readQueue(
  scope: QueryScope,
  view: DashboardView,
  now: Date,
  clock: FirmClock,
): Promise<{ items: QueueItem[]; more: QueueKind[] }> {
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
  return { items: items.sort(compareQueueItems), more: byKind.filter(([, k]) => k.more).map(([kind]) => kind) };
}

export async function queueItems(scope: QueryScope, view: DashboardView, now: Date, clock: FirmClock): Promise<QueueItem[]> {
  return (await readQueue(scope, view, now, clock)).items;
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
