import type { ComponentProps } from "react";

import { cn } from "@/lib/core/utils";

/**
 * A placeholder block while content loads. Decorative: put a visually hidden "Loading…" text
 * (or `aria-busy` on the region) next to a group of skeletons.
 */
export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return <div aria-hidden="true" className={cn("animate-pulse rounded-md bg-muted", className)} {...props} />;
}
