import { and, asc, desc, eq, gt, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import {
  applications,
  applicationStageChanges,
  candidates,
  clients,
  contacts,
  debriefs,
  interviewerFeedback,
  interviews,
  invitations,
  jobs,
  memberships,
  tasks,
  users,
} from "../schema";
import type { Decision, InterviewKind, InterviewStatus, Recommendation, Stage, TaskState } from "../schema/enums";
import { staffDebriefStatus } from "@/lib/core/review/debrief-status";
import type { StaffDebriefStatus, TaskOwnerKind } from "@/lib/core/vocabulary";
import { recordAudit } from "./audit";
import { isFirmStaff } from "./jobs";
import { archivedFilter, correlated, type Cursor, EMPTY_PAGE, keysetQuery, likeTerm, type SortSpec } from "./keyset";
import { isStaffScope, type QueryScope, withTx } from "./scope";
import {
  archiveRecord,
  changedFields,
  isUniqueViolation,
  lockRow,
  NOT_FOUND,
  type RecordKind,
  restoreRecord,
  type SaveResult,
  updateVersioned,
} from "./versioned";

/** One candidate's name and email (for invitations), or null if not in the scope. */
export async function getCandidateContact(scope: QueryScope, candidateId: string) {
  const where = [eq(candidates.firmId, scope.firmId), eq(candidates.id, candidateId), isNull(candidates.anonymizedAt)];
  if (scope.candidateId) where.push(eq(candidates.id, scope.candidateId));
  const [row] = await scope.db
    .select({ id: candidates.id, name: candidates.name, email: candidates.email })
    .from(candidates)
    .where(and(...where))
    .limit(1);
  return row ?? null;
}

export const candidateColumns = {
  id: candidates.id,
  name: candidates.name,
  email: candidates.email,
  phone: candidates.phone,
  location: candidates.location,
  headline: candidates.headline,
  notes: candidates.notes,
  ownerUserId: candidates.ownerUserId,
  archivedAt: candidates.archivedAt,
  anonymizedAt: candidates.anonymizedAt,
  createdAt: candidates.createdAt,
  updatedAt: candidates.updatedAt,
  version: candidates.version,
};

export type CandidateRecord = {
  id: string;
  name: string;
  email: string;
  phone: string;
  location: string;
  headline: string;
  notes: string;
  ownerUserId: string | null;
  archivedAt: Date | null;
  anonymizedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
};

export const candidateKind: RecordKind<CandidateRecord> = { table: candidates, columns: candidateColumns, entityType: "candidate" };

const owner = alias(users, "candidate_owner");

const openApplications = correlated<number>(
  sql`(select count(*)::int from ${applications} where ${applications.firmId} = ${candidates.firmId} and ${applications.candidateId} = ${candidates.id} and ${applications.stage} in ('sourced', 'submitted', 'interviewing', 'offer'))`,
);
/** The furthest stage of the candidate's open applications, for the list. */
const furthestStage = correlated<Stage | null>(
  sql`(select ${applications.stage} from ${applications} where ${applications.firmId} = ${candidates.firmId} and ${applications.candidateId} = ${candidates.id} and ${applications.stage} not in ('rejected', 'withdrawn') order by ${applications.stage} desc limit 1)`,
);
const nextInterviewAt = correlated<Date | null>(
  sql`(select min(${interviews.startsAt}) from ${interviews} where ${interviews.firmId} = ${candidates.firmId} and ${interviews.candidateId} = ${candidates.id} and ${interviews.status} = 'scheduled' and ${interviews.startsAt} > now())`,
).mapWith(interviews.startsAt);

export interface CandidateFilter {
  q?: string;
  status?: "active" | "archived" | "all";
  /** A user id, or "none". */
  ownerUserId?: string;
  /** Candidates with an application in this stage. */
  stage?: Stage;
  sort?: "name" | "created" | "updated";
  dir?: "asc" | "desc";
  cursor?: Cursor | null;
  limit?: number;
}

function candidateSort(f: CandidateFilter): SortSpec {
  switch (f.sort ?? "name") {
    case "created":
      return { key: candidates.createdAt, cast: "timestamptz", dir: f.dir ?? "desc" };
    case "updated":
      return { key: candidates.updatedAt, cast: "timestamptz", dir: f.dir ?? "desc" };
    default:
      return { key: sql`lower(${candidates.name})`, cast: "text", dir: f.dir ?? "asc" };
  }
}

/** The firm's candidates: searched, filtered, sorted, one keyset page at a time. */
export async function findCandidates(scope: QueryScope, filter: CandidateFilter = {}) {
  if (!isStaffScope(scope)) return EMPTY_PAGE;
  const sort = candidateSort(filter);
  const where: (SQL | undefined)[] = [eq(candidates.firmId, scope.firmId), archivedFilter(candidates.archivedAt, filter.status ?? "active")];
  if (filter.ownerUserId === "none") where.push(isNull(candidates.ownerUserId));
  else if (filter.ownerUserId) where.push(eq(candidates.ownerUserId, filter.ownerUserId));
  if (filter.stage) {
    where.push(
      sql`exists (select 1 from ${applications} where ${applications.firmId} = ${candidates.firmId} and ${applications.candidateId} = ${candidates.id} and ${applications.stage} = ${filter.stage})`,
    );
  }
  if (filter.q) {
    const term = likeTerm(filter.q);
    where.push(
      sql`(${candidates.name} ilike ${term} or ${candidates.email} ilike ${term} or ${candidates.phone} ilike ${term} or ${candidates.headline} ilike ${term} or ${candidates.location} ilike ${term})`,
    );
  }
  return keysetQuery(
    { sort, id: candidates.id, cursor: filter.cursor, limit: filter.limit },
    (k) =>
      scope.db
        .select({
          ...candidateColumns,
          ownerName: owner.name,
          openApplications,
          furthestStage,
          nextInterviewAt,
          cursorKey: k.cursorKey,
        })
        .from(candidates)
        .leftJoin(owner, eq(owner.id, candidates.ownerUserId))
        .where(and(...where, k.after))
        .orderBy(...k.orderBy)
        .limit(k.limit),
    () => scope.db.select({ n: sql<number>`count(*)::int` }).from(candidates).where(and(...where)),
  );
}

/** One candidate with their owner and whether they can sign in to the portal. */
export async function getCandidate(scope: QueryScope, id: string) {
  if (!isStaffScope(scope)) return null;
  const [row] = await scope.db
    .select({ ...candidateColumns, ownerName: owner.name })
    .from(candidates)
    .leftJoin(owner, eq(owner.id, candidates.ownerUserId))
    .where(and(eq(candidates.firmId, scope.firmId), eq(candidates.id, id)))
    .limit(1);
  if (!row) return null;
  const [[member], [invitation]] = await Promise.all([
    scope.db
      .select({ status: memberships.status, createdAt: memberships.createdAt })
      .from(memberships)
      .where(and(eq(memberships.firmId, scope.firmId), eq(memberships.candidateId, id)))
      .limit(1),
    scope.db
      .select({ email: invitations.email, createdAt: invitations.createdAt, expiresAt: invitations.expiresAt })
      .from(invitations)
      .where(
        and(
          eq(invitations.firmId, scope.firmId),
          eq(invitations.candidateId, id),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, new Date()),
        ),
      )
      .orderBy(desc(invitations.createdAt))
      .limit(1),
  ]);
  return {
    ...row,
    portal: member
      ? { access: member.status === "active" ? ("active" as const) : ("deactivated" as const), since: member.createdAt }
      : { access: "none" as const, pendingInvitation: invitation ?? null },
  };
}

