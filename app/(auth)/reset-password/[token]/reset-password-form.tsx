"use client";

import { SubmitButton } from "@/app/_components/ui/submit-button";
import { resetPasswordAction } from "../../actions";
import { ActionForm } from "@/app/_components/action-form";
import { NewPasswordFields } from "../../_components/new-password-fields";

export function ResetPasswordForm({ token }: { token: string }) {
  return (
    <ActionForm action={resetPasswordAction}>
      {(state) => (
        <>
          <input type="hidden" name="token" value={token} />
          <NewPasswordFields state={state} />
          <SubmitButton className="w-full" pendingLabel="Saving…">
            Save the new password
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
