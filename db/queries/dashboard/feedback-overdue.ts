import { and, asc, lt, sql } from "drizzle-orm";
import { addBusinessDaysInZone } from "@/lib/core/follow-up/business-days";
import { interviewerFeedback, interviewQueue, interviews } from "../../schema";
import {
  DAY,
  KIND_LIMIT,
  upToLimit,
  type DraftItem,
  type KindItems,
  happened,
  interviewBase,
  interviewRows,
  itemContext,
  kindLabel,
  notSkipped,
  stillOpen,
  type QueueContext,
} from "./shared";

/**
 * Interviews with no client feedback past the feedback deadline (rule 3), in
 * business days of the firm's calendar.
 */
export async function feedbackOverdue(q: QueueContext): Promise<KindItems> {
  const { policy, holidays } = q.clock;
  const anyFeedback = sql`exists (select 1 from ${interviewerFeedback} where ${interviewerFeedback.firmId} = ${interviews.firmId} and ${interviewerFeedback.interviewId} = ${interviews.id})`;
  // The business-day deadline is worked out below (a business day is at least
  // a calendar day, so this bound is safe).
  const endedBefore = new Date(q.now.getTime() - policy.feedbackWithinBusinessDays * DAY);
  const rows = await interviewRows(q, {
    where: and(interviewQueue.feedbackAwaited, lt(interviewQueue.endsAt, endedBefore)),
    order: interviewQueue.endsAt,
    limit: KIND_LIMIT * 2,
  })
    .where(
      interviewBase(q, [
        happened,
        stillOpen,
        lt(interviews.endsAt, endedBefore),
        sql`not ${anyFeedback}`,
        notSkipped("collect_feedback"),
      ]),
    )
    .orderBy(asc(interviews.endsAt))
    .limit(KIND_LIMIT * 2);

  const items: DraftItem[] = [];
  for (const r of rows) {
    const dueAt = addBusinessDaysInZone(r.endsAt, policy.feedbackWithinBusinessDays, q.zone, holidays);
    if (dueAt.getTime() >= q.now.getTime()) continue;
    items.push({
      key: `feedback_overdue:${r.interviewId}`,
      kind: "feedback_overdue",
      state: "overdue",
      dueAt,
      words: (n) => ({
        title: `Client feedback overdue from ${n.clientName}`,
        detail: `${n.candidateName} · ${kindLabel(r.kind)} for ${n.jobTitle}`,
      }),
      rule: "rule 3",
      ...itemContext(r),
    });
  }
  // Read past the limit to allow for the ones not yet due; a full read may have left overdue ones unread.
  return upToLimit(items, rows.length === KIND_LIMIT * 2);
}
