import type { MyDebrief } from "@/db/queries/debriefs";
import type { DebriefCheckContext, DebriefDraft } from "@/lib/core/validation/debrief";
import { BLANK_DEBRIEF_ANSWERS, personDraftOf } from "@/lib/core/validation/debrief-rules";
import { dayKey, longDay } from "@/app/(candidate)/_components/format";

/** The debrief as the form holds it: plain JSON, so it survives props, actions and localStorage alike. */
export type DebriefFormData = {
  draft: DebriefDraft;
  /** Null until the first save. */
  version: number | null;
  status: "draft" | "submitted" | null;
  submittedVersions: number;
  submittedAt: string | null;
  lastSavedAt: string | null;
};

export function serializeDebrief(d: MyDebrief): DebriefFormData {
  return {
    draft: {
      overallImpression: d.overallImpression,
      interestLevel: d.interestLevel,
      wentWell: d.wentWell,
      concerns: d.concerns,
      questionsAsked: d.questionsAsked,
      notMentioned: d.notMentioned,
      timelineGiven: d.timelineGiven,
      timelineDetails: d.timelineDetails,
      expectedDecisionOn: d.expectedDecisionOn,
      callInvitation: d.callInvitation,
      callBy: d.callBy,
      callTime: d.callTime,
      invitedBack: d.invitedBack,
      invitedBackDetails: d.invitedBackDetails,
      salaryDiscussed: d.salaryDiscussed,
      otherProcesses: d.otherProcesses,
      availability: d.availability,
      notesForRecruiter: d.notesForRecruiter,
      people: d.people.map(personDraftOf),
    },
    version: d.version,
    status: d.status,
    submittedVersions: d.submittedVersions,
    submittedAt: d.submittedAt?.toISOString() ?? null,
    lastSavedAt: d.lastSavedAt?.toISOString() ?? null,
  };
}

/** A first draft: nothing answered yet, the scheduled interviewers as the people met. */
export function firstDraft(
  interviewers: { contactId: string; name: string; title: string; email: string | null; phone: string }[],
  makeId: () => string,
): DebriefFormData {
  return {
    draft: {
      ...BLANK_DEBRIEF_ANSWERS,
      people: interviewers.map((c) => ({
        id: makeId(),
        contactId: c.contactId,
        name: c.name,
        title: c.title,
        email: c.email ?? "",
        phone: c.phone,
        thankYouSent: false,
        thankYouSentAt: null,
        thankYouChannel: null,
      })),
    },
    version: null,
    status: null,
    submittedVersions: 0,
    submittedAt: null,
    lastSavedAt: null,
  };
}

export function debriefCheckContext(interview: { startsAt: Date }, zone: string, now: Date | null): DebriefCheckContext {
  return {
    interviewDay: dayKey(interview.startsAt, zone),
    interviewDayLabel: longDay(interview.startsAt, zone),
    interviewStartsAt: interview.startsAt,
    now,
  };
}
