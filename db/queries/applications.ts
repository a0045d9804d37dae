import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { applications, applicationStageChanges, candidates, clients, interviews, jobs, users } from "../schema";
import { STAGES, type Stage } from "../schema/enums";
import { ACTIVE_STAGES, CLOSED_STAGES } from "@/lib/core/vocabulary";
import { recordAudit } from "./audit";
import { correlated, type Cursor, EMPTY_PAGE, keysetQuery, likeTerm, searchTerm, type SortSpec, textSort, timeSort, personFilter } from "./keyset";
import { isStaffScope, type QueryScope, withTx } from "./scope";
import { changeAtVersion, NOT_FOUND, type RecordKind, type SaveResult, updateVersioned } from "./versioned";

const ACTIVE: Stage[] = [...ACTIVE_STAGES];
const CLOSING: Stage[] = [...CLOSED_STAGES];

export const applicationColumns = {
  id: applications.id,
  candidateId: applications.candidateId,
  jobId: applications.jobId,
  stage: applications.stage,
  stageChangedAt: applications.stageChangedAt,
  closedReason: applications.closedReason,
  recruiterUserId: applications.recruiterUserId,
  createdAt: applications.createdAt,
  updatedAt: applications.updatedAt,
  version: applications.version,
};

export type ApplicationRecord = {
  id: string;
  candidateId: string;
  jobId: string;
  stage: Stage;
  stageChangedAt: Date;
  closedReason: string;
  recruiterUserId: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
};

export const applicationKind: RecordKind<ApplicationRecord> = { table: applications, columns: applicationColumns, entityType: "application" };

const recruiter = alias(users, "application_recruiter");
const changedBy = alias(users, "stage_changed_by");

const nextInterviewAt = correlated<Date | null>(
  sql`(select min(${interviews.startsAt}) from ${interviews} where ${interviews.firmId} = ${applications.firmId} and ${interviews.applicationId} = ${applications.id} and ${interviews.status} = 'scheduled' and ${interviews.startsAt} > now())`,
).mapWith(interviews.startsAt);
const interviewCount = correlated<number>(
  sql`(select count(*)::int from ${interviews} where ${interviews.firmId} = ${applications.firmId} and ${interviews.applicationId} = ${applications.id} and ${interviews.status} <> 'cancelled')`,
);

const candidateJoin = and(eq(candidates.firmId, applications.firmId), eq(candidates.id, applications.candidateId));
const jobJoin = and(eq(jobs.firmId, applications.firmId), eq(jobs.id, applications.jobId));
const clientJoin = and(eq(clients.firmId, jobs.firmId), eq(clients.id, jobs.clientId));

export interface ApplicationFilter {
  q?: string;
  /** One stage, or "open" (sourced … offer) or "closed" (rejected, withdrawn). */
  stage?: Stage | "open" | "closed";
  clientId?: string;
  jobId?: string;
  candidateId?: string;
  /** A user id, or "none". */
  recruiterUserId?: string;
  sort?: "moved" | "created" | "candidate";
  dir?: "asc" | "desc";
  cursor?: Cursor | null;
  limit?: number;
}

function applicationSort(f: ApplicationFilter): SortSpec {
  switch (f.sort ?? "moved") {
    case "created":
      return timeSort(applications.createdAt, f.dir);
    case "candidate":
      return textSort(sql`lower(${candidates.name})`, f.dir);
    default:
      return timeSort(applications.stageChangedAt, f.dir);
  }
}

/** Every application across the firm's jobs (the pipeline table): searched, filtered, one keyset page at a time. */
/**
 * The count of a filtered list, joining only the tables its filters read:
 * every application has its candidate, job and client (foreign keys), so the
 * joins change the count only through a filter, and a big firm's count of one
 * recruiter's open applications stays an index scan of those applications.
 */
function countApplications(scope: QueryScope, n: SQL<number>, joins: { candidates: boolean; jobs: boolean; clients: boolean }) {
  let q = scope.db.select({ n }).from(applications).$dynamic();
  if (joins.candidates) q = q.innerJoin(candidates, candidateJoin);
  if (joins.jobs || joins.clients) q = q.innerJoin(jobs, jobJoin);
  if (joins.clients) q = q.innerJoin(clients, clientJoin);
  return q;
}

