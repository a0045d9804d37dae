import { CalendarClock } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getClient } from "@/db/queries/clients";
import { listContactsForClient } from "@/db/queries/contacts";
import { findInterviews, getFirmTimeZone } from "@/db/queries/interviews";
import { listJobsForClient } from "@/db/queries/jobs";
import { Card, CardContent, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { can } from "@/lib/core/permissions";
import { INTERVIEW_KIND_LABELS, JOB_STATUS_LABELS } from "@/lib/core/vocabulary";
import { DetailList } from "../../_components/detail-list";
import { formatShortDate, formatTimeRange } from "../../_components/format";
import { loadRecord, type RecordPageProps } from "../../_components/records/load-record";
import { AddButton, ArchivedBadge, RecordActions, RecordHeader } from "../../_components/records/detail-header";
import { RecordLinkCell, RelatedSection, RowsTable } from "../../_components/records/rows-table";
import { InterviewStatusBadge } from "../../_components/stage-badge";
import { archiveClientAction, restoreClientAction } from "../actions";

export const metadata: Metadata = { title: "Client" };

export default async function ClientPage({ params, searchParams }: RecordPageProps) {
  const { scope, id, record: client } = await loadRecord("clients.read", params, getClient);
  const [contacts, jobs, upcoming, zone, sp] = await Promise.all([
    listContactsForClient(scope, id, { includeArchived: true }),
    listJobsForClient(scope, id),
    findInterviews(scope, { clientId: id, when: "upcoming", limit: 8 }),
    getFirmTimeZone(scope),
    searchParams,
  ]);
  const writable = can(scope.role, "clients.write");
  const archived = !!client.archivedAt;
  return (
    <div className="flex flex-col">
      <RecordHeader
        crumbs={[{ href: "/clients", label: "Clients" }]}
        title={client.name}
        badges={<ArchivedBadge archived={archived} />}
        description={[client.industry, `${client.openJobs} open ${client.openJobs === 1 ? "job" : "jobs"}`].filter(Boolean).join(" · ")}
        actions={
          writable ? (
            <RecordActions
              path="/clients"
              record={client}
              consequence="It leaves the client list and can no longer get new jobs or contacts; its jobs, people and history stay."
              actions={[archiveClientAction, restoreClientAction]}
            />
          ) : null
        }
        saved={sp.saved}
        noun="Client"
      />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="flex min-w-0 flex-col gap-6">
          <RelatedSection
            id="jobs"
            title="Jobs"
            count={jobs.length}
            action={can(scope.role, "jobs.write") && !archived ? <AddButton href={`/jobs/new?client=${id}`} label="New job" /> : null}
            empty={`No jobs at ${client.name} yet.`}
          >
            <RowsTable caption={`Jobs at ${client.name}`} rows={jobs} rowKey={(j) => j.id}
              columns={[
                { header: "Title", cell: (j) => <RecordLinkCell href={`/jobs/${j.id}`} name={j.title} archived={!!j.archivedAt} /> },
                { header: "Status", cell: (j) => JOB_STATUS_LABELS[j.status] },
                { header: "In pipeline", align: "right", numeric: true, cell: (j) => j.inPipeline },
                { header: "Owner", className: "hidden sm:table-cell", cell: (j) => j.ownerName ?? "—" },
              ]}
            />
          </RelatedSection>
          <RelatedSection
            id="contacts"
            title="People"
            count={contacts.length}
            action={can(scope.role, "contacts.write") && !archived ? <AddButton href={`/contacts/new?client=${id}`} label="Add contact" /> : null}
            empty="No contacts yet: add the hiring manager and the interviewers."
          >
            <RowsTable caption={`People at ${client.name}`} rows={contacts} rowKey={(c) => c.id}
              columns={[
                { header: "Name", cell: (c) => <RecordLinkCell href={`/contacts/${c.id}`} name={c.name} archived={!!c.archivedAt} /> },
                { header: "Title", className: "hidden sm:table-cell", cell: (c) => c.title || "—" },
                { header: "Email", cell: (c) => (c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : "—") },
                { header: "Phone", className: "hidden md:table-cell", cell: (c) => c.phone || "—" },
              ]}
            />
          </RelatedSection>
        </div>
        <div className="flex min-w-0 flex-col gap-6">
          <Card>
            <CardHeader>
              <CardTitle>Details</CardTitle>
            </CardHeader>
            <CardContent>
              <DetailList
                className="sm:grid-cols-[7rem_minmax(0,1fr)]"
                items={[
                  { label: "Industry", value: client.industry },
                  {
                    label: "Website",
                    value: client.website ? (
                      <a href={client.website} target="_blank" rel="noreferrer noopener" className="text-accent-text underline">
                        {client.website.replace(/^https?:\/\//, "")}
                      </a>
                    ) : (
                      ""
                    ),
                  },
                  { label: "Notes", value: client.notes ? <span className="whitespace-pre-line">{client.notes}</span> : "" },
                  { label: "Added", value: formatShortDate(client.createdAt, zone) },
                ]}
              />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Upcoming interviews</CardTitle>
            </CardHeader>
            <CardContent>
              {upcoming.rows.length === 0 ? (
                <p className="text-sm text-muted-foreground">Nothing scheduled.</p>
              ) : (
                <ul className="flex flex-col gap-3">
                  {upcoming.rows.map((iv) => (
                    <li key={iv.id} className="flex items-start gap-2.5">
                      <CalendarClock aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-muted-foreground" />
                      <div className="min-w-0">
                        <Link href={`/interviews/${iv.id}`} className="font-medium hover:underline">
                          {iv.candidateName} · {INTERVIEW_KIND_LABELS[iv.kind]}
                        </Link>
                        <p className="text-xs text-muted-foreground">{formatTimeRange(iv.startsAt, iv.endsAt, zone)}</p>
                        <p className="text-xs text-muted-foreground">{iv.jobTitle}</p>
                      </div>
                      <InterviewStatusBadge status={iv.status} className="ml-auto" />
                    </li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>
        </div>
      </div>
    </div>
  );
}
