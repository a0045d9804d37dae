"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/core/utils";

/** Tabs between sibling lists (Clients · Contacts, Jobs · Pipeline): links, marked current by path. */
export function SectionTabs({ label, tabs }: { label: string; tabs: { href: string; label: string; exact?: boolean }[] }) {
  const pathname = usePathname() ?? "";
  return (
    <nav aria-label={label} className="-mt-2 mb-4 border-b border-border">
      <ul className="-mb-px flex gap-4">
        {tabs.map((t) => {
          const current = t.exact ? pathname === t.href : pathname === t.href || pathname.startsWith(`${t.href}/`);
          return (
            <li key={t.href}>
              <Link
                href={t.href}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "inline-flex h-9 items-center border-b-2 border-transparent px-0.5 text-sm font-medium text-muted-foreground hover:text-foreground",
                  current && "border-accent text-foreground",
                )}
              >
                {t.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** Tabs that are a URL parameter of the same page (Interviews: upcoming · past · all). */
export function ParamTabs({
  label,
  param,
  value,
  tabs,
  basePath,
}: {
  label: string;
  param: string;
  value: string;
  basePath: string;
  tabs: { value: string; label: string }[];
}) {
  return (
    <nav aria-label={label} className="-mt-2 mb-4 border-b border-border">
      <ul className="-mb-px flex gap-4">
        {tabs.map((t) => {
          const current = t.value === value;
          return (
            <li key={t.value}>
              <Link
                href={`${basePath}?${new URLSearchParams({ [param]: t.value })}`}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "inline-flex h-9 items-center border-b-2 border-transparent px-0.5 text-sm font-medium text-muted-foreground hover:text-foreground",
                  current && "border-accent text-foreground",
                )}
              >
                {t.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
