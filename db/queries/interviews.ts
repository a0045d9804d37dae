import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  applications,
  candidates,
  clients,
  contacts,
  debriefs,
  firms,
  interviewerFeedback,
  interviewParticipants,
  interviews,
  jobs,
  users,
} from "../schema";
import type { InterviewKind, InterviewStatus, Stage } from "../schema/enums";
import { ENDED_STAGES, type DebriefStatus } from "@/lib/core/vocabulary";
import { recordAudit } from "./audit";
import { staffDebriefStatus } from "@/lib/core/review/debrief-status";
import { moveApplication } from "./applications";
import { correlated, type Cursor, EMPTY_PAGE, keysetQuery, likeTerm, type SortSpec } from "./keyset";
import { isStaffScope, type QueryScope, withTx } from "./scope";
import { changedFields, lockRow, NOT_FOUND, type RecordKind, type SaveResult, updateVersioned } from "./versioned";

/** The firm's time zone: interviews are entered and shown in it. */
export async function getFirmTimeZone(scope: QueryScope): Promise<string> {
  if (scope.firmTimeZone) return scope.firmTimeZone;
  const [row] = await scope.db.select({ timeZone: firms.timeZone }).from(firms).where(eq(firms.id, scope.firmId)).limit(1);
  return row?.timeZone ?? "UTC";
}

export const interviewColumns = {
  id: interviews.id,
  applicationId: interviews.applicationId,
  candidateId: interviews.candidateId,
  kind: interviews.kind,
  startsAt: interviews.startsAt,
  endsAt: interviews.endsAt,
  location: interviews.location,
  videoUrl: interviews.videoUrl,
  status: interviews.status,
  arrangedByFirm: interviews.arrangedByFirm,
  notes: interviews.notes,
  completedAt: interviews.completedAt,
  createdAt: interviews.createdAt,
  updatedAt: interviews.updatedAt,
  version: interviews.version,
};

export type InterviewRecord = {
  id: string;
  applicationId: string;
  candidateId: string;
  kind: InterviewKind;
  startsAt: Date;
  endsAt: Date;
  location: string;
  videoUrl: string;
  status: InterviewStatus;
  arrangedByFirm: boolean;
  notes: string;
  completedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
};

export const interviewKind: RecordKind<InterviewRecord> = { table: interviews, columns: interviewColumns, entityType: "interview" };

const recruiter = alias(users, "interview_recruiter");
const appJoin = and(eq(applications.firmId, interviews.firmId), eq(applications.id, interviews.applicationId));
const candidateJoin = and(eq(candidates.firmId, interviews.firmId), eq(candidates.id, interviews.candidateId));
const jobJoin = and(eq(jobs.firmId, applications.firmId), eq(jobs.id, applications.jobId));
const clientJoin = and(eq(clients.firmId, jobs.firmId), eq(clients.id, jobs.clientId));
const debriefJoin = and(eq(debriefs.firmId, interviews.firmId), eq(debriefs.interviewId, interviews.id));

const interviewerNames = correlated<string>(sql`coalesce((select string_agg(${contacts.name}, ', ' order by ${contacts.name}) from ${interviewParticipants} join ${contacts} on ${contacts.firmId} = ${interviewParticipants.firmId} and ${contacts.id} = ${interviewParticipants.contactId} where ${interviewParticipants.firmId} = ${interviews.firmId} and ${interviewParticipants.interviewId} = ${interviews.id}), '')`);
const feedbackCount = correlated<number>(
  sql`(select count(*)::int from ${interviewerFeedback} where ${interviewerFeedback.firmId} = ${interviews.firmId} and ${interviewerFeedback.interviewId} = ${interviews.id})`,
);

const debriefColumns = {
  debriefId: debriefs.id,
  debriefStatus: debriefs.status,
  debriefSubmittedVersions: debriefs.submittedVersions,
  debriefSubmittedAt: debriefs.submittedAt,
  debriefReviewedAt: debriefs.reviewedAt,
};

