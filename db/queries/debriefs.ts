import { and, asc, desc, eq } from "drizzle-orm";
import { debriefPeople, debriefVersions, debriefs, firms, interviews, users } from "../schema";
import type { InterviewStatus } from "../schema/enums";
import { atomically } from "./atomic";
import type { QueryScope } from "./scope";
import { callAnswerOfSnapshot, type DebriefDraft, type DebriefPersonDraft } from "@/lib/core/validation/debrief-rules";

/**
 * The candidate's debrief of one interview. Every read and write here is the
 * candidate's own: the interview must carry `scope.candidateId`, so another
 * candidate's (or another firm's) interview id finds nothing. Staff read the
 * history through listDebriefVersions. The writes are in debrief-writes.ts
 * (the answers) and thank-you-notes.ts (a note ticked from the plan).
 *
 * The debrief row is the candidate's working copy. Status "submitted" with
 * `lastSavedAt` later than `submittedAt` means an amendment is being written;
 * what was actually sent is the newest debrief_versions snapshot.
 */


/** A debrief's answers (the people met are stored apart). */
export type DebriefFieldsInput = Omit<DebriefDraft, "people">;

/** A person met, as stored: the draft's person with the note's time as a Date. */
export type DebriefPersonInput = Omit<DebriefPersonDraft, "thankYouSentAt"> & { thankYouSentAt: Date | null };

/** The answers of a debrief, as columns. */
export const DEBRIEF_FIELD_COLUMNS = {
  overallImpression: debriefs.overallImpression,
  interestLevel: debriefs.interestLevel,
  wentWell: debriefs.wentWell,
  concerns: debriefs.concerns,
  questionsAsked: debriefs.questionsAsked,
  notMentioned: debriefs.notMentioned,
  timelineGiven: debriefs.timelineGiven,
  timelineDetails: debriefs.timelineDetails,
  expectedDecisionOn: debriefs.expectedDecisionOn,
  callInvitation: debriefs.callInvitation,
  callBy: debriefs.callBy,
  callTime: debriefs.callTime,
  invitedBack: debriefs.invitedBack,
  invitedBackDetails: debriefs.invitedBackDetails,
  salaryDiscussed: debriefs.salaryDiscussed,
  otherProcesses: debriefs.otherProcesses,
  availability: debriefs.availability,
  notesForRecruiter: debriefs.notesForRecruiter,
};

export const DEBRIEF_COLUMNS = {
  id: debriefs.id,
  interviewId: debriefs.interviewId,
  status: debriefs.status,
  ...DEBRIEF_FIELD_COLUMNS,
  submittedVersions: debriefs.submittedVersions,
  firstSubmittedAt: debriefs.firstSubmittedAt,
  submittedAt: debriefs.submittedAt,
  lastSavedAt: debriefs.lastSavedAt,
  version: debriefs.version,
};

export const PERSON_COLUMNS = {
  id: debriefPeople.id,
  contactId: debriefPeople.contactId,
  name: debriefPeople.name,
  title: debriefPeople.title,
  email: debriefPeople.email,
  phone: debriefPeople.phone,
  thankYouSent: debriefPeople.thankYouSent,
  thankYouSentAt: debriefPeople.thankYouSentAt,
  thankYouChannel: debriefPeople.thankYouChannel,
};

export type MyDebriefPerson = DebriefPersonInput;

/** The candidate's own debrief: their answers and the people they met; nothing the recruiter added. */
export type MyDebrief = DebriefFieldsInput & {
  id: string;
  interviewId: string;
  status: "draft" | "submitted";
  submittedVersions: number;
  firstSubmittedAt: Date | null;
  submittedAt: Date | null;
  lastSavedAt: Date | null;
  version: number;
  people: MyDebriefPerson[];
};

/** One of the candidate's own interviews, as a debrief write sees it, with the firm's time zone. */
export type MyInterviewGate = { id: string; status: InterviewStatus; startsAt: Date; endsAt: Date; timeZone: string };

export type InterviewGateRefusal =
  | { status: "not_found" }
  | { status: "closed"; interviewStatus: InterviewStatus }
  | { status: "not_started"; startsAt: Date };

