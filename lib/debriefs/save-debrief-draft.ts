import { writeMyDebrief, type SaveDebriefResult } from "@/db/queries/debrief-writes";
import type { QueryScope } from "@/db/queries/scope";
import type { DebriefDraft } from "@/lib/core/validation/debrief";
import { storedContent } from "./debrief-draft";

export type SaveDebriefDraftInput = {
  interviewId: string;
  /** The version the form last saw; null when it saw no debrief. */
  version: number | null;
  draft: DebriefDraft;
  now?: Date;
};

/**
 * Autosave: the candidate's draft as typed, as often as the form sends it (a
 * draft may be incomplete). One transaction; a draft changes no plan, so
 * nothing follows it.
 */
export function saveDebriefDraft(scope: QueryScope, input: SaveDebriefDraftInput): Promise<SaveDebriefResult> {
  return writeMyDebrief(scope, {
    interviewId: input.interviewId,
    expectedVersion: input.version,
    now: input.now,
    content: () => ({ submit: false, ...storedContent(input.draft) }),
  });
}
