import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getMyDebrief } from "@/db/queries/debriefs";
import { getMyInterview, getPortalFirm } from "@/db/queries/portal";
import { newId } from "@/db/schema/_shared";
import { Button } from "@/app/_components/ui/button";
import { PageHeader } from "@/app/_components/ui/page-header";
import { kindLabel, longDay, timeLabel, whenLabel, zoneAbbreviation } from "@/app/(candidate)/_components/format";
import { requireScope } from "@/lib/auth/scope";
import { debriefCheckContext, firstDraft, serializeDebrief } from "./debrief-data";
import { DebriefForm } from "./debrief-form";
// The light Alert and icons the form uses: ui/alert's lucide icons would add lucide's client base to the page.
import { Alert, AlertDescription, AlertTitle } from "./debrief-ui";

export const metadata: Metadata = { title: "Debrief" };

export default async function DebriefPage({ params }: { params: Promise<{ id: string }> }) {
  const scope = await requireScope("portal.debrief.write");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const [interview, debrief, firm] = await Promise.all([getMyInterview(scope, id), getMyDebrief(scope, id), getPortalFirm(scope)]);
  if (!interview || !firm) notFound();
  const now = new Date();
  const zone = firm.timeZone;
  const title = `${kindLabel(interview.kind)} at ${interview.clientName}`;
  const description = `${interview.jobTitle} · ${longDay(interview.startsAt, zone)}, ${timeLabel(interview.startsAt, zone)}`;
  const back = (
    <Link href="/my/interviews" className="inline-flex min-h-11 items-center gap-1 font-medium text-accent-text underline-offset-4 hover:underline">
      <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" className="size-4">
        <path d="m15 18-6-6 6-6" />
      </svg>{" "}
      My interviews
    </Link>
  );

  let body: React.ReactNode;
  if (interview.status === "cancelled" || interview.status === "no_show") {
    body = (
      <Alert variant="warning">
        <AlertTitle>{interview.status === "cancelled" ? "This interview was cancelled" : "This interview was recorded as missed"}</AlertTitle>
        <AlertDescription>
          {interview.status === "cancelled"
            ? "There is nothing to debrief. If it was moved to another day, you will find the new one under My interviews."
            : "There is nothing to debrief. If you did attend, tell your recruiter so they can correct it."}
        </AlertDescription>
      </Alert>
    );
  } else if (interview.startsAt.getTime() > now.getTime()) {
    body = (
      <Alert variant="info">
        <AlertTitle>Not yet</AlertTitle>
        <AlertDescription>
          This interview is {whenLabel(interview.startsAt, zone, now)}. You can file its debrief once it has started — best
          right after it ends, while it is fresh.
        </AlertDescription>
      </Alert>
    );
  } else {
    const initial = debrief ? serializeDebrief(debrief) : firstDraft(interview.interviewers, newId);
    const check = debriefCheckContext(interview, zone, null);
    body = (
      <DebriefForm
        interviewId={interview.id}
        initial={initial}
        interviewDay={check.interviewDay}
        interviewDayLabel={check.interviewDayLabel}
        interviewStartsAt={interview.startsAt.toISOString()}
        timeZone={zone}
        zoneLabel={zoneAbbreviation(zone, now)}
        renderedAt={now.toISOString()}
      />
    );
  }

  return (
    <div className="flex flex-col">
      <PageHeader
        eyebrow={back}
        title={`Debrief: ${title}`}
        description={description}
        actions={
          debrief?.status === "submitted" ? (
            <Button asChild variant="outline" size="lg" className="h-11">
              <Link href={`/my/plan/${interview.id}`}>See your plan</Link>
            </Button>
          ) : undefined
        }
      />
      {body}
    </div>
  );
}
