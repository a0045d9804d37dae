"use client";

import { FormField } from "@/app/_components/ui/form-field";
import { Input } from "@/app/_components/ui/input";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { acceptInvitationAction } from "../../actions";
import { acceptInvitationSignedInAction } from "../../membership-actions";
import { ActionForm, valueOf } from "@/app/_components/action-form";
import { NewPasswordFields } from "../../_components/new-password-fields";

export function AcceptInvitationForm({ token, defaultName }: { token: string; defaultName: string }) {
  return (
    <ActionForm action={acceptInvitationAction}>
      {(state) => (
        <>
          <input type="hidden" name="token" value={token} />
          <FormField name="name" label="Your name" error={state.fieldErrors?.name} required>
            <Input autoComplete="name" defaultValue={valueOf(state, "name") ?? defaultName} maxLength={120} />
          </FormField>
          <NewPasswordFields state={state} />
          <SubmitButton className="w-full" pendingLabel="Setting up…">
            Set password and sign in
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** The signed-in person accepts with one press; the session then opens the new firm. */
export function AcceptSignedInForm({ token, firmName }: { token: string; firmName: string }) {
  return (
    <ActionForm action={acceptInvitationSignedInAction}>
      {() => (
        <>
          <input type="hidden" name="token" value={token} />
          <SubmitButton className="w-full" pendingLabel="Joining…">
            Accept and open {firmName}
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
