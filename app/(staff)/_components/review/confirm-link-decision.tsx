"use client";

import { CheckCheck } from "lucide-react";
import { useActionState } from "react";
import { FormStateAlerts } from "@/app/_components/action-form";
import { Button } from "@/app/_components/ui/button";
import { initialFormState } from "@/lib/core/form-state";
import { confirmLinkDecisionAction } from "../../interviews/feedback-link-actions";

/**
 * One click turns the decision an interviewer gave through a feedback link
 * into the client's decision. The button says what that does to the
 * application, as the page read it; a change since is a conflict.
 */
export function ConfirmLinkDecision(props: {
  interviewId: string;
  feedbackId: string;
  version: number;
  seenStage: string;
  seenStageAt: string;
  decisionLabel: string;
  /** "moves Jordan to Offer", or why it cannot. */
  effect: string;
  blocked: string | null;
  /** The decision is the client's now: nothing to show, but the message of the confirmation that made it so. */
  confirmed: boolean;
}) {
  const [state, action, pending] = useActionState(confirmLinkDecisionAction, initialFormState);
  if (props.confirmed) return state.ok ? <FormStateAlerts state={state} /> : null;
  return (
    <div className="flex flex-col gap-2 rounded-md border border-accent-border bg-accent-subtle px-3 py-2">
      <p className="text-[0.8125rem]">
        <span className="font-medium">Recommended decision: {props.decisionLabel}.</span> It counts as the client&apos;s decision once you confirm
        it with the client&apos;s team{props.blocked ? "." : `; confirming ${props.effect}.`}
      </p>
      {props.blocked ? <p className="text-[0.8125rem] text-muted-foreground">{props.blocked}</p> : null}
      <FormStateAlerts state={state} />
      {!props.blocked && !state.ok ? (
        <form action={action}>
          {(["interviewId", "feedbackId", "version", "seenStage", "seenStageAt"] as const).map((k) => (
            <input key={k} type="hidden" name={k} value={String(props[k])} />
          ))}
          <Button type="submit" size="sm" disabled={pending}>
            <CheckCheck aria-hidden="true" />
            Confirm {props.decisionLabel} as the client&apos;s decision
          </Button>
        </form>
      ) : null}
    </div>
  );
}
