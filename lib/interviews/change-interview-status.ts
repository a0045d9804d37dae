import { updateInterviewStatus } from "@/db/queries/interview-scheduling";
import { inTransaction, type QueryScope } from "@/db/queries/scope";
import type { InterviewStatus } from "@/lib/core/vocabulary";
import { syncPlan } from "@/lib/plans/sync";
import { wakeJobRunners } from "@/lib/jobs/queue";
import { emitInterviewStatusChanged } from "@/lib/webhooks/events";

/**
 * Completed, cancelled, no-show (or back to scheduled), in one transaction
 * with what follows: the follow-up plan's tasks follow the status. Marking an
 * interview completed stores its steps as tasks; cancelling it or marking it
 * a no-show skips the open ones ("No longer needed: interview cancelled"),
 * keeping what was done; putting it back reopens them when its plan runs again.
 */
export async function changeInterviewStatus(scope: QueryScope, input: { id: string; version: number; status: InterviewStatus }) {
  let emitted = 0;
  const result = await inTransaction(scope, async (tx) => {
    const result = await updateInterviewStatus(tx, input);
    if (result.ok) {
      await syncPlan(tx, result.value.id);
      emitted = await emitInterviewStatusChanged(tx, result.value, { previousStatus: result.value.previousStatus });
    }
    return result;
  });
  if (emitted > 0) wakeJobRunners();
  return result;
}
