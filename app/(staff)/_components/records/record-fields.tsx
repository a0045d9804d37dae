"use client";

import Link from "next/link";
import type { ComponentProps, ReactElement, ReactNode } from "react";
import { Button } from "@/app/_components/ui/button";
import { FormField, type FieldControlProps } from "@/app/_components/ui/form-field";
import { Input } from "@/app/_components/ui/input";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { Textarea } from "@/app/_components/ui/textarea";
import type { Menu } from "@/db/queries/menus";
import type { FormState } from "@/lib/core/form-state";
import { cn } from "@/lib/core/utils";
import { FindableSelect, type MenuFind, type MenuOption } from "../findable-select";
import { RecordForm, type RecordFormApi } from "../record-form";

interface FieldProps {
  f: RecordFormApi;
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  /** Set directly in the form's column rather than in a grid cell of its own. */
  bare?: boolean;
  /** More classes for the field's cell. */
  cellClassName?: string;
}

/**
 * One field of a record form: label, control, hint and error, then a link to
 * the record that already has this value and the value someone else saved.
 */
export function Field({ f, name, label, hint, required, bare, cellClassName, children }: FieldProps & { children: ReactElement<Partial<FieldControlProps>> }) {
  const body = (
    <>
      <FormField name={name} label={label} hint={hint} error={f.error(name)} required={required}>
        {children}
      </FormField>
      {f.duplicateLink(name)}
      {f.conflictNote(name)}
    </>
  );
  return bare ? body : <div className={cn("flex flex-col gap-1.5", cellClassName)}>{body}</div>;
}

/** A one-line text field. */
export function TextField({ f, name, label, hint, required, bare, cellClassName, ...input }: FieldProps & ComponentProps<typeof Input>) {
  return (
    <Field f={f} name={name} label={label} hint={hint} required={required} bare={bare} cellClassName={cellClassName}>
      <Input defaultValue={f.value(name)} {...input} />
    </Field>
  );
}

/** A text area, in the form's column. */
export function TextAreaField({ f, name, label, hint, ...area }: Omit<FieldProps, "bare"> & ComponentProps<typeof Textarea>) {
  return (
    <Field f={f} name={name} label={label} hint={hint} bare>
      <Textarea defaultValue={f.value(name)} {...area} />
    </Field>
  );
}

/**
 * A choice from a list; `placeholder` is the empty option ("Nobody yet"),
 * `fallback` the value when there is none; `find` for a menu of the firm's
 * clients or staff that may not list them all (a find box finds the rest).
 */
export function SelectField({
  f,
  name,
  label,
  hint,
  required,
  bare,
  cellClassName,
  placeholder,
  fallback = "",
  options,
  find,
}: FieldProps & { placeholder?: string; fallback?: string; options: MenuOption[]; find?: MenuFind }) {
  return (
    <Field f={f} name={name} label={label} hint={hint} required={required} bare={bare} cellClassName={cellClassName}>
      <FindableSelect
        defaultValue={f.value(name) ?? fallback}
        lead={placeholder !== undefined ? [{ value: "", label: placeholder }] : []}
        options={options}
        find={find}
      />
    </Field>
  );
}

/** People as a select's options. */
export const peopleOptions = (people: Menu<{ id: string; name: string }>) => people.items.map((p) => ({ value: p.id, label: p.name }));

/** Clients as a select's options, an archived one marked. */
export const clientOptions = (clients: Menu<{ id: string; name: string; archived: boolean }>) =>
  clients.items.map((c) => ({ value: c.id, label: c.archived ? `${c.name} (archived)` : c.name }));

/** Save, and the way back without saving. */
export function FormButtons({ submitLabel, cancelHref }: { submitLabel: string; cancelHref: string }) {
  return (
    <div className="flex gap-2">
      <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
      <Button asChild variant="ghost">
        <Link href={cancelHref}>Cancel</Link>
      </Button>
    </div>
  );
}

/** What the create and edit pages hand a record's form. */
export interface RecordFormProps {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  initial: Record<string, string>;
  /** The record's version and id when editing. */
  version?: number;
  id?: string;
  cancelHref: string;
}

/**
 * A record's create or edit form: the fields `children` lays out, then
 * "Save changes" (editing) or `createLabel`, and Cancel.
 */
export function RecordEditor({
  action,
  initial,
  version,
  id,
  cancelHref,
  createLabel,
  children,
}: RecordFormProps & { createLabel: string; children: (f: RecordFormApi) => ReactNode }) {
  return (
    <RecordForm action={action} initial={initial} version={version} className="flex max-w-2xl flex-col gap-4">
      {(f) => (
        <>
          {id ? <input type="hidden" name="id" value={id} /> : null}
          {children(f)}
          <FormButtons submitLabel={id ? "Save changes" : createLabel} cancelHref={cancelHref} />
        </>
      )}
    </RecordForm>
  );
}