type DebriefCols = {
  debriefId: string | null;
  debriefStatus: DebriefStatus | null;
  debriefSubmittedVersions: number | null;
  debriefSubmittedAt: Date | null;
  debriefReviewedAt: Date | null;
};

function withDebriefState<T extends DebriefCols>(row: T) {
  const { debriefId, debriefStatus, debriefSubmittedVersions, debriefSubmittedAt, debriefReviewedAt, ...rest } = row;
  return {
    ...rest,
    debrief: debriefId
      ? {
          id: debriefId,
          state: staffDebriefStatus({
            status: debriefStatus!,
            submittedVersions: debriefSubmittedVersions ?? 0,
            submittedAt: debriefSubmittedAt,
            reviewedAt: debriefReviewedAt,
          }),
          submittedAt: debriefSubmittedAt,
        }
      : null,
  };
}

export interface InterviewFilter {
  q?: string;
  /** upcoming: not yet over, soonest first; past: over, latest first. */
  when?: "upcoming" | "past" | "all";
  status?: InterviewStatus;
  kind?: InterviewKind;
  clientId?: string;
  jobId?: string;
  candidateId?: string;
  /** The application's recruiter. */
  recruiterUserId?: string;
  /** Default: soonest first for upcoming, latest first otherwise. */
  dir?: "asc" | "desc";
  cursor?: Cursor | null;
  limit?: number;
  now?: Date;
}

/** Interviews across the firm: upcoming or past, filtered, one keyset page at a time. */
export async function findInterviews(scope: QueryScope, filter: InterviewFilter = {}) {
  if (!isStaffScope(scope)) return EMPTY_PAGE;
  const when = filter.when ?? "upcoming";
  const now = filter.now ?? new Date();
  const sort: SortSpec = { key: interviews.startsAt, cast: "timestamptz", dir: filter.dir ?? (when === "upcoming" ? "asc" : "desc") };
  const where: (SQL | undefined)[] = [eq(interviews.firmId, scope.firmId)];
  if (when === "upcoming") where.push(gte(interviews.endsAt, now));
  if (when === "past") where.push(lt(interviews.endsAt, now));
  if (filter.status) where.push(eq(interviews.status, filter.status));
  if (filter.kind) where.push(eq(interviews.kind, filter.kind));
  if (filter.clientId) where.push(eq(jobs.clientId, filter.clientId));
  if (filter.jobId) where.push(eq(applications.jobId, filter.jobId));
  if (filter.candidateId) where.push(eq(interviews.candidateId, filter.candidateId));
  if (filter.recruiterUserId) where.push(eq(applications.recruiterUserId, filter.recruiterUserId));
  if (filter.q) {
    const term = likeTerm(filter.q);
    where.push(sql`(${candidates.name} ilike ${term} or ${jobs.title} ilike ${term} or ${clients.name} ilike ${term})`);
  }
  const page = await keysetQuery(
    { sort, id: interviews.id, cursor: filter.cursor, limit: filter.limit },
    (k) =>
      scope.db
        .select({
          ...interviewColumns,
          candidateName: candidates.name,
          jobId: jobs.id,
          jobTitle: jobs.title,
          clientId: clients.id,
          clientName: clients.name,
          recruiterName: recruiter.name,
          interviewers: interviewerNames,
          feedbackCount,
          ...debriefColumns,
          cursorKey: k.cursorKey,
        })
        .from(interviews)
        .innerJoin(applications, appJoin)
        .innerJoin(candidates, candidateJoin)
        .innerJoin(jobs, jobJoin)
        .innerJoin(clients, clientJoin)
        .leftJoin(recruiter, eq(recruiter.id, applications.recruiterUserId))
        .leftJoin(debriefs, debriefJoin)
        .where(and(...where, k.after))
        .orderBy(...k.orderBy)
        .limit(k.limit),
    () =>
      scope.db
        .select({ n: sql<number>`count(*)::int` })
        .from(interviews)
        .innerJoin(applications, appJoin)
        .innerJoin(candidates, candidateJoin)
        .innerJoin(jobs, jobJoin)
        .innerJoin(clients, clientJoin)
        .where(and(...where)),
  );
  return { ...page, rows: page.rows.map(withDebriefState) };
}

