"use server";

import { revalidatePath } from "next/cache";
import { setThankYouNote } from "@/db/queries/debriefs";
import { completeMyPlanTask } from "@/db/queries/plan-tasks";
import { getMyInterview, getPortalFirm, logCall } from "@/db/queries/portal";
import { fromLocalInput } from "@/app/(candidate)/_components/format";
import { defineFormAction } from "@/lib/actions";
import { AppError } from "@/lib/core/errors";
import { logger } from "@/lib/platform/logger";
import { getMyPlan, syncPlanTasksQuietly, warnRecruiterOfRepeatCall } from "@/lib/plans";
import { appOrigin } from "@/lib/platform/url";
import { acceptInvitationStepSchema, logCallSchema, thankYouNoteSchema } from "@/lib/core/validation/debrief";

function refreshPortal() {
  revalidatePath("/my", "layout");
}

/** rule 2: tick a thank-you note off (or back on). */
export const markThankYouAction = defineFormAction(thankYouNoteSchema, "portal.plan.write", async (scope, input) => {
  const result = await setThankYouNote(scope, {
    interviewId: input.interviewId,
    personId: input.personId || null,
    contactId: input.contactId || null,
    sent: input.sent,
    channel: input.channel,
  });
  if (result.status === "not_found") throw new AppError("not_found");
  if (result.status === "closed") throw new AppError("invalid", "This interview was cancelled, so there are no notes to send.");
  if (result.status === "not_started") throw new AppError("invalid", "This interview has not taken place yet.");
  await syncPlanTasksQuietly(scope, input.interviewId);
  refreshPortal();
  return { ok: true, message: input.sent ? "Marked as sent." : "Marked as not sent yet." };
});

/** rule 4: the candidate logs a call to the interviewer; a second one warns the recruiter. */
export const logCallAction = defineFormAction(logCallSchema, "portal.plan.write", async (scope, input) => {
  const [interview, firm] = await Promise.all([getMyInterview(scope, input.interviewId), getPortalFirm(scope)]);
  if (!interview || !firm) throw new AppError("not_found");
  const now = new Date();
  const calledAt = input.calledAt ? fromLocalInput(input.calledAt, firm.timeZone) : now;
  if (!calledAt) {
    throw new AppError("invalid", "Some fields need attention.", { calledAt: ["Enter when you called, like 2026-03-14 10:30."] });
  }
  if (calledAt.getTime() > now.getTime() + 10 * 60_000) {
    throw new AppError("invalid", "Some fields need attention.", { calledAt: ["That time is in the future. Enter when you called."] });
  }
  if (calledAt.getTime() < interview.startsAt.getTime()) {
    throw new AppError("invalid", "Some fields need attention.", {
      calledAt: ["That is before the interview. Enter when you called the interviewer after it."],
    });
  }
  const result = await logCall(scope, {
    interviewId: input.interviewId,
    contactId: input.contactId || null,
    calledAt,
    notes: input.notes,
  });
  if (result.status === "not_found") throw new AppError("not_found");
  if (result.status === "closed") throw new AppError("invalid", "This interview was cancelled, so there is no call to log.");
  await syncPlanTasksQuietly(scope, input.interviewId);
  if (result.callCount >= 2) {
    try {
      const contactName = interview.interviewers.find((i) => i.contactId === input.contactId)?.name ?? null;
      await warnRecruiterOfRepeatCall(scope, {
        interviewId: input.interviewId,
        callLogId: result.id,
        callCount: result.callCount,
        calledAt,
        contactName,
        origin: appOrigin(),
      });
    } catch (err) {
      logger.error({ interviewId: input.interviewId, err: err instanceof Error ? err.message : String(err) }, "repeat call warning failed");
    }
  }
  refreshPortal();
  return {
    ok: true,
    message:
      result.callCount === 1
        ? "Call logged. That is the one call your plan allows; from here your recruiter follows up."
        : "Call logged. Your recruiter has been told about the repeated call and follows up with the employer from here.",
    data: { callCount: result.callCount },
  };
});

/** rule 5: the candidate says they accepted the invitation to come back. */
export const acceptInvitationAction = defineFormAction(acceptInvitationStepSchema, "portal.plan.write", async (scope, input) => {
  const mine = await getMyPlan(scope, input.interviewId);
  if (!mine) throw new AppError("not_found");
  const noInvitation = "There is no invitation to accept in this plan. If you were invited back, say so in your debrief.";
  if (!mine.plan.steps.some((s) => s.kind === "accept_invitation")) throw new AppError("invalid", noInvitation);
  // The task may not exist yet (the plan changed since the last sync).
  await syncPlanTasksQuietly(scope, input.interviewId);
  const result = await completeMyPlanTask(scope, { interviewId: input.interviewId, policyKey: "accept_invitation" });
  if (result.status === "not_found") throw new AppError("invalid", noInvitation);
  await syncPlanTasksQuietly(scope, input.interviewId);
  refreshPortal();
  return { ok: true, message: result.status === "not_open" ? "This step is already closed." : "Marked as accepted." };
});
