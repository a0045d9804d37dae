import { listPlanSources } from "@/db/queries/plan-sources";
import { getMyInterview, getPortalFirm, logCall } from "@/db/queries/portal";
import { inTransaction, type QueryScope } from "@/db/queries/scope";
import { AppError } from "@/lib/core/errors";
import { buildPlan, type Plan } from "@/lib/core/follow-up";
import { logger } from "@/lib/platform/logger";
import { appOrigin } from "@/lib/platform/url";
import { followUpInputFrom } from "./follow-up-input";
import { warnRecruiterOfRepeatCall } from "./repeat-call";
import { syncPlan } from "./sync";

export type LogCallToInterviewerInput = {
  interviewId: string;
  contactId: string | null;
  /** When the call was made, as the candidate typed it in the firm's zone; empty means now. */
  calledAt: string;
  notes: string;
  /** Reads a wall-clock time typed in a zone. */
  parseLocal: (value: string, zone: string) => Date | null;
};

const REFUSED = "Some fields need attention.";

/**
 * rule 4: the candidate logs a call to the interviewer. The call and the
 * plan's tasks are stored in one transaction; a second (or later) call then
 * warns the recruiter, and a failed warning never undoes the call.
 */
/** What the candidate is told once a call is logged, in the words of their plan (rule 4). */
export function loggedCallMessage(callCount: number, plan: Pick<Plan, "callReason" | "warnings"> | null): string {
  if (callCount >= 2) {
    return "Call logged. Your recruiter has been told about the repeated call and follows up with the employer from here.";
  }
  if (!plan) return "Call logged. From here your recruiter follows up.";
  if (plan.callReason === "none") {
    return "Call logged. Your plan did not include a call to the interviewer; from here your recruiter follows up with the employer, not you.";
  }
  if (plan.warnings.some((w) => w.code === "call_outside_window")) {
    return "Call logged. It was outside the window your plan gave for the one call; from here your recruiter follows up, not you.";
  }
  return "Call logged. That is the one call your plan allows; from here your recruiter follows up.";
}

export async function logCallToInterviewer(
  scope: QueryScope & { userName: string },
  input: LogCallToInterviewerInput,
): Promise<{ callCount: number; message: string }> {
  const [interview, firm] = await Promise.all([getMyInterview(scope, input.interviewId), getPortalFirm(scope)]);
  if (!interview || !firm) throw new AppError("not_found");
  const now = new Date();
  const calledAt = input.calledAt ? input.parseLocal(input.calledAt, firm.timeZone) : now;
  if (!calledAt) throw new AppError("invalid", REFUSED, { calledAt: ["Enter when you called, like 2026-03-14 10:30."] });
  if (calledAt.getTime() > now.getTime() + 10 * 60_000) {
    throw new AppError("invalid", REFUSED, { calledAt: ["That time is in the future. Enter when you called."] });
  }
  if (calledAt.getTime() < interview.startsAt.getTime()) {
    throw new AppError("invalid", REFUSED, { calledAt: ["That is before the interview. Enter when you called the interviewer after it."] });
  }
  const result = await inTransaction(scope, async (tx) => {
    const result = await logCall(tx, { interviewId: input.interviewId, contactId: input.contactId, calledAt, notes: input.notes });
    if (result.status === "logged") await syncPlan(tx, input.interviewId);
    return result;
  });
  if (result.status === "not_found") throw new AppError("not_found");
  if (result.status === "closed") {
    const what = result.interviewStatus === "no_show" ? "was recorded as missed" : "was cancelled";
    throw new AppError("invalid", `This interview ${what}, so there is no call to log.`);
  }
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
  // The plan as it stands after the call, for the candidate's answer.
  const [src] = await listPlanSources(scope, [input.interviewId]);
  const plan = src ? buildPlan(followUpInputFrom(src, firm, new Date())) : null;
  const message = loggedCallMessage(result.callCount, plan);
  return { callCount: result.callCount, message };
}
