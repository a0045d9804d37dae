import { and, asc, desc, eq, gte, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { AppError } from "@/lib/core/errors";
import { applications, candidates, clients, interviews, jobs, memberships, tasks, users } from "../schema";
import type { TaskOwnerKind, TaskState } from "@/lib/core/vocabulary";
import { boundedCount } from "./keyset";
import { recordAudit } from "./audit";
import { isFirmStaff } from "./jobs";
import { isStaffScope, withTx, type QueryScope } from "./scope";
import { updateVersioned, type RecordKind } from "./versioned";

/**
 * Next steps the firm's recruiters owe: made by hand or by the follow-up
 * policy (those carry their rule, e.g. "rule 1"). Candidates' own steps live
 * in their portal; staff read them but never tick them off for the candidate.
 */

export type TaskView = "mine" | "everyone";
/** overdue: open and past due · due: open, due later or undated · done: done or skipped. */
export type TaskTab = "overdue" | "due" | "done";

export type TaskRow = {
  id: string;
  title: string;
  details: string;
  ownerKind: TaskOwnerKind;
  ownerUserId: string | null;
  ownerName: string | null;
  candidateId: string | null;
  candidateName: string | null;
  applicationId: string | null;
  interviewId: string | null;
  jobTitle: string | null;
  clientName: string | null;
  dueAt: Date | null;
  state: TaskState;
  rule: string | null;
  policyKey: string | null;
  completedAt: Date | null;
  /** Why the plan no longer needs it ("No longer needed: interview cancelled"), when the plan sync skipped it. */
  skipReason: string | null;
  createdAt: Date;
  version: number;
};

const taskColumns = {
  id: tasks.id,
  title: tasks.title,
  details: tasks.details,
  ownerKind: tasks.ownerKind,
  ownerUserId: tasks.ownerUserId,
  ownerName: users.name,
  candidateId: tasks.candidateId,
  candidateName: candidates.name,
  applicationId: tasks.applicationId,
  interviewId: tasks.interviewId,
  jobTitle: jobs.title,
  clientName: clients.name,
  dueAt: tasks.dueAt,
  state: tasks.state,
  rule: tasks.rule,
  policyKey: tasks.policyKey,
  completedAt: tasks.completedAt,
  skipReason: tasks.skipReason,
  createdAt: tasks.createdAt,
  version: tasks.version,
};

const taskKind: RecordKind<{ id: string }> = { table: tasks, columns: { id: tasks.id }, entityType: "task" };

function selectTasks(scope: QueryScope) {
  return scope.db
    .select(taskColumns)
    .from(tasks)
    .leftJoin(users, eq(users.id, tasks.ownerUserId))
    .leftJoin(candidates, and(eq(candidates.firmId, tasks.firmId), eq(candidates.id, tasks.candidateId)))
    .leftJoin(applications, and(eq(applications.firmId, tasks.firmId), eq(applications.id, tasks.applicationId)))
    .leftJoin(jobs, and(eq(jobs.firmId, applications.firmId), eq(jobs.id, applications.jobId)))
    .leftJoin(clients, and(eq(clients.firmId, jobs.firmId), eq(clients.id, jobs.clientId)));
}

function tabWhere(tab: TaskTab, now: Date): SQL {
  if (tab === "overdue") return and(eq(tasks.state, "open"), lt(tasks.dueAt, now))!;
  if (tab === "due") return and(eq(tasks.state, "open"), or(isNull(tasks.dueAt), gte(tasks.dueAt, now)))!;
  return inArray(tasks.state, ["done", "skipped"]);
}

export interface TaskFilter {
  view?: TaskView;
  tab?: TaskTab;
  /** Only tasks of this recruiter (in "everyone"). */
  ownerUserId?: string;
  /** Only tasks about this candidate. */
  candidateId?: string;
  now?: Date;
  page?: number;
  limit?: number;
}

const NO_COUNT = { total: 0, totalCapped: false };

/**
 * One page of recruiter tasks, with the count of each tab for the same view,
 * each counted up to `COUNT_CAP` ("1,000+"): a big firm's done tab holds its
 * whole history, which no page needs counted.
 */
export async function findTasks(scope: QueryScope, filter: TaskFilter = {}) {
  const empty = {
    rows: [] as TaskRow[],
    ...NO_COUNT,
    page: 1,
    pages: 1,
    counts: { overdue: NO_COUNT, due: NO_COUNT, done: NO_COUNT },
  };
  if (!isStaffScope(scope)) return empty;
  const now = filter.now ?? new Date();
  const tab = filter.tab ?? "overdue";
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 200);
  const page = Math.max(filter.page ?? 1, 1);
  const base: SQL[] = [eq(tasks.firmId, scope.firmId), eq(tasks.ownerKind, "recruiter")];
  if ((filter.view ?? "mine") === "mine") base.push(eq(tasks.ownerUserId, scope.userId));
  else if (filter.ownerUserId) base.push(eq(tasks.ownerUserId, filter.ownerUserId));
  if (filter.candidateId) base.push(eq(tasks.candidateId, filter.candidateId));

  const order =
    tab === "done"
      ? [desc(sql`coalesce(${tasks.completedAt}, ${tasks.updatedAt})`), desc(tasks.id)]
      : [sql`${tasks.dueAt} asc nulls last`, asc(tasks.id)];
  const counted = (t: TaskTab) => boundedCount((n) => scope.db.select({ n }).from(tasks).$dynamic(), and(...base, tabWhere(t, now)));
  const [rows, overdue, due, done] = await Promise.all([
    selectTasks(scope)
      .where(and(...base, tabWhere(tab, now)))
      .orderBy(...order)
      .limit(limit)
      .offset((page - 1) * limit),
    counted("overdue"),
    counted("due"),
    counted("done"),
  ]);
  const counts = { overdue, due, done };
  const { total, totalCapped } = counts[tab];
  // Past the cap the last page is not known: the pager goes on while pages come back full.
  const pages = totalCapped ? Math.max(page + (rows.length === limit ? 1 : 0), Math.ceil(total / limit)) : Math.max(1, Math.ceil(total / limit));
  return { rows: rows as TaskRow[], total, totalCapped, page, pages, counts };
}

