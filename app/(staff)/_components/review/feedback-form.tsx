"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef, useState } from "react";
import { valueOf } from "@/app/_components/action-form";
import { Alert, AlertDescription, AlertTitle } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { FormField } from "@/app/_components/ui/form-field";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { Textarea } from "@/app/_components/ui/textarea";
import { initialFormState, type FormState } from "@/lib/core/form-state";
import {
  DECISION_LABELS,
  DECISIONS,
  FEEDBACK_CHANNEL_LABELS as CHANNEL_LABELS,
  FEEDBACK_CHANNELS as CHANNELS,
  RATING_LABELS,
  RATINGS,
  RECOMMENDATION_LABELS,
  RECOMMENDATIONS,
} from "@/lib/core/vocabulary";
import { saveFeedbackAction } from "./actions";
import { ContactOptions } from "./contact-options";
import type { FeedbackFormAttribute, FeedbackFormContext, FeedbackInitial } from "./feedback-form-data";
import { RadioRow } from "./radio-row";

type Confirm = { decision: string; candidateName: string; from: string; to: string | null };
type Numbered = FormState & { n?: number };

/**
 * Interviewer feedback: who gave it, when and how; the scorecard by category;
 * the overall recommendation; take-aways; the summary the candidate may see,
 * apart from internal notes; and the client's decision, which moves the
 * application's stage only after a confirmation step.
 */
