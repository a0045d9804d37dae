import { ArrowRight, CalendarClock, ClipboardCheck, FileText, ListChecks, MessageSquareQuote, UserPlus } from "lucide-react";
import Link from "next/link";
import type { TimelineEvent } from "@/db/queries/candidate-timeline";
import { StatusPill, type Status } from "@/app/_components/ui/status-pill";
import { cn } from "@/lib/core/utils";
import { formatDateTime, formatTimeRange } from "../../_components/format";
import { InterviewStatusBadge, StageBadge } from "../../_components/stage-badge";
import { INTERVIEW_KIND_LABELS } from "@/lib/core/vocabulary";

export const TIMELINE_FILTERS = [
  { value: "all", label: "Everything" },
  { value: "stage", label: "Stages" },
  { value: "interview", label: "Interviews" },
  { value: "debrief", label: "Debriefs" },
  { value: "feedback", label: "Feedback" },
  { value: "task", label: "Next steps" },
] as const;
export type TimelineFilter = (typeof TIMELINE_FILTERS)[number]["value"];

const RECOMMENDATION: Record<string, string> = {
  strong_yes: "Strong yes",
  yes: "Yes",
  no: "No",
  definitely_not: "Definitely not",
  no_decision: "No decision yet",
};
const DECISION: Record<string, string> = { next_round: "Next round", offer: "Offer", hold: "On hold", reject: "Reject" };
const DEBRIEF: Record<string, { label: string; status: Status }> = {
  draft: { label: "Draft", status: "neutral" },
  submitted: { label: "Submitted", status: "info" },
  amended: { label: "Amended", status: "info" },
  reviewed: { label: "Reviewed", status: "done" },
};

export function taskStatus(e: Extract<TimelineEvent, { kind: "task" }>, now: Date): { status: Status; label: string } {
  if (e.state === "done") return { status: "done", label: "Done" };
  if (e.state === "skipped") return { status: "not_allowed", label: "Skipped" };
  if (e.dueAt && e.dueAt.getTime() < now.getTime()) return { status: "overdue", label: "Overdue" };
  if (e.dueAt && e.dueAt.getTime() - now.getTime() < 24 * 3600_000) return { status: "due", label: "Due" };
  return { status: "neutral", label: "Open" };
}

const ICONS = {
  stage: ArrowRight,
  interview: CalendarClock,
  debrief: FileText,
  feedback: MessageSquareQuote,
  task: ListChecks,
} as const;

/**
 * Everything about the candidate in one list, newest first: stage changes,
 * interviews, debrief states, interviewer feedback and next steps.
 */
export function Timeline({ events, zone, now }: { events: TimelineEvent[]; zone: string; now: Date }) {
  if (events.length === 0) {
    return <p className="text-sm text-muted-foreground">Nothing here yet.</p>;
  }
  return (
    <ol className="relative flex flex-col gap-0 border-l border-border pl-5">
      {events.map((e) => {
        const Icon = e.kind === "stage" && e.from === null ? UserPlus : e.kind === "debrief" && e.state === "reviewed" ? ClipboardCheck : ICONS[e.kind];
        const future = e.at.getTime() > now.getTime();
        return (
          <li key={`${e.kind}-${e.id}`} className="relative pb-5 last:pb-0" data-kind={e.kind}>
            <span
              aria-hidden="true"
              className={cn(
                "absolute top-0 -left-[1.95rem] flex size-6 items-center justify-center rounded-full border border-border bg-card text-muted-foreground",
                future && "border-accent-border text-accent-text",
              )}
            >
              <Icon className="size-3.5" />
            </span>
            <div className="flex flex-col gap-0.5">
              <p className="text-xs text-muted-foreground">
                <time dateTime={e.at.toISOString()}>{formatDateTime(e.at, zone)}</time>
                {future ? <span className="ml-1.5 font-medium text-accent-text">Upcoming</span> : null}
              </p>
              <EventBody event={e} zone={zone} now={now} />
              {e.jobTitle ? (
                <p className="text-xs text-muted-foreground">
                  <Link href={`/jobs/${e.jobId}`} className="hover:underline">
                    {e.jobTitle}
                  </Link>{" "}
                  at {e.clientName}
                </p>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

function EventBody({ event: e, zone, now }: { event: TimelineEvent; zone: string; now: Date }) {
  switch (e.kind) {
    case "stage":
      return e.from === null ? (
        <p className="text-sm">
          Put forward as <StageBadge stage={e.to} />
          {e.by ? <span className="text-muted-foreground"> by {e.by}</span> : null}
        </p>
      ) : (
        <div className="text-sm">
          <p className="flex flex-wrap items-center gap-1.5">
            Moved <StageBadge stage={e.from} />
            <ArrowRight aria-hidden="true" className="size-3.5 text-muted-foreground" />
            <span className="sr-only"> to </span>
            <StageBadge stage={e.to} />
            {e.by ? <span className="text-muted-foreground">by {e.by}</span> : null}
          </p>
          {e.reason ? <p className="mt-0.5 text-[0.8125rem] text-muted-foreground">“{e.reason}”</p> : null}
        </div>
      );
    case "interview":
      return (
        <p className="flex flex-wrap items-center gap-1.5 text-sm">
          <Link href={`/interviews/${e.interviewId}`} className="font-medium hover:underline">
            {INTERVIEW_KIND_LABELS[e.interviewKind]} interview
          </Link>
          <span className="text-muted-foreground">{formatTimeRange(e.at, e.endsAt, zone)}</span>
          <InterviewStatusBadge status={e.status} />
        </p>
      );
    case "debrief": {
      const d = DEBRIEF[e.state]!;
      return (
        <p className="flex flex-wrap items-center gap-1.5 text-sm">
          <Link href={`/interviews/${e.interviewId}`} className="font-medium hover:underline">
            Debrief of the {INTERVIEW_KIND_LABELS[e.interviewKind].toLowerCase()} interview
          </Link>
          <StatusPill state={d.status}>{d.label}</StatusPill>
        </p>
      );
    }
    case "feedback":
      return (
        <p className="flex flex-wrap items-center gap-1.5 text-sm">
          <Link href={`/interviews/${e.interviewId}`} className="font-medium hover:underline">
            Interviewer feedback{e.contactName ? ` from ${e.contactName}` : ""}
          </Link>
          <span>
            Recommendation: <span className="font-medium">{RECOMMENDATION[e.recommendation] ?? e.recommendation}</span>
            {e.decision ? (
              <>
                {" "}
                · Decision: <span className="font-medium">{DECISION[e.decision] ?? e.decision}</span>
              </>
            ) : null}
          </span>
        </p>
      );
    case "task": {
      const s = taskStatus(e, now);
      return (
        <div className="text-sm">
          <p className="flex flex-wrap items-center gap-1.5">
            <span className="font-medium">{e.title}</span>
            <StatusPill state={s.status}>{s.label}</StatusPill>
          </p>
          <p className="text-xs text-muted-foreground">
            {e.ownerKind === "candidate" ? "Owed by the candidate" : `Owed by ${e.ownerName ?? "a recruiter"}`}
            {e.dueAt ? ` · due ${formatDateTime(e.dueAt, zone)}` : ""}
            {e.interviewId ? (
              <>
                {" · "}
                <Link href={`/interviews/${e.interviewId}`} className="hover:underline">
                  interview
                </Link>
              </>
            ) : null}
          </p>
        </div>
      );
    }
  }
}