/** One interview for the staff page: details, the people, the debrief's state and feedback count. */
export async function getInterview(scope: QueryScope, id: string) {
  if (!isStaffScope(scope)) return null;
  const [row] = await scope.db
    .select({
      ...interviewColumns,
      candidateName: candidates.name,
      candidateEmail: candidates.email,
      applicationStage: applications.stage,
      applicationVersion: applications.version,
      jobId: jobs.id,
      jobTitle: jobs.title,
      clientId: clients.id,
      clientName: clients.name,
      recruiterName: recruiter.name,
      feedbackCount,
      ...debriefColumns,
    })
    .from(interviews)
    .innerJoin(applications, appJoin)
    .innerJoin(candidates, candidateJoin)
    .innerJoin(jobs, jobJoin)
    .innerJoin(clients, clientJoin)
    .leftJoin(recruiter, eq(recruiter.id, applications.recruiterUserId))
    .leftJoin(debriefs, debriefJoin)
    .where(and(eq(interviews.firmId, scope.firmId), eq(interviews.id, id)))
    .limit(1);
  if (!row) return null;
  const participants = await listInterviewParticipants(scope, id);
  return { ...withDebriefState(row), participants };
}

export async function listInterviewParticipants(scope: QueryScope, interviewId: string) {
  if (!isStaffScope(scope)) return [];
  return scope.db
    .select({
      contactId: contacts.id,
      name: contacts.name,
      title: contacts.title,
      email: contacts.email,
      phone: contacts.phone,
      clientId: contacts.clientId,
      archivedAt: contacts.archivedAt,
    })
    .from(interviewParticipants)
    .innerJoin(contacts, and(eq(contacts.firmId, interviewParticipants.firmId), eq(contacts.id, interviewParticipants.contactId)))
    .where(and(eq(interviewParticipants.firmId, scope.firmId), eq(interviewParticipants.interviewId, interviewId)))
    .orderBy(asc(contacts.name))
    .limit(50);
}

/** The interviews a client contact sat in, latest first. */
export async function listInterviewsForContact(scope: QueryScope, contactId: string) {
  if (!isStaffScope(scope)) return [];
  return scope.db
    .select({
      id: interviews.id,
      kind: interviews.kind,
      startsAt: interviews.startsAt,
      status: interviews.status,
      candidateId: candidates.id,
      candidateName: candidates.name,
      jobId: jobs.id,
      jobTitle: jobs.title,
    })
    .from(interviewParticipants)
    .innerJoin(interviews, and(eq(interviews.firmId, interviewParticipants.firmId), eq(interviews.id, interviewParticipants.interviewId)))
    .innerJoin(applications, appJoin)
    .innerJoin(candidates, candidateJoin)
    .innerJoin(jobs, jobJoin)
    .where(and(eq(interviewParticipants.firmId, scope.firmId), eq(interviewParticipants.contactId, contactId)))
    .orderBy(desc(interviews.startsAt))
    .limit(200);
}

/**
 * What a calendar file needs. Staff of the firm see any interview of the firm;
 * a candidate only their own (the WHERE says so, not an if after the load).
 * No notes, no emails, no feedback: this may go to the candidate.
 */
