import type { DebriefContent } from "@/db/queries/debrief-writes";
import { AppError } from "@/lib/core/errors";
import { parseDebriefDraft, type DebriefDraft } from "@/lib/core/validation/debrief";

/** The form's draft (JSON, as the browser keeps it), or the fields that could not be read, next to each field. */
export function readDebriefDraft(json: string): DebriefDraft {
  const parsed = parseDebriefDraft(json);
  if (!parsed.ok) {
    throw new AppError("invalid", "Some answers could not be saved. Check the fields marked below; what you typed is kept.", parsed.fieldErrors);
  }
  return parsed.draft;
}

/** The draft as the debrief rows store it. */
export function storedContent(draft: DebriefDraft): DebriefContent {
  const { people, ...fields } = draft;
  return {
    fields,
    people: people.map((p) => ({ ...p, thankYouSentAt: p.thankYouSentAt ? new Date(p.thankYouSentAt) : null })),
  };
}
