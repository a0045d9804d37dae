import { listApplicationInterviewIds, moveApplication as storeMove } from "@/db/queries/applications";
import { inTransaction, type QueryScope } from "@/db/queries/scope";
import { syncPlans } from "@/lib/plans/sync";
import { wakeJobRunners } from "@/lib/jobs/queue";
import { emitApplicationStageChanged } from "@/lib/webhooks/events";

/**
 * Moves an application to another stage (with its history and audit row) and,
 * in the same transaction, brings the follow-up plan of each of its
 * interviews up to date: a rejected or withdrawn application's open plan
 * tasks are skipped with that reason ("No longer needed: application
 * withdrawn"), and reopened when the application is put back in play. The
 * `application.stage_changed` webhook event is written in the same transaction.
 */
export async function moveApplication(scope: QueryScope, input: { id: string; version: number; stage: string; reason?: string }) {
  let emitted = 0;
  const result = await inTransaction(scope, async (tx) => {
    const result = await storeMove(tx, input);
    if (result.ok) {
      await syncPlans(tx, await listApplicationInterviewIds(tx, result.value.id));
      emitted = await emitApplicationStageChanged(tx, result.value);
    }
    return result;
  });
  if (emitted > 0) wakeJobRunners();
  return result;
}
