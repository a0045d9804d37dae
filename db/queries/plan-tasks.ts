import { and, asc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { interviews, tasks } from "../schema";
import { atomically } from "./atomic";
import { recordAudit } from "./audit";
import type { QueryScope } from "./scope";

/**
 * Follow-up plan steps stored as tasks. The interview is looked up within the
 * scope (a candidate reaches only their own), but the tasks it writes belong
 * to the firm: recruiter steps go to the recruiter whatever scope ran the sync.
 */

export type PlanTaskSpec = {
  /** The step's stable key within its interview ("thank_you:<contact id>", "collect_feedback", …). */
  policyKey: string;
  /**
   * Keys the same step was stored under before (a person met's thank-you,
   * keyed by the person until the recruiter linked them to a contact): a task
   * found under one of them moves to `policyKey`, keeping its id and state.
   */
  formerKeys?: string[];
  /** "rule 2" */
  rule: string;
  title: string;
  details: string;
  ownerKind: "recruiter" | "candidate";
  ownerUserId: string | null;
  dueAt: Date | null;
  /** The plan says the step is done; `doneAt` is when, if known. */
  done: boolean;
  doneAt: Date | null;
};

export type StorePlanTasksResult =
  | {
      status: "stored";
      created: string[];
      updated: string[];
      completed: string[];
      /** Open tasks whose step left the plan, now skipped with the reason given. */
      skipped: string[];
      /** Tasks the sync had skipped whose step came back. */
      reopened: string[];
      /** Tasks moved to their step's new key (a person met became a contact). */
      rekeyed: string[];
    }
  | { status: "not_found" };

async function interviewInScope(scope: QueryScope, interviewId: string) {
  const where = [eq(interviews.firmId, scope.firmId), eq(interviews.id, interviewId)];
  if (scope.candidateId) where.push(eq(interviews.candidateId, scope.candidateId));
  const [row] = await scope.db
    .select({ id: interviews.id, applicationId: interviews.applicationId, candidateId: interviews.candidateId })
    .from(interviews)
    .where(and(...where))
    .limit(1);
  return row ?? null;
}

type StoredTask = {
  id: string;
  policyKey: string | null;
  state: "open" | "done" | "skipped";
  title: string;
  details: string;
  dueAt: Date | null;
  rule: string | null;
  version: number;
  completedBy: string | null;
  skipReason: string | null;
};

/**
 * Skipped by the plan sync, not by a person: the sync writes its reason and
 * nobody's name, while a person who skips a task is its `completedBy`.
 */
function skippedBySync(task: Pick<StoredTask, "state" | "completedBy" | "skipReason">): boolean {
  return task.state === "skipped" && task.completedBy === null && task.skipReason !== null;
}

/**
 * Makes the interview's generated tasks match its plan, idempotently:
 * - a step without a task gets one (the unique key (firm, interview, policy
 *   key) means two syncs at once still make one); a step stored under one of
 *   its former keys keeps its task, moved to the new key;
 * - an open task follows its step (title, reason, due time) and is completed
 *   when the step is done; its owner is left alone, so a reassignment holds;
 * - a task someone completed or skipped is never touched again;
 * - an open task whose step left the plan (the debrief was amended, the
 *   interview cancelled) is skipped with `skipReason`, never deleted; should
 *   the step come back, the same task reopens (only one the sync skipped:
 *   a person's skip stands). `managedKey` says which keys the plan owns;
 *   other keyed tasks (call warnings) are left alone.
 */
export async function storePlanTasks(
  scope: QueryScope,
  input: {
    interviewId: string;
    steps: PlanTaskSpec[];
    managedKey: (key: string) => boolean;
    /** Why a step left the plan ("No longer needed: interview cancelled"). */
    skipReason: string;
    now?: Date;
  },
): Promise<StorePlanTasksResult> {
  const now = input.now ?? new Date();
  return atomically(scope, async (t) => {
    const tx = t.db;
    const iv = await interviewInScope(t, input.interviewId);
    if (!iv) return { status: "not_found" } as const;
    const existing: StoredTask[] = await tx
      .select({
        id: tasks.id,
        policyKey: tasks.policyKey,
        state: tasks.state,
        title: tasks.title,
        details: tasks.details,
        dueAt: tasks.dueAt,
        rule: tasks.rule,
        version: tasks.version,
        completedBy: tasks.completedBy,
        skipReason: tasks.skipReason,
      })
      .from(tasks)
      .where(and(eq(tasks.firmId, t.firmId), eq(tasks.interviewId, iv.id), isNotNull(tasks.policyKey)));
    const byKey = new Map(existing.map((row) => [row.policyKey!, row]));
    const wanted = new Set(input.steps.map((s) => s.policyKey));
    const created: string[] = [];
    const updated: string[] = [];
    const completed: string[] = [];
    const skipped: string[] = [];
    const reopened: string[] = [];
    const rekeyed: string[] = [];
    const sameRow = (row: StoredTask) => and(eq(tasks.firmId, t.firmId), eq(tasks.id, row.id), eq(tasks.version, row.version));

    for (const step of input.steps) {
      let row = byKey.get(step.policyKey);
      if (!row) {
        const formerKey = step.formerKeys?.find((key) => byKey.has(key) && !wanted.has(key));
        const former = formerKey ? byKey.get(formerKey) : undefined;
        if (formerKey && former) {
          const moved = await tx
            .update(tasks)
            .set({ policyKey: step.policyKey, version: sql`${tasks.version} + 1` })
            .where(sameRow(former))
            .returning({ version: tasks.version });
          if (moved[0]) {
            byKey.delete(formerKey);
            row = { ...former, policyKey: step.policyKey, version: moved[0].version };
            byKey.set(step.policyKey, row);
            rekeyed.push(step.policyKey);
          }
        }
      }
      const completion = step.done
        ? { state: "done" as const, completedAt: step.doneAt ?? now, completedBy: step.ownerUserId }
        : {};
      if (!row) {
        const inserted = await tx
          .insert(tasks)
          .values({
            firmId: t.firmId,
            title: step.title,
            details: step.details,
            ownerKind: step.ownerKind,
            ownerUserId: step.ownerUserId,
            candidateId: iv.candidateId,
            applicationId: iv.applicationId,
            interviewId: iv.id,
            dueAt: step.dueAt,
            rule: step.rule,
            policyKey: step.policyKey,
            ...completion,
          })
          .onConflictDoNothing({
            target: [tasks.firmId, tasks.interviewId, tasks.policyKey],
            where: sql`${tasks.policyKey} is not null`,
          })
          .returning({ id: tasks.id });
        if (inserted[0]) created.push(step.policyKey);
        continue;
      }
      if (skippedBySync(row)) {
        // The step is back (the interview rescheduled, the amendment undone): the same task reopens.
        const rows = await tx
          .update(tasks)
          .set({
            title: step.title,
            details: step.details,
            rule: step.rule,
            dueAt: step.dueAt,
            state: "open",
            completedAt: null,
            completedBy: null,
            skipReason: null,
            ...completion,
            version: sql`${tasks.version} + 1`,
          })
          .where(and(sameRow(row), eq(tasks.state, "skipped"), isNull(tasks.completedBy)))
          .returning({ id: tasks.id });
        if (rows[0]) reopened.push(step.policyKey);
        continue;
      }
      if (row.state !== "open") continue;
      const changed =
        row.title !== step.title ||
        row.details !== step.details ||
        row.rule !== step.rule ||
        (row.dueAt?.getTime() ?? null) !== (step.dueAt?.getTime() ?? null);
      if (!changed && !step.done) continue;
      const rows = await tx
        .update(tasks)
        .set({
          title: step.title,
          details: step.details,
          rule: step.rule,
          dueAt: step.dueAt,
          ...completion,
          version: sql`${tasks.version} + 1`,
        })
        .where(and(sameRow(row), eq(tasks.state, "open")))
        .returning({ id: tasks.id });
      // A person changed the task in the meantime: theirs wins; the next sync catches up.
      if (!rows[0]) continue;
      if (step.done) completed.push(step.policyKey);
      else updated.push(step.policyKey);
    }

    for (const row of byKey.values()) {
      const key = row.policyKey!;
      if (row.state !== "open" || wanted.has(key) || !input.managedKey(key)) continue;
      const rows = await tx
        .update(tasks)
        .set({
          state: "skipped",
          skipReason: input.skipReason,
          completedAt: now,
          completedBy: null,
          version: sql`${tasks.version} + 1`,
        })
        .where(and(sameRow(row), eq(tasks.state, "open")))
        .returning({ id: tasks.id });
      if (rows[0]) skipped.push(key);
    }

    if (created.length || updated.length || completed.length || skipped.length || reopened.length || rekeyed.length) {
      await recordAudit(t, {
        action: "plan.tasks_synced",
        entityType: "interview",
        entityId: iv.id,
        changes: {
          created,
          updated,
          completed,
          skipped,
          reopened,
          rekeyed,
          ...(skipped.length ? { skipReason: input.skipReason } : {}),
        },
      });
    }
    return { status: "stored", created, updated, completed, skipped, reopened, rekeyed } as const;
  });
}

/** The interview's generated tasks (every state), for the staff view and tests. */
export async function listPlanTasks(scope: QueryScope, interviewId: string) {
  const where = [eq(tasks.firmId, scope.firmId), eq(tasks.interviewId, interviewId), isNotNull(tasks.policyKey)];
  if (scope.candidateId) where.push(eq(tasks.candidateId, scope.candidateId), eq(tasks.ownerKind, "candidate"));
  return scope.db
    .select({
      id: tasks.id,
      policyKey: tasks.policyKey,
      rule: tasks.rule,
      title: tasks.title,
      ownerKind: tasks.ownerKind,
      ownerUserId: tasks.ownerUserId,
      dueAt: tasks.dueAt,
      state: tasks.state,
      completedAt: tasks.completedAt,
      skipReason: tasks.skipReason,
    })
    .from(tasks)
    .where(and(...where))
    .orderBy(asc(tasks.dueAt), asc(tasks.policyKey))
    .limit(100);
}

/** Next steps a recruiter gave the candidate by hand (the plan's own steps come from the plan). */
export async function listMyOpenTasks(scope: QueryScope) {
  if (!scope.candidateId) return [];
  return scope.db
    .select({ id: tasks.id, title: tasks.title, details: tasks.details, dueAt: tasks.dueAt, interviewId: tasks.interviewId })
    .from(tasks)
    .where(
      and(
        eq(tasks.firmId, scope.firmId),
        eq(tasks.candidateId, scope.candidateId),
        eq(tasks.ownerKind, "candidate"),
        eq(tasks.state, "open"),
        isNull(tasks.policyKey),
      ),
    )
    .orderBy(asc(tasks.dueAt))
    .limit(50);
}

export type CompleteMyStepResult = { status: "done"; id: string } | { status: "not_open" } | { status: "not_found" };

/** The candidate marks one of their own generated steps done (accepting an invitation back, rule 5). */
export async function completeMyPlanTask(
  scope: QueryScope,
  input: { interviewId: string; policyKey: string; now?: Date },
): Promise<CompleteMyStepResult> {
  const candidateId = scope.candidateId;
  if (!candidateId) return { status: "not_found" };
  const now = input.now ?? new Date();
  return atomically(scope, async (t) => {
    const tx = t.db;
    const mine = and(
      eq(tasks.firmId, t.firmId),
      eq(tasks.interviewId, input.interviewId),
      eq(tasks.policyKey, input.policyKey),
      eq(tasks.candidateId, candidateId),
      eq(tasks.ownerKind, "candidate"),
    );
    const [row] = await tx
      .update(tasks)
      .set({ state: "done", completedAt: now, completedBy: t.userId, version: sql`${tasks.version} + 1` })
      .where(and(mine, eq(tasks.state, "open")))
      .returning({ id: tasks.id });
    if (!row) {
      const [existing] = await tx.select({ state: tasks.state }).from(tasks).where(mine).limit(1);
      return existing ? ({ status: "not_open" } as const) : ({ status: "not_found" } as const);
    }
    await recordAudit(t, { action: "task.completed", entityType: "task", entityId: row.id, changes: { policyKey: input.policyKey } });
    return { status: "done", id: row.id } as const;
  });
}

/**
 * rule 4: a repeated call becomes a recruiter task (one per extra call, keyed
 * by the call), written for the firm even when the candidate's action logged it.
 */
export async function createCallWarningTask(
  scope: QueryScope,
  input: { interviewId: string; callLogId: string; title: string; details: string; ownerUserId: string | null; dueAt: Date },
): Promise<{ status: "created"; id: string } | { status: "exists" } | { status: "not_found" }> {
  return atomically(scope, async (t) => {
    const tx = t.db;
    const iv = await interviewInScope(t, input.interviewId);
    if (!iv) return { status: "not_found" } as const;
    const [row] = await tx
      .insert(tasks)
      .values({
        firmId: t.firmId,
        title: input.title,
        details: input.details,
        ownerKind: "recruiter",
        ownerUserId: input.ownerUserId,
        candidateId: iv.candidateId,
        applicationId: iv.applicationId,
        interviewId: iv.id,
        dueAt: input.dueAt,
        rule: "rule 4",
        policyKey: `${CALL_WARNING_KEY}:${input.callLogId}`,
      })
      .onConflictDoNothing({
        target: [tasks.firmId, tasks.interviewId, tasks.policyKey],
        where: sql`${tasks.policyKey} is not null`,
      })
      .returning({ id: tasks.id });
    if (!row) return { status: "exists" } as const;
    await recordAudit(t, { action: "task.created", entityType: "task", entityId: row.id, changes: { rule: "rule 4" } });
    return { status: "created", id: row.id } as const;
  });
}

/** Policy-key prefix of the rule 4 warning tasks (not a plan step: storePlanTasks leaves them alone). */
export const CALL_WARNING_KEY = "call_warning";
