import { and, asc, eq, inArray, isNotNull, lt, sql } from "drizzle-orm";
import { endOfLocalDay } from "@/lib/core/follow-up/business-days";
import { applications, debriefs, interviewerFeedback, interviewQueue, interviews } from "../../schema";
import {
  KIND_READ,
  upToLimit,
  type KindItems,
  dayLabel,
  happened,
  interviewBase,
  joinInterviewContext,
  onlyOpen,
  interviewContext,
  itemContext,
  notSkipped,
  round,
  type QueueContext,
} from "./shared";

/**
 * A decision was promised (in the debrief) for a day before today and none
 * came (rule 6): no feedback with a decision (a hold is the client not
 * deciding yet), and no later round booked.
 */
export async function decisionsOverdue(q: QueueContext): Promise<KindItems> {
  const decisionIn = sql`exists (select 1 from ${interviewerFeedback} where ${interviewerFeedback.firmId} = ${interviews.firmId} and ${interviewerFeedback.interviewId} = ${interviews.id} and ${interviewerFeedback.decision} is not null and ${interviewerFeedback.decision} <> 'hold')`;
  const laterRound = sql`exists (select 1 from ${interviews} i2 where i2.firm_id = ${interviews.firmId} and i2.application_id = ${interviews.applicationId} and i2.starts_at > ${interviews.startsAt} and i2.status <> 'cancelled')`;
  const rows = await onlyOpen(
    q,
    joinInterviewContext(
      q.scope.db
        .select({ ...interviewContext, expectedDecisionOn: debriefs.expectedDecisionOn })
        .from(interviews)
        .$dynamic(),
    ),
    { where: lt(interviewQueue.decisionDueOn, q.today), order: interviewQueue.decisionDueOn, limit: KIND_READ },
  )
    .innerJoin(debriefs, and(eq(debriefs.firmId, interviews.firmId), eq(debriefs.interviewId, interviews.id)))
    .where(
      and(
        eq(debriefs.firmId, q.scope.firmId),
        interviewBase(q, [
          happened,
          inArray(applications.stage, ["sourced", "submitted", "interviewing"]),
          eq(debriefs.status, "submitted"),
          isNotNull(debriefs.expectedDecisionOn),
          sql`${debriefs.expectedDecisionOn} < ${q.today}::date`,
          sql`not ${decisionIn}`,
          sql`not ${laterRound}`,
          notSkipped("chase_decision"),
        ]),
      ),
    )
    .orderBy(asc(debriefs.expectedDecisionOn))
    .limit(KIND_READ);

  return upToLimit(rows.map((r) => ({
    key: `decision_overdue:${r.interviewId}`,
    kind: "decision_overdue",
    state: "overdue",
    // The promised day itself is allowed; it is late from the end of that day.
    dueAt: endOfLocalDay(r.expectedDecisionOn!, q.zone),
    words: (n) => ({
      title: `Decision promised by ${dayLabel(r.expectedDecisionOn!, q.zone)} — none yet`,
      detail: `${n.candidateName} · ${round(r.kind, n.clientName)}`,
    }),
    rule: "rule 6",
    ...itemContext(r),
  })));
}
