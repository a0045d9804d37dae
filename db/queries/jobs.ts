import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { applications, clients, jobs, memberships, users } from "../schema";
import type { JobStatus } from "@/lib/core/vocabulary";
import { recordAudit } from "./audit";
import { type Included, includedIds, type Menu, MENU_LIMIT, menuOf } from "./menus";
import { searchContains, searchRank } from "./search";
import { archivedFilter, correlated, type ListFilter, EMPTY_PAGE, keysetQuery, likeTerm, searchTerm, type SortSpec, textSort, timeSort, personFilter } from "./keyset";
import { isStaffScope, type QueryScope, withTx } from "./scope";
import {
  archiveRecord,
  changeAtVersion,
  changedFields,
  NOT_FOUND,
  type RecordKind,
  restoreRecord,
  type SaveResult,
  updateVersioned,
} from "./versioned";

export const jobColumns = {
  id: jobs.id,
  clientId: jobs.clientId,
  title: jobs.title,
  location: jobs.location,
  description: jobs.description,
  status: jobs.status,
  ownerUserId: jobs.ownerUserId,
  archivedAt: jobs.archivedAt,
  createdAt: jobs.createdAt,
  updatedAt: jobs.updatedAt,
  version: jobs.version,
};

export type JobRecord = {
  id: string;
  clientId: string;
  title: string;
  location: string;
  description: string;
  status: JobStatus;
  ownerUserId: string | null;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
};

export const jobKind: RecordKind<JobRecord> = { table: jobs, columns: jobColumns, entityType: "job" };

const owner = alias(users, "job_owner");

const inPipeline = correlated<number>(
  sql`(select count(*)::int from ${applications} where ${applications.firmId} = ${jobs.firmId} and ${applications.jobId} = ${jobs.id} and ${applications.stage} in ('sourced', 'submitted', 'interviewing', 'offer'))`,
);
const interviewing = correlated<number>(
  sql`(select count(*)::int from ${applications} where ${applications.firmId} = ${jobs.firmId} and ${applications.jobId} = ${jobs.id} and ${applications.stage} in ('interviewing', 'offer'))`,
);
const placed = correlated<number>(
  sql`(select count(*)::int from ${applications} where ${applications.firmId} = ${jobs.firmId} and ${applications.jobId} = ${jobs.id} and ${applications.stage} = 'placed')`,
);

export interface JobFilter extends ListFilter<"title" | "client" | "created" | "updated"> {
  jobStatus?: JobRecord["status"];
  clientId?: string;
  /** A user id, or "none" for jobs nobody owns. */
  ownerUserId?: string;
}

function jobSort(f: JobFilter): SortSpec {
  switch (f.sort ?? "created") {
    case "title":
      return textSort(sql`lower(${jobs.title})`, f.dir);
    case "client":
      return textSort(sql`lower(${clients.name}) || ' / ' || lower(${jobs.title})`, f.dir);
    case "updated":
      return timeSort(jobs.updatedAt, f.dir);
    default:
      return timeSort(jobs.createdAt, f.dir);
  }
}

const clientJoin = and(eq(clients.firmId, jobs.firmId), eq(clients.id, jobs.clientId));

/** The firm's job orders: searched, filtered, sorted, one keyset page at a time. */
export async function findJobs(scope: QueryScope, filter: JobFilter = {}) {
  if (!isStaffScope(scope)) return EMPTY_PAGE;
  const sort = jobSort(filter);
  const where: (SQL | undefined)[] = [eq(jobs.firmId, scope.firmId), archivedFilter(jobs.archivedAt, filter.status ?? "active")];
  if (filter.jobStatus) where.push(eq(jobs.status, filter.jobStatus));
  if (filter.clientId) where.push(eq(jobs.clientId, filter.clientId));
  where.push(personFilter(jobs.ownerUserId, filter.ownerUserId));
  const q = searchTerm(filter.q);
  if (q) {
    const term = likeTerm(q);
    where.push(sql`(${jobs.title} ilike ${term} or ${jobs.location} ilike ${term} or ${clients.name} ilike ${term})`);
  }
  return keysetQuery(
    { sort, id: jobs.id, filter, where },
    (cursorKey) =>
      scope.db
        .select({
          ...jobColumns,
          clientName: clients.name,
          ownerName: owner.name,
          inPipeline,
          interviewing,
          placed,
          cursorKey,
        })
        .from(jobs)
        .innerJoin(clients, clientJoin)
        .leftJoin(owner, eq(owner.id, jobs.ownerUserId))
        .$dynamic(),
    (n) => scope.db.select({ n }).from(jobs).innerJoin(clients, clientJoin).$dynamic(),
  );
}

