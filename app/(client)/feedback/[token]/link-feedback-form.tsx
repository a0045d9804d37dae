"use client";

import { useActionState, useEffect, useRef } from "react";
import { FormStateAlerts } from "@/app/_components/action-form";
import { FormField } from "@/app/_components/ui/form-field";
import { Input } from "@/app/_components/ui/input";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { Textarea } from "@/app/_components/ui/textarea";
import { RadioRow } from "@/app/(staff)/_components/review/radio-row";
import { initialFormState } from "@/lib/core/form-state";
import { DECISION_LABELS, DECISIONS, RATING_LABELS, RATINGS, RECOMMENDATION_LABELS, RECOMMENDATIONS } from "@/lib/core/vocabulary";
import { answerFeedbackLinkAction } from "./actions";
import { PlainNotice } from "./plain-notice";

type Attribute = { id: string; category: string; name: string; description: string };

/**
 * The interviewer's scorecard on one page: the firm's attributes on the same
 * scale the recruiters use, the overall recommendation, strengths, concerns,
 * the decision if there is one, and when they expect to decide. What was
 * typed comes back with any error, next to its field.
 */
export function LinkFeedbackForm({
  token,
  contactId,
  contactName,
  candidateName,
  attributes,
}: {
  token: string;
  contactId: string;
  contactName: string;
  candidateName: string;
  attributes: Attribute[];
}) {
  const [state, action] = useActionState(answerFeedbackLinkAction, initialFormState);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) return;
    ref.current?.querySelector<HTMLElement>('[aria-invalid="true"] input, [aria-invalid="true"]')?.focus();
  }, [state]);

  if (state.data?.refused) {
    return (
      <PlainNotice title="This link doesn't work">
        Nothing was saved. The link may have been used already, withdrawn or expired. If you still want to give feedback, reply to the email
        it came in.
      </PlainNotice>
    );
  }
  const v = (name: string) => {
    const x = state.values?.[name];
    return (Array.isArray(x) ? x[0] : x) ?? "";
  };
  const err = (name: string) => state.fieldErrors?.[name];
  const categories = [...new Set(attributes.map((a) => a.category))];

  return (
    <form ref={ref} action={action} noValidate className="flex flex-col gap-5">
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="contactId" value={contactId} />
      <p className="px-1 text-sm">
        Hello {contactName}. Your answers go to the recruiting team only; {candidateName} does not see them. It takes about three minutes.
      </p>
      <FormStateAlerts state={state} errorId="form-error" />
      {attributes.length > 0 ? (
        <section aria-labelledby="scorecard-heading" className="flex flex-col gap-4 rounded-xl border border-border bg-card p-4 sm:p-6">
          <div>
            <h2 id="scorecard-heading" className="text-base font-semibold">
              Scorecard
            </h2>
            <p className="text-[0.8125rem] text-muted-foreground">Rate what you saw; leave a line on “Not rated” if you can&apos;t say.</p>
          </div>
          {categories.map((category) => (
            <div key={category} className="flex flex-col gap-3">
              <h3 className="text-sm font-semibold text-muted-foreground">{category}</h3>
              {attributes
                .filter((a) => a.category === category)
                .map((a) => (
                  <RadioRow
                    key={a.id}
                    compact
                    name={`rating.${a.id}`}
                    legend={a.name}
                    hint={a.description || undefined}
                    options={[{ value: "", label: "Not rated" }, ...RATINGS.map((r) => ({ value: r, label: RATING_LABELS[r] }))]}
                    value={v(`rating.${a.id}`)}
                    idPrefix="link"
                    error={err(`rating.${a.id}`)}
                  />
                ))}
            </div>
          ))}
        </section>
      ) : null}
      <section aria-labelledby="overall-heading" className="flex flex-col gap-4 rounded-xl border border-border bg-card p-4 sm:p-6">
        <h2 id="overall-heading" className="text-base font-semibold">
          Overall
        </h2>
        <RadioRow
          name="recommendation"
          legend="Your recommendation"
          options={RECOMMENDATIONS.map((r) => ({ value: r, label: RECOMMENDATION_LABELS[r] }))}
          value={v("recommendation")}
          idPrefix="link"
          error={err("recommendation")}
          required
        />
        <FormField name="strengths" label="Strengths" hint="What stood out for the good." error={err("strengths")}>
          <Textarea rows={3} maxLength={4000} defaultValue={v("strengths")} />
        </FormField>
        <FormField name="concerns" label="Concerns" hint="Anything that worried you, or that you would want to probe next time." error={err("concerns")}>
          <Textarea rows={3} maxLength={4000} defaultValue={v("concerns")} />
        </FormField>
      </section>
      <section aria-labelledby="decision-heading" className="flex flex-col gap-4 rounded-xl border border-border bg-card p-4 sm:p-6">
        <h2 id="decision-heading" className="text-base font-semibold">
          Decision
        </h2>
        <RadioRow
          name="decision"
          legend="Where does it go from here?"
          hint="Your recommendation to the recruiter; they confirm the decision with your team."
          options={[{ value: "", label: "Not decided yet" }, ...DECISIONS.map((d) => ({ value: d, label: DECISION_LABELS[d] }))]}
          value={v("decision")}
          idPrefix="link"
          error={err("decision")}
        />
        <FormField
          name="expectedDecisionOn"
          label="If not decided: when do you expect to decide?"
          hint="Optional. It helps us keep the candidate informed."
          error={err("expectedDecisionOn")}
        >
          <Input type="date" defaultValue={v("expectedDecisionOn")} className="max-w-48" />
        </FormField>
      </section>
      <div className="flex flex-col gap-2 px-1 sm:flex-row sm:items-center">
        <SubmitButton pendingLabel="Sending…" className="w-full sm:w-auto">
          Send feedback
        </SubmitButton>
        <p className="text-[0.8125rem] text-muted-foreground">You can send it once; after that this link shows a thank-you.</p>
      </div>
    </form>
  );
}
