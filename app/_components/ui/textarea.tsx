"use client";

import { useEffect, useId, useRef, useState, type ChangeEvent, type ComponentProps } from "react";

import { cn } from "@/lib/core/utils";

import { controlClasses } from "./input";

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
  const [announcement, setAnnouncement] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const countId = useId();

  useEffect(() => () => clearTimeout(timer.current), []);

  const length = props.value !== undefined ? lengthOf(props.value) : uncontrolledLength;
  const remaining = counted ? maxLength - length : 0;

  function handleChange(event: ChangeEvent<HTMLTextAreaElement>) {
    onChange?.(event);
    if (!counted) return;
    const next = event.target.value.length;
    setUncontrolledLength(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const left = maxLength - next;
      setAnnouncement(
        left >= 0
          ? `${left} character${left === 1 ? "" : "s"} remaining`
          : `${-left} character${left === -1 ? "" : "s"} too many`,
      );
    }, 900);
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
      <div className="mt-1 flex justify-end">
        <span id={`${countId}-limit`} className="sr-only">
          Up to {maxLength} characters.
        </span>
        <span
          aria-hidden="true"
          className={cn(
            "text-xs tabular-nums text-muted-foreground",
            nearLimit && "font-medium text-due-foreground",
            remaining < 0 && "text-overdue-foreground",
          )}
        >
          {length} / {maxLength}
        </span>
        <span aria-live="polite" className="sr-only">
          {announcement}
        </span>
      </div>
    </div>
  );
}
