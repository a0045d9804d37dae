import type { Metadata } from "next";
import Link from "next/link";
import { FilterX } from "lucide-react";
import { checkReportFilterIds, getReportSettings, listReportFilterOptions } from "@/db/queries/reports";
import { listMyReportSubscriptions } from "@/db/queries/report-subscriptions";
import { describeFilters, describeSchedule } from "@/lib/reports/subscriptions/schedule";
import { Alert, AlertDescription, AlertTitle } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { PageHeader } from "@/app/_components/ui/page-header";
import { can } from "@/lib/core/permissions";
import { requireScope } from "@/lib/auth/scope";
import { localDateKey } from "@/lib/core/follow-up/business-days";
import { filtersToSearchParams, hasAnyFilter, parseReportFilters, type FilterFieldErrors } from "@/lib/core/reports/filters";
import { busiest, formatAsOf, formatCount, formatHours, formatPercent, readLagNotice } from "@/lib/core/reports/format";
import { readLagSeconds, readScope } from "@/lib/auth/read-scope";
import { loadReportMetrics } from "@/lib/reports/page-metrics";
import { FunnelChart, PromisesChart, SpeedByRecruiterChart, WeeklyInterviewsChart } from "./_components/charts";
import { ExportPanel } from "./_components/export-panel";
import { SubscribeForm, SubscriptionList } from "./_components/report-emails";
import { FilterForm } from "./_components/filter-form";
import { FunnelTable, GroupTable, PromisesTable, SpeedTable, WeeksTable } from "./_components/tables";

export const metadata: Metadata = { title: "Reports" };

function Stat({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="flex flex-col gap-0.5 rounded-lg border border-border bg-card px-4 py-3 shadow-xs">
      <dt className="text-xs font-medium text-muted-foreground">{label}</dt>
      <dd className="text-xl font-semibold tabular-nums tracking-tight">{value}</dd>
      {detail ? <dd className="text-xs text-muted-foreground">{detail}</dd> : null}
    </div>
  );
}

