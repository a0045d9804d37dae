import { and, asc, count, desc, eq, inArray, isNotNull, min, sql } from "drizzle-orm";
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
  interviewerFeedback,
  interviews,
  jobs,
  memberships,
  tasks,
  users,
} from "../schema";
import type { InterviewKind, InterviewStatus, Stage } from "../schema/enums";
import { recordAudit } from "./audit";
import type { QueryScope } from "./scope";

/**
 * The candidate portal's reads: the candidate's own interviews and what their
 * follow-up plans are built from. With `scope.candidateId` set, every
 * statement carries `candidate_id = scope.candidateId` in its WHERE, and no
 * DTO here carries interviewer feedback, scorecards or internal notes.
 */

/** The firm's zone, holidays and follow-up policy: what dates in the portal are computed with. */
export async function getPortalFirm(scope: QueryScope) {
  const [row] = await scope.db
    .select({ name: firms.name, timeZone: firms.timeZone, holidays: firms.holidays, policy: firms.policy })
    .from(firms)
    .where(eq(firms.id, scope.firmId))
    .limit(1);
  return row ?? null;
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
    .innerJoin(applications, and(eq(applications.firmId, interviews.firmId), eq(applications.id, interviews.applicationId)))
    .innerJoin(jobs, and(eq(jobs.firmId, applications.firmId), eq(jobs.id, applications.jobId)))
    .innerJoin(clients, and(eq(clients.firmId, jobs.firmId), eq(clients.id, jobs.clientId)))
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
/**
 * When one of the candidate's own interviews starts, and the firm's time zone:
 * all a debrief's checks need. Null when the interview is not theirs.
 */
export async function getMyInterviewStart(scope: QueryScope, interviewId: string): Promise<{ startsAt: Date; timeZone: string } | null> {
  if (!scope.candidateId) return null;
  const [row] = await scope.db
    .select({ startsAt: interviews.startsAt, timeZone: firms.timeZone })
    .from(interviews)
    .innerJoin(firms, eq(firms.id, interviews.firmId))
    .where(and(eq(interviews.firmId, scope.firmId), eq(interviews.id, interviewId), eq(interviews.candidateId, scope.candidateId)))
    .limit(1);
  return row ?? null;
}

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

async function listInterviewers(scope: QueryScope, interviewIds: string[]) {
  if (interviewIds.length === 0) return [];
  return scope.db
    .select({
      interviewId: interviewParticipants.interviewId,
      contactId: contacts.id,
      name: contacts.name,
      title: contacts.title,
      email: contacts.email,
      phone: contacts.phone,
    })
    .from(interviewParticipants)
    .innerJoin(
      contacts,
      and(eq(contacts.firmId, interviewParticipants.firmId), eq(contacts.id, interviewParticipants.contactId)),
    )
    .where(and(eq(interviewParticipants.firmId, scope.firmId), inArray(interviewParticipants.interviewId, interviewIds)))
    .orderBy(asc(contacts.name), asc(contacts.id));
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
    .innerJoin(applications, and(eq(applications.firmId, interviews.firmId), eq(applications.id, interviews.applicationId)))
    .innerJoin(candidates, and(eq(candidates.firmId, interviews.firmId), eq(candidates.id, interviews.candidateId)))
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
// What a follow-up plan is built from (lib/plans.ts turns it into FollowUpInput).
// ---------------------------------------------------------------------------

export type PlanSource = {
  interview: {
    id: string;
    kind: InterviewKind;
    startsAt: Date;
    endsAt: Date;
    status: InterviewStatus;
    arrangedByFirm: boolean;
    applicationId: string;
    applicationStage: Stage;
    candidateId: string;
    clientName: string;
    jobTitle: string;
  };
  /** Who owns the generated tasks: the application's recruiter (else the candidate's owner) and the candidate's sign-in. */
  owners: { recruiterUserId: string | null; candidateUserId: string | null };
  interviewers: { contactId: string; name: string; email: string | null }[];
  debrief: {
    id: string;
    status: "draft" | "submitted";
    submittedAt: Date | null;
    firstSubmittedAt: Date | null;
    timelineGiven: "yes" | "no" | "unsure" | null;
    expectedDecisionOn: string | null;
    askedToCall: boolean | null;
    callBy: string | null;
    invitedBack: boolean | null;
    invitedBackDetails: string;
    notMentioned: string;
  } | null;
  people: {
    id: string;
    contactId: string | null;
    name: string;
    email: string;
    thankYouSent: boolean;
    thankYouSentAt: Date | null;
    thankYouChannel: "email" | "letter" | "linkedin" | "other" | null;
  }[];
  calls: { id: string; calledAt: Date; contactId: string | null }[];
  /**
   * Facts outside the debrief. The recruiter-side ones (review, client
   * feedback, its decision, the timeline) are read only with
   * `staffProgress`; a candidate's own view of the plan never sees them.
   */
  progress: {
    debriefReviewedAt: Date | null;
    feedbackReceivedAt: Date | null;
    decisionReceivedAt: Date | null;
    timelineObtainedAt: Date | null;
    invitationAcceptedAt: Date | null;
  };
};

export async function listPlanSources(
  scope: QueryScope,
  interviewIds: string[],
  opts: { staffProgress?: boolean } = {},
): Promise<PlanSource[]> {
  const ids = [...new Set(interviewIds)].slice(0, 100);
  if (ids.length === 0) return [];
  const staffProgress = opts.staffProgress === true || !scope.candidateId;
  const where = [eq(interviews.firmId, scope.firmId), inArray(interviews.id, ids)];
  if (scope.candidateId) where.push(eq(interviews.candidateId, scope.candidateId));
  const rows = await scope.db
    .select({
      id: interviews.id,
      kind: interviews.kind,
      startsAt: interviews.startsAt,
      endsAt: interviews.endsAt,
      status: interviews.status,
      arrangedByFirm: interviews.arrangedByFirm,
      applicationId: interviews.applicationId,
      applicationStage: applications.stage,
      candidateId: interviews.candidateId,
      clientName: clients.name,
      jobTitle: jobs.title,
      appRecruiter: applications.recruiterUserId,
      candidateOwner: candidates.ownerUserId,
    })
    .from(interviews)
    .innerJoin(applications, and(eq(applications.firmId, interviews.firmId), eq(applications.id, interviews.applicationId)))
    .innerJoin(jobs, and(eq(jobs.firmId, applications.firmId), eq(jobs.id, applications.jobId)))
    .innerJoin(clients, and(eq(clients.firmId, jobs.firmId), eq(clients.id, jobs.clientId)))
    .innerJoin(candidates, and(eq(candidates.firmId, interviews.firmId), eq(candidates.id, interviews.candidateId)))
    .where(and(...where));
  if (rows.length === 0) return [];
  const found = rows.map((r) => r.id);
  const candidateIds = [...new Set(rows.map((r) => r.candidateId))];

  const debriefWhere = [eq(debriefs.firmId, scope.firmId), inArray(debriefs.interviewId, found)];
  if (scope.candidateId) debriefWhere.push(eq(debriefs.candidateId, scope.candidateId));
  const debriefRows = await scope.db
    .select({
      id: debriefs.id,
      interviewId: debriefs.interviewId,
      status: debriefs.status,
      submittedAt: debriefs.submittedAt,
      firstSubmittedAt: debriefs.firstSubmittedAt,
      reviewedAt: debriefs.reviewedAt,
      timelineGiven: debriefs.timelineGiven,
      expectedDecisionOn: debriefs.expectedDecisionOn,
      askedToCall: debriefs.askedToCall,
      callBy: debriefs.callBy,
      invitedBack: debriefs.invitedBack,
      invitedBackDetails: debriefs.invitedBackDetails,
      notMentioned: debriefs.notMentioned,
    })
    .from(debriefs)
    .where(and(...debriefWhere));
  const debriefIds = debriefRows.map((d) => d.id);

  const peopleRows = debriefIds.length
    ? await scope.db
        .select({
          debriefId: debriefPeople.debriefId,
          id: debriefPeople.id,
          contactId: debriefPeople.contactId,
          name: debriefPeople.name,
          email: debriefPeople.email,
          thankYouSent: debriefPeople.thankYouSent,
          thankYouSentAt: debriefPeople.thankYouSentAt,
          thankYouChannel: debriefPeople.thankYouChannel,
        })
        .from(debriefPeople)
        .where(and(eq(debriefPeople.firmId, scope.firmId), inArray(debriefPeople.debriefId, debriefIds)))
        .orderBy(asc(debriefPeople.position), asc(debriefPeople.createdAt))
    : [];

  const callWhere = [eq(callLogs.firmId, scope.firmId), inArray(callLogs.interviewId, found)];
  if (scope.candidateId) callWhere.push(eq(callLogs.candidateId, scope.candidateId));
  const callRows = await scope.db
    .select({ interviewId: callLogs.interviewId, id: callLogs.id, calledAt: callLogs.calledAt, contactId: callLogs.contactId })
    .from(callLogs)
    .where(and(...callWhere))
    .orderBy(asc(callLogs.calledAt));

  const interviewerRows = await listInterviewers(scope, found);

  const feedbackRows = staffProgress
    ? await scope.db
        .select({
          interviewId: interviewerFeedback.interviewId,
          firstAt: min(interviewerFeedback.receivedAt),
          decidedAt: sql<Date | string | null>`min(${interviewerFeedback.receivedAt}) filter (where ${interviewerFeedback.decision} is not null)`,
        })
        .from(interviewerFeedback)
        .where(and(eq(interviewerFeedback.firmId, scope.firmId), inArray(interviewerFeedback.interviewId, found)))
        .groupBy(interviewerFeedback.interviewId)
    : [];

  const progressKeys = staffProgress ? ["get_timeline", "accept_invitation"] : ["accept_invitation"];
  const taskWhere = [
    eq(tasks.firmId, scope.firmId),
    inArray(tasks.interviewId, found),
    eq(tasks.state, "done"),
    inArray(tasks.policyKey, progressKeys),
    isNotNull(tasks.completedAt),
  ];
  if (scope.candidateId) taskWhere.push(eq(tasks.candidateId, scope.candidateId));
  const doneTasks = await scope.db
    .select({ interviewId: tasks.interviewId, policyKey: tasks.policyKey, completedAt: tasks.completedAt })
    .from(tasks)
    .where(and(...taskWhere));

  const candidateUsers = await scope.db
    .select({ candidateId: memberships.candidateId, userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.firmId, scope.firmId),
        inArray(memberships.candidateId, candidateIds),
        eq(memberships.role, "candidate"),
        eq(memberships.status, "active"),
      ),
    );

  return rows.map((r) => {
    const d = debriefRows.find((x) => x.interviewId === r.id) ?? null;
    const fb = feedbackRows.find((x) => x.interviewId === r.id);
    const taskDone = (key: string) => doneTasks.find((x) => x.interviewId === r.id && x.policyKey === key)?.completedAt ?? null;
    return {
      interview: {
        id: r.id,
        kind: r.kind,
        startsAt: r.startsAt,
        endsAt: r.endsAt,
        status: r.status,
        arrangedByFirm: r.arrangedByFirm,
        applicationId: r.applicationId,
        applicationStage: r.applicationStage,
        candidateId: r.candidateId,
        clientName: r.clientName,
        jobTitle: r.jobTitle,
      },
      owners: {
        recruiterUserId: r.appRecruiter ?? r.candidateOwner ?? null,
        candidateUserId: candidateUsers.find((m) => m.candidateId === r.candidateId)?.userId ?? null,
      },
      interviewers: interviewerRows
        .filter((x) => x.interviewId === r.id)
        .map((x) => ({ contactId: x.contactId, name: x.name, email: x.email })),
      debrief: d
        ? {
            id: d.id,
            status: d.status,
            submittedAt: d.submittedAt,
            firstSubmittedAt: d.firstSubmittedAt,
            timelineGiven: d.timelineGiven,
            expectedDecisionOn: d.expectedDecisionOn,
            askedToCall: d.askedToCall,
            callBy: d.callBy,
            invitedBack: d.invitedBack,
            invitedBackDetails: d.invitedBackDetails,
            notMentioned: d.notMentioned,
          }
        : null,
      people: d ? peopleRows.filter((p) => p.debriefId === d.id).map(({ debriefId: _debriefId, ...p }) => p) : [],
      calls: callRows.filter((c) => c.interviewId === r.id).map(({ interviewId: _interviewId, ...c }) => c),
      progress: {
        debriefReviewedAt: staffProgress ? (d?.reviewedAt ?? null) : null,
        feedbackReceivedAt: toDate(fb?.firstAt),
        decisionReceivedAt: toDate(fb?.decidedAt),
        timelineObtainedAt: taskDone("get_timeline"),
        invitationAcceptedAt: taskDone("accept_invitation"),
      },
    } satisfies PlanSource;
  });
}

/** Aggregates come back as strings from some drivers. */
function toDate(value: Date | string | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(value);
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
  return scope.db.transaction(async (tx) => {
    const t: QueryScope = { ...scope, db: tx };
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
