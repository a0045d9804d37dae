"use client";

import { useActionState, useEffect, useRef } from "react";
import { Alert, AlertDescription } from "@/app/_components/ui/alert";
import { FormField } from "@/app/_components/ui/form-field";
import { Input } from "@/app/_components/ui/input";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { valueOf } from "@/app/_components/action-form";
import { initialFormState } from "@/lib/core/form-state";
import { startSsoAction } from "../../actions";

type Choice = { firmId: string; firmName: string };

/**
 * The work email, then (only when its domain is listed by several firms) the
 * firm to sign in to. Submitting goes to the firm's identity provider.
 */
export function SsoForm({ next, email }: { next: string; email?: string }) {
  const [state, action] = useActionState(startSsoAction, initialFormState);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);
  const choices = (state.data?.choices as Choice[] | undefined) ?? [];
  const firmError = state.fieldErrors?.firmId;
  return (
    <form ref={form} action={action} className="flex flex-col gap-4" noValidate>
      {state.formError && !state.fieldErrors ? (
        <Alert variant="error" announce id="form-error">
          <AlertDescription>{state.formError}</AlertDescription>
        </Alert>
      ) : null}
      <input type="hidden" name="next" value={next} />
      <FormField name="email" label="Work email" error={state.fieldErrors?.email} required>
        <Input type="email" autoComplete="username" defaultValue={valueOf(state, "email") || email} autoFocus={choices.length === 0} />
      </FormField>
      {choices.length > 0 ? (
        <fieldset className="flex flex-col gap-2" aria-describedby={firmError ? "firmId-error" : undefined}>
          <legend className="mb-1 text-sm font-medium">Which firm are you signing in to?</legend>
          {choices.map((c, i) => (
            <label key={c.firmId} className="flex items-center gap-3 rounded-lg border border-border bg-card px-4 py-3 text-sm hover:bg-hover pointer-coarse:min-h-12">
              <input type="radio" name="firmId" value={c.firmId} defaultChecked={i === 0} autoFocus={i === 0} className="size-4 accent-[var(--color-accent)]" />
              {c.firmName}
            </label>
          ))}
          {firmError ? (
            <p id="firmId-error" className="text-[0.8125rem] font-medium leading-5 text-overdue-foreground">
              {firmError[0]}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      <SubmitButton className="w-full" pendingLabel="Opening your firm’s sign-in…">
        Continue
      </SubmitButton>
    </form>
  );
}
