import { and, asc, eq, sql } from "drizzle-orm";
import { localDateKey } from "@/lib/core/follow-up/business-days";
import { AppError } from "@/lib/core/errors";
import { reviewFlags, type ReviewFlag } from "@/lib/core/review/flags";
import {
  applications,
  callLogs,
  candidates,
  clients,
  contacts,
  debriefVersions,
  debriefs,
  firms,
  interviewParticipants,
  interviews,
  jobs,
  users,
} from "../schema";
import type { InterviewKind, InterviewStatus, Stage } from "../schema/enums";
import { recordAudit } from "./audit";
import { callAnswerOfSnapshot } from "@/lib/core/validation/debrief-rules";
import { DEBRIEF_FIELD_COLUMNS, type DebriefFieldsInput } from "./debriefs";
import { listFeedbackForInterview, type FeedbackRow } from "./feedback";
import { listPeopleMet, type PersonMet } from "./people-met";
import { withTx, type QueryScope } from "./scope";
import { completePolicyTask } from "./tasks";
import { withInterviewRecords } from "./interview-joins";

/**
 * The staff view of one interview's debrief beside the client's feedback:
 * the debrief with every submitted version, the feedback, the people met, the
 * calls logged, and the flags where the two accounts disagree.
 */

export type DebriefVersion = { number: number; submittedAt: Date; snapshot: Record<string, unknown> };

export type ReviewDebrief = DebriefFieldsInput & {
  id: string;
  status: "draft" | "submitted";
  submittedVersions: number;
  firstSubmittedAt: Date | null;
  submittedAt: Date | null;
  reviewedAt: Date | null;
  reviewedByName: string | null;
  lastSavedAt: Date | null;
  version: number;
  /** Oldest first. */
  versions: DebriefVersion[];
  /** Submitted after the last review (or never reviewed). */
  needsReview: boolean;
};

export type InterviewReview = {
  timeZone: string;
  /** 'YYYY-MM-DD' today in the firm's zone. */
  today: string;
  interview: {
    id: string;
    kind: InterviewKind;
    status: InterviewStatus;
    startsAt: Date;
    endsAt: Date;
    location: string;
    arrangedByFirm: boolean;
    /** The interview is over (completed, or scheduled and past its end). */
    happened: boolean;
  };
  application: { id: string; stage: Stage; stageChangedAt: Date; version: number; recruiterName: string | null };
  candidate: { id: string; name: string };
  job: { id: string; title: string };
  client: { id: string; name: string };
  interviewers: { contactId: string; name: string; title: string }[];
  debrief: ReviewDebrief | null;
  feedback: FeedbackRow[];
  peopleMet: PersonMet[];
  calls: { id: string; calledAt: Date; contactName: string | null; notes: string }[];
  flags: ReviewFlag[];
};

function staff(scope: QueryScope): boolean {
  return scope.role !== "candidate" && !scope.candidateId;
}

export async function getInterviewReview(
  scope: QueryScope,
  interviewId: string,
  opts: { now?: Date } = {},
): Promise<InterviewReview | null> {
  if (!staff(scope)) return null;
  const now = opts.now ?? new Date();
  const [head] = await withInterviewRecords(
    scope.db
      .select({
        id: interviews.id,
        kind: interviews.kind,
        status: interviews.status,
        startsAt: interviews.startsAt,
        endsAt: interviews.endsAt,
        location: interviews.location,
        arrangedByFirm: interviews.arrangedByFirm,
        applicationId: applications.id,
        stage: applications.stage,
        stageChangedAt: applications.stageChangedAt,
        applicationVersion: applications.version,
        recruiterName: users.name,
        candidateId: candidates.id,
        candidateName: candidates.name,
        jobId: jobs.id,
        jobTitle: jobs.title,
        clientId: clients.id,
        clientName: clients.name,
        timeZone: firms.timeZone,
      })
      .from(interviews)
      .innerJoin(firms, eq(firms.id, interviews.firmId))
      .$dynamic(),
  )
    .leftJoin(users, eq(users.id, applications.recruiterUserId))
    .where(and(eq(interviews.firmId, scope.firmId), eq(interviews.id, interviewId)))
    .limit(1);
  if (!head) return null;

  const [interviewers, debrief, feedback, peopleMet, calls] = await Promise.all([
    scope.db
      .select({ contactId: contacts.id, name: contacts.name, title: contacts.title })
      .from(interviewParticipants)
      .innerJoin(contacts, and(eq(contacts.firmId, interviewParticipants.firmId), eq(contacts.id, interviewParticipants.contactId)))
      .where(and(eq(interviewParticipants.firmId, scope.firmId), eq(interviewParticipants.interviewId, interviewId)))
      .orderBy(asc(interviewParticipants.createdAt), asc(contacts.name))
      .limit(50),
    loadDebrief(scope, interviewId),
    listFeedbackForInterview(scope, interviewId),
    listPeopleMet(scope, interviewId),
    scope.db
      .select({ id: callLogs.id, calledAt: callLogs.calledAt, contactName: contacts.name, notes: callLogs.notes })
      .from(callLogs)
      .leftJoin(contacts, and(eq(contacts.firmId, callLogs.firmId), eq(contacts.id, callLogs.contactId)))
      .where(and(eq(callLogs.firmId, scope.firmId), eq(callLogs.interviewId, interviewId)))
      .orderBy(asc(callLogs.calledAt))
      .limit(50),
  ]);
  const today = localDateKey(now, head.timeZone);
  const flags = reviewFlags({
    debrief,
    feedback,
    today,
    candidateName: head.candidateName,
    jobTitle: head.jobTitle,
    // Write to whoever gave feedback; else the first person the candidate listed (usually the lead interviewer).
    contactName:
      feedback.find((f) => f.contactName)?.contactName ??
      peopleMet.find((p) => p.contactName)?.contactName ??
      interviewers[0]?.name ??
      null,
  });
  const happened = head.status === "completed" || (head.status === "scheduled" && head.endsAt.getTime() <= now.getTime());
  return {
    timeZone: head.timeZone,
    today,
    interview: {
      id: head.id,
      kind: head.kind,
      status: head.status,
      startsAt: head.startsAt,
      endsAt: head.endsAt,
      location: head.location,
      arrangedByFirm: head.arrangedByFirm,
      happened,
    },
    application: {
      id: head.applicationId,
      stage: head.stage,
      stageChangedAt: head.stageChangedAt,
      version: head.applicationVersion,
      recruiterName: head.recruiterName,
    },
    candidate: { id: head.candidateId, name: head.candidateName },
    job: { id: head.jobId, title: head.jobTitle },
    client: { id: head.clientId, name: head.clientName },
    interviewers,
    debrief,
    feedback,
    peopleMet,
    calls,
    flags,
  };
}

