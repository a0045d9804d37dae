import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CalendarClock, X } from "lucide-react";
import { z } from "zod";
import { getDashboard, QUEUE_KINDS, type Dashboard, type QueueKind } from "@/db/queries/dashboard";
import { Card, CardContent, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { PageHeader } from "@/app/_components/ui/page-header";
import { StatusPill } from "@/app/_components/ui/status-pill";
import { dayLabel, dueLabel, fmt, ruleLabel, timeLabel } from "@/app/(staff)/_components/review/format";
import { SegmentedLinks } from "@/app/(staff)/_components/review/view-toggle";
import { requireScope } from "@/lib/auth/scope";
import { cn, countLabel } from "@/lib/core/utils";
import { AllClear, KIND_META, QueueSection } from "./queue";
import { INTERVIEW_KIND_LABELS as KIND_LABELS } from "@/lib/core/vocabulary";

export const metadata: Metadata = { title: "Dashboard" };

const paramsSchema = z.object({
  view: z.enum(["mine", "everyone"]).catch("mine"),
  kind: z.enum(QUEUE_KINDS).optional().catch(undefined),
});

/** How many overdue items show before "show more": enough to act on, few enough that today's work stays in view. */
const OVERDUE_VISIBLE = 5;
/** Items a section renders when the queue shows every kind; one kind at a time shows all of its items. */
const SECTION_LIMIT = 20;

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requireScope("dashboard.read");
  const params = paramsSchema.parse(await searchParams);
  // Every kind at once lists (and reads names for) SECTION_LIMIT items a state; one kind lists all of its own.
  const d = await getDashboard(scope, { view: params.view, listed: { kind: params.kind, perState: params.kind ? undefined : SECTION_LIMIT } });
  if (!d) notFound();
  const zone = d.timeZone;
  const items = d.items;
  const overdue = items.filter((i) => i.state === "overdue");
  const due = items.filter((i) => i.state === "due");
  const upcoming = items.filter((i) => i.state === "upcoming");
  const everyone = params.view === "everyone";
  const href = (p: { view?: string; kind?: string | null }) => {
    const q = new URLSearchParams();
    const view = p.view ?? params.view;
    const kind = p.kind === null ? undefined : (p.kind ?? params.kind);
    if (view !== "mine") q.set("view", view);
    if (kind) q.set("kind", kind);
    const s = q.toString();
    return s ? `/dashboard?${s}` : "/dashboard";
  };
  const moreHint = params.kind ? undefined : "choose a kind above to see each kind's items";
  const summary = [d.counts.overdue ? `${d.counts.overdue} overdue` : "", d.counts.dueToday ? `${d.counts.dueToday} due today` : ""]
    .filter(Boolean)
    .join(", ");

  return (
    <div className="flex flex-col gap-5">
      <PageHeader
        title="Dashboard"
        description={`${fmt(d.now, zone, "EEEE d MMMM")} · ${summary || "nothing overdue or due today"}${everyone ? " across the firm" : ""}.`}
        actions={
          <SegmentedLinks
            label="Whose work"
            items={[
              { href: href({ view: "mine" }), label: "Mine", current: !everyone },
              { href: href({ view: "everyone" }), label: "Everyone's", current: everyone },
            ]}
          />
        }
        className="mb-0"
      />

      <Counts d={d} href={href} active={params.kind} />

      <div className="grid min-w-0 grid-cols-1 items-start gap-5 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <Card className="overflow-hidden">
          <CardHeader className="flex-row items-center justify-between gap-3 border-b border-border py-3">
            <CardTitle>Needs attention</CardTitle>
            {params.kind ? (
              <Link
                href={href({ kind: null })}
                className="inline-flex items-center gap-1 rounded-full border border-border-strong px-2.5 py-0.5 text-xs font-medium hover:bg-hover"
              >
                {KIND_META[params.kind].label}
                <X aria-hidden="true" className="size-3" />
                <span className="sr-only">: show everything</span>
              </Link>
            ) : (
              <span className="text-xs text-muted-foreground">Most urgent first</span>
            )}
          </CardHeader>
          {items.length === 0 ? (
            <AllClear />
          ) : (
            <div>
              <QueueSection id="overdue" title="Overdue" tone="overdue" items={overdue} total={d.listedTotals.overdue} now={d.now} zone={zone} showOwner={everyone} visible={params.kind ? undefined : OVERDUE_VISIBLE} moreHint={moreHint} />
              <QueueSection id="due-today" title="Due today" tone="due" items={due} total={d.listedTotals.due} now={d.now} zone={zone} showOwner={everyone} moreHint={moreHint} />
              <QueueSection id="coming-up" title="Coming up" tone="neutral" items={upcoming} total={d.listedTotals.upcoming} now={d.now} zone={zone} showOwner={everyone} visible={params.kind ? undefined : 5} moreHint={moreHint} />
            </div>
          )}
        </Card>

        <div className="flex flex-col gap-5">
          <TodayCard d={d} everyone={everyone} />
          <MyTasksCard d={d} />
        </div>
      </div>
    </div>
  );
}

