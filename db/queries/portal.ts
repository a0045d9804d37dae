import { and, asc, count, desc, eq, inArray, isNotNull } from "drizzle-orm";
import {
  applications,
  callLogs,
  candidates,
  clients,
  contacts,
  debriefPeople,
  debriefs,
  firms,
  interviewParticipants,
  interviews,
  jobs,
  memberships,
  policyWithDefaults,
  users,
} from "../schema";
import type { InterviewKind, InterviewStatus, Stage } from "../schema/enums";
import { atomically } from "./atomic";
import { recordAudit } from "./audit";
import { listInterviewers } from "./plan-sources";
import type { QueryScope } from "./scope";
import { interviewJoins } from "./interview-joins";

/**
 * The candidate portal's reads (and the call log, its one write of its own):
 * the candidate's own interviews, their firm's settings, their recruiter.
 * What follow-up plans are built from is in plan-sources.ts. With
 * `scope.candidateId` set, every statement carries `candidate_id =
 * scope.candidateId` in its WHERE, and no DTO here carries interviewer
 * feedback, scorecards or internal notes.
 */

/** The firm's zone, holidays and follow-up policy: what dates in the portal are computed with. */
export async function getPortalFirm(scope: QueryScope) {
  const [row] = await scope.db
    .select({ name: firms.name, timeZone: firms.timeZone, holidays: firms.holidays, policy: firms.policy })
    .from(firms)
    .where(eq(firms.id, scope.firmId))
    .limit(1);
  // A number added to the policy later is missing from an older firm's jsonb.
  return row ? { ...row, policy: policyWithDefaults(row.policy) } : null;
}
export type PortalFirm = NonNullable<Awaited<ReturnType<typeof getPortalFirm>>>;

const INTERVIEW_LIST_COLUMNS = {
  id: interviews.id,
  kind: interviews.kind,
  startsAt: interviews.startsAt,
  endsAt: interviews.endsAt,
  status: interviews.status,
  location: interviews.location,
  videoUrl: interviews.videoUrl,
  arrangedByFirm: interviews.arrangedByFirm,
  applicationId: interviews.applicationId,
  applicationStage: applications.stage,
  jobTitle: jobs.title,
  clientName: clients.name,
  debriefId: debriefs.id,
  debriefStatus: debriefs.status,
  debriefSubmittedVersions: debriefs.submittedVersions,
  debriefSubmittedAt: debriefs.submittedAt,
  debriefLastSavedAt: debriefs.lastSavedAt,
};

export type MyInterview = {
  id: string;
  kind: InterviewKind;
  startsAt: Date;
  endsAt: Date;
  status: InterviewStatus;
  location: string;
  videoUrl: string;
  arrangedByFirm: boolean;
  applicationId: string;
  applicationStage: Stage;
  jobTitle: string;
  clientName: string;
  debriefId: string | null;
  debriefStatus: "draft" | "submitted" | null;
  debriefSubmittedVersions: number | null;
  debriefSubmittedAt: Date | null;
  debriefLastSavedAt: Date | null;
};

function interviewsWithContext(scope: QueryScope, candidateId: string) {
  return scope.db
    .select(INTERVIEW_LIST_COLUMNS)
    .from(interviews)
    .innerJoin(applications, interviewJoins.application)
    .innerJoin(jobs, interviewJoins.job)
    .innerJoin(clients, interviewJoins.client)
    .leftJoin(
      debriefs,
      and(
        eq(debriefs.firmId, interviews.firmId),
        eq(debriefs.interviewId, interviews.id),
        eq(debriefs.candidateId, candidateId),
      ),
    )
    .$dynamic();
}

/** The candidate's interviews, newest first (bounded). Staff scopes have none of their own. */
export async function listMyInterviews(scope: QueryScope, limit = 200): Promise<MyInterview[]> {
  if (!scope.candidateId) return [];
  return interviewsWithContext(scope, scope.candidateId)
    .where(and(eq(interviews.firmId, scope.firmId), eq(interviews.candidateId, scope.candidateId)))
    .orderBy(desc(interviews.startsAt), desc(interviews.id))
    .limit(Math.min(limit, 500));
}

export type ScheduledInterviewer = {
  contactId: string;
  name: string;
  title: string;
  email: string | null;
  phone: string;
};

/** One of the candidate's interviews with its scheduled interviewers and recruiter's name, or null. */
export async function getMyInterview(scope: QueryScope, interviewId: string) {
  if (!scope.candidateId) return null;
  const [row] = await interviewsWithContext(scope, scope.candidateId)
    .where(
      and(eq(interviews.firmId, scope.firmId), eq(interviews.id, interviewId), eq(interviews.candidateId, scope.candidateId)),
    )
    .limit(1);
  if (!row) return null;
  const interviewers: ScheduledInterviewer[] = await listInterviewers(scope, [row.id]).then((rows) =>
    rows.map(({ interviewId: _interviewId, ...rest }) => rest),
  );
  const recruiter = await getInterviewRecruiter(scope, row.id);
  return { ...row, interviewers, recruiterName: recruiter?.name ?? null };
}

/**
 * The recruiter who hears about this interview: the application's recruiter,
 * else the candidate's owner — whoever of them is still active in the firm.
 */
