import type { PlanSource } from "@/db/queries/plan-sources";
import type { PortalFirm } from "@/db/queries/portal";
import type { FollowUpInput } from "@/lib/core/follow-up";

/**
 * From stored rows to the follow-up engine's input (lib/core/follow-up). The
 * candidate's own view of a plan (candidate-plan.ts) is built from sources
 * read without the recruiter-side facts; the tasks (sync.ts) from everything.
 */

export type FirmSettings = Pick<PortalFirm, "timeZone" | "holidays" | "policy">;

export function followUpInputFrom(src: PlanSource, firm: FirmSettings, now: Date): FollowUpInput {
  return {
    interview: {
      id: src.interview.id,
      startsAt: src.interview.startsAt,
      endsAt: src.interview.endsAt,
      status: src.interview.status,
      arrangedByFirm: src.interview.arrangedByFirm,
      interviewers: src.interviewers.map((i) => ({ contactId: i.contactId, name: i.name })),
    },
    debrief: src.debrief
      ? {
          status: src.debrief.status,
          submittedAt: src.debrief.submittedAt,
          firstSubmittedAt: src.debrief.firstSubmittedAt,
          timelineGiven: src.debrief.timelineGiven,
          expectedDecisionOn: src.debrief.expectedDecisionOn,
          callInvitation: src.debrief.callInvitation,
          callBy: src.debrief.callBy,
          callTime: src.debrief.callTime,
          invitedBack: src.debrief.invitedBack,
          invitedBackDetails: src.debrief.invitedBackDetails,
          notMentioned: src.debrief.notMentioned,
          people: src.people.map((p) => ({
            id: p.id,
            contactId: p.contactId,
            name: p.name,
            email: p.email,
            thankYouSent: p.thankYouSent,
            thankYouSentAt: p.thankYouSentAt,
          })),
        }
      : null,
    calls: src.calls.map((c) => ({ calledAt: c.calledAt })),
    firm: { timeZone: firm.timeZone, holidays: firm.holidays, policy: firm.policy },
    progress: src.progress,
    now,
  };
}
