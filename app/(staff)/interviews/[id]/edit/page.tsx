import type { Metadata } from "next";
import Link from "next/link";
import { listContactsForClient } from "@/db/queries/contacts";
import { getFirmTimeZone, getInterview } from "@/db/queries/interviews";
import { Alert, AlertDescription } from "@/app/_components/ui/alert";
import { PageHeader } from "@/app/_components/ui/page-header";
import { zonedParts } from "@/lib/core/validation/records";
import { INTERVIEW_KIND_LABELS } from "@/lib/core/vocabulary";
import { zoneAbbreviation } from "../../../_components/format";
import { loadRecord, type RecordPageProps } from "../../../_components/records/load-record";
import { rescheduleInterviewAction } from "../../actions";
import { InterviewForm } from "../../interview-form";

export const metadata: Metadata = { title: "Reschedule interview" };

export default async function RescheduleInterviewPage({ params }: Pick<RecordPageProps, "params">) {
  const { scope, id, record: interview } = await loadRecord("interviews.write", params, getInterview);
  const [contacts, zone] = await Promise.all([listContactsForClient(scope, interview.clientId, { includeArchived: true }), getFirmTimeZone(scope)]);
  const chosen = new Set(interview.participants.map((p) => p.contactId));
  const start = zonedParts(interview.startsAt, zone);
  const end = zonedParts(interview.endsAt, zone);
  const title = `${INTERVIEW_KIND_LABELS[interview.kind]} interview: ${interview.candidateName}`;
  return (
    <div className="flex flex-col">
      <PageHeader title={`Reschedule: ${interview.candidateName}`} eyebrow={<Link href={`/interviews/${id}`}>{title}</Link>} />
      {interview.status === "completed" ? (
        <Alert variant="warning">
          <AlertDescription>
            This interview has already taken place. Schedule a new round from{" "}
            <Link href={`/candidates/${interview.candidateId}#applications`}>{interview.candidateName}&apos;s page</Link> instead.
          </AlertDescription>
        </Alert>
      ) : (
        <InterviewForm
          action={rescheduleInterviewAction}
          version={interview.version}
          hidden={{ id }}
          initial={{
            kind: interview.kind,
            date: start.date,
            startTime: start.time,
            endTime: end.time,
            location: interview.location,
            videoUrl: interview.videoUrl,
            arrangedByFirm: interview.arrangedByFirm ? "on" : "",
            notes: interview.notes,
            contactIds: [...chosen],
          }}
          // Archived people stay listed only while they are on this interview.
          interviewers={contacts
            .filter((c) => !c.archivedAt || chosen.has(c.id))
            .map((c) => ({ id: c.id, name: c.name, title: c.title, archived: !!c.archivedAt }))}
          clientName={interview.clientName}
          zoneLabel={`${zone} (${zoneAbbreviation(interview.startsAt, zone)})`}
          submitLabel="Save the new time"
          cancelHref={`/interviews/${id}`}
          note={interview.status !== "scheduled" ? "Saving puts the interview back on the schedule." : undefined}
        />
      )}
    </div>
  );
}
