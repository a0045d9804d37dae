"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { CopyButton } from "@/app/_components/ui/copy-button";
import { Checkbox } from "@/app/_components/ui/checkbox";
import { FormField } from "@/app/_components/ui/form-field";
import { Input } from "@/app/_components/ui/input";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { initialFormState, type FormState } from "@/lib/core/form-state";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS } from "@/lib/core/validation/webhooks";
import {
  createWebhookEndpointAction,
  deleteWebhookEndpointAction,
  redeliverWebhookAction,
  rotateWebhookSecretAction,
  setWebhookEnabledAction,
} from "./actions";

/** A secret shown once, focused so a screen reader reads it out. */
function SecretReveal({ state }: { state: FormState }) {
  const secret = state.ok && typeof state.data?.secret === "string" ? state.data.secret : null;
  const ref = useRef<HTMLDivElement>(null);
  const id = useId();
  useEffect(() => {
    if (secret) ref.current?.focus();
  }, [secret]);
  if (!secret) return null;
  return (
    <div ref={ref} tabIndex={-1} className="outline-none">
      <Alert variant="success" announce>
        <AlertTitle>{state.message}</AlertTitle>
        <AlertDescription className="flex flex-col gap-2 pt-1 sm:flex-row sm:items-center">
          <label htmlFor={id} className="sr-only">
            The signing secret
          </label>
          <Input id={id} readOnly value={secret} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
          <CopyButton text={secret} label="Copy secret" />
        </AlertDescription>
      </Alert>
    </div>
  );
}

function FormError({ state }: { state: FormState }) {
  if (state.ok || !state.formError) return null;
  return (
    <Alert variant="error" announce>
      <AlertDescription>{state.formError}</AlertDescription>
    </Alert>
  );
}

export function CreateEndpointForm() {
  const [state, action] = useActionState(createWebhookEndpointAction, initialFormState);
  const urlRef = useRef<HTMLInputElement>(null);
  const eventsError = state.ok ? undefined : state.fieldErrors?.events?.[0];
  const chosen = state.ok ? [] : ([] as string[]).concat(state.values?.events ?? []);
  useEffect(() => {
    if (!state.ok && state.fieldErrors?.url) urlRef.current?.focus();
  }, [state]);
  return (
    <div className="flex flex-col gap-4">
      <form action={action} noValidate className="flex flex-col gap-4">
        <FormField
          name="url"
          label="Address"
          hint="An https:// address of your system that accepts POST requests."
          error={state.ok ? undefined : state.fieldErrors?.url}
          required
        >
          <Input ref={urlRef} type="url" inputMode="url" autoComplete="off" maxLength={2000} defaultValue={state.ok ? "" : (state.values?.url as string | undefined)} />
        </FormField>
        <FormField name="description" label="Description" hint="What receives it, e.g. “ATS sync”." error={state.ok ? undefined : state.fieldErrors?.description}>
          <Input autoComplete="off" maxLength={200} defaultValue={state.ok ? "" : (state.values?.description as string | undefined)} />
        </FormField>
        <fieldset aria-describedby={eventsError ? "events-error" : undefined} aria-invalid={eventsError ? true : undefined} className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium">
            Events <span className="text-muted-foreground">(required)</span>
          </legend>
          {WEBHOOK_EVENTS.map((event) => (
            <div key={event} className="flex items-start gap-2">
              <Checkbox id={`event-${event}`} name="events" value={event} defaultChecked={chosen.includes(event)} className="mt-0.5" />
              <label htmlFor={`event-${event}`} className="text-sm">
                <span className="font-mono text-xs">{event}</span> — {WEBHOOK_EVENT_LABELS[event]}
              </label>
            </div>
          ))}
          {eventsError ? (
            <p id="events-error" className="text-sm text-overdue-foreground">
              {eventsError}
            </p>
          ) : null}
        </fieldset>
        <FormField
          name="includeDebriefText"
          label="Include the debrief's text"
          hint="Off: debrief events carry ids and what changed only. On: they also carry the candidate's answers."
          orientation="horizontal"
        >
          <Checkbox defaultChecked={!state.ok && state.values?.includeDebriefText === "on"} />
        </FormField>
        <div>
          <SubmitButton pendingLabel="Adding…">Add endpoint</SubmitButton>
        </div>
      </form>
      <FormError state={state} />
      <SecretReveal state={state} />
    </div>
  );
}

export function EndpointActions({ endpointId, url, enabled }: { endpointId: string; url: string; enabled: boolean }) {
  const [rotated, rotate] = useActionState(rotateWebhookSecretAction, initialFormState);
  const [toggled, toggle] = useActionState(setWebhookEnabledAction, initialFormState);
  const [deleted, remove] = useActionState(deleteWebhookEndpointAction, initialFormState);
  const [confirming, setConfirming] = useState(false);
  const status = toggled.ok ? toggled.message : deleted.ok ? deleted.message : (toggled.formError ?? deleted.formError ?? rotated.formError);
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <form action={rotate}>
          <input type="hidden" name="endpointId" value={endpointId} />
          <SubmitButton variant="outline" size="sm" pendingLabel="Rotating…" aria-label={`Rotate the signing secret of ${url}`}>
            Rotate secret
          </SubmitButton>
        </form>
        <form action={toggle}>
          <input type="hidden" name="endpointId" value={endpointId} />
          {enabled ? null : <input type="hidden" name="enabled" value="on" />}
          <SubmitButton variant="outline" size="sm" pendingLabel={enabled ? "Disabling…" : "Enabling…"} aria-label={`${enabled ? "Disable" : "Enable"} ${url}`}>
            {enabled ? "Disable" : "Enable"}
          </SubmitButton>
        </form>
        {confirming ? (
          <form action={remove} className="flex items-center gap-2">
            <input type="hidden" name="endpointId" value={endpointId} />
            <span className="text-xs text-muted-foreground">Its delivery log goes too.</span>
            <SubmitButton variant="destructive" size="sm" pendingLabel="Deleting…" aria-label={`Yes, delete ${url}`}>
              Delete
            </SubmitButton>
            <Button variant="ghost" size="sm" onClick={() => setConfirming(false)}>
              Keep
            </Button>
          </form>
        ) : (
          <Button variant="ghost" size="sm" onClick={() => setConfirming(true)} aria-label={`Delete ${url}`}>
            Delete
          </Button>
        )}
        {status ? (
          <span role="status" className="text-xs text-muted-foreground">
            {status}
          </span>
        ) : null}
      </div>
      <SecretReveal state={rotated} />
    </div>
  );
}

export function RedeliverButton({ deliveryId, label }: { deliveryId: string; label: string }) {
  const [state, action] = useActionState(redeliverWebhookAction, initialFormState);
  return (
    <form action={action} className="flex items-center justify-end gap-2">
      <input type="hidden" name="deliveryId" value={deliveryId} />
      {state.message || state.formError ? (
        <span role="status" className={state.ok ? "text-xs text-muted-foreground" : "text-xs text-overdue-foreground"}>
          {state.ok ? state.message : state.formError}
        </span>
      ) : null}
      <SubmitButton variant="ghost" size="sm" pendingLabel="Queuing…" aria-label={label}>
        Redeliver
      </SubmitButton>
    </form>
  );
}
