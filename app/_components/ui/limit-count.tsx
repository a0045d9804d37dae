"use client";

import { useEffect, useRef, useState } from "react";

/**
 * What a screen reader hears about a text field's length limit: how many characters remain
 * (or are too many), said politely once typing pauses, not on every keystroke. `typed` takes
 * the new length after each change; `announcement` goes in an aria-live region.
 */
export function useLimitAnnouncer(maxLength: number | undefined): { announcement: string; typed: (length: number) => void } {
  const [announcement, setAnnouncement] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  function typed(length: number) {
    if (maxLength === undefined) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const left = maxLength - length;
      setAnnouncement(
        left >= 0
          ? `${left} character${left === 1 ? "" : "s"} remaining`
          : `${-left} character${left === -1 ? "" : "s"} too many`,
      );
    }, 900);
  }

  return { announcement, typed };
}

/**
 * Under a limited text field: the limit for screen readers (the field's aria-describedby points
 * at `${countId}-limit`), "used / max" for the eye, and the live announcement.
 */
export function LimitCount({
  countId,
  length,
  maxLength,
  announcement,
  countClassName,
}: {
  countId: string;
  length: number;
  maxLength: number;
  announcement: string;
  /** The visible count's classes (its colour tells how near the limit it is). */
  countClassName: string;
}) {
  return (
    <div className="mt-1 flex justify-end">
      <span id={`${countId}-limit`} className="sr-only">
        Up to {maxLength} characters.
      </span>
      <span aria-hidden="true" className={countClassName}>
        {length} / {maxLength}
      </span>
      <span aria-live="polite" className="sr-only">
        {announcement}
      </span>
    </div>
  );
}