export async function getInterviewCalendar(scope: QueryScope, id: string) {
  const where: SQL[] = [eq(interviews.firmId, scope.firmId), eq(interviews.id, id)];
  if (scope.role === "candidate" || scope.candidateId) {
    if (!scope.candidateId) return null;
    where.push(eq(interviews.candidateId, scope.candidateId));
  }
  const [row] = await scope.db
    .select({
      id: interviews.id,
      kind: interviews.kind,
      startsAt: interviews.startsAt,
      endsAt: interviews.endsAt,
      location: interviews.location,
      videoUrl: interviews.videoUrl,
      status: interviews.status,
      version: interviews.version,
      updatedAt: interviews.updatedAt,
      candidateName: candidates.name,
      jobTitle: jobs.title,
      clientName: clients.name,
      firmName: firms.name,
      timeZone: firms.timeZone,
    })
    .from(interviews)
    .innerJoin(applications, appJoin)
    .innerJoin(candidates, candidateJoin)
    .innerJoin(jobs, jobJoin)
    .innerJoin(clients, clientJoin)
    .innerJoin(firms, eq(firms.id, interviews.firmId))
    .where(and(...where))
    .limit(1);
  if (!row) return null;
  const people = await scope.db
    .select({ name: contacts.name, title: contacts.title })
    .from(interviewParticipants)
    .innerJoin(contacts, and(eq(contacts.firmId, interviewParticipants.firmId), eq(contacts.id, interviewParticipants.contactId)))
    .where(and(eq(interviewParticipants.firmId, scope.firmId), eq(interviewParticipants.interviewId, id)))
    .orderBy(asc(contacts.name))
    .limit(50);
  return { ...row, interviewers: people };
}

// ---------------------------------------------------------------------------
// Scheduling, rescheduling, status
// ---------------------------------------------------------------------------

export interface InterviewFields {
  kind: InterviewKind;
  startsAt: Date;
  endsAt: Date;
  location: string;
  videoUrl: string;
  arrangedByFirm: boolean;
  notes: string;
  /** Interviewers: contacts of the job's client. */
  contactIds: string[];
}

/**
 * The interviewers must be the client's own people: a contact of another
 * client (or another firm) is refused by name, next to the field.
 */
async function checkInterviewers(
  scope: QueryScope,
  client: { id: string; name: string },
  contactIds: string[],
  alreadyOn: string[] = [],
): Promise<string[] | null> {
  const ids = [...new Set(contactIds)];
  if (ids.length === 0) return null;
  const found = await scope.db
    .select({
      id: contacts.id,
      name: contacts.name,
      clientId: contacts.clientId,
      clientName: clients.name,
      archivedAt: contacts.archivedAt,
    })
    .from(contacts)
    .innerJoin(clients, and(eq(clients.firmId, contacts.firmId), eq(clients.id, contacts.clientId)))
    .where(and(eq(contacts.firmId, scope.firmId), inArray(contacts.id, ids)));
  const errors: string[] = [];
  if (found.length < ids.length) errors.push("One of the interviewers does not exist or you do not have access to it.");
  for (const c of found) {
    if (c.clientId !== client.id) {
      errors.push(`${c.name} works at ${c.clientName}, not ${client.name}. Choose interviewers from ${client.name}'s contacts.`);
    } else if (c.archivedAt && !alreadyOn.includes(c.id)) {
      errors.push(`${c.name} is archived. Restore the contact or choose someone else.`);
    }
  }
  return errors.length > 0 ? errors : null;
}

function timeErrors(input: { startsAt: Date; endsAt: Date }): Record<string, string[]> | null {
  if (Number.isNaN(input.startsAt.getTime())) return { startTime: ["Enter the start time."] };
  if (Number.isNaN(input.endsAt.getTime())) return { endTime: ["Enter the end time."] };
  if (input.endsAt.getTime() <= input.startsAt.getTime()) {
    return { endTime: ["The interview ends before it starts. Make the end time later than the start time."] };
  }
  if (input.endsAt.getTime() - input.startsAt.getTime() > 24 * 3600_000) {
    return { endTime: ["An interview lasts at most a day. Check the end time."] };
  }
  return null;
}

const CLOSED_FOR_INTERVIEWS: Stage[] = [...ENDED_STAGES];

/**
 * Schedules a round for an application. An application still sourced or
 * submitted moves to interviewing with it (kept in the stage history), since
 * that is what scheduling an interview means.
 */
