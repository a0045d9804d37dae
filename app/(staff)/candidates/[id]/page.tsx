import { CalendarPlus, FileDown, KeyRound } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { listApplicationsForCandidate } from "@/db/queries/applications";
import { getCandidate } from "@/db/queries/candidates";
import { getCandidateTimeline, type TimelineEvent } from "@/db/queries/candidate-timeline";
import { getFirmTimeZone } from "@/db/queries/interviews";
import { listJobOptions } from "@/db/queries/jobs";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { Checkbox } from "@/app/_components/ui/checkbox";
import { LoadingRegion, Skeleton, SkeletonEntry } from "@/app/_components/ui/skeleton";
import { StatusPill } from "@/app/_components/ui/status-pill";
import { can } from "@/lib/core/permissions";
import { cn } from "@/lib/core/utils";

import { DetailList } from "../../_components/detail-list";
import { formatDateTime, formatRelative, formatShortDate } from "../../_components/format";
import { loadRecord, type RecordPageProps } from "../../_components/records/load-record";
import { PutForwardForm } from "../../_components/put-forward-form";
import { ArchivedBadge, RecordActions, RecordHeader } from "../../_components/records/detail-header";
import { StageBadge } from "../../_components/stage-badge";
import { StageMoveForm } from "../../_components/stage-move-form";
import { archiveCandidateAction, restoreCandidateAction } from "../actions";
import { ClientPackForm } from "./client-pack-form";
import { InviteCandidateForm } from "./invite-form";
import { taskStatus, Timeline, TIMELINE_FILTERS, type TimelineFilter } from "./timeline";

export const metadata: Metadata = { title: "Candidate" };