function Counts({ d, href, active }: { d: Dashboard; href: (p: { kind?: string | null }) => string; active?: QueueKind }) {
  const byState = (kind: QueueKind) => d.counts.byKind[kind];
  const tiles: { kind: QueueKind; count: number }[] = [
    { kind: "debrief_to_review", count: d.counts.debrief_to_review },
    { kind: "debrief_missing", count: d.counts.debrief_missing },
    { kind: "feedback_overdue", count: d.counts.feedback_overdue },
    { kind: "decision_overdue", count: d.counts.decision_overdue },
    { kind: "repeat_calls", count: d.counts.repeat_calls },
    { kind: "task", count: d.counts.task },
  ];
  return (
    <nav aria-label="Counts">
      <ul className="grid grid-cols-3 gap-2 sm:grid-cols-4 lg:grid-cols-7">
        {tiles.map(({ kind, count }) => {
          const s = byState(kind);
          const current = active === kind;
          return (
            <li key={kind}>
              <Link
                href={current ? href({ kind: null }) : href({ kind })}
                aria-current={current ? "true" : undefined}
                className={cn(
                  "flex h-full flex-col gap-0.5 rounded-lg border border-border bg-card px-2.5 py-2 transition-colors hover:border-border-strong hover:bg-hover/60 sm:px-3 sm:py-2.5",
                  current && "border-accent ring-1 ring-accent",
                )}
              >
                <span className="line-clamp-2 text-[0.6875rem] leading-4 font-medium text-muted-foreground sm:text-xs">{KIND_META[kind].label}</span>
                <span className="mt-auto flex flex-wrap items-baseline gap-x-2">
                  <span className={cn("text-xl leading-7 font-semibold tabular-nums sm:text-2xl", count === 0 && "text-muted-foreground")}>
                    {countLabel(count, d.more.includes(kind))}
                  </span>
                  {s.overdue > 0 ? (
                    <span className="text-[0.6875rem] font-medium text-overdue-foreground sm:text-xs">{s.overdue} overdue</span>
                  ) : s.due > 0 ? (
                    <span className="text-[0.6875rem] font-medium text-due-foreground sm:text-xs">{s.due} due today</span>
                  ) : null}
                </span>
              </Link>
            </li>
          );
        })}
        <li className="col-span-3 sm:col-span-4 lg:col-span-1">
          <a
            href="#today-heading"
            className="flex h-full items-center gap-3 rounded-lg border border-border bg-card px-2.5 py-2 transition-colors hover:border-border-strong hover:bg-hover/60 sm:px-3 lg:flex-col lg:items-stretch lg:gap-0.5 lg:py-2.5"
          >
            <span className="flex items-center gap-1.5 text-[0.6875rem] leading-4 font-medium text-muted-foreground sm:text-xs">
              <CalendarClock aria-hidden="true" className="size-3.5 shrink-0 lg:hidden" />
              Interviews today
            </span>
            <span className="mt-auto flex flex-wrap items-baseline gap-x-2">
              <span className="text-xl leading-7 font-semibold tabular-nums sm:text-2xl">
                {countLabel(d.counts.interviewsToday, d.interviewCountsCapped.today)}
              </span>
              <span className="text-[0.6875rem] text-muted-foreground sm:text-xs">
                {countLabel(d.counts.interviewsThisWeek, d.interviewCountsCapped.week)} this week
              </span>
            </span>
          </a>
        </li>
      </ul>
    </nav>
  );
}

