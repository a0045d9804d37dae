"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef, useState, type ReactNode } from "react";
import { FormStateAlerts } from "@/app/_components/action-form";
import { Alert, AlertDescription, AlertTitle } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { initialFormState, type FormState } from "@/lib/core/form-state";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;
type Values = Record<string, string | string[] | undefined>;

/** What an action returns in `data` when a save was refused because someone saved first. */
export interface ConflictData {
  version: number;
  /** The record as saved now, in the form's field names and string values. */
  values: Record<string, string | string[]>;
  /** Field name → label, for the summary. */
  labels: Record<string, string>;
  /** Field name → the saved value as people read it (a client's name rather than its id). */
  display?: Record<string, string>;
}

/** What an action returns in `data` when a value must be unique and another record has it. */
export interface DuplicateData {
  field: string;
  href: string;
  label: string;
}

export interface RecordFormApi {
  state: FormState;
  /** The value to show in a field: theirs (after "Use their values"), else what was typed, else the record's. */
  value: (name: string) => string | undefined;
  values: (name: string) => string[];
  error: (name: string) => string[] | undefined;
  /** Under a field: the value someone else saved, when it differs from this form's. */
  conflictNote: (name: string) => ReactNode;
  /** Under a field: a link to the record that already has this value. */
  duplicateLink: (name: string) => ReactNode;
}

const asArray = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const asText = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(", ") : (v ?? ""));

/**
 * A create or edit form bound to a server action. It keeps what was typed on
 * every error, focuses the first invalid field, and on a stale save (someone
 * else saved first) shows their values beside the fields: "Save again" keeps
 * yours knowingly, "Use their values" loads theirs. The record's `version`
 * travels in a hidden field.
 */
export function RecordForm({
  action,
  initial,
  version,
  children,
  className,
  id,
}: {
  action: Action;
  /** The record's values (edit) or the defaults (create), keyed by field name. */
  initial: Values;
  /** The record's version when editing; left out when creating. */
  version?: number;
  children: (api: RecordFormApi) => ReactNode;
  className?: string;
  id?: string;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const [theirsFor, setTheirsFor] = useState<FormState | null>(null);
  const ref = useRef<HTMLFormElement>(null);
  const conflictRef = useRef<HTMLDivElement>(null);
  const conflict = state.data?.conflict as ConflictData | undefined;
  const duplicate = state.data?.duplicate as DuplicateData | undefined;
  const usingTheirs = !!conflict && theirsFor === state;

  useEffect(() => {
    if (state.ok) return;
    if (state.data?.conflict) {
      conflictRef.current?.focus();
      return;
    }
    ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);

  const pick = (name: string) => (usingTheirs ? conflict!.values[name] : state.values ? state.values[name] : initial[name]);

  const api: RecordFormApi = {
    state,
    value: (name) => {
      const v = pick(name);
      return Array.isArray(v) ? v[0] : v;
    },
    values: (name) => asArray(pick(name)),
    error: (name) => (usingTheirs ? undefined : state.fieldErrors?.[name]),
    conflictNote: (name) => {
      if (!conflict || usingTheirs) return null;
      const theirs = conflict.values[name];
      const mine = state.values?.[name];
      if (asText(theirs) === asText(mine)) return null;
      const shown = conflict.display?.[name] ?? asText(theirs);
      return (
        <p className="text-[0.8125rem] leading-5 text-due-foreground">
          Saved by someone else: <span className="font-medium">{shown === "" ? "(empty)" : shown}</span>
        </p>
      );
    },
    duplicateLink: (name) =>
      duplicate && duplicate.field === name && !usingTheirs ? (
        <p className="text-[0.8125rem] leading-5">
          <Link href={duplicate.href} className="font-medium text-accent-text underline">
            Open {duplicate.label}
          </Link>
        </p>
      ) : null,
  };

  const changed = conflict
    ? Object.keys(conflict.labels).filter((k) => asText(conflict.values[k]) !== asText(state.values?.[k]))
    : [];

  return (
    <form
      ref={ref}
      id={id}
      action={formAction}
      noValidate
      // React resets a form after its action; a <select> goes back to the option it was first
      // rendered with, not to the new defaultValue. Remounting on new submitted values keeps
      // every control showing what was typed.
      key={usingTheirs ? "theirs" : JSON.stringify(state.values ?? null)}
      className={className ?? "flex flex-col gap-4"}
    >
      {version !== undefined ? <input type="hidden" name="version" value={conflict ? conflict.version : version} /> : null}
      {conflict ? (
        <div ref={conflictRef} tabIndex={-1} className="outline-none">
          <Alert variant="warning" announce id="form-error">
            <AlertTitle>{usingTheirs ? "Their values are loaded" : "Someone else saved this record while you were editing"}</AlertTitle>
            <AlertDescription>
              {usingTheirs ? (
                <p>The form now shows the record as it is saved. Make your changes again and save.</p>
              ) : (
                <>
                  <p>
                    Nothing of yours was saved yet.{" "}
                    {changed.length > 0
                      ? `They changed: ${changed.map((k) => conflict.labels[k]).join(", ")}. Their values are shown under each field.`
                      : "Their changes match what you typed."}
                  </p>
                  <p>Save again to keep your version, or load theirs.</p>
                  <div className="mt-2 flex flex-wrap gap-2">
                    <Button type="button" size="sm" variant="outline" onClick={() => setTheirsFor(state)}>
                      Use their values
                    </Button>
                  </div>
                </>
              )}
            </AlertDescription>
          </Alert>
        </div>
      ) : (
        <FormStateAlerts state={state} errorId="form-error" />
      )}
      {children(api)}
    </form>
  );
}
