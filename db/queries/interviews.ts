import { and, asc, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
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
  LONGEST_ROUND_MS,
  users,
} from "../schema";
import type { InterviewKind, InterviewStatus } from "../schema/enums";
import type { DebriefStatus } from "@/lib/core/vocabulary";
import { staffDebriefStatus } from "@/lib/core/review/debrief-status";
import { correlated, type Cursor, EMPTY_PAGE, keysetQuery, likeTerm, searchTerm, type SortSpec } from "./keyset";
import { isStaffScope, type QueryScope } from "./scope";
import { type RecordKind } from "./versioned";
import { interviewJoins, withInterviewRecords } from "./interview-joins";

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
const participantContactJoin = and(eq(contacts.firmId, interviewParticipants.firmId), eq(contacts.id, interviewParticipants.contactId));
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
  if (when === "upcoming") {
    // Not over yet. A round ends within 25 hours of its start (a check on the table), so none
    // that started before that is still going: the bound lets the start-time index skip the
    // firm's history instead of reading it for the rows still ahead.
    where.push(gte(interviews.endsAt, now), gte(interviews.startsAt, new Date(now.getTime() - LONGEST_ROUND_MS)));
  }
  if (when === "past") where.push(lt(interviews.endsAt, now));
  if (filter.status) where.push(eq(interviews.status, filter.status));
  if (filter.kind) where.push(eq(interviews.kind, filter.kind));
  if (filter.clientId) where.push(eq(jobs.clientId, filter.clientId));
  if (filter.jobId) where.push(eq(applications.jobId, filter.jobId));
  if (filter.candidateId) where.push(eq(interviews.candidateId, filter.candidateId));
  if (filter.recruiterUserId) where.push(eq(applications.recruiterUserId, filter.recruiterUserId));
  const q = searchTerm(filter.q);
  if (q) {
    const term = likeTerm(q);
    where.push(sql`(${candidates.name} ilike ${term} or ${jobs.title} ilike ${term} or ${clients.name} ilike ${term})`);
  }
  const page = await keysetQuery(
    { sort, id: interviews.id, filter, where },
    (cursorKey) =>
      withInterviewRecords(
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
            cursorKey,
          })
          .from(interviews)
          .$dynamic(),
      )
        .leftJoin(recruiter, eq(recruiter.id, applications.recruiterUserId))
        .leftJoin(debriefs, debriefJoin)
        .$dynamic(),
    (n) => withInterviewRecords(scope.db.select({ n }).from(interviews).$dynamic()),
  );
  return { ...page, rows: page.rows.map(withDebriefState) };
}

/** One interview for the staff page: details, the people, the debrief's state and feedback count. */
export async function getInterview(scope: QueryScope, id: string) {
  if (!isStaffScope(scope)) return null;
  const [row] = await withInterviewRecords(
    scope.db
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
      .$dynamic(),
  )
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
    .innerJoin(contacts, participantContactJoin)
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
    .innerJoin(applications, interviewJoins.application)
    .innerJoin(candidates, interviewJoins.candidate)
    .innerJoin(jobs, interviewJoins.job)
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
  const [row] = await withInterviewRecords(
    scope.db
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
      .$dynamic(),
  )
    .innerJoin(firms, eq(firms.id, interviews.firmId))
    .where(and(...where))
    .limit(1);
  if (!row) return null;
  const people = await scope.db
    .select({ name: contacts.name, title: contacts.title })
    .from(interviewParticipants)
    .innerJoin(contacts, participantContactJoin)
    .where(and(eq(interviewParticipants.firmId, scope.firmId), eq(interviewParticipants.interviewId, id)))
    .orderBy(asc(contacts.name))
    .limit(50);
  return { ...row, interviewers: people };
}
