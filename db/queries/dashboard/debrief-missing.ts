import { and, asc, eq, lt, lte, sql } from "drizzle-orm";
import { formatMoment } from "@/lib/core/follow-up/business-days";
import { debriefs, interviewQueue, interviews } from "../../schema";
import {
  HOUR,
  KIND_READ,
  upToLimit,
  type KindItems,
  happened,
  interviewBase,
  interviewRows,
  itemContext,
  notSkipped,
  round,
  stateOf,
  stillOpen,
  type QueueContext,
} from "./shared";

/**
 * Interviews the firm arranged that are over, with no submitted debrief, and
 * whose debrief is due (rule 3) by the end of today.
 */
export async function debriefsMissing(q: QueueContext): Promise<KindItems> {
  const debriefWindow = q.clock.policy.debriefWithinHours * HOUR;
  const submittedDebrief = sql`exists (select 1 from ${debriefs} where ${debriefs.firmId} = ${interviews.firmId} and ${debriefs.interviewId} = ${interviews.id} and ${debriefs.status} = 'submitted')`;
  const dueBy = new Date(q.todayEnd.getTime() - debriefWindow);
  const rows = await interviewRows(q, {
    where: and(interviewQueue.debriefAwaited, lt(interviewQueue.endsAt, q.now), lte(interviewQueue.endsAt, dueBy)),
    order: interviewQueue.endsAt,
    limit: KIND_READ,
  })
    .where(
      interviewBase(q, [
        happened,
        stillOpen,
        eq(interviews.arrangedByFirm, true),
        lt(interviews.endsAt, q.now),
        lte(interviews.endsAt, dueBy),
        sql`not ${submittedDebrief}`,
        notSkipped("debrief"),
      ]),
    )
    .orderBy(asc(interviews.endsAt))
    .limit(KIND_READ);

  return upToLimit(rows.map((r) => {
    const dueAt = new Date(r.endsAt.getTime() + debriefWindow);
    return {
      key: `debrief_missing:${r.interviewId}`,
      kind: "debrief_missing",
      state: stateOf(dueAt, q.now, q.todayEnd),
      dueAt,
      words: (n) => ({
        title: `No debrief yet from ${n.candidateName}`,
        detail: `${round(r.kind, n.clientName)} ended ${formatMoment(r.endsAt, q.zone)}`,
      }),
      rule: "rule 3",
      ...itemContext(r),
    };
  }));
}
