import { completeMyPlanTask } from "@/db/queries/plan-tasks";
import { inTransaction, type QueryScope } from "@/db/queries/scope";
import { AppError } from "@/lib/core/errors";
import { getMyPlan } from "./candidate-plan";
import { syncPlan } from "./sync";

const NO_INVITATION = "There is no invitation to accept in this plan. If you were invited back, say so in your debrief.";

/**
 * rule 5: the candidate says they accepted the invitation to come back. Their
 * step is completed and the plan's tasks follow, in one transaction.
 * Says whether the step was already closed.
 */
export async function acceptInvitation(scope: QueryScope, interviewId: string): Promise<{ alreadyClosed: boolean }> {
  const mine = await getMyPlan(scope, interviewId);
  if (!mine) throw new AppError("not_found");
  if (!mine.plan.steps.some((s) => s.kind === "accept_invitation")) throw new AppError("invalid", NO_INVITATION);
  return inTransaction(scope, async (tx) => {
    // The task may not exist yet (the plan changed since the last sync).
    await syncPlan(tx, interviewId);
    const result = await completeMyPlanTask(tx, { interviewId, policyKey: "accept_invitation" });
    if (result.status === "not_found") throw new AppError("invalid", NO_INVITATION);
    await syncPlan(tx, interviewId);
    return { alreadyClosed: result.status === "not_open" };
  });
}
