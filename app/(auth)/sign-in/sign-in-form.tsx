"use client";

import { useActionState, useEffect, useRef } from "react";
import { Alert, AlertDescription } from "@/app/_components/ui/alert";
import { FormField } from "@/app/_components/ui/form-field";
import { Input } from "@/app/_components/ui/input";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { initialFormState } from "@/lib/core/form-state";
import { valueOf } from "@/app/_components/action-form";
import { signInAction, signInSecondFactorAction } from "../actions";

function SecondFactorForm({ ticket, next, invitation, firm }: { ticket: string; next: string; invitation?: string; firm?: string }) {
  const [state, action] = useActionState(signInSecondFactorAction, initialFormState);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), [state]);
  const currentTicket = (state.data?.mfaTicket as string | undefined) ?? ticket;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <Alert variant="info" announce>
        <AlertDescription>Enter the 6-digit code from your authenticator app, or one of your recovery codes.</AlertDescription>
      </Alert>
      {state.formError && !state.fieldErrors?.code ? (
        <Alert variant="error" announce id="form-error">
          <AlertDescription>{state.formError}</AlertDescription>
        </Alert>
      ) : null}
      <input type="hidden" name="ticket" value={currentTicket} />
      <input type="hidden" name="next" value={next} />
      {invitation ? <input type="hidden" name="invitation" value={invitation} /> : null}
      {firm ? <input type="hidden" name="firm" value={firm} /> : null}
      <FormField name="code" label="Authentication code" error={state.fieldErrors?.code} required>
        <Input ref={input} inputMode="numeric" autoComplete="one-time-code" maxLength={40} />
      </FormField>
      <SubmitButton className="w-full" pendingLabel="Checking…">
        Verify and sign in
      </SubmitButton>
    </form>
  );
}

/**
 * Email and password, then the second factor where the person has one. From an
 * invitation to an address that already has an account, the email is fixed and
 * the invitation is accepted once sign-in succeeds.
 */
export function SignInForm({ next, invitation, email, firm }: { next: string; invitation?: string; email?: string; firm?: string }) {
  const [state, action] = useActionState(signInAction, initialFormState);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);
  const ticket = state.data?.mfaTicket as string | undefined;
  if (ticket) return <SecondFactorForm ticket={ticket} next={next} invitation={invitation} firm={firm} />;
  return (
    <form ref={form} action={action} className="flex flex-col gap-4" noValidate>
      {state.formError ? (
        <Alert variant="error" announce id="form-error">
          <AlertDescription>{state.formError}</AlertDescription>
        </Alert>
      ) : null}
      <input type="hidden" name="next" value={next} />
      {invitation ? <input type="hidden" name="invitation" value={invitation} /> : null}
      {firm ? <input type="hidden" name="firm" value={firm} /> : null}
      <FormField name="email" label="Email" error={state.fieldErrors?.email} required>
        {email ? (
          <Input type="email" autoComplete="username" value={email} readOnly />
        ) : (
          <Input type="email" autoComplete="username" defaultValue={valueOf(state, "email")} autoFocus />
        )}
      </FormField>
      <FormField name="password" label="Password" error={state.fieldErrors?.password} required>
        <Input type="password" autoComplete="current-password" autoFocus={!!email} />
      </FormField>
      <SubmitButton className="w-full" pendingLabel="Signing in…">
        {invitation ? "Sign in and accept" : "Sign in"}
      </SubmitButton>
    </form>
  );
}