export async function findApplications(scope: QueryScope, filter: ApplicationFilter = {}) {
  if (!isStaffScope(scope)) return EMPTY_PAGE;
  const sort = applicationSort(filter);
  const where: (SQL | undefined)[] = [eq(applications.firmId, scope.firmId)];
  if (filter.stage === "open") where.push(inArray(applications.stage, ACTIVE));
  else if (filter.stage === "closed") where.push(inArray(applications.stage, CLOSING));
  else if (filter.stage) where.push(eq(applications.stage, filter.stage));
  if (filter.clientId) where.push(eq(jobs.clientId, filter.clientId));
  if (filter.jobId) where.push(eq(applications.jobId, filter.jobId));
  if (filter.candidateId) where.push(eq(applications.candidateId, filter.candidateId));
  where.push(personFilter(applications.recruiterUserId, filter.recruiterUserId));
  const q = searchTerm(filter.q);
  if (q) {
    const term = likeTerm(q);
    where.push(
      sql`(${candidates.name} ilike ${term} or ${candidates.email} ilike ${term} or ${jobs.title} ilike ${term} or ${clients.name} ilike ${term})`,
    );
  }
  return keysetQuery(
    { sort, id: applications.id, filter, where },
    (cursorKey) =>
      scope.db
        .select({
          ...applicationColumns,
          candidateName: candidates.name,
          jobTitle: jobs.title,
          clientId: clients.id,
          clientName: clients.name,
          recruiterName: recruiter.name,
          nextInterviewAt,
          cursorKey,
        })
        .from(applications)
        .innerJoin(candidates, candidateJoin)
        .innerJoin(jobs, jobJoin)
        .innerJoin(clients, clientJoin)
        .leftJoin(recruiter, eq(recruiter.id, applications.recruiterUserId))
        .$dynamic(),
    (n) => countApplications(scope, n, { candidates: !!filter.q, jobs: !!filter.q || !!filter.clientId, clients: !!filter.q }),
  );
}

/** How many cards each column of a job's board shows; the rest are one link away in the pipeline table. */
export const BOARD_COLUMN_LIMIT = 25;

/**
 * A job's board: per stage, the `perStage` most recently moved applications,
 * each with its candidate and `stageTotal`, the count of all the job's
 * applications in that stage. A big job reads only the cards it shows (the
 * interview look-ups run for those alone), not its thousands of applications.
 */
export async function listApplicationsForJob(scope: QueryScope, jobId: string, perStage: number = BOARD_COLUMN_LIMIT) {
  if (!isStaffScope(scope)) return [];
  const limit = Math.max(1, Math.min(Math.trunc(perStage) || BOARD_COLUMN_LIMIT, 500));
  const ranked = scope.db
    .select({
      id: applications.id,
      rank: sql<number>`row_number() over (partition by ${applications.stage} order by ${applications.stageChangedAt} desc, ${applications.id} asc)::int`.as("stage_rank"),
      stageTotal: sql<number>`(count(*) over (partition by ${applications.stage}))::int`.as("stage_total"),
    })
    .from(applications)
    .where(and(eq(applications.firmId, scope.firmId), eq(applications.jobId, jobId)))
    .as("ranked");
  return scope.db
    .select({
      ...applicationColumns,
      candidateName: candidates.name,
      candidateHeadline: candidates.headline,
      candidateArchivedAt: candidates.archivedAt,
      recruiterName: recruiter.name,
      nextInterviewAt,
      interviews: interviewCount,
      stageTotal: ranked.stageTotal,
    })
    .from(ranked)
    .innerJoin(applications, and(eq(applications.firmId, scope.firmId), eq(applications.id, ranked.id)))
    .innerJoin(candidates, candidateJoin)
    .leftJoin(recruiter, eq(recruiter.id, applications.recruiterUserId))
    .where(sql`${ranked.rank} <= ${limit}`)
    .orderBy(desc(applications.stageChangedAt), asc(applications.id));
}