function TodayCard({ d, everyone }: { d: Dashboard; everyone: boolean }) {
  const zone = d.timeZone;
  // The card lists the first few; the counts are of every interview.
  const moreToday = d.counts.interviewsToday - d.interviewsToday.length;
  const moreLater = d.counts.interviewsThisWeek - d.counts.interviewsToday - d.interviewsThisWeek.length;
  const allInterviews = everyone ? "/interviews" : "/interviews?recruiter=me";
  return (
    <Card>
      <CardHeader className="pb-2">
        <CardTitle id="today-heading">Interviews today</CardTitle>
      </CardHeader>
      <CardContent className="px-0 pb-3">
        {d.interviewsToday.length === 0 ? (
          <p className="px-5 text-sm text-muted-foreground">No interviews today{everyone ? " in the firm" : " for your candidates"}.</p>
        ) : (
          <ul className="divide-y divide-border">
            {d.interviewsToday.map((i) => (
              <li key={i.id} className="flex gap-3 px-5 py-2">
                <span className="w-11 shrink-0 pt-px text-sm font-semibold tabular-nums">{timeLabel(i.startsAt, zone)}</span>
                <span className="min-w-0 flex-1">
                  <Link href={`/interviews/${i.id}`} className="block truncate text-sm font-medium hover:underline">
                    {i.candidateName}
                  </Link>
                  <span className="block truncate text-[0.8125rem] text-muted-foreground">
                    {KIND_LABELS[i.kind]} · {i.clientName}
                    {everyone && i.recruiterName ? ` · ${i.recruiterName}` : ""}
                  </span>
                </span>
                {i.endsAt.getTime() < d.now.getTime() ? (
                  <StatusPill state="done" className="self-start">
                    Over
                  </StatusPill>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {moreToday > 0 ? (
          <p className="px-5 pt-1 text-xs text-muted-foreground">
            and {countLabel(moreToday, d.interviewCountsCapped.today)} more today ·{" "}
            <Link href={allInterviews} className="font-medium text-accent-text hover:underline">
              all interviews
            </Link>
          </p>
        ) : null}
        {d.interviewsThisWeek.length > 0 ? (
          <>
            <h3 className="mt-3 border-t border-border px-5 pt-3 text-xs font-semibold tracking-wide text-muted-foreground uppercase">
              Later this week
            </h3>
            <ul className="mt-1">
              {d.interviewsThisWeek.map((i) => (
                <li key={i.id} className="flex gap-3 px-5 py-1.5 text-[0.8125rem]">
                  <span className="w-24 shrink-0 whitespace-nowrap text-muted-foreground tabular-nums">
                    {dayLabel(i.startsAt, zone).replace(/ \w+$/, "")} {timeLabel(i.startsAt, zone)}
                  </span>
                  <Link href={`/interviews/${i.id}`} className="min-w-0 truncate hover:underline">
                    {i.candidateName} · {i.clientName}
                  </Link>
                </li>
              ))}
            </ul>
            {moreLater > 0 ? (
              <p className="px-5 pt-1 text-xs text-muted-foreground">
                and {countLabel(moreLater, d.interviewCountsCapped.later)} more ·{" "}
                <Link href={allInterviews} className="font-medium text-accent-text hover:underline">
                  all interviews
                </Link>
              </p>
            ) : null}
          </>
        ) : null}
      </CardContent>
    </Card>
  );
}

function MyTasksCard({ d }: { d: Dashboard }) {
  const zone = d.timeZone;
  return (
    <Card>
      <CardHeader className="flex-row items-center justify-between pb-2">
        <CardTitle>My next tasks</CardTitle>
        <Link href="/tasks?tab=due" className="text-[0.8125rem] font-medium text-accent-text hover:underline">
          All tasks
        </Link>
      </CardHeader>
      <CardContent className="px-0 pb-3">
        {d.upcomingTasks.length === 0 ? (
          <p className="px-5 text-sm text-muted-foreground">Nothing scheduled after today.</p>
        ) : (
          <ul className="divide-y divide-border">
            {d.upcomingTasks.map((t) => (
              <li key={t.id} className="px-5 py-2">
                <Link
                  href={t.interviewId ? `/interviews/${t.interviewId}` : t.candidateId ? `/candidates/${t.candidateId}` : `/tasks?tab=due#task-${t.id}`}
                  className="block text-sm font-medium hover:underline"
                >
                  {t.title}
                </Link>
                <span className="flex flex-wrap gap-x-2 text-[0.8125rem] text-muted-foreground">
                  {t.candidateName ? <span>{t.candidateName}</span> : null}
                  <span>{t.dueAt ? dueLabel(t.dueAt, d.now, zone) : "no deadline"}</span>
                  {t.rule ? <span>· {ruleLabel(t.rule)}</span> : null}
                </span>
              </li>
            ))}
          </ul>
        )}
        {d.doneToday.length > 0 ? (
          <>
            <h3 className="mt-3 border-t border-border px-5 pt-3 text-xs font-semibold tracking-wide text-muted-foreground uppercase">Done today</h3>
            <ul className="mt-1">
              {d.doneToday.map((t) => (
                <li key={t.id} className="flex items-start gap-2 px-5 py-1.5 text-[0.8125rem]">
                  <StatusPill state={t.state === "done" ? "done" : "not_allowed"} hideIcon={false}>
                    {t.state === "done" ? "Done" : "Skipped"}
                  </StatusPill>
                  <span className="min-w-0 text-muted-foreground">
                    {t.title}
                    {t.candidateName ? ` · ${t.candidateName}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </CardContent>
    </Card>
  );
}