export async function scheduleInterview(
  scope: QueryScope,
  input: InterviewFields & { applicationId: string },
): Promise<SaveResult<InterviewRecord & { stageMoved: boolean }>> {
  if (!isStaffScope(scope)) return NOT_FOUND;
  const badTime = timeErrors(input);
  if (badTime) return { ok: false, reason: "invalid", fieldErrors: badTime };
  return scope.db.transaction(async (tx): Promise<SaveResult<InterviewRecord & { stageMoved: boolean }>> => {
    const txScope = withTx(scope, tx);
    const [app] = await tx
      .select({
        id: applications.id,
        candidateId: applications.candidateId,
        stage: applications.stage,
        version: applications.version,
        clientId: clients.id,
        clientName: clients.name,
      })
      .from(applications)
      .innerJoin(jobs, jobJoin)
      .innerJoin(clients, clientJoin)
      .where(and(eq(applications.firmId, scope.firmId), eq(applications.id, input.applicationId)))
      .limit(1);
    if (!app) {
      return { ok: false, reason: "invalid", fieldErrors: { applicationId: ["That application does not exist or you do not have access to it."] } };
    }
    if (CLOSED_FOR_INTERVIEWS.includes(app.stage)) {
      return {
        ok: false,
        reason: "invalid",
        fieldErrors: { applicationId: [`This application is ${app.stage}. Move it back into the pipeline before scheduling.`] },
      };
    }
    const interviewerErrors = await checkInterviewers(txScope, { id: app.clientId, name: app.clientName }, input.contactIds);
    if (interviewerErrors) return { ok: false, reason: "invalid", fieldErrors: { contactIds: interviewerErrors } };
    const [row] = await tx
      .insert(interviews)
      .values({
        firmId: scope.firmId,
        applicationId: app.id,
        candidateId: app.candidateId,
        kind: input.kind,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        location: input.location,
        videoUrl: input.videoUrl,
        arrangedByFirm: input.arrangedByFirm,
        notes: input.notes,
        createdBy: scope.userId,
      })
      .returning(interviewColumns);
    const contactIds = [...new Set(input.contactIds)];
    if (contactIds.length > 0) {
      await tx
        .insert(interviewParticipants)
        .values(contactIds.map((contactId) => ({ firmId: scope.firmId, interviewId: row!.id, contactId })));
    }
    await recordAudit(txScope, {
      action: "interview.create",
      entityType: "interview",
      entityId: row!.id,
      changes: {
        applicationId: app.id,
        kind: input.kind,
        startsAt: input.startsAt.toISOString(),
        endsAt: input.endsAt.toISOString(),
        contactIds,
      },
    });
    let stageMoved = false;
    if (app.stage === "sourced" || app.stage === "submitted") {
      const moved = await moveApplication(txScope, { id: app.id, version: app.version, stage: "interviewing", reason: "Interview scheduled" });
      stageMoved = moved.ok;
    }
    return { ok: true, value: { ...row!, stageMoved } };
  });
}

export type InterviewConflict = InterviewRecord & { contactIds: string[] };

/**
 * Changes when, where and with whom. A cancelled or no-show round that is
 * rescheduled is scheduled again; a completed one stays as it happened.
 */
