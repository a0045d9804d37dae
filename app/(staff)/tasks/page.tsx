import type { Metadata } from "next";
import Link from "next/link";
import { ListChecks } from "lucide-react";
import { findTasks, listTaskAssignees, type TaskRow } from "@/db/queries/tasks";
import { getFirmClock } from "@/db/queries/dashboard";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { PageHeader } from "@/app/_components/ui/page-header";
import { StatusPill } from "@/app/_components/ui/status-pill";
import { dueLabel, momentLabel, overdueLabel, ruleLabel } from "@/app/(staff)/_components/review/format";
import { SegmentedLinks, TabLinks } from "@/app/(staff)/_components/review/view-toggle";
import { requireScope } from "@/lib/auth/scope";
import { toLocalDateTimeValue } from "@/lib/core/validation/feedback";
import { taskListParamsSchema } from "@/lib/core/validation/tasks";
import { countLabel } from "@/lib/core/utils";
import { NewTaskDialog, ReassignTaskDialog, TaskAssignees, TaskStateButtons } from "./task-forms";

export const metadata: Metadata = { title: "Tasks" };

const PAGE_SIZE = 50;

export default async function TasksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requireScope("tasks.read");
  const params = taskListParamsSchema.parse(await searchParams);
  const now = new Date();
  const [result, assignees, clock] = await Promise.all([
    findTasks(scope, { view: params.view, tab: params.tab, page: params.page, ownerUserId: params.owner, now, limit: PAGE_SIZE }),
    listTaskAssignees(scope),
    getFirmClock(scope),
  ]);
  const zone = clock?.timeZone ?? "UTC";
  const href = (p: Partial<typeof params>) => {
    const q = new URLSearchParams();
    const merged = { ...params, ...p };
    if (merged.view !== "mine") q.set("view", merged.view);
    if (merged.tab !== "overdue") q.set("tab", merged.tab);
    if (merged.page > 1) q.set("page", String(merged.page));
    if (merged.owner && merged.view === "everyone") q.set("owner", merged.owner);
    const s = q.toString();
    return s ? `/tasks?${s}` : "/tasks";
  };
  const defaultDue = toLocalDateTimeValue(new Date(now.getTime() + 24 * 3_600_000), zone).slice(0, 11) + "17:00";

  return (
    <div className="flex flex-col gap-5">
      <PageHeader
        title="Tasks"
        description="Next steps the team owes, made by hand or by the follow-up policy (those show their rule)."
        actions={
          <>
            <SegmentedLinks
              label="Whose tasks"
              items={[
                { href: href({ view: "mine", page: 1, owner: undefined }), label: "Mine", current: params.view === "mine" },
                { href: href({ view: "everyone", page: 1 }), label: "Everyone's", current: params.view === "everyone" },
              ]}
            />
            {scope.role !== "candidate" ? (
              <NewTaskDialog assignees={assignees} me={scope.userId} timeZone={zone} defaultDue={defaultDue} />
            ) : null}
          </>
        }
        className="mb-0"
      />
      <TabLinks
        label="Task states"
        items={[
          { href: href({ tab: "overdue", page: 1 }), label: "Overdue", count: result.counts.overdue.total, countCapped: result.counts.overdue.totalCapped, current: params.tab === "overdue", tone: "overdue" },
          { href: href({ tab: "due", page: 1 }), label: "Due", count: result.counts.due.total, countCapped: result.counts.due.totalCapped, current: params.tab === "due", tone: "due" },
          { href: href({ tab: "done", page: 1 }), label: "Done", count: result.counts.done.total, countCapped: result.counts.done.totalCapped, current: params.tab === "done", tone: "done" },
        ]}
      />
      {params.view === "everyone" ? (
        <form className="flex flex-wrap items-end gap-2" action="/tasks">
          <input type="hidden" name="view" value="everyone" />
          {params.tab !== "overdue" ? <input type="hidden" name="tab" value={params.tab} /> : null}
          <label className="flex flex-col gap-1 text-sm font-medium">
            Owner
            <select
              name="owner"
              defaultValue={params.owner ?? ""}
              className="h-(--control-h) min-w-48 rounded-md border border-input bg-background px-2 text-sm"
            >
              <option value="">Everyone</option>
              {assignees.map((a) => (
                <option key={a.userId} value={a.userId}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
          <Button type="submit" variant="outline">
            Filter
          </Button>
        </form>
      ) : null}

      {result.rows.length === 0 ? (
        <EmptyState
          icon={<ListChecks />}
          title={params.tab === "overdue" ? "Nothing overdue" : params.tab === "due" ? "Nothing due" : "Nothing done yet"}
          description={
            params.tab === "overdue"
              ? "Every open task is on time. Tasks past their due time show up here in red."
              : params.tab === "due"
                ? "No open tasks ahead. New ones come from the follow-up policy as interviews happen, or add one by hand."
                : "Tasks marked done or skipped show up here."
          }
        />
      ) : (
        <section aria-label={`${params.tab} tasks`}>
          <TaskAssignees assignees={assignees}>
            <ul className="divide-y divide-border rounded-lg border border-border bg-card">
              {result.rows.map((t) => (
                <TaskItem key={t.id} task={t} now={now} zone={zone} showOwner={params.view === "everyone"} />
              ))}
            </ul>
          </TaskAssignees>
          {result.pages > 1 ? (
            <nav aria-label="Pages" className="mt-3 flex items-center justify-between text-sm text-muted-foreground">
              <span>
                {result.totalCapped
                  ? `Page ${result.page} · ${countLabel(result.total, true)} tasks`
                  : `Page ${result.page} of ${result.pages} · ${countLabel(result.total)} tasks`}
              </span>
              <span className="flex gap-2">
                {result.page > 1 ? (
                  <Button asChild variant="outline" size="sm">
                    <Link href={href({ page: result.page - 1 })}>Previous</Link>
                  </Button>
                ) : null}
                {result.page < result.pages ? (
                  <Button asChild variant="outline" size="sm">
                    <Link href={href({ page: result.page + 1 })}>Next</Link>
                  </Button>
                ) : null}
              </span>
            </nav>
          ) : null}
        </section>
      )}
    </div>
  );
}

function TaskItem({
  task: t,
  now,
  zone,
  showOwner,
}: {
  task: TaskRow;
  now: Date;
  zone: string;
  showOwner: boolean;
}) {
  const overdue = t.state === "open" && t.dueAt !== null && t.dueAt.getTime() < now.getTime();
  const pill =
    t.state === "done" ? (
      <StatusPill state="done">Done</StatusPill>
    ) : t.state === "skipped" ? (
      <StatusPill state="not_allowed">Skipped</StatusPill>
    ) : overdue ? (
      <StatusPill state="overdue">Overdue</StatusPill>
    ) : t.dueAt ? (
      <StatusPill state="due">Due</StatusPill>
    ) : (
      <StatusPill state="neutral">Open</StatusPill>
    );
  const when =
    t.state !== "open"
      ? t.completedAt
        ? `${t.state === "done" ? "done" : "skipped"} ${momentLabel(t.completedAt, zone)}`
        : ""
      : t.dueAt
        ? overdue
          ? `${overdueLabel(t.dueAt, now, zone)} · was due ${momentLabel(t.dueAt, zone)}`
          : dueLabel(t.dueAt, now, zone)
        : "no deadline";
  const about = t.interviewId ? `/interviews/${t.interviewId}` : t.candidateId ? `/candidates/${t.candidateId}` : null;
  return (
    <li id={`task-${t.id}`} className="flex flex-col gap-2 px-4 py-2.5 target:bg-accent-subtle sm:flex-row sm:items-center sm:gap-4">
      <div className="flex min-w-0 flex-1 items-start gap-3">
        <div className="hidden w-[5.75rem] shrink-0 pt-0.5 sm:block">{pill}</div>
        <div className="min-w-0 flex-1 space-y-0.5">
          <p className="flex flex-wrap items-center gap-x-2 gap-y-1 font-medium">
            <span>{t.title}</span>
            {t.rule ? (
              <Badge variant="accent" title="Created by the firm's follow-up policy">
                {ruleLabel(t.rule)} · policy
              </Badge>
            ) : null}
          </p>
          {t.details ? <p className="line-clamp-1 text-[0.8125rem] text-muted-foreground" title={t.details}>{t.details}</p> : null}
          <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-[0.8125rem] text-muted-foreground">
            <span className="sm:hidden">{pill}</span>
            {t.candidateName ? (
              about ? (
                <Link href={about} className="text-accent-text hover:underline">
                  {t.candidateName}
                  {t.clientName ? ` · ${t.clientName}` : ""}
                </Link>
              ) : (
                <span>{t.candidateName}</span>
              )
            ) : null}
            <span className={overdue ? "font-medium text-overdue-foreground" : undefined}>{when}</span>
            {showOwner ? <span>· {t.ownerName ?? "Unassigned"}</span> : null}
          </p>
        </div>
      </div>
      <div className="flex shrink-0 flex-wrap items-center justify-end gap-1.5 sm:w-auto">
        <TaskStateButtons id={t.id} version={t.version} title={t.title} state={t.state} />
        {t.state === "open" ? (
          <ReassignTaskDialog id={t.id} version={t.version} title={t.title} ownerUserId={t.ownerUserId} />
        ) : null}
      </div>
    </li>
  );
}
