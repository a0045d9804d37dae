import type { ComponentProps } from "react";

import { cn } from "@/lib/core/utils";

/** Shared look of text-like controls (input, select, textarea). */
export const controlClasses =
  "w-full min-w-0 rounded-md border border-input bg-background text-base text-foreground shadow-xs transition-[border-color,box-shadow] placeholder:text-muted-foreground hover:border-muted-foreground focus-visible:border-accent focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-ring/60 disabled:cursor-not-allowed disabled:bg-muted disabled:opacity-60 aria-[invalid=true]:border-overdue aria-[invalid=true]:focus-visible:outline-overdue/40 sm:text-sm";

/** A text input. Use inside `<FormField>` to get the label, hint and error wired up. */
export function Input({ className, type = "text", ...props }: ComponentProps<"input">) {
  return (
    <input
      type={type}
      className={cn(
        controlClasses,
        "h-(--control-h) px-3 file:mr-3 file:border-0 file:bg-transparent file:text-sm file:font-medium",
        className,
      )}
      {...props}
    />
  );
}
