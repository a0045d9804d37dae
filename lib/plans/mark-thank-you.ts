import { inTransaction, type QueryScope } from "@/db/queries/scope";
import { setThankYouNote, type SetThankYouInput } from "@/db/queries/thank-you-notes";
import { AppError } from "@/lib/core/errors";
import { syncPlan } from "./sync";

/**
 * rule 2: the candidate ticks a thank-you note off (or back on) from the plan;
 * the plan's tasks follow in the same transaction.
 */
export async function markThankYou(scope: QueryScope, input: SetThankYouInput): Promise<void> {
  const result = await inTransaction(scope, async (tx) => {
    const result = await setThankYouNote(tx, input);
    if (result.status === "saved") await syncPlan(tx, input.interviewId);
    return result;
  });
  if (result.status === "not_found") throw new AppError("not_found");
  if (result.status === "closed") throw new AppError("invalid", "This interview was cancelled, so there are no notes to send.");
  if (result.status === "not_started") throw new AppError("invalid", "This interview has not taken place yet.");
}
