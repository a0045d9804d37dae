import { createCallWarningTask } from "@/db/queries/plan-tasks";
import { listPlanSources } from "@/db/queries/plan-sources";
import { getInterviewRecruiter, getPortalFirm } from "@/db/queries/portal";
import type { QueryScope } from "@/db/queries/scope";
import { addBusinessDaysInZone } from "@/lib/core/follow-up";
import { repeatCallEmail, staffInterviewLink } from "@/lib/email/debrief-emails";
import { sendEmail } from "@/lib/email/send";
import { logger } from "@/lib/platform/logger";

/**
 * rule 4: a second (or later) logged call warns the recruiter — a task on
 * their list and an email, once per extra call.
 */
export async function warnRecruiterOfRepeatCall(
  scope: QueryScope & { userName: string },
  input: { interviewId: string; callLogId: string; callCount: number; calledAt: Date; contactName: string | null; origin: string; now?: Date },
): Promise<{ task: boolean; mail: string } | null> {
  if (input.callCount < 2) return null;
  const now = input.now ?? new Date();
  const [recruiter, [src], firm] = await Promise.all([
    getInterviewRecruiter(scope, input.interviewId),
    listPlanSources(scope, [input.interviewId]),
    getPortalFirm(scope),
  ]);
  if (!src || !firm) return null;
  const firstName = scope.userName.split(" ")[0] || scope.userName;
  const task = await createCallWarningTask(scope, {
    interviewId: input.interviewId,
    callLogId: input.callLogId,
    title: `Talk to ${firstName} about calling ${src.interview.clientName} again`,
    details: `${scope.userName} has logged ${input.callCount} calls to the interviewer; the policy allows one (rule 4). Reassure them that you are chasing the decision, and follow up with the client yourself.`,
    ownerUserId: recruiter?.userId ?? null,
    dueAt: addBusinessDaysInZone(now, 1, firm.timeZone, firm.holidays),
  });
  let mail = "no_recruiter";
  if (recruiter) {
    const message = repeatCallEmail({
      recruiterName: recruiter.name,
      candidateName: scope.userName,
      clientName: src.interview.clientName,
      jobTitle: src.interview.jobTitle,
      callCount: input.callCount,
      calledAt: input.calledAt,
      contactName: input.contactName,
      timeZone: firm.timeZone,
      link: staffInterviewLink(input.origin, input.interviewId),
    });
    mail = await sendEmail(scope.db, {
      firmId: scope.firmId,
      to: recruiter.email,
      ...message,
      dedupeKey: `repeat-call:${input.callLogId}`,
    });
  } else {
    logger.warn({ interviewId: input.interviewId }, "repeat call logged but the interview has no active recruiter");
  }
  return { task: task.status === "created", mail };
}
