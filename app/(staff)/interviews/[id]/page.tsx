import { DebriefFeedbackPanel } from "@/app/(staff)/_components/review/debrief-feedback-panel";
import { Download, ExternalLink, UserRound } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getFirmTimeZone, getInterview } from "@/db/queries/interviews";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { can } from "@/lib/core/permissions";
import { INTERVIEW_KIND_LABELS } from "@/lib/core/vocabulary";
import { DetailList } from "../../_components/detail-list";
import { formatDateTime, formatDuration, formatRelative, formatTimeRange } from "../../_components/format";
import { loadRecord, type RecordPageProps } from "../../_components/records/load-record";
import { EditButton, RecordHeader } from "../../_components/records/detail-header";
import { InterviewStatusBadge, StageBadge } from "../../_components/stage-badge";
import { interviewPlanForStaff } from "@/lib/plans/staff-plan";
import { CandidatePlanSection } from "./candidate-plan-section";
import { StatusActions } from "./status-actions";
import { InterviewerLinks } from "./interviewer-links";
import { LINK_STATE_LABELS } from "./link-state";
import { feedbackLinkState, listInterviewerLinks, type InterviewerLink } from "@/db/queries/feedback-links";
import { hasHappened } from "@/lib/core/review/feedback-rules";
import { formatShortDate } from "../../_components/format";

/** A link's badge and its dates, in the firm's zone. */
function linkRow(link: NonNullable<InterviewerLink["link"]>, zone: string, now: Date) {
  const state = feedbackLinkState(link, now);
  const sent = `Sent ${formatShortDate(link.createdAt, zone)}`;
  const detail =
    state === "answered"
      ? `${sent}, answered ${formatShortDate(link.answeredAt!, zone)}`
      : state === "revoked"
        ? `${sent}, withdrawn ${formatShortDate(link.revokedAt!, zone)}`
        : state === "expired"
          ? `${sent}, expired ${formatShortDate(link.expiresAt, zone)}`
          : state === "mail_failed"
            ? `${sent}; the email could not be delivered. Check the address, then send a new link.`
            : `${sent}${link.openedAt ? `, opened ${formatShortDate(link.openedAt, zone)}` : ""}, works until ${formatShortDate(link.expiresAt, zone)}${link.reminderSentAt ? `; reminded ${formatShortDate(link.reminderSentAt, zone)}` : ""}`;
  return { id: link.id, state, stateLabel: LINK_STATE_LABELS[state], detail };
}

export const metadata: Metadata = { title: "Interview" };


