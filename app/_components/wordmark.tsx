import { cn } from "@/lib/core/utils";

/** The Afterview mark: a small accent tile. Decorative. */
export function LogoMark({ className }: { className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={cn(
        "inline-flex size-7 shrink-0 items-center justify-center rounded-md bg-accent text-accent-foreground shadow-xs",
        className,
      )}
    >
      <svg viewBox="0 0 24 24" fill="none" className="size-4" strokeWidth={2.25} stroke="currentColor">
        <path d="M4 19 10.5 5h3L20 19" strokeLinecap="round" strokeLinejoin="round" />
        <path d="M7.5 13.5h9" strokeLinecap="round" />
      </svg>
    </span>
  );
}

/** Mark + "Afterview". */
export function Wordmark({ className }: { className?: string }) {
  return (
    <span className={cn("inline-flex items-center gap-2 text-[0.9375rem] font-semibold tracking-tight", className)}>
      <LogoMark />
      Afterview
    </span>
  );
}
