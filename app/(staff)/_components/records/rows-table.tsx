import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/app/_components/ui/badge";
import { Table, TBody, Td, Th, THead, Tr } from "@/app/_components/ui/table";
import { cn } from "@/lib/core/utils";

export interface RowsColumn<T> {
  header: ReactNode;
  align?: "left" | "right";
  /** The cells' alignment when it differs from the header's (buttons under an unseen header). */
  cellAlign?: "left" | "right";
  /** Classes on the header and the cells (hiding a column on narrow screens). */
  className?: string;
  /** More classes on the cells only. */
  cellClassName?: string;
  numeric?: boolean;
  cell: (row: T) => ReactNode;
}

/** A short table of a record's related rows (a client's jobs, the team), all on one page. */
export function RowsTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  interactive = true,
}: {
  /** Read by screen readers before the table. */
  caption?: string;
  columns: RowsColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  /** Rows that lead somewhere highlight under the pointer. */
  interactive?: boolean;
}) {
  return (
    <Table>
      {caption ? <caption className="sr-only">{caption}</caption> : null}
      <THead>
        <Tr>
          {columns.map((c, i) => (
            <Th key={i} align={c.align} className={c.className}>
              {c.header}
            </Th>
          ))}
        </Tr>
      </THead>
      <TBody>
        {rows.map((row) => (
          <Tr key={rowKey(row)} interactive={interactive}>
            {columns.map((c, i) => (
              <Td key={i} align={c.cellAlign ?? c.align} numeric={c.numeric} className={cn(c.className, c.cellClassName) || undefined}>
                {c.cell(row)}
              </Td>
            ))}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

/**
 * A titled section of a record's page: "Jobs (3)", an optional action beside
 * the title, and what it says while it has nothing.
 */
export function RelatedSection({
  id,
  title,
  count,
  action,
  empty,
  className = "flex flex-col gap-3",
  children,
}: {
  /** The section's heading id is `${id}-heading`. */
  id: string;
  title: string;
  count: number;
  /** Beside the title (a "New job" button); `null` keeps the title's row for a reader who may not add. */
  action?: ReactNode;
  empty: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const heading = (
    <h2 id={`${id}-heading`} className="text-base font-semibold">
      {title} ({count})
    </h2>
  );
  return (
    <section aria-labelledby={`${id}-heading`} className={className}>
      {action === undefined ? (
        heading
      ) : (
        <div className="flex items-center justify-between gap-2">
          {heading}
          {action}
        </div>
      )}
      {count === 0 ? <p className="text-sm text-muted-foreground">{empty}</p> : children}
    </section>
  );
}

/** A related record's name, linked to its page, marked when archived. */
export function RecordLinkCell({ href, name, archived }: { href: string; name: string; archived: boolean }) {
  return (
    <>
      <Link href={href} className="font-medium hover:underline">
        {name}
      </Link>
      {archived ? <Badge className="ml-2">Archived</Badge> : null}
    </>
  );
}

/** A link to a related record in the cell's plain text weight. */
export function RelatedLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className="hover:underline">
      {children}
    </Link>
  );
}
