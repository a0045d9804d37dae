"use client";

import { usePathname } from "next/navigation";
import { cn } from "@/lib/core/utils";
import { LinkNav, type ViewLink } from "./review/view-toggle";

/** Underlined tab links above a list; `current` marks the one shown. */
function TabNav({ label, items }: { label: string; items: ViewLink[] }) {
  return (
    <LinkNav
      label={label}
      items={items}
      className="-mt-2 mb-4 border-b border-border"
      listClassName="-mb-px flex gap-4"
      linkClassName={(t) =>
        cn(
          "inline-flex h-9 items-center border-b-2 border-transparent px-0.5 text-sm font-medium text-muted-foreground hover:text-foreground",
          t.current && "border-accent text-foreground",
        )
      }
    />
  );
}

/** Tabs between sibling lists (Clients · Contacts, Jobs · Pipeline): links, marked current by path. */
export function SectionTabs({ label, tabs }: { label: string; tabs: { href: string; label: string; exact?: boolean }[] }) {
  const pathname = usePathname() ?? "";
  const items = tabs.map((t) => ({
    ...t,
    current: t.exact ? pathname === t.href : pathname === t.href || pathname.startsWith(`${t.href}/`),
  }));
  return <TabNav label={label} items={items} />;
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
  const items = tabs.map((t) => ({
    href: `${basePath}?${new URLSearchParams({ [param]: t.value })}`,
    label: t.label,
    current: t.value === value,
  }));
  return <TabNav label={label} items={items} />;
}
