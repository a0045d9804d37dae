import type { QueryScope } from "../scope";
import { debriefsMissing } from "./debrief-missing";
import { debriefsToReview } from "./debrief-to-review";
import { decisionsOverdue } from "./decision-overdue";
import { feedbackOverdue } from "./feedback-overdue";
import { repeatCalls } from "./repeat-calls";
import { firmClock, queueContext, staff } from "./shared";
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

/** Every kind of item, read side by side, then most urgent first. */
export async function queueItems(scope: QueryScope, view: DashboardView, now: Date, clock: FirmClock): Promise<QueueItem[]> {
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
  const linked = [...noFeedback, ...undecided];
  const links = await latestLinksByInterview(scope, linked.flatMap((i) => (i.interviewId ? [i.interviewId] : [])));
  for (const item of linked) {
    const link = item.interviewId ? links.get(item.interviewId) : undefined;
    item.linkState = link ? feedbackLinkState(link, now) : null;
  }
  const items = [...toReview, ...missing, ...noFeedback, ...undecided, ...calls];
  items.push(...taskItems(q, dueTaskRows, items));
  return items.sort(compareQueueItems);
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
