import { writeMyDebrief, type SaveDebriefResult } from "@/db/queries/debrief-writes";
import { inTransaction, type QueryScope } from "@/db/queries/scope";
import {
  debriefProblems,
  normalizeDebriefForSubmit,
  type DebriefCheckContext,
  type DebriefDraft,
  type DebriefFieldErrors,
} from "@/lib/core/validation/debrief";
import { enqueueJobs, wakeJobRunners } from "@/lib/jobs/queue";
import { appOrigin } from "@/lib/platform/url";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { submissionJobs } from "./after-submission";
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
 * complete debrief is submitted, with its version and audit row. What follows
 * a submission (the plan's tasks, and the recruiter's email: rule 3) is
 * queued as jobs in the same transaction (submissionJobs): they exist exactly
 * when the submission does, run after the commit (neither the sync nor a slow
 * mail server holds up the candidate), are retried if they fail, and still
 * run after a crash. The candidate's plan page is built from the debrief
 * itself, so it is complete at once; the recruiter's tasks follow a moment
 * later.
 */
export async function submitDebrief(scope: QueryScope, input: SubmitDebriefInput): Promise<SubmitDebriefOutcome> {
  const now = input.now ?? new Date();
  const origin = appOrigin();
  const found: { problems: DebriefFieldErrors | null; submitted?: DebriefDraft } = { problems: null };
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
        found.submitted = normalizeDebriefForSubmit(input.draft);
        return { submit: true, ...storedContent(found.submitted) };
      },
    });
    if (result.status === "saved" && result.versionNumber !== undefined) {
      await enqueueJobs(tx, submissionJobs({ interviewId: input.interviewId, version: result.versionNumber, userId: tx.userId, origin }));
      await emitWebhookEvent(tx, {
        type: result.amended ? "debrief.amended" : "debrief.submitted",
        data: {
          debriefId: result.debriefId,
          interviewId: input.interviewId,
          // A submission is made in a candidate's scope, which always names the candidate.
          candidateId: tx.candidateId!,
          version: result.versionNumber,
          submittedAt: (result.submittedAt ?? now).toISOString(),
        },
        candidateId: tx.candidateId,
        debriefText: found.submitted ? { ...found.submitted } : null,
        at: now,
      });
    }
    return result;
  });
  // The jobs have committed with the submission; this process's runner runs them now.
  if (result.status === "saved" && result.versionNumber !== undefined) wakeJobRunners();
  return { result, problems: found.problems };
}
