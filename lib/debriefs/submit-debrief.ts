import { writeMyDebrief, type SaveDebriefResult } from "@/db/queries/debrief-writes";
import { inTransaction, type QueryScope } from "@/db/queries/scope";
import {
  debriefProblems,
  normalizeDebriefForSubmit,
  type DebriefCheckContext,
  type DebriefDraft,
  type DebriefFieldErrors,
} from "@/lib/core/validation/debrief";
import { enqueueJob, wakeJobRunners } from "@/lib/jobs/queue";
import { syncPlan } from "@/lib/plans/sync";
import { appOrigin } from "@/lib/platform/url";
import { storedContent } from "./debrief-draft";

export type SubmitDebriefInput = {
  interviewId: string;
  /** The version the form last saw; null when it saw no debrief. */
  version: number | null;
  draft: DebriefDraft;
  /** What the checks know of the interview (its day, in words, for the messages). */
  checkContext: (interview: { startsAt: Date }, zone: string, now: Date) => DebriefCheckContext;
  now?: Date;
};

export type SubmitDebriefOutcome = {
  result: SaveDebriefResult;
  /** Set when required answers are missing: the draft was saved instead, and these say what to fix. */
  problems: DebriefFieldErrors | null;
};

/**
 * Submit (or amend) a debrief, in one transaction: the interview is checked
 * once; whatever is missing, the draft is stored (nothing is lost) and only a
 * complete debrief is submitted. A submission brings the plan's tasks up to
 * date (syncPlan) and queues the recruiter's email as a job with it (rule 3):
 * the email exists exactly when the submission does, is sent after the
 * commit (a slow mail server never holds up the candidate), is retried if
 * sending fails, and is still sent after a crash. One per debrief version.
 */
export async function submitDebrief(scope: QueryScope, input: SubmitDebriefInput): Promise<SubmitDebriefOutcome> {
  const now = input.now ?? new Date();
  const origin = appOrigin();
  const found: { problems: DebriefFieldErrors | null } = { problems: null };
  const result = await inTransaction(scope, async (tx) => {
    const result = await writeMyDebrief(tx, {
      interviewId: input.interviewId,
      expectedVersion: input.version,
      now,
      content: (interview) => {
        const problems = debriefProblems(input.draft, input.checkContext(interview, interview.timeZone, now), "submit");
        if (Object.keys(problems).length > 0) {
          found.problems = problems;
          return { submit: false, ...storedContent(input.draft) };
        }
        return { submit: true, ...storedContent(normalizeDebriefForSubmit(input.draft)) };
      },
    });
    if (result.status === "saved" && result.versionNumber !== undefined) {
      await syncPlan(tx, input.interviewId, { now });
      await enqueueJob(tx, {
        kind: "debrief.submitted",
        payload: { interviewId: input.interviewId, version: result.versionNumber, userId: tx.userId, origin },
        dedupeKey: `debrief-submitted:${input.interviewId}:${result.versionNumber}`,
      });
    }
    return result;
  });
  // The email job has committed with the submission; this process's runner sends it now.
  if (result.status === "saved" && result.versionNumber !== undefined) wakeJobRunners();
  return { result, problems: found.problems };
}
