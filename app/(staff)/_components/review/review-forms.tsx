"use client";

import { Check, ClipboardCopy, Merge, Pencil, Plus, Trash2, UserPlus, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { useActionState, useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { valueOf } from "@/app/_components/action-form";
import { Alert, AlertDescription } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { FormField } from "@/app/_components/ui/form-field";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { initialFormState, type FormState } from "@/lib/core/form-state";
import { confirmPersonAction, deleteFeedbackAction, dismissPersonAction, markReviewedAction, mergePersonAction } from "./actions";
import { ContactOptions } from "./contact-options";
import { FeedbackForm } from "./feedback-form";
import type { FeedbackFormContext, FeedbackInitial } from "./feedback-form-data";

/** Refreshes the page's server components once an action succeeds. */
function useRefreshOnSuccess(state: FormState) {
  const router = useRouter();
  const handled = useRef<FormState | null>(null);
  useEffect(() => {
    if (handled.current === state) return;
    handled.current = state;
    if (state.ok) router.refresh();
  }, [state, router]);
}

function Problem({ state, id }: { state: FormState; id?: string }) {
  if (!state.formError) return null;
  return (
    <Alert variant="error" announce id={id}>
      <AlertDescription>{state.formError}</AlertDescription>
    </Alert>
  );
}

export function MarkReviewedForm({ debriefId, version, interviewId, label }: { debriefId: string; version: number; interviewId: string; label: string }) {
  const [state, action] = useActionState(markReviewedAction, initialFormState);
  useRefreshOnSuccess(state);
  return (
    <form action={action} className="flex flex-col items-start gap-2">
      <input type="hidden" name="debriefId" value={debriefId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="interviewId" value={interviewId} />
      <Problem state={state} />
      <SubmitButton size="sm" pendingLabel="Saving…">
        <Check aria-hidden="true" />
        {label}
      </SubmitButton>
    </form>
  );
}

export function CopyText({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        type="button"
        variant="outline"
        size="sm"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(text);
            setCopied(true);
            setTimeout(() => setCopied(false), 2500);
          } catch {
            setCopied(false);
          }
        }}
      >
        <ClipboardCopy aria-hidden="true" />
        {label}
      </Button>
      <span role="status" className="text-xs text-done-foreground">
        {copied ? "Copied" : ""}
      </span>
    </span>
  );
}

/** "Record feedback": the form opens in place; after saving, what happened is announced. */
export function RecordFeedback(props: FeedbackFormContext & { defaultContactId?: string | null; startOpen?: boolean }) {
  const [open, setOpen] = useState(props.startOpen ?? false);
  const [result, setResult] = useState<{ message: string; warning: string | null } | null>(null);
  const [formKey, setFormKey] = useState(0);
  const onSaved = useCallback((r: { message: string; warning: string | null }) => {
    setResult(r);
    setOpen(false);
    setFormKey((k) => k + 1);
  }, []);
  return (
    <div className="flex flex-col gap-3">
      {result ? (
        <Alert variant={result.warning ? "warning" : "success"} announce>
          <AlertDescription>
            {result.message}
            {result.warning ? <p>{result.warning}</p> : null}
          </AlertDescription>
        </Alert>
      ) : null}
      {open ? (
        <div className="rounded-lg border border-border bg-card p-4">
          <h3 className="mb-3 text-[0.9375rem] font-semibold">Record interviewer feedback</h3>
          <FeedbackForm key={formKey} {...props} onSaved={onSaved} onCancel={() => setOpen(false)} />
        </div>
      ) : (
        <div>
          <Button
            type="button"
            onClick={() => {
              setResult(null);
              setOpen(true);
            }}
          >
            <Plus aria-hidden="true" />
            Record feedback
          </Button>
        </div>
      )}
    </div>
  );
}

