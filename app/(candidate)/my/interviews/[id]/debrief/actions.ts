"use server";

import { saveDebriefDraft, submitDebrief, type SaveDebriefResult } from "@/db/queries/debriefs";
import { getMyInterviewStart } from "@/db/queries/portal";
import { defineFormAction } from "@/lib/actions";
import type { Scope } from "@/lib/auth/scope";
import { inTransaction } from "@/db/queries/scope";
import { AppError } from "@/lib/core/errors";
import type { FormState } from "@/lib/core/form-state";
import { logger } from "@/lib/platform/logger";
import { enqueueJob, wakeJobRunners } from "@/lib/jobs/queue";
import { syncPlanTasks } from "@/lib/plans";
import { appOrigin } from "@/lib/platform/url";
import {
  debriefEnvelopeSchema,
  debriefProblems,
  normalizeDebriefForSubmit,
  parseDebriefDraft,
  type DebriefDraft,
} from "@/lib/core/validation/debrief";
import { debriefCheckContext, serializeDebrief } from "./debrief-data";

function storedInput(draft: DebriefDraft) {
  const { people, ...fields } = draft;
  return {
    fields,
    people: people.map((p) => ({ ...p, thankYouSentAt: p.thankYouSentAt ? new Date(p.thankYouSentAt) : null })),
  };
}

function parsedDraft(json: string): DebriefDraft {
  const parsed = parseDebriefDraft(json);
  if (!parsed.ok) {
    throw new AppError("invalid", "Some answers could not be saved. Check the fields marked below; what you typed is kept.", parsed.fieldErrors);
  }
  return parsed.draft;
}

/** A saved write's answer to the form; anything else becomes a message the candidate can act on. */
function answer(result: SaveDebriefResult, extra: Partial<FormState> = {}): FormState {
  switch (result.status) {
    case "saved":
      return {
        ok: true,
        ...extra,
        data: {
          debriefId: result.debriefId,
          version: result.version,
          lastSavedAt: result.lastSavedAt.toISOString(),
          debriefStatus: result.debriefStatus,
          submittedVersions: result.submittedVersions,
          submittedAt: result.submittedAt?.toISOString() ?? null,
          peopleIds: result.peopleIds,
          ...(result.versionNumber !== undefined ? { versionNumber: result.versionNumber, amended: result.amended } : {}),
          ...(extra.data ?? {}),
        },
      };
    case "not_found":
      throw new AppError("not_found");
    case "closed":
      throw new AppError(
        "invalid",
        result.interviewStatus === "cancelled"
          ? "This interview was cancelled, so there is no debrief to file. What you typed is still on this page."
          : "This interview was recorded as missed, so there is no debrief to file. Talk to your recruiter if that is wrong.",
      );
    case "not_started":
      throw new AppError("invalid", "This interview has not started yet. You can file its debrief once it has taken place.");
    case "conflict":
      return {
        ok: false,
        formError:
          "This debrief was changed in another window or on another device. Choose which version to keep; nothing is lost.",
        data: { conflict: true, current: result.current ? serializeDebrief(result.current) : null },
      };
  }
}

/** Autosave: the draft as typed, as often as the form sends it. */
export const saveDebriefDraftAction = defineFormAction(debriefEnvelopeSchema, "portal.debrief.write", async (scope, input) => {
  const draft = parsedDraft(input.draft);
  const result = await saveDebriefDraft(scope, {
    interviewId: input.interviewId,
    expectedVersion: input.version,
    ...storedInput(draft),
  });
  return answer(result);
});

/**
 * Submit or amend. Whatever is missing, the draft is saved first (nothing is
 * lost); then the required answers are checked, each problem next to its field.
 */
export const submitDebriefAction = defineFormAction(debriefEnvelopeSchema, "portal.debrief.write", async (scope, input) => {
  const draft = parsedDraft(input.draft);
  const origin = appOrigin();
  // One transaction for the checks, the submission, the plan's tasks and the recruiter's email job: one
  // BEGIN and COMMIT rather than one per statement, and what follows the debrief is stored with it.
  const outcome = await inTransaction(scope, async (tx) => {
    const interview = await getMyInterviewStart(tx, input.interviewId);
    if (!interview) return { kind: "not_found" as const };
    const problems = debriefProblems(draft, debriefCheckContext(interview, interview.timeZone, new Date()), "submit");
    if (Object.keys(problems).length > 0) {
      const saved = await saveDebriefDraft(tx, {
        interviewId: input.interviewId,
        expectedVersion: input.version,
        ...storedInput(draft),
      });
      return { kind: "problems" as const, saved, problems };
    }
    const result = await submitDebrief(tx, {
      interviewId: input.interviewId,
      expectedVersion: input.version,
      ...storedInput(normalizeDebriefForSubmit(draft)),
    });
    if (result.status === "saved") {
      await syncPlanTasksSafely(tx, input.interviewId);
      await enqueueRecruiterEmail(tx, input.interviewId, result.versionNumber ?? 1, origin);
    }
    return { kind: "submitted" as const, result };
  });
  if (outcome.kind === "not_found") throw new AppError("not_found");
  if (outcome.kind === "problems") {
    const count = Object.keys(outcome.problems).length;
    const state = answer(outcome.saved);
    if (!state.ok) return state;
    return {
      ...state,
      ok: false,
      values: { interviewId: input.interviewId, draft: input.draft },
      fieldErrors: outcome.problems,
      formError: `${count === 1 ? "One answer needs" : `${count} answers need`} attention before you submit. Your draft is saved.`,
    };
  }
  const { result } = outcome;
  const state = answer(result);
  if (result.status !== "saved") return state;
  // The email job has committed with the submission; this process's runner sends it now.
  wakeJobRunners();
  // No revalidatePath: the form goes on to the plan page, which is rendered fresh, so re-rendering this
  // page into the action's answer would be work nobody sees.
  return {
    ...state,
    message: result.amended ? "Amendment sent to your recruiter." : "Debrief sent to your recruiter.",
  };
});

/**
 * The plan's tasks follow a submission but may not undo it: the sync runs in a
 * savepoint of the submission's transaction, and a failure is logged and
 * caught up by the next sync.
 */
async function syncPlanTasksSafely(scope: Scope, interviewId: string) {
  try {
    await inTransaction(scope, (sp) => syncPlanTasks(sp, interviewId));
  } catch (err) {
    logger.error({ interviewId, err: err instanceof Error ? err.message : String(err) }, "plan task sync failed");
  }
}

/**
 * The recruiter's email is a job written in the submission's transaction:
 * it exists exactly when the submission does, and is sent after the commit
 * (so a slow mail server never holds up the candidate), retried if sending
 * fails, and still sent after a crash. One per debrief version.
 */
async function enqueueRecruiterEmail(scope: Scope, interviewId: string, version: number, origin: string) {
  await enqueueJob(scope, {
    kind: "debrief.submitted",
    payload: { interviewId, version, userId: scope.userId, origin },
    dedupeKey: `debrief-submitted:${interviewId}:${version}`,
  });
}