/** A candidate's applications, open ones first, each with its job and client (and what its client pack says). */
export async function listApplicationsForCandidate(scope: QueryScope, candidateId: string) {
  if (!isStaffScope(scope)) return [];
  return scope.db
    .select({
      ...applicationColumns,
      clientSummary: applications.clientSummary,
      salaryExpectation: applications.salaryExpectation,
      jobTitle: jobs.title,
      jobStatus: jobs.status,
      clientId: clients.id,
      clientName: clients.name,
      recruiterName: recruiter.name,
      nextInterviewAt,
      interviews: interviewCount,
    })
    .from(applications)
    .innerJoin(jobs, jobJoin)
    .innerJoin(clients, clientJoin)
    .leftJoin(recruiter, eq(recruiter.id, applications.recruiterUserId))
    .where(and(eq(applications.firmId, scope.firmId), eq(applications.candidateId, candidateId)))
    .orderBy(sql`${applications.stage} in ('rejected', 'withdrawn', 'placed')`, desc(applications.stageChangedAt), asc(applications.id))
    .limit(500);
}

/** One application with its candidate, job and client (scheduling an interview starts here). */
export async function getApplication(scope: QueryScope, id: string) {
  if (!isStaffScope(scope)) return null;
  const [row] = await scope.db
    .select({
      ...applicationColumns,
      candidateName: candidates.name,
      candidateEmail: candidates.email,
      jobTitle: jobs.title,
      clientId: clients.id,
      clientName: clients.name,
      recruiterName: recruiter.name,
    })
    .from(applications)
    .innerJoin(candidates, candidateJoin)
    .innerJoin(jobs, jobJoin)
    .innerJoin(clients, clientJoin)
    .leftJoin(recruiter, eq(recruiter.id, applications.recruiterUserId))
    .where(and(eq(applications.firmId, scope.firmId), eq(applications.id, id)))
    .limit(1);
  return row ?? null;
}

/** Every stage an application went through, oldest first, with who moved it. */
export async function listStageHistory(scope: QueryScope, applicationId: string) {
  if (!isStaffScope(scope)) return [];
  return scope.db
    .select({
      id: applicationStageChanges.id,
      fromStage: applicationStageChanges.fromStage,
      toStage: applicationStageChanges.toStage,
      reason: applicationStageChanges.reason,
      changedAt: applicationStageChanges.changedAt,
      changedBy: changedBy.name,
    })
    .from(applicationStageChanges)
    .leftJoin(changedBy, eq(changedBy.id, applicationStageChanges.changedBy))
    .where(and(eq(applicationStageChanges.firmId, scope.firmId), eq(applicationStageChanges.applicationId, applicationId)))
    .orderBy(asc(applicationStageChanges.changedAt), asc(applicationStageChanges.id))
    .limit(200);
}

/** The ids of an application's interviews (every status), for the plan syncs a stage move needs. */
export async function listApplicationInterviewIds(scope: QueryScope, applicationId: string): Promise<string[]> {
  if (!isStaffScope(scope)) return [];
  const rows = await scope.db
    .select({ id: interviews.id })
    .from(interviews)
    .where(and(eq(interviews.firmId, scope.firmId), eq(interviews.applicationId, applicationId)))
    .orderBy(asc(interviews.startsAt), asc(interviews.id))
    .limit(200);
  return rows.map((r) => r.id);
}

export interface CreateApplicationFields {
  candidateId: string;
  jobId: string;
  stage?: "sourced" | "submitted";
}

/**
 * Puts a candidate forward for a job. The first stage change (from nothing)
 * is recorded with it, so time-in-stage counts from here.
 */
