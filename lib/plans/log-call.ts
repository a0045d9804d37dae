import { getMyInterview, getPortalFirm, logCall } from "@/db/queries/portal";
import { inTransaction, type QueryScope } from "@/db/queries/scope";
import { AppError } from "@/lib/core/errors";
import { logger } from "@/lib/platform/logger";
import { appOrigin } from "@/lib/platform/url";
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
export async function logCallToInterviewer(scope: QueryScope & { userName: string }, input: LogCallToInterviewerInput): Promise<{ callCount: number }> {
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
  if (result.status === "closed") throw new AppError("invalid", "This interview was cancelled, so there is no call to log.");
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
  return { callCount: result.callCount };
}
