"use client";

import { useActionState, useEffect, useRef } from "react";
import { FormStateAlerts } from "@/app/_components/action-form";
import { FormField } from "@/app/_components/ui/form-field";
import { Input } from "@/app/_components/ui/input";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { Textarea } from "@/app/_components/ui/textarea";
import { initialFormState } from "@/lib/core/form-state";
import { CLIENT_SUMMARY_MAX, SALARY_EXPECTATION_MAX } from "@/lib/core/validation/client-pack";
import { saveClientPackAction } from "../client-pack-actions";

interface Saved {
  version: number;
  values: { clientSummary: string; salaryExpectation: string };
}

/**
 * What an application's client pack says: the recruiter's summary for the
 * client (printed in the pack, so it leaves the firm) and the salary
 * expectation (printed only when the recruiter ticks it at download). Several
 * of these sit on one page, so every id carries the application's id.
 */
export function ClientPackForm({
  applicationId,
  version,
  clientSummary,
  salaryExpectation,
  clientName,
}: {
  applicationId: string;
  version: number;
  clientSummary: string;
  salaryExpectation: string;
  clientName: string;
}) {
  const [state, action] = useActionState(saveClientPackAction, initialFormState);
  const ref = useRef<HTMLFormElement>(null);
  const uid = `client-pack-${applicationId}`;
  const saved = state.data?.conflict as Saved | undefined;

  useEffect(() => {
    if (state.ok) return;
    ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);

  const value = (name: "clientSummary" | "salaryExpectation", initial: string) => {
    const v = state.values?.[name];
    return (Array.isArray(v) ? v[0] : v) ?? initial;
  };
  const theirs = (name: "clientSummary" | "salaryExpectation") =>
    saved && saved.values[name] !== value(name, "") ? (
      <p className="text-[0.8125rem] leading-5 text-due-foreground">
        Saved by someone else: <span className="font-medium whitespace-pre-line">{saved.values[name] === "" ? "(empty)" : saved.values[name]}</span>
      </p>
    ) : null;

  return (
    <form
      ref={ref}
      action={action}
      noValidate
      // Remount on new submitted values so the fields show what was typed after an error.
      key={JSON.stringify(state.values ?? null)}
      className="flex flex-col gap-3"
      aria-label={`Client pack text for ${clientName}`}
    >
      <input type="hidden" name="id" value={applicationId} />
      <input type="hidden" name="version" value={saved ? saved.version : version} />
      <FormStateAlerts state={state} errorId={`${uid}-error`} />
      <div className="flex flex-col gap-1.5">
        <FormField
          id={`${uid}-summary`}
          name="clientSummary"
          label="Summary for the client — shared with the client in the client pack"
          hint={`Printed in the PDF you send ${clientName}: it leaves the firm. Keep internal notes out of it.`}
          error={state.fieldErrors?.clientSummary}
        >
          <Textarea defaultValue={value("clientSummary", clientSummary)} rows={4} maxLength={CLIENT_SUMMARY_MAX} className="text-[0.8125rem]" />
        </FormField>
        {theirs("clientSummary")}
      </div>
      <div className="flex flex-col gap-1.5">
        <FormField
          id={`${uid}-salary`}
          name="salaryExpectation"
          label="Salary expectation"
          hint="In the pack only when you tick “Include salary expectation” below."
          error={state.fieldErrors?.salaryExpectation}
        >
          <Input defaultValue={value("salaryExpectation", salaryExpectation)} maxLength={SALARY_EXPECTATION_MAX} autoComplete="off" className="h-8 text-[0.8125rem]" />
        </FormField>
        {theirs("salaryExpectation")}
      </div>
      <div>
        <SubmitButton size="sm" variant="outline" pendingLabel="Saving…">
          Save<span className="sr-only"> the client pack text for {clientName}</span>
        </SubmitButton>
      </div>
    </form>
  );
}
