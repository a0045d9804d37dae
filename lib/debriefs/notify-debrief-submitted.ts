import type { MyDebrief } from "@/db/queries/debriefs";
import { listPlanSources } from "@/db/queries/plan-sources";
import { getInterviewRecruiter, getPortalFirm } from "@/db/queries/portal";
import type { QueryScope } from "@/db/queries/scope";
import { debriefSubmittedEmail, staffInterviewLink } from "@/lib/email/debrief-emails";
import { sendEmail } from "@/lib/email/send";

/**
 * Run by the debrief.submitted job (lib/jobs/handlers.ts) after the
 * submission committed, as the candidate who submitted it.
 */

/** rule 3: the recruiter hears at once that a debrief was filed or amended. */
export async function notifyDebriefSubmitted(
  scope: QueryScope & { userName: string },
  input: { debrief: MyDebrief; version: number; origin: string },
): Promise<"sent" | "logged" | "failed" | "duplicate" | "no_recruiter" | "superseded"> {
  // Amended again before this email went: the newer version's email tells the recruiter.
  if (input.debrief.submittedVersions > input.version) return "superseded";
  const [recruiter, [src], firm] = await Promise.all([
    getInterviewRecruiter(scope, input.debrief.interviewId),
    listPlanSources(scope, [input.debrief.interviewId]),
    getPortalFirm(scope),
  ]);
  if (!recruiter || !src || !firm) return "no_recruiter";
  const d = input.debrief;
  const mail = debriefSubmittedEmail({
    recruiterName: recruiter.name,
    candidateName: scope.userName,
    clientName: src.interview.clientName,
    jobTitle: src.interview.jobTitle,
    interviewKind: src.interview.kind,
    interviewStartsAt: src.interview.startsAt,
    timeZone: firm.timeZone,
    version: input.version,
    overallImpression: d.overallImpression,
    interestLevel: d.interestLevel,
    timelineGiven: d.timelineGiven,
    expectedDecisionOn: d.expectedDecisionOn,
    callInvitation: d.callInvitation,
    callBy: d.callBy,
    callTime: d.callTime,
    invitedBack: d.invitedBack,
    notMentioned: d.notMentioned,
    notesForRecruiter: d.notesForRecruiter,
    peopleMet: d.people.map((p) => p.name).filter(Boolean),
    link: staffInterviewLink(input.origin, d.interviewId),
  });
  return sendEmail(scope.db, {
    firmId: scope.firmId,
    to: recruiter.email,
    ...mail,
    dedupeKey: `debrief-submitted:${d.id}:${input.version}`,
  });
}
