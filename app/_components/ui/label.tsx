import type { ComponentProps } from "react";

import { cn } from "@/lib/core/utils";

export type LabelProps = ComponentProps<"label"> & {
  /** Shows a required marker; the control itself should carry `required` for screen readers. */
  required?: boolean;
};

export function Label({ className, children, required, ...props }: LabelProps) {
  return (
    <label className={cn("text-sm font-medium leading-5 text-foreground", className)} {...props}>
      {children}
      {required ? (
        <span aria-hidden="true" className="ml-0.5 text-overdue-foreground">
          *
        </span>
      ) : null}
    </label>
  );
}
