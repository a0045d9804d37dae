import { deleteFeedback as removeFeedback } from "@/db/queries/feedback-recording";
import { getFeedback } from "@/db/queries/feedback";
import { inTransaction, type QueryScope } from "@/db/queries/scope";
import { syncPlan } from "@/lib/plans/sync";

/**
 * Removes a piece of feedback and brings the interview's plan up to date in
 * the same transaction (feedback recorded by mistake no longer counts as the
 * client's answer). A stage it moved stays where it is.
 */
export async function deleteFeedback(scope: QueryScope, ref: { id: string; version: number }): Promise<"ok" | "not_found"> {
  return inTransaction(scope, async (tx) => {
    const before = await getFeedback(tx, ref.id);
    if (!before) return "not_found" as const;
    const result = await removeFeedback(tx, ref);
    if (result === "ok") await syncPlan(tx, before.interviewId);
    return result;
  });
}
