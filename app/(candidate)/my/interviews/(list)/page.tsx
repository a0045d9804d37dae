import type { Metadata } from "next";
import Link from "next/link";
import { CalendarDays, ChevronRight, MapPin, Video } from "lucide-react";
import { listMyOpenTasks } from "@/db/queries/plan-tasks";
import { listMyInterviews, type MyInterview } from "@/db/queries/portal";
import { Button } from "@/app/_components/ui/button";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { PageHeader } from "@/app/_components/ui/page-header";
import { StatusPill } from "@/app/_components/ui/status-pill";
import { dayLabel, kindLabel, longDay, timeLabel, whenLabel } from "@/app/(candidate)/_components/format";
import { DEBRIEF_STATE_PILL, planSummary, stepTiming } from "@/app/(candidate)/_components/plan-text";
import { requireScope } from "@/lib/auth/scope";
import { debriefStateOf, getMyPlans, type CandidatePlan, type CandidateStep } from "@/lib/plans/candidate-plan";
import { cn } from "@/lib/core/utils";

export const metadata: Metadata = { title: "My interviews" };

const ACTIONABLE = new Set(["thank_you", "debrief", "call", "accept_invitation"]);

type NextStep = { plan: CandidatePlan; step: CandidateStep };

/** Overdue first, then due by time, then the ones not allowed yet by when they open. */
function nextSteps(plans: CandidatePlan[]): NextStep[] {
  const out = plans.flatMap((plan) =>
    plan.steps
      .filter((s) => ACTIONABLE.has(s.kind) && (s.state === "due" || s.state === "overdue" || (s.kind === "call" && s.state === "not_allowed")))
      .map((step) => ({ plan, step })),
  );
  const rank = (s: CandidateStep) => (s.state === "overdue" ? 0 : s.state === "due" ? 1 : 2);
  const at = (s: CandidateStep) => (s.state === "not_allowed" ? s.notBefore : s.dueAt)?.getTime() ?? Number.POSITIVE_INFINITY;
  return out.sort((a, b) => rank(a.step) - rank(b.step) || at(a.step) - at(b.step));
}

