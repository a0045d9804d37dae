import { and, asc, desc, eq, gt, inArray, isNull, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import {
  applications,
  candidates,
  clients,
  contacts,
  debriefs,
  emailOutbox,
  feedbackLinks,
  feedbackRatings,
  firms,
  interviewerFeedback,
  interviewParticipants,
  interviews,
  jobs,
  scorecardAttributes,
} from "../schema";
import type { Decision, Rating, Recommendation } from "../schema/enums";
import { recordAudit } from "./audit";
import { isStaffScope, type QueryScope } from "./scope";
import { completePolicyTask } from "./tasks";
import { getFeedbackContext } from "./feedback";
import { withInterviewRecords } from "./interview-joins";

/**
 * Feedback links: one of the client's interviewers answers the scorecard for
 * one interview through a mailed link, with no account. The link's token is
 * the credential and only its hash is stored; the form finds the link by that
 * hash across firms (it has no session), and everything after runs in the
 * link's own firm.
 */

export type FeedbackLinkState = "sent" | "opened" | "answered" | "expired" | "revoked" | "mail_failed";

/** A link's state in words a recruiter reads, from its stored times. */
export function feedbackLinkState(
  link: { answeredAt: Date | null; revokedAt: Date | null; expiresAt: Date; openedAt: Date | null; mailStatus?: string | null },
  now: Date,
): FeedbackLinkState {
  if (link.answeredAt) return "answered";
  if (link.revokedAt) return "revoked";
  if (link.expiresAt.getTime() <= now.getTime()) return "expired";
  if (link.openedAt) return "opened";
  if (link.mailStatus === "failed") return "mail_failed";
  return "sent";
}

/** The outbox key of a link's request mail and of its one reminder. */
export const feedbackLinkMailKey = (linkId: string) => `feedback-link:${linkId}`;
export const feedbackLinkReminderKey = (linkId: string) => `feedback-link-reminder:${linkId}`;

/** The interview's interviewers, with the newest link sent to each (for the staff interview page). */
export async function listInterviewerLinks(scope: QueryScope, interviewId: string) {
  if (!isStaffScope(scope)) return [];
  const people = await scope.db
    .select({ contactId: contacts.id, name: contacts.name, title: contacts.title, email: contacts.email, phone: contacts.phone })
    .from(interviewParticipants)
    .innerJoin(contacts, and(eq(contacts.firmId, interviewParticipants.firmId), eq(contacts.id, interviewParticipants.contactId)))
    .where(and(eq(interviewParticipants.firmId, scope.firmId), eq(interviewParticipants.interviewId, interviewId)))
    .orderBy(asc(contacts.name));
  if (people.length === 0) return [];
  const links = await scope.db
    .select({
      id: feedbackLinks.id,
      contactId: feedbackLinks.contactId,
      createdAt: feedbackLinks.createdAt,
      expiresAt: feedbackLinks.expiresAt,
      openedAt: feedbackLinks.openedAt,
      answeredAt: feedbackLinks.answeredAt,
      revokedAt: feedbackLinks.revokedAt,
      reminderSentAt: feedbackLinks.reminderSentAt,
      feedbackId: feedbackLinks.feedbackId,
      mailStatus: emailOutbox.status,
    })
    .from(feedbackLinks)
    .leftJoin(emailOutbox, eq(emailOutbox.dedupeKey, sql`'feedback-link:' || ${feedbackLinks.id}::text`))
    .where(and(eq(feedbackLinks.firmId, scope.firmId), eq(feedbackLinks.interviewId, interviewId)))
    .orderBy(desc(feedbackLinks.createdAt));
  return people.map((p) => ({ ...p, link: links.find((l) => l.contactId === p.contactId) ?? null }));
}
export type InterviewerLink = Awaited<ReturnType<typeof listInterviewerLinks>>[number];

/** For the queue: the newest link of each of these interviews (any interviewer), by interview id. */
export async function latestLinksByInterview(scope: QueryScope, interviewIds: string[]) {
  const out = new Map<string, { answeredAt: Date | null; revokedAt: Date | null; expiresAt: Date; openedAt: Date | null; createdAt: Date }>();
  if (!isStaffScope(scope) || interviewIds.length === 0) return out;
  const rows = await scope.db
    .selectDistinctOn([feedbackLinks.interviewId], {
      interviewId: feedbackLinks.interviewId,
      answeredAt: feedbackLinks.answeredAt,
      revokedAt: feedbackLinks.revokedAt,
      expiresAt: feedbackLinks.expiresAt,
      openedAt: feedbackLinks.openedAt,
      createdAt: feedbackLinks.createdAt,
    })
    .from(feedbackLinks)
    .where(and(eq(feedbackLinks.firmId, scope.firmId), inArray(feedbackLinks.interviewId, interviewIds)))
    .orderBy(feedbackLinks.interviewId, desc(feedbackLinks.createdAt));
  for (const { interviewId, ...r } of rows) out.set(interviewId, r);
  return out;
}

/** What a request needs to know: the interview with its records (as feedback sees them), and the firm's name, zone and link lifetime. */
export async function getLinkRequestContext(scope: QueryScope, interviewId: string) {
  const ctx = await getFeedbackContext(scope, interviewId);
  if (!ctx) return null;
  const [firm] = await scope.db
    .select({ firmName: firms.name, timeZone: firms.timeZone, linkDays: firms.feedbackLinkDays })
    .from(firms)
    .where(eq(firms.id, scope.firmId))
    .limit(1);
  return firm ? { ...ctx, ...firm } : null;
}

/**
 * New links for some of the interview's interviewers, in the caller's
 * transaction. A person's earlier unanswered link stops working: the newest
 * mail is the one to use.
 */
export async function createFeedbackLinks(
  scope: QueryScope,
  input: { interviewId: string; links: { contactId: string; tokenHash: string }[]; expiresAt: Date; now: Date },
) {
  if (!isStaffScope(scope) || input.links.length === 0) return [];
  const contactIds = input.links.map((l) => l.contactId);
  await scope.db
    .update(feedbackLinks)
    .set({ revokedAt: input.now, revokedBy: scope.userId })
    .where(
      and(
        eq(feedbackLinks.firmId, scope.firmId),
        eq(feedbackLinks.interviewId, input.interviewId),
        inArray(feedbackLinks.contactId, contactIds),
        isNull(feedbackLinks.answeredAt),
        isNull(feedbackLinks.revokedAt),
      ),
    );
  return scope.db
    .insert(feedbackLinks)
    .values(
      input.links.map((l) => ({
        firmId: scope.firmId,
        interviewId: input.interviewId,
        contactId: l.contactId,
        tokenHash: l.tokenHash,
        requestedBy: scope.userId,
        createdAt: input.now,
        expiresAt: input.expiresAt,
      })),
    )
    .returning({ id: feedbackLinks.id, contactId: feedbackLinks.contactId });
}

/** Stops an unanswered link; false when there was none to stop. */
export async function revokeFeedbackLink(scope: QueryScope, input: { id: string; now: Date }) {
  if (!isStaffScope(scope)) return null;
  const [row] = await scope.db
    .update(feedbackLinks)
    .set({ revokedAt: input.now, revokedBy: scope.userId })
    .where(
      and(eq(feedbackLinks.firmId, scope.firmId), eq(feedbackLinks.id, input.id), isNull(feedbackLinks.answeredAt), isNull(feedbackLinks.revokedAt)),
    )
    .returning({ id: feedbackLinks.id, interviewId: feedbackLinks.interviewId, contactId: feedbackLinks.contactId });
  return row ?? null;
}

/**
 * Unscoped: the link a token opens, with its firm's name, or null. The token
 * is compared by its hash, through a unique index (the request mail's token
 * or the reminder's).
 */
export async function unsafeFindFeedbackLink(db: DbOrTx, tokenHash: string) {
  const [row] = await db
    .select({
      id: feedbackLinks.id,
      firmId: feedbackLinks.firmId,
      firmName: firms.name,
      timeZone: firms.timeZone,
      interviewId: feedbackLinks.interviewId,
      contactId: feedbackLinks.contactId,
      requestedBy: feedbackLinks.requestedBy,
      expiresAt: feedbackLinks.expiresAt,
      openedAt: feedbackLinks.openedAt,
      answeredAt: feedbackLinks.answeredAt,
      revokedAt: feedbackLinks.revokedAt,
      recruiterUserId: applications.recruiterUserId,
    })
    .from(feedbackLinks)
    .innerJoin(firms, eq(firms.id, feedbackLinks.firmId))
    .innerJoin(interviews, and(eq(interviews.firmId, feedbackLinks.firmId), eq(interviews.id, feedbackLinks.interviewId)))
    .innerJoin(applications, and(eq(applications.firmId, interviews.firmId), eq(applications.id, interviews.applicationId)))
    .where(or(eq(feedbackLinks.tokenHash, tokenHash), eq(feedbackLinks.reminderTokenHash, tokenHash)))
    .limit(1);
  return row ?? null;
}
export type FoundFeedbackLink = NonNullable<Awaited<ReturnType<typeof unsafeFindFeedbackLink>>>;

/** Everything the form shows: the candidate's name, the job, the interview's date, and the firm's scorecard. Nothing else. */
export async function getFeedbackLinkForm(scope: Pick<QueryScope, "db" | "firmId">, link: { interviewId: string; contactId: string }) {
  const [row] = await withInterviewRecords(
    scope.db
      .select({
        candidateName: candidates.name,
        jobTitle: jobs.title,
        clientName: clients.name,
        startsAt: interviews.startsAt,
        endsAt: interviews.endsAt,
        status: interviews.status,
        contactName: contacts.name,
      })
      .from(interviews)
      .innerJoin(contacts, and(eq(contacts.firmId, interviews.firmId), eq(contacts.id, link.contactId)))
      .$dynamic(),
  )
    .where(and(eq(interviews.firmId, scope.firmId), eq(interviews.id, link.interviewId)))
    .limit(1);
  if (!row) return null;
  const attributes = await scope.db
    .select({ id: scorecardAttributes.id, category: scorecardAttributes.category, name: scorecardAttributes.name, description: scorecardAttributes.description })
    .from(scorecardAttributes)
    .where(and(eq(scorecardAttributes.firmId, scope.firmId), isNull(scorecardAttributes.archivedAt)))
    .orderBy(asc(scorecardAttributes.position), asc(scorecardAttributes.name));
  return { ...row, attributes };
}

/** The first opening of a link, for the staff's "opened". */
export async function markFeedbackLinkOpened(scope: QueryScope, input: { id: string; now: Date }) {
  await scope.db
    .update(feedbackLinks)
    .set({ openedAt: input.now })
    .where(and(eq(feedbackLinks.firmId, scope.firmId), eq(feedbackLinks.id, input.id), isNull(feedbackLinks.openedAt)));
}

export type LinkAnswer = {
  recommendation: Recommendation;
  strengths: string;
  concerns: string;
  decision: Decision | null;
  expectedDecisionOn: string | null;
  ratings: { attributeId: string; rating: Rating; note: string }[];
};

/**
 * The answer, in the caller's transaction: claims the link (only an open,
 * unexpired, unanswered one — so a replay or a second tab writes nothing),
 * stores the answer as that interviewer's feedback with its ratings, ticks the
 * recruiter's feedback step and writes the audit row. The decision stays a
 * proposal until a recruiter confirms it. Returns null when the link could
 * not be claimed.
 */
export async function recordLinkAnswer(scope: QueryScope, input: { link: FoundFeedbackLink; answer: LinkAnswer; now: Date }) {
  const { link, answer, now } = input;
  const [claimed] = await scope.db
    .update(feedbackLinks)
    .set({ answeredAt: now, openedAt: sql`coalesce(${feedbackLinks.openedAt}, ${now})` })
    .where(
      and(
        eq(feedbackLinks.firmId, scope.firmId),
        eq(feedbackLinks.id, link.id),
        isNull(feedbackLinks.answeredAt),
        isNull(feedbackLinks.revokedAt),
        gt(feedbackLinks.expiresAt, now),
      ),
    )
    .returning({ id: feedbackLinks.id });
  if (!claimed) return null;
  const known = answer.ratings.length
    ? await scope.db
        .select({ id: scorecardAttributes.id })
        .from(scorecardAttributes)
        .where(
          and(
            eq(scorecardAttributes.firmId, scope.firmId),
            isNull(scorecardAttributes.archivedAt),
            inArray(
              scorecardAttributes.id,
              answer.ratings.map((r) => r.attributeId),
            ),
          ),
        )
    : [];
  const ratings = answer.ratings.filter((r) => known.some((k) => k.id === r.attributeId));
  const [row] = await scope.db
    .insert(interviewerFeedback)
    .values({
      firmId: scope.firmId,
      interviewId: link.interviewId,
      contactId: link.contactId,
      receivedAt: now,
      channel: "link",
      recommendation: answer.recommendation,
      strengths: answer.strengths,
      concerns: answer.concerns,
      proposedDecision: answer.decision,
      expectedDecisionOn: answer.expectedDecisionOn,
      linkId: link.id,
      recordedBy: null,
    })
    .returning({ id: interviewerFeedback.id });
  const feedbackId = row!.id;
  if (ratings.length > 0) {
    await scope.db
      .insert(feedbackRatings)
      .values(ratings.map((r) => ({ firmId: scope.firmId, feedbackId, attributeId: r.attributeId, rating: r.rating, note: r.note })));
  }
  await scope.db
    .update(feedbackLinks)
    .set({ feedbackId })
    .where(and(eq(feedbackLinks.firmId, scope.firmId), eq(feedbackLinks.id, link.id)));
  await completePolicyTask(scope, { interviewId: link.interviewId, policyKeys: ["collect_feedback"], now });
  await recordAudit(scope, {
    actorUserId: null,
    action: "feedback.recorded_through_link",
    entityType: "interviewer_feedback",
    entityId: feedbackId,
    changes: {
      interviewId: link.interviewId,
      contactId: link.contactId,
      linkId: link.id,
      recommendation: answer.recommendation,
      proposedDecision: answer.decision,
      ratings: ratings.length,
    },
  });
  return { feedbackId };
}

/** Unscoped: a debrief's promised decision day per interview, for the reminder sweep. */
export async function unsafeDueFeedbackLinkReminders(db: DbOrTx, now: Date) {
  return db
    .select({
      id: feedbackLinks.id,
      firmId: feedbackLinks.firmId,
      firmName: firms.name,
      timeZone: firms.timeZone,
      interviewId: feedbackLinks.interviewId,
      contactId: feedbackLinks.contactId,
      contactName: contacts.name,
      contactEmail: contacts.email,
      expectedDecisionOn: debriefs.expectedDecisionOn,
      expiresAt: feedbackLinks.expiresAt,
    })
    .from(feedbackLinks)
    .innerJoin(firms, eq(firms.id, feedbackLinks.firmId))
    .innerJoin(contacts, and(eq(contacts.firmId, feedbackLinks.firmId), eq(contacts.id, feedbackLinks.contactId)))
    .innerJoin(
      debriefs,
      and(eq(debriefs.firmId, feedbackLinks.firmId), eq(debriefs.interviewId, feedbackLinks.interviewId), eq(debriefs.status, "submitted")),
    )
    .where(
      and(
        isNull(feedbackLinks.answeredAt),
        isNull(feedbackLinks.revokedAt),
        isNull(feedbackLinks.reminderSentAt),
        gt(feedbackLinks.expiresAt, now),
        sql`${debriefs.expectedDecisionOn} < (${now.toISOString()}::timestamptz at time zone ${firms.timeZone})::date`,
      ),
    )
    .limit(500);
}

/**
 * Unscoped: claims a link's one reminder and stores the reminder token's hash.
 * False when another runner claimed it first (or the link was answered,
 * revoked or expired in the meantime).
 */
export async function unsafeClaimFeedbackLinkReminder(db: DbOrTx, input: { id: string; tokenHash: string; now: Date }) {
  const rows = await db
    .update(feedbackLinks)
    .set({ reminderSentAt: input.now, reminderTokenHash: input.tokenHash })
    .where(
      and(
        eq(feedbackLinks.id, input.id),
        isNull(feedbackLinks.answeredAt),
        isNull(feedbackLinks.revokedAt),
        isNull(feedbackLinks.reminderSentAt),
        gt(feedbackLinks.expiresAt, input.now),
      ),
    )
    .returning({ id: feedbackLinks.id });
  return rows.length > 0;
}