export async function getJob(scope: QueryScope, id: string) {
  if (!isStaffScope(scope)) return null;
  const [row] = await scope.db
    .select({
      ...jobColumns,
      clientName: clients.name,
      clientArchivedAt: clients.archivedAt,
      ownerName: owner.name,
      inPipeline,
      interviewing,
      placed,
    })
    .from(jobs)
    .innerJoin(clients, clientJoin)
    .leftJoin(owner, eq(owner.id, jobs.ownerUserId))
    .where(and(eq(jobs.firmId, scope.firmId), eq(jobs.id, id)))
    .limit(1);
  return row ?? null;
}

/**
 * Jobs a candidate can be put forward for (not archived, open or on hold),
 * with their client; without the ones `candidateId` is already on.
 */
export async function listJobOptions(
  scope: QueryScope,
  opts: {
    clientId?: string;
    candidateId?: string;
    /** Only this job (a filter's current choice). */
    jobId?: string;
    /** Every job, whatever its status (filters). */
    all?: boolean;
  } = {},
) {
  if (!isStaffScope(scope)) return [];
  return scope.db
    .select({ id: jobs.id, title: jobs.title, status: jobs.status, clientId: jobs.clientId, clientName: clients.name })
    .from(jobs)
    .innerJoin(clients, clientJoin)
    .where(
      and(
        eq(jobs.firmId, scope.firmId),
        opts.all ? undefined : isNull(jobs.archivedAt),
        opts.all ? undefined : inArray(jobs.status, ["open", "on_hold"]),
        opts.clientId ? eq(jobs.clientId, opts.clientId) : undefined,
        opts.jobId ? eq(jobs.id, opts.jobId) : undefined,
        opts.candidateId
          ? sql`not exists (select 1 from ${applications} where ${applications.firmId} = ${jobs.firmId} and ${applications.jobId} = ${jobs.id} and ${applications.candidateId} = ${opts.candidateId})`
          : undefined,
      ),
    )
    .orderBy(asc(sql`lower(${clients.name})`), asc(sql`lower(${jobs.title})`), asc(jobs.id))
    .limit(2000);
}

/** A client's jobs, newest first, for the client's page. */
export async function listJobsForClient(scope: QueryScope, clientId: string) {
  if (!isStaffScope(scope)) return [];
  return scope.db
    .select({ ...jobColumns, ownerName: owner.name, inPipeline, placed })
    .from(jobs)
    .leftJoin(owner, eq(owner.id, jobs.ownerUserId))
    .where(and(eq(jobs.firmId, scope.firmId), eq(jobs.clientId, clientId)))
    .orderBy(sql`${jobs.archivedAt} is not null`, sql`${jobs.createdAt} desc`, asc(jobs.id))
    .limit(500);
}

/**
 * The staff menu of a form or filter (owners, recruiters; db/queries/menus.ts):
 * the first MENU_LIMIT of the firm's active admins and recruiters by name, or
 * with `q` those whose name or email contains it; `former` lists people who
 * have left too (old records name them); `include` is listed whatever its
 * place (the chosen person), if they are or were the firm's staff.
 */
export async function listOwnerOptions(
  scope: QueryScope,
  opts: { include?: Included; q?: string; former?: boolean } = {},
): Promise<Menu<{ id: string; name: string }>> {
  if (!isStaffScope(scope)) return { items: [], more: false };
  const text = sql`lower(${users.name} || ' ' || ${users.email})`;
  const term = searchTerm(opts.q);
  const staff = (more: SQL | undefined) =>
    scope.db
      .select({ id: users.id, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.firmId, scope.firmId), inArray(memberships.role, ["admin", "recruiter"]), more));
  const rows = await staff(and(opts.former ? undefined : eq(memberships.status, "active"), term ? searchContains(text, term) : undefined))
    .orderBy(...(term ? [desc(searchRank(text, term))] : []), asc(sql`lower(${users.name})`), asc(users.id))
    .limit(MENU_LIMIT + 1);
  return menuOf(rows, opts.include, (ids) => staff(inArray(users.id, ids)).orderBy(asc(sql`lower(${users.name})`)));
}

/** A staff member's name (or a former one's), for a saved change's summary ("Owner: Jordan Ellis"). */
export async function staffName(scope: QueryScope, userId: string | null): Promise<string | null> {
  const [id] = includedIds(userId);
  if (!id || !isStaffScope(scope)) return null;
  const [row] = await scope.db
    .select({ name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.firmId, scope.firmId), eq(memberships.userId, id)))
    .limit(1);
  return row?.name ?? null;
}

