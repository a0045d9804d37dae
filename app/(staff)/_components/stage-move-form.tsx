"use client";

import { useActionState, useId, useState, type Ref } from "react";
import { Button } from "@/app/_components/ui/button";
import { Select } from "@/app/_components/ui/select";
import { Textarea } from "@/app/_components/ui/textarea";
import { initialFormState } from "@/lib/core/form-state";
import { cn } from "@/lib/core/utils";
import { needsReason, REASON_MAX } from "@/lib/core/validation/records";
import { moveApplicationAction } from "../jobs/application-actions";
import { type Stage as StageValue, STAGE_LABELS, STAGES as STAGE_VALUES } from "@/lib/core/vocabulary";

/**
 * "Move to…" for one application: a select and a button, so it works by
 * keyboard and screen reader; rejected and withdrawn ask why before moving.
 * The board can drive it (drag and drop sets the target and submits).
 */
export function StageMoveForm({
  applicationId,
  version,
  stage,
  candidateName,
  target: controlledTarget,
  onTargetChange,
  onSubmitted,
  formRef,
  autoFocus,
  className,
}: {
  applicationId: string;
  version: number;
  stage: StageValue;
  candidateName: string;
  target?: string;
  onTargetChange?: (stage: string) => void;
  onSubmitted?: (stage: string) => void;
  formRef?: Ref<HTMLFormElement>;
  autoFocus?: boolean;
  className?: string;
}) {
  const [state, action, pending] = useActionState(moveApplicationAction, initialFormState);
  const [ownTarget, setOwnTarget] = useState("");
  const target = controlledTarget ?? ownTarget;
  const setTarget = onTargetChange ?? setOwnTarget;
  const uid = useId();
  const selectId = `move-${applicationId}`;
  const reasonId = `reason-${applicationId}`;
  const stageError = state.fieldErrors?.stage?.[0];
  const reasonError = state.fieldErrors?.reason?.[0];
  const asksReason = needsReason(target);

  return (
    <form
      ref={formRef}
      action={(fd) => {
        onSubmitted?.(target);
        action(fd);
      }}
      noValidate
      className={cn("flex flex-col gap-1.5", className)}
      aria-busy={pending || undefined}
    >
      <input type="hidden" name="id" value={applicationId} />
      <input type="hidden" name="version" value={version} />
      <label htmlFor={selectId} className="sr-only">
        Move {candidateName} to
      </label>
      <Select
          id={selectId}
          name="stage"
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          autoFocus={autoFocus}
          aria-invalid={stageError ? true : undefined}
          aria-describedby={stageError ? `${uid}-stage-error` : undefined}
          className="h-8 text-[0.8125rem]"
        >
          <option value="">Move to…</option>
          {STAGE_VALUES.filter((s) => s !== stage).map((s) => (
            <option key={s} value={s}>
              {STAGE_LABELS[s]}
            </option>
          ))}
        </Select>
      {asksReason ? (
        <div className="flex flex-col gap-1">
          <label htmlFor={reasonId} className="text-[0.8125rem] font-medium">
            {target === "rejected" ? "Why was it rejected?" : "Why did the candidate withdraw?"}
            <span aria-hidden="true" className="ml-0.5 text-overdue-foreground">
              *
            </span>
          </label>
          <Textarea
            id={reasonId}
            name="reason"
            rows={2}
            maxLength={REASON_MAX}
            showCount={false}
            aria-required
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? `${uid}-reason-error` : undefined}
            className="min-h-14 text-[0.8125rem]"
          />
          {reasonError ? (
            <p id={`${uid}-reason-error`} className="text-[0.8125rem] font-medium text-overdue-foreground">
              {reasonError}
            </p>
          ) : null}
        </div>
      ) : null}
      {target ? (
        <Button
          type="submit"
          size="sm"
          variant={asksReason ? "outline" : "default"}
          disabled={pending}
          aria-label={`Move ${candidateName} to ${STAGE_LABELS[target as StageValue] ?? target}`}
          className="self-start"
        >
          {pending ? "Moving…" : `Move to ${STAGE_LABELS[target as StageValue] ?? target}`}
        </Button>
      ) : null}
      {stageError ? (
        <p id={`${uid}-stage-error`} className="text-[0.8125rem] font-medium text-overdue-foreground">
          {stageError}
        </p>
      ) : null}
      {state.formError && !stageError && !reasonError ? (
        <p role="status" className="text-[0.8125rem] font-medium text-overdue-foreground">
          {state.formError}
        </p>
      ) : null}
      {state.ok && state.message ? (
        <p role="status" className="text-[0.8125rem] text-done-foreground">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
