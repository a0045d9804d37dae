import { and, asc, eq, isNotNull, lte, sql, type SQL } from "drizzle-orm";
import { applications, tasks } from "../../schema";
import { KIND_LIMIT, stateOf, type DraftItem, type QueueContext } from "./shared";
import type { QueueKind } from "./types";

/** Open recruiter tasks due by the end of today. */
export async function dueRecruiterTasks(q: QueueContext) {
  const where: (SQL | undefined)[] = [
    eq(tasks.firmId, q.scope.firmId),
    eq(tasks.ownerKind, "recruiter"),
    eq(tasks.state, "open"),
    isNotNull(tasks.dueAt),
    lte(tasks.dueAt, q.todayEnd),
  ];
  if (q.view === "mine") where.push(eq(tasks.ownerUserId, q.scope.userId));
  return q.scope.db
    .select({
      id: tasks.id,
      title: tasks.title,
      dueAt: tasks.dueAt,
      rule: tasks.rule,
      policyKey: tasks.policyKey,
      version: tasks.version,
      interviewId: tasks.interviewId,
      candidateId: tasks.candidateId,
      jobId: sql<string | null>`(select ${applications.jobId} from ${applications} where ${applications.firmId} = ${tasks.firmId} and ${applications.id} = ${tasks.applicationId})`,
      ownerUserId: tasks.ownerUserId,
    })
    .from(tasks)
    .where(and(...where))
    .orderBy(asc(tasks.dueAt), asc(tasks.id))
    .limit(KIND_LIMIT * 2);
}

/** A policy task that tracks an item of another kind is that item, not a second line. */
const TRACKS: Record<string, QueueKind> = {
  review_debrief: "debrief_to_review",
  collect_feedback: "feedback_overdue",
  chase_decision: "decision_overdue",
  debrief: "debrief_missing",
};

/**
 * The due tasks as queue items. A policy task that tracks one of `tracked`
 * (the items of the other kinds) lends it its id and version instead of
 * becoming an item of its own.
 */
export function taskItems(
  q: QueueContext,
  rows: Awaited<ReturnType<typeof dueRecruiterTasks>>,
  tracked: DraftItem[],
): DraftItem[] {
  const byInterview = new Map<string, DraftItem>();
  for (const it of tracked) if (it.interviewId) byInterview.set(`${it.kind}:${it.interviewId}`, it);
  const items: DraftItem[] = [];
  for (const t of rows) {
    const kind = t.policyKey ? TRACKS[t.policyKey] : undefined;
    const item = kind && t.interviewId ? byInterview.get(`${kind}:${t.interviewId}`) : undefined;
    if (item) {
      item.taskId ??= t.id;
      item.taskVersion ??= t.version;
      continue;
    }
    const state = stateOf(t.dueAt, q.now, q.todayEnd);
    items.push({
      key: `task:${t.id}`,
      kind: "task",
      state,
      dueAt: t.dueAt,
      words: (n) => ({ title: t.title, detail: [n.candidateName, n.clientName].filter(Boolean).join(" · ") }),
      href: t.interviewId
        ? `/interviews/${t.interviewId}`
        : t.candidateId
          ? `/candidates/${t.candidateId}`
          : `/tasks?tab=${state === "overdue" ? "overdue" : "due"}#task-${t.id}`,
      candidateId: t.candidateId,
      jobId: t.jobId,
      interviewId: t.interviewId,
      taskId: t.id,
      taskVersion: t.version,
      rule: t.rule,
      ownerUserId: t.ownerUserId,
    });
  }
  return items;
}
