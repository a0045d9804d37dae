"use client";

import { useId, type ChangeEvent, type ComponentProps, type ReactNode } from "react";
import { LimitCount, useLimitAnnouncer } from "@/app/_components/ui/limit-count";
import { CONTROL_CLASSES, Label, cx } from "./debrief-ui";

/**
 * The debrief's controls, phone first: one column, 48 px tap targets, and
 * every radio group labelled by its question, so a screen reader hears the
 * question with each answer. Each control is named after its field key ("people.0.email"
 * → id "people-0-email") and carries `data-field`, which the form uses to mark
 * fields as visited and to find the first one with a problem.
 */

export function fieldId(key: string): string {
  return key.replace(/\./g, "-");
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(" ");
  return list || undefined;
}

export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={`${id}-error`} className="text-[0.8125rem] font-medium leading-5 text-overdue-foreground">
      {message}
    </p>
  );
}

export function Hint({ id, children }: { id: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <p id={`${id}-hint`} className="text-[0.8125rem] leading-5 text-muted-foreground">
      {children}
    </p>
  );
}

export function Section({ id, title, description, children }: { id: string; title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="flex flex-col gap-5 border-t border-border pt-6 first:border-t-0 first:pt-0">
      <div className="space-y-1">
        <h2 id={`${id}-title`} className="text-base font-semibold tracking-tight">
          {title}
        </h2>
        {description ? <p className="text-sm text-muted-foreground">{description}</p> : null}
      </div>
      {children}
    </section>
  );
}

const GRID_COLUMNS: Record<number, string> = { 1: "grid-cols-1 sm:grid-cols-2", 2: "grid-cols-2", 3: "grid-cols-3", 4: "grid-cols-4", 5: "grid-cols-5" };

type Option<T> = { value: T; label: string; srLabel?: string };

/** A row of large radio buttons (a 1–5 scale, yes / no). */
export function ChoiceGroup<T extends string | number | boolean>({
  name,
  legend,
  hint,
  options,
  value,
  onChange,
  error,
  required,
  columns,
  ends,
}: {
  name: string;
  legend: string;
  hint?: ReactNode;
  options: Option<T>[];
  value: T | null;
  onChange: (value: T) => void;
  error?: string;
  required?: boolean;
  columns?: number;
  /** Words under the two ends of a scale. */
  ends?: [string, string];
}) {
  const id = fieldId(name);
  return (
    <div className="flex min-w-0 flex-col gap-2" data-invalid={error ? "" : undefined}>
      <div id={`${id}-label`} className="mb-1 text-sm font-medium leading-5">
        {legend}
        {required ? (
          <span aria-hidden="true" className="ml-0.5 text-overdue-foreground">
            *
          </span>
        ) : null}
      </div>
      <Hint id={id}>{hint}</Hint>
      <div
        role="radiogroup"
        aria-labelledby={`${id}-label`}
        aria-describedby={describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined)}
        aria-invalid={error ? true : undefined}
        aria-required={required ? true : undefined}
        className={cx("grid gap-2", GRID_COLUMNS[columns ?? options.length] ?? "grid-cols-2")}
      >
        {options.map((option, i) => {
          const checked = value === option.value;
          return (
            <label key={String(option.value)} className="relative block">
              <input
                type="radio"
                name={name}
                value={String(option.value)}
                checked={checked}
                onChange={() => onChange(option.value)}
                data-field={name}
                id={i === 0 ? id : undefined}
                aria-label={option.srLabel ? `${option.label}, ${option.srLabel}` : option.label}
                className="peer sr-only"
              />
              <span
                aria-hidden="true"
                className={cx(
                  "flex min-h-12 cursor-pointer select-none items-center justify-center rounded-md border bg-background px-2 text-center text-[0.9375rem] font-medium text-foreground transition-colors hover:bg-hover",
                  error && !checked ? "border-overdue" : "border-border-strong",
                  "peer-checked:border-accent peer-checked:bg-accent peer-checked:text-accent-foreground",
                  "peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-ring",
                )}
              >
                {option.label}
              </span>
            </label>
          );
        })}
      </div>
      {ends ? (
        <div aria-hidden="true" className="flex justify-between gap-4 text-xs text-muted-foreground">
          <span>{ends[0]}</span>
          <span className="text-right">{ends[1]}</span>
        </div>
      ) : null}
      <FieldError id={id} message={error} />
    </div>
  );
}

/**
 * A textarea with a visible "used / max" counter that tells screen-reader users how many
 * characters remain — politely, once they pause typing, not on every keystroke (as ui/textarea).
 */
function CountedTextarea({ maxLength, onChange, value, ...props }: ComponentProps<"textarea"> & { maxLength: number; value: string }) {
  const { announcement, typed } = useLimitAnnouncer(maxLength);
  const countId = useId();

  function handleChange(event: ChangeEvent<HTMLTextAreaElement>) {
    onChange?.(event);
    typed(event.target.value.length);
  }

  const length = value.length;
  const remaining = maxLength - length;
  const nearLimit = remaining <= Math.max(10, Math.round(maxLength * 0.1));
  return (
    <div className="w-full">
      <textarea
        className={CONTROL_CLASSES.textarea}
        maxLength={maxLength}
        value={value}
        onChange={handleChange}
        {...props}
        aria-describedby={cx(props["aria-describedby"], `${countId}-limit`)}
      />
      <LimitCount
        countId={countId}
        length={length}
        maxLength={maxLength}
        announcement={announcement}
        countClassName={cx(
          "text-xs tabular-nums",
          nearLimit && "font-medium",
          remaining < 0 ? "text-overdue-foreground" : nearLimit ? "text-due-foreground" : "text-muted-foreground",
        )}
      />
    </div>
  );
}

export function TextAreaField({
  name,
  label,
  hint,
  value,
  onChange,
  error,
  maxLength,
  rows = 3,
  placeholder,
}: {
  name: string;
  label: string;
  hint?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  maxLength: number;
  rows?: number;
  placeholder?: string;
}) {
  const id = fieldId(name);
  return (
    <div className="flex flex-col gap-1.5" data-invalid={error ? "" : undefined}>
      <Label htmlFor={id}>{label}</Label>
      <Hint id={id}>{hint}</Hint>
      <CountedTextarea
        id={id}
        name={name}
        data-field={name}
        value={value}
        rows={rows}
        placeholder={placeholder}
        maxLength={maxLength}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined)}
      />
      <FieldError id={id} message={error} />
    </div>
  );
}

export function InputField({
  name,
  label,
  hint,
  value,
  onChange,
  error,
  required,
  className,
  ...props
}: {
  name: string;
  label: string;
  hint?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  required?: boolean;
  className?: string;
} & Omit<React.ComponentProps<"input">, "value" | "onChange" | "name" | "id">) {
  const id = fieldId(name);
  return (
    <div className={cx("flex min-w-0 flex-col gap-1.5", className)} data-invalid={error ? "" : undefined}>
      <Label htmlFor={id} required={required}>
        {label}
      </Label>
      <Hint id={id}>{hint}</Hint>
      <input
        type="text"
        id={id}
        name={name}
        data-field={name}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-required={required ? true : undefined}
        aria-describedby={describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined)}
        className={CONTROL_CLASSES.input}
        {...props}
      />
      <FieldError id={id} message={error} />
    </div>
  );
}
