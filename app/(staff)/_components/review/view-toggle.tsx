import Link from "next/link";
import type { ReactNode } from "react";
import { cn, countLabel } from "@/lib/core/utils";

/**
 * Links between views of a page, or between sibling pages (the choice lives
 * in the URL, so it survives reloads and can be shared); the one shown is
 * marked `aria-current="page"`.
 */

export type ViewLink = { href: string; label: ReactNode; current: boolean };

export function LinkNav<T extends ViewLink>({
  label,
  items,
  className,
  listClassName,
  linkClassName,
  after,
}: {
  label: string;
  items: T[];
  className?: string;
  listClassName: string;
  linkClassName: (item: T) => string;
  /** Shown after an item's label (a count). */
  after?: (item: T) => ReactNode;
}) {
  return (
    <nav aria-label={label} className={className}>
      <ul className={listClassName}>
        {items.map((item) => (
          <li key={item.href}>
            <Link href={item.href} aria-current={item.current ? "page" : undefined} className={linkClassName(item)}>
              {item.label}
              {after?.(item)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A small segmented control made of links: "Mine" / "Everyone's". */
export function SegmentedLinks({ label, items, className }: { label: string; items: ViewLink[]; className?: string }) {
  return (
    <LinkNav
      label={label}
      items={items}
      className={cn("inline-flex rounded-md border border-border bg-muted p-0.5", className)}
      listClassName="flex"
      linkClassName={(item) =>
        cn(
          "inline-flex h-7 items-center gap-1.5 rounded-[5px] px-3 text-[0.8125rem] font-medium text-muted-foreground transition-colors hover:text-foreground pointer-coarse:h-9",
          item.current && "bg-background text-foreground shadow-xs",
        )
      }
    />
  );
}

const TONE = {
  overdue: "bg-overdue-subtle text-overdue-foreground",
  due: "bg-due-subtle text-due-foreground",
  done: "bg-done-subtle text-done-foreground",
};

/** Underlined tabs (links) with counts, for lists split by state. */
export function TabLinks({
  label,
  items,
}: {
  label: string;
  /** `countCapped`: the count stopped at `count`, shown as "1,000+". */
  items: (ViewLink & { label: string; count?: number; countCapped?: boolean; tone?: keyof typeof TONE })[];
}) {
  return (
    <LinkNav
      label={label}
      items={items}
      className="border-b border-border"
      listClassName="-mb-px flex gap-5 overflow-x-auto"
      linkClassName={() =>
        "relative inline-flex h-10 items-center gap-2 border-b-2 border-transparent text-sm font-medium whitespace-nowrap text-muted-foreground hover:text-foreground aria-[current=page]:border-accent aria-[current=page]:text-foreground"
      }
      after={(item) =>
        item.count !== undefined ? (
          <span
            className={cn(
              "inline-flex min-w-5 justify-center rounded-full px-1.5 text-xs tabular-nums",
              item.count > 0 && item.tone ? TONE[item.tone] : "bg-muted text-muted-foreground",
            )}
          >
            {countLabel(item.count, item.countCapped)}
          </span>
        ) : null
      }
    />
  );
}
