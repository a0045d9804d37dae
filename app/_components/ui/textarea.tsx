"use client";

import { useId, useState, type ChangeEvent, type ComponentProps } from "react";

import { cn } from "@/lib/core/utils";

import { controlClasses } from "./input";
import { LimitCount, useLimitAnnouncer } from "./limit-count";

export type TextareaProps = ComponentProps<"textarea"> & {
  /** Show "used / max" under the field when `maxLength` is set (default true). */
  showCount?: boolean;
};

function lengthOf(value: unknown): number {
  if (value === undefined || value === null) return 0;
  return Array.isArray(value) ? value.join(",").length : String(value).length;
}

/**
 * A textarea. With `maxLength`, shows a visible counter and tells screen-reader users how many
 * characters remain — politely, once they pause typing, not on every keystroke.
 */
export function Textarea({ className, maxLength, showCount = true, onChange, ...props }: TextareaProps) {
  const counted = showCount && typeof maxLength === "number";
  const [uncontrolledLength, setUncontrolledLength] = useState(() => lengthOf(props.defaultValue));
  const { announcement, typed } = useLimitAnnouncer(counted ? maxLength : undefined);
  const countId = useId();

  const length = props.value !== undefined ? lengthOf(props.value) : uncontrolledLength;
  const remaining = counted ? maxLength - length : 0;

  function handleChange(event: ChangeEvent<HTMLTextAreaElement>) {
    onChange?.(event);
    if (!counted) return;
    const next = event.target.value.length;
    setUncontrolledLength(next);
    typed(next);
  }

  const textarea = (
    <textarea
      className={cn(controlClasses, "block min-h-20 resize-y px-3 py-2 leading-relaxed", className)}
      maxLength={maxLength}
      onChange={handleChange}
      {...props}
      aria-describedby={counted ? cn(props["aria-describedby"], `${countId}-limit`) : props["aria-describedby"]}
    />
  );

  if (!counted) return textarea;

  const nearLimit = remaining <= Math.max(10, Math.round(maxLength * 0.1));
  return (
    <div className="w-full">
      {textarea}
      <LimitCount
        countId={countId}
        length={length}
        maxLength={maxLength}
        announcement={announcement}
        countClassName={cn(
          "text-xs tabular-nums text-muted-foreground",
          nearLimit && "font-medium text-due-foreground",
          remaining < 0 && "text-overdue-foreground",
        )}
      />
    </div>
  );
}
