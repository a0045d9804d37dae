import { Plus } from "lucide-react";
import Link from "next/link";
import { Suspense, type ReactNode } from "react";
import { Button } from "@/app/_components/ui/button";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { PageHeader } from "@/app/_components/ui/page-header";
import type { Cursor } from "@/lib/core/validation/cursor";
import { ListToolbar, Pagination, type ListFilter } from "../list-controls";
import { cursorsOf, listKey } from "../params";
import { TableSkeleton } from "../table-skeleton";

/** The header button that opens a new record's form ("New candidate"). */
export function NewRecordButton({ href, label, icon = <Plus aria-hidden="true" /> }: { href: string; label: string; icon?: ReactNode }) {
  return (
    <Button asChild>
      <Link href={href}>
        {icon}
        {label}
      </Link>
    </Button>
  );
}

/** What an empty list says. */
export interface EmptyCopy {
  icon: ReactNode;
  /** What the list is for, when it has nothing yet. */
  hint: string;
  /** The title of an empty list; "No … yet" unless given. */
  title?: string;
  /** With a search or filter on. */
  filteredHint?: string;
  clearLabel?: string;
  /** Where "Clear" leads; the list's own path unless given. */
  clearHref?: string;
}

/** One staff list screen: its words, its path and the parameter that orders it. */
export interface ListScreen {
  title: string;
  description: string;
  /** Plural, lower case: "candidates" (the search's label, the pager, the empty state). */
  noun: string;
  path: string;
  placeholder: string;
  /** The columns of the loading skeleton. */
  columns: number;
  /** The URL parameter that orders the list, and its default (left out of the URL). */
  order: { param: string; default: string };
  /** How the caption names each order ("date added"). */
  sortLabels?: Record<string, string>;
  empty: EmptyCopy;
}

/** The table's sort and its caption for screen readers: "Clients, sorted by name (ascending)". */
export function sortedBy(screen: ListScreen, key: string, dir: "asc" | "desc") {
  const noun = screen.noun[0]!.toUpperCase() + screen.noun.slice(1);
  return { sort: { key, dir }, caption: `${noun}, sorted by ${screen.sortLabels?.[key] ?? key} (${dir === "asc" ? "ascending" : "descending"})` };
}

type ListParams = { q: string; dir?: string } & Record<string, unknown>;

/**
 * A staff list page: its header, section tabs, the search and filter bar
 * (which keeps the order), and the results, which stream in under a skeleton
 * each time the URL's parameters change.
 */
export function RecordListPage({
  screen,
  params,
  action,
  tabs,
  filters,
  children,
}: {
  screen: ListScreen;
  /** The parsed URL parameters: a change shows the skeleton until the new rows come. */
  params: ListParams;
  /** The header's action (a `NewRecordButton` for those who may write). */
  action?: ReactNode;
  tabs?: ReactNode;
  filters: ListFilter[];
  children: ReactNode;
}) {
  const order = params[screen.order.param] as string | undefined;
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={screen.title} description={screen.description} actions={action} className="mb-2" />
      {tabs}
      <ListToolbar
        searchLabel={`Search ${screen.noun}`}
        placeholder={screen.placeholder}
        q={params.q}
        keep={{ [screen.order.param]: order === screen.order.default ? undefined : order, dir: params.dir }}
        filters={filters}
      />
      <Suspense key={listKey(params)} fallback={<TableSkeleton columns={screen.columns} label={`Loading ${screen.noun}…`} />}>
        {children}
      </Suspense>
    </div>
  );
}

/** A keyset page of rows, as the list queries return it. */
export interface ListPage {
  rows: readonly unknown[];
  total: number;
  totalCapped: boolean;
  next: Cursor | null;
  prev: Cursor | null;
}

/**
 * The results under the toolbar: the table (`children`) and the pager, or
 * what the list says without rows: with a search or filter on, a way to
 * clear it; otherwise what the list is for, and the button that starts it.
 */
export function ListResults({
  screen,
  page,
  filtered,
  create,
  empty,
  before,
  children,
}: {
  screen: ListScreen;
  page: ListPage;
  filtered: boolean;
  /** The button of an empty list, for those who may add to it. */
  create?: { href: string; label: string } | null;
  /** Words that depend on the request (which tab is open). */
  empty?: Partial<EmptyCopy>;
  before?: ReactNode;
  children: ReactNode;
}) {
  const { next, prev } = cursorsOf(page);
  const copy = { ...screen.empty, ...empty };
  const { noun } = screen;
  return (
    <div className="flex flex-col gap-3">
      {before}
      {page.rows.length > 0 ? (
        children
      ) : (
        <EmptyState
          icon={copy.icon}
          title={filtered ? `No ${noun} match` : (copy.title ?? `No ${noun} yet`)}
          description={filtered ? (copy.filteredHint ?? "Try another search or filter.") : copy.hint}
          action={
            filtered ? (
              <Button asChild variant="outline">
                <Link href={copy.clearHref ?? screen.path}>{copy.clearLabel ?? "Clear the filters"}</Link>
              </Button>
            ) : create ? (
              <Button asChild>
                <Link href={create.href}>{create.label}</Link>
              </Button>
            ) : null
          }
        />
      )}
      {page.rows.length > 0 ? <Pagination next={next} prev={prev} shown={page.rows.length} total={page.total} totalCapped={page.totalCapped} noun={noun} /> : null}
    </div>
  );
}
