import { createHash, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "./client";
import * as s from "./schema";
import { hashPassword } from "@/lib/platform/password";

/**
 * A small firm with one of everything and a sign-in for each role. Used by the
 * integration tests and, only when AFTERVIEW_TEST_HOOKS=1 outside production,
 * by the end-to-end tests through /api/test-support/firm.
 */
export const TEST_PASSWORD = "correct horse battery staple 42";
let passwordHash: Promise<string> | undefined;
const hashed = () => (passwordHash ??= hashPassword(TEST_PASSWORD));

export interface TestPerson {
  userId: string;
  membershipId: string;
  email: string;
  name: string;
  role: s.Role;
  candidateId: string | null;
}

export interface TestFirm {
  firmId: string;
  slug: string;
  admin: TestPerson;
  recruiter: TestPerson;
  candidateUser: TestPerson;
  otherCandidateId: string;
  clientId: string;
  contactId: string;
  jobId: string;
  candidateId: string;
  applicationId: string;
  interviewId: string;
  invitationId: string;
  password: string;
}

async function person(db: Db, firmId: string, slug: string, role: s.Role, name: string, candidateId: string | null = null) {
  const email = `${role}-${slug}@test.example`;
  const [u] = await db.insert(s.users).values({ email, name, passwordHash: await hashed() }).returning({ id: s.users.id });
  const [m] = await db
    .insert(s.memberships)
    .values({ firmId, userId: u!.id, role, candidateId })
    .returning({ id: s.memberships.id });
  return { userId: u!.id, membershipId: m!.id, email, name, role, candidateId };
}

export async function createTestFirm(db: Db, label = "a"): Promise<TestFirm> {
  const slug = `${label}-${randomBytes(4).toString("hex")}`;
  const [firm] = await db
    .insert(s.firms)
    .values({ name: `Firm ${label.toUpperCase()}`, slug, mfaRequired: false })
    .returning({ id: s.firms.id });
  const firmId = firm!.id;
  const [client] = await db.insert(s.clients).values({ firmId, name: `Client of ${slug}` }).returning({ id: s.clients.id });
  const [contact] = await db
    .insert(s.contacts)
    .values({ firmId, clientId: client!.id, name: "Ines Interviewer", title: "Engineering Manager", email: `ines@${slug}.example` })
    .returning({ id: s.contacts.id });
  const admin = await person(db, firmId, slug, "admin", "Ada Admin");
  const recruiter = await person(db, firmId, slug, "recruiter", "Rita Recruiter");
  const [job] = await db
    .insert(s.jobs)
    .values({ firmId, clientId: client!.id, title: "Platform Engineer", ownerUserId: recruiter.userId })
    .returning({ id: s.jobs.id });
  const [cand] = await db
    .insert(s.candidates)
    .values({ firmId, name: "Cora Candidate", email: `cora@${slug}.example`, ownerUserId: recruiter.userId })
    .returning({ id: s.candidates.id });
  const [other] = await db
    .insert(s.candidates)
    .values({ firmId, name: "Otto Other", email: `otto@${slug}.example`, ownerUserId: recruiter.userId })
    .returning({ id: s.candidates.id });
  const candidateUser = await person(db, firmId, slug, "candidate", "Cora Candidate", cand!.id);
  const [app] = await db
    .insert(s.applications)
    .values({ firmId, candidateId: cand!.id, jobId: job!.id, stage: "interviewing", recruiterUserId: recruiter.userId })
    .returning({ id: s.applications.id });
  const start = new Date(Date.now() - 26 * 3600_000);
  const [iv] = await db
    .insert(s.interviews)
    .values({
      firmId,
      applicationId: app!.id,
      candidateId: cand!.id,
      kind: "video",
      startsAt: start,
      endsAt: new Date(start.getTime() + 3600_000),
      status: "completed",
    })
    .returning({ id: s.interviews.id });
  await db.insert(s.interviewParticipants).values({ firmId, interviewId: iv!.id, contactId: contact!.id });
  const [inv] = await db
    .insert(s.invitations)
    .values({
      firmId,
      email: `pending-${slug}@test.example`,
      role: "recruiter",
      tokenHash: randomBytes(32).toString("hex"),
      expiresAt: new Date(Date.now() + 7 * 86_400_000),
    })
    .returning({ id: s.invitations.id });
  return {
    firmId,
    slug,
    admin,
    recruiter,
    candidateUser,
    otherCandidateId: other!.id,
    clientId: client!.id,
    contactId: contact!.id,
    jobId: job!.id,
    candidateId: cand!.id,
    applicationId: app!.id,
    interviewId: iv!.id,
    invitationId: inv!.id,
    password: TEST_PASSWORD,
  };
}


export interface ReviewRecords {
  /** A completed interview of the test candidate with a submitted debrief (invited back) and client feedback. */
  reviewInterviewId: string;
  debriefId: string;
  debriefPersonId: string;
  feedbackId: string;
  /** A future interview, still scheduled. */
  scheduledInterviewId: string;
  /** An open next step owned by the recruiter. */
  taskId: string;
  attributeId: string;
}

/**
 * The records a recruiter works on after an interview, added to a test firm
 * on request (kept apart so tests that count a test firm's rows are unaffected).
 */
export async function addReviewRecords(db: Db, firm: TestFirm): Promise<ReviewRecords> {
  const { firmId } = firm;
  const ended = new Date(Date.now() - 50 * 3600_000);
  const [done] = await db
    .insert(s.interviews)
    .values({
      firmId,
      applicationId: firm.applicationId,
      candidateId: firm.candidateId,
      kind: "onsite",
      startsAt: new Date(ended.getTime() - 3600_000),
      endsAt: ended,
      status: "completed",
    })
    .returning({ id: s.interviews.id });
  const starts = new Date(Date.now() + 7 * 86_400_000);
  const [later] = await db
    .insert(s.interviews)
    .values({
      firmId,
      applicationId: firm.applicationId,
      candidateId: firm.candidateId,
      kind: "video",
      startsAt: starts,
      endsAt: new Date(starts.getTime() + 3600_000),
      status: "scheduled",
    })
    .returning({ id: s.interviews.id });
  const submittedAt = new Date(ended.getTime() + 2 * 3600_000);
  const [debrief] = await db
    .insert(s.debriefs)
    .values({
      firmId,
      interviewId: done!.id,
      candidateId: firm.candidateId,
      status: "submitted",
      overallImpression: 4,
      interestLevel: 5,
      wentWell: "The system design round",
      invitedBack: true,
      invitedBackDetails: "A final round with the CTO",
      callInvitation: "none",
      submittedVersions: 1,
      firstSubmittedAt: submittedAt,
      submittedAt,
      lastSavedAt: submittedAt,
    })
    .returning({ id: s.debriefs.id });
  await db.insert(s.debriefVersions).values({ firmId, debriefId: debrief!.id, number: 1, snapshot: {}, submittedAt });
  const [person] = await db
    .insert(s.debriefPeople)
    .values({ firmId, debriefId: debrief!.id, name: "Pat Panelist", title: "Staff Engineer" })
    .returning({ id: s.debriefPeople.id });
  const [feedback] = await db
    .insert(s.interviewerFeedback)
    .values({ firmId, interviewId: done!.id, contactId: firm.contactId, receivedAt: submittedAt, recommendation: "yes" })
    .returning({ id: s.interviewerFeedback.id });
  const [task] = await db
    .insert(s.tasks)
    .values({
      firmId,
      title: "Ask the client for a timeline",
      ownerKind: "recruiter",
      ownerUserId: firm.recruiter.userId,
      candidateId: firm.candidateId,
      applicationId: firm.applicationId,
      interviewId: done!.id,
      dueAt: new Date(Date.now() + 86_400_000),
    })
    .returning({ id: s.tasks.id });
  const [attribute] = await db
    .insert(s.scorecardAttributes)
    .values({ firmId, category: "Skills", name: `Systems thinking ${firm.slug}` })
    .returning({ id: s.scorecardAttributes.id });
  return {
    reviewInterviewId: done!.id,
    debriefId: debrief!.id,
    debriefPersonId: person!.id,
    feedbackId: feedback!.id,
    scheduledInterviewId: later!.id,
    taskId: task!.id,
    attributeId: attribute!.id,
  };
}

export interface FeedbackLinkRecords {
  /** An open link to the firm's contact for the review interview, and its token (only the hash is stored). */
  linkId: string;
  token: string;
  /** Feedback that came through another (answered) link, recommending a next round not yet confirmed. */
  feedbackId: string;
  /** The application's stage change time as a page would have read it. */
  stageChangedAt: string;
}

/** Feedback links on the review interview of addReviewRecords, for the actions that work on them. */
export async function addFeedbackLinkRecords(db: Db, firm: TestFirm, review: ReviewRecords): Promise<FeedbackLinkRecords> {
  const { firmId } = firm;
  const token = randomBytes(32).toString("base64url");
  const now = Date.now();
  const [open] = await db
    .insert(s.feedbackLinks)
    .values({
      firmId,
      interviewId: review.reviewInterviewId,
      contactId: firm.contactId,
      tokenHash: createHash("sha256").update(token).digest("hex"),
      requestedBy: firm.recruiter.userId,
      expiresAt: new Date(now + 14 * 86_400_000),
    })
    .returning({ id: s.feedbackLinks.id });
  const [answered] = await db
    .insert(s.feedbackLinks)
    .values({
      firmId,
      interviewId: review.reviewInterviewId,
      contactId: firm.contactId,
      tokenHash: randomBytes(32).toString("hex"),
      requestedBy: firm.recruiter.userId,
      expiresAt: new Date(now + 14 * 86_400_000),
      answeredAt: new Date(now - 3600_000),
    })
    .returning({ id: s.feedbackLinks.id });
  const [feedback] = await db
    .insert(s.interviewerFeedback)
    .values({
      firmId,
      interviewId: review.reviewInterviewId,
      contactId: firm.contactId,
      receivedAt: new Date(now - 3600_000),
      channel: "link",
      recommendation: "yes",
      proposedDecision: "next_round",
      linkId: answered!.id,
    })
    .returning({ id: s.interviewerFeedback.id });
  const [app] = await db
    .select({ stageChangedAt: s.applications.stageChangedAt })
    .from(s.applications)
    .where(eq(s.applications.id, firm.applicationId));
  return { linkId: open!.id, token, feedbackId: feedback!.id, stageChangedAt: app!.stageChangedAt.toISOString() };
}
