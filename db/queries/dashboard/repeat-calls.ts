import { and, eq, lte, sql } from "drizzle-orm";
import { applications, callLogs, candidates, clients, interviews, jobs, users } from "../../schema";
import { DAY, KIND_LIMIT, interviewBase, joinInterviewContext, interviewContext, itemContext, round, stillOpen, type QueueContext } from "./shared";
import type { QueueItem } from "./types";

/** Repeat calls older than this are history, not something to act on now. */
const CALL_WINDOW_DAYS = 14;

/** Rule 4: the candidate has called the interviewer more than once, recently. */
export async function repeatCalls(q: QueueContext): Promise<QueueItem[]> {
  const rows = await joinInterviewContext(
    q.scope.db
      .select({
        ...interviewContext,
        calls: sql<number>`count(${callLogs.id})::int`,
        lastCallAt: sql<Date>`max(${callLogs.calledAt})`.mapWith(interviews.startsAt),
      })
      .from(interviews)
      .$dynamic(),
  )
    .innerJoin(callLogs, and(eq(callLogs.firmId, interviews.firmId), eq(callLogs.interviewId, interviews.id)))
    .where(and(eq(callLogs.firmId, q.scope.firmId), interviewBase(q, [stillOpen, lte(callLogs.calledAt, q.now)])))
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
        sql`max(${callLogs.calledAt}) >= ${new Date(q.now.getTime() - CALL_WINDOW_DAYS * DAY)}`,
      ),
    )
    .limit(KIND_LIMIT);

  return rows.map((r) => ({
    key: `repeat_calls:${r.interviewId}`,
    kind: "repeat_calls",
    state: "overdue",
    dueAt: r.lastCallAt,
    title: `${r.candidateName} has called the interviewer ${r.calls} times`,
    detail: `${round(r)} · the policy allows one call`,
    rule: "rule 4",
    ...itemContext(r),
    href: `/candidates/${r.candidateId}`,
  }));
}