/** Candidates for a select (putting someone forward for a job): active ones, without those already on `jobId`. */
export async function listCandidateOptions(scope: QueryScope, opts: { notOnJobId?: string } = {}) {
  if (!isStaffScope(scope)) return [];
  return scope.db
    .select({ id: candidates.id, name: candidates.name, email: candidates.email, headline: candidates.headline })
    .from(candidates)
    .where(
      and(
        eq(candidates.firmId, scope.firmId),
        isNull(candidates.archivedAt),
        isNull(candidates.anonymizedAt),
        opts.notOnJobId
          ? sql`not exists (select 1 from ${applications} where ${applications.firmId} = ${candidates.firmId} and ${applications.candidateId} = ${candidates.id} and ${applications.jobId} = ${opts.notOnJobId})`
          : undefined,
      ),
    )
    .orderBy(asc(sql`lower(${candidates.name})`), asc(candidates.id))
    .limit(2000);
}

export interface CandidateFields {
  name: string;
  email: string;
  phone: string;
  location: string;
  headline: string;
  notes: string;
  ownerUserId: string | null;
}

async function emailTaken(scope: QueryScope, email: string, exceptId?: string) {
  const [row] = await scope.db
    .select({ id: candidates.id, name: candidates.name })
    .from(candidates)
    .where(
      and(
        eq(candidates.firmId, scope.firmId),
        sql`lower(${candidates.email}) = lower(${email})`,
        exceptId ? ne(candidates.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return row ?? null;
}

const duplicate = (existing: { id: string; name: string }) =>
  ({ ok: false, reason: "duplicate", field: "email", existing: { id: existing.id, label: existing.name } }) as const;

const BAD_OWNER = { ownerUserId: ["Choose an owner from your firm's recruiters."] };

export async function createCandidate(scope: QueryScope, input: CandidateFields): Promise<SaveResult<CandidateRecord>> {
  if (!isStaffScope(scope)) return NOT_FOUND;
  const taken = await emailTaken(scope, input.email);
  if (taken) return duplicate(taken);
  if (input.ownerUserId && !(await isFirmStaff(scope, input.ownerUserId))) {
    return { ok: false, reason: "invalid", fieldErrors: BAD_OWNER };
  }
  try {
    return await scope.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(candidates)
        .values({ firmId: scope.firmId, ...input })
        .returning(candidateColumns);
      await recordAudit(withTx(scope, tx), {
        action: "candidate.create",
        entityType: "candidate",
        entityId: row!.id,
        changes: { ownerUserId: input.ownerUserId },
      });
      return { ok: true as const, value: row! };
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const again = await emailTaken(scope, input.email);
    if (!again) throw err;
    return duplicate(again);
  }
}

const ERASED: { ok: false; reason: "invalid"; fieldErrors: Record<string, string[]> } = {
  ok: false,
  reason: "invalid",
  fieldErrors: { name: ["This candidate's personal data was erased; the record can no longer be edited."] },
};

export async function updateCandidate(
  scope: QueryScope,
  input: CandidateFields & { id: string; version: number },
): Promise<SaveResult<CandidateRecord, CandidateRecord>> {
  if (!isStaffScope(scope)) return NOT_FOUND;
  try {
    return await scope.db.transaction(async (tx): Promise<SaveResult<CandidateRecord, CandidateRecord>> => {
      const txScope = withTx(scope, tx);
      const before = await lockRow(txScope, candidateKind, input.id);
      if (!before) return NOT_FOUND;
      if (before.anonymizedAt) return ERASED;
      if (before.version !== input.version) return { ok: false, reason: "conflict", current: before };
      const taken = await emailTaken(txScope, input.email, input.id);
      if (taken) return duplicate(taken);
      if (input.ownerUserId && input.ownerUserId !== before.ownerUserId && !(await isFirmStaff(txScope, input.ownerUserId))) {
        return { ok: false, reason: "invalid", fieldErrors: BAD_OWNER };
      }
      const change: CandidateFields = {
        name: input.name,
        email: input.email,
        phone: input.phone,
        location: input.location,
        headline: input.headline,
        notes: input.notes,
        ownerUserId: input.ownerUserId,
      };
      const row = await updateVersioned(txScope, candidateKind, input.id, input.version, change);
      await recordAudit(txScope, {
        action: "candidate.update",
        entityType: "candidate",
        entityId: input.id,
        changes: changedFields(before, change, ["ownerUserId"]),
      });
      return { ok: true, value: row! };
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const again = await emailTaken(scope, input.email, input.id);
    if (!again) throw err;
    return duplicate(again);
  }
}

export function archiveCandidate(scope: QueryScope, ref: { id: string; version: number }) {
  return archiveRecord(scope, candidateKind, ref);
}

export function restoreCandidate(scope: QueryScope, ref: { id: string; version: number }) {
  return restoreRecord(scope, candidateKind, ref);
}

// ---------------------------------------------------------------------------
// The candidate's timeline
// ---------------------------------------------------------------------------

interface EventContext {
  applicationId: string;
  jobId: string;
  jobTitle: string;
  clientName: string;
}

export type TimelineEvent = EventContext &
  (
    | {
        kind: "stage";
        id: string;
        at: Date;
        from: Stage | null;
        to: Stage;
        reason: string;
        by: string | null;
      }
    | {
        kind: "interview";
        id: string;
        at: Date;
        interviewId: string;
        endsAt: Date;
        interviewKind: InterviewKind;
        status: InterviewStatus;
      }
    | { kind: "debrief"; id: string; at: Date; interviewId: string; state: StaffDebriefStatus; interviewKind: InterviewKind }
    | {
        kind: "feedback";
        id: string;
        at: Date;
        interviewId: string;
        recommendation: Recommendation;
        decision: Decision | null;
        contactName: string | null;
      }
    | {
        kind: "task";
        id: string;
        at: Date;
        title: string;
        state: TaskState;
        dueAt: Date | null;
        completedAt: Date | null;
        ownerKind: TaskOwnerKind;
        ownerName: string | null;
        interviewId: string | null;
      }
  );

const changedBy = alias(users, "stage_changed_by");
const taskOwner = alias(users, "task_owner");

/**
 * Everything that happened to one candidate, newest first: stage changes
 * (the first one is being put forward), interviews, debrief states,
 * interviewer feedback (recommendation and decision only) and next steps.
 * Each source is bounded; the candidate's whole history fits.
 */
export async function getCandidateTimeline(scope: QueryScope, candidateId: string): Promise<TimelineEvent[]> {
  if (!isStaffScope(scope)) return [];
  const f = scope.firmId;
  const appJoin = (appId: SQL | AnyPgColumn) => and(eq(applications.firmId, f), eq(applications.id, appId));
  const ctx = { applicationId: applications.id, jobId: jobs.id, jobTitle: jobs.title, clientName: clients.name };
  const jobJoin = and(eq(jobs.firmId, applications.firmId), eq(jobs.id, applications.jobId));
  const clientJoin = and(eq(clients.firmId, jobs.firmId), eq(clients.id, jobs.clientId));
  const ofCandidate = and(eq(applications.firmId, f), eq(applications.candidateId, candidateId));

  const [stages, ivs, briefs, feedback, todo] = await Promise.all([
    scope.db
      .select({
        ...ctx,
        id: applicationStageChanges.id,
        at: applicationStageChanges.changedAt,
        from: applicationStageChanges.fromStage,
        to: applicationStageChanges.toStage,
        reason: applicationStageChanges.reason,
        by: changedBy.name,
      })
      .from(applicationStageChanges)
      .innerJoin(applications, appJoin(applicationStageChanges.applicationId))
      .innerJoin(jobs, jobJoin)
      .innerJoin(clients, clientJoin)
      .leftJoin(changedBy, eq(changedBy.id, applicationStageChanges.changedBy))
      .where(and(eq(applicationStageChanges.firmId, f), ofCandidate))
      .orderBy(desc(applicationStageChanges.changedAt))
      .limit(500),
    scope.db
      .select({
        ...ctx,
        id: interviews.id,
        at: interviews.startsAt,
        endsAt: interviews.endsAt,
        interviewKind: interviews.kind,
        status: interviews.status,
      })
      .from(interviews)
      .innerJoin(applications, appJoin(interviews.applicationId))
      .innerJoin(jobs, jobJoin)
      .innerJoin(clients, clientJoin)
      .where(and(eq(interviews.firmId, f), eq(interviews.candidateId, candidateId), ofCandidate))
      .orderBy(desc(interviews.startsAt))
      .limit(500),
    scope.db
      .select({
        ...ctx,
        id: debriefs.id,
        interviewId: debriefs.interviewId,
        interviewKind: interviews.kind,
        status: debriefs.status,
        submittedVersions: debriefs.submittedVersions,
        submittedAt: debriefs.submittedAt,
        reviewedAt: debriefs.reviewedAt,
        lastSavedAt: debriefs.lastSavedAt,
        createdAt: debriefs.createdAt,
      })
      .from(debriefs)
      .innerJoin(interviews, and(eq(interviews.firmId, debriefs.firmId), eq(interviews.id, debriefs.interviewId)))
      .innerJoin(applications, appJoin(interviews.applicationId))
      .innerJoin(jobs, jobJoin)
      .innerJoin(clients, clientJoin)
      .where(and(eq(debriefs.firmId, f), eq(debriefs.candidateId, candidateId), ofCandidate))
      .limit(500),
    scope.db
      .select({
        ...ctx,
        id: interviewerFeedback.id,
        at: interviewerFeedback.receivedAt,
        interviewId: interviewerFeedback.interviewId,
        recommendation: interviewerFeedback.recommendation,
        decision: interviewerFeedback.decision,
        contactName: contacts.name,
      })
      .from(interviewerFeedback)
      .innerJoin(interviews, and(eq(interviews.firmId, interviewerFeedback.firmId), eq(interviews.id, interviewerFeedback.interviewId)))
      .innerJoin(applications, appJoin(interviews.applicationId))
      .innerJoin(jobs, jobJoin)
      .innerJoin(clients, clientJoin)
      .leftJoin(contacts, and(eq(contacts.firmId, interviewerFeedback.firmId), eq(contacts.id, interviewerFeedback.contactId)))
      .where(and(eq(interviewerFeedback.firmId, f), eq(interviews.candidateId, candidateId), ofCandidate))
      .orderBy(desc(interviewerFeedback.receivedAt))
      .limit(500),
    scope.db
      .select({
        id: tasks.id,
        title: tasks.title,
        state: tasks.state,
        dueAt: tasks.dueAt,
        completedAt: tasks.completedAt,
        createdAt: tasks.createdAt,
        ownerKind: tasks.ownerKind,
        ownerName: taskOwner.name,
        interviewId: tasks.interviewId,
        applicationId: applications.id,
        jobId: jobs.id,
        jobTitle: jobs.title,
        clientName: clients.name,
      })
      .from(tasks)
      .leftJoin(interviews, and(eq(interviews.firmId, tasks.firmId), eq(interviews.id, tasks.interviewId)))
      .leftJoin(
        applications,
        and(eq(applications.firmId, tasks.firmId), eq(applications.id, sql`coalesce(${tasks.applicationId}, ${interviews.applicationId})`)),
      )
      .leftJoin(jobs, jobJoin)
      .leftJoin(clients, clientJoin)
      .leftJoin(taskOwner, eq(taskOwner.id, tasks.ownerUserId))
      .where(
        and(
          eq(tasks.firmId, f),
          or(eq(tasks.candidateId, candidateId), eq(applications.candidateId, candidateId), eq(interviews.candidateId, candidateId)),
        ),
      )
      .orderBy(desc(tasks.createdAt))
      .limit(500),
  ]);

  const events: TimelineEvent[] = [
    ...stages.map((s) => ({ kind: "stage" as const, ...s })),
    ...ivs.map((i) => ({ kind: "interview" as const, interviewId: i.id, ...i })),
    ...briefs.map((d) => {
      const state = staffDebriefStatus(d);
      const at =
        state === "reviewed" ? d.reviewedAt! : state === "draft" ? (d.lastSavedAt ?? d.createdAt) : (d.submittedAt ?? d.createdAt);
      return {
        kind: "debrief" as const,
        id: d.id,
        at,
        interviewId: d.interviewId,
        interviewKind: d.interviewKind,
        state,
        applicationId: d.applicationId,
        jobId: d.jobId,
        jobTitle: d.jobTitle,
        clientName: d.clientName,
      };
    }),
    ...feedback.map((fb) => ({ kind: "feedback" as const, ...fb })),
    ...todo.map((t) => ({
      kind: "task" as const,
      id: t.id,
      at: t.state === "open" ? (t.dueAt ?? t.createdAt) : (t.completedAt ?? t.dueAt ?? t.createdAt),
      title: t.title,
      state: t.state,
      dueAt: t.dueAt,
      completedAt: t.completedAt,
      ownerKind: t.ownerKind,
      ownerName: t.ownerName,
      interviewId: t.interviewId,
      applicationId: t.applicationId ?? "",
      jobId: t.jobId ?? "",
      jobTitle: t.jobTitle ?? "",
      clientName: t.clientName ?? "",
    })),
  ];
  const order = { task: 0, feedback: 1, debrief: 2, interview: 3, stage: 4 } as const;
  return events.sort((a, b) => b.at.getTime() - a.at.getTime() || order[a.kind] - order[b.kind]);
}
