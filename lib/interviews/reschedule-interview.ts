import { rescheduleInterview as storeReschedule, type InterviewFields } from "@/db/queries/interview-scheduling";
import { inTransaction, type QueryScope } from "@/db/queries/scope";
import { syncPlan } from "@/lib/plans/sync";
import { wakeJobRunners } from "@/lib/jobs/queue";
import { emitInterviewStatusChanged } from "@/lib/webhooks/events";

/**
 * Changes when, where and with whom an interview takes place (a cancelled or
 * missed round rescheduled is scheduled again), in one transaction with its
 * follow-up plan: the tasks' deadlines move with the interview's end, the
 * thank-you notes follow the interviewers, and tasks skipped when the round
 * was cancelled reopen once its plan runs again.
 */
export async function rescheduleInterview(scope: QueryScope, input: InterviewFields & { id: string; version: number }) {
  let emitted = 0;
  const result = await inTransaction(scope, async (tx) => {
    const result = await storeReschedule(tx, input);
    if (result.ok) {
      await syncPlan(tx, result.value.id);
      emitted = await emitInterviewStatusChanged(tx, result.value, { rescheduled: true });
    }
    return result;
  });
  if (emitted > 0) wakeJobRunners();
  return result;
}
