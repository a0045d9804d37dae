"use client";

import { useActionState } from "react";
import { ActionForm } from "./action-form";
import { Button } from "./ui/button";
import { FormField } from "./ui/form-field";
import { Input } from "./ui/input";
import { SubmitButton } from "./ui/submit-button";
import { initialFormState } from "@/lib/core/form-state";
import { changePasswordAction, revokeSessionAction } from "./account-actions";

export function ChangePasswordForm() {
  return (
    <ActionForm action={changePasswordAction}>
      {(state) => (
        <>
          <FormField name="current" label="Current password" error={state.fieldErrors?.current} required>
            <Input type="password" autoComplete="current-password" maxLength={128} />
          </FormField>
          <FormField name="password" label="New password" hint="At least 12 characters." error={state.fieldErrors?.password} required>
            <Input type="password" autoComplete="new-password" maxLength={128} />
          </FormField>
          <FormField name="confirm" label="Repeat the new password" error={state.fieldErrors?.confirm} required>
            <Input type="password" autoComplete="new-password" maxLength={128} />
          </FormField>
          <div>
            <SubmitButton pendingLabel="Saving…">Change password</SubmitButton>
          </div>
        </>
      )}
    </ActionForm>
  );
}

export function RevokeSessionButton({ sessionId }: { sessionId: string }) {
  const [, action, pending] = useActionState(revokeSessionAction, initialFormState);
  return (
    <form action={action}>
      <input type="hidden" name="sessionId" value={sessionId} />
      <Button type="submit" variant="ghost" size="sm" disabled={pending}>
        End session
      </Button>
    </form>
  );
}
