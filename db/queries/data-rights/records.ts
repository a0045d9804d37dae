import { and, asc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../client";
import {
  applications,
  applicationStageChanges,
  auditEvents,
  callLogs,
  candidates,
  debriefPeople,
  debriefs,
  debriefVersions,
  emailOutbox,
  feedbackRatings,
  interviewerFeedback,
  interviewParticipants,
  interviews,
  invitations,
  memberships,
  tasks,
  users,
} from "../../schema";
import { likeTerm } from "../keyset";
import type { QueryScope } from "../scope";

/**
 * A candidate's data-subject requests: what the firm holds on them, found
 * here (records.ts), given back (export.ts) or erased (erasure.ts).
 */

/** Candidates matching a name or email, for the data-requests page (bounded). */
export async function searchCandidatesForDataRequest(scope: QueryScope, q: string) {
  const term = likeTerm(q);
  return scope.db
    .select({ id: candidates.id, name: candidates.name, email: candidates.email, anonymizedAt: candidates.anonymizedAt })
    .from(candidates)
    .where(and(eq(candidates.firmId, scope.firmId), or(ilike(candidates.name, term), ilike(candidates.email, term))))
    .orderBy(asc(candidates.name))
    .limit(20);
}

const NONE = ["00000000-0000-0000-0000-000000000000"];
/** An id list for `in (…)` that is never empty: for none, the nil UUID, which matches no row. */
export const some = (ids: string[]) => (ids.length ? ids : NONE);
const unique = (xs: string[]) => [...new Set(xs)];

/** Where a text holds one of the needles, ignoring case (no pattern characters: plain containment). */
export function mentions(text: SQL, needles: string[]): SQL {
  if (needles.length === 0) return sql`false`;
  return sql.join(
    needles.map((n) => sql`position(${n.toLowerCase()} in lower(${text})) > 0`),
    sql` or `,
  );
}

/**
 * What identifies a candidate in free text: their name, email and phone as
 * the records hold them, and the emails and names of their invitations and
 * accounts. Short values are left out (they would match unrelated text).
 */
function needlesOf(values: (string | null | undefined)[]): string[] {
  return unique(values.map((v) => (v ?? "").trim()).filter((v) => v.length >= 4));
}

/** Every row of this firm that belongs to or is about one candidate, found through the firm's own tables. */
export async function findCandidateRecords(db: DbOrTx, firmId: string, candidateId: string) {
  const f = firmId;
  const [candidate] = await db
    .select()
    .from(candidates)
    .where(and(eq(candidates.firmId, f), eq(candidates.id, candidateId)))
    .limit(1);
  if (!candidate) return null;
  const apps = await db
    .select()
    .from(applications)
    .where(and(eq(applications.firmId, f), eq(applications.candidateId, candidateId)));
  const appIds = apps.map((a) => a.id);
  const ivs = await db
    .select()
    .from(interviews)
    .where(and(eq(interviews.firmId, f), or(eq(interviews.candidateId, candidateId), inArray(interviews.applicationId, some(appIds)))));
  const ivIds = ivs.map((i) => i.id);
  const dbs = await db
    .select()
    .from(debriefs)
    .where(and(eq(debriefs.firmId, f), or(eq(debriefs.candidateId, candidateId), inArray(debriefs.interviewId, some(ivIds)))));
  const dIds = dbs.map((d) => d.id);
  const feedback = await db
    .select()
    .from(interviewerFeedback)
    .where(and(eq(interviewerFeedback.firmId, f), inArray(interviewerFeedback.interviewId, some(ivIds))));
  const fIds = feedback.map((x) => x.id);
  const ms = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.firmId, f), eq(memberships.candidateId, candidateId)));
  const userIds = unique(ms.map((m) => m.userId));
  const [stageChanges, participants, versions, people, calls, ratings, taskRows, invites, accounts] = await Promise.all([
    db
      .select()
      .from(applicationStageChanges)
      .where(and(eq(applicationStageChanges.firmId, f), inArray(applicationStageChanges.applicationId, some(appIds)))),
    db
      .select()
      .from(interviewParticipants)
      .where(and(eq(interviewParticipants.firmId, f), inArray(interviewParticipants.interviewId, some(ivIds)))),
    db
      .select()
      .from(debriefVersions)
      .where(and(eq(debriefVersions.firmId, f), inArray(debriefVersions.debriefId, some(dIds)))),
    db
      .select()
      .from(debriefPeople)
      .where(and(eq(debriefPeople.firmId, f), inArray(debriefPeople.debriefId, some(dIds)))),
    db
      .select()
      .from(callLogs)
      .where(and(eq(callLogs.firmId, f), or(eq(callLogs.candidateId, candidateId), inArray(callLogs.interviewId, some(ivIds))))),
    db
      .select()
      .from(feedbackRatings)
      .where(and(eq(feedbackRatings.firmId, f), inArray(feedbackRatings.feedbackId, some(fIds)))),
    db
      .select()
      .from(tasks)
      .where(
        and(
          eq(tasks.firmId, f),
          or(eq(tasks.candidateId, candidateId), inArray(tasks.applicationId, some(appIds)), inArray(tasks.interviewId, some(ivIds))),
        ),
      ),
    db
      .select({
        id: invitations.id,
        email: invitations.email,
        name: invitations.name,
        role: invitations.role,
        createdAt: invitations.createdAt,
        expiresAt: invitations.expiresAt,
        acceptedAt: invitations.acceptedAt,
        revokedAt: invitations.revokedAt,
      })
      .from(invitations)
      .where(
        and(
          eq(invitations.firmId, f),
          or(eq(invitations.candidateId, candidateId), sql`lower(${invitations.email}) = lower(${candidate.email})`),
        ),
      ),
    db
      .select({ id: users.id, email: users.email, name: users.name, createdAt: users.createdAt, lastSignInAt: users.lastSignInAt })
      .from(users)
      .where(inArray(users.id, some(userIds))),
  ]);
  const emails = unique([candidate.email, ...invites.map((i) => i.email), ...accounts.map((u) => u.email)].map((e) => e.trim().toLowerCase()));
  const needles = candidate.anonymizedAt
    ? needlesOf([...invites.map((i) => i.email), ...accounts.map((u) => u.email)])
    : needlesOf([candidate.name, candidate.email, candidate.phone, ...invites.flatMap((i) => [i.email, i.name]), ...accounts.flatMap((u) => [u.email, u.name])]);
  const ids = unique([
    candidate.id,
    ...appIds,
    ...stageChanges.map((x) => x.id),
    ...ivIds,
    ...dIds,
    ...versions.map((x) => x.id),
    ...people.map((x) => x.id),
    ...calls.map((x) => x.id),
    ...fIds,
    ...taskRows.map((x) => x.id),
    ...invites.map((x) => x.id),
    ...ms.map((x) => x.id),
    ...userIds,
  ]);
  return {
    candidate,
    applications: apps,
    stageChanges,
    interviews: ivs,
    interviewParticipants: participants,
    debriefs: dbs,
    debriefVersions: versions,
    peopleMet: people,
    callLogs: calls,
    interviewerFeedback: feedback,
    feedbackRatings: ratings,
    tasks: taskRows,
    invitations: invites,
    memberships: ms,
    accounts,
    /** The addresses mail to the candidate went to. */
    emails,
    /** What identifies them in free text. */
    needles,
    /** The id of every record above, as the audit log names its entities. */
    ids,
    userIds,
    interviewIds: ivIds,
    debriefIds: dIds,
    callLogIds: calls.map((x) => x.id),
  };
}

