import { Table2 } from "lucide-react";
import { formatDistanceStrict } from "date-fns";
import type { Metadata } from "next";
import Link from "next/link";
import { listApplicationsForJob } from "@/db/queries/applications";
import { CANDIDATE_OPTIONS_LIMIT, listCandidateOptions } from "@/db/queries/candidates";
import { getFirmTimeZone } from "@/db/queries/interviews";
import { getJob } from "@/db/queries/jobs";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { Input } from "@/app/_components/ui/input";
import { can } from "@/lib/core/permissions";
import { JOB_STATUS_LABELS } from "@/lib/core/vocabulary";
import { DetailList } from "../../_components/detail-list";
import { formatCompactDateTime, formatShortDate } from "../../_components/format";
import { loadRecord, type RecordPageProps } from "../../_components/records/load-record";
import { ArchivedBadge, RecordActions, RecordHeader } from "../../_components/records/detail-header";
import { PutForwardForm } from "../../_components/put-forward-form";
import { archiveJobAction, restoreJobAction } from "../actions";
import { JobBoard } from "./job-board";

export const metadata: Metadata = { title: "Job" };

export default async function JobPage({ params, searchParams }: RecordPageProps) {
  const { scope, id, record: job } = await loadRecord("jobs.read", params, getJob);
  const canApply = can(scope.role, "applications.write");
  const sp = await searchParams;
  const find = findTerm(sp.find);
  const [apps, candidates, zone] = await Promise.all([
    listApplicationsForJob(scope, id),
    canApply ? listCandidateOptions(scope, { notOnJobId: id, q: find }) : Promise.resolve([]),
    getFirmTimeZone(scope),
  ]);
  const moreCandidates = candidates.length > CANDIDATE_OPTIONS_LIMIT;
  const archived = !!job.archivedAt;
  const now = new Date();
  const acceptsCandidates = !archived && (job.status === "open" || job.status === "on_hold");
  return (
    <div className="flex flex-col">
      <RecordHeader
        crumbs={[
          { href: "/jobs", label: "Jobs" },
          { href: `/clients/${job.clientId}`, label: job.clientName },
        ]}
        title={job.title}
        badges={
          <>
            <Badge variant={job.status === "open" ? "accent" : "neutral"}>{JOB_STATUS_LABELS[job.status]}</Badge>
            <ArchivedBadge archived={archived} />
          </>
        }
        description={[job.clientName, job.location, job.ownerName ? `Owner: ${job.ownerName}` : "No owner"].filter(Boolean).join(" · ")}
        actions={
          <>
            <Button asChild variant="ghost">
              <Link href={`/jobs/pipeline?job=${id}`}>
                <Table2 aria-hidden="true" />
                Table view
              </Link>
            </Button>
            {can(scope.role, "jobs.write") ? (
              <RecordActions
                path="/jobs"
                record={{ ...job, name: job.title }}
                consequence="It leaves the job list and takes no new candidates; its board and history stay."
                actions={[archiveJobAction, restoreJobAction]}
              />
            ) : null}
          </>
        }
        saved={sp.saved}
        noun="Job"
      />
      <div className="flex flex-col gap-6">
        <p className="flex flex-wrap gap-x-5 gap-y-1 text-sm text-muted-foreground">
          <span>
            <span className="font-semibold text-foreground tabular-nums">{job.inPipeline}</span> in the pipeline
          </span>
          <span>
            <span className="font-semibold text-foreground tabular-nums">{job.interviewing}</span> interviewing or at offer
          </span>
          <span>
            <span className="font-semibold text-foreground tabular-nums">{job.placed}</span> placed
          </span>
        </p>
        {canApply && acceptsCandidates ? (
          <Card>
            <CardHeader>
              <CardTitle>Put a candidate forward</CardTitle>
            </CardHeader>
            <CardContent>
              <form method="get" role="search" aria-label="Find a candidate to put forward" className="mb-4 flex max-w-xl items-end gap-2">
                <div className="flex min-w-0 flex-1 flex-col gap-1.5">
                  <label htmlFor="forward-find" className="text-sm font-medium">
                    Find a candidate
                  </label>
                  <Input id="forward-find" name="find" type="search" defaultValue={find ?? ""} placeholder="Name, email, phone or headline" />
                </div>
                <Button type="submit" variant="outline">
                  Find
                </Button>
                {find ? (
                  <Button asChild variant="ghost">
                    <Link href={`/jobs/${id}`}>Clear</Link>
                  </Button>
                ) : null}
              </form>
              <p className="mb-3 text-[0.8125rem] text-muted-foreground" role="status">
                {forwardStatus(find, candidates.length, moreCandidates)}
              </p>
              <PutForwardForm
                mode="job"
                fixedId={id}
                options={candidates.slice(0, CANDIDATE_OPTIONS_LIMIT).map((c) => ({ id: c.id, label: c.headline ? `${c.name} — ${c.headline}` : c.name }))}
                empty={find ? "Find another name, or clear the search." : undefined}
              />
            </CardContent>
          </Card>
        ) : null}
        <section aria-labelledby="board-heading" className="flex flex-col gap-3">
          <h2 id="board-heading" className="text-base font-semibold">
            Board
          </h2>
          <JobBoard
            canMove={canApply}
            canSchedule={can(scope.role, "interviews.write")}
            jobId={id}
            totals={Object.fromEntries(apps.map((a) => [a.stage, a.stageTotal]))}
            cards={apps.map((a) => ({
              id: a.id,
              version: a.version,
              stage: a.stage,
              candidateId: a.candidateId,
              candidateName: a.candidateName,
              headline: a.candidateHeadline,
              since: formatDistanceStrict(a.stageChangedAt, now, { roundingMethod: "floor" }),
              sinceDate: formatShortDate(a.stageChangedAt, zone),
              recruiterName: a.recruiterName,
              nextInterview: a.nextInterviewAt ? formatCompactDateTime(a.nextInterviewAt, zone, now) : null,
              interviews: a.interviews,
              closedReason: a.closedReason,
            }))}
          />
        </section>
        <Card>
          <CardHeader>
            <CardTitle>About the job</CardTitle>
          </CardHeader>
          <CardContent>
            <DetailList
              items={[
                { label: "Client", value: <Link href={`/clients/${job.clientId}`}>{job.clientName}</Link> },
                { label: "Location", value: job.location },
                { label: "Owner", value: job.ownerName ?? "" },
                { label: "Opened", value: formatShortDate(job.createdAt, zone) },
                { label: "Description", value: job.description ? <span className="whitespace-pre-line">{job.description}</span> : "" },
              ]}
            />
          </CardContent>
        </Card>
      </div>
    </div>
  );
}

/** The put-forward search term from the URL (`?find=`), trimmed; undefined when blank. */
function findTerm(v: string | string[] | undefined): string | undefined {
  const term = (Array.isArray(v) ? v[0] : v)?.trim().slice(0, 200);
  return term || undefined;
}

/** What the put-forward menu holds: a search's matches, or the first candidates by name when there are more. */
function forwardStatus(find: string | undefined, found: number, more: boolean): string | null {
  if (find) {
    if (!found) return `No candidate matching “${find}” who is not on this job yet.`;
    if (more) return `The closest ${CANDIDATE_OPTIONS_LIMIT} candidates matching “${find}” who are not on this job yet.`;
    return `${found} candidate${found === 1 ? "" : "s"} matching “${find}” who ${found === 1 ? "is" : "are"} not on this job yet.`;
  }
  return more ? `The first ${CANDIDATE_OPTIONS_LIMIT} candidates by name; find a candidate to choose from the others.` : null;
}
