"use client";

import { Alert, AlertDescription } from "@/app/_components/ui/alert";
import { FormField } from "@/app/_components/ui/form-field";
import { Input } from "@/app/_components/ui/input";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { forgotPasswordAction } from "../actions";
import { ActionForm, valueOf } from "@/app/_components/action-form";

export function ForgotPasswordForm() {
  return (
    <ActionForm
      action={forgotPasswordAction}
      successContent={(state) => (
        <Alert variant="success" announce>
          <AlertDescription>{state.message}</AlertDescription>
        </Alert>
      )}
    >
      {(state) => (
        <>
          <FormField name="email" label="Email" error={state.fieldErrors?.email} required>
            <Input type="email" autoComplete="email" defaultValue={valueOf(state, "email")} autoFocus />
          </FormField>
          <SubmitButton className="w-full" pendingLabel="Sending…">
            Email me a reset link
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
