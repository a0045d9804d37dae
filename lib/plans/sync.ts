import { listPlanSources } from "@/db/queries/plan-sources";
import { storePlanTasks, type StorePlanTasksResult } from "@/db/queries/plan-tasks";
import { getPortalFirm } from "@/db/queries/portal";
import { inTransaction, type QueryScope } from "@/db/queries/scope";
import { buildPlan } from "@/lib/core/follow-up";
import { enqueueJob } from "@/lib/jobs/queue";
import { logger } from "@/lib/platform/logger";
import { followUpInputFrom } from "./follow-up-input";
import { isPlanStepKey, leftThePlanReason, noTasksReason, planTaskSpecs } from "./task-specs";

/**
 * An interview's follow-up plan stored as tasks. Every change that can alter
 * a plan calls syncPlan in its own transaction; the plan.sync job
 * (lib/jobs/handlers.ts) runs storePlanOf when an earlier sync failed.
 */

export type SyncPlanOptions = {
  now?: Date;
  /**
   * Why steps that leave the plan with this change are no longer needed
   * ("No longer needed: the client has decided"), when the caller knows
   * better than the sync. An interview cancelled, missed, or whose
   * application closed always says so itself.
   */
  reason?: string;
};

/**
 * Stores the interview's plan as tasks, idempotently (see storePlanTasks),
 * and throws if that fails. Safe from any scope: a candidate's scope reaches
 * only their own interview, but the plan is built from every fact and the
 * tasks belong to the firm (recruiter steps go to the recruiter). An
 * interview that did not happen (cancelled, no-show, not yet) or whose
 * application was rejected or withdrawn gets no tasks: its open ones are
 * skipped with that reason, its done ones stay done.
 */
export async function storePlanOf(scope: QueryScope, interviewId: string, opts: SyncPlanOptions = {}): Promise<StorePlanTasksResult> {
  const now = opts.now ?? new Date();
  const [src] = await listPlanSources(scope, [interviewId], { staffProgress: true });
  const firm = src ? await getPortalFirm(scope) : null;
  if (!src || !firm) return { status: "not_found" };
  const closed = noTasksReason(src);
  const steps = closed ? [] : planTaskSpecs(buildPlan(followUpInputFrom(src, firm, now)), src);
  const skipReason = closed ?? opts.reason ?? leftThePlanReason(src);
  return storePlanTasks(scope, { interviewId, steps, managedKey: isPlanStepKey, skipReason, now });
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
export async function syncPlan(tx: QueryScope, interviewId: string, opts: SyncPlanOptions = {}): Promise<SyncPlanResult> {
  try {
    return await inTransaction(tx, (savepoint) => storePlanOf(savepoint, interviewId, opts));
  } catch (err) {
    logger.error({ interviewId, err: err instanceof Error ? err.message : String(err) }, "plan task sync failed; queued to run again");
    const jobId = await enqueueJob(tx, { kind: "plan.sync", payload: { interviewId, userId: tx.userId } });
    return { status: "deferred", jobId };
  }
}

/**
 * syncPlan for several interviews of one change (an application moved: each
 * of its rounds), in the change's transaction; each sync fails (and is
 * queued) on its own.
 */
export async function syncPlans(tx: QueryScope, interviewIds: string[], opts: SyncPlanOptions = {}): Promise<SyncPlanResult[]> {
  const results: SyncPlanResult[] = [];
  for (const id of [...new Set(interviewIds)]) results.push(await syncPlan(tx, id, opts));
  return results;
}