async function loadDebrief(scope: QueryScope, interviewId: string): Promise<ReviewDebrief | null> {
  const [d] = await scope.db
    .select({
      id: debriefs.id,
      status: debriefs.status,
      ...DEBRIEF_FIELD_COLUMNS,
      submittedVersions: debriefs.submittedVersions,
      firstSubmittedAt: debriefs.firstSubmittedAt,
      submittedAt: debriefs.submittedAt,
      reviewedAt: debriefs.reviewedAt,
      reviewedByName: users.name,
      lastSavedAt: debriefs.lastSavedAt,
      version: debriefs.version,
    })
    .from(debriefs)
    .leftJoin(users, eq(users.id, debriefs.reviewedBy))
    .where(and(eq(debriefs.firmId, scope.firmId), eq(debriefs.interviewId, interviewId)))
    .limit(1);
  if (!d) return null;
  const versions = await scope.db
    .select({ number: debriefVersions.number, submittedAt: debriefVersions.submittedAt, snapshot: debriefVersions.snapshot })
    .from(debriefVersions)
    .where(and(eq(debriefVersions.firmId, scope.firmId), eq(debriefVersions.debriefId, d.id)))
    .orderBy(asc(debriefVersions.number))
    .limit(100);
  const needsReview =
    d.status === "submitted" && (!d.reviewedAt || (d.submittedAt !== null && d.reviewedAt.getTime() < d.submittedAt.getTime()));
  // A version saved before calls had kinds reads in today's words.
  return { ...d, versions: versions.map((v) => ({ ...v, snapshot: callAnswerOfSnapshot(v.snapshot) })), needsReview };
}

/**
 * Marks the debrief reviewed at the version the recruiter read. If the
 * candidate amended it since, that is a conflict: read the new version first.
 */
export async function markDebriefReviewed(
  scope: QueryScope,
  input: { debriefId: string; version: number; now?: Date },
): Promise<{ reviewedAt: Date } | "not_found"> {
  if (!staff(scope)) return "not_found";
  const now = input.now ?? new Date();
  return scope.db.transaction(async (tx) => {
    const t = withTx(scope, tx);
    const [d] = await tx
      .select({
        id: debriefs.id,
        interviewId: debriefs.interviewId,
        status: debriefs.status,
        version: debriefs.version,
        submittedVersions: debriefs.submittedVersions,
        reviewedAt: debriefs.reviewedAt,
        submittedAt: debriefs.submittedAt,
      })
      .from(debriefs)
      .where(and(eq(debriefs.firmId, scope.firmId), eq(debriefs.id, input.debriefId)))
      .limit(1);
    if (!d) return "not_found" as const;
    if (d.status !== "submitted") {
      throw new AppError("conflict", "The candidate has not submitted this debrief yet, so there is nothing to review.");
    }
    if (d.version !== input.version) {
      throw new AppError(
        "conflict",
        `The debrief changed since you opened it (it is now at version ${d.submittedVersions}). Read it again, then mark it reviewed.`,
      );
    }
    const rows = await tx
      .update(debriefs)
      .set({ reviewedAt: now, reviewedBy: scope.userId, version: sql`${debriefs.version} + 1` })
      .where(and(eq(debriefs.firmId, scope.firmId), eq(debriefs.id, d.id), eq(debriefs.version, input.version)))
      .returning({ id: debriefs.id });
    if (rows.length === 0) throw new AppError("conflict", "The debrief changed while saving. Read it again, then mark it reviewed.");
    await completePolicyTask(t, { interviewId: d.interviewId, policyKeys: ["review_debrief"], now });
    await recordAudit(t, {
      action: "debrief.reviewed",
      entityType: "debrief",
      entityId: d.id,
      changes: { version: d.submittedVersions },
    });
    return { reviewedAt: now };
  });
}
