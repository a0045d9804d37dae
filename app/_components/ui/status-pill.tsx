import { Ban, Check, Circle, Clock, Info, TriangleAlert, type LucideIcon } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";

import { cn } from "@/lib/core/utils";

export type Status = "due" | "overdue" | "done" | "not_allowed" | "info" | "neutral";

const STATES: Record<Status, { label: string; icon: LucideIcon; className: string }> = {
  due: { label: "Due", icon: Clock, className: "border-due-border bg-due-subtle text-due-foreground" },
  overdue: {
    label: "Overdue",
    icon: TriangleAlert,
    className: "border-overdue-border bg-overdue-subtle text-overdue-foreground",
  },
  done: { label: "Done", icon: Check, className: "border-done-border bg-done-subtle text-done-foreground" },
  not_allowed: {
    label: "Not allowed",
    icon: Ban,
    className: "border-not-allowed-border bg-not-allowed-subtle text-not-allowed-foreground",
  },
  info: { label: "Info", icon: Info, className: "border-info-border bg-info-subtle text-info-foreground" },
  neutral: { label: "Waiting", icon: Circle, className: "border-border-strong bg-transparent text-muted-foreground" },
};

export type StatusPillProps = Omit<ComponentProps<"span">, "children"> & {
  state: Status;
  /** The visible text; defaults to the state's name ("Due", "Overdue", …). Always text, never colour alone. */
  children?: ReactNode;
  /** Hide the state icon (the text still carries the meaning). */
  hideIcon?: boolean;
  size?: "sm" | "md";
};

/**
 * The product's state colours in one place: due = amber, overdue = red, done = green,
 * not allowed = grey, info = accent, neutral = outline. Icon + text, so colour is never the only cue.
 */
export function StatusPill({ state, children, hideIcon, size = "sm", className, ...props }: StatusPillProps) {
  const { label, icon: Icon, className: stateClasses } = STATES[state];
  return (
    <span
      data-state={state}
      className={cn(
        "inline-flex max-w-full shrink-0 items-center gap-1 whitespace-nowrap rounded-full border font-medium",
        size === "sm" ? "h-5 px-2 text-xs [&_svg]:size-3" : "h-7 px-2.5 text-sm [&_svg]:size-3.5",
        stateClasses,
        className,
      )}
      {...props}
    >
      {hideIcon ? null : (
        <Icon aria-hidden="true" strokeWidth={2.5} className={cn("shrink-0", state === "neutral" && "size-2! fill-current")} />
      )}
      <span className="truncate">{children ?? label}</span>
    </span>
  );
}
