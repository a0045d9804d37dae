import type { ComponentProps, ReactNode } from "react";

import { cn } from "@/lib/core/utils";

/**
 * A placeholder block while content loads. Decorative: put it inside a
 * LoadingRegion, which tells assistive technology what is loading.
 */
export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return <div aria-hidden="true" className={cn("animate-pulse rounded-md bg-muted", className)} {...props} />;
}

/** A region whose content is loading: busy for screen readers, with its label announced once. */
export function LoadingRegion({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div aria-busy="true" className={className}>
      <span className="sr-only" role="status">
        {label}
      </span>
      {children}
    </div>
  );
}

/** A page's title and description while the page loads. */
export function SkeletonHeading({ title = "w-40", description = "w-72" }: { title?: string; description?: string }) {
  return (
    <div className="space-y-2">
      <Skeleton className={cn("h-7", title)} />
      <Skeleton className={cn("h-4", description)} />
    </div>
  );
}

/** `count` blocks of one class, e.g. the rows of a list or the tiles of a grid. */
export function SkeletonBlocks({ count, className }: { count: number; className: string }) {
  return Array.from({ length: count }, (_, i) => <Skeleton key={i} className={className} />);
}

/** A list's rows while they load: `count` bars in one bordered box. */
export function SkeletonRows({ count, height }: { count: number; height: string }) {
  return (
    <div className="space-y-px overflow-hidden rounded-lg border border-border">
      <SkeletonBlocks count={count} className={cn(height, "rounded-none")} />
    </div>
  );
}

/** An entry of a timeline or a plan: a marker and two lines of text. */
export function SkeletonEntry({ marker, lines }: { marker: string; lines: [string, string] }) {
  return (
    <div className="flex gap-3">
      <Skeleton className={cn(marker, "rounded-full")} />
      <div className="flex flex-1 flex-col gap-1.5">
        <Skeleton className={lines[0]} />
        <Skeleton className={lines[1]} />
      </div>
    </div>
  );
}