export async function createApplication(scope: QueryScope, input: CreateApplicationFields): Promise<SaveResult<ApplicationRecord>> {
  if (!isStaffScope(scope)) return NOT_FOUND;
  const stage: Stage = input.stage ?? "sourced";
  if (stage !== "sourced" && stage !== "submitted") {
    return { ok: false, reason: "invalid", fieldErrors: { stage: ["A new application starts as sourced or submitted."] } };
  }
  return scope.db.transaction(async (tx): Promise<SaveResult<ApplicationRecord>> => {
    const txScope = withTx(scope, tx);
    const [[candidate], [job]] = await Promise.all([
      tx
        .select({ id: candidates.id, name: candidates.name, archivedAt: candidates.archivedAt, anonymizedAt: candidates.anonymizedAt })
        .from(candidates)
        .where(and(eq(candidates.firmId, scope.firmId), eq(candidates.id, input.candidateId)))
        .limit(1),
      tx
        .select({ id: jobs.id, title: jobs.title, status: jobs.status, archivedAt: jobs.archivedAt, ownerUserId: jobs.ownerUserId })
        .from(jobs)
        .where(and(eq(jobs.firmId, scope.firmId), eq(jobs.id, input.jobId)))
        .limit(1),
    ]);
    const fieldErrors: Record<string, string[]> = {};
    if (!candidate) fieldErrors.candidateId = ["That candidate does not exist or you do not have access to it."];
    else if (candidate.anonymizedAt) fieldErrors.candidateId = ["This candidate's data was erased."];
    else if (candidate.archivedAt) fieldErrors.candidateId = [`${candidate.name} is archived. Restore the candidate first.`];
    if (!job) fieldErrors.jobId = ["That job does not exist or you do not have access to it."];
    else if (job.archivedAt) fieldErrors.jobId = [`${job.title} is archived. Restore the job first.`];
    else if (job.status === "filled" || job.status === "closed") {
      fieldErrors.jobId = [`${job.title} is ${job.status}. Reopen the job to put more candidates forward.`];
    }
    if (Object.keys(fieldErrors).length > 0) return { ok: false, reason: "invalid", fieldErrors };
    const [existing] = await tx
      .select({ id: applications.id })
      .from(applications)
      .where(and(eq(applications.firmId, scope.firmId), eq(applications.candidateId, input.candidateId), eq(applications.jobId, input.jobId)))
      .limit(1);
    if (existing) {
      return { ok: false, reason: "duplicate", field: "jobId", existing: { id: existing.id, label: `${candidate!.name} — ${job!.title}` } };
    }
    const now = new Date();
    const [row] = await tx
      .insert(applications)
      .values({
        firmId: scope.firmId,
        candidateId: input.candidateId,
        jobId: input.jobId,
        stage,
        stageChangedAt: now,
        recruiterUserId: scope.userId,
        createdBy: scope.userId,
      })
      .returning(applicationColumns);
    await tx.insert(applicationStageChanges).values({
      firmId: scope.firmId,
      applicationId: row!.id,
      fromStage: null,
      toStage: stage,
      changedBy: scope.userId,
      changedAt: now,
    });
    await recordAudit(txScope, {
      action: "application.create",
      entityType: "application",
      entityId: row!.id,
      changes: { candidateId: input.candidateId, jobId: input.jobId, stage },
    });
    return { ok: true, value: row! };
  });
}

/**
 * Moves an application to another stage and keeps the change (from, to,
 * reason, who, when) in the stage history, with its audit event, in one
 * transaction. Rejected and withdrawn need a reason; reopening clears it.
 */
export async function moveApplication(
  scope: QueryScope,
  input: { id: string; version: number; stage: string; reason?: string },
  /** Set when called inside another mutation's transaction (scheduling an interview). */
  opts: { now?: Date } = {},
): Promise<SaveResult<ApplicationRecord, ApplicationRecord>> {
  if (!isStaffScope(scope)) return NOT_FOUND;
  if (!(STAGES as readonly string[]).includes(input.stage)) {
    return { ok: false, reason: "invalid", fieldErrors: { stage: ["Choose a stage from the list."] } };
  }
  const to = input.stage as Stage;
  const reason = (input.reason ?? "").trim();
  if (CLOSING.includes(to) && reason === "") {
    return {
      ok: false,
      reason: "invalid",
      fieldErrors: { reason: [to === "rejected" ? "Say why it was rejected." : "Say why the candidate withdrew."] },
    };
  }
  return changeAtVersion(scope, applicationKind, input, async (before, txScope): Promise<SaveResult<ApplicationRecord, ApplicationRecord>> => {
    if (before.stage === to) {
      return { ok: false, reason: "invalid", fieldErrors: { stage: ["It is already in that stage."] } };
    }
    const now = opts.now ?? new Date();
    await txScope.db.insert(applicationStageChanges).values({
      firmId: scope.firmId,
      applicationId: input.id,
      fromStage: before.stage,
      toStage: to,
      reason,
      changedBy: scope.userId,
      changedAt: now,
    });
    const row = await updateVersioned(txScope, applicationKind, input.id, input.version, {
      stage: to,
      stageChangedAt: now,
      closedReason: CLOSING.includes(to) ? reason : "",
    });
    await recordAudit(txScope, {
      action: "application.stage",
      entityType: "application",
      entityId: input.id,
      changes: { stage: [before.stage, to], reasonGiven: Boolean(reason) },
    });
    return { ok: true, value: row! };
  });
}
