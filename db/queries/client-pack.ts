import { and, asc, eq, inArray } from "drizzle-orm";
import { applications, candidates, clients, contacts, firms, interviewParticipants, interviews, jobs } from "../schema";
import type { InterviewKind, InterviewStatus } from "../schema/enums";
import { recordAudit } from "./audit";
import { isStaffScope, type QueryScope } from "./scope";
import { changeAtVersion, changedFields, NOT_FOUND, type RecordKind, type SaveResult, updateVersioned } from "./versioned";

/**
 * The client pack: what a firm hands its client about one candidate for one
 * job. These reads select only what the pack prints — never the candidate's
 * contact details or notes, the debriefs, the feedback or another client's
 * records — so nothing internal can reach the PDF by accident.
 */

/** The rounds a client pack lists: cancelled rounds and no-shows are left out. */
export const CLIENT_PACK_INTERVIEW_STATUSES: readonly InterviewStatus[] = ["scheduled", "completed"];

export interface ClientPackInterview {
  id: string;
  kind: InterviewKind;
  status: InterviewStatus;
  startsAt: Date;
  endsAt: Date;
  location: string;
  videoUrl: string;
  interviewers: { name: string; title: string }[];
}

export interface ClientPackData {
  applicationId: string;
  firmName: string;
  timeZone: string;
  candidateName: string;
  candidateHeadline: string;
  candidateLocation: string;
  clientSummary: string;
  salaryExpectation: string;
  jobTitle: string;
  jobLocation: string;
  clientId: string;
  clientName: string;
  interviews: ClientPackInterview[];
}

/**
 * Everything one application's client pack prints, or null when the firm has
 * no such application (or its candidate's data was erased). Staff only.
 */
export async function getClientPackData(scope: QueryScope, applicationId: string): Promise<ClientPackData | null> {
  if (!isStaffScope(scope)) return null;
  const [row] = await scope.db
    .select({
      applicationId: applications.id,
      firmName: firms.name,
      timeZone: firms.timeZone,
      candidateName: candidates.name,
      candidateHeadline: candidates.headline,
      candidateLocation: candidates.location,
      candidateErased: candidates.anonymizedAt,
      clientSummary: applications.clientSummary,
      salaryExpectation: applications.salaryExpectation,
      jobTitle: jobs.title,
      jobLocation: jobs.location,
      clientId: clients.id,
      clientName: clients.name,
    })
    .from(applications)
    .innerJoin(firms, eq(firms.id, applications.firmId))
    .innerJoin(candidates, and(eq(candidates.firmId, applications.firmId), eq(candidates.id, applications.candidateId)))
    .innerJoin(jobs, and(eq(jobs.firmId, applications.firmId), eq(jobs.id, applications.jobId)))
    .innerJoin(clients, and(eq(clients.firmId, jobs.firmId), eq(clients.id, jobs.clientId)))
    .where(and(eq(applications.firmId, scope.firmId), eq(applications.id, applicationId)))
    .limit(1);
  if (!row || row.candidateErased) return null;
  const { candidateErased: _erased, ...pack } = row;

  const rounds = await scope.db
    .select({
      id: interviews.id,
      kind: interviews.kind,
      status: interviews.status,
      startsAt: interviews.startsAt,
      endsAt: interviews.endsAt,
      location: interviews.location,
      videoUrl: interviews.videoUrl,
    })
    .from(interviews)
    .where(
      and(
        eq(interviews.firmId, scope.firmId),
        eq(interviews.applicationId, applicationId),
        inArray(interviews.status, [...CLIENT_PACK_INTERVIEW_STATUSES]),
      ),
    )
    .orderBy(asc(interviews.startsAt), asc(interviews.id))
    .limit(50);

  const people =
    rounds.length === 0
      ? []
      : await scope.db
          .select({ interviewId: interviewParticipants.interviewId, name: contacts.name, title: contacts.title })
          .from(interviewParticipants)
          .innerJoin(contacts, and(eq(contacts.firmId, interviewParticipants.firmId), eq(contacts.id, interviewParticipants.contactId)))
          .where(
            and(
              eq(interviewParticipants.firmId, scope.firmId),
              inArray(
                interviewParticipants.interviewId,
                rounds.map((r) => r.id),
              ),
              // The job's client's own people only: the pack never names anyone of another client.
              eq(contacts.clientId, row.clientId),
            ),
          )
          .orderBy(asc(contacts.name), asc(contacts.id))
          .limit(500);

  return {
    ...pack,
    interviews: rounds.map((r) => ({
      ...r,
      interviewers: people.filter((p) => p.interviewId === r.id).map(({ name, title }) => ({ name, title })),
    })),
  };
}

/** An application's client-pack fields as its editor saw them. */
export type ClientPackFieldsRecord = {
  id: string;
  candidateId: string;
  jobId: string;
  clientSummary: string;
  salaryExpectation: string;
  version: number;
};

const clientPackFieldsKind: RecordKind<ClientPackFieldsRecord> = {
  table: applications,
  columns: {
    id: applications.id,
    candidateId: applications.candidateId,
    jobId: applications.jobId,
    clientSummary: applications.clientSummary,
    salaryExpectation: applications.salaryExpectation,
    version: applications.version,
  },
  entityType: "application",
};

/**
 * Saves what the recruiter writes for the client (the shareable summary and
 * the salary expectation) at the version the editor saw. The audit row names
 * the fields that changed, never their text.
 */
export async function updateClientPackFields(
  scope: QueryScope,
  input: { id: string; version: number; clientSummary: string; salaryExpectation: string },
): Promise<SaveResult<ClientPackFieldsRecord, ClientPackFieldsRecord>> {
  if (!isStaffScope(scope)) return NOT_FOUND;
  return changeAtVersion(scope, clientPackFieldsKind, input, async (before, txScope) => {
    // An erased candidate's applications take no new personal text.
    const [candidate] = await txScope.db
      .select({ erasedAt: candidates.anonymizedAt })
      .from(candidates)
      .where(and(eq(candidates.firmId, scope.firmId), eq(candidates.id, before.candidateId)))
      .limit(1);
    if (!candidate || candidate.erasedAt) return NOT_FOUND;
    const change = { clientSummary: input.clientSummary, salaryExpectation: input.salaryExpectation };
    const row = await updateVersioned(txScope, clientPackFieldsKind, input.id, input.version, change);
    await recordAudit(txScope, {
      action: "application.client_pack",
      entityType: "application",
      entityId: input.id,
      changes: changedFields(before, change),
    });
    return { ok: true, value: row! };
  });
}
