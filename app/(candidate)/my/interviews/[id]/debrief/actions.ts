"use server";

import type { SaveDebriefResult } from "@/db/queries/debrief-writes";
import { defineFormAction } from "@/lib/actions";
import { AppError } from "@/lib/core/errors";
import type { FormState } from "@/lib/core/form-state";
import { debriefEnvelopeSchema } from "@/lib/core/validation/debrief";
import { readDebriefDraft } from "@/lib/debriefs/debrief-draft";
import { saveDebriefDraft } from "@/lib/debriefs/save-debrief-draft";
import { submitDebrief } from "@/lib/debriefs/submit-debrief";
import { debriefCheckContext, serializeDebrief } from "./debrief-data";

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
  const draft = readDebriefDraft(input.draft);
  return answer(await saveDebriefDraft(scope, { interviewId: input.interviewId, version: input.version, draft }));
});

/**
 * Submit or amend. Whatever is missing, the draft is saved first (nothing is
 * lost); then the required answers are checked, each problem next to its field.
 */
export const submitDebriefAction = defineFormAction(debriefEnvelopeSchema, "portal.debrief.write", async (scope, input) => {
  const draft = readDebriefDraft(input.draft);
  const { result, problems } = await submitDebrief(scope, {
    interviewId: input.interviewId,
    version: input.version,
    draft,
    checkContext: debriefCheckContext,
  });
  const state = answer(result);
  if (!state.ok) return state;
  if (problems) {
    const count = Object.keys(problems).length;
    return {
      ...state,
      ok: false,
      values: { interviewId: input.interviewId, draft: input.draft },
      fieldErrors: problems,
      formError: `${count === 1 ? "One answer needs" : `${count} answers need`} attention before you submit. Your draft is saved.`,
    };
  }
  // No revalidatePath: the form goes on to the plan page, which is rendered fresh, so re-rendering this
  // page into the action's answer would be work nobody sees.
  return { ...state, message: result.status === "saved" && result.amended ? "Amendment sent to your recruiter." : "Debrief sent to your recruiter." };
});
