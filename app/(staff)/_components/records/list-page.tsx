import { Plus } from "lucide-react";
import Link from "next/link";
import { Suspense, type ComponentProps, type ReactNode } from "react";
import { Button } from "@/app/_components/ui/button";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { PageHeader } from "@/app/_components/ui/page-header";
import type { Cursor } from "@/lib/core/validation/records";
import { ListToolbar, Pagination } from "../list-controls";
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

/**
 * A staff list page: its header, section tabs, the search and filter bar,
 * and the results, which stream in under a skeleton each time the URL's
 * parameters change.
 */
export function RecordListPage({
  title,
  description,
  action,
  tabs,
  toolbar,
  params,
  loading,
  children,
}: {
  title: string;
  description: string;
  /** The header's action (a `NewRecordButton` for those who may write). */
  action?: ReactNode;
  tabs?: ReactNode;
  toolbar: ComponentProps<typeof ListToolbar>;
  /** The parsed URL parameters: a change shows the skeleton until the new rows come. */
  params: Record<string, unknown>;
  loading: { columns: number; label: string };
  children: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={title} description={description} actions={action} className="mb-2" />
      {tabs}
      <ListToolbar {...toolbar} />
      <Suspense key={listKey(params)} fallback={<TableSkeleton columns={loading.columns} label={loading.label} />}>
        {children}
      </Suspense>
    </div>
  );
}

/** A keyset page of rows, as the list queries return it. */
export interface ListPage {
  rows: unknown[];
  total: number;
  next: Cursor | null;
  prev: Cursor | null;
}

/** The results under the toolbar: the table, then the pager once there are rows. */
export function ListResults({ page, noun, before, children }: { page: ListPage; noun: string; before?: ReactNode; children: ReactNode }) {
  const { next, prev } = cursorsOf(page);
  return (
    <div className="flex flex-col gap-3">
      {before}
      {children}
      {page.rows.length > 0 ? <Pagination next={next} prev={prev} shown={page.rows.length} total={page.total} noun={noun} /> : null}
    </div>
  );
}

/**
 * What a list shows without rows: with a search or filter on, a way to clear
 * it; otherwise what the list is for, and the button that starts it.
 */
export function ListEmpty({
  icon,
  noun,
  filtered,
  clearHref,
  clearLabel = "Clear the filters",
  filteredHint = "Try another search or filter.",
  title,
  hint,
  create,
}: {
  icon: ReactNode;
  /** Plural, lower case: "candidates". */
  noun: string;
  filtered: boolean;
  clearHref: string;
  clearLabel?: string;
  filteredHint?: string;
  /** The title of an empty list; "No … yet" unless given. */
  title?: string;
  hint: string;
  /** The button of an empty list, for those who may add to it. */
  create?: { href: string; label: string } | null;
}) {
  return (
    <EmptyState
      icon={icon}
      title={filtered ? `No ${noun} match` : (title ?? `No ${noun} yet`)}
      description={filtered ? filteredHint : hint}
      action={
        filtered ? (
          <Button asChild variant="outline">
            <Link href={clearHref}>{clearLabel}</Link>
          </Button>
        ) : create ? (
          <Button asChild>
            <Link href={create.href}>{create.label}</Link>
          </Button>
        ) : null
      }
    />
  );
}
