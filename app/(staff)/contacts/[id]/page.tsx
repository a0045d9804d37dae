import type { Metadata } from "next";
import Link from "next/link";
import { getContact } from "@/db/queries/contacts";
import { getFirmTimeZone, listInterviewsForContact } from "@/db/queries/interviews";
import { Card, CardContent, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { can } from "@/lib/core/permissions";
import { INTERVIEW_KIND_LABELS } from "@/lib/core/vocabulary";
import { DetailList } from "../../_components/detail-list";
import { formatDateTime } from "../../_components/format";
import { loadRecord, type RecordPageProps } from "../../_components/records/load-record";
import { ArchivedBadge, RecordActions, RecordHeader } from "../../_components/records/detail-header";
import { RecordLinkCell, RelatedLink, RelatedSection, RowsTable } from "../../_components/records/rows-table";
import { InterviewStatusBadge } from "../../_components/stage-badge";
import { archiveContactAction, restoreContactAction } from "../actions";

export const metadata: Metadata = { title: "Contact" };

export default async function ContactPage({ params, searchParams }: RecordPageProps) {
  const { scope, id, record: contact } = await loadRecord("contacts.read", params, getContact);
  const [interviews, zone, sp] = await Promise.all([listInterviewsForContact(scope, id), getFirmTimeZone(scope), searchParams]);
  const archived = !!contact.archivedAt;
  return (
    <div className="flex flex-col">
      <RecordHeader
        crumbs={[
          { href: "/contacts", label: "Contacts" },
          { href: `/clients/${contact.clientId}`, label: contact.clientName },
        ]}
        title={contact.name}
        badges={<ArchivedBadge archived={archived} />}
        description={[contact.title, contact.clientName].filter(Boolean).join(" at ")}
        actions={
          can(scope.role, "contacts.write") ? (
            <RecordActions
              path="/contacts"
              record={contact}
              consequence="They can no longer be chosen as an interviewer; past interviews keep their name."
              actions={[archiveContactAction, restoreContactAction]}
            />
          ) : null
        }
        saved={sp.saved}
        noun="Contact"
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
        <Card>
          <CardHeader>
            <CardTitle>Details</CardTitle>
          </CardHeader>
          <CardContent>
            <DetailList
              className="sm:grid-cols-[6rem_minmax(0,1fr)]"
              items={[
                { label: "Client", value: <Link href={`/clients/${contact.clientId}`}>{contact.clientName}</Link> },
                { label: "Title", value: contact.title },
                { label: "Email", value: contact.email ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : "" },
                { label: "Phone", value: contact.phone ? <a href={`tel:${contact.phone}`}>{contact.phone}</a> : "" },
              ]}
            />
          </CardContent>
        </Card>
        <RelatedSection
          id="interviews"
          title="Interviews"
          count={interviews.length}
          empty={`${contact.name} has not interviewed anyone yet.`}
          className="flex min-w-0 flex-col gap-3"
        >
          <RowsTable
            caption={`Interviews ${contact.name} sat in`}
            rows={interviews}
            rowKey={(iv) => iv.id}
            columns={[
              {
                header: "When",
                numeric: true,
                cell: (iv) => (
                  <>
                    <RelatedLink href={`/interviews/${iv.id}`}>{formatDateTime(iv.startsAt, zone)}</RelatedLink>
                    <span className="block text-xs text-muted-foreground">{INTERVIEW_KIND_LABELS[iv.kind]}</span>
                  </>
                ),
              },
              { header: "Candidate", cell: (iv) => <RecordLinkCell href={`/candidates/${iv.candidateId}`} name={iv.candidateName} archived={false} /> },
              { header: "Job", className: "hidden sm:table-cell", cell: (iv) => <RelatedLink href={`/jobs/${iv.jobId}`}>{iv.jobTitle}</RelatedLink> },
              { header: "Status", cell: (iv) => <InterviewStatusBadge status={iv.status} /> },
            ]}
          />
        </RelatedSection>
      </div>
    </div>
  );
}