/**
 * The interview a debrief write is about, if the candidate may write about
 * it: their own (the WHERE carries both ids), not cancelled or missed, and
 * under way by `now`. Otherwise why not.
 */
export async function openMyInterview(
  scope: QueryScope,
  interviewId: string,
  now: Date,
): Promise<{ status: "open"; interview: MyInterviewGate } | InterviewGateRefusal> {
  if (!scope.candidateId) return { status: "not_found" };
  const [row] = await scope.db
    .select({
      id: interviews.id,
      status: interviews.status,
      startsAt: interviews.startsAt,
      endsAt: interviews.endsAt,
      timeZone: firms.timeZone,
    })
    .from(interviews)
    .innerJoin(firms, eq(firms.id, interviews.firmId))
    .where(
      and(eq(interviews.firmId, scope.firmId), eq(interviews.id, interviewId), eq(interviews.candidateId, scope.candidateId)),
    )
    .limit(1);
  if (!row) return { status: "not_found" };
  if (row.status === "cancelled" || row.status === "no_show") return { status: "closed", interviewStatus: row.status };
  if (row.startsAt.getTime() > now.getTime()) return { status: "not_started", startsAt: row.startsAt };
  return { status: "open", interview: row };
}

/**
 * A write about one of the candidate's own interviews: `write` runs in the
 * caller's transaction (or one of its own) once openMyInterview lets it
 * through; otherwise the answer says why not and nothing is written.
 */
export async function writeForMyInterview<T>(
  scope: QueryScope,
  interviewId: string,
  now: Date,
  write: (t: QueryScope, interview: MyInterviewGate, candidateId: string) => Promise<T>,
): Promise<T | InterviewGateRefusal> {
  const candidateId = scope.candidateId;
  if (!candidateId) return { status: "not_found" };
  return atomically(scope, async (t) => {
    const gate = await openMyInterview(t, interviewId, now);
    return gate.status === "open" ? write(t, gate.interview, candidateId) : gate;
  });
}

/** The candidate's debrief of their interview, or null (none yet, or not their interview). */
export async function getMyDebrief(scope: QueryScope, interviewId: string): Promise<MyDebrief | null> {
  const candidateId = scope.candidateId;
  if (!candidateId) return null;
  const [row] = await scope.db
    .select(DEBRIEF_COLUMNS)
    .from(debriefs)
    .where(
      and(eq(debriefs.firmId, scope.firmId), eq(debriefs.interviewId, interviewId), eq(debriefs.candidateId, candidateId)),
    )
    .limit(1);
  if (!row) return null;
  const people = await scope.db
    .select(PERSON_COLUMNS)
    .from(debriefPeople)
    .where(and(eq(debriefPeople.firmId, scope.firmId), eq(debriefPeople.debriefId, row.id)))
    .orderBy(asc(debriefPeople.position), asc(debriefPeople.createdAt));
  return { ...row, people };
}

export type DebriefVersionEntry = {
  id: string;
  number: number;
  submittedAt: Date;
  submittedByName: string | null;
  snapshot: Record<string, unknown>;
};

/**
 * Every submitted version of a debrief, newest first, for the recruiter. A
 * version saved before calls had kinds reads in today's words (callAnswerOfSnapshot).
 * Staff only: a candidate scope gets nothing (the candidate sees their current
 * debrief, not an audit trail).
 */
export async function listDebriefVersions(scope: QueryScope, debriefId: string): Promise<DebriefVersionEntry[]> {
  if (scope.candidateId || scope.role === "candidate") return [];
  const rows = await scope.db
    .select({
      id: debriefVersions.id,
      number: debriefVersions.number,
      submittedAt: debriefVersions.submittedAt,
      submittedByName: users.name,
      snapshot: debriefVersions.snapshot,
    })
    .from(debriefVersions)
    .leftJoin(users, eq(users.id, debriefVersions.submittedBy))
    .where(and(eq(debriefVersions.firmId, scope.firmId), eq(debriefVersions.debriefId, debriefId)))
    .orderBy(desc(debriefVersions.number))
    .limit(100);
  return rows.map((row) => ({ ...row, snapshot: callAnswerOfSnapshot(row.snapshot) }));
}