export default async function CandidatePage({ params, searchParams }: RecordPageProps) {
  const { scope, id, record: candidate } = await loadRecord("candidates.read", params, getCandidate);
  const canApply = can(scope.role, "applications.write");
  const [applications, jobs, zone, sp] = await Promise.all([
    listApplicationsForCandidate(scope, id),
    canApply ? listJobOptions(scope, { candidateId: id }) : Promise.resolve([]),
    getFirmTimeZone(scope),
    searchParams,
  ]);
  const now = new Date();
  const show = (TIMELINE_FILTERS.find((f) => f.value === sp.show)?.value ?? "all") as TimelineFilter;
  // The timeline streams in after the rest of the page (it is the longest read).
  const events = getCandidateTimeline(scope, id);
  const archived = !!candidate.archivedAt;
  const erased = !!candidate.anonymizedAt;
  const active = !archived && !erased;
  const portal = candidate.portal;

  return (
    <div className="flex flex-col">
      <RecordHeader
        crumbs={[{ href: "/candidates", label: "Candidates" }]}
        title={candidate.name}
        badges={
          <>
            <ArchivedBadge archived={archived} />
            {erased ? <Badge>Erased</Badge> : null}
          </>
        }
        description={[candidate.headline, candidate.location].filter(Boolean).join(" · ")}
        actions={
          can(scope.role, "candidates.write") && !erased ? (
            <RecordActions
              path="/candidates"
              record={candidate}
              consequence="They leave the candidate list and can't be put forward; their applications and history stay."
              actions={[archiveCandidateAction, restoreCandidateAction]}
            />
          ) : null
        }
        saved={sp.saved}
        noun="Candidate"
      />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="flex min-w-0 flex-col gap-6">
          <section id="applications" aria-labelledby="applications-heading" className="flex scroll-mt-20 flex-col gap-3">
            <h2 id="applications-heading" className="text-base font-semibold">
              Applications ({applications.length})
            </h2>
            {applications.length === 0 ? (
              <p className="text-sm text-muted-foreground">Not put forward for any job yet.</p>
            ) : (
              <ul className="flex flex-col gap-2">
                {applications.map((a) => {
                  const closed = a.stage === "rejected" || a.stage === "withdrawn" || a.stage === "placed";
                  return (
                    <li
                      key={a.id}
                      className={cn(
                        "grid gap-3 rounded-lg border border-border bg-card p-3 sm:grid-cols-[minmax(0,1fr)_15rem]",
                        closed && "bg-subtle",
                      )}
                    >
                      <div className="flex min-w-0 flex-col gap-1">
                        <p className="flex flex-wrap items-center gap-2">
                          <Link href={`/jobs/${a.jobId}`} className="font-medium hover:underline">
                            {a.jobTitle}
                          </Link>
                          <span className="text-sm text-muted-foreground">
                            at{" "}
                            <Link href={`/clients/${a.clientId}`} className="hover:underline">
                              {a.clientName}
                            </Link>
                          </span>
                          <StageBadge stage={a.stage} />
                        </p>
                        <p className="text-xs text-muted-foreground">
                          In this stage since {formatShortDate(a.stageChangedAt, zone)} ({formatRelative(a.stageChangedAt, now)})
                          {a.recruiterName ? ` · ${a.recruiterName}` : ""}
                          {` · ${a.interviews} ${a.interviews === 1 ? "interview" : "interviews"}`}
                        </p>
                        {a.nextInterviewAt ? (
                          <p className="text-xs">Next interview: {formatDateTime(a.nextInterviewAt, zone)}</p>
                        ) : null}
                        {a.closedReason ? <p className="text-xs text-muted-foreground">Reason: {a.closedReason}</p> : null}
                        {can(scope.role, "interviews.write") && !closed ? (
                          <Link
                            href={`/interviews/new?application=${a.id}`}
                            className="mt-1 inline-flex items-center gap-1 self-start text-xs font-medium text-accent-text hover:underline"
                          >
                            <CalendarPlus aria-hidden="true" className="size-3.5" />
                            Schedule interview<span className="sr-only"> for {a.jobTitle}</span>
                          </Link>
                        ) : null}
                      </div>
                      {canApply ? (
                        <StageMoveForm applicationId={a.id} version={a.version} stage={a.stage} candidateName={`${candidate.name} (${a.jobTitle})`} />
                      ) : null}
                      {erased ? null : (
                        <ClientPackSection application={a} canEdit={canApply} />
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
            {canApply && active ? (
              <Card>
                <CardHeader>
                  <CardTitle as="h3">Put forward for a job</CardTitle>
                </CardHeader>
                <CardContent>
                  <PutForwardForm mode="candidate" fixedId={id} options={jobs.map((j) => ({ id: j.id, label: `${j.title} — ${j.clientName}` }))} />
                </CardContent>
              </Card>
            ) : null}
          </section>
          <section aria-labelledby="timeline-heading" className="flex flex-col gap-3">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h2 id="timeline-heading" className="text-base font-semibold">
                Timeline
              </h2>
              <nav aria-label="Show in the timeline">
                <ul className="flex flex-wrap gap-1">
                  {TIMELINE_FILTERS.map((f) => (
                    <li key={f.value}>
                      <Link
                        href={f.value === "all" ? `/candidates/${id}` : `/candidates/${id}?show=${f.value}`}
                        aria-current={show === f.value ? "page" : undefined}
                        scroll={false}
                        className={cn(
                          "inline-flex h-7 items-center rounded-full border border-border px-2.5 text-xs font-medium text-muted-foreground hover:bg-hover hover:text-foreground",
                          show === f.value && "border-accent-border bg-accent-subtle text-accent-subtle-foreground",
                        )}
                      >
                        {f.label}
                      </Link>
                    </li>
                  ))}
                </ul>
              </nav>
            </div>
            <Suspense key={show} fallback={<TimelineSkeleton />}>
              <TimelineSection events={events} show={show} zone={zone} now={now} />
            </Suspense>
          </section>
        </div>
        <div className="flex min-w-0 flex-col gap-6">
          <Card>
            <CardHeader>
              <CardTitle>Contact</CardTitle>
            </CardHeader>
            <CardContent>
              <DetailList
                className="sm:grid-cols-[6rem_minmax(0,1fr)]"
                items={[
                  { label: "Email", value: erased ? "" : <a href={`mailto:${candidate.email}`}>{candidate.email}</a> },
                  { label: "Phone", value: candidate.phone ? <a href={`tel:${candidate.phone}`}>{candidate.phone}</a> : "" },
                  { label: "Location", value: candidate.location },
                  { label: "Owner", value: candidate.ownerName ?? "" },
                  { label: "Added", value: formatShortDate(candidate.createdAt, zone) },
                  { label: "Notes", value: candidate.notes ? <span className="whitespace-pre-line">{candidate.notes}</span> : "" },
                ]}
              />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Candidate portal</CardTitle>
              <CardDescription>Where they file debriefs and follow their plan.</CardDescription>
            </CardHeader>
            <CardContent>
              {portal.access === "active" ? (
                <p className="flex items-center gap-2 text-sm">
                  <KeyRound aria-hidden="true" className="size-4 text-done" />
                  Has portal access
                  <span className="text-muted-foreground">since {formatShortDate(portal.since, zone)}</span>
                </p>
              ) : portal.access === "deactivated" ? (
                <p className="text-sm text-muted-foreground">Portal access was turned off.</p>
              ) : erased ? (
                <p className="text-sm text-muted-foreground">Erased candidates cannot be invited.</p>
              ) : can(scope.role, "candidates.invite") ? (
                <div className="flex flex-col gap-2">
                  {portal.pendingInvitation ? (
                    <p className="text-sm text-muted-foreground">
                      Invited on {formatShortDate(portal.pendingInvitation.createdAt, zone)}; the link works until{" "}
                      {formatShortDate(portal.pendingInvitation.expiresAt, zone)}.
                    </p>
                  ) : null}
                  {archived ? (
                    <p className="text-sm text-muted-foreground">Restore the candidate to invite them.</p>
                  ) : (
                    <InviteCandidateForm candidateId={id} resend={!!portal.pendingInvitation} />
                  )}
                </div>
              ) : (
                <p className="text-sm text-muted-foreground">No portal access yet.</p>
              )}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Next steps</CardTitle>
            </CardHeader>
            <CardContent>
              <Suspense fallback={<Skeleton className="h-16 w-full" />}>
                <NextSteps events={events} zone={zone} now={now} />
              </Suspense>
            </CardContent>
          </Card>
        </div>
      </div>
    </div>
  );
}

/**
 * An application's client pack: the text it prints (the summary shared with
 * the client, the salary expectation) and the PDF download, folded away
 * until opened.
 */
function ClientPackSection({
  application: a,
  canEdit,
}: {
  application: { id: string; version: number; jobTitle: string; clientName: string; clientSummary: string; salaryExpectation: string };
  canEdit: boolean;
}) {
  const salaryId = `client-pack-${a.id}-include-salary`;
  return (
    <details className="group rounded-md border border-border bg-background sm:col-span-2">
      <summary className="cursor-pointer rounded-md px-3 py-2 text-[0.8125rem] font-medium hover:bg-hover focus-visible:outline-2 focus-visible:outline-ring">
        Client pack<span className="sr-only"> for {a.clientName} ({a.jobTitle})</span>
        <span className="ml-2 font-normal text-muted-foreground">
          {a.clientSummary ? "Summary written" : "No summary for the client yet"}
        </span>
      </summary>
      <div className="flex flex-col gap-4 border-t border-border p-3">
        {canEdit ? (
          <ClientPackForm
            applicationId={a.id}
            version={a.version}
            clientSummary={a.clientSummary}
            salaryExpectation={a.salaryExpectation}
            clientName={a.clientName}
          />
        ) : a.clientSummary ? (
          <p className="text-[0.8125rem] whitespace-pre-line">{a.clientSummary}</p>
        ) : null}
        <form
          method="get"
          action={`/api/applications/${a.id}/client-pack`}
          className="flex flex-wrap items-center gap-3 border-t border-border pt-3"
          aria-label={`Download the client pack for ${a.clientName}`}
        >
          <span className="flex items-center gap-2">
            <Checkbox id={salaryId} name="salary" value="1" />
            <label htmlFor={salaryId} className="text-[0.8125rem]">
              Include salary expectation
            </label>
          </span>
          <Button type="submit" size="sm">
            <FileDown aria-hidden="true" />
            Download client pack (PDF)<span className="sr-only"> for {a.clientName}</span>
          </Button>
        </form>
      </div>
    </details>
  );
}

async function TimelineSection({
  events,
  show,
  zone,
  now,
}: {
  events: Promise<TimelineEvent[]>;
  show: TimelineFilter;
  zone: string;
  now: Date;
}) {
  const all = await events;
  return <Timeline events={show === "all" ? all : all.filter((e) => e.kind === show)} zone={zone} now={now} />;
}

async function NextSteps({ events, zone, now }: { events: Promise<TimelineEvent[]>; zone: string; now: Date }) {
  const open = (await events)
    .filter((e): e is Extract<TimelineEvent, { kind: "task" }> => e.kind === "task" && e.state === "open")
    .sort((a, b) => (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity));
  if (open.length === 0) return <p className="text-sm text-muted-foreground">Nothing open.</p>;
  return (
    <ul className="flex flex-col gap-2.5">
      {open.map((t) => {
        const s = taskStatus(t, now);
        return (
          <li key={t.id} className="flex flex-col gap-0.5">
            <span className="flex flex-wrap items-center gap-1.5 text-sm font-medium">
              {t.title}
              {s.status === "overdue" || s.status === "due" ? <StatusPill state={s.status}>{s.label}</StatusPill> : null}
            </span>
            <span className="text-xs text-muted-foreground">
              {t.ownerKind === "candidate" ? "Candidate" : (t.ownerName ?? "Recruiter")}
              {t.dueAt ? ` · due ${formatDateTime(t.dueAt, zone)}` : ""}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function TimelineSkeleton() {
  return (
    <LoadingRegion label="Loading the timeline…" className="flex flex-col gap-4">
      {Array.from({ length: 5 }, (_, i) => (
        <SkeletonEntry key={i} marker="size-6" lines={["h-3 w-32", "h-4 w-72"]} />
      ))}
    </LoadingRegion>
  );
}
