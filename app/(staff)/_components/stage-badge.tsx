import { cn } from "@/lib/core/utils";
import {
  INTERVIEW_STATUS_LABELS,
  type InterviewStatus as InterviewStatusValue,
  type Stage as StageValue,
  STAGE_LABELS,
} from "@/lib/core/vocabulary";

/**
 * One look per stage, the same on every screen. The text always names the
 * stage: colour is never the only cue. Placed reads as done (green), offer as
 * due (amber), closed stages as not allowed (grey).
 */
const STAGE_CLASSES: Record<StageValue, string> = {
  sourced: "border-border-strong bg-transparent text-muted-foreground",
  submitted: "border-transparent bg-muted text-foreground",
  interviewing: "border-accent-border bg-accent-subtle text-accent-subtle-foreground",
  offer: "border-due-border bg-due-subtle text-due-foreground",
  placed: "border-done-border bg-done-subtle text-done-foreground",
  rejected: "border-not-allowed-border bg-not-allowed-subtle text-not-allowed-foreground",
  withdrawn: "border-not-allowed-border bg-not-allowed-subtle text-not-allowed-foreground",
};

export function StageBadge({ stage, className }: { stage: StageValue; className?: string }) {
  return (
    <span
      data-stage={stage}
      className={cn(
        "inline-flex shrink-0 items-center whitespace-nowrap rounded-md border px-1.5 py-px text-xs font-medium leading-5",
        STAGE_CLASSES[stage],
        className,
      )}
    >
      {STAGE_LABELS[stage]}
    </span>
  );
}

const STATUS_CLASSES: Record<InterviewStatusValue, string> = {
  scheduled: "border-info-border bg-info-subtle text-info-foreground",
  completed: "border-done-border bg-done-subtle text-done-foreground",
  cancelled: "border-not-allowed-border bg-not-allowed-subtle text-not-allowed-foreground",
  no_show: "border-overdue-border bg-overdue-subtle text-overdue-foreground",
};

export function InterviewStatusBadge({ status, className }: { status: InterviewStatusValue; className?: string }) {
  return (
    <span
      data-status={status}
      className={cn(
        "inline-flex shrink-0 items-center whitespace-nowrap rounded-full border px-2 text-xs font-medium leading-5",
        STATUS_CLASSES[status],
        className,
      )}
    >
      {INTERVIEW_STATUS_LABELS[status]}
    </span>
  );
}
