import { and, asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../client";
import { auditEvents, authSessions, emailOutbox, passwordResets, webhookDeliveries } from "../../schema";
import { recordAudit } from "../audit";
import type { QueryScope } from "../scope";
import { auditOf, findCandidateRecords, outboxOf } from "./records";

/**
 * Everything the firm holds on one candidate, as plain rows (a data-subject
 * access request): the records, the mail and webhook messages to or about them, the audit log
 * about them, their sign-in in this firm and its sessions. `owner` is the
 * tables' owner connection: sessions are global rows that a firm's scope
 * does not see (see unsafeAccountRecords).
 */
export async function exportCandidateData(scope: QueryScope, owner: DbOrTx, candidateId: string) {
  const r = await findCandidateRecords(scope.db, scope.firmId, candidateId);
  if (!r) return null;
  const [outbox, audit, account, webhookMessages] = await Promise.all([
    scope.db.select().from(emailOutbox).where(outboxOf(scope.firmId, r)).orderBy(asc(emailOutbox.createdAt)),
    scope.db.select().from(auditEvents).where(auditOf(scope.firmId, r)).orderBy(asc(auditEvents.createdAt)),
    unsafeAccountRecords(owner, scope.firmId, r.userIds),
    // The webhook messages about them, as sent to the firm's other systems.
    scope.db
      .select()
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.firmId, scope.firmId), eq(webhookDeliveries.candidateId, candidateId)))
      .orderBy(asc(webhookDeliveries.createdAt)),
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
    webhookDeliveries: webhookMessages,
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