function ChartCard({ id, title, description, children }: { id: string; title: string; description: string; children: React.ReactNode }) {
  return (
    <Card className="min-w-0">
      <CardHeader>
        <CardTitle id={id}>{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent>
        <figure aria-labelledby={id} className="flex flex-col gap-4">
          {children}
        </figure>
      </CardContent>
    </Card>
  );
}

/** What a chart leaves out when it shows only the busiest, and where the rest are. */
function ShownOf({ shown, total, noun, by, rest }: { shown: number; total: number; noun: string; by: string; rest: string }) {
  if (shown >= total) return null;
  return (
    <p className="text-xs text-muted-foreground">
      The chart shows the {shown} {noun} with the most {by}, of {formatCount(total)}; {rest}.
    </p>
  );
}

/** How many recruiters or clients a chart shows. */
const CHART_ROWS = 15;
/** How many recruiters or clients a table lists, unless asked for all of them (`?all=by-recruiter`, `by-client`, `promises`). */
const TABLE_ROWS = 50;

export default async function ReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requireScope("reports.read");
  const raw = await searchParams;
  const parsed = parseReportFilters(raw);
  // The figures may lag (DATABASE_READ_URL); the person's own report emails are read from the primary.
  const read = await readScope(scope);
  const [settings, subscriptions, lagSeconds] = await Promise.all([getReportSettings(scope), listMyReportSubscriptions(scope), readLagSeconds()]);
  // The job menu lists the chosen client's jobs and the jobs already named (the filter, the saved report emails).
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  // The client and recruiter menus list the chosen ones and those the saved emails name, wherever they fall.
  const options = await listReportFilterOptions(read, {
    clientId: first(raw.client),
    clientIds: subscriptions.map((r) => r.filters.client),
    recruiterIds: [first(raw.recruiter), ...subscriptions.map((r) => r.filters.recruiter)],
    jobIds: [first(raw.job), ...subscriptions.map((r) => r.filters.job)],
  });
  const lag = readLagNotice(lagSeconds);
  const timeZone = settings?.timeZone ?? "UTC";
  let errors: FilterFieldErrors = parsed.ok ? {} : parsed.fieldErrors;
  if (parsed.ok) errors = await checkReportFilterIds(read, parsed.filters);
  const filters = parsed.ok && Object.keys(errors).length === 0 ? parsed.filters : null;
  // Aggregated by the database (from the daily rollups when they can serve): the page never holds the firm's rows.
  const now = new Date();
  const loaded = filters ? await loadReportMetrics(scope, { filters, timeZone, today: localDateKey(now, timeZone) }, now, read) : null;
  const metrics = loaded?.metrics ?? null;
  const query = filters ? filtersToSearchParams(filters).toString() : "";
  const empty = metrics !== null && metrics.summary.applications === 0 && metrics.summary.interviews === 0;
  const s = metrics?.summary;
  // A big firm's hundreds of recruiters and clients would make charts no one can read (and most of the
  // page's weight): they show the busiest; the tables below list more.
  const speed = busiest(metrics?.byRecruiter ?? [], (g) => g.interviews, CHART_ROWS);
  const promises = busiest((metrics?.promises ?? []).filter((c) => c.promised > 0), (c) => c.promised, CHART_ROWS);
  // A big firm's tables list the busiest 50 (718 recruiters, 400 clients twice: most of a 2.9 MB page), and link to all.
  const listedAll = new Set([raw.all ?? []].flat());
  const tableRows = (id: "by-recruiter" | "by-client" | "promises") =>
    listedAll.has(id)
      ? {}
      : { limit: TABLE_ROWS, allHref: `/reports?${new URLSearchParams([...new URLSearchParams(query), ...[...listedAll, id].map((v) => ["all", v])])}#${id}-heading` };

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Reports"
        description="The pipeline by stage, interview volume, and how fast debriefs and client feedback arrive. Every number on this page is computed from the rows you can download below."
      />
      {lag ? (
        <p className="text-sm text-muted-foreground" role="status" data-testid="reports-lag">
          {lag}
        </p>
      ) : null}

      <Card>
        <CardHeader>
          <CardTitle>Filters</CardTitle>
          <CardDescription>Dates are on the firm&apos;s calendar ({timeZone}) and include both ends.</CardDescription>
        </CardHeader>
        <CardContent>
          <FilterForm key={JSON.stringify(parsed.raw)} values={parsed.raw} errors={errors} options={options} />
        </CardContent>
      </Card>

      {!filters ? (
        <Alert variant="error">
          <AlertTitle>These filters cannot be applied</AlertTitle>
          <AlertDescription>Correct the fields marked above, or clear the filters, to see the numbers and download the rows.</AlertDescription>
        </Alert>
      ) : null}

      {filters && can(scope.role, "reports.export") ? (
        <Card>
          <CardHeader>
            <CardTitle>Download the rows</CardTitle>
            <CardDescription>
              Exactly the rows these filters select, every one of them. The README lists what each column means.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <ExportPanel query={query} />
          </CardContent>
        </Card>
      ) : null}

      <Card>
        <CardHeader>
          <CardTitle>Report emails</CardTitle>
          <CardDescription>
            Get this page&apos;s summary, funnel and a link back, by email, on a schedule. The email shows what you can see when it is sent.
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-6">
          {filters ? (
            <SubscribeForm query={query} timeZone={timeZone} canExport={can(scope.role, "reports.export")} />
          ) : (
            <p className="text-sm text-muted-foreground">Correct the filters above to email yourself this report.</p>
          )}
          <section aria-labelledby="report-emails-heading" className="flex flex-col gap-2">
            <h3 id="report-emails-heading" className="text-sm font-semibold">
              Your report emails
            </h3>
            <SubscriptionList
              rows={subscriptions.map((r) => ({
                id: r.id,
                schedule: describeSchedule(r),
                filters: describeFilters(r.filters, options),
                includeCsv: r.includeCsv,
                stopped: r.unsubscribedAt !== null,
              }))}
            />
          </section>
        </CardContent>
      </Card>

      {metrics && s && empty ? (
        <EmptyState
          icon={<FilterX />}
          title="No applications or interviews match these filters"
          description={
            hasAnyFilter(filters!)
              ? "Widen the date range or clear a filter. A download now gives a file with only the header row."
              : "Once candidates are put forward for jobs, the pipeline shows up here."
          }
          action={
            hasAnyFilter(filters!) ? (
              <Button asChild variant="outline">
                <Link href="/reports">Clear the filters</Link>
              </Button>
            ) : undefined
          }
        />
      ) : null}

      {metrics && s && !empty ? (
        <>
          <section aria-labelledby="summary-heading" className="flex flex-col gap-3">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="summary-heading" className="text-base font-semibold">
                Summary
              </h2>
              <p className="text-xs text-muted-foreground" data-testid="reports-freshness">
                {loaded?.asOf
                  ? `Counts ${formatAsOf(loaded.asOf, now, timeZone)}; changes since then show within a minute or so.`
                  : "Counts up to the moment."}
              </p>
            </div>
            <dl className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-7">
              <Stat label="Applications" value={formatCount(s.applications)} />
              <Stat label="Interviews" value={formatCount(s.interviews)} detail="not counting cancelled" />
              <Stat
                label="Debrief completion"
                value={formatPercent(s.debrief.rate)}
                detail={`${formatCount(s.debrief.debriefed)} of ${formatCount(s.debrief.completed)} held interviews`}
              />
              <Stat label="Median time to debrief" value={formatHours(s.medianHoursToDebrief)} detail="from the interview's end" />
              <Stat label="Median time to client feedback" value={formatHours(s.medianHoursToFeedback)} detail="from the interview's end" />
              <Stat
                label="Interview to offer"
                value={formatPercent(s.ratios.interviewToOffer)}
                detail={`${formatCount(s.ratios.offers)} offers from ${formatCount(s.ratios.interviewed)} interviewed`}
              />
              <Stat
                label="Offer to placement"
                value={formatPercent(s.ratios.offerToPlacement)}
                detail={`${formatCount(s.ratios.placements)} placed from ${formatCount(s.ratios.offers)} offers`}
              />
            </dl>
          </section>

          <div className="grid gap-6 xl:grid-cols-2">
            <ChartCard
              id="funnel-heading"
              title="Funnel by stage"
              description="Applications by the furthest stage they reached, with the share of the previous stage that got there."
            >
              <FunnelChart steps={metrics.funnel} />
              <FunnelTable steps={metrics.funnel} />
            </ChartCard>
            <ChartCard
              id="weeks-heading"
              title="Interviews per week"
              description="Interviews by the week they start in (Monday to Sunday), cancelled ones left out."
            >
              {metrics.weeks.length > 0 ? (
                <>
                  <WeeklyInterviewsChart weeks={metrics.weeks} />
                  <WeeksTable weeks={metrics.weeks} />
                </>
              ) : (
                <p className="text-sm text-muted-foreground">No interviews in this selection.</p>
              )}
            </ChartCard>
            <ChartCard
              id="speed-heading"
              title="Debrief and feedback speed by recruiter"
              description="Median hours from an interview's end to the candidate's debrief and to the client's first feedback."
            >
              <SpeedByRecruiterChart groups={speed.shown} />
              <SpeedTable groups={speed.shown} />
              <ShownOf shown={speed.shown.length} total={speed.total} noun="recruiters" by="interviews" rest="“By recruiter” below lists more of them" />
            </ChartCard>
            <ChartCard
              id="promises-heading"
              title="Client feedback against what interviewers promised"
              description="For interviews where the candidate's debrief records a promised decision date: did the client's feedback come by that day?"
            >
              {metrics.promises.some((p) => p.promised > 0) ? (
                <>
                  <PromisesChart clients={promises.shown} />
                  <ShownOf shown={promises.shown.length} total={promises.total} noun="clients" by="promised decision dates" rest="the table lists more of them" />
                  <PromisesTable clients={metrics.promises} {...tableRows("promises")} />
                </>
              ) : (
                <p className="text-sm text-muted-foreground">No debrief in this selection records a promised decision date.</p>
              )}
            </ChartCard>
          </div>

          <GroupTable id="by-recruiter" title="By recruiter" firstColumn="Recruiter" noun="recruiters" groups={metrics.byRecruiter} weeks={metrics.weeks.length} {...tableRows("by-recruiter")} />
          <GroupTable id="by-client" title="By client" firstColumn="Client" noun="clients" groups={metrics.byClient} weeks={metrics.weeks.length} {...tableRows("by-client")} />
        </>
      ) : null}
    </div>
  );
}