export async function getInterviewRecruiter(scope: QueryScope, interviewId: string) {
  const where = [eq(interviews.firmId, scope.firmId), eq(interviews.id, interviewId)];
  if (scope.candidateId) where.push(eq(interviews.candidateId, scope.candidateId));
  const [ids] = await scope.db
    .select({ appRecruiter: applications.recruiterUserId, owner: candidates.ownerUserId })
    .from(interviews)
    .innerJoin(applications, interviewJoins.application)
    .innerJoin(candidates, interviewJoins.candidate)
    .where(and(...where))
    .limit(1);
  if (!ids) return null;
  const preferred = [ids.appRecruiter, ids.owner].filter((id): id is string => Boolean(id));
  if (preferred.length === 0) return null;
  const staff = await scope.db
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.firmId, scope.firmId),
        inArray(memberships.userId, preferred),
        eq(memberships.status, "active"),
        inArray(memberships.role, ["admin", "recruiter"]),
      ),
    );
  for (const id of preferred) {
    const found = staff.find((s) => s.userId === id);
    if (found) return found;
  }
  return null;
}

// ---------------------------------------------------------------------------
// Calls to the interviewer (rule 4).
// ---------------------------------------------------------------------------

export type LogCallResult =
  | { status: "logged"; id: string; callCount: number }
  | { status: "not_found" }
  | { status: "closed"; interviewStatus: InterviewStatus };

/**
 * The candidate logs a call to an interviewer. The contact is kept only when
 * it is one of the interview's interviewers or people met.
 */
export async function logCall(
  scope: QueryScope,
  input: { interviewId: string; contactId?: string | null; calledAt: Date; notes: string },
): Promise<LogCallResult> {
  const candidateId = scope.candidateId;
  if (!candidateId) return { status: "not_found" };
  return atomically(scope, async (t) => {
    const tx = t.db;
    const [iv] = await tx
      .select({ id: interviews.id, status: interviews.status })
      .from(interviews)
      .where(
        and(eq(interviews.firmId, t.firmId), eq(interviews.id, input.interviewId), eq(interviews.candidateId, candidateId)),
      )
      .limit(1);
    if (!iv) return { status: "not_found" } as const;
    if (iv.status === "cancelled" || iv.status === "no_show") return { status: "closed", interviewStatus: iv.status } as const;

    let contactId: string | null = null;
    if (input.contactId) {
      const known = await knownContacts(t, candidateId, input.interviewId);
      if (known.has(input.contactId)) contactId = input.contactId;
    }
    const [row] = await tx
      .insert(callLogs)
      .values({
        firmId: t.firmId,
        interviewId: input.interviewId,
        candidateId,
        contactId,
        calledAt: input.calledAt,
        notes: input.notes,
        loggedBy: t.userId,
      })
      .returning({ id: callLogs.id });
    const [n] = await tx
      .select({ n: count() })
      .from(callLogs)
      .where(
        and(eq(callLogs.firmId, t.firmId), eq(callLogs.interviewId, input.interviewId), eq(callLogs.candidateId, candidateId)),
      );
    await recordAudit(t, {
      action: "call.logged",
      entityType: "call_log",
      entityId: row!.id,
      changes: { interviewId: input.interviewId, calledAt: input.calledAt.toISOString() },
    });
    return { status: "logged", id: row!.id, callCount: n?.n ?? 1 } as const;
  });
}

async function knownContacts(t: QueryScope, candidateId: string, interviewId: string): Promise<Set<string>> {
  const scheduled = await t.db
    .select({ contactId: interviewParticipants.contactId })
    .from(interviewParticipants)
    .where(and(eq(interviewParticipants.firmId, t.firmId), eq(interviewParticipants.interviewId, interviewId)));
  const met = await t.db
    .select({ contactId: debriefPeople.contactId })
    .from(debriefPeople)
    .innerJoin(debriefs, and(eq(debriefs.firmId, debriefPeople.firmId), eq(debriefs.id, debriefPeople.debriefId)))
    .where(
      and(
        eq(debriefPeople.firmId, t.firmId),
        eq(debriefs.interviewId, interviewId),
        eq(debriefs.candidateId, candidateId),
        isNotNull(debriefPeople.contactId),
      ),
    );
  return new Set([...scheduled, ...met].map((r) => r.contactId).filter((id): id is string => Boolean(id)));
}

/** The calls the candidate logged for one interview, oldest first. */
export async function listMyCalls(scope: QueryScope, interviewId: string) {
  if (!scope.candidateId) return [];
  return scope.db
    .select({ id: callLogs.id, calledAt: callLogs.calledAt, notes: callLogs.notes, contactName: contacts.name })
    .from(callLogs)
    .leftJoin(contacts, and(eq(contacts.firmId, callLogs.firmId), eq(contacts.id, callLogs.contactId)))
    .where(
      and(
        eq(callLogs.firmId, scope.firmId),
        eq(callLogs.interviewId, interviewId),
        eq(callLogs.candidateId, scope.candidateId),
      ),
    )
    .orderBy(asc(callLogs.calledAt))
    .limit(50);
}
