import { ChevronDown } from "lucide-react";
import type { ComponentProps } from "react";

import { cn } from "@/lib/core/utils";

import { controlClasses } from "./input";

/**
 * A native `<select>` with the app's styling: keyboard, screen-reader and phone pickers work
 * by construction. Pass `<option>` children as usual; `className` applies to the select.
 */
export function Select({ className, children, ...props }: ComponentProps<"select">) {
  return (
    <div className="relative w-full min-w-0">
      <select
        className={cn(controlClasses, "h-(--control-h) appearance-none truncate pr-9 pl-3", className)}
        {...props}
      >
        {children}
      </select>
      <ChevronDown
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 right-2.5 size-4 -translate-y-1/2 text-muted-foreground"
      />
    </div>
  );
}
