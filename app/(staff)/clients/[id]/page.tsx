import { CalendarClock, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getClient } from "@/db/queries/clients";
import { listContactsForClient } from "@/db/queries/contacts";
import { findInterviews, getFirmTimeZone } from "@/db/queries/interviews";
import { listJobsForClient } from "@/db/queries/jobs";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { Table, TBody, Td, Th, THead, Tr } from "@/app/_components/ui/table";
import { can } from "@/lib/core/permissions";
import { INTERVIEW_KIND_LABELS, JOB_STATUS_LABELS } from "@/lib/core/validation/records";
import { DetailList } from "../../_components/detail-list";
import { formatShortDate, formatTimeRange } from "../../_components/format";
import { loadRecord, type RecordPageProps } from "../../_components/records/load-record";
import { ArchivedBadge, RecordActions, RecordHeader } from "../../_components/records/detail-header";
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
          <section aria-labelledby="jobs-heading" className="flex flex-col gap-3">
            <div className="flex items-center justify-between gap-2">
              <h2 id="jobs-heading" className="text-base font-semibold">
                Jobs ({jobs.length})
              </h2>
              {can(scope.role, "jobs.write") && !archived ? (
                <Button asChild size="sm" variant="outline">
                  <Link href={`/jobs/new?client=${id}`}>
                    <Plus aria-hidden="true" />
                    New job
                  </Link>
                </Button>
              ) : null}
            </div>
            {jobs.length === 0 ? (
              <p className="text-sm text-muted-foreground">No jobs at {client.name} yet.</p>
            ) : (
              <Table>
                <caption className="sr-only">Jobs at {client.name}</caption>
                <THead>
                  <Tr>
                    <Th>Title</Th>
                    <Th>Status</Th>
                    <Th align="right">In pipeline</Th>
                    <Th className="hidden sm:table-cell">Owner</Th>
                  </Tr>
                </THead>
                <TBody>
                  {jobs.map((j) => (
                    <Tr key={j.id} interactive>
                      <Td>
                        <Link href={`/jobs/${j.id}`} className="font-medium hover:underline">
                          {j.title}
                        </Link>
                        {j.archivedAt ? <Badge className="ml-2">Archived</Badge> : null}
                      </Td>
                      <Td>{JOB_STATUS_LABELS[j.status]}</Td>
                      <Td align="right" numeric>
                        {j.inPipeline}
                      </Td>
                      <Td className="hidden sm:table-cell">{j.ownerName ?? "—"}</Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            )}
          </section>
          <section aria-labelledby="contacts-heading" className="flex flex-col gap-3">
            <div className="flex items-center justify-between gap-2">
              <h2 id="contacts-heading" className="text-base font-semibold">
                People ({contacts.length})
              </h2>
              {can(scope.role, "contacts.write") && !archived ? (
                <Button asChild size="sm" variant="outline">
                  <Link href={`/contacts/new?client=${id}`}>
                    <Plus aria-hidden="true" />
                    Add contact
                  </Link>
                </Button>
              ) : null}
            </div>
            {contacts.length === 0 ? (
              <p className="text-sm text-muted-foreground">No contacts yet: add the hiring manager and the interviewers.</p>
            ) : (
              <Table>
                <caption className="sr-only">People at {client.name}</caption>
                <THead>
                  <Tr>
                    <Th>Name</Th>
                    <Th className="hidden sm:table-cell">Title</Th>
                    <Th>Email</Th>
                    <Th className="hidden md:table-cell">Phone</Th>
                  </Tr>
                </THead>
                <TBody>
                  {contacts.map((c) => (
                    <Tr key={c.id} interactive>
                      <Td>
                        <Link href={`/contacts/${c.id}`} className="font-medium hover:underline">
                          {c.name}
                        </Link>
                        {c.archivedAt ? <Badge className="ml-2">Archived</Badge> : null}
                      </Td>
                      <Td className="hidden sm:table-cell">{c.title || "—"}</Td>
                      <Td>{c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : "—"}</Td>
                      <Td className="hidden md:table-cell">{c.phone || "—"}</Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            )}
          </section>
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
