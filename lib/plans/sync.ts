import { listPlanSources } from "@/db/queries/plan-sources";
import { storePlanTasks, type StorePlanTasksResult } from "@/db/queries/plan-tasks";
import { getPortalFirm } from "@/db/queries/portal";
import { inTransaction, type QueryScope } from "@/db/queries/scope";
import { buildPlan } from "@/lib/core/follow-up";
import { enqueueJob } from "@/lib/jobs/queue";
import { logger } from "@/lib/platform/logger";
import { followUpInputFrom } from "./follow-up-input";
import { generatesTasks, isPlanStepKey, planTaskSpecs } from "./task-specs";

/**
 * An interview's follow-up plan stored as tasks. Every change that can alter
 * a plan calls syncPlan in its own transaction; the plan.sync job
 * (lib/jobs/handlers.ts) runs storePlanOf when an earlier sync failed.
 */

/**
 * Stores the interview's plan as tasks, idempotently (see storePlanTasks),
 * and throws if that fails. Safe from any scope: a candidate's scope reaches
 * only their own interview, but the plan is built from every fact and the
 * tasks belong to the firm (recruiter steps go to the recruiter). An
 * interview that did not (or not yet) happen gets no tasks, and its
 * untouched generated ones go.
 */
export async function storePlanOf(scope: QueryScope, interviewId: string, opts: { now?: Date } = {}): Promise<StorePlanTasksResult> {
  const now = opts.now ?? new Date();
  const [src] = await listPlanSources(scope, [interviewId], { staffProgress: true });
  const firm = src ? await getPortalFirm(scope) : null;
  if (!src || !firm) return { status: "not_found" };
  const steps = generatesTasks(src) ? planTaskSpecs(buildPlan(followUpInputFrom(src, firm, now)), src) : [];
  return storePlanTasks(scope, { interviewId, steps, managedKey: isPlanStepKey, now });
}

export type SyncPlanResult = StorePlanTasksResult | { status: "deferred"; jobId: string | null };

/**
 * The one way a change brings an interview's tasks up to date with its plan:
 * call it with the change's transaction (the scope `inTransaction` gives),
 * after the change. The sync runs in a savepoint, so a sync that fails never
 * takes the person's change with it; it is then written down as a plan.sync
 * job in the same transaction, which the job runner retries after the commit
 * until the tasks are stored. Called outside a transaction, the sync gets one
 * of its own.
 */
export async function syncPlan(tx: QueryScope, interviewId: string, opts: { now?: Date } = {}): Promise<SyncPlanResult> {
  try {
    return await inTransaction(tx, (savepoint) => storePlanOf(savepoint, interviewId, opts));
  } catch (err) {
    logger.error({ interviewId, err: err instanceof Error ? err.message : String(err) }, "plan task sync failed; queued to run again");
    const jobId = await enqueueJob(tx, { kind: "plan.sync", payload: { interviewId, userId: tx.userId } });
    return { status: "deferred", jobId };
  }
}
