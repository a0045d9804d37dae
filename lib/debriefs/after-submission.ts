import { getMyDebrief } from "@/db/queries/debriefs";
import type { QueryScope } from "@/db/queries/scope";
import type { AnyJob } from "@/lib/jobs/queue";

/**
 * What follows a debrief's submission, as durable jobs written in the
 * submission's own transaction (lib/jobs/queue.ts): the plan's tasks
 * (plan.sync) and the recruiter's email (debrief.submitted). Each has a
 * dedupe key per interview and version, so a version is synced and mailed
 * by one job each however often its transaction's work is retried; the
 * handlers are idempotent, and a version amended again before its jobs ran
 * leaves the work to the newer version's jobs (submissionSuperseded).
 */
export function submissionJobs(input: { interviewId: string; version: number; userId: string; origin: string }): AnyJob[] {
  const { interviewId, version, userId, origin } = input;
  return [
    {
      kind: "plan.sync",
      payload: { interviewId, userId, debriefVersion: version },
      dedupeKey: `plan-sync:debrief:${interviewId}:${version}`,
    },
    {
      kind: "debrief.submitted",
      payload: { interviewId, version, userId, origin },
      dedupeKey: `debrief-submitted:${interviewId}:${version}`,
    },
  ];
}

/** The candidate has submitted this interview's debrief again since `version`: that submission's own jobs do the work. */
export async function submissionSuperseded(scope: QueryScope, interviewId: string, version: number): Promise<boolean> {
  const debrief = await getMyDebrief(scope, interviewId);
  return debrief !== null && debrief.submittedVersions > version;
}