export default async function InterviewPage({ params, searchParams }: RecordPageProps) {
  const { scope, id, record: interview } = await loadRecord("interviews.read", params, getInterview);
  const now = new Date();
  const [zone, sp, plan, interviewers] = await Promise.all([
    getFirmTimeZone(scope),
    searchParams,
    interviewPlanForStaff(scope, id, { now }),
    listInterviewerLinks(scope, id),
  ]);
  const happened = hasHappened(interview, now);
  const canRequest = can(scope.role, "feedback.write") && happened;
  const requestHint = happened
    ? null
    : interview.status === "scheduled"
      ? "You can request feedback from the interviewers once the interview has ended."
      : null;
  const kind = INTERVIEW_KIND_LABELS[interview.kind];
  const writable = can(scope.role, "interviews.write");

  return (
    <div className="flex flex-col">
      <RecordHeader
        crumbs={[
          { href: "/interviews", label: "Interviews" },
          { href: `/candidates/${interview.candidateId}`, label: interview.candidateName },
        ]}
        title={
          <>
            {kind} interview: {interview.candidateName}
          </>
        }
        badges={<InterviewStatusBadge status={interview.status} />}
        description={
          <>
            <Link href={`/jobs/${interview.jobId}`} className="hover:underline">
              {interview.jobTitle}
            </Link>{" "}
            at{" "}
            <Link href={`/clients/${interview.clientId}`} className="hover:underline">
              {interview.clientName}
            </Link>{" "}
            · {formatTimeRange(interview.startsAt, interview.endsAt, zone)}
          </>
        }
        actions={
          <>
            <Button asChild variant="outline">
              <a href={`/api/interviews/${id}/ics`} download>
                <Download aria-hidden="true" />
                Download .ics
              </a>
            </Button>
            {writable && interview.status !== "completed" ? <EditButton href={`/interviews/${id}/edit`} label="Reschedule" /> : null}
          </>
        }
        saved={sp.saved}
      />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="flex min-w-0 flex-col gap-6">
          {writable && interview.status !== "completed" ? (
            <Card>
              <CardHeader>
                <CardTitle>Status</CardTitle>
              </CardHeader>
              <CardContent>
                <StatusActions
                  id={id}
                  version={interview.version}
                  status={interview.status}
                  candidateName={interview.candidateName}
                  hasStarted={interview.startsAt.getTime() <= now.getTime()}
                />
              </CardContent>
            </Card>
          ) : null}
          <Card>
            <CardHeader>
              <CardTitle>Details</CardTitle>
            </CardHeader>
            <CardContent>
              <DetailList
                items={[
                  {
                    label: "When",
                    value: (
                      <span className="flex flex-col">
                        <span>{formatTimeRange(interview.startsAt, interview.endsAt, zone)}</span>
                        <span className="text-xs text-muted-foreground">
                          {formatDuration(interview.startsAt, interview.endsAt)} · {formatRelative(interview.startsAt, now)}
                        </span>
                      </span>
                    ),
                  },
                  { label: "Kind", value: kind },
                  { label: "Place", value: interview.location },
                  {
                    label: "Video link",
                    value: interview.videoUrl ? (
                      <a href={interview.videoUrl} target="_blank" rel="noreferrer noopener" className="inline-flex items-center gap-1 text-accent-text underline">
                        {interview.videoUrl.replace(/^https?:\/\//, "")}
                        <ExternalLink aria-hidden="true" className="size-3.5" />
                      </a>
                    ) : (
                      ""
                    ),
                  },
                  { label: "Arranged by", value: interview.arrangedByFirm ? "Your firm" : "The candidate or the client" },
                  {
                    label: "Application",
                    value: (
                      <span className="flex flex-wrap items-center gap-1.5">
                        <StageBadge stage={interview.applicationStage} />
                        <Link href={`/candidates/${interview.candidateId}#applications`} className="text-sm hover:underline">
                          {interview.candidateName}&apos;s applications
                        </Link>
                      </span>
                    ),
                  },
                  { label: "Recruiter", value: interview.recruiterName ?? "" },
                  { label: "Completed", value: interview.completedAt ? formatDateTime(interview.completedAt, zone) : "" },
                  { label: "Notes", value: interview.notes ? <span className="whitespace-pre-line">{interview.notes}</span> : "" },
                ]}
              />
            </CardContent>
          </Card>
          <section id="debrief-and-feedback" aria-label="Debrief and feedback">
            <DebriefFeedbackPanel scope={scope} interviewId={interview.id} />
          </section>
          {plan ? <CandidatePlanSection plan={plan} /> : null}
        </div>
        <div className="flex min-w-0 flex-col gap-6">
          <Card>
            <CardHeader>
              <CardTitle>Interviewers ({interview.participants.length})</CardTitle>
            </CardHeader>
            <CardContent>
              {interview.participants.length === 0 ? (
                <p className="text-sm text-muted-foreground">
                  Nobody named yet.
                  {writable && interview.status !== "completed" ? (
                    <>
                      {" "}
                      <Link href={`/interviews/${id}/edit`} className="text-accent-text underline">
                        Add interviewers
                      </Link>
                    </>
                  ) : null}
                </p>
              ) : (
                <InterviewerLinks
                  interviewId={id}
                  people={interviewers.map((p) => ({
                    contactId: p.contactId,
                    name: p.name,
                    title: p.title,
                    email: p.email,
                    phone: p.phone,
                    link: p.link ? linkRow(p.link, zone, now) : null,
                  }))}
                  canRequest={canRequest}
                  requestHint={requestHint}
                />
              )}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle className="flex items-center gap-2">
                <UserRound aria-hidden="true" className="size-4 text-muted-foreground" />
                Candidate
              </CardTitle>
            </CardHeader>
            <CardContent>
              <DetailList
                className="sm:grid-cols-[5rem_minmax(0,1fr)]"
                items={[
                  { label: "Name", value: <Link href={`/candidates/${interview.candidateId}`}>{interview.candidateName}</Link> },
                  { label: "Email", value: <a href={`mailto:${interview.candidateEmail}`}>{interview.candidateEmail}</a> },
                ]}
              />
            </CardContent>
          </Card>
        </div>
      </div>
    </div>
  );
}
