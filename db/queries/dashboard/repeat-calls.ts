import { and, eq, lte, sql } from "drizzle-orm";
import { callLogs, interviews } from "../../schema";
import { DAY, KIND_READ, upToLimit, type KindItems, interviewBase, joinInterviewContext, interviewContext, itemContext, round, stillOpen, type QueueContext } from "./shared";

/** Repeat calls older than this are history, not something to act on now. */
const CALL_WINDOW_DAYS = 14;

/** Rule 4: the candidate has called the interviewer more than once, recently. */
export async function repeatCalls(q: QueueContext): Promise<KindItems> {
  // The firm's calls grouped first (its call log, through its index), so only
  // the interviews with repeat calls are joined to their records.
  const repeat = q.scope.db
    .select({
      firmId: callLogs.firmId,
      interviewId: callLogs.interviewId,
      calls: sql<number>`count(*)::int`.as("calls"),
      lastCallAt: sql<Date>`max(${callLogs.calledAt})`.mapWith(callLogs.calledAt).as("last_call_at"),
    })
    .from(callLogs)
    .where(and(eq(callLogs.firmId, q.scope.firmId), lte(callLogs.calledAt, q.now)))
    .groupBy(callLogs.firmId, callLogs.interviewId)
    .having(
      and(
        sql`count(*) >= 2`,
        sql`max(${callLogs.calledAt}) >= ${new Date(q.now.getTime() - CALL_WINDOW_DAYS * DAY)}`,
      ),
    )
    .as("repeat_calls");
  const rows = await joinInterviewContext(
    q.scope.db
      .select({ ...interviewContext, calls: repeat.calls, lastCallAt: repeat.lastCallAt })
      .from(interviews)
      .$dynamic(),
  )
    .innerJoin(repeat, and(eq(repeat.firmId, interviews.firmId), eq(repeat.interviewId, interviews.id)))
    .where(interviewBase(q, [stillOpen]))
    .limit(KIND_READ);

  return upToLimit(rows.map((r) => ({
    key: `repeat_calls:${r.interviewId}`,
    kind: "repeat_calls",
    state: "overdue",
    dueAt: r.lastCallAt,
    words: (n) => ({
      title: `${n.candidateName} has called the interviewer ${r.calls} times`,
      detail: `${round(r.kind, n.clientName)} · the policy allows one call`,
    }),
    rule: "rule 4",
    ...itemContext(r),
    href: `/candidates/${r.candidateId}`,
  })));
}
