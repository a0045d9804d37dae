"use client";

import { Archive, ArrowDown, ArrowUp, Pencil, RotateCcw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef, useState } from "react";
import { ActionForm, valueOf } from "@/app/_components/action-form";
import { Button } from "@/app/_components/ui/button";
import { FormField } from "@/app/_components/ui/form-field";
import { Input } from "@/app/_components/ui/input";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { initialFormState, type FormState } from "@/lib/core/form-state";
import { saveScorecardAttributeAction, scorecardAttributeOpAction } from "./actions";

export type AttributeView = { id: string; category: string; name: string; description: string; version: number; archived: boolean };

export function AttributeFields({
  state,
  initial,
  idPrefix,
  categories,
}: {
  state: FormState;
  initial?: AttributeView;
  idPrefix: string;
  categories: string[];
}) {
  const listId = `${idPrefix}-categories`;
  return (
    <>
      <FormField name="category" id={`${idPrefix}-category`} label="Category" error={state.fieldErrors?.category} required>
        <Input defaultValue={valueOf(state, "category") ?? initial?.category ?? ""} list={listId} maxLength={60} autoComplete="off" />
      </FormField>
      <datalist id={listId}>
        {categories.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <FormField name="name" id={`${idPrefix}-name`} label="Attribute" error={state.fieldErrors?.name} required>
        <Input defaultValue={valueOf(state, "name") ?? initial?.name ?? ""} maxLength={80} autoComplete="off" />
      </FormField>
      <FormField name="description" id={`${idPrefix}-description`} label="What it means" error={state.fieldErrors?.description}>
        <Input defaultValue={valueOf(state, "description") ?? initial?.description ?? ""} maxLength={300} autoComplete="off" />
      </FormField>
    </>
  );
}

export function NewAttributeForm({ categories }: { categories: string[] }) {
  return (
    <ActionForm
      action={saveScorecardAttributeAction}
      className="grid gap-4 md:grid-cols-[12rem_14rem_minmax(0,1fr)_auto] md:items-start"
    >
      {(state) => (
        <>
          <AttributeFields state={state} idPrefix="new" categories={categories} />
          <div className="md:pt-6">
            <SubmitButton pendingLabel="Adding…">Add attribute</SubmitButton>
          </div>
        </>
      )}
    </ActionForm>
  );
}

function useRefresh(state: FormState) {
  const router = useRouter();
  const seen = useRef<FormState | null>(null);
  useEffect(() => {
    if (seen.current === state) return;
    seen.current = state;
    if (state.ok) router.refresh();
  }, [state, router]);
}

export function AttributeRowControls({ attribute, first, last, categories }: { attribute: AttributeView; first: boolean; last: boolean; categories: string[] }) {
  const [editing, setEditing] = useState(false);
  const [opState, op, pending] = useActionState(scorecardAttributeOpAction, initialFormState);
  useRefresh(opState);
  if (editing) {
    return (
      <ActionForm
        action={async (prev, fd) => {
          const r = await saveScorecardAttributeAction(prev, fd);
          if (r.ok) setEditing(false);
          return r;
        }}
        className="grid w-full gap-3 md:grid-cols-[10rem_12rem_minmax(0,1fr)_auto] md:items-start"
      >
        {(state) => (
          <>
            <input type="hidden" name="id" value={attribute.id} />
            <input type="hidden" name="version" value={attribute.version} />
            <AttributeFields state={state} initial={attribute} idPrefix={`edit-${attribute.id}`} categories={categories} />
            <div className="flex gap-2 md:pt-6">
              <SubmitButton size="sm" pendingLabel="Saving…">
                Save
              </SubmitButton>
              <Button type="button" variant="ghost" size="sm" onClick={() => setEditing(false)}>
                Cancel
              </Button>
            </div>
          </>
        )}
      </ActionForm>
    );
  }
  return (
    <form action={op} className="flex flex-wrap items-center justify-end gap-1">
      <input type="hidden" name="id" value={attribute.id} />
      <input type="hidden" name="version" value={attribute.version} />
      {opState.formError ? (
        <p role="status" className="w-full text-right text-xs text-overdue-foreground">
          {opState.formError}
        </p>
      ) : null}
      <Button type="button" variant="ghost" size="sm" onClick={() => setEditing(true)} aria-label={`Edit ${attribute.name}`}>
        <Pencil aria-hidden="true" />
        Edit
      </Button>
      <Button type="submit" name="op" value="up" variant="ghost" size="icon" disabled={first || pending} aria-label={`Move ${attribute.name} up`}>
        <ArrowUp aria-hidden="true" />
      </Button>
      <Button type="submit" name="op" value="down" variant="ghost" size="icon" disabled={last || pending} aria-label={`Move ${attribute.name} down`}>
        <ArrowDown aria-hidden="true" />
      </Button>
      {attribute.archived ? (
        <Button type="submit" name="op" value="restore" variant="ghost" size="sm" disabled={pending} aria-label={`Restore ${attribute.name}`}>
          <RotateCcw aria-hidden="true" />
          Restore
        </Button>
      ) : (
        <Button type="submit" name="op" value="archive" variant="ghost" size="sm" disabled={pending} aria-label={`Archive ${attribute.name}`}>
          <Archive aria-hidden="true" />
          Archive
        </Button>
      )}
    </form>
  );
}