function stepHref({ plan, step }: NextStep): string {
  if (step.kind === "debrief") return `/my/interviews/${plan.interview.id}/debrief`;
  return `/my/plan/${plan.interview.id}#step-${plan.interview.id}-${step.key.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
}

function SectionTitle({ id, children, count }: { id: string; children: React.ReactNode; count?: number }) {
  return (
    <h2 id={id} className="flex items-center gap-2 text-base font-semibold tracking-tight">
      {children}
      {count !== undefined ? <span className="text-sm font-normal text-muted-foreground">({count})</span> : null}
    </h2>
  );
}

export default async function MyInterviewsPage() {
  const scope = await requireScope("portal.read");
  const now = new Date();
  const interviews = await listMyInterviews(scope);
  const [data, handMade] = await Promise.all([getMyPlans(scope, { now, interviews }), listMyOpenTasks(scope)]);
  const zone = data?.firm.timeZone ?? "UTC";
  const plans = data?.plans ?? [];
  const ctx = { zone, now };
  const firstName = scope.userName.split(" ")[0] || scope.userName;

  const upcoming = interviews
    .filter((i) => i.status === "scheduled" && i.startsAt.getTime() > now.getTime())
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const past = interviews.filter((i) => !upcoming.includes(i));
  const steps = nextSteps(plans);
  const planOf = new Map(plans.map((p) => [p.interview.id, p]));

  return (
    <div className="flex flex-col gap-8">
      <PageHeader
        className="mb-0"
        title="My interviews"
        description={`Hello ${firstName}. Here is what to do next, and what is coming up.`}
      />

      <section aria-labelledby="next-title" className="flex flex-col gap-3">
        <SectionTitle id="next-title">Your next steps</SectionTitle>
        {steps.length === 0 && handMade.length === 0 ? (
          <p className="rounded-lg border border-dashed border-border-strong px-4 py-5 text-sm text-muted-foreground">
            Nothing to do right now. You are waiting on the employers, and your recruiter follows up with them.
          </p>
        ) : (
          <ul className="divide-y divide-border overflow-hidden rounded-lg border border-border bg-card shadow-xs">
            {steps.map((item) => {
              const { step, plan } = item;
              const timing = stepTiming(step, ctx);
              const pill =
                step.state === "overdue"
                  ? ({ state: "overdue", label: "Overdue" } as const)
                  : step.state === "due"
                    ? ({ state: "due", label: step.kind === "call" ? "Allowed now" : "Due" } as const)
                    : ({ state: "not_allowed", label: "Not yet" } as const);
              return (
                <li key={`${plan.interview.id}-${step.key}`}>
                  <Link
                    href={stepHref(item)}
                    className="flex min-h-16 items-center gap-3 px-4 py-3 transition-colors hover:bg-hover focus-visible:bg-hover"
                  >
                    <span className="min-w-0 flex-1 space-y-1">
                      <span className="flex flex-wrap items-center gap-2">
                        <span className="font-medium">{step.title}</span>
                        <StatusPill state={pill.state}>{pill.label}</StatusPill>
                      </span>
                      <span className="block text-sm text-muted-foreground">
                        {plan.interview.clientName} · {kindLabel(plan.interview.kind)}
                      </span>
                      {timing ? (
                        <span
                          className={cn(
                            "block text-sm font-medium",
                            step.state === "overdue" && "text-overdue-foreground",
                            step.state === "due" && "text-due-foreground",
                          )}
                        >
                          {timing}
                        </span>
                      ) : null}
                    </span>
                    <ChevronRight aria-hidden="true" className="size-5 shrink-0 text-muted-foreground" />
                  </Link>
                </li>
              );
            })}
            {handMade.map((t) => (
              <li key={t.id} className="flex min-h-16 flex-col justify-center gap-1 px-4 py-3">
                <span className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{t.title}</span>
                  {t.dueAt ? (
                    <StatusPill state={t.dueAt.getTime() < now.getTime() ? "overdue" : "due"}>
                      {t.dueAt.getTime() < now.getTime() ? "Overdue" : "Due"}
                    </StatusPill>
                  ) : null}
                </span>
                {t.details ? <span className="text-sm text-muted-foreground">{t.details}</span> : null}
                {t.dueAt ? (
                  <span className="text-sm font-medium">
                    {t.dueAt.getTime() < now.getTime()
                      ? `Was due ${whenLabel(t.dueAt, zone, now)}`
                      : `Due ${dayLabel(t.dueAt, zone, now)} by ${timeLabel(t.dueAt, zone)}`}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {plans.length > 0 ? (
        <section aria-labelledby="plans-title" className="flex flex-col gap-3">
          <div className="flex items-center justify-between gap-3">
            <SectionTitle id="plans-title">Follow-up plans</SectionTitle>
            <Link href="/my/plan" className="inline-flex min-h-11 items-center text-sm font-medium text-accent-text underline-offset-4 hover:underline">
              See all
            </Link>
          </div>
          <ul className="grid gap-3 sm:grid-cols-2">
            {plans.map((plan) => (
              <li key={plan.interview.id}>
                <Link
                  href={`/my/plan/${plan.interview.id}`}
                  className="flex h-full flex-col gap-2 rounded-lg border border-border bg-card p-4 shadow-xs transition-colors hover:bg-hover"
                >
                  <span className="font-medium">
                    {plan.interview.clientName} <span className="font-normal text-muted-foreground">· {plan.interview.jobTitle}</span>
                  </span>
                  <span className="text-xs text-muted-foreground">
                    After the {kindLabel(plan.interview.kind).toLowerCase()}, {longDay(plan.interview.startsAt, zone)}
                  </span>
                  <ul className="list-disc space-y-0.5 pl-5 text-sm">
                    {planSummary(plan, ctx).map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="upcoming-title" className="flex flex-col gap-3">
        <SectionTitle id="upcoming-title" count={upcoming.length}>
          Upcoming
        </SectionTitle>
        {upcoming.length === 0 ? (
          <p className="text-sm text-muted-foreground">No interviews scheduled. Your recruiter adds them here as they are booked.</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {upcoming.map((i) => (
              <li key={i.id} className="rounded-lg border border-border bg-card p-4 shadow-xs">
                <p className="font-medium">
                  {kindLabel(i.kind)} at {i.clientName}
                </p>
                <p className="text-sm text-muted-foreground">{i.jobTitle}</p>
                <p className="mt-2 flex items-center gap-1.5 text-sm font-medium">
                  <CalendarDays aria-hidden="true" className="size-4 text-muted-foreground" />
                  {whenLabel(i.startsAt, zone, now)}
                  <span className="font-normal text-muted-foreground">
                    ({Math.round((i.endsAt.getTime() - i.startsAt.getTime()) / 60_000)} min)
                  </span>
                </p>
                {i.location ? (
                  <p className="mt-1 flex items-center gap-1.5 text-sm">
                    <MapPin aria-hidden="true" className="size-4 text-muted-foreground" /> {i.location}
                  </p>
                ) : null}
                {i.videoUrl ? (
                  <p className="mt-1 text-sm">
                    <a href={i.videoUrl} className="inline-flex min-h-11 items-center gap-1.5 font-medium text-accent-text underline-offset-4 hover:underline" rel="noreferrer" target="_blank">
                      <Video aria-hidden="true" className="size-4" /> Join the video call
                    </a>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="past-title" className="flex flex-col gap-3">
        <SectionTitle id="past-title" count={past.length}>
          Past interviews
        </SectionTitle>
        {past.length === 0 ? (
          <EmptyState
            icon={<CalendarDays />}
            title="No interviews yet"
            description="After each interview you file a short debrief here, and get a plan for what to do next."
          />
        ) : (
          <ul className="divide-y divide-border overflow-hidden rounded-lg border border-border bg-card shadow-xs">
            {past.map((i) => (
              <PastInterview key={i.id} interview={i} hasPlan={planOf.has(i.id)} zone={zone} now={now} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function PastInterview({ interview: i, hasPlan, zone, now }: { interview: MyInterview; hasPlan: boolean; zone: string; now: Date }) {
  const state = debriefStateOf(i, now);
  const pill = DEBRIEF_STATE_PILL[state];
  const action =
    state === "due" ? "File debrief" : state === "draft" ? "Finish debrief" : state === "submitted" ? "View or amend" : null;
  return (
    <li className="flex flex-col gap-3 px-4 py-4 sm:flex-row sm:items-center">
      <div className="min-w-0 flex-1 space-y-1">
        <p className="flex flex-wrap items-center gap-2">
          <span className="font-medium">
            {kindLabel(i.kind)} at {i.clientName}
          </span>
          <StatusPill state={pill.state}>{pill.label}</StatusPill>
        </p>
        <p className="text-sm text-muted-foreground">
          {i.jobTitle} · {longDay(i.startsAt, zone)}
        </p>
      </div>
      {action || hasPlan ? (
        <div className="flex flex-wrap gap-2">
          {action ? (
            <Button asChild variant={state === "submitted" ? "outline" : "default"} size="lg" className="h-11">
              <Link href={`/my/interviews/${i.id}/debrief`}>
                {action}
                <span className="sr-only"> for the {kindLabel(i.kind).toLowerCase()} at {i.clientName}</span>
              </Link>
            </Button>
          ) : null}
          {hasPlan ? (
            <Button asChild variant="ghost" size="lg" className="h-11">
              <Link href={`/my/plan/${i.id}`}>
                Plan<span className="sr-only"> after the {kindLabel(i.kind).toLowerCase()} at {i.clientName}</span>
              </Link>
            </Button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
