import type { DbOrTx } from "@/db/runtime";
import { unsafeListOverdueTasksToAnnounce } from "@/db/queries/webhooks";
import { emitWebhookEvent } from "./emit";

/** Tasks that fell due longer ago than this are not announced (a new endpoint does not get a firm's whole backlog). */
export const OVERDUE_WINDOW_MS = 2 * 86_400_000;

/**
 * The `task.overdue` events, found by the reminder pass (every 10 minutes):
 * each open task that fell due since the window began is announced once to
 * each endpoint that receives the event (the delivery job's dedupe key is per
 * endpoint and task), in one transaction per task. Returns the deliveries written.
 */
export async function emitOverdueTaskEvents(db: DbOrTx, now: Date): Promise<number> {
  const due = await unsafeListOverdueTasksToAnnounce(db, { now, windowMs: OVERDUE_WINDOW_MS });
  let written = 0;
  for (const task of due) {
    written += await db.transaction((tx) =>
      emitWebhookEvent(
        { db: tx, firmId: task.firmId },
        {
          type: "task.overdue",
          data: {
            taskId: task.taskId,
            dueAt: task.dueAt.toISOString(),
            ownerUserId: task.ownerUserId,
            candidateId: task.candidateId,
            applicationId: task.applicationId,
            interviewId: task.interviewId,
            rule: task.rule,
            policyKey: task.policyKey,
          },
          candidateId: task.candidateId,
          onceKey: `task-overdue:${task.taskId}`,
          at: now,
        },
      ),
    );
  }
  return written;
}
