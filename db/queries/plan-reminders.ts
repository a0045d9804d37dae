import { and, asc, eq, gte, inArray, isNotNull, lte, notInArray, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { applications, auditEvents, callLogs, candidates, clients, debriefs, DEFAULT_POLICY, firms, interviews, jobs, memberships, tasks, users, type FollowUpPolicySettings } from "../schema";
import { ENDED_STAGES } from "./dashboard/shared";
import { recordAudit } from "./audit";
import type { QueryScope } from "./scope";
import { withInterviewRecords } from "./interview-joins";

/**
 * The reads and writes of the candidates' plan emails (lib/jobs/plan-reminders.ts):
 * the rounds whose plan may need a mail now, the steps someone closed by
 * hand, and the candidate's own say (plan_emails_off_at). The job runs in the
 * background for every firm without a person's session, so its reads are
 * unscoped by design and named unsafe…; the candidate's own switch is scoped.
 */

const DAY = 86_400_000;

/** Thank-you notes and the debrief are due within days of the end (the settings cap both at 168 hours). */
export const RECENT_ROUND_DAYS = 8;
/** How far back a round can still have its one call ahead (a decision date weeks out, plus grace and the window). */
export const CALL_HORIZON_DAYS = 90;

export type ReminderRound = {
  firmId: string;
  firmName: string;
  timeZone: string;
  holidays: string[];
  policy: FollowUpPolicySettings;
  interviewId: string;
  candidateId: string;
  candidateName: string;
  /** The candidate's sign-in and its address: the portal the mail points to is theirs. */
  candidateUserId: string;
  email: string;
  clientName: string;
  jobTitle: string;
  startsAt: Date;
  endsAt: Date;
};

/**
 * Unscoped: rounds across all firms whose candidate may need a plan email
 * now: the round took place (scheduled or completed, over), its application
 * is still in play, the candidate has an active sign-in, was not erased, has
 * not turned the emails off, and their firm sends them. Recent rounds (notes,
 * debrief), and older ones whose debrief is in and whose call is not made
 * yet (the call). Which mail, if any, is the plan's to say (the caller builds it).
 */
export async function unsafeListReminderRounds(db: DbOrTx, now: Date): Promise<ReminderRound[]> {
  const submitted = sql`exists (select 1 from ${debriefs} where ${debriefs.firmId} = ${interviews.firmId} and ${debriefs.interviewId} = ${interviews.id} and ${debriefs.status} = 'submitted')`;
  const noCall = sql`not exists (select 1 from ${callLogs} where ${callLogs.firmId} = ${interviews.firmId} and ${callLogs.interviewId} = ${interviews.id})`;
  const rows = await withInterviewRecords(
    db
      .select({
        firmId: firms.id,
        firmName: firms.name,
        timeZone: firms.timeZone,
        holidays: firms.holidays,
        policy: firms.policy,
        interviewId: interviews.id,
        candidateId: candidates.id,
        candidateName: candidates.name,
        candidateUserId: users.id,
        email: users.email,
        clientName: clients.name,
        jobTitle: jobs.title,
        startsAt: interviews.startsAt,
        endsAt: interviews.endsAt,
      })
      .from(interviews)
      .innerJoin(firms, eq(firms.id, interviews.firmId))
      .$dynamic(),
  )
    .innerJoin(
      memberships,
      and(
        eq(memberships.firmId, interviews.firmId),
        eq(memberships.candidateId, interviews.candidateId),
        eq(memberships.role, "candidate"),
        eq(memberships.status, "active"),
      ),
    )
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(firms.isBenchmark, false),
        eq(firms.candidateReminders, true),
        inArray(interviews.status, ["scheduled", "completed"]),
        notInArray(applications.stage, [...ENDED_STAGES]),
        sql`${candidates.anonymizedAt} is null`,
        sql`${candidates.planEmailsOffAt} is null`,
        lte(interviews.endsAt, now),
        or(
          gte(interviews.endsAt, new Date(now.getTime() - RECENT_ROUND_DAYS * DAY)),
          and(gte(interviews.endsAt, new Date(now.getTime() - CALL_HORIZON_DAYS * DAY)), submitted, noCall),
        ),
      ),
    )
    .orderBy(asc(interviews.firmId), asc(interviews.endsAt))
    .limit(5000);
  return rows.map((r) => ({ ...r, policy: { ...DEFAULT_POLICY, ...r.policy } }));
}

