"use client";

import { FormField } from "@/app/_components/ui/form-field";
import { Input } from "@/app/_components/ui/input";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { signInAction } from "../actions";
import { ActionForm, valueOf } from "@/app/_components/action-form";

export function SignInForm({ next }: { next: string }) {
  return (
    <ActionForm action={signInAction}>
      {(state) => (
        <>
          <input type="hidden" name="next" value={next} />
          <FormField name="email" label="Email" error={state.fieldErrors?.email} required>
            <Input type="email" autoComplete="username" defaultValue={valueOf(state, "email")} autoFocus />
          </FormField>
          <FormField name="password" label="Password" error={state.fieldErrors?.password} required>
            <Input type="password" autoComplete="current-password" />
          </FormField>
          <SubmitButton className="w-full" pendingLabel="Signing in…">
            Sign in
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
