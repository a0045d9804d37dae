"use client";

import { ChevronLeft, ChevronRight, LoaderCircle, Search, X } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useTransition, type FormEvent } from "react";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { cn, countLabel } from "@/lib/core/utils";
import { FindableSelect, type MenuFind } from "./findable-select";
import { useListHref } from "./use-list-href";

export interface ListFilter {
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  /** Options listed before `options` whatever a find box finds ("All clients", "Mine"). */
  lead?: { value: string; label: string }[];
  /** A menu of records that may not list them all (FindableSelect). */
  find?: MenuFind;
  /** The value that means "no filter" and is left out of the URL. */
  defaultValue?: string;
  /** Not usable yet (it depends on another filter); its one option says why. */
  disabled?: boolean;
}

/**
 * Search and filters of a list. A plain GET form (works without JavaScript);
 * with it, the URL is updated in place, leaving out empty and default values,
 * and a filter applies as soon as it is chosen.
 */
export function ListToolbar({
  searchLabel,
  placeholder,
  q,
  filters = [],
  keep = {},
}: {
  searchLabel: string;
  placeholder?: string;
  q: string;
  filters?: ListFilter[];
  /** Other parameters to carry over (sort, dir, tab). */
  keep?: Record<string, string | undefined>;
}) {
  const router = useRouter();
  const pathname = usePathname() ?? "/";
  const [pending, startTransition] = useTransition();
  const defaults = Object.fromEntries(filters.map((f) => [f.name, f.defaultValue ?? ""]));
  const active = q !== "" || filters.some((f) => f.value !== (f.defaultValue ?? ""));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget).entries()) {
      if (typeof value !== "string") continue;
      const v = value.trim();
      if (v === "" || v === defaults[key]) continue;
      params.set(key, v);
    }
    const query = params.toString();
    startTransition(() => router.push(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  }

  const clearParams = new URLSearchParams();
  for (const [k, v] of Object.entries(keep)) if (v) clearParams.set(k, v);
  const clearHref = clearParams.toString() ? `${pathname}?${clearParams}` : pathname;

  return (
    <form
      role="search"
      aria-label={searchLabel}
      method="get"
      action={pathname}
      onSubmit={submit}
      className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-start"
    >
      {Object.entries(keep).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
      <div className="relative min-w-0 sm:w-72">
        <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
        <Input
          type="search"
          name="q"
          defaultValue={q}
          placeholder={placeholder}
          aria-label={searchLabel}
          maxLength={100}
          className="pl-8"
          key={q}
        />
      </div>
      {filters.map((f) => (
        <div key={f.name} className={f.disabled ? "sm:w-52" : "sm:w-44"}>
          <FindableSelect
            name={f.name}
            defaultValue={f.value}
            aria-label={f.label}
            key={`${f.name}-${f.value}`}
            disabled={f.disabled}
            onChange={(e) => e.currentTarget.form?.requestSubmit()}
            lead={f.lead}
            options={f.options}
            find={f.find}
          />
        </div>
      ))}
      <div className="flex items-center gap-2">
        <Button type="submit" variant="outline">
          Search
        </Button>
        {active ? (
          <Button asChild variant="ghost">
            <Link href={clearHref} scroll={false}>
              <X aria-hidden="true" />
              Clear
            </Link>
          </Button>
        ) : null}
        <span aria-live="polite" className="inline-flex items-center gap-1.5 text-xs text-muted-foreground">
          {pending ? (
            <>
              <LoaderCircle aria-hidden="true" className="size-3.5 animate-spin" />
              Loading…
            </>
          ) : null}
        </span>
      </div>
    </form>
  );
}

/** Previous / next page links of a keyset list (the cursor lives in the URL). */
export function Pagination({
  next,
  prev,
  shown,
  total,
  totalCapped = false,
  noun,
}: {
  next: string | null;
  prev: string | null;
  shown: number;
  total: number;
  /** The count stopped at `total`: there are more. */
  totalCapped?: boolean;
  noun: string;
}) {
  const href = useListHref();
  if (!next && !prev && shown === total && !totalCapped) {
    return (
      <p className="text-xs text-muted-foreground" aria-live="polite">
        {countLabel(total)} {noun}
      </p>
    );
  }
  const linkClass = "inline-flex h-8 items-center gap-1 rounded-md border border-border-strong px-2.5 text-[0.8125rem] font-medium";
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-3">
      <p className="text-xs text-muted-foreground" aria-live="polite">
        Showing {shown} of {countLabel(total, totalCapped)} {noun}
      </p>
      <div className="flex items-center gap-2">
        {prev ? (
          <Link href={href({ cursor: prev })} className={cn(linkClass, "hover:bg-hover")} scroll={false} rel="prev">
            <ChevronLeft aria-hidden="true" className="size-4" />
            Previous
          </Link>
        ) : (
          <span aria-disabled="true" className={cn(linkClass, "cursor-not-allowed text-muted-foreground opacity-60")}>
            <ChevronLeft aria-hidden="true" className="size-4" />
            Previous
          </span>
        )}
        {next ? (
          <Link href={href({ cursor: next })} className={cn(linkClass, "hover:bg-hover")} scroll={false} rel="next">
            Next
            <ChevronRight aria-hidden="true" className="size-4" />
          </Link>
        ) : (
          <span aria-disabled="true" className={cn(linkClass, "cursor-not-allowed text-muted-foreground opacity-60")}>
            Next
            <ChevronRight aria-hidden="true" className="size-4" />
          </span>
        )}
      </div>
    </nav>
  );
}
