"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { CopyButton } from "@/app/_components/ui/copy-button";
import { FormField } from "@/app/_components/ui/form-field";
import { Input } from "@/app/_components/ui/input";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { initialFormState } from "@/lib/core/form-state";
import { createApiTokenAction, revokeApiTokenAction } from "./actions";

export function CreateTokenForm({ origin }: { origin: string }) {
  const [state, action] = useActionState(createApiTokenAction, initialFormState);
  const secret = state.ok && typeof state.data?.secret === "string" ? state.data.secret : null;
  const revealRef = useRef<HTMLDivElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (secret) revealRef.current?.focus();
    else if (state.fieldErrors?.name) nameRef.current?.focus();
  }, [secret, state]);

  const curl = secret ? `curl -H "Authorization: Bearer ${secret}" "${origin}/api/v1/pipeline?limit=50"` : "";

  return (
    <div className="flex flex-col gap-4">
      <form action={action} noValidate className="grid gap-4 sm:grid-cols-[minmax(0,24rem)_auto] sm:items-start">
        <FormField
          name="name"
          label="Name"
          hint="What will use it, e.g. “Power BI pipeline dashboard”."
          error={state.ok ? undefined : state.fieldErrors?.name}
          required
        >
          <Input ref={nameRef} autoComplete="off" maxLength={80} defaultValue={state.ok ? "" : (state.values?.name as string | undefined)} />
        </FormField>
        <div className="sm:pt-[3.25rem]">
          <SubmitButton pendingLabel="Creating…">Create token</SubmitButton>
        </div>
      </form>
      {!state.ok && state.formError ? (
        <Alert variant="error" announce id="form-error">
          <AlertDescription>{state.formError}</AlertDescription>
        </Alert>
      ) : null}
      {secret ? (
        <div ref={revealRef} tabIndex={-1} className="outline-none">
          <Alert variant="success" announce>
            <AlertTitle>{state.message}</AlertTitle>
            <AlertDescription className="flex flex-col gap-3 pt-1">
              <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
                <label htmlFor="new-token" className="sr-only">
                  The new token
                </label>
                <Input id="new-token" readOnly value={secret} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
                <CopyButton text={secret} label="Copy token" />
              </div>
              <p>Try it:</p>
              <pre className="rounded-md border border-border bg-background p-2.5 font-mono text-xs break-all whitespace-pre-wrap text-foreground">{curl}</pre>
            </AlertDescription>
          </Alert>
        </div>
      ) : null}
    </div>
  );
}

export function RevokeTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const [state, action] = useActionState(revokeApiTokenAction, initialFormState);
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <div className="flex items-center justify-end gap-2">
        {state.formError ? (
          <span role="status" className="text-xs text-overdue-foreground">
            {state.formError}
          </span>
        ) : null}
        <Button variant="ghost" size="sm" onClick={() => setConfirming(true)} aria-label={`Revoke the token ${name}`}>
          Revoke
        </Button>
      </div>
    );
  }
  return (
    <form action={action} className="flex items-center justify-end gap-2">
      <input type="hidden" name="tokenId" value={tokenId} />
      <span className="text-xs text-muted-foreground">Tools using it stop working.</span>
      <SubmitButton variant="destructive" size="sm" pendingLabel="Revoking…" aria-label={`Yes, revoke the token ${name}`}>
        Revoke
      </SubmitButton>
      <Button variant="ghost" size="sm" onClick={() => setConfirming(false)}>
        Keep
      </Button>
    </form>
  );
}
