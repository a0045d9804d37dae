import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import type { SaveResult } from "@/db/queries/versioned";
import { defineFormAction } from "@/lib/actions";
import type { Scope } from "@/lib/auth/scope";
import type { Permission } from "@/lib/core/permissions";
import type { FormState } from "@/lib/core/form-state";
import { recordRefSchema, type RecordRef } from "@/lib/core/validation/records";
import type { ConflictData } from "../record-form";
import { refusedForm } from "../save-result";

type Refusal = Parameters<typeof refusedForm>[2];
type Duplicate = NonNullable<Refusal>["duplicate"];
type FormAction = (prev: FormState, formData: FormData) => Promise<FormState>;

/** What the create, update, archive and restore actions of one record type share. */
export interface RecordKind {
  /** The list's path ("/candidates"); a record's page is `${path}/${id}`. */
  path: string;
  permission: Permission;
  /** For a value that must be unique: the message next to the field and a link to the record that has it. */
  duplicate?: Duplicate;
}

/** Other pages that show what was saved (the client's page for a contact), refreshed with the list. */
type AlsoShownOn<I> = (input: I) => string;

function revalidate(paths: (string | undefined)[]) {
  for (const path of paths) if (path) revalidatePath(path);
}

/** Creates a record, then opens its page with "… created." */
export function createRecordAction<S extends z.ZodType>(
  schema: S,
  kind: RecordKind,
  create: (scope: Scope, input: z.output<S>) => Promise<SaveResult<{ id: string }>>,
  alsoShownOn?: AlsoShownOn<z.output<S>>,
): FormAction {
  return defineFormAction(schema, kind.permission, async (scope, input, formData) => {
    const result = await create(scope, input);
    if (!result.ok) return refusedForm(result, formData, { duplicate: kind.duplicate });
    revalidate([kind.path, alsoShownOn?.(input)]);
    redirect(`${kind.path}/${result.value.id}?saved=created`);
  });
}

/**
 * Saves an edit on the version the form was opened on, then opens the
 * record's page with "Changes saved." When someone saved first, `conflict`
 * gives the record as it is now for the form to show beside the fields.
 */
export function updateRecordAction<S extends z.ZodType<{ id: string }>, C>(
  schema: S,
  kind: RecordKind,
  update: (scope: Scope, input: z.output<S>) => Promise<SaveResult<unknown, C>>,
  conflict: (scope: Scope, current: C) => Promise<ConflictData> | ConflictData,
  alsoShownOn?: AlsoShownOn<z.output<S>>,
): FormAction {
  return defineFormAction(schema, kind.permission, async (scope, input, formData) => {
    const result = await update(scope, input);
    if (!result.ok && result.reason === "conflict") {
      const current = await conflict(scope, result.current);
      return refusedForm(result, formData, { conflict: () => current });
    }
    if (!result.ok) return refusedForm(result, formData, { duplicate: kind.duplicate });
    revalidate([kind.path, alsoShownOn?.(input)]);
    redirect(`${kind.path}/${input.id}?saved=updated`);
  });
}

/** Archives or restores a record (by id and version) and says so: "Candidate archived." */
export function archiveRecordAction(
  kind: RecordKind,
  change: (scope: Scope, ref: RecordRef) => Promise<SaveResult<unknown>>,
  message: string,
): FormAction {
  return defineFormAction(recordRefSchema, kind.permission, async (scope, input, formData) => {
    const result = await change(scope, input);
    if (!result.ok) return refusedForm(result, formData);
    revalidate([kind.path, `${kind.path}/${input.id}`]);
    return { ok: true, message };
  });
}