/** One task (a recruiter's or a candidate's), or null. */
export async function getTask(scope: QueryScope, id: string): Promise<TaskRow | null> {
  if (!isStaffScope(scope)) return null;
  const [row] = await selectTasks(scope)
    .where(and(eq(tasks.firmId, scope.firmId), eq(tasks.id, id)))
    .limit(1);
  return (row as TaskRow | undefined) ?? null;
}

/** The firm's tasks for one interview (both owners), for the interview page. */
export async function listTasksForInterview(scope: QueryScope, interviewId: string): Promise<TaskRow[]> {
  if (!isStaffScope(scope)) return [];
  const rows = await selectTasks(scope)
    .where(and(eq(tasks.firmId, scope.firmId), eq(tasks.interviewId, interviewId)))
    .orderBy(sql`${tasks.dueAt} asc nulls last`, asc(tasks.id))
    .limit(100);
  return rows as TaskRow[];
}

/** Active recruiters and admins a task can be given to. */
export async function listTaskAssignees(scope: QueryScope) {
  if (!isStaffScope(scope)) return [];
  return scope.db
    .select({ userId: users.id, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(eq(memberships.firmId, scope.firmId), eq(memberships.status, "active"), inArray(memberships.role, ["admin", "recruiter"])),
    )
    .orderBy(asc(users.name))
    .limit(500);
}

export interface TaskFields {
  title: string;
  details: string;
  dueAt: Date | null;
  ownerUserId: string;
}

/** What a new task is about: an interview (which fixes the application and candidate) or a candidate. */
export interface TaskSubject {
  interviewId?: string | null;
  candidateId?: string | null;
}

async function resolveSubject(scope: QueryScope, subject: TaskSubject) {
  if (subject.interviewId) {
    const [iv] = await scope.db
      .select({ id: interviews.id, applicationId: interviews.applicationId, candidateId: interviews.candidateId })
      .from(interviews)
      .where(and(eq(interviews.firmId, scope.firmId), eq(interviews.id, subject.interviewId)))
      .limit(1);
    if (!iv) return null;
    return { interviewId: iv.id, applicationId: iv.applicationId, candidateId: iv.candidateId };
  }
  if (subject.candidateId) {
    const [c] = await scope.db
      .select({ id: candidates.id })
      .from(candidates)
      .where(and(eq(candidates.firmId, scope.firmId), eq(candidates.id, subject.candidateId)))
      .limit(1);
    if (!c) return null;
    return { interviewId: null, applicationId: null, candidateId: c.id };
  }
  return { interviewId: null, applicationId: null, candidateId: null };
}

const ownerError = () =>
  new AppError("invalid", "Choose someone on the firm's team.", { ownerUserId: ["Choose an active recruiter or admin of this firm."] });

export async function createTask(scope: QueryScope, input: TaskFields & TaskSubject): Promise<TaskRow | "not_found"> {
  if (!isStaffScope(scope)) return "not_found";
  const subject = await resolveSubject(scope, input);
  if (!subject) return "not_found";
  if (!(await isFirmStaff(scope, input.ownerUserId))) throw ownerError();
  const id = await scope.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(tasks)
      .values({
        firmId: scope.firmId,
        title: input.title,
        details: input.details,
        ownerKind: "recruiter",
        ownerUserId: input.ownerUserId,
        ...subject,
        dueAt: input.dueAt,
        createdBy: scope.userId,
      })
      .returning({ id: tasks.id });
    await recordAudit(withTx(scope, tx), {
      action: "task.create",
      entityType: "task",
      entityId: row!.id,
      changes: { ownerUserId: input.ownerUserId, dueAt: input.dueAt?.toISOString() ?? null, ...subject },
    });
    return row!.id;
  });
  return (await getTask(scope, id))!;
}

/**
 * The optimistic lock of every task change: the update only applies at the
 * version the person saw; otherwise a conflict that says what changed.
 */
