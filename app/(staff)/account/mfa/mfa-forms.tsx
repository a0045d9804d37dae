"use client";

import { ActionForm } from "@/app/_components/action-form";
import { Alert, AlertDescription, AlertTitle } from "@/app/_components/ui/alert";
import { FormField } from "@/app/_components/ui/form-field";
import { Input } from "@/app/_components/ui/input";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import type { FormState } from "@/lib/core/form-state";
import { confirmMfaAction, disableMfaAction, replaceRecoveryCodesAction, startMfaAction } from "./actions";

function RecoveryCodes({ state }: { state: FormState }) {
  const codes = (state.data?.recoveryCodes as string[] | undefined) ?? [];
  return (
    <Alert variant="success" announce>
      <AlertTitle>{state.message}</AlertTitle>
      <AlertDescription>
        <p>Save these recovery codes somewhere safe now. They are shown only once.</p>
        <ul className="mt-2 grid grid-cols-2 gap-1 font-mono text-sm" aria-label="Recovery codes">
          {codes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        <p className="mt-3">
          <a href="/dashboard">Continue to Afterview</a>
        </p>
      </AlertDescription>
    </Alert>
  );
}

function CodeField({ state, label }: { state: FormState; label: string }) {
  return (
    <FormField name="code" label={label} error={state.fieldErrors?.code} required>
      <Input inputMode="numeric" autoComplete="one-time-code" maxLength={12} className="max-w-40" />
    </FormField>
  );
}

export function StartMfaForm() {
  return (
    <ActionForm action={startMfaAction}>
      {() => (
        <div className="flex flex-col items-start gap-3">
          <p className="text-sm">Two-factor sign-in keeps your account safe even if your password leaks.</p>
          <SubmitButton pendingLabel="Preparing…">Set up two-factor sign-in</SubmitButton>
        </div>
      )}
    </ActionForm>
  );
}

export function ConfirmMfaForm() {
  return (
    <ActionForm action={confirmMfaAction} successContent={(state) => <RecoveryCodes state={state} />}>
      {(state) => (
        <>
          <CodeField state={state} label="Code from your app" />
          <div>
            <SubmitButton pendingLabel="Checking…">Turn on</SubmitButton>
          </div>
        </>
      )}
    </ActionForm>
  );
}

export function ReplaceCodesForm() {
  return (
    <ActionForm action={replaceRecoveryCodesAction} successContent={(state) => <RecoveryCodes state={state} />}>
      {(state) => (
        <>
          <CodeField state={state} label="Code from your app" />
          <div>
            <SubmitButton variant="outline" pendingLabel="Making codes…">
              Make new recovery codes
            </SubmitButton>
          </div>
        </>
      )}
    </ActionForm>
  );
}

export function DisableMfaForm() {
  return (
    <ActionForm action={disableMfaAction}>
      {(state) => (
        <>
          <CodeField state={state} label="Code from your app" />
          <div>
            <SubmitButton variant="destructive" pendingLabel="Turning off…">
              Turn off two-factor sign-in
            </SubmitButton>
          </div>
        </>
      )}
    </ActionForm>
  );
}
