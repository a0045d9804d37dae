"use client";

import { Mail } from "lucide-react";
import { useActionState } from "react";
import { Alert, AlertDescription } from "@/app/_components/ui/alert";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { initialFormState } from "@/lib/core/form-state";
import { inviteCandidateAction } from "../actions";

/** Emails the candidate a one-time link to the portal (lib/invitations). */
export function InviteCandidateForm({ candidateId, resend }: { candidateId: string; resend: boolean }) {
  const [state, action] = useActionState(inviteCandidateAction, initialFormState);
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="candidateId" value={candidateId} />
      {state.ok && state.message ? (
        <Alert variant="success" announce>
          <AlertDescription>{state.message}</AlertDescription>
        </Alert>
      ) : null}
      {!state.ok && state.formError ? (
        <Alert variant="error" announce>
          <AlertDescription>
            {state.fieldErrors?.email?.[0] ?? state.formError}
          </AlertDescription>
        </Alert>
      ) : null}
      <div>
        <SubmitButton variant="outline" pendingLabel="Sending…">
          <Mail aria-hidden="true" />
          {resend ? "Send the invitation again" : "Invite to the candidate portal"}
        </SubmitButton>
      </div>
    </form>
  );
}