/** Edit or delete one piece of feedback. */
export function FeedbackEntryActions(props: FeedbackFormContext & { initial: FeedbackInitial; who: string; children: ReactNode }) {
  const [editing, setEditing] = useState(false);
  const [state, del] = useActionState(deleteFeedbackAction, initialFormState);
  useRefreshOnSuccess(state);
  const onSaved = useCallback(() => setEditing(false), []);
  if (editing) {
    return (
      <div className="rounded-lg border border-accent-border bg-card p-4">
        <h3 className="mb-3 text-[0.9375rem] font-semibold">Edit feedback from {props.who}</h3>
        <FeedbackForm {...props} decisionLocked={!!props.initial.decision} onSaved={onSaved} onCancel={() => setEditing(false)} />
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-2">
      {props.children}
      <Problem state={state} />
      <div className="flex flex-wrap gap-1.5">
        <Button type="button" variant="ghost" size="sm" onClick={() => setEditing(true)} aria-label={`Edit the feedback from ${props.who}`}>
          <Pencil aria-hidden="true" />
          Edit
        </Button>
        <form
          action={del}
          onSubmit={(e) => {
            if (!window.confirm(`Delete the feedback from ${props.who}? A stage it moved stays as it is.`)) e.preventDefault();
          }}
        >
          <input type="hidden" name="feedbackId" value={props.initial.feedbackId} />
          <input type="hidden" name="version" value={props.initial.version} />
          <input type="hidden" name="interviewId" value={props.interviewId} />
          <Button type="submit" variant="ghost" size="sm" aria-label={`Delete the feedback from ${props.who}`}>
            <Trash2 aria-hidden="true" />
            Delete
          </Button>
        </form>
      </div>
    </div>
  );
}

export type PersonMetView = {
  id: string;
  name: string;
  title: string;
  email: string;
  phone: string;
  match: { contactId: string; name: string; by: "email" | "name" } | null;
};

/** A pending person met: add as a new contact, merge with an existing one, or dismiss. */
export function PersonMetActions({
  person,
  interviewId,
  clientName,
  mergeTargets,
}: {
  person: PersonMetView;
  interviewId: string;
  clientName: string;
  mergeTargets: { id: string; name: string; title: string; email: string | null }[];
}) {
  const [mode, setMode] = useState<"idle" | "confirm" | "merge">(person.match ? "merge" : "idle");
  const [confirmState, confirmAction] = useActionState(confirmPersonAction, initialFormState);
  const [mergeState, mergeAction] = useActionState(mergePersonAction, initialFormState);
  const [dismissState, dismissAction] = useActionState(dismissPersonAction, initialFormState);
  useRefreshOnSuccess(confirmState);
  useRefreshOnSuccess(mergeState);
  useRefreshOnSuccess(dismissState);
  const p = `person-${person.id}`;
  const who = person.name || "this person";

  return (
    <div className="flex flex-col gap-3">
      {person.match ? (
        <p className="text-[0.8125rem] text-muted-foreground">
          Looks like <span className="font-medium text-foreground">{person.match.name}</span>, already a contact at {clientName} (same {person.match.by}).
        </p>
      ) : null}
      <Problem state={dismissState} />
      {mode === "confirm" ? (
        <form action={confirmAction} noValidate className="grid gap-3 rounded-md border border-border bg-subtle p-3 sm:grid-cols-2">
          <input type="hidden" name="personId" value={person.id} />
          <input type="hidden" name="interviewId" value={interviewId} />
          <div className="sm:col-span-2">
            <Problem state={confirmState} />
          </div>
          <FormField name="name" id={`${p}-name`} label="Name" error={confirmState.fieldErrors?.name} required>
            <Input defaultValue={valueOf(confirmState, "name") ?? person.name} autoComplete="off" />
          </FormField>
          <FormField name="title" id={`${p}-title`} label="Title" error={confirmState.fieldErrors?.title}>
            <Input defaultValue={valueOf(confirmState, "title") ?? person.title} autoComplete="off" />
          </FormField>
          <FormField name="email" id={`${p}-email`} label="Email" error={confirmState.fieldErrors?.email}>
            <Input type="email" defaultValue={valueOf(confirmState, "email") ?? person.email} autoComplete="off" />
          </FormField>
          <FormField name="phone" id={`${p}-phone`} label="Phone" error={confirmState.fieldErrors?.phone}>
            <Input type="tel" defaultValue={valueOf(confirmState, "phone") ?? person.phone} autoComplete="off" />
          </FormField>
          <div className="flex flex-wrap gap-2 sm:col-span-2">
            <SubmitButton size="sm" pendingLabel="Adding…">
              <UserPlus aria-hidden="true" />
              Add {who} to {clientName}
            </SubmitButton>
            <Button type="button" variant="ghost" size="sm" onClick={() => setMode("idle")}>
              Cancel
            </Button>
          </div>
        </form>
      ) : mode === "merge" && mergeTargets.length > 0 ? (
        <form action={mergeAction} className="flex flex-wrap items-end gap-2 rounded-md border border-border bg-subtle p-3">
          <input type="hidden" name="personId" value={person.id} />
          <input type="hidden" name="interviewId" value={interviewId} />
          <div className="w-full">
            <Problem state={mergeState} />
          </div>
          <FormField name="contactId" id={`${p}-merge`} label={`Same person as`} error={mergeState.fieldErrors?.contactId} className="min-w-56 flex-1">
            <Select defaultValue={valueOf(mergeState, "contactId") ?? person.match?.contactId ?? mergeTargets[0]!.id}>
              <ContactOptions contacts={mergeTargets} />
            </Select>
          </FormField>
          <SubmitButton size="sm" pendingLabel="Merging…">
            <Merge aria-hidden="true" />
            Merge
          </SubmitButton>
          <Button type="button" variant="ghost" size="sm" onClick={() => setMode("idle")}>
            Cancel
          </Button>
        </form>
      ) : null}
      {mode === "idle" || (mode === "merge" && mergeTargets.length === 0) ? (
        <div className="flex flex-wrap gap-1.5">
          <Button type="button" size="sm" variant="outline" onClick={() => setMode("confirm")} aria-label={`Add ${who} as a new contact`}>
            <UserPlus aria-hidden="true" />
            Add as contact
          </Button>
          {mergeTargets.length > 0 ? (
            <Button type="button" size="sm" variant="ghost" onClick={() => setMode("merge")} aria-label={`Merge ${who} with an existing contact`}>
              <Merge aria-hidden="true" />
              Merge…
            </Button>
          ) : null}
          <DismissPerson action={dismissAction} personId={person.id} interviewId={interviewId} who={who} />
        </div>
      ) : mode === "merge" ? (
        <div className="flex flex-wrap gap-1.5">
          <Button type="button" size="sm" variant="ghost" onClick={() => setMode("confirm")} aria-label={`Add ${who} as a new contact instead`}>
            <UserPlus aria-hidden="true" />
            Add as a new contact instead
          </Button>
          <DismissPerson action={dismissAction} personId={person.id} interviewId={interviewId} who={who} />
        </div>
      ) : null}
    </div>
  );
}

function DismissPerson({ action, personId, interviewId, who }: { action: (fd: FormData) => void; personId: string; interviewId: string; who: string }) {
  return (
    <form action={action}>
      <input type="hidden" name="personId" value={personId} />
      <input type="hidden" name="interviewId" value={interviewId} />
      <Button type="submit" size="sm" variant="ghost" aria-label={`Dismiss ${who}`}>
        <X aria-hidden="true" />
        Dismiss
      </Button>
    </form>
  );
}
