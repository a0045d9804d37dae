import type { SaveResult } from "@/db/queries/versioned";
import { echoValues, formDataToObject } from "@/lib/actions";
import { ERROR_MESSAGES } from "@/lib/core/errors";
import type { FormState } from "@/lib/core/form-state";
import type { ConflictData, DuplicateData } from "./record-form";

type Refusal<C> = Exclude<SaveResult<unknown, C>, { ok: true }>;

/**
 * A refused save as the form's state: the typed values back, the reason next
 * to the field it concerns, and for a stale save the record as it is now.
 */
export function refusedForm<C>(
  result: Refusal<C>,
  formData: FormData,
  opts: {
    conflict?: (current: C) => ConflictData;
    duplicate?: (existing: { id: string; label: string }, field: string) => { message: string; href: string; label: string };
  } = {},
): FormState {
  const values = echoValues(formDataToObject(formData));
  switch (result.reason) {
    case "not_found":
      return { ok: false, values, formError: ERROR_MESSAGES.not_found };
    case "invalid":
      return { ok: false, values, fieldErrors: result.fieldErrors, formError: ERROR_MESSAGES.invalid };
    case "conflict":
      return {
        ok: false,
        values,
        // A form that can show both versions offers theirs; a button (archive, restore) asks for a reload.
        formError: opts.conflict
          ? ERROR_MESSAGES.conflict
          : "Someone else changed this record while you were looking at it. Reload the page to see it as it is now, then try again.",
        data: opts.conflict ? { conflict: opts.conflict(result.current) } : undefined,
      };
    case "duplicate": {
      const d = opts.duplicate?.(result.existing, result.field) ?? {
        message: `${result.existing.label} already has this value.`,
        href: "",
        label: result.existing.label,
      };
      const duplicate: DuplicateData = { field: result.field, href: d.href, label: d.label };
      return {
        ok: false,
        values,
        fieldErrors: { [result.field]: [d.message] },
        formError: ERROR_MESSAGES.invalid,
        data: d.href ? { duplicate } : undefined,
      };
    }
  }
}