export async function rescheduleInterview(
  scope: QueryScope,
  input: InterviewFields & { id: string; version: number },
): Promise<SaveResult<InterviewRecord, InterviewConflict>> {
  if (!isStaffScope(scope)) return NOT_FOUND;
  const badTime = timeErrors(input);
  if (badTime) return { ok: false, reason: "invalid", fieldErrors: badTime };
  return scope.db.transaction(async (tx): Promise<SaveResult<InterviewRecord, InterviewConflict>> => {
    const txScope = withTx(scope, tx);
    const before = await lockRow(txScope, interviewKind, input.id);
    if (!before) return NOT_FOUND;
    const current = await tx
      .select({ contactId: interviewParticipants.contactId })
      .from(interviewParticipants)
      .where(and(eq(interviewParticipants.firmId, scope.firmId), eq(interviewParticipants.interviewId, input.id)));
    const currentIds = current.map((c) => c.contactId).sort();
    if (before.version !== input.version) return { ok: false, reason: "conflict", current: { ...before, contactIds: currentIds } };
    if (before.status === "completed") {
      return {
        ok: false,
        reason: "invalid",
        fieldErrors: { date: ["This interview has already taken place. Schedule a new round instead."] },
      };
    }
    const [client] = await tx
      .select({ id: clients.id, name: clients.name })
      .from(applications)
      .innerJoin(jobs, jobJoin)
      .innerJoin(clients, clientJoin)
      .where(and(eq(applications.firmId, scope.firmId), eq(applications.id, before.applicationId)))
      .limit(1);
    const interviewerErrors = await checkInterviewers(txScope, client!, input.contactIds, currentIds);
    if (interviewerErrors) return { ok: false, reason: "invalid", fieldErrors: { contactIds: interviewerErrors } };
    const change = {
      kind: input.kind,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      location: input.location,
      videoUrl: input.videoUrl,
      arrangedByFirm: input.arrangedByFirm,
      notes: input.notes,
      status: "scheduled" as const,
    };
    const row = await updateVersioned(txScope, interviewKind, input.id, input.version, change);
    const nextIds = [...new Set(input.contactIds)].sort();
    const removed = currentIds.filter((c) => !nextIds.includes(c));
    const added = nextIds.filter((c) => !currentIds.includes(c));
    if (removed.length > 0) {
      await tx
        .delete(interviewParticipants)
        .where(
          and(
            eq(interviewParticipants.firmId, scope.firmId),
            eq(interviewParticipants.interviewId, input.id),
            inArray(interviewParticipants.contactId, removed),
          ),
        );
    }
    if (added.length > 0) {
      await tx.insert(interviewParticipants).values(added.map((contactId) => ({ firmId: scope.firmId, interviewId: input.id, contactId })));
    }
    const changes = changedFields(before, change, ["kind", "startsAt", "endsAt", "status", "arrangedByFirm"]);
    if (removed.length > 0 || added.length > 0) changes.contactIds = [currentIds, nextIds];
    await recordAudit(txScope, { action: "interview.update", entityType: "interview", entityId: input.id, changes });
    return { ok: true, value: row! };
  });
}

/** Which status changes make sense: a scheduled round ends one way; a cancelled or missed one can be put back. */
const STATUS_MOVES: Record<InterviewStatus, InterviewStatus[]> = {
  scheduled: ["completed", "cancelled", "no_show"],
  cancelled: ["scheduled"],
  no_show: ["scheduled", "completed"],
  completed: [],
};

/**
 * Marks an interview completed, cancelled or no-show (or back to scheduled).
 *
 * This is the one place an interview becomes completed. The caller (the
 * server action) runs the follow-up plan → tasks sync after it returns ok with
 * status "completed" — see app/(staff)/interviews/actions.ts.
 */
export async function updateInterviewStatus(
  scope: QueryScope,
  input: { id: string; version: number; status: InterviewStatus },
): Promise<SaveResult<InterviewRecord & { previousStatus: InterviewStatus }, InterviewRecord>> {
  if (!isStaffScope(scope)) return NOT_FOUND;
  return scope.db.transaction(async (tx): Promise<SaveResult<InterviewRecord & { previousStatus: InterviewStatus }, InterviewRecord>> => {
    const txScope = withTx(scope, tx);
    const before = await lockRow(txScope, interviewKind, input.id);
    if (!before) return NOT_FOUND;
    if (before.version !== input.version) return { ok: false, reason: "conflict", current: before };
    if (!STATUS_MOVES[before.status]?.includes(input.status)) {
      return {
        ok: false,
        reason: "invalid",
        fieldErrors: { status: [before.status === input.status ? "It already has that status." : "That status change is not possible."] },
      };
    }
    const completedAt = input.status === "completed" ? new Date() : null;
    const row = await updateVersioned(txScope, interviewKind, input.id, input.version, { status: input.status, completedAt });
    await recordAudit(txScope, {
      action: "interview.status",
      entityType: "interview",
      entityId: input.id,
      changes: { status: [before.status, input.status] },
    });
    return { ok: true, value: { ...row!, previousStatus: before.status } };
  });
}
