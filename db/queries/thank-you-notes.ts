import { and, asc, eq, sql } from "drizzle-orm";
import { debriefPeople, debriefs } from "../schema";
import { recordAudit } from "./audit";
import type { ThankYouChannel as ThankYouChannelValue } from "@/lib/core/vocabulary";
import { writeForMyInterview, type InterviewGateRefusal } from "./debriefs";
import { listInterviewers } from "./plan-sources";
import type { QueryScope } from "./scope";

export type SetThankYouInput = {
  interviewId: string;
  /** The person in the debrief… */
  personId?: string | null;
  /** …or, before the debrief lists anyone, the scheduled interviewer. */
  contactId?: string | null;
  sent: boolean;
  channel: ThankYouChannelValue;
  now?: Date;
};

export type SetThankYouResult =
  | { status: "saved"; personId: string; debriefId: string; version: number }
  | InterviewGateRefusal;

/**
 * Ticks a thank-you note off (or back on) from the plan. Before the candidate
 * has started a debrief, the plan lists the scheduled interviewers; ticking
 * one starts the draft with them as the people met, as the form would.
 */
export async function setThankYouNote(scope: QueryScope, input: SetThankYouInput): Promise<SetThankYouResult> {
  const now = input.now ?? new Date();
  return writeForMyInterview(scope, input.interviewId, now, async (t, _interview, candidateId): Promise<SetThankYouResult> => {
    const tx = t.db;

    let [debrief] = await tx
      .select({ id: debriefs.id })
      .from(debriefs)
      .where(
        and(eq(debriefs.firmId, t.firmId), eq(debriefs.interviewId, input.interviewId), eq(debriefs.candidateId, candidateId)),
      )
      .limit(1);
    if (!debrief) {
      [debrief] = await tx
        .insert(debriefs)
        .values({ firmId: t.firmId, interviewId: input.interviewId, candidateId, lastSavedAt: now })
        .onConflictDoNothing({ target: [debriefs.firmId, debriefs.interviewId] })
        .returning({ id: debriefs.id });
      if (!debrief) return { status: "not_found" } as const;
      await recordAudit(t, { action: "debrief.started", entityType: "debrief", entityId: debrief.id });
    }
    const debriefId = debrief.id;

    const people = await tx
      .select({ id: debriefPeople.id, contactId: debriefPeople.contactId })
      .from(debriefPeople)
      .where(and(eq(debriefPeople.firmId, t.firmId), eq(debriefPeople.debriefId, debriefId)))
      .orderBy(asc(debriefPeople.position));
    if (people.length === 0 && input.contactId) {
      // The plan showed the scheduled interviewers; they become the people met.
      const interviewers = await listInterviewers(t, [input.interviewId]);
      for (const [position, c] of interviewers.entries()) {
        const [p] = await tx
          .insert(debriefPeople)
          .values({
            firmId: t.firmId,
            debriefId,
            position,
            contactId: c.contactId,
            name: c.name,
            title: c.title,
            email: c.email ?? "",
            phone: c.phone,
          })
          .returning({ id: debriefPeople.id, contactId: debriefPeople.contactId });
        people.push(p!);
      }
    }
    const target = input.personId
      ? people.find((p) => p.id === input.personId)
      : people.find((p) => p.contactId !== null && p.contactId === input.contactId);
    if (!target) return { status: "not_found" } as const;

    await tx
      .update(debriefPeople)
      .set({
        thankYouSent: input.sent,
        thankYouSentAt: input.sent ? now : null,
        thankYouChannel: input.sent ? input.channel : null,
      })
      .where(and(eq(debriefPeople.firmId, t.firmId), eq(debriefPeople.id, target.id), eq(debriefPeople.debriefId, debriefId)));
    // The debrief changed: an open form elsewhere must not overwrite the tick. A tick is
    // not an edit of the candidate's account, so lastSavedAt (which tells an amendment
    // in progress) stays as it was.
    const [bumped] = await tx
      .update(debriefs)
      .set({ version: sql`${debriefs.version} + 1` })
      .where(and(eq(debriefs.firmId, t.firmId), eq(debriefs.id, debriefId), eq(debriefs.candidateId, candidateId)))
      .returning({ version: debriefs.version });
    await recordAudit(t, {
      action: input.sent ? "debrief.thank_you_sent" : "debrief.thank_you_unsent",
      entityType: "debrief",
      entityId: debriefId,
      changes: { personId: target.id, channel: input.sent ? input.channel : null },
    });
    return { status: "saved", personId: target.id, debriefId, version: bumped!.version } as const;
  });
}
