import { and, asc, desc, eq, gt, isNull, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  applications,
  candidates,
  interviews,
  invitations,
  memberships,
  users,
} from "../schema";
import { candidateSearchText } from "../schema/people";
import type { Stage } from "../schema/enums";
import { recordAudit } from "./audit";
import { recordSearch, searchablePage } from "./search";
import { isFirmStaff } from "./jobs";
import { archivedFilter, correlated, type ListFilter, EMPTY_PAGE, nameOrDateSort, personFilter } from "./keyset";
import { isStaffScope, type QueryScope, withTx } from "./scope";
import {
  archiveRecord,
  changedFields,
  isUniqueViolation,
  lockRow,
  NOT_FOUND,
  type RecordKind,
  restoreRecord,
  sameTextTaken,
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

export interface CandidateFilter extends ListFilter<"name" | "created" | "updated"> {
  /** A user id, or "none". */
  ownerUserId?: string;
  /** Candidates with an application in this stage. */
  stage?: Stage;
}

/** The firm's candidates: searched, filtered, sorted, one keyset page at a time. */
export async function findCandidates(scope: QueryScope, filter: CandidateFilter = {}) {
  if (!isStaffScope(scope)) return EMPTY_PAGE;
  const sort = nameOrDateSort(candidates, filter.sort, filter.dir);
  const where: (SQL | undefined)[] = [eq(candidates.firmId, scope.firmId), archivedFilter(candidates.archivedAt, filter.status ?? "active")];
  where.push(personFilter(candidates.ownerUserId, filter.ownerUserId));
  if (filter.stage) {
    where.push(
      sql`exists (select 1 from ${applications} where ${applications.firmId} = ${candidates.firmId} and ${applications.candidateId} = ${candidates.id} and ${applications.stage} = ${filter.stage})`,
    );
  }
  const list = {
    sort,
    id: candidates.id,
    filter,
    where,
    search: recordSearch(candidateSearchText(candidates), filter.q, {
      fn: "candidate_search_ids",
      firmId: scope.firmId,
      id: candidates.id,
    }),
  };
  const rows = (cursorKey: SQL<string>) =>
    scope.db
      .select({
        ...candidateColumns,
        ownerName: owner.name,
        openApplications,
        furthestStage,
        nextInterviewAt,
        cursorKey,
      })
      .from(candidates)
      .leftJoin(owner, eq(owner.id, candidates.ownerUserId))
      .$dynamic();
  const count = (n: SQL<number>) => scope.db.select({ n }).from(candidates).$dynamic();
  return searchablePage(list, rows, count);
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

/**
 * The most candidates the put-forward menu lists at once. A big firm has
 * hundreds of thousands: the menu lists the first by name (or the closest
 * matches of a search), and a search finds anyone else.
 */
export const CANDIDATE_OPTIONS_LIMIT = 100;

/**
 * Candidates for a select (putting someone forward for a job): active ones,
 * without those already on `notOnJobId`; with `q`, the ones whose name, email,
 * phone, location or headline contain it, closest first. At most `limit`
 * (CANDIDATE_OPTIONS_LIMIT + 1 by default, so a caller can tell there are more).
 */
export async function listCandidateOptions(scope: QueryScope, opts: { notOnJobId?: string; q?: string; limit?: number } = {}) {
  if (!isStaffScope(scope)) return [];
  const search = recordSearch(candidateSearchText(candidates), opts.q, { fn: "candidate_search_ids", firmId: scope.firmId, id: candidates.id });
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
        search?.match,
      ),
    )
    .orderBy(...(search ? [desc(search.rank)] : []), asc(sql`lower(${candidates.name})`), asc(candidates.id))
    .limit(opts.limit ?? CANDIDATE_OPTIONS_LIMIT + 1);
}

/** What the candidate form edits. */
export type CandidateFields = Pick<CandidateRecord, "name" | "email" | "phone" | "location" | "headline" | "notes" | "ownerUserId">;

function emailTaken(scope: QueryScope, email: string, exceptId?: string) {
  return sameTextTaken(scope, candidateKind, candidates.email, email, exceptId);
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
