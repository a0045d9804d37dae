import { CircleAlert, CircleCheck, Info, TriangleAlert } from "lucide-react";
import type { ComponentProps } from "react";

import { cn } from "@/lib/core/utils";

const VARIANTS = {
  info: { icon: Info, className: "border-info-border bg-info-subtle text-info-foreground" },
  warning: { icon: TriangleAlert, className: "border-due-border bg-due-subtle text-due-foreground" },
  error: { icon: CircleAlert, className: "border-overdue-border bg-overdue-subtle text-overdue-foreground" },
  success: { icon: CircleCheck, className: "border-done-border bg-done-subtle text-done-foreground" },
} as const;

export type AlertProps = ComponentProps<"div"> & {
  variant?: keyof typeof VARIANTS;
  /**
   * Announce the alert politely when it appears (role="status"), e.g. a form-level error or a
   * "Saved" message after an action. Leave off for persistent callouts. Never role="alert":
   * Next's route announcer already uses it.
   */
  announce?: boolean;
  /** Hide the leading icon. */
  hideIcon?: boolean;
};

/** A callout: `<Alert variant="warning"><AlertTitle>…</AlertTitle><AlertDescription>…</AlertDescription></Alert>`. */
export function Alert({ className, variant = "info", announce, hideIcon, children, ...props }: AlertProps) {
  const { icon: Icon, className: variantClasses } = VARIANTS[variant];
  return (
    <div
      role={announce ? "status" : undefined}
      data-variant={variant}
      className={cn(
        "relative flex gap-2.5 rounded-lg border px-3.5 py-3 text-sm [&_a]:font-medium [&_a]:underline",
        variantClasses,
        className,
      )}
      {...props}
    >
      {hideIcon ? null : <Icon aria-hidden="true" className="mt-0.5 size-4 shrink-0" />}
      <div className="min-w-0 flex-1 space-y-0.5">{children}</div>
    </div>
  );
}

export function AlertTitle({ className, ...props }: ComponentProps<"p">) {
  return <p className={cn("font-semibold leading-5", className)} {...props} />;
}

export function AlertDescription({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("leading-5 [&_p+p]:mt-1", className)} {...props} />;
}