export function FeedbackForm({
  interviewId,
  clientName,
  timeZone,
  nowValue,
  happened,
  attributes,
  contacts,
  initial,
  defaultContactId,
  decisionLocked,
  onSaved,
  onCancel,
}: FeedbackFormContext & {
  initial?: FeedbackInitial;
  /** Who most likely gave it (the interview's first interviewer). */
  defaultContactId?: string | null;
  /** The decision is recorded and applied; it cannot change here. */
  decisionLocked?: boolean;
  onSaved?: (result: { message: string; warning: string | null }) => void;
  onCancel?: () => void;
}) {
  // Numbered results: the fields remount after each submit so every control (selects too) shows what was sent back.
  const [state, action] = useActionState(
    async (prev: Numbered, fd: FormData): Promise<Numbered> => ({ ...(await saveFeedbackAction(prev, fd)), n: (prev.n ?? 0) + 1 }),
    initialFormState as Numbered,
  );
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const confirmRef = useRef<HTMLHeadingElement>(null);
  // "Back" (or changing the decision) sets the confirmation aside without losing what was typed.
  const [setAside, setSetAside] = useState<Numbered | null>(null);
  const confirm = setAside === state ? null : ((state.data?.confirm as Confirm | undefined) ?? null);
  const prefix = initial ? `fb-${initial.feedbackId}` : `fb-new-${interviewId}`;

  const handled = useRef<Numbered | null>(null);
  useEffect(() => {
    if (handled.current === state) return;
    handled.current = state;
    if (state.ok) {
      router.refresh();
      onSaved?.({ message: state.message ?? "Saved.", warning: (state.data?.warning as string | null) ?? null });
      return;
    }
    if (confirm) {
      confirmRef.current?.focus();
      return;
    }
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid?.matches("input, select, textarea") ? invalid : invalid?.querySelector<HTMLElement>("input:not([disabled])"))?.focus();
  }, [state, confirm, router, onSaved]);

  const v = (name: string, fallback = "") => valueOf(state, name) ?? fallback;
  const grouped = new Map<string, FeedbackFormAttribute[]>();
  for (const a of attributes) grouped.set(a.category, [...(grouped.get(a.category) ?? []), a]);
  const hasValues = !!state.values;
  const ratingOf = (id: string) => (hasValues ? v(`rating.${id}`) : (initial?.ratings[id]?.rating ?? ""));
  const noteOf = (id: string) => (hasValues ? v(`note.${id}`) : (initial?.ratings[id]?.note ?? ""));
  const recommendation = hasValues ? v("recommendation") : (initial?.recommendation ?? (happened ? "" : "no_decision"));
  const channel = hasValues ? v("channel") : (initial?.channel ?? "call");
  const err = (name: string) => state.fieldErrors?.[name];

  return (
    <form ref={formRef} action={action} noValidate className="flex flex-col gap-5">
      <input type="hidden" name="interviewId" value={interviewId} />
      <input type="hidden" name="timeZone" value={timeZone} />
      {initial ? (
        <>
          <input type="hidden" name="feedbackId" value={initial.feedbackId} />
          <input type="hidden" name="version" value={initial.version} />
        </>
      ) : null}
      {confirm ? (
        <>
          <input type="hidden" name="confirm" value="1" />
          <input type="hidden" name="seenStage" value={v("seenStage")} />
          <input type="hidden" name="seenStageAt" value={v("seenStageAt")} />
        </>
      ) : null}

      {!happened ? (
        <Alert variant="warning">
          <AlertTitle>This interview has not happened yet</AlertTitle>
          <AlertDescription>Early word from the client can be recorded only as “No decision yet”, without a decision.</AlertDescription>
        </Alert>
      ) : null}
      {state.formError && !confirm ? (
        <Alert variant="error" announce id={`${prefix}-form-error`}>
          <AlertDescription>{state.formError}</AlertDescription>
        </Alert>
      ) : null}

      <div key={state.n ?? 0} className="flex flex-col gap-5">
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-3 text-sm font-semibold">Who, when and how</legend>
        <FormField name="contactId" id={`${prefix}-contact`} label={`Who gave it (at ${clientName})`} error={err("contactId")}>
          <Select defaultValue={hasValues ? v("contactId") : (initial ? (initial.contactId ?? "") : (defaultContactId ?? ""))}>
            <option value="">Not recorded</option>
            <ContactOptions contacts={contacts} />
          </Select>
        </FormField>
        <FormField name="receivedAt" id={`${prefix}-received`} label="When" hint={`In the firm's time zone (${timeZone}).`} error={err("receivedAt")} required>
          <Input type="datetime-local" defaultValue={hasValues ? v("receivedAt") : (initial?.receivedAt ?? nowValue)} />
        </FormField>
        <div className="sm:col-span-2">
          <RadioRow
            name="channel"
            legend="How"
            // "Feedback link" is how an interviewer's own answer came in; a recruiter records calls, emails and the rest.
            options={CHANNELS.filter((c) => c !== "link" || channel === "link").map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))}
            value={channel}
            idPrefix={prefix}
            error={err("channel")}
          />
        </div>
      </fieldset>

      {attributes.length > 0 ? (
        <fieldset className="flex flex-col gap-4">
          <legend className="mb-1 text-sm font-semibold">Scorecard</legend>
          {[...grouped.entries()].map(([category, attrs]) => (
            <div key={category} className="rounded-lg border border-border">
              <h4 className="border-b border-border bg-subtle px-3 py-1.5 text-xs font-semibold tracking-wide text-muted-foreground uppercase">{category}</h4>
              <ul className="divide-y divide-border">
                {attrs.map((a) => (
                  <li key={a.id} className="flex flex-col gap-1.5 px-3 py-2">
                    <RadioRow
                      name={`rating.${a.id}`}
                      legend={a.name}
                      hint={a.description}
                      options={[{ value: "", label: "Not rated" }, ...RATINGS.map((r) => ({ value: r, label: RATING_LABELS[r] }))]}
                      value={ratingOf(a.id)}
                      idPrefix={prefix}
                      error={err(`rating.${a.id}`)}
                      compact
                    />
                    <div className="sm:pl-[9.75rem]">
                      <label className="sr-only" htmlFor={`${prefix}-note-${a.id}`}>
                        Note on {a.name}
                      </label>
                      <Input
                        id={`${prefix}-note-${a.id}`}
                        name={`note.${a.id}`}
                        defaultValue={noteOf(a.id)}
                        maxLength={500}
                        placeholder="Note (optional)"
                        className="h-7 text-[0.8125rem] sm:text-[0.8125rem]"
                      />
                    </div>
                  </li>
                ))}
              </ul>
            </div>
          ))}
          {err("ratings") ? <p className="text-[0.8125rem] font-medium text-overdue-foreground">{err("ratings")![0]}</p> : null}
        </fieldset>
      ) : null}

      <RadioRow
        name="recommendation"
        legend="Overall recommendation"
        options={RECOMMENDATIONS.map((r) => ({ value: r, label: RECOMMENDATION_LABELS[r], disabled: !happened && r !== "no_decision" }))}
        value={recommendation}
        idPrefix={prefix}
        error={err("recommendation")}
        required
      />

      <FormField name="takeaways" id={`${prefix}-takeaways`} label="Key take-aways" error={err("takeaways")}>
        <Textarea rows={3} maxLength={4000} defaultValue={hasValues ? v("takeaways") : (initial?.takeaways ?? "")} />
      </FormField>
      <div className="grid gap-4 md:grid-cols-2">
        <FormField
          name="sharedSummary"
          id={`${prefix}-shared`}
          label="Summary for the candidate"
          hint="May be shared with the candidate. Keep it kind and specific."
          error={err("sharedSummary")}
        >
          <Textarea rows={4} maxLength={2000} defaultValue={hasValues ? v("sharedSummary") : (initial?.sharedSummary ?? "")} />
        </FormField>
        <FormField
          name="internalNotes"
          id={`${prefix}-internal`}
          label="Internal notes"
          hint="Staff only. Never shown to the candidate."
          error={err("internalNotes")}
        >
          <Textarea rows={4} maxLength={4000} defaultValue={hasValues ? v("internalNotes") : (initial?.internalNotes ?? "")} className="bg-subtle" />
        </FormField>
      </div>

      <FormField
        name="decision"
        id={`${prefix}-decision`}
        label="The client's decision"
        hint={decisionLocked ? "Recorded and applied to the application; record new feedback for a new decision." : "Next round, offer and reject move the application's stage; you confirm before anything moves."}
        error={err("decision")}
      >
        <Select
          defaultValue={hasValues ? v("decision") : (initial?.decision ?? "")}
          disabled={!happened || decisionLocked}
          onChange={() => setSetAside(state)}
        >
          <option value="">No decision yet</option>
          {DECISIONS.map((d) => (
            <option key={d} value={d}>
              {DECISION_LABELS[d]}
            </option>
          ))}
        </Select>
      </FormField>
      {decisionLocked && initial?.decision ? <input type="hidden" name="decision" value={initial.decision} /> : null}

      </div>

      {confirm ? (
        <div className="rounded-lg border border-due-border bg-due-subtle p-4 text-due-foreground" role="group" aria-labelledby={`${prefix}-confirm-title`}>
          <h4 id={`${prefix}-confirm-title`} ref={confirmRef} tabIndex={-1} className="font-semibold outline-none">
            Confirm the decision “{confirm.decision}”
          </h4>
          <p className="mt-1 text-sm">
            {confirm.to
              ? `This moves ${confirm.candidateName}'s application from ${confirm.from} to ${confirm.to}.`
              : `${confirm.candidateName}'s application stays at ${confirm.from}; the decision is recorded with the feedback.`}
          </p>
          <div className="mt-3 flex flex-wrap gap-2">
            <SubmitButton pendingLabel="Saving…">Confirm and save</SubmitButton>
            <Button type="button" variant="outline" onClick={() => setSetAside(state)}>
              Back
            </Button>
          </div>
        </div>
      ) : (
        <div className="flex flex-wrap items-center gap-2">
          <SubmitButton pendingLabel="Saving…">{initial ? "Save changes" : "Save feedback"}</SubmitButton>
          {onCancel ? (
            <Button type="button" variant="ghost" onClick={onCancel}>
              Cancel
            </Button>
          ) : null}
        </div>
      )}
    </form>
  );
}
