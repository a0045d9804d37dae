import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import { debriefs, interviewQueue, interviews } from "../../schema";
import {
  HOUR,
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
  stateOf,
  type QueueContext,
} from "./shared";

/**
 * Debriefs submitted and not reviewed since (an amendment after a review needs
 * another look), of rounds that took place (a cancelled or missed round has
 * nothing to go through). Due (rule 3) the debrief window after the
 * interview, when the firm arranged it.
 */
export async function debriefsToReview(q: QueueContext): Promise<KindItems> {
  const debriefWindow = q.clock.policy.debriefWithinHours * HOUR;
  const rows = await onlyOpen(
    q,
    joinInterviewContext(
      q.scope.db
        .select({
        ...interviewContext,
        debriefId: debriefs.id,
        submittedAt: debriefs.submittedAt,
        submittedVersions: debriefs.submittedVersions,
        reviewedAt: debriefs.reviewedAt,
        expectedDecisionOn: debriefs.expectedDecisionOn,
        notMentioned: debriefs.notMentioned,
        timelineGiven: debriefs.timelineGiven,
        })
        .from(interviews)
        .$dynamic(),
    ),
    { where: isNotNull(interviewQueue.reviewSince), order: interviewQueue.reviewSince, limit: KIND_READ },
  )
    .innerJoin(debriefs, and(eq(debriefs.firmId, interviews.firmId), eq(debriefs.interviewId, interviews.id)))
    .where(
      and(
        eq(debriefs.firmId, q.scope.firmId),
        interviewBase(q, [
          happened,
          eq(debriefs.status, "submitted"),
          sql`(${debriefs.reviewedAt} is null or ${debriefs.reviewedAt} < ${debriefs.submittedAt})`,
          notSkipped("review_debrief"),
        ]),
      ),
    )
    .orderBy(asc(debriefs.submittedAt))
    .limit(KIND_READ);

  return upToLimit(rows.map((r) => {
    const dueAt = r.arrangedByFirm ? new Date(r.endsAt.getTime() + debriefWindow) : null;
    const amended = r.reviewedAt !== null;
    const notes: string[] = [];
    if (r.expectedDecisionOn) notes.push(`decision promised by ${dayLabel(r.expectedDecisionOn, q.zone)}`);
    if (r.timelineGiven === "no") notes.push("no timeline given");
    if (r.notMentioned.trim()) notes.push("something not mentioned");
    return {
      key: `debrief_to_review:${r.debriefId}`,
      kind: "debrief_to_review",
      state: stateOf(dueAt, q.now, q.todayEnd),
      dueAt,
      words: (n) => ({
        title: `${amended ? "Amended debrief" : "Debrief"} from ${n.candidateName} to review`,
        detail: [round(r.kind, n.clientName), ...notes].join(" · "),
      }),
      rule: "rule 3",
      ...itemContext(r),
    };
  }));
}
