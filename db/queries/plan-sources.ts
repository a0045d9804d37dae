import { and, asc, eq, inArray, isNotNull, min, sql } from "drizzle-orm";
import {
  applications,
  callLogs,
  candidates,
  clients,
  contacts,
  debriefPeople,
  debriefs,
  interviewParticipants,
  interviewerFeedback,
  interviews,
  jobs,
  memberships,
  tasks,
} from "../schema";
import type { InterviewKind, InterviewStatus, Stage } from "../schema/enums";
import type { QueryScope } from "./scope";
import { withInterviewRecords } from "./interview-joins";

/**
 * What a follow-up plan is built from (lib/plans turns it into the engine's
 * input): the interview, its debrief and people met, the calls logged, and
 * the progress facts. Read for the candidate's own plan (their scope sees
 * their own interviews, without the recruiter-side facts) and for the staff
 * side, whose plan sync stores the steps as the firm's tasks.
 */

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
    callInvitation: "none" | "on_day" | "if_no_news" | "no_date" | null;
    callBy: string | null;
    callTime: string | null;
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
   * feedback, the timeline) are read only with `staffProgress`. A candidate's
   * own view learns only WHEN the client's decision arrived (so their plan
   * says the recruiter has news and closes the call), never what it was.
   * A decision is next round, offer or reject; a hold is not one.
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
  const rows = await withInterviewRecords(
    scope.db
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
      .$dynamic(),
  )
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
      callInvitation: debriefs.callInvitation,
      callBy: debriefs.callBy,
      callTime: debriefs.callTime,
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

  // The candidate learns only that (and when) the client decided, which ends
  // their wait and call; never the feedback or what the decision was.
  const feedbackRows = (
    await scope.db
      .select({
        interviewId: interviewerFeedback.interviewId,
        firstAt: min(interviewerFeedback.receivedAt),
        decidedAt: sql<Date | string | null>`min(${interviewerFeedback.receivedAt}) filter (where ${interviewerFeedback.decision} is not null and ${interviewerFeedback.decision} <> 'hold')`,
      })
      .from(interviewerFeedback)
      .where(and(eq(interviewerFeedback.firmId, scope.firmId), inArray(interviewerFeedback.interviewId, found)))
      .groupBy(interviewerFeedback.interviewId)
  ).map((row) => (staffProgress ? row : { ...row, firstAt: null }));

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
            callInvitation: d.callInvitation,
            callBy: d.callBy,
            callTime: d.callTime,
            invitedBack: d.invitedBack,
            invitedBackDetails: d.invitedBackDetails,
            notMentioned: d.notMentioned,
          }
        : null,
      people: d ? peopleRows.filter((p) => p.debriefId === d.id).map(({ debriefId: _debriefId, ...p }) => p) : [],
      calls: callRows.filter((c) => c.interviewId === r.id).map(({ interviewId: _interviewId, ...c }) => c),
      progress: {
        debriefReviewedAt: staffProgress ? (d?.reviewedAt ?? null) : null,
        feedbackReceivedAt: staffProgress ? toDate(fb?.firstAt) : null,
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

/** The scheduled interviewers of some interviews, by name. */
export async function listInterviewers(scope: QueryScope, interviewIds: string[]) {
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
