import { z } from "zod";
import { insertJob } from "@/db/queries/background-jobs";
import { unsafeMarkQueueStateReady, unsafeRefreshQueueBatch } from "@/db/queries/queue-state";
import type { JobContext } from "./handlers";

/** Interviews per batch: one short transaction each, so a large firm's backfill never holds locks for long. */
export const QUEUE_BACKFILL_BATCH = 2_000;

export const queueBackfillPayload = z.object({
  /** The last interview id done; none at the start. */
  after: z.uuid().nullable().optional(),
  /** Interviews per batch (default QUEUE_BACKFILL_BATCH). */
  batch: z.number().int().min(1).max(50_000).optional(),
});

/**
 * Fills in a firm's stored queue state for the interviews it had before the
 * state existed (migration 0009 queues the first batch), one batch per job:
 * each batch and the job for the next one commit together, so a stopped
 * runner resumes where the last committed batch ended, and a batch run again
 * refreshes the same rows to the same values. After the last batch the firm's
 * queue switches to the stored state.
 */
export async function runQueueBackfill(p: z.output<typeof queueBackfillPayload>, ctx: JobContext): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    const batch = p.batch ?? QUEUE_BACKFILL_BATCH;
    const done = await unsafeRefreshQueueBatch(tx, ctx.firmId, { after: p.after ?? null, limit: batch });
    if (done.count < batch || !done.last) {
      await unsafeMarkQueueStateReady(tx, ctx.firmId);
      return;
    }
    await insertJob(
      { db: tx, firmId: ctx.firmId },
      { kind: "queue.backfill", payload: { after: done.last, batch: p.batch }, maxAttempts: 20, dedupeKey: `queue.backfill:${done.last}` },
    );
  });
}
