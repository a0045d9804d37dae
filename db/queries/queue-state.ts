import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { firms, interviews } from "../schema";

/**
 * The stored queue state's backfill (db/schema/queue.ts): the triggers keep
 * every interview changed since migration 0009 current; these fill in the
 * rows of the interviews a firm already had, a batch at a time, as the
 * tables' owner (the runner's handle: the app's role cannot write the state).
 */

/**
 * Refreshes the state of the firm's next `limit` interviews after `after` (in
 * id order) and returns the last id done, or null when there were none.
 * Refreshing is idempotent, so a batch run twice changes nothing.
 */
export async function unsafeRefreshQueueBatch(
  db: DbOrTx,
  firmId: string,
  opts: { after: string | null; limit: number },
): Promise<{ last: string | null; count: number }> {
  const ids = await db
    .select({ id: interviews.id })
    .from(interviews)
    .where(and(eq(interviews.firmId, firmId), opts.after ? gt(interviews.id, opts.after) : undefined))
    .orderBy(asc(interviews.id))
    .limit(opts.limit);
  if (ids.length === 0) return { last: null, count: 0 };
  const keys = ids.map((r) => `"(${firmId},${r.id})"`).join(",");
  await db.execute(sql`select interview_queue_refresh(${`{${keys}}`}::interview_key[])`);
  return { last: ids[ids.length - 1]!.id, count: ids.length };
}

/** From now on the firm's queue reads its stored state. */
export async function unsafeMarkQueueStateReady(db: DbOrTx, firmId: string): Promise<void> {
  await db.update(firms).set({ queueStateReady: true }).where(eq(firms.id, firmId));
}
