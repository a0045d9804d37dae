import { Ban, CalendarPlus, Check, Clock, Hourglass, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { Alert, AlertDescription } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { StatusPill } from "@/app/_components/ui/status-pill";
import { AcceptInvitationForm, LogCallForm, ThankYouForm } from "@/app/(candidate)/my/plan/plan-forms";
import { ThankYouDraftActions } from "@/app/(candidate)/my/plan/thank-you-draft";
import type { CandidatePlan, CandidateStep } from "@/lib/plans/candidate-plan";
import { cn } from "@/lib/core/utils";
import { kindLabel, longDay, toLocalInput } from "./format";
import { DONT_KINDS, pillFor, planSummary, stepTiming, type Ctx } from "./plan-text";

/**
 * A follow-up plan as the candidate sees it: what to do (dated, with the
 * reason), what not to do, and the wait. Only the candidate's own steps; the
 * recruiter's work and the client's feedback never appear here.
 */

function StepIcon({ step }: { step: CandidateStep }) {
  const base = "mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-full border [&_svg]:size-4";
  if (DONT_KINDS.has(step.kind)) {
    return (
      <span aria-hidden="true" className={cn(base, "border-not-allowed-border bg-not-allowed-subtle text-not-allowed-foreground")}>
        <Ban />
      </span>
    );
  }
  switch (step.state) {
    case "done":
      return (
        <span aria-hidden="true" className={cn(base, "border-done-border bg-done-subtle text-done-foreground")}>
          <Check />
        </span>
      );
    case "overdue":
      return (
        <span aria-hidden="true" className={cn(base, "border-overdue-border bg-overdue-subtle text-overdue-foreground")}>
          <TriangleAlert />
        </span>
      );
    case "due":
      return (
        <span aria-hidden="true" className={cn(base, "border-due-border bg-due-subtle text-due-foreground")}>
          <Clock />
        </span>
      );
    default:
      return (
        <span aria-hidden="true" className={cn(base, "border-border-strong text-muted-foreground")}>
          <Hourglass />
        </span>
      );
  }
}

/** What the thank-you draft quotes from the candidate's own debrief (rule 2), beside what the plan knows. */
export type NoteFacts = { wentWell: string; candidateName?: string };

function StepItem({ step, plan, ctx, noteFacts }: { step: CandidateStep; plan: CandidatePlan; ctx: Ctx; noteFacts?: NoteFacts }) {
  const pill = pillFor(step);
  const timing = stepTiming(step, ctx);
  const person = step.thankYou;
  const open = step.state === "due" || step.state === "overdue";
  return (
    <li id={`step-${plan.interview.id}-${step.key.replace(/[^a-zA-Z0-9_-]/g, "-")}`} className="flex gap-3 py-4 first:pt-1 last:pb-1">
      <StepIcon step={step} />
      <div className="min-w-0 flex-1 space-y-2">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <p className="font-semibold leading-6">{step.title}</p>
          <StatusPill state={pill.state}>{pill.label}</StatusPill>
        </div>
        {timing ? (
          <p
            className={cn(
              "text-sm font-medium",
              step.state === "overdue" && "text-overdue-foreground",
              step.state === "due" && "text-due-foreground",
            )}
          >
            {timing}
          </p>
        ) : null}
        <p className="text-sm text-muted-foreground">{step.reason}</p>

        {person && open ? (
          <ThankYouDraftActions
            email={person.email}
            facts={{
              personName: person.personName,
              jobTitle: plan.interview.jobTitle,
              clientName: plan.interview.clientName,
              interviewDay: longDay(plan.interview.startsAt, ctx.zone),
              wentWell: noteFacts?.wentWell ?? "",
              notMentioned: step.suggestions.join("\n"),
              candidateName: noteFacts?.candidateName,
            }}
          />
        ) : null}
        {step.kind === "thank_you" && open && step.suggestions.length > 0 ? (
          <div className="rounded-md bg-subtle px-3 py-2 text-sm">
            <p className="font-medium">Worth adding to your note:</p>
            <ul className="mt-1 list-disc space-y-0.5 pl-5">
              {step.suggestions.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {person && plan.debriefState !== "cancelled" ? (
          <ThankYouForm
            interviewId={plan.interview.id}
            personId={person.personId}
            contactId={person.contactId}
            personName={person.personName}
            sent={step.state === "done"}
          />
        ) : null}
        {step.kind === "debrief" && step.state !== "done" ? (
          <Button asChild size="lg" className="h-11">
            <Link href={`/my/interviews/${plan.interview.id}/debrief`}>
              {plan.debriefState === "draft" ? "Finish your debrief" : "File your debrief"}
            </Link>
          </Button>
        ) : null}
        {step.kind === "accept_invitation" && open ? <AcceptInvitationForm interviewId={plan.interview.id} /> : null}
      </div>
    </li>
  );
}

export function PlanView({
  plan,
  zone,
  zoneLabel,
  now,
  headingLevel = 2,
  linkToPlan = false,
  noteFacts,
}: {
  plan: CandidatePlan;
  zone: string;
  zoneLabel: string;
  now: Date;
  headingLevel?: 2 | 3;
  linkToPlan?: boolean;
  /** For the thank-you drafts; without it the draft leaves out what went well. */
  noteFacts?: NoteFacts;
}) {
  const ctx = { zone, now };
  const todo = plan.steps.filter((s) => !DONT_KINDS.has(s.kind) && s.kind !== "wait");
  const donts = plan.steps.filter((s) => DONT_KINDS.has(s.kind));
  const wait = plan.steps.find((s) => s.kind === "wait");
  const call = plan.steps.find((s) => s.kind === "call");
  const Heading = `h${headingLevel}` as const;
  const Sub = `h${headingLevel + 1}` as "h3" | "h4";
  const iv = plan.interview;
  const titleId = `plan-${iv.id}-title`;
  const pending = todo.filter((s) => s.state === "due" || s.state === "overdue").length;

  return (
    <section aria-labelledby={titleId} className="rounded-lg border border-border bg-card shadow-xs">
      <header className="flex flex-col gap-2 border-b border-border px-4 py-4 sm:flex-row sm:items-start sm:justify-between sm:px-5">
        <div className="min-w-0 space-y-0.5">
          <Heading id={titleId} className="text-base font-semibold tracking-tight">
            {kindLabel(iv.kind)} at {iv.clientName}
          </Heading>
          <p className="text-sm text-muted-foreground">
            {iv.jobTitle} · {longDay(iv.startsAt, zone)}
          </p>
          <p className="pt-1 text-sm font-medium">
            <span className="sr-only">Now: </span>
            {planSummary(plan, ctx).join(" · ")}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {linkToPlan ? (
            <Button asChild variant="outline" size="lg" className="h-11">
              <Link href={`/my/plan/${iv.id}`}>
                Open plan<span className="sr-only"> for {iv.clientName}</span>
              </Link>
            </Button>
          ) : null}
          <Button asChild variant="ghost" size="lg" className="h-11">
            <a href={`/my/plan/ics?interview=${iv.id}`} download>
              <CalendarPlus aria-hidden="true" /> Add to calendar
              <span className="sr-only"> (the {iv.clientName} plan, an .ics file)</span>
            </a>
          </Button>
        </div>
      </header>

      <div className="flex flex-col gap-5 px-4 py-4 sm:px-5">
        {plan.notices.map((n) => (
          <Alert key={n} variant="warning">
            <AlertDescription>{n}</AlertDescription>
          </Alert>
        ))}

        <div>
          <Sub className="text-sm font-semibold text-muted-foreground">
            {pending > 0 ? "To do" : "Done so far"}
          </Sub>
          <ol className="divide-y divide-border">
            {todo.map((s) => (
              <StepItem key={s.key} step={s} plan={plan} ctx={ctx} noteFacts={noteFacts} />
            ))}
          </ol>
        </div>

        {donts.length > 0 ? (
          <div>
            <Sub className="text-sm font-semibold text-muted-foreground">Don&apos;t</Sub>
            <ul className="divide-y divide-border">
              {donts.map((s) => (
                <StepItem key={s.key} step={s} plan={plan} ctx={ctx} />
              ))}
            </ul>
          </div>
        ) : null}

        {wait ? (
          <div>
            <Sub className="text-sm font-semibold text-muted-foreground">Then</Sub>
            <ul>
              <StepItem step={wait} plan={plan} ctx={ctx} />
            </ul>
          </div>
        ) : null}

        {plan.debriefState !== "cancelled" && plan.debriefState !== "upcoming" ? (
          <LogCallForm
            interviewId={iv.id}
            targets={plan.callTargets}
            defaultWhen={toLocalInput(now, zone)}
            zoneLabel={zoneLabel}
            callAllowed={call?.state === "due"}
          />
        ) : null}
      </div>
    </section>
  );
}
