import { z } from "zod";
import { getMyDebrief } from "@/db/queries/debriefs";
import { submissionSuperseded } from "@/lib/debriefs/after-submission";
import { unsafeJobActor, type ClaimedJob } from "@/db/queries/background-jobs";
import { firmScopedDb, type Database } from "@/db/runtime";
import { runRollupBackfill, runRollupRefresh } from "@/lib/reports/rollup-jobs";
import { notifyDebriefSubmitted } from "@/lib/debriefs/notify-debrief-submitted";
import { storePlanOf } from "@/lib/plans/sync";
import { deliverWebhook, DELIVERY_RETRY } from "@/lib/webhooks/deliver";
import { queueBackfillPayload, runQueueBackfill } from "./queue-backfill";

/**
 * Every kind of background job, in one place: the shape of its payload
 * (checked when it is queued and again when it runs) and what running it
 * does. A handler
 * - may run more than once (a runner that stops mid-job leaves it to be run
 *   again): make it idempotent, e.g. with an outbox dedupe key;
 * - throws to be retried later (with growing delays, up to maxAttempts);
 * - returns when there is nothing (left) to do, e.g. the record is gone.
 * Payloads hold ids and settings, never personal data: read the rest when the
 * job runs (the record may have changed, or been erased, in between).
 */

export type JobContext = {
  /** The whole database, as its owner: build a firm's scope with firmScopedDb to have row-level security apply. */
  database: Database;
  firmId: string;
  job: ClaimedJob;
  now: Date;
};

type JobDefinition<P extends z.ZodType> = {
  payload: P;
  /** Attempts before the job is given up (default 5). */
  maxAttempts?: number;
  /** This kind's first retry delay and its cap (default: the runner's, 30 s doubling up to 1 hour). */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  run(payload: z.output<P>, ctx: JobContext): Promise<void>;
};

const defineJob = <P extends z.ZodType>(def: JobDefinition<P>) => def;

/** A scope acting for the person who made the change, as they could act themselves (row-level security applies on PostgreSQL). */
async function actorScope(ctx: JobContext, userId: string) {
  const actor = await unsafeJobActor(ctx.database.db, ctx.firmId, userId);
  if (!actor) return null;
  return { db: firmScopedDb(ctx.database.db, ctx.firmId, userId), firmId: ctx.firmId, userId, ...actor };
}

export const JOB_HANDLERS = {
  /**
   * The recruiter's email about a submitted (or amended) debrief; one per
   * version (the outbox dedupes it), none for a version amended again before
   * it was sent (the newer version's job sends the debrief as it now is).
   */
  "debrief.submitted": defineJob({
    payload: z.object({
      interviewId: z.uuid(),
      version: z.number().int().min(1),
      /** The candidate who submitted it. */
      userId: z.uuid(),
      /** Where the recruiter's link points. */
      origin: z.string().min(1),
    }),
    async run(p, ctx) {
      const scope = await actorScope(ctx, p.userId);
      if (!scope) return;
      const debrief = await getMyDebrief(scope, p.interviewId);
      if (!debrief) return;
      await notifyDebriefSubmitted(scope, { debrief, version: p.version, origin: p.origin });
    },
  }),
  /**
   * An interview's plan stored as tasks: queued by a debrief submission with
   * it (lib/debriefs/submit-debrief.ts), or when the sync in a change's own
   * transaction failed (lib/plans/sync.ts); retried until it succeeds. The
   * sync is idempotent and reads the plan as it is when the job runs.
   */
  "plan.sync": defineJob({
    payload: z.object({
      interviewId: z.uuid(),
      /** The person whose change left the plan to sync. */
      userId: z.uuid(),
      /** The debrief version whose submission queued it: once amended again, the newer version's job syncs instead. */
      debriefVersion: z.number().int().min(1).optional(),
    }),
    maxAttempts: 10,
    async run(p, ctx) {
      const scope = await actorScope(ctx, p.userId);
      if (!scope) return;
      if (p.debriefVersion !== undefined && (await submissionSuperseded(scope, p.interviewId, p.debriefVersion))) return;
      await storePlanOf(scope, p.interviewId, { now: ctx.now });
    },
  }),
  /** A batch of a firm's stored queue state, filled in for the interviews it had before the state existed. */
  "queue.backfill": defineJob({ payload: queueBackfillPayload, maxAttempts: 20, run: runQueueBackfill }),
  /** The reports' rollups: rebuild the days the triggers marked (queued by the triggers themselves). */
  "reports.rollup": defineJob({
    payload: z.object({}),
    async run(_p, ctx) {
      await runRollupRefresh({ db: ctx.database.db, firmId: ctx.firmId, now: ctx.now });
    },
  }),
  /** The reports' rollups built from the records, a batch of days at a time (resumable; lib/reports/rollup-jobs.ts). */
  "reports.backfill": defineJob({
    payload: z.object({}),
    maxAttempts: 10,
    async run(_p, ctx) {
      await runRollupBackfill({ db: ctx.database.db, firmId: ctx.firmId, now: ctx.now });
    },
  }),
  /**
   * One webhook delivery (lib/webhooks/deliver.ts), queued with its row of the
   * delivery log in the change's transaction (lib/webhooks/emit.ts) or by a
   * redelivery. Retried for about a day (DELIVERY_RETRY); an endpoint failing
   * that long is disabled and its admins mailed.
   */
  "webhook.deliver": defineJob({
    payload: z.object({ deliveryId: z.uuid() }),
    ...DELIVERY_RETRY,
    async run(p, ctx) {
      await deliverWebhook({ db: ctx.database.db, firmId: ctx.firmId }, p.deliveryId, {
        now: ctx.now,
        attempt: ctx.job.attempt,
        maxAttempts: ctx.job.maxAttempts,
      });
    },
  }),
} satisfies Record<string, JobDefinition<z.ZodType>>;

export type JobHandlers = Record<string, JobDefinition<z.ZodType>>;
export type JobKind = keyof typeof JOB_HANDLERS;
export type JobPayload<K extends JobKind> = z.input<(typeof JOB_HANDLERS)[K]["payload"]>;
