import { and, asc, eq, ilike, inArray, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { APP_ROLE } from "../firm-db";
import {
  applications,
  applicationStageChanges,
  auditEvents,
  authSessions,
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
  passwordResets,
  tasks,
  throttles,
  users,
} from "../schema";
import { recordAudit } from "./audit";
import type { QueryScope } from "./scope";

/** Candidates matching a name or email, for the data-requests page (bounded). */
export async function searchCandidatesForDataRequest(scope: QueryScope, q: string) {
  const term = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return scope.db
    .select({ id: candidates.id, name: candidates.name, email: candidates.email, anonymizedAt: candidates.anonymizedAt })
    .from(candidates)
    .where(and(eq(candidates.firmId, scope.firmId), or(ilike(candidates.name, term), ilike(candidates.email, term))))
    .orderBy(asc(candidates.name))
    .limit(20);
}

const NONE = ["00000000-0000-0000-0000-000000000000"];
const some = (ids: string[]) => (ids.length ? ids : NONE);
const unique = (xs: string[]) => [...new Set(xs)];

/** Where a text holds one of the needles, ignoring case (no pattern characters: plain containment). */
function mentions(text: SQL, needles: string[]): SQL {
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
async function findCandidateRecords(db: DbOrTx, firmId: string, candidateId: string) {
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

type CandidateRecords = NonNullable<Awaited<ReturnType<typeof findCandidateRecords>>>;

/**
 * The firm's mail to or about the candidate: sent to one of their addresses,
 * keyed by one of their records (debrief, interview, call: `kind:id:…`), or
 * naming them (the mails to recruiters quote the candidate).
 */
function outboxOf(firmId: string, r: CandidateRecords): SQL {
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
function auditOf(firmId: string, r: CandidateRecords): SQL {
  return and(
    eq(auditEvents.firmId, firmId),
    or(inArray(auditEvents.entityId, r.ids), inArray(auditEvents.actorUserId, some(r.userIds))),
  )!;
}

/**
 * Everything the firm holds on one candidate, as plain rows (a data-subject
 * access request): the records, the mail to or about them, the audit log
 * about them, their sign-in in this firm and its sessions. `owner` is the
 * tables' owner connection: sessions are global rows that a firm's scope
 * does not see (see unsafeAccountRecords).
 */
export async function exportCandidateData(scope: QueryScope, owner: DbOrTx, candidateId: string) {
  const r = await findCandidateRecords(scope.db, scope.firmId, candidateId);
  if (!r) return null;
  const [outbox, audit, account] = await Promise.all([
    scope.db.select().from(emailOutbox).where(outboxOf(scope.firmId, r)).orderBy(asc(emailOutbox.createdAt)),
    scope.db.select().from(auditEvents).where(auditOf(scope.firmId, r)).orderBy(asc(auditEvents.createdAt)),
    unsafeAccountRecords(owner, scope.firmId, r.userIds),
  ]);
  await recordAudit(scope, { action: "candidate.export", entityType: "candidate", entityId: candidateId });
  return {
    candidate: r.candidate,
    applications: r.applications,
    stageChanges: r.stageChanges,
    interviews: r.interviews,
    interviewParticipants: r.interviewParticipants,
    debriefs: r.debriefs,
    debriefVersions: r.debriefVersions,
    peopleMet: r.peopleMet,
    callLogs: r.callLogs,
    interviewerFeedback: r.interviewerFeedback,
    feedbackRatings: r.feedbackRatings,
    tasks: r.tasks,
    invitations: r.invitations,
    memberships: r.memberships,
    accounts: r.accounts,
    sessions: account.sessions,
    passwordResets: account.passwordResets,
    outbox,
    auditEvents: audit,
  };
}

/**
 * Unscoped: sessions and password resets are global rows (a person's, not a
 * firm's), which row-level security hides from a firm's scope. Only for the
 * accounts a data request found through this firm's memberships: their
 * sessions in this firm, and (metadata only) their password resets.
 */
export async function unsafeAccountRecords(owner: DbOrTx, firmId: string, userIds: string[]) {
  if (userIds.length === 0) return { sessions: [], passwordResets: [] };
  const [sessions, resets] = await Promise.all([
    owner
      .select()
      .from(authSessions)
      .where(and(inArray(authSessions.userId, userIds), eq(authSessions.firmId, firmId))),
    owner
      .select({ id: passwordResets.id, userId: passwordResets.userId, createdAt: passwordResets.createdAt, expiresAt: passwordResets.expiresAt, usedAt: passwordResets.usedAt })
      .from(passwordResets)
      .where(inArray(passwordResets.userId, userIds)),
  ]);
  return { sessions, passwordResets: resets };
}

/** Why a candidate was erased: at their request (the erase form), or under the firm's retention period. */
export type ErasureBasis = { kind: "request" } | { kind: "retention"; days: number };

const ERASED = "";

/**
 * Erases a candidate's personal data and keeps the rows, so counts, stages and
 * timings in reports stay right. In one transaction:
 * - every free text written by or about the candidate is blanked (debriefs and
 *   their versions, people met, calls, client feedback, notes, task titles and
 *   details, rejection and stage-change reasons), their name and contact
 *   details replaced;
 * - their invitations and their membership of this firm are deleted, and the
 *   firm's mail to or about them;
 * - the firm's audit rows about their records keep ids, actions and times and
 *   lose every other value (audit_events_redact, migration 0005);
 * - their account: deleted with its sessions and password resets when this
 *   was its only firm; otherwise kept, with only this firm's sessions ended.
 *
 * `owner` is the tables' owner connection. The firm's rows are changed as the
 * app role under row-level security, like any scope's work; the global rows
 * (accounts, sessions, resets, queued jobs) after switching back, in
 * unsafeEraseAccounts.
 */
export async function eraseCandidate(
  scope: QueryScope,
  owner: DbOrTx,
  candidateId: string,
  basis: ErasureBasis,
): Promise<"erased" | "not_found"> {
  return owner.transaction(async (tx) => {
    const f = scope.firmId;
    // As the app role for this firm, the way firmScopedDb runs a scope's work (row-level security applies).
    await tx.execute(sql`select set_config('app.firm_id', ${f}, true), set_config('app.user_id', ${scope.userId}, true)`);
    await tx.execute(sql.raw(`set local role ${APP_ROLE}`));
    const r = await findCandidateRecords(tx, f, candidateId);
    if (!r) return "not_found";
    const appIds = r.applications.map((a) => a.id);
    const fIds = r.interviewerFeedback.map((x) => x.id);
    await tx
      .update(candidates)
      .set({
        name: "Erased candidate",
        email: `erased+${candidateId}@erased.invalid`,
        phone: ERASED,
        location: ERASED,
        headline: ERASED,
        notes: ERASED,
        anonymizedAt: sql`coalesce(${candidates.anonymizedAt}, now())`,
        archivedAt: sql`coalesce(${candidates.archivedAt}, now())`,
        version: sql`${candidates.version} + 1`,
      })
      .where(and(eq(candidates.firmId, f), eq(candidates.id, candidateId)));
    await tx
      .update(applications)
      .set({ closedReason: ERASED })
      .where(and(eq(applications.firmId, f), inArray(applications.id, some(appIds))));
    await tx
      .update(applicationStageChanges)
      .set({ reason: ERASED })
      .where(and(eq(applicationStageChanges.firmId, f), inArray(applicationStageChanges.applicationId, some(appIds))));
    await tx
      .update(debriefs)
      .set({
        wentWell: ERASED,
        concerns: ERASED,
        questionsAsked: ERASED,
        notMentioned: ERASED,
        timelineDetails: ERASED,
        invitedBackDetails: ERASED,
        salaryDiscussed: ERASED,
        otherProcesses: ERASED,
        availability: ERASED,
        notesForRecruiter: ERASED,
      })
      .where(and(eq(debriefs.firmId, f), inArray(debriefs.id, some(r.debriefIds))));
    await tx
      .update(debriefVersions)
      .set({ snapshot: { erased: true } })
      .where(and(eq(debriefVersions.firmId, f), inArray(debriefVersions.debriefId, some(r.debriefIds))));
    // The people the candidate met: the link to a confirmed client contact stays, what the candidate typed goes.
    await tx
      .update(debriefPeople)
      .set({ name: ERASED, title: ERASED, email: ERASED, phone: ERASED })
      .where(and(eq(debriefPeople.firmId, f), inArray(debriefPeople.debriefId, some(r.debriefIds))));
    await tx
      .update(callLogs)
      .set({ notes: ERASED })
      .where(and(eq(callLogs.firmId, f), inArray(callLogs.id, some(r.callLogIds))));
    await tx
      .update(interviewerFeedback)
      .set({ takeaways: ERASED, sharedSummary: ERASED, internalNotes: ERASED })
      .where(and(eq(interviewerFeedback.firmId, f), inArray(interviewerFeedback.id, some(fIds))));
    await tx
      .update(feedbackRatings)
      .set({ note: ERASED })
      .where(and(eq(feedbackRatings.firmId, f), inArray(feedbackRatings.feedbackId, some(fIds))));
    await tx
      .update(interviews)
      .set({ notes: ERASED, location: ERASED, videoUrl: ERASED })
      .where(and(eq(interviews.firmId, f), inArray(interviews.id, some(r.interviewIds))));
    await tx
      .update(tasks)
      .set({ title: "Erased", details: ERASED })
      .where(and(eq(tasks.firmId, f), inArray(tasks.id, some(r.tasks.map((t) => t.id)))));
    await tx.delete(invitations).where(and(eq(invitations.firmId, f), inArray(invitations.id, some(r.invitations.map((i) => i.id)))));
    await tx.delete(emailOutbox).where(outboxOf(f, r));
    await tx.delete(memberships).where(and(eq(memberships.firmId, f), inArray(memberships.id, some(r.memberships.map((m) => m.id)))));
    // Audit rows keep ids, actions and times; every other value goes, and the
    // candidate's accounts stop being named as actors (so they can be deleted).
    const actors = r.userIds.length ? r.userIds : [null];
    for (const actor of actors) {
      await tx.execute(sql`select audit_events_redact(${f}::uuid, ${sql.raw(uuidArray(r.ids))}, ${actor}::uuid)`);
    }
    await recordAudit(
      { ...scope, db: tx },
      {
        action: "candidate.erase",
        entityType: "candidate",
        entityId: candidateId,
        changes: basis.kind === "retention" ? { basis: "retention", days: basis.days } : { basis: "request" },
      },
    );
    await tx.execute(sql`reset role`);
    await unsafeEraseAccounts(tx, { firmId: f, userIds: r.userIds, emails: r.emails, needles: r.needles, interviewIds: r.interviewIds });
    return "erased";
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A uuid[] literal (ids read from the database; checked anyway, as they are inlined). */
function uuidArray(ids: string[]): string {
  for (const id of ids) if (!UUID.test(id)) throw new Error("Not a UUID.");
  return `array[${ids.map((id) => `'${id}'`).join(",")}]::uuid[]`;
}

/**
 * Unscoped: a person's account, sessions and password resets are global rows,
 * as are mail sent before sign-in (no firm), sign-in throttles keyed by email
 * and queued jobs. Called only by eraseCandidate, in its transaction, on the
 * owner connection, for the accounts whose membership of `firmId` it has just
 * deleted and the addresses it found through that firm's records.
 *
 * An account that belongs to no other firm, and that no other firm's audit log
 * names as an actor, is deleted (its sessions and resets with it). One that
 * does keeps existing for the other firms: only its sessions in `firmId` end;
 * without any membership left it is blanked instead of deleted.
 */
export async function unsafeEraseAccounts(
  tx: DbOrTx,
  input: { firmId: string; userIds: string[]; emails: string[]; needles: string[]; interviewIds: string[] },
): Promise<void> {
  const kept = new Set<string>();
  for (const userId of input.userIds) {
    await tx.delete(authSessions).where(and(eq(authSessions.userId, userId), eq(authSessions.firmId, input.firmId)));
    const [elsewhere] = await tx.select({ id: memberships.id }).from(memberships).where(eq(memberships.userId, userId)).limit(1);
    if (elsewhere) {
      const [u] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
      if (u) kept.add(u.email.toLowerCase());
      continue;
    }
    const [named] = await tx
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(and(eq(auditEvents.actorUserId, userId), ne(auditEvents.firmId, input.firmId)))
      .limit(1);
    if (named) {
      await tx.delete(authSessions).where(eq(authSessions.userId, userId));
      await tx.delete(passwordResets).where(eq(passwordResets.userId, userId));
      await tx
        .update(users)
        .set({
          email: `erased+${userId}@erased.invalid`,
          name: "Erased user",
          passwordHash: null,
          mfaSecret: null,
          mfaEnabledAt: null,
          mfaLastStep: null,
          recoveryCodeHashes: [],
          sessionVersion: sql`${users.sessionVersion} + 1`,
        })
        .where(eq(users.id, userId));
    } else {
      await tx.delete(users).where(eq(users.id, userId));
    }
  }
  const gone = input.emails.filter((e) => !kept.has(e));
  if (gone.length) {
    // Mail that belongs to a person rather than a firm, and the throttle buckets keyed by their address
    // (sign-in attempts, reset requests: `kind:…:address`).
    await tx.delete(emailOutbox).where(and(isNull(emailOutbox.firmId), inArray(sql`lower(${emailOutbox.to})`, gone)));
    await tx.delete(throttles).where(mentions(sql`${throttles.key}`, gone));
  }
  // Queued reminder jobs (PostgreSQL only: pg-boss keeps them in its own schema) of this firm naming the candidate.
  const found = (await tx.execute(
    sql`select to_regclass('pgboss.job') is not null as job, to_regclass('pgboss.archive') is not null as archive`,
  )) as unknown as { rows: { job: boolean; archive: boolean }[] };
  const queue = found.rows[0];
  const about = or(
    input.interviewIds.length ? sql`data->>'interviewId' = any(${sql.raw(uuidArray(input.interviewIds))}::text[])` : sql`false`,
    mentions(sql`data::text`, input.needles),
  );
  if (queue?.job) await tx.execute(sql`delete from pgboss.job where data->>'firmId' = ${input.firmId} and (${about})`);
  if (queue?.archive) await tx.execute(sql`delete from pgboss.archive where data->>'firmId' = ${input.firmId} and (${about})`);
}

/**
 * The firm's retention rule: candidates whose every application was rejected
 * or withdrawn more than `days` ago (and none is open) are erased. Returns the
 * ids erased.
 */
export async function eraseExpiredCandidates(scope: QueryScope, owner: DbOrTx, days: number, now = new Date()): Promise<string[]> {
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  const due = await scope.db
    .select({ id: candidates.id })
    .from(candidates)
    .where(
      and(
        eq(candidates.firmId, scope.firmId),
        isNull(candidates.anonymizedAt),
        sql`exists (select 1 from ${applications} a where a.firm_id = ${candidates.firmId} and a.candidate_id = ${candidates.id})`,
        sql`not exists (select 1 from ${applications} a where a.firm_id = ${candidates.firmId} and a.candidate_id = ${candidates.id}
              and (a.stage not in ('rejected', 'withdrawn') or a.stage_changed_at >= ${cutoff}))`,
      ),
    )
    .limit(500);
  const erased: string[] = [];
  for (const { id } of due) {
    if ((await eraseCandidate(scope, owner, id, { kind: "retention", days })) === "erased") erased.push(id);
  }
  return erased;
}

