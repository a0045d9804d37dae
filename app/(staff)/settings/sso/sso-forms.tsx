"use client";

import { useActionState } from "react";
import { ActionForm, valueOf } from "@/app/_components/action-form";
import { Alert, AlertDescription } from "@/app/_components/ui/alert";
import { Checkbox } from "@/app/_components/ui/checkbox";
import { FormField } from "@/app/_components/ui/form-field";
import { Input } from "@/app/_components/ui/input";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { Textarea } from "@/app/_components/ui/textarea";
import { initialFormState } from "@/lib/core/form-state";
import { saveSsoSettingsAction, setSsoStateAction, testSsoConnectionAction } from "./actions";

type Current = { issuer: string; clientId: string; domains: string[]; hasSecret: boolean } | null;

export function SsoSettingsForm({ current }: { current: Current }) {
  return (
    <ActionForm action={saveSsoSettingsAction}>
      {(state) => (
        <>
          <FormField
            name="issuer"
            label="Issuer URL"
            hint="Exactly as your provider names itself, e.g. https://login.example.com/realms/staff (Keycloak), https://example.okta.com (Okta) or https://login.microsoftonline.com/<tenant id>/v2.0 (Entra ID)."
            error={state.fieldErrors?.issuer}
            required
          >
            <Input type="url" inputMode="url" autoComplete="off" maxLength={500} defaultValue={valueOf(state, "issuer") ?? current?.issuer ?? ""} />
          </FormField>
          <FormField name="clientId" label="Client ID" error={state.fieldErrors?.clientId} required>
            <Input autoComplete="off" maxLength={300} defaultValue={valueOf(state, "clientId") ?? current?.clientId ?? ""} />
          </FormField>
          <FormField
            name="clientSecret"
            label="Client secret"
            hint={current?.hasSecret ? "Stored encrypted and never shown. Leave blank to keep it." : "Stored encrypted and never shown again."}
            error={state.fieldErrors?.clientSecret}
            required={!current?.hasSecret}
          >
            <Input type="password" autoComplete="new-password" maxLength={1000} />
          </FormField>
          <FormField
            name="domains"
            label="Email domains"
            hint="The work-email domains that lead to this provider, one per line. A domain only routes people here: who may sign in is decided by your team list and invitations."
            error={state.fieldErrors?.domains}
            required
          >
            <Textarea rows={3} maxLength={2000} showCount={false} defaultValue={valueOf(state, "domains") ?? current?.domains.join("\n") ?? ""} />
          </FormField>
          <div>
            <SubmitButton pendingLabel="Saving…">Save provider</SubmitButton>
          </div>
        </>
      )}
    </ActionForm>
  );
}

/** Runs the connection test; its outcome is recorded and shown in the status above (a live region). */
export function TestConnectionForm() {
  const [state, action] = useActionState(testSsoConnectionAction, initialFormState);
  return (
    <form action={action} className="flex flex-col gap-3">
      {state.formError ? (
        <Alert variant="error" announce>
          <AlertDescription>{state.formError}</AlertDescription>
        </Alert>
      ) : null}
      <div>
        <SubmitButton variant="outline" pendingLabel="Testing…">
          Test connection
        </SubmitButton>
      </div>
    </form>
  );
}

export function SsoStateForm({ enabled, required, canEnable }: { enabled: boolean; required: boolean; canEnable: boolean }) {
  return (
    <ActionForm action={setSsoStateAction}>
      {(state) => (
        <>
          <FormField
            name="enabled"
            label="Offer “Continue with single sign-on” to the firm’s staff"
            hint={canEnable || enabled ? undefined : "Available after a successful connection test."}
            orientation="horizontal"
            error={state.fieldErrors?.enabled}
          >
            <Checkbox defaultChecked={enabled} />
          </FormField>
          <FormField
            name="required"
            label="Recruiters must use it"
            hint="Passwords then no longer open this firm for recruiters, and their password sessions end. Admins keep email, password and second factor as a way back in if the provider is down. Candidates always use their password."
            orientation="horizontal"
            error={state.fieldErrors?.required}
          >
            <Checkbox defaultChecked={required} />
          </FormField>
          <div>
            <SubmitButton pendingLabel="Saving…">Save</SubmitButton>
          </div>
        </>
      )}
    </ActionForm>
  );
}
