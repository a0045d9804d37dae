import Link from "next/link";
import { LINK_STATE_LABELS } from "../interviews/[id]/link-state";
import { CalendarX2, CheckCheck, FileClock, FileText, ListChecks, MessageSquareWarning, PhoneCall, type LucideIcon } from "lucide-react";
import type { QueueItem, QueueKind } from "@/db/queries/dashboard";
import { Badge } from "@/app/_components/ui/badge";
import { StatusPill } from "@/app/_components/ui/status-pill";
import { dueLabel, overdueLabel, relativeDay, ruleLabel, timeLabel } from "@/app/(staff)/_components/review/format";
import { cn } from "@/lib/core/utils";
import { TaskStateButtons } from "../tasks/task-forms";

export const KIND_META: Record<QueueKind, { label: string; short: string; icon: LucideIcon }> = {
  debrief_to_review: { label: "Debriefs to review", short: "Debrief to review", icon: FileText },
  debrief_missing: { label: "No debrief yet", short: "No debrief yet", icon: FileClock },
  feedback_overdue: { label: "Client feedback overdue", short: "Feedback overdue", icon: MessageSquareWarning },
  decision_overdue: { label: "Decisions overdue", short: "Decision overdue", icon: CalendarX2 },
  repeat_calls: { label: "Repeat calls", short: "Called again", icon: PhoneCall },
  task: { label: "Tasks due", short: "Task", icon: ListChecks },
};

function when(item: QueueItem, now: Date, zone: string) {
  if (item.kind === "repeat_calls" && item.dueAt) {
    return <StatusPill state="overdue">Last call {relativeDay(item.dueAt, now, zone)}</StatusPill>;
  }
  if (!item.dueAt) return <StatusPill state="neutral">No deadline</StatusPill>;
  if (item.state === "overdue") return <StatusPill state="overdue">{overdueLabel(item.dueAt, now, zone)}</StatusPill>;
  if (item.state === "due") return <StatusPill state="due">Due {timeLabel(item.dueAt, zone)}</StatusPill>;
  return <StatusPill state="neutral">{dueLabel(item.dueAt, now, zone).replace(/^due/, "Due")}</StatusPill>;
}

export function QueueRow({ item, now, zone, showOwner }: { item: QueueItem; now: Date; zone: string; showOwner: boolean }) {
  const meta = KIND_META[item.kind];
  const Icon = meta.icon;
  const tone =
    item.state === "overdue"
      ? "bg-overdue-subtle text-overdue-foreground"
      : item.state === "due"
        ? "bg-due-subtle text-due-foreground"
        : "bg-muted text-muted-foreground";
  const taskOnly = item.kind === "task" && item.taskId && item.taskVersion;
  return (
    <li className="group relative flex gap-3 px-4 py-2.5 hover:bg-hover/50 has-[a:focus-visible]:bg-hover/50" data-kind={item.kind} data-state={item.state}>
      <span aria-hidden="true" className={cn("mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-md [&_svg]:size-4", tone)}>
        <Icon />
      </span>
      <div className="min-w-0 flex-1">
        <div className="flex flex-col gap-1 sm:flex-row sm:items-start sm:justify-between sm:gap-3">
          <p className="min-w-0 leading-5">
            <Link href={item.href} className="font-medium text-foreground underline-offset-2 hover:underline">
              {item.title}
            </Link>
          </p>
          <div className="shrink-0">{when(item, now, zone)}</div>
        </div>
        <p className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-[0.8125rem] leading-5 text-muted-foreground">
          <span className="sr-only">{meta.short}. </span>
          {item.detail ? <span className="min-w-0">{item.detail}</span> : null}
          {item.rule ? <Badge variant="outline">{ruleLabel(item.rule)}</Badge> : null}
          {item.linkState ? <Badge variant={item.linkState === "opened" ? "accent" : "neutral"}>{item.linkState === "answered" ? "Link answered" : LINK_STATE_LABELS[item.linkState]}</Badge> : null}
          {showOwner && item.ownerName ? <span>· {item.ownerName}</span> : null}
        </p>
      </div>
      {taskOnly ? (
        <div className="shrink-0 self-center">
          <TaskStateButtons id={item.taskId!} version={item.taskVersion!} title={item.title} state="open" compact />
        </div>
      ) : null}
    </li>
  );
}

export function QueueSection({
  title,
  tone,
  items,
  now,
  zone,
  showOwner,
  total,
  visible,
  moreHint,
  id,
}: {
  title: string;
  tone: "overdue" | "due" | "neutral";
  items: QueueItem[];
  now: Date;
  zone: string;
  showOwner: boolean;
  /** Show this many and fold the rest behind a "show more". */
  visible?: number;
  /** How many the section holds: more than `items` when the page lists only the first (a firm-wide queue can hold hundreds). */
  total?: number;
  /** Where the ones not listed can be seen. */
  moreHint?: string;
  id: string;
}) {
  if (items.length === 0) return null;
  const count = Math.max(total ?? 0, items.length);
  const shown = visible ? items.slice(0, visible) : items;
  const rest = visible ? items.slice(visible) : [];
  const unrendered = count - items.length;
  const dot = tone === "overdue" ? "bg-overdue" : tone === "due" ? "bg-due" : "bg-not-allowed";
  return (
    <section aria-labelledby={`${id}-heading`} className="border-t border-border first:border-t-0">
      <h3 id={`${id}-heading`} className="flex items-center gap-2 bg-subtle px-4 py-1.5 text-xs font-semibold tracking-wide text-muted-foreground uppercase">
        <span aria-hidden="true" className={cn("size-2 rounded-full", dot)} />
        {title}
        <span className="font-normal tabular-nums">· {count}</span>
      </h3>
      <ul className="divide-y divide-border">
        {shown.map((item) => (
          <QueueRow key={item.key} item={item} now={now} zone={zone} showOwner={showOwner} />
        ))}
      </ul>
      {rest.length > 0 ? (
        <details className="group/more border-t border-border">
          <summary className="cursor-pointer list-none px-4 py-2 text-[0.8125rem] font-medium text-accent-text hover:underline [&::-webkit-details-marker]:hidden">
            <span className="group-open/more:hidden">
              Show {rest.length} more {title.toLowerCase()}
            </span>
            <span className="hidden group-open/more:inline">Show fewer</span>
          </summary>
          <ul className="divide-y divide-border border-t border-border">
            {rest.map((item) => (
              <QueueRow key={item.key} item={item} now={now} zone={zone} showOwner={showOwner} />
            ))}
          </ul>
        </details>
      ) : null}
      {unrendered > 0 ? (
        <p className="border-t border-border px-4 py-2 text-[0.8125rem] text-muted-foreground">
          {unrendered} more not listed here{moreHint ? `: ${moreHint}` : ""}.
        </p>
      ) : null}
    </section>
  );
}

export function AllClear() {
  return (
    <div className="flex flex-col items-center gap-1 px-6 py-10 text-center">
      <span aria-hidden="true" className="mb-2 flex size-10 items-center justify-center rounded-full bg-done-subtle text-done-foreground">
        <CheckCheck className="size-5" />
      </span>
      <p className="text-[0.9375rem] font-semibold">Nothing needs you right now</p>
      <p className="max-w-sm text-sm text-muted-foreground">
        No debriefs waiting, no late feedback, no tasks due today. New work appears here as interviews happen.
      </p>
    </div>
  );
}