/**
 * Unscoped: the plan steps of these interviews that someone closed by hand or
 * the plan sync closed (done or skipped tasks), as `<interviewId>:<policyKey>`.
 * A step the recruiter skipped is no longer asked of the candidate.
 */
export async function unsafeClosedPlanSteps(db: DbOrTx, firmId: string, interviewIds: string[]): Promise<Set<string>> {
  if (interviewIds.length === 0) return new Set();
  const rows = await db
    .select({ interviewId: tasks.interviewId, policyKey: tasks.policyKey })
    .from(tasks)
    .where(
      and(
        eq(tasks.firmId, firmId),
        inArray(tasks.interviewId, interviewIds),
        isNotNull(tasks.policyKey),
        inArray(tasks.state, ["done", "skipped"]),
      ),
    );
  return new Set(rows.map((r) => `${r.interviewId}:${r.policyKey}`));
}

/** Whether the candidate still gets plan emails (false once erased, too). */
export async function unsafePlanEmailsOn(db: DbOrTx, firmId: string, candidateId: string): Promise<boolean> {
  const [row] = await db
    .select({ off: candidates.planEmailsOffAt, anonymizedAt: candidates.anonymizedAt, firmOn: firms.candidateReminders })
    .from(candidates)
    .innerJoin(firms, eq(firms.id, candidates.firmId))
    .where(and(eq(candidates.firmId, firmId), eq(candidates.id, candidateId)))
    .limit(1);
  return !!row && row.off === null && row.anonymizedAt === null && row.firmOn;
}

/**
 * Unscoped: the one-click unsubscribe. Its only authority is the signed link
 * naming this firm and candidate (lib/email/unsubscribe.ts checks it first).
 * Idempotent: the first time is kept. Audited as the candidate's sign-in.
 */
export async function unsafeTurnOffPlanEmails(
  db: DbOrTx,
  input: { firmId: string; candidateId: string; now: Date },
): Promise<"off" | "not_found"> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(candidates)
      .set({ planEmailsOffAt: sql`coalesce(${candidates.planEmailsOffAt}, ${input.now.toISOString()}::timestamptz)` })
      .where(and(eq(candidates.firmId, input.firmId), eq(candidates.id, input.candidateId)))
      .returning({ id: candidates.id });
    if (!row) return "not_found" as const;
    const [member] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.firmId, input.firmId), eq(memberships.candidateId, input.candidateId)))
      .limit(1);
    await tx.insert(auditEvents).values({
      firmId: input.firmId,
      actorUserId: member?.userId ?? null,
      action: "candidate.plan_emails_off",
      entityType: "candidate",
      entityId: input.candidateId,
      changes: { via: "unsubscribe link" },
    });
    return "off" as const;
  });
}

/** The candidate's own switch, for their profile page. */
export async function getMyPlanEmails(scope: QueryScope): Promise<{ on: boolean; offSince: Date | null } | null> {
  if (!scope.candidateId) return null;
  const [row] = await scope.db
    .select({ off: candidates.planEmailsOffAt })
    .from(candidates)
    .where(and(eq(candidates.firmId, scope.firmId), eq(candidates.id, scope.candidateId)))
    .limit(1);
  return row ? { on: row.off === null, offSince: row.off } : null;
}

/** The candidate turns their plan emails on or off (audited). */
export async function setMyPlanEmails(scope: QueryScope, input: { on: boolean; now?: Date }): Promise<"saved" | "not_found"> {
  const candidateId = scope.candidateId;
  if (!candidateId) return "not_found";
  return scope.db.transaction(async (tx) => {
    const t = { ...scope, db: tx };
    const [row] = await tx
      .update(candidates)
      .set({ planEmailsOffAt: input.on ? null : (input.now ?? new Date()) })
      .where(and(eq(candidates.firmId, scope.firmId), eq(candidates.id, candidateId)))
      .returning({ id: candidates.id });
    if (!row) return "not_found" as const;
    await recordAudit(t, {
      action: input.on ? "candidate.plan_emails_on" : "candidate.plan_emails_off",
      entityType: "candidate",
      entityId: candidateId,
    });
    return "saved" as const;
  });
}