export type CandidateRecords = NonNullable<Awaited<ReturnType<typeof findCandidateRecords>>>;

/**
 * The firm's mail to or about the candidate: sent to one of their addresses,
 * keyed by one of their records (debrief, interview, call: `kind:id:…`), or
 * naming them (the mails to recruiters quote the candidate).
 */
export function outboxOf(firmId: string, r: CandidateRecords): SQL {
  const keyed = [...r.debriefIds, ...r.interviewIds, ...r.callLogIds];
  return and(
    eq(emailOutbox.firmId, firmId),
    or(
      inArray(sql`lower(${emailOutbox.to})`, r.emails),
      keyed.length ? inArray(sql`split_part(${emailOutbox.dedupeKey}, ':', 2)`, keyed) : sql`false`,
      mentions(sql`${emailOutbox.subject} || ' ' || ${emailOutbox.text} || ' ' || coalesce(${emailOutbox.html}, '')`, r.needles),
    ),
  )!;
}

/** The firm's audit rows about the candidate's records, or done by their accounts. */
export function auditOf(firmId: string, r: CandidateRecords): SQL {
  return and(
    eq(auditEvents.firmId, firmId),
    or(inArray(auditEvents.entityId, r.ids), inArray(auditEvents.actorUserId, some(r.userIds))),
  )!;
}
