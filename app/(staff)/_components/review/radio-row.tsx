"use client";

import { cn } from "@/lib/core/utils";

/**
 * A row of chips that are radio buttons: the feedback form's channel, recommendation and
 * (compact, one line per attribute) scorecard ratings. An empty value is the dashed "not" choice.
 */
export function RadioRow({
  name,
  legend,
  hint,
  options,
  value,
  idPrefix,
  error,
  required,
  compact,
}: {
  name: string;
  legend: string;
  hint?: string;
  options: { value: string; label: string; disabled?: boolean }[];
  value: string;
  idPrefix: string;
  error?: string[];
  required?: boolean;
  compact?: boolean;
}) {
  const base = `${idPrefix}-${name.replace(/\W/g, "-")}`;
  const errorId = error?.[0] ? `${base}-error` : undefined;
  const hintId = hint ? `${base}-hint` : undefined;
  const labelId = `${base}-label`;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const chips = (
    <div className="flex flex-wrap gap-1.5">
      {options.map((o, i) => {
        const id = `${base}-${i}`;
        return (
          <span key={o.value || "none"}>
            <input
              type="radio"
              id={id}
              name={name}
              value={o.value}
              defaultChecked={value === o.value}
              disabled={o.disabled}
              className="peer sr-only"
            />
            <label
              htmlFor={id}
              className={cn(
                "inline-flex cursor-pointer items-center rounded-md border border-border-strong bg-background font-medium text-foreground transition-colors select-none hover:bg-hover",
                compact ? "h-7 px-2 text-xs pointer-coarse:h-9" : "h-8 px-2.5 text-[0.8125rem] pointer-coarse:h-10",
                "peer-checked:border-accent peer-checked:bg-accent-subtle peer-checked:text-accent-subtle-foreground",
                "peer-focus-visible:outline-2 peer-focus-visible:outline-offset-1 peer-focus-visible:outline-ring",
                "peer-disabled:cursor-not-allowed peer-disabled:opacity-50",
                o.value === "" && "border-dashed text-muted-foreground",
              )}
            >
              {o.label}
            </label>
          </span>
        );
      })}
    </div>
  );
  const errorNode = errorId ? (
    <p id={errorId} className="mt-1 text-[0.8125rem] font-medium text-overdue-foreground">
      {error![0]}
    </p>
  ) : null;
  if (compact) {
    // One line per attribute: its name, then the scale.
    return (
      <div
        role="radiogroup"
        aria-labelledby={labelId}
        aria-describedby={describedBy}
        aria-invalid={errorId ? true : undefined}
        className="grid gap-x-3 gap-y-1 sm:grid-cols-[9rem_minmax(0,1fr)]">
        <div>
          <span id={labelId} title={hint} className="text-sm leading-5 font-medium">
            {legend}
          </span>
          {hint ? (
            <span id={hintId} className="sr-only">
              {hint}
            </span>
          ) : null}
        </div>
        <div>
          {chips}
          {errorNode}
        </div>
      </div>
    );
  }
  return (
    <fieldset role="radiogroup" aria-labelledby={labelId} aria-describedby={describedBy} aria-invalid={errorId ? true : undefined}>
      <legend id={labelId} className="text-sm font-medium">
        {legend}
        {required ? (
          <span aria-hidden="true" className="ml-0.5 text-overdue-foreground">
            *
          </span>
        ) : null}
      </legend>
      {hint ? (
        <p id={hintId} className="text-[0.8125rem] text-muted-foreground">
          {hint}
        </p>
      ) : null}
      <div className="mt-1.5">{chips}</div>
      {errorNode}
    </fieldset>
  );
}
