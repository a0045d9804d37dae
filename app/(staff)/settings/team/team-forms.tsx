"use client";

import { useActionState } from "react";
import { ActionForm, valueOf } from "@/app/_components/action-form";
import { Button } from "@/app/_components/ui/button";
import { FormField } from "@/app/_components/ui/form-field";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { initialFormState } from "@/lib/core/form-state";
import { inviteStaffAction, revokeInvitationAction, updateMembershipAction } from "./actions";

export function InviteStaffForm() {
  return (
    <ActionForm action={inviteStaffAction} className="grid gap-4 sm:grid-cols-[1fr_1fr_10rem_auto] sm:items-start">
      {(state) => (
        <>
          <FormField name="email" label="Email" error={state.fieldErrors?.email} required>
            <Input type="email" autoComplete="off" defaultValue={valueOf(state, "email")} />
          </FormField>
          <FormField name="name" label="Name" error={state.fieldErrors?.name}>
            <Input autoComplete="off" defaultValue={valueOf(state, "name")} />
          </FormField>
          <FormField name="role" label="Role" error={state.fieldErrors?.role} required>
            <Select defaultValue={valueOf(state, "role") ?? "recruiter"}>
              <option value="recruiter">Recruiter</option>
              <option value="admin">Admin</option>
            </Select>
          </FormField>
          <div className="sm:pt-6">
            <SubmitButton pendingLabel="Sending…">Send invitation</SubmitButton>
          </div>
        </>
      )}
    </ActionForm>
  );
}

export function MemberControls({
  membershipId,
  name,
  role,
  status,
}: {
  membershipId: string;
  name: string;
  role: "admin" | "recruiter";
  status: "active" | "deactivated";
}) {
  const [state, action, pending] = useActionState(updateMembershipAction, initialFormState);
  return (
    <form action={action} className="flex items-center justify-end gap-2">
      <input type="hidden" name="membershipId" value={membershipId} />
      {state.formError ? (
        <span className="text-xs text-overdue-foreground" role="status">
          {state.formError}
        </span>
      ) : null}
      <Button
        type="submit"
        variant="ghost"
        size="sm"
        name="role"
        value={role === "admin" ? "recruiter" : "admin"}
        disabled={pending}
        aria-label={`Make ${name} ${role === "admin" ? "a recruiter" : "an admin"}`}
      >
        {role === "admin" ? "Make recruiter" : "Make admin"}
      </Button>
      <Button
        type="submit"
        variant={status === "active" ? "outline" : "secondary"}
        size="sm"
        name="status"
        value={status === "active" ? "deactivated" : "active"}
        disabled={pending}
        aria-label={`${status === "active" ? "Deactivate" : "Reactivate"} ${name}`}
      >
        {status === "active" ? "Deactivate" : "Reactivate"}
      </Button>
    </form>
  );
}

export function RevokeInvitationButton({ invitationId, email }: { invitationId: string; email: string }) {
  const [, action, pending] = useActionState(revokeInvitationAction, initialFormState);
  return (
    <form action={action}>
      <input type="hidden" name="invitationId" value={invitationId} />
      <Button type="submit" variant="ghost" size="sm" disabled={pending} aria-label={`Withdraw the invitation to ${email}`}>
        Withdraw
      </Button>
    </form>
  );
}
