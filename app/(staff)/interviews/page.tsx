import { CalendarClock, CalendarPlus } from "lucide-react";
import type { Metadata } from "next";
import { listClientOptions } from "@/db/queries/clients";
import { findInterviews, getFirmTimeZone } from "@/db/queries/interviews";
import { listOwnerOptions } from "@/db/queries/jobs";
import { can } from "@/lib/core/permissions";
import { requireScope, type Scope } from "@/lib/auth/scope";
import { INTERVIEW_KIND_LABELS, INTERVIEW_KINDS as INTERVIEW_KIND_VALUES, INTERVIEW_STATUS_LABELS, INTERVIEW_STATUSES as INTERVIEW_STATUS_VALUES } from "@/lib/core/vocabulary";
import { interviewListSchema, PAGE_SIZE, resolveMe, type InterviewListParams, type SearchParams } from "@/lib/core/validation/records";
import { zoneAbbreviation } from "../_components/format";
import { anyOf, clientFilter, memberFilter, RECRUITER } from "../_components/records/list-filters";
import { ListResults, NewRecordButton, RecordListPage, type ListScreen } from "../_components/records/list-page";
import { ParamTabs } from "../_components/section-tabs";
import { InterviewsTable } from "./interviews-table";
import { interviewRow } from "./rows";

export const metadata: Metadata = { title: "Interviews" };

const INTERVIEWS: ListScreen = {
  title: "Interviews", description: "Every round, in your firm's time zone.", placeholder: "Candidate, job or client",
  noun: "interviews", path: "/interviews", columns: 6, order: { param: "when", default: "upcoming" },
  empty: { icon: <CalendarClock />, hint: "Interviews show here once they are scheduled." },
};

export default async function InterviewsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const scope = await requireScope("interviews.read");
  const params = interviewListSchema.parse(await searchParams);
  const [clients, owners] = await Promise.all([listClientOptions(scope, { include: params.client }), listOwnerOptions(scope, { include: params.recruiter })]);
  return (
    <RecordListPage
      screen={INTERVIEWS}
      action={
        can(scope.role, "interviews.write") ? (
          <NewRecordButton href="/interviews/new" label="Schedule interview" icon={<CalendarPlus aria-hidden="true" />} />
        ) : null
      }
      tabs={
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
      }
      params={params}
      filters={[
        { name: "status", label: "Status", value: params.status ?? "", options: anyOf("Any status", INTERVIEW_STATUS_VALUES, INTERVIEW_STATUS_LABELS) },
        { name: "kind", label: "Kind", value: params.kind ?? "", options: anyOf("Any kind", INTERVIEW_KIND_VALUES, INTERVIEW_KIND_LABELS) },
        clientFilter(clients, params.client),
        memberFilter(RECRUITER, params.recruiter, owners, scope.userId),
      ]}
    >
      <InterviewResults scope={scope} params={params} />
    </RecordListPage>
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
  const which = params.when === "upcoming" ? "upcoming" : params.when === "past" ? "past" : "all";
  return (
    <ListResults
      screen={INTERVIEWS}
      page={page}
      filtered={filtered}
      empty={
        which === "upcoming"
          ? { title: "Nothing scheduled", hint: "Schedule a round from a candidate's application or a job's board." }
          : { clearHref: `/interviews?when=${which}` }
      }
      before={
        <p className="text-xs text-muted-foreground">
          Times in {zone} ({zoneAbbreviation(new Date(), zone)}).
        </p>
      }
    >
      <InterviewsTable
        rows={page.rows.map((r) => interviewRow(r, zone))}
        sort={{ key: "when", dir }}
        caption={`${which === "all" ? "All" : which === "upcoming" ? "Upcoming" : "Past"} interviews, ${dir === "asc" ? "earliest" : "latest"} first, times in ${zone}`}
      />
    </ListResults>
  );
}
