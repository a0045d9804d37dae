import { and, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { isUuid } from "@/lib/core/vocabulary";
import type { DbOrTx } from "../../client";
import { APP_ROLE } from "../../firm-db";
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
  interviews,
  invitations,
  memberships,
  passwordResets,
  tasks,
  throttles,
  users,
  webhookDeliveries,
} from "../../schema";
import { recordAudit } from "../audit";
import type { QueryScope } from "../scope";
import { findCandidateRecords, mentions, outboxOf, some } from "./records";

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
 *   firm's mail and webhook messages to or about them;
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
      .set({ closedReason: ERASED, clientSummary: ERASED, salaryExpectation: ERASED })
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
      .set({ takeaways: ERASED, sharedSummary: ERASED, internalNotes: ERASED, strengths: ERASED, concerns: ERASED })
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
    // Webhook messages about them (an endpoint may have asked for the debrief's text).
    await tx.delete(webhookDeliveries).where(and(eq(webhookDeliveries.firmId, f), eq(webhookDeliveries.candidateId, candidateId)));
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
    await tx.execute(sql`set local role none`);
    await unsafeEraseAccounts(tx, { firmId: f, userIds: r.userIds, emails: r.emails, needles: r.needles, interviewIds: r.interviewIds });
    return "erased";
  });
}

/** A uuid[] literal (ids read from the database; checked anyway, as they are inlined). */
function uuidArray(ids: string[]): string {
  for (const id of ids) if (!isUuid(id)) throw new Error("Not a UUID.");
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

