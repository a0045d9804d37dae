import { and, asc, eq, ilike, inArray, isNull, or, sql } from "drizzle-orm";
import {
  applications,
  applicationStageChanges,
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
  tasks,
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

/** Everything the firm holds on one candidate, as plain rows (a data-subject access request). */
export async function exportCandidateData(scope: QueryScope, candidateId: string) {
  const f = scope.firmId;
  const [candidate] = await scope.db
    .select()
    .from(candidates)
    .where(and(eq(candidates.firmId, f), eq(candidates.id, candidateId)))
    .limit(1);
  if (!candidate) return null;
  const apps = await scope.db
    .select()
    .from(applications)
    .where(and(eq(applications.firmId, f), eq(applications.candidateId, candidateId)));
  const appIds = apps.map((a) => a.id);
  const ivs = await scope.db
    .select()
    .from(interviews)
    .where(and(eq(interviews.firmId, f), eq(interviews.candidateId, candidateId)));
  const ivIds = ivs.map((i) => i.id);
  const dbs = await scope.db
    .select()
    .from(debriefs)
    .where(and(eq(debriefs.firmId, f), eq(debriefs.candidateId, candidateId)));
  const dIds = dbs.map((d) => d.id);
  const none = ["00000000-0000-0000-0000-000000000000"];
  const feedback = await scope.db
    .select()
    .from(interviewerFeedback)
    .where(and(eq(interviewerFeedback.firmId, f), inArray(interviewerFeedback.interviewId, ivIds.length ? ivIds : none)));
  const fIds = feedback.map((x) => x.id);
  const [stageChanges, versions, people, calls, ratings, taskRows, invites] = await Promise.all([
    scope.db
      .select()
      .from(applicationStageChanges)
      .where(and(eq(applicationStageChanges.firmId, f), inArray(applicationStageChanges.applicationId, appIds.length ? appIds : none))),
    scope.db
      .select()
      .from(debriefVersions)
      .where(and(eq(debriefVersions.firmId, f), inArray(debriefVersions.debriefId, dIds.length ? dIds : none))),
    scope.db
      .select()
      .from(debriefPeople)
      .where(and(eq(debriefPeople.firmId, f), inArray(debriefPeople.debriefId, dIds.length ? dIds : none))),
    scope.db
      .select()
      .from(callLogs)
      .where(and(eq(callLogs.firmId, f), eq(callLogs.candidateId, candidateId))),
    scope.db
      .select()
      .from(feedbackRatings)
      .where(and(eq(feedbackRatings.firmId, f), inArray(feedbackRatings.feedbackId, fIds.length ? fIds : none))),
    scope.db
      .select()
      .from(tasks)
      .where(and(eq(tasks.firmId, f), eq(tasks.candidateId, candidateId))),
    scope.db
      .select({ id: invitations.id, email: invitations.email, createdAt: invitations.createdAt, acceptedAt: invitations.acceptedAt })
      .from(invitations)
      .where(and(eq(invitations.firmId, f), eq(invitations.candidateId, candidateId))),
  ]);
  await recordAudit(scope, { action: "candidate.export", entityType: "candidate", entityId: candidateId });
  return {
    candidate,
    applications: apps,
    stageChanges,
    interviews: ivs,
    debriefs: dbs,
    debriefVersions: versions,
    peopleMet: people,
    callLogs: calls,
    interviewerFeedback: feedback,
    feedbackRatings: ratings,
    tasks: taskRows,
    invitations: invites,
  };
}

const ERASED = "";

/**
 * Erases a candidate's personal data and keeps the rows, so counts, stages and
 * timings in reports stay right: names, contact details and every free text
 * written by or about the candidate are blanked; their sign-in is closed.
 */
export async function eraseCandidate(scope: QueryScope, candidateId: string, reason: string): Promise<"erased" | "not_found"> {
  return scope.db.transaction(async (tx) => {
    const f = scope.firmId;
    const now = new Date();
    const [c] = await tx
      .update(candidates)
      .set({
        name: "Erased candidate",
        email: `erased+${candidateId}@erased.invalid`,
        phone: ERASED,
        location: ERASED,
        headline: ERASED,
        notes: ERASED,
        anonymizedAt: now,
        archivedAt: sql`coalesce(${candidates.archivedAt}, now())`,
        version: sql`${candidates.version} + 1`,
      })
      .where(and(eq(candidates.firmId, f), eq(candidates.id, candidateId)))
      .returning({ id: candidates.id });
    if (!c) return "not_found";
    const [old] = await tx
      .select({ email: invitations.email })
      .from(invitations)
      .where(and(eq(invitations.firmId, f), eq(invitations.candidateId, candidateId)))
      .limit(1);
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
      .where(and(eq(debriefs.firmId, f), eq(debriefs.candidateId, candidateId)));
    const dIds = tx
      .select({ id: debriefs.id })
      .from(debriefs)
      .where(and(eq(debriefs.firmId, f), eq(debriefs.candidateId, candidateId)));
    await tx
      .update(debriefVersions)
      .set({ snapshot: { erased: true } })
      .where(and(eq(debriefVersions.firmId, f), inArray(debriefVersions.debriefId, dIds)));
    await tx
      .update(callLogs)
      .set({ notes: ERASED })
      .where(and(eq(callLogs.firmId, f), eq(callLogs.candidateId, candidateId)));
    const ivIds = tx
      .select({ id: interviews.id })
      .from(interviews)
      .where(and(eq(interviews.firmId, f), eq(interviews.candidateId, candidateId)));
    await tx
      .update(interviewerFeedback)
      .set({ takeaways: ERASED, sharedSummary: ERASED, internalNotes: ERASED })
      .where(and(eq(interviewerFeedback.firmId, f), inArray(interviewerFeedback.interviewId, ivIds)));
    const fbIds = tx
      .select({ id: interviewerFeedback.id })
      .from(interviewerFeedback)
      .where(and(eq(interviewerFeedback.firmId, f), inArray(interviewerFeedback.interviewId, ivIds)));
    await tx
      .update(feedbackRatings)
      .set({ note: ERASED })
      .where(and(eq(feedbackRatings.firmId, f), inArray(feedbackRatings.feedbackId, fbIds)));
    await tx
      .update(interviews)
      .set({ notes: ERASED })
      .where(and(eq(interviews.firmId, f), eq(interviews.candidateId, candidateId)));
    await tx
      .update(tasks)
      .set({ details: ERASED })
      .where(and(eq(tasks.firmId, f), eq(tasks.candidateId, candidateId)));
    await tx
      .update(invitations)
      .set({ email: `erased+${candidateId}@erased.invalid`, name: ERASED, revokedAt: sql`coalesce(${invitations.revokedAt}, now())` })
      .where(and(eq(invitations.firmId, f), eq(invitations.candidateId, candidateId)));
    if (old?.email) {
      await tx.delete(emailOutbox).where(and(eq(emailOutbox.firmId, f), eq(emailOutbox.to, old.email)));
    }
    // The candidate's sign-in: closed here; the person's global account is blanked if this was its only firm.
    const ms = await tx
      .update(memberships)
      .set({ status: "deactivated", version: sql`${memberships.version} + 1` })
      .where(and(eq(memberships.firmId, f), eq(memberships.candidateId, candidateId)))
      .returning({ userId: memberships.userId });
    for (const m of ms) {
      const others = await tx
        .select({ id: memberships.id })
        .from(memberships)
        .where(and(eq(memberships.userId, m.userId), eq(memberships.status, "active")))
        .limit(1);
      await tx
        .update(authSessions)
        .set({ revokedAt: now })
        .where(and(eq(authSessions.userId, m.userId), eq(authSessions.firmId, f), isNull(authSessions.revokedAt)));
      if (others.length === 0) {
        await tx
          .update(users)
          .set({
            email: `erased+${m.userId}@erased.invalid`,
            name: "Erased user",
            passwordHash: null,
            mfaSecret: null,
            mfaEnabledAt: null,
            recoveryCodeHashes: [],
            sessionVersion: sql`${users.sessionVersion} + 1`,
          })
          .where(eq(users.id, m.userId));
      }
    }
    await recordAudit(
      { ...scope, db: tx },
      { action: "candidate.erase", entityType: "candidate", entityId: candidateId, changes: { reason } },
    );
    return "erased";
  });
}

/**
 * The firm's retention rule: candidates whose every application was rejected
 * or withdrawn more than `days` ago (and none is open) are erased. Returns the
 * ids erased.
 */
export async function eraseExpiredCandidates(scope: QueryScope, days: number, now = new Date()): Promise<string[]> {
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
    if ((await eraseCandidate(scope, id, `retention: closed more than ${days} days ago`)) === "erased") erased.push(id);
  }
  return erased;
}

