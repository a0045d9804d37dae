import { getApplication } from "@/db/queries/applications";
import { scheduleInterview as storeSchedule, type InterviewFields } from "@/db/queries/interview-scheduling";
import { inTransaction, type QueryScope } from "@/db/queries/scope";
import { wakeJobRunners } from "@/lib/jobs/queue";
import { emitApplicationStageChanged, emitInterviewScheduled } from "@/lib/webhooks/events";

/**
 * Schedules a round (moving an application still sourced or submitted to
 * interviewing) and, in the same transaction, writes the webhook events that
 * follow: `interview.scheduled`, and `application.stage_changed` when the
 * application moved.
 */
export async function scheduleInterview(scope: QueryScope, input: InterviewFields & { applicationId: string }) {
  let emitted = 0;
  const result = await inTransaction(scope, async (tx) => {
    const result = await storeSchedule(tx, input);
    if (!result.ok) return result;
    emitted += await emitInterviewScheduled(tx, result.value);
    if (result.value.stageMoved) {
      const app = await getApplication(tx, result.value.applicationId);
      if (app) emitted += await emitApplicationStageChanged(tx, app);
    }
    return result;
  });
  if (emitted > 0) wakeJobRunners();
  return result;
}