/** Whether `userId` is active staff of the scope's firm (an owner or recruiter of a record must be). */
export async function isFirmStaff(scope: QueryScope, userId: string): Promise<boolean> {
  if (!isStaffScope(scope)) return false;
  const [row] = await scope.db
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.firmId, scope.firmId),
        eq(memberships.userId, userId),
        eq(memberships.status, "active"),
        inArray(memberships.role, ["admin", "recruiter"]),
      ),
    )
    .limit(1);
  return !!row;
}

export interface JobFields {
  clientId: string;
  title: string;
  location: string;
  description: string;
  status: JobRecord["status"];
  ownerUserId: string | null;
}

async function checkJobRefs(scope: QueryScope, input: JobFields, before?: JobRecord): Promise<Record<string, string[]> | null> {
  const errors: Record<string, string[]> = {};
  if (!before || before.clientId !== input.clientId) {
    const [client] = await scope.db
      .select({ name: clients.name, archivedAt: clients.archivedAt })
      .from(clients)
      .where(and(eq(clients.firmId, scope.firmId), eq(clients.id, input.clientId)))
      .limit(1);
    if (!client) errors.clientId = ["That client does not exist or you do not have access to it."];
    else if (client.archivedAt) errors.clientId = [`${client.name} is archived. Restore the client first.`];
    if (before && client) {
      const [used] = await scope.db
        .select({ n: sql<number>`count(*)::int` })
        .from(applications)
        .where(and(eq(applications.firmId, scope.firmId), eq(applications.jobId, before.id)));
      if ((used?.n ?? 0) > 0) {
        errors.clientId = ["Candidates are already in this job's pipeline, so it stays with its client. Open a new job instead."];
      }
    }
  }
  if (input.ownerUserId && input.ownerUserId !== before?.ownerUserId && !(await isFirmStaff(scope, input.ownerUserId))) {
    errors.ownerUserId = ["Choose an owner from your firm's recruiters."];
  }
  return Object.keys(errors).length > 0 ? errors : null;
}

export async function createJob(scope: QueryScope, input: JobFields): Promise<SaveResult<JobRecord>> {
  if (!isStaffScope(scope)) return NOT_FOUND;
  return scope.db.transaction(async (tx): Promise<SaveResult<JobRecord>> => {
    const txScope = withTx(scope, tx);
    const fieldErrors = await checkJobRefs(txScope, input);
    if (fieldErrors) return { ok: false, reason: "invalid", fieldErrors };
    const [row] = await tx
      .insert(jobs)
      .values({
        firmId: scope.firmId,
        clientId: input.clientId,
        title: input.title,
        location: input.location,
        description: input.description,
        status: input.status,
        ownerUserId: input.ownerUserId,
      })
      .returning(jobColumns);
    await recordAudit(txScope, {
      action: "job.create",
      entityType: "job",
      entityId: row!.id,
      changes: { clientId: input.clientId, title: input.title, status: input.status, ownerUserId: input.ownerUserId },
    });
    return { ok: true, value: row! };
  });
}

export async function updateJob(
  scope: QueryScope,
  input: JobFields & { id: string; version: number },
): Promise<SaveResult<JobRecord, JobRecord>> {
  if (!isStaffScope(scope)) return NOT_FOUND;
  return changeAtVersion(scope, jobKind, input, async (before, txScope): Promise<SaveResult<JobRecord, JobRecord>> => {
    const fieldErrors = await checkJobRefs(txScope, input, before);
    if (fieldErrors) return { ok: false, reason: "invalid", fieldErrors };
    const change = {
      clientId: input.clientId,
      title: input.title,
      location: input.location,
      description: input.description,
      status: input.status,
      ownerUserId: input.ownerUserId,
    };
    const row = await updateVersioned(txScope, jobKind, input.id, input.version, change);
    await recordAudit(txScope, { action: "job.update", entityType: "job", entityId: input.id, changes: changedFields(before, change, ["clientId", "title", "status", "ownerUserId"]) });
    return { ok: true, value: row! };
  });
}

export function archiveJob(scope: QueryScope, ref: { id: string; version: number }) {
  return archiveRecord(scope, jobKind, ref);
}

export function restoreJob(scope: QueryScope, ref: { id: string; version: number }) {
  return restoreRecord(scope, jobKind, ref);
}
