import { listApplicationInterviewIds, moveApplication as storeMove } from "@/db/queries/applications";
import { inTransaction, type QueryScope } from "@/db/queries/scope";
import { syncPlans } from "@/lib/plans/sync";

/**
 * Moves an application to another stage (with its history and audit row) and,
 * in the same transaction, brings the follow-up plan of each of its
 * interviews up to date: a rejected or withdrawn application's open plan
 * tasks are skipped with that reason ("No longer needed: application
 * withdrawn"), and reopened when the application is put back in play.
 */
export async function moveApplication(scope: QueryScope, input: { id: string; version: number; stage: string; reason?: string }) {
  return inTransaction(scope, async (tx) => {
    const result = await storeMove(tx, input);
    if (result.ok) await syncPlans(tx, await listApplicationInterviewIds(tx, result.value.id));
    return result;
  });
}
