import { updateInterviewStatus } from "@/db/queries/interview-scheduling";
import { inTransaction, type QueryScope } from "@/db/queries/scope";
import type { InterviewStatus } from "@/lib/core/vocabulary";
import { syncPlan } from "@/lib/plans/sync";

/**
 * Completed, cancelled, no-show (or back to scheduled), in one transaction
 * with what follows: marking an interview completed stores its follow-up
 * plan's steps as tasks.
 */
export async function changeInterviewStatus(scope: QueryScope, input: { id: string; version: number; status: InterviewStatus }) {
  return inTransaction(scope, async (tx) => {
    const result = await updateInterviewStatus(tx, input);
    // The follow-up plan's steps become tasks once the interview has happened.
    if (result.ok && result.value.status === "completed") await syncPlan(tx, result.value.id);
    return result;
  });
}
