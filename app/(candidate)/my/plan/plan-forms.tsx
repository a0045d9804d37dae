"use client";

import { PhoneCall } from "lucide-react";
import { useActionState, useId, type ReactNode } from "react";
import { FormStateAlerts, valueOf } from "@/app/_components/action-form";
import { FormField } from "@/app/_components/ui/form-field";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { Textarea } from "@/app/_components/ui/textarea";
import { initialFormState, type FormState } from "@/lib/core/form-state";
import { CALL_NOTES_MAX } from "@/lib/core/validation/debrief-rules";
import { acceptInvitationAction, logCallAction, markThankYouAction } from "./actions";
import { THANK_YOU_CHANNEL_LABELS, THANK_YOU_CHANNELS } from "@/lib/core/vocabulary";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

/** A small form of the plan page; several sit on one page, so ids are made unique per form. */
function PlanForm({
  action,
  children,
  className,
}: {
  action: Action;
  children: (state: FormState, uid: string) => ReactNode;
  className?: string;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  return (
    <form action={formAction} noValidate className={className ?? "flex flex-col gap-3"}>
      <FormStateAlerts state={state} />
      {children(state, uid)}
    </form>
  );
}

export function ThankYouForm({
  interviewId,
  personId,
  contactId,
  personName,
  sent,
}: {
  interviewId: string;
  personId: string | null;
  contactId: string | null;
  personName: string;
  sent: boolean;
}) {
  return (
    <PlanForm action={markThankYouAction} className="flex flex-col gap-2">
      {(state, uid) => (
        <>
          <input type="hidden" name="interviewId" value={interviewId} />
          <input type="hidden" name="personId" value={personId ?? ""} />
          <input type="hidden" name="contactId" value={contactId ?? ""} />
          <input type="hidden" name="sent" value={sent ? "false" : "true"} />
          {sent ? (
            <SubmitButton variant="outline" size="lg" className="h-11 self-start" pendingLabel="Saving…">
              Not sent after all<span className="sr-only"> (note to {personName})</span>
            </SubmitButton>
          ) : (
            <div className="flex flex-wrap items-end gap-2">
              <div className="flex min-w-36 flex-1 flex-col gap-1.5 sm:flex-none">
                <label htmlFor={`${uid}-channel`} className="text-sm font-medium">
                  How you sent it
                </label>
                <Select id={`${uid}-channel`} name="channel" defaultValue={valueOf(state, "channel") ?? "email"} className="h-11">
                  {THANK_YOU_CHANNELS.map((c) => (
                    <option key={c} value={c}>
                      {THANK_YOU_CHANNEL_LABELS[c]}
                    </option>
                  ))}
                </Select>
              </div>
              <SubmitButton size="lg" className="h-11" pendingLabel="Saving…">
                Mark as sent<span className="sr-only"> (note to {personName})</span>
              </SubmitButton>
            </div>
          )}
        </>
      )}
    </PlanForm>
  );
}

export function AcceptInvitationForm({ interviewId }: { interviewId: string }) {
  return (
    <PlanForm action={acceptInvitationAction}>
      {() => (
        <>
          <input type="hidden" name="interviewId" value={interviewId} />
          <SubmitButton size="lg" className="h-11 self-start" pendingLabel="Saving…">
            I have accepted
          </SubmitButton>
        </>
      )}
    </PlanForm>
  );
}

export function LogCallForm({
  interviewId,
  targets,
  defaultWhen,
  zoneLabel,
  callAllowed,
}: {
  interviewId: string;
  targets: { contactId: string; name: string }[];
  /** 'YYYY-MM-DDTHH:mm' in the firm's zone. */
  defaultWhen: string;
  zoneLabel: string;
  /** Whether the plan has a call that may be made now. */
  callAllowed: boolean;
}) {
  return (
    <details className="group rounded-lg border border-border bg-card">
      <summary className="flex min-h-12 cursor-pointer list-none items-center gap-2 rounded-lg px-4 py-3 font-medium hover:bg-hover [&::-webkit-details-marker]:hidden">
        <PhoneCall aria-hidden="true" className="size-4 text-muted-foreground" />
        Called the interviewer? Log the call
      </summary>
      <div className="border-t border-border px-4 pt-3 pb-4">
        {!callAllowed ? (
          <p className="mb-3 text-sm text-muted-foreground">
            Your plan does not allow a call right now. If you called anyway, log it: your recruiter needs to know.
          </p>
        ) : null}
        <PlanForm action={logCallAction} className="flex flex-col gap-4">
          {(state, uid) => (
            <>
              <input type="hidden" name="interviewId" value={interviewId} />
              {targets.length > 0 ? (
                <FormField name="contactId" id={`${uid}-contact`} label="Whom you called" error={state.fieldErrors?.contactId}>
                  <Select className="h-11" defaultValue={valueOf(state, "contactId") ?? targets[0]?.contactId}>
                    {targets.map((t) => (
                      <option key={t.contactId} value={t.contactId}>
                        {t.name}
                      </option>
                    ))}
                    <option value="">Someone else</option>
                  </Select>
                </FormField>
              ) : null}
              <FormField
                name="calledAt"
                id={`${uid}-when`}
                label="When"
                hint={`Your firm's time (${zoneLabel}).`}
                error={state.fieldErrors?.calledAt}
              >
                <Input type="datetime-local" className="h-11" defaultValue={valueOf(state, "calledAt") ?? defaultWhen} />
              </FormField>
              <FormField name="notes" id={`${uid}-notes`} label="What was said" error={state.fieldErrors?.notes}>
                <Textarea rows={2} maxLength={CALL_NOTES_MAX} defaultValue={valueOf(state, "notes") ?? ""} />
              </FormField>
              <SubmitButton size="lg" className="h-11 self-start" pendingLabel="Logging…">
                Log the call
              </SubmitButton>
            </>
          )}
        </PlanForm>
      </div>
    </details>
  );
}