async function changeTask(
  scope: QueryScope,
  ref: { id: string; version: number },
  action: string,
  set: (before: TaskRow) => Partial<typeof tasks.$inferInsert> | null,
): Promise<TaskRow | "not_found"> {
  if (!isStaffScope(scope)) return "not_found";
  const saved = await scope.db.transaction(async (tx) => {
    const t = withTx(scope, tx);
    const before = await getTask(t, ref.id);
    if (!before || before.ownerKind !== "recruiter") return "not_found" as const;
    if (before.version !== ref.version) throw staleTask(before);
    const values = set(before);
    if (!values) return before;
    const saved = await updateVersioned(t, taskKind, ref.id, ref.version, values);
    if (!saved) throw staleTask(before);
    // Title and details are free text: the log names them as changed, without their values.
    const fields: string[] = [];
    const changes: Record<string, unknown> = { fields };
    for (const [k, v] of Object.entries(values)) {
      const b = (before as Record<string, unknown>)[k];
      const same = b instanceof Date && v instanceof Date ? b.getTime() === v.getTime() : b === v;
      if (same) continue;
      fields.push(k);
      if (k !== "title" && k !== "details") changes[k] = [b instanceof Date ? b.toISOString() : b, v instanceof Date ? v.toISOString() : v];
    }
    await recordAudit(t, { action, entityType: "task", entityId: ref.id, changes });
    return "saved" as const;
  });
  if (saved === "not_found") return "not_found";
  if (saved !== "saved") return saved;
  return (await getTask(scope, ref.id)) ?? "not_found";
}

const STATE_WORDS: Record<TaskState, string> = { open: "open", done: "done", skipped: "skipped" };

function staleTask(current: TaskRow): AppError {
  const who = current.ownerName ? ` It is now ${current.ownerName}'s` : "";
  return new AppError(
    "conflict",
    `Someone else changed this task while you were looking at it, so nothing was saved.${who} task, ${STATE_WORDS[current.state]}: “${current.title}”. Review it and try again.`,
  );
}

export function completeTask(scope: QueryScope, ref: { id: string; version: number; now?: Date }) {
  return changeTask(scope, ref, "task.complete", (b) =>
    b.state === "done" ? null : { state: "done", completedAt: ref.now ?? new Date(), completedBy: scope.userId },
  );
}

export function skipTask(scope: QueryScope, ref: { id: string; version: number; now?: Date }) {
  return changeTask(scope, ref, "task.skip", (b) =>
    b.state === "skipped" ? null : { state: "skipped", completedAt: ref.now ?? new Date(), completedBy: scope.userId, skipReason: null },
  );
}

export function reopenTask(scope: QueryScope, ref: { id: string; version: number }) {
  return changeTask(scope, ref, "task.reopen", (b) => (b.state === "open" ? null : { state: "open", completedAt: null, completedBy: null, skipReason: null }));
}

async function taskExists(scope: QueryScope, id: string): Promise<boolean> {
  const [row] = await scope.db
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(eq(tasks.firmId, scope.firmId), eq(tasks.id, id)))
    .limit(1);
  return !!row;
}

export async function reassignTask(scope: QueryScope, ref: { id: string; version: number; ownerUserId: string }) {
  if (!isStaffScope(scope)) return "not_found" as const;
  if (!(await taskExists(scope, ref.id))) return "not_found" as const;
  if (!(await isFirmStaff(scope, ref.ownerUserId))) throw ownerError();
  return changeTask(scope, ref, "task.reassign", (b) => (b.ownerUserId === ref.ownerUserId ? null : { ownerUserId: ref.ownerUserId }));
}

export async function updateTask(scope: QueryScope, input: TaskFields & { id: string; version: number }) {
  if (!isStaffScope(scope)) return "not_found" as const;
  if (!(await taskExists(scope, input.id))) return "not_found" as const;
  if (!(await isFirmStaff(scope, input.ownerUserId))) throw ownerError();
  return changeTask(scope, input, "task.update", () => ({
    title: input.title,
    details: input.details,
    dueAt: input.dueAt,
    ownerUserId: input.ownerUserId,
  }));
}

/**
 * Marks the open policy task `policyKey` of an interview done, when the thing
 * it asks for has just happened (the debrief reviewed, feedback recorded).
 * Call with the transaction-bound scope of that change.
 */
export async function completePolicyTask(
  scope: QueryScope,
  input: { interviewId: string; policyKeys: string[]; now?: Date },
): Promise<number> {
  if (!isStaffScope(scope) || input.policyKeys.length === 0) return 0;
  const rows = await scope.db
    .update(tasks)
    .set({ state: "done", completedAt: input.now ?? new Date(), completedBy: scope.userId, version: sql`${tasks.version} + 1` })
    .where(
      and(
        eq(tasks.firmId, scope.firmId),
        eq(tasks.interviewId, input.interviewId),
        inArray(tasks.policyKey, input.policyKeys),
        eq(tasks.state, "open"),
      ),
    )
    .returning({ id: tasks.id });
  return rows.length;
}
