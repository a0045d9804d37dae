import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import {
  applications,
  candidates,
  clients,
  contacts,
  feedbackRatings,
  interviewerFeedback,
  interviews,
  jobs,
  scorecardAttributes,
  users,
} from "../schema";
import type { Decision, Rating, Recommendation, Stage } from "../schema/enums";
import { type FeedbackChannel } from "@/lib/core/vocabulary";
import { isStaffScope, type QueryScope } from "./scope";
import { decisionBlocked, stageForDecision } from "@/lib/core/review/feedback-rules";
import { withInterviewRecords } from "./interview-joins";

/**
 * Interviewer feedback: what the client's interviewer thought, recorded by the
 * recruiter. Staff only — never part of anything a candidate reads. The
 * client's decision moves the application's stage, in the same transaction,
 * and only if nobody moved it since the recruiter looked.
 */

export type FeedbackRating = { attributeId: string; attributeName: string; category: string; rating: Rating; note: string };

/** What an interviewer's feedback says, as recorded and as read back. */
type FeedbackAnswers = {
  contactId: string | null;
  receivedAt: Date;
  channel: FeedbackChannel;
  recommendation: Recommendation;
  takeaways: string;
  sharedSummary: string;
  internalNotes: string;
  decision: Decision | null;
};

/** The interviewer's answers out of a larger record (a form's input, a stored row), decision aside. */
export function feedbackAnswersOf(source: Omit<FeedbackAnswers, "decision">): Omit<FeedbackAnswers, "decision"> {
  return {
    contactId: source.contactId,
    receivedAt: source.receivedAt,
    channel: source.channel,
    recommendation: source.recommendation,
    takeaways: source.takeaways,
    sharedSummary: source.sharedSummary,
    internalNotes: source.internalNotes,
  };
}

export type FeedbackRow = FeedbackAnswers & {
  id: string;
  /** What the interviewer liked and what worried them (asked by the feedback link). */
  strengths: string;
  concerns: string;
  /** A decision given through a feedback link, not yet confirmed as the client's. */
  proposedDecision: Decision | null;
  expectedDecisionOn: string | null;
  /** Set when the interviewer answered through a feedback link. */
  linkId: string | null;
  interviewId: string;
  contactName: string | null;
  contactTitle: string | null;
  decisionAppliedAt: Date | null;
  recordedByName: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  ratings: FeedbackRating[];
};

export type FeedbackFields = FeedbackAnswers & {
  ratings: { attributeId: string; rating: Rating; note: string }[];
  /**
   * The application's stage as the recruiter saw it when choosing the
   * decision; a later stage change makes the save a conflict.
   */
  seenStage?: { stage: Stage; changedAt: Date } | null;
  now?: Date;
};

export type FeedbackSaved = {
  feedback: FeedbackRow;
  /** Saved, but worth saying (e.g. the interview has not happened yet). */
  warning?: string;
  stageChange?: { from: Stage; to: Stage } | null;
};

/** The interview feedback is about, with its application, candidate and client; null outside the scope. */
export async function getFeedbackContext(scope: QueryScope, interviewId: string) {
  if (!isStaffScope(scope)) return null;
  const [row] = await withInterviewRecords(
    scope.db
      .select({
        interviewId: interviews.id,
        startsAt: interviews.startsAt,
        endsAt: interviews.endsAt,
        status: interviews.status,
        applicationId: applications.id,
        stage: applications.stage,
        stageChangedAt: applications.stageChangedAt,
        applicationVersion: applications.version,
        clientId: clients.id,
        clientName: clients.name,
        candidateName: candidates.name,
        jobTitle: jobs.title,
      })
      .from(interviews)
      .$dynamic(),
  )
    .where(and(eq(interviews.firmId, scope.firmId), eq(interviews.id, interviewId)))
    .limit(1);
  return row ?? null;
}

export type FeedbackContext = NonNullable<Awaited<ReturnType<typeof getFeedbackContext>>>;


const feedbackColumns = {
  id: interviewerFeedback.id,
  interviewId: interviewerFeedback.interviewId,
  contactId: interviewerFeedback.contactId,
  contactName: contacts.name,
  contactTitle: contacts.title,
  receivedAt: interviewerFeedback.receivedAt,
  channel: interviewerFeedback.channel,
  recommendation: interviewerFeedback.recommendation,
  takeaways: interviewerFeedback.takeaways,
  sharedSummary: interviewerFeedback.sharedSummary,
  internalNotes: interviewerFeedback.internalNotes,
  decision: interviewerFeedback.decision,
  decisionAppliedAt: interviewerFeedback.decisionAppliedAt,
  strengths: interviewerFeedback.strengths,
  concerns: interviewerFeedback.concerns,
  proposedDecision: interviewerFeedback.proposedDecision,
  expectedDecisionOn: interviewerFeedback.expectedDecisionOn,
  linkId: interviewerFeedback.linkId,
  recordedByName: users.name,
  createdAt: interviewerFeedback.createdAt,
  updatedAt: interviewerFeedback.updatedAt,
  version: interviewerFeedback.version,
};

