import { Pencil, Plus } from "lucide-react";
import Link from "next/link";
import { Fragment, type ComponentProps, type ReactNode } from "react";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { PageHeader } from "@/app/_components/ui/page-header";
import { ArchiveControl } from "../archive-control";
import { SavedNotice } from "../saved-notice";

/**
 * A record page's header: the way back (the list, then the record it belongs
 * to), the name with its badges, a one-line summary, the actions, and the
 * confirmation of the save that led here (`?saved=…`).
 */
export function RecordHeader({
  crumbs,
  title,
  badges,
  description,
  actions,
  saved,
  noun,
}: {
  crumbs: { href: string; label: string }[];
  title: ReactNode;
  badges?: ReactNode;
  description: ReactNode;
  actions: ReactNode;
  /** The `saved` URL parameter, and the record's noun for "Candidate created." */
  saved: string | string[] | undefined;
  noun?: string;
}) {
  return (
    <>
      <PageHeader
        eyebrow={crumbs.map((c, i) => (
          <Fragment key={c.href}>
            {i > 0 ? " · " : null}
            <Link href={c.href}>{c.label}</Link>
          </Fragment>
        ))}
        title={
          <span className="flex flex-wrap items-center gap-2">
            {title}
            {badges}
          </span>
        }
        description={description}
        actions={actions}
      />
      <SavedNotice saved={saved} noun={noun} />
    </>
  );
}

/** The "Archived" badge of a record that is. */
export function ArchivedBadge({ archived }: { archived: boolean }) {
  return archived ? <Badge>Archived</Badge> : null;
}

/** A small button beside a section's title that adds a related record ("New job"). */
export function AddButton({ href, label }: { href: string; label: string }) {
  return (
    <Button asChild size="sm" variant="outline">
      <Link href={href}>
        <Plus aria-hidden="true" />
        {label}
      </Link>
    </Button>
  );
}

/** The header button to a record's edit form. */
export function EditButton({ href, label = "Edit" }: { href: string; label?: string }) {
  return (
    <Button asChild variant="outline">
      <Link href={href}>
        <Pencil aria-hidden="true" />
        {label}
      </Link>
    </Button>
  );
}

type ArchiveAction = ComponentProps<typeof ArchiveControl>["archiveAction"];

/** Edit, then archive or restore: the actions of a record for those who may change it. */
export function RecordActions({
  path,
  record,
  consequence,
  actions: [archiveAction, restoreAction],
}: {
  /** The list's path: the record's edit form is `${path}/${id}/edit`. */
  path: string;
  record: { id: string; version: number; name: string; archivedAt: Date | null };
  /** What archiving means for this record, in the confirmation. */
  consequence: string;
  actions: [archive: ArchiveAction, restore: ArchiveAction];
}) {
  return (
    <>
      <EditButton href={`${path}/${record.id}/edit`} />
      <ArchiveControl
        id={record.id}
        version={record.version}
        archived={!!record.archivedAt}
        name={record.name}
        consequence={consequence}
        archiveAction={archiveAction}
        restoreAction={restoreAction}
      />
    </>
  );
}

/**
 * A new record's page header. Opened from a client's page (`from`), it names
 * the client and leads back there; otherwise back to the list.
 */
export function NewRecordHeader({
  noun,
  description,
  list,
  from,
}: {
  /** Lower case: "contact". */
  noun: string;
  description: string;
  list: { href: string; label: string };
  from?: { id: string; name: string };
}) {
  return (
    <PageHeader
      title={from ? `New ${noun} at ${from.name}` : `New ${noun}`}
      description={description}
      eyebrow={from ? <Link href={`/clients/${from.id}`}>{from.name}</Link> : <Link href={list.href}>{list.label}</Link>}
    />
  );
}

/** An edit page's header: "Edit …", leading back to the record. */
export function EditRecordHeader({ href, name }: { href: string; name: string }) {
  return <PageHeader title={`Edit ${name}`} eyebrow={<Link href={href}>{name}</Link>} />;
}
