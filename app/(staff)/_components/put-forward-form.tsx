"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef } from "react";
import { Alert, AlertDescription } from "@/app/_components/ui/alert";
import { FormField } from "@/app/_components/ui/form-field";
import { Select } from "@/app/_components/ui/select";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { initialFormState } from "@/lib/core/form-state";
import { createApplicationAction } from "../jobs/application-actions";
import type { DuplicateData } from "./record-form";

/**
 * Put a candidate forward for a job: on a job's page the person picks the
 * candidate, on a candidate's page the job.
 */
export function PutForwardForm({
  mode,
  fixedId,
  options,
  empty,
}: {
  mode: "job" | "candidate";
  /** The job's id (mode "job") or the candidate's id (mode "candidate"). */
  fixedId: string;
  options: { id: string; label: string }[];
  /** What to say when there is no one to choose (a search that found no one); the default says everyone is on the job. */
  empty?: string;
}) {
  const [state, action] = useActionState(createApplicationAction, initialFormState);
  const ref = useRef<HTMLFormElement>(null);
  const pickName = mode === "job" ? "candidateId" : "jobId";
  const fixedName = mode === "job" ? "jobId" : "candidateId";
  const duplicate = state.data?.duplicate as DuplicateData | undefined;

  useEffect(() => {
    if (!state.ok) ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);

  if (options.length === 0) {
    return (
      <p className="text-sm text-muted-foreground">
        {empty ?? (mode === "job" ? "Every active candidate is already on this job." : "No open jobs left to put this candidate forward for.")}
      </p>
    );
  }

  const value = (name: string) => {
    const v = state.ok ? undefined : state.values?.[name];
    return Array.isArray(v) ? v[0] : v;
  };

  return (
    <form ref={ref} action={action} noValidate className="flex flex-col gap-3" key={state.ok ? "done" : JSON.stringify(state.values ?? null)}>
      <input type="hidden" name={fixedName} value={fixedId} />
      <input type="hidden" name="returnTo" value={mode} />
      {state.ok && state.message ? (
        <Alert variant="success" announce>
          <AlertDescription>{state.message}</AlertDescription>
        </Alert>
      ) : null}
      {!state.ok && state.formError && !state.fieldErrors ? (
        <Alert variant="error" announce>
          <AlertDescription>{state.formError}</AlertDescription>
        </Alert>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_10rem_auto] sm:items-end">
        <div className="flex flex-col gap-1.5">
          <FormField
            name={pickName}
            id={`forward-${pickName}`}
            label={mode === "job" ? "Candidate" : "Job"}
            error={state.ok ? undefined : state.fieldErrors?.[pickName]}
            required
          >
            <Select defaultValue={value(pickName) ?? ""}>
              <option value="">{mode === "job" ? "Choose a candidate…" : "Choose a job…"}</option>
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </Select>
          </FormField>
          {duplicate && !state.ok ? (
            <p className="text-[0.8125rem]">
              <Link href={duplicate.href} className="font-medium text-accent-text underline">
                Open {duplicate.label}
              </Link>
            </p>
          ) : null}
        </div>
        <FormField name="stage" id={`forward-stage-${mode}`} label="Starts as" error={state.ok ? undefined : state.fieldErrors?.stage}>
          <Select defaultValue={value("stage") ?? "sourced"}>
            <option value="sourced">Sourced</option>
            <option value="submitted">Submitted to the client</option>
          </Select>
        </FormField>
        <div className={state.fieldErrors ? "self-start sm:pt-6" : undefined}>
          <SubmitButton pendingLabel="Putting forward…">Put forward</SubmitButton>
        </div>
      </div>
    </form>
  );
}
