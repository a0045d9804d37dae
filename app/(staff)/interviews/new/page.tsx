import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { findApplications, getApplication } from "@/db/queries/applications";
import { listContactsForClient } from "@/db/queries/contacts";
import { getFirmTimeZone } from "@/db/queries/interviews";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent } from "@/app/_components/ui/card";
import { FormField } from "@/app/_components/ui/form-field";
import { PageHeader } from "@/app/_components/ui/page-header";
import { Select } from "@/app/_components/ui/select";
import { requireScope } from "@/lib/auth/scope";
import type { SearchParams } from "@/lib/core/validation/records";
import { stageLabel } from "@/lib/core/vocabulary";
import { zoneAbbreviation } from "../../_components/format";
import { StageBadge } from "../../_components/stage-badge";
import { scheduleInterviewAction } from "../actions";
import { InterviewForm } from "../interview-form";

export const metadata: Metadata = { title: "Schedule an interview" };

export default async function NewInterviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const scope = await requireScope("interviews.write");
  const sp = await searchParams;
  const applicationId = z.uuid().safeParse(sp.application).success ? (sp.application as string) : null;
  const application = applicationId ? await getApplication(scope, applicationId) : null;
  const zone = await getFirmTimeZone(scope);

  if (!application) {
    const open = await findApplications(scope, { stage: "open", sort: "candidate", limit: 100 });
    return (
      <div className="flex flex-col">
        <PageHeader
          title="Schedule an interview"
          description="Every interview belongs to an application: a candidate put forward for a job."
          eyebrow={<Link href="/interviews">Interviews</Link>}
        />
        <Card className="max-w-2xl">
          <CardContent className="pt-5">
            {applicationId ? (
              <p className="mb-3 text-sm text-overdue-foreground">That application does not exist or you do not have access to it.</p>
            ) : null}
            {open.rows.length === 0 ? (
              <p className="text-sm text-muted-foreground">
                No open applications. Put a candidate forward from a <Link href="/jobs">job</Link> first.
              </p>
            ) : (
              <form method="get" action="/interviews/new" className="flex flex-col gap-3 sm:flex-row sm:items-end">
                <FormField name="application" label="Application" hint="Candidate — job at client" className="flex-1">
                  <Select defaultValue="">
                    <option value="" disabled>
                      Choose…
                    </option>
                    {open.rows.map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.candidateName} — {a.jobTitle} at {a.clientName} ({stageLabel(a.stage)})
                      </option>
                    ))}
                  </Select>
                </FormField>
                <Button type="submit">Continue</Button>
              </form>
            )}
          </CardContent>
        </Card>
      </div>
    );
  }

  const contacts = await listContactsForClient(scope, application.clientId);
  const moves = application.stage === "sourced" || application.stage === "submitted";
  return (
    <div className="flex flex-col">
      <PageHeader
        title={`Schedule an interview for ${application.candidateName}`}
        description={
          <span className="flex flex-wrap items-center gap-1.5">
            {application.jobTitle} at {application.clientName} <StageBadge stage={application.stage} />
          </span>
        }
        eyebrow={<Link href={`/candidates/${application.candidateId}`}>{application.candidateName}</Link>}
      />
      <InterviewForm
        action={scheduleInterviewAction}
        initial={{ kind: "video", arrangedByFirm: "on", contactIds: [] }}
        hidden={{ applicationId: application.id }}
        interviewers={contacts.map((c) => ({ id: c.id, name: c.name, title: c.title, archived: !!c.archivedAt }))}
        clientName={application.clientName}
        zoneLabel={`${zone} (${zoneAbbreviation(new Date(), zone)})`}
        submitLabel="Schedule interview"
        cancelHref={`/candidates/${application.candidateId}`}
        note={moves ? "Scheduling moves the application to Interviewing." : undefined}
      />
    </div>
  );
}
