import Link from "next/link";
import { cn } from "@/lib/core/utils";

/**
 * A small segmented control made of links (the choice lives in the URL, so it
 * survives reloads and can be shared): "Mine" / "Everyone's", or tabs.
 */
export function SegmentedLinks({
  label,
  items,
  className,
}: {
  label: string;
  items: { href: string; label: React.ReactNode; current: boolean }[];
  className?: string;
}) {
  return (
    <nav aria-label={label} className={cn("inline-flex rounded-md border border-border bg-muted p-0.5", className)}>
      <ul className="flex">
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={item.current ? "page" : undefined}
              className={cn(
                "inline-flex h-7 items-center gap-1.5 rounded-[5px] px-3 text-[0.8125rem] font-medium text-muted-foreground transition-colors hover:text-foreground pointer-coarse:h-9",
                item.current && "bg-background text-foreground shadow-xs",
              )}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Underlined tabs (links) with counts, for lists split by state. */
export function TabLinks({
  label,
  items,
}: {
  label: string;
  items: { href: string; label: string; count?: number; current: boolean; tone?: "overdue" | "due" | "done" }[];
}) {
  const tone = { overdue: "bg-overdue-subtle text-overdue-foreground", due: "bg-due-subtle text-due-foreground", done: "bg-done-subtle text-done-foreground" };
  return (
    <nav aria-label={label} className="border-b border-border">
      <ul className="-mb-px flex gap-5 overflow-x-auto">
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={item.current ? "page" : undefined}
              className="relative inline-flex h-10 items-center gap-2 border-b-2 border-transparent text-sm font-medium whitespace-nowrap text-muted-foreground hover:text-foreground aria-[current=page]:border-accent aria-[current=page]:text-foreground"
            >
              {item.label}
              {item.count !== undefined ? (
                <span
                  className={cn(
                    "inline-flex min-w-5 justify-center rounded-full px-1.5 text-xs tabular-nums",
                    item.count > 0 && item.tone ? tone[item.tone] : "bg-muted text-muted-foreground",
                  )}
                >
                  {item.count}
                </span>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
