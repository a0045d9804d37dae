import type { ComponentProps } from "react";

import { cn } from "@/lib/core/utils";

/**
 * A native checkbox in the accent colour. Pair it with a `<label htmlFor>` or
 * `<FormField orientation="horizontal">`.
 */
export function Checkbox({ className, ...props }: Omit<ComponentProps<"input">, "type">) {
  return (
    <input
      type="checkbox"
      className={cn(
        "size-4 shrink-0 cursor-pointer rounded-sm accent-accent disabled:cursor-not-allowed disabled:opacity-50",
        className,
      )}
      {...props}
    />
  );
}
