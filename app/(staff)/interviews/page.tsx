import { CalendarClock, CalendarPlus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { listClientOptions } from "@/db/queries/clients";
import { findInterviews, getFirmTimeZone } from "@/db/queries/interviews";
import { listOwnerOptions } from "@/db/queries/jobs";
import { Button } from "@/app/_components/ui/button";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { PageHeader } from "@/app/_components/ui/page-header";
import type { Status } from "@/app/_components/ui/status-pill";
import { can } from "@/lib/core/permissions";
import { requireScope, type Scope } from "@/lib/auth/scope";
import {
  interviewListSchema,
  PAGE_SIZE,
  resolveMe,
  type InterviewListParams,
  type SearchParams,
} from "@/lib/core/validation/records";
import { formatCompactRange, formatDuration, zoneAbbreviation } from "../_components/format";
import { ListToolbar, Pagination } from "../_components/list-controls";
import { cursorsOf, listKey } from "../_components/params";
import { ParamTabs } from "../_components/section-tabs";
import { TableSkeleton } from "../_components/table-skeleton";
import { InterviewsTable } from "./interviews-table";
import {
  INTERVIEW_KIND_LABELS,
  INTERVIEW_KINDS as INTERVIEW_KIND_VALUES,
  INTERVIEW_STATUS_LABELS,
  INTERVIEW_STATUSES as INTERVIEW_STATUS_VALUES,
} from "@/lib/core/vocabulary";

export const metadata: Metadata = { title: "Interviews" };

const DEBRIEF: Record<string, { label: string; status: Status }> = {
  draft: { label: "Draft", status: "neutral" },
  submitted: { label: "Submitted", status: "info" },
  amended: { label: "Amended", status: "info" },
  reviewed: { label: "Reviewed", status: "done" },
};

export default async function InterviewsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const scope = await requireScope("interviews.read");
  const params = interviewListSchema.parse(await searchParams);
  const [clients, owners] = await Promise.all([listClientOptions(scope, { include: params.client }), listOwnerOptions(scope)]);
  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title="Interviews"
        description="Every round, in your firm's time zone."
        actions={
          can(scope.role, "interviews.write") ? (
            <Button asChild>
              <Link href="/interviews/new">
                <CalendarPlus aria-hidden="true" />
                Schedule interview
              </Link>
            </Button>
          ) : null
        }
        className="mb-2"
      />
      <ParamTabs
        label="Which interviews"
        param="when"
        value={params.when}
        basePath="/interviews"
        tabs={[
          { value: "upcoming", label: "Upcoming" },
          { value: "past", label: "Past" },
          { value: "all", label: "All" },
        ]}
      />
      <ListToolbar
        searchLabel="Search interviews"
        placeholder="Candidate, job or client"
        q={params.q}
        keep={{ when: params.when === "upcoming" ? undefined : params.when, dir: params.dir }}
        filters={[
          {
            name: "status",
            label: "Status",
            value: params.status ?? "",
            options: [{ value: "", label: "Any status" }, ...INTERVIEW_STATUS_VALUES.map((s) => ({ value: s, label: INTERVIEW_STATUS_LABELS[s] }))],
          },
          {
            name: "kind",
            label: "Kind",
            value: params.kind ?? "",
            options: [{ value: "", label: "Any kind" }, ...INTERVIEW_KIND_VALUES.map((k) => ({ value: k, label: INTERVIEW_KIND_LABELS[k] }))],
          },
          {
            name: "client",
            label: "Client",
            value: params.client ?? "",
            options: [{ value: "", label: "All clients" }, ...clients.map((c) => ({ value: c.id, label: c.name }))],
          },
          {
            name: "recruiter",
            label: "Recruiter",
            value: params.recruiter ?? "",
            options: [
              { value: "", label: "Any recruiter" },
              { value: "me", label: "Mine" },
              ...owners.filter((o) => o.id !== scope.userId).map((o) => ({ value: o.id, label: o.name })),
            ],
          },
        ]}
      />
      <Suspense key={listKey(params)} fallback={<TableSkeleton columns={6} label="Loading interviews…" />}>
        <InterviewResults scope={scope} params={params} />
      </Suspense>
    </div>
  );
}

async function InterviewResults({ scope, params }: { scope: Scope; params: InterviewListParams }) {
  const [page, zone] = await Promise.all([
    findInterviews(scope, {
      ...params,
      clientId: params.client,
      recruiterUserId: resolveMe(params.recruiter, scope.userId),
      limit: PAGE_SIZE,
    }),
    getFirmTimeZone(scope),
  ]);
  const dir = params.dir ?? (params.when === "upcoming" ? "asc" : "desc");
  const filtered = params.q !== "" || !!params.status || !!params.kind || !!params.client || !!params.recruiter;
  const { next, prev } = cursorsOf(page);
  const which = params.when === "upcoming" ? "upcoming" : params.when === "past" ? "past" : "all";
  return (
    <div className="flex flex-col gap-3">
      <p className="text-xs text-muted-foreground">
        Times in {zone} ({zoneAbbreviation(new Date(), zone)}).
      </p>
      <InterviewsTable
        rows={page.rows.map((iv) => ({
          id: iv.id,
          when: formatCompactRange(iv.startsAt, iv.endsAt, zone),
          duration: formatDuration(iv.startsAt, iv.endsAt),
          kind: INTERVIEW_KIND_LABELS[iv.kind],
          status: iv.status,
          candidateId: iv.candidateId,
          candidateName: iv.candidateName,
          jobId: iv.jobId,
          jobTitle: iv.jobTitle,
          clientName: iv.clientName,
          interviewers: iv.interviewers,
          recruiterName: iv.recruiterName ?? "",
          debrief: iv.debrief ? DEBRIEF[iv.debrief.state]! : null,
        }))}
        sort={{ key: "when", dir }}
        caption={`${which === "all" ? "All" : which === "upcoming" ? "Upcoming" : "Past"} interviews, ${dir === "asc" ? "earliest" : "latest"} first, times in ${zone}`}
        empty={
          <EmptyState
            icon={<CalendarClock />}
            title={filtered ? "No interviews match" : which === "upcoming" ? "Nothing scheduled" : "No interviews yet"}
            description={
              filtered
                ? "Try another search or filter."
                : which === "upcoming"
                  ? "Schedule a round from a candidate's application or a job's board."
                  : "Interviews show here once they are scheduled."
            }
            action={
              filtered ? (
                <Button asChild variant="outline">
                  <Link href={which === "upcoming" ? "/interviews" : `/interviews?when=${which}`}>Clear the filters</Link>
                </Button>
              ) : null
            }
          />
        }
      />
      {page.rows.length > 0 ? <Pagination next={next} prev={prev} shown={page.rows.length} total={page.total} noun="interviews" /> : null}
    </div>
  );
}
