"use client";

import type { ReactNode } from "react";
import { DEBRIEF_TEXT_FIELDS, type DebriefDraft, type DebriefTextField } from "@/lib/core/validation/debrief-rules";
import { ChoiceGroup, InputField, TextAreaField } from "../debrief-fields";

/** What every section of the debrief gets from the form: the draft, a way to change it, and each field's shown problem. */
export type DraftForm = {
  draft: DebriefDraft;
  change: <K extends keyof DebriefDraft>(key: K, value: DebriefDraft[K]) => void;
  errorOf: (key: string) => string | undefined;
};

type ChoiceField = "overallImpression" | "interestLevel" | "timelineGiven" | "callInvitation" | "invitedBack";
type DateField = "expectedDecisionOn" | "callBy";

/** A free-text answer of the draft, with its length limit. */
export function DraftText({
  form,
  field,
  label,
  hint,
  rows,
}: {
  form: DraftForm;
  field: DebriefTextField;
  label: string;
  hint?: ReactNode;
  rows?: number;
}) {
  return (
    <TextAreaField
      name={field}
      label={label}
      hint={hint}
      value={form.draft[field]}
      onChange={(v) => form.change(field, v)}
      error={form.errorOf(field)}
      maxLength={DEBRIEF_TEXT_FIELDS[field]}
      rows={rows}
    />
  );
}

/** A required choice of the draft (a 1–5 scale, yes / no, yes / no / not sure). */
export function DraftChoice<K extends ChoiceField>({
  form,
  field,
  legend,
  options,
  ends,
  columns,
}: {
  form: DraftForm;
  field: K;
  legend: string;
  options: { value: NonNullable<DebriefDraft[K]>; label: string; srLabel?: string }[];
  ends?: [string, string];
  /** 1: one answer a line on a phone, two a line from a small screen up (long answers). */
  columns?: 1;
}) {
  return (
    <ChoiceGroup<NonNullable<DebriefDraft[K]>>
      name={field}
      legend={legend}
      options={options}
      value={form.draft[field] as NonNullable<DebriefDraft[K]> | null}
      onChange={(v) => form.change(field, v)}
      error={form.errorOf(field)}
      ends={ends}
      columns={columns}
      required
    />
  );
}

/** A date the interviewer gave, not before the interview; empty when they gave none (unless required). */
export function DraftDate({
  form,
  field,
  label,
  interviewDay,
  hint = "Leave it empty if they gave no date.",
  required,
}: {
  form: DraftForm;
  field: DateField;
  label: string;
  interviewDay: string;
  hint?: string;
  required?: boolean;
}) {
  return (
    <InputField
      type="date"
      name={field}
      label={label}
      hint={hint}
      required={required}
      min={interviewDay}
      value={form.draft[field] ?? ""}
      onChange={(v) => form.change(field, v || null)}
      error={form.errorOf(field)}
      className="max-w-xs"
    />
  );
}

/** A wall-clock time the interviewer gave ('HH:MM'), optional. */
export function DraftTime({ form, field, label, hint }: { form: DraftForm; field: "callTime"; label: string; hint: string }) {
  return (
    <InputField
      type="time"
      name={field}
      label={label}
      hint={hint}
      value={form.draft[field] ?? ""}
      onChange={(v) => form.change(field, v || null)}
      error={form.errorOf(field)}
      className="max-w-xs"
    />
  );
}

export const YES_NO = [
  { value: true, label: "Yes" },
  { value: false, label: "No" },
];