async function withRatings(scope: QueryScope, rows: Omit<FeedbackRow, "ratings">[]): Promise<FeedbackRow[]> {
  if (rows.length === 0) return [];
  const ratings = await scope.db
    .select({
      feedbackId: feedbackRatings.feedbackId,
      attributeId: feedbackRatings.attributeId,
      attributeName: scorecardAttributes.name,
      category: scorecardAttributes.category,
      position: scorecardAttributes.position,
      rating: feedbackRatings.rating,
      note: feedbackRatings.note,
    })
    .from(feedbackRatings)
    .innerJoin(
      scorecardAttributes,
      and(eq(scorecardAttributes.firmId, feedbackRatings.firmId), eq(scorecardAttributes.id, feedbackRatings.attributeId)),
    )
    .where(
      and(
        eq(feedbackRatings.firmId, scope.firmId),
        inArray(
          feedbackRatings.feedbackId,
          rows.map((r) => r.id),
        ),
      ),
    )
    .orderBy(asc(scorecardAttributes.position), asc(scorecardAttributes.name));
  return rows.map((r) => ({
    ...r,
    ratings: ratings
      .filter((x) => x.feedbackId === r.id)
      .map(({ attributeId, attributeName, category, rating, note }) => ({ attributeId, attributeName, category, rating, note })),
  }));
}

function selectFeedback(scope: QueryScope) {
  return scope.db
    .select(feedbackColumns)
    .from(interviewerFeedback)
    .leftJoin(contacts, and(eq(contacts.firmId, interviewerFeedback.firmId), eq(contacts.id, interviewerFeedback.contactId)))
    .leftJoin(users, eq(users.id, interviewerFeedback.recordedBy));
}

/** All feedback on one interview, newest first, with its ratings. */
export async function listFeedbackForInterview(scope: QueryScope, interviewId: string): Promise<FeedbackRow[]> {
  if (!isStaffScope(scope)) return [];
  const rows = await selectFeedback(scope)
    .where(and(eq(interviewerFeedback.firmId, scope.firmId), eq(interviewerFeedback.interviewId, interviewId)))
    .orderBy(desc(interviewerFeedback.receivedAt), desc(interviewerFeedback.id))
    .limit(50);
  return withRatings(scope, rows);
}

export async function getFeedback(scope: QueryScope, id: string): Promise<FeedbackRow | null> {
  if (!isStaffScope(scope)) return null;
  const rows = await selectFeedback(scope)
    .where(and(eq(interviewerFeedback.firmId, scope.firmId), eq(interviewerFeedback.id, id)))
    .limit(1);
  const [row] = await withRatings(scope, rows);
  return row ?? null;
}

/** The contacts of the interview's client, for "who gave it". */
export async function listFeedbackContacts(scope: QueryScope, interviewId: string) {
  if (!isStaffScope(scope)) return [];
  const ctx = await getFeedbackContext(scope, interviewId);
  if (!ctx) return [];
  return scope.db
    .select({ id: contacts.id, name: contacts.name, title: contacts.title, archivedAt: contacts.archivedAt })
    .from(contacts)
    .where(and(eq(contacts.firmId, scope.firmId), eq(contacts.clientId, ctx.clientId)))
    .orderBy(asc(contacts.name))
    .limit(200);
}

export type DecisionPreview = {
  candidateName: string;
  from: Stage;
  /** null: the stage stays as it is. */
  to: Stage | null;
  /** The stage as read now, for the conflict check of the save. */
  seenStage: { stage: Stage; changedAt: Date };
  /** Set when the decision cannot be applied to the application as it is. */
  blocked: string | null;
};

/** What recording `decision` would do to the application, for the confirmation step. */
export async function previewFeedbackDecision(
  scope: QueryScope,
  input: { interviewId: string; decision: Decision },
): Promise<DecisionPreview | null> {
  if (!isStaffScope(scope)) return null;
  const ctx = await getFeedbackContext(scope, input.interviewId);
  if (!ctx) return null;
  return {
    candidateName: ctx.candidateName,
    from: ctx.stage,
    to: decisionBlocked(input.decision, ctx.stage) ? null : stageForDecision(input.decision, ctx.stage),
    seenStage: { stage: ctx.stage, changedAt: ctx.stageChangedAt },
    blocked: decisionBlocked(input.decision, ctx.stage),
  };
}

/** Active attributes the form offers, plus archived ones this feedback already rated. */
export async function listRatableAttributes(scope: QueryScope, feedbackId?: string | null) {
  if (!isStaffScope(scope)) return [];
  const rated = feedbackId
    ? sql`exists (select 1 from ${feedbackRatings} where ${feedbackRatings.firmId} = ${scorecardAttributes.firmId} and ${feedbackRatings.attributeId} = ${scorecardAttributes.id} and ${feedbackRatings.feedbackId} = ${feedbackId})`
    : sql`false`;
  return scope.db
    .select({
      id: scorecardAttributes.id,
      category: scorecardAttributes.category,
      name: scorecardAttributes.name,
      description: scorecardAttributes.description,
      position: scorecardAttributes.position,
    })
    .from(scorecardAttributes)
    .where(and(eq(scorecardAttributes.firmId, scope.firmId), sql`(${isNull(scorecardAttributes.archivedAt)} or ${rated})`))
    .orderBy(asc(scorecardAttributes.position), asc(scorecardAttributes.name))
    .limit(500);
}
