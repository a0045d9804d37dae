import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { AppError } from "@/lib/core/errors";
import {
  applications,
  applicationStageChanges,
  contacts,
  feedbackRatings,
  interviewerFeedback,
  ratingEnum,
  scorecardAttributes,
  users,
} from "../schema";
import type { Decision } from "../schema/enums";
import { STAGE_LABELS } from "@/lib/core/vocabulary";
import { recordAudit } from "./audit";
import { atomically } from "./atomic";
import { isStaffScope, type QueryScope } from "./scope";
import { updateVersioned, type RecordKind } from "./versioned";
import { completePolicyTask } from "./tasks";
import { decisionBlocked, decisionWord, hasHappened, stageForDecision } from "@/lib/core/review/feedback-rules";
import {
  feedbackAnswersOf,
  getFeedback,
  getFeedbackContext,
  type FeedbackContext,
  type FeedbackFields,
  type FeedbackRow,
  type FeedbackSaved,
} from "./feedback";

/**
 * Recording, editing and deleting interviewer feedback (the reads are in
 * ./feedback). A client decision moves the application's stage in the same
 * transaction, and only if nobody moved it since the recruiter looked.
 */

/**
 * A decision that answers the candidate's wait (next round, offer, reject):
 * a hold is the client saying it has not decided, so the chase goes on.
 */
function decides(decision: Decision | null | undefined): boolean {
  return decision != null && decision !== "hold";
}

/** Clocks differ a little between a browser and the server. */
const FUTURE_SLACK_MS = 5 * 60_000;

const feedbackKind: RecordKind<{ id: string }> = {
  table: interviewerFeedback,
  columns: { id: interviewerFeedback.id },
  entityType: "interviewer_feedback",
};

/** Input checks that need the database; every problem is reported against its field. */
async function checkFields(scope: QueryScope, ctx: FeedbackContext, input: FeedbackFields, now: Date, existingAttributeIds: string[] = []) {
  const errors: Record<string, string[]> = {};
  if (input.contactId) {
    const [c] = await scope.db
      .select({ clientId: contacts.clientId })
      .from(contacts)
      .where(and(eq(contacts.firmId, scope.firmId), eq(contacts.id, input.contactId)))
      .limit(1);
    if (!c || c.clientId !== ctx.clientId) errors.contactId = [`Choose someone at ${ctx.clientName}, the client of this interview.`];
  }
  if (input.receivedAt.getTime() > now.getTime() + FUTURE_SLACK_MS) errors.receivedAt = ["The feedback cannot have arrived in the future."];
  const valid = new Set<string>(ratingEnum.enumValues);
  const attributeIds = [...new Set(input.ratings.map((r) => r.attributeId))];
  if (input.ratings.some((r) => !valid.has(r.rating))) errors.ratings = ["Rate each attribute from “definitely not” to “strong yes”."];
  if (attributeIds.length !== input.ratings.length) errors.ratings = ["Rate each attribute once."];
  if (attributeIds.length > 0 && !errors.ratings) {
    const known = await scope.db
      .select({ id: scorecardAttributes.id, archivedAt: scorecardAttributes.archivedAt })
      .from(scorecardAttributes)
      .where(and(eq(scorecardAttributes.firmId, scope.firmId), inArray(scorecardAttributes.id, attributeIds)));
    const ok = new Set(known.filter((k) => !k.archivedAt || existingAttributeIds.includes(k.id)).map((k) => k.id));
    if (attributeIds.some((id) => !ok.has(id))) errors.ratings = ["One of the attributes is not on the firm's scorecard any more. Reload the page."];
  }
  let warning: string | undefined;
  if (!hasHappened(ctx, now)) {
    if (input.recommendation !== "no_decision") errors.recommendation = ["This interview has not happened yet: record “No decision yet” for now."];
    if (input.decision) errors.decision = ["This interview has not happened yet, so the client cannot have decided."];
    warning = `This interview has not happened yet (${ctx.status === "scheduled" ? "it is still scheduled" : `it is marked ${ctx.status.replace("_", "-")}`}). The feedback was saved as “No decision yet”.`;
  }
  if (Object.keys(errors).length > 0) throw new AppError("invalid", undefined, errors);
  return warning;
}

/**
 * Moves the application for a client decision, unless its stage changed
 * after the recruiter saw it (then a conflict, and nothing is written).
 */
async function applyDecision(scope: QueryScope, ctx: FeedbackContext, decision: Decision, input: FeedbackFields, now: Date, contactName: string | null) {
  const [app] = await scope.db
    .select({
      stage: applications.stage,
      stageChangedAt: applications.stageChangedAt,
      version: applications.version,
    })
    .from(applications)
    .where(and(eq(applications.firmId, scope.firmId), eq(applications.id, ctx.applicationId)))
    .for("update")
    .limit(1);
  if (!app) throw new AppError("not_found");
  const seen = input.seenStage;
  if (!seen || seen.stage !== app.stage || app.stageChangedAt.getTime() > seen.changedAt.getTime()) {
    const [last] = await scope.db
      .select({ at: applicationStageChanges.changedAt, by: users.name })
      .from(applicationStageChanges)
      .leftJoin(users, eq(users.id, applicationStageChanges.changedBy))
      .where(and(eq(applicationStageChanges.firmId, scope.firmId), eq(applicationStageChanges.applicationId, ctx.applicationId)))
      .orderBy(desc(applicationStageChanges.changedAt))
      .limit(1);
    const who = last?.by ? ` by ${last.by}` : "";
    throw new AppError(
      "conflict",
      `The application's stage changed to ${STAGE_LABELS[app.stage]}${who} after you opened this page, so nothing was saved. Check the current stage, then record the decision again.`,
    );
  }
  const blocked = decisionBlocked(decision, app.stage);
  if (blocked) throw new AppError("conflict", `${blocked} Nothing was saved.`);
  const to = stageForDecision(decision, app.stage);
  if (!to) return null;
  const reason = `Client decision: ${decisionWord(decision)}${contactName ? ` (${contactName})` : ""}`;
  const moved = await scope.db
    .update(applications)
    .set({
      stage: to,
      stageChangedAt: now,
      closedReason: to === "rejected" ? reason : sql`${applications.closedReason}`,
      version: sql`${applications.version} + 1`,
    })
    .where(and(eq(applications.firmId, scope.firmId), eq(applications.id, ctx.applicationId), eq(applications.version, app.version)))
    .returning({ id: applications.id });
  if (moved.length === 0) throw new AppError("conflict", "The application changed while saving, so nothing was saved. Try again.");
  await scope.db.insert(applicationStageChanges).values({
    firmId: scope.firmId,
    applicationId: ctx.applicationId,
    fromStage: app.stage,
    toStage: to,
    reason,
    changedBy: scope.userId,
    changedAt: now,
  });
  await recordAudit(scope, {
    action: "application.stage_changed",
    entityType: "application",
    entityId: ctx.applicationId,
    changes: { stage: [app.stage, to], decision },
  });
  return { from: app.stage, to };
}

async function contactNameOf(scope: QueryScope, contactId: string | null) {
  if (!contactId) return null;
  const [c] = await scope.db
    .select({ name: contacts.name })
    .from(contacts)
    .where(and(eq(contacts.firmId, scope.firmId), eq(contacts.id, contactId)))
    .limit(1);
  return c?.name ?? null;
}

async function writeRatings(scope: QueryScope, feedbackId: string, ratings: FeedbackFields["ratings"]) {
  await scope.db.delete(feedbackRatings).where(and(eq(feedbackRatings.firmId, scope.firmId), eq(feedbackRatings.feedbackId, feedbackId)));
  if (ratings.length === 0) return;
  await scope.db
    .insert(feedbackRatings)
    .values(ratings.map((r) => ({ firmId: scope.firmId, feedbackId, attributeId: r.attributeId, rating: r.rating, note: r.note })));
}

/** Records the client's feedback on an interview; a decision moves the application's stage. */
export async function createFeedback(scope: QueryScope, input: FeedbackFields & { interviewId: string }): Promise<FeedbackSaved | "not_found"> {
  if (!isStaffScope(scope)) return "not_found";
  const now = input.now ?? new Date();
  const ctx = await getFeedbackContext(scope, input.interviewId);
  if (!ctx) return "not_found";
  const warning = await checkFields(scope, ctx, input, now);
  const saved = await atomically(scope, async (t) => {
    const tx = t.db;
    const contactName = await contactNameOf(t, input.contactId);
    const stageChange = input.decision ? await applyDecision(t, ctx, input.decision, input, now, contactName) : null;
    const [row] = await tx
      .insert(interviewerFeedback)
      .values({
        firmId: scope.firmId,
        interviewId: input.interviewId,
        ...feedbackAnswersOf(input),
        decision: input.decision,
        decisionAppliedAt: input.decision ? now : null,
        recordedBy: scope.userId,
      })
      .returning({ id: interviewerFeedback.id });
    await writeRatings(t, row!.id, input.ratings);
    if (hasHappened(ctx, now)) {
      await completePolicyTask(t, {
        interviewId: input.interviewId,
        policyKeys: decides(input.decision) ? ["collect_feedback", "chase_decision", "get_timeline"] : ["collect_feedback"],
        now,
      });
    }
    await recordAudit(t, {
      action: "feedback.recorded",
      entityType: "interviewer_feedback",
      entityId: row!.id,
      changes: {
        interviewId: input.interviewId,
        recommendation: input.recommendation,
        decision: input.decision,
        ratings: input.ratings.length,
      },
    });
    return { id: row!.id, stageChange };
  });
  return { feedback: (await getFeedback(scope, saved.id))!, warning, stageChange: saved.stageChange };
}

/**
 * Edits feedback at the version the recruiter saw. A decision, once it has
 * moved the stage, stays: a new decision is new feedback.
 */
export async function updateFeedback(
  scope: QueryScope,
  input: FeedbackFields & { id: string; version: number },
): Promise<FeedbackSaved | "not_found"> {
  if (!isStaffScope(scope)) return "not_found";
  const now = input.now ?? new Date();
  const before = await getFeedback(scope, input.id);
  if (!before) return "not_found";
  const ctx = await getFeedbackContext(scope, before.interviewId);
  if (!ctx) return "not_found";
  if (before.version !== input.version) throw staleFeedback(before);
  if (before.decision && input.decision !== before.decision) {
    throw new AppError("invalid", undefined, {
      decision: ["The decision is recorded and has moved the application. For a new decision, record new feedback."],
    });
  }
  const warning = await checkFields(scope, ctx, input, now, before.ratings.map((r) => r.attributeId));
  const saved = await atomically(scope, async (t) => {
    const contactName = await contactNameOf(t, input.contactId);
    const newDecision = !before.decision && input.decision ? input.decision : null;
    const stageChange = newDecision ? await applyDecision(t, ctx, newDecision, input, now, contactName) : null;
    const saved = await updateVersioned(t, feedbackKind, input.id, input.version, {
      ...feedbackAnswersOf(input),
      ...(newDecision ? { decision: newDecision, decisionAppliedAt: now } : {}),
    });
    if (!saved) throw staleFeedback(before);
    await writeRatings(t, input.id, input.ratings);
    if (decides(newDecision)) await completePolicyTask(t, { interviewId: before.interviewId, policyKeys: ["chase_decision", "get_timeline"], now });
    await recordAudit(t, {
      action: "feedback.updated",
      entityType: "interviewer_feedback",
      entityId: input.id,
      changes: { recommendation: [before.recommendation, input.recommendation], decision: [before.decision, before.decision ?? newDecision] },
    });
    return stageChange;
  });
  return { feedback: (await getFeedback(scope, input.id))!, warning, stageChange: saved };
}

function staleFeedback(current: FeedbackRow): AppError {
  return new AppError(
    "conflict",
    `Someone else saved this feedback while you were editing${current.recordedByName ? ` (recorded by ${current.recordedByName})` : ""}, so nothing was saved. Reload to see their version, then apply your changes again.`,
  );
}

/** Removes a piece of feedback. A stage it moved stays where it is; the stage history keeps the move. */
export async function deleteFeedback(scope: QueryScope, ref: { id: string; version: number }): Promise<"ok" | "not_found"> {
  if (!isStaffScope(scope)) return "not_found";
  return atomically(scope, async (t) => {
    const tx = t.db;
    const before = await getFeedback(t, ref.id);
    if (!before) return "not_found" as const;
    if (before.version !== ref.version) throw staleFeedback(before);
    await tx.delete(interviewerFeedback).where(and(eq(interviewerFeedback.firmId, scope.firmId), eq(interviewerFeedback.id, ref.id)));
    await recordAudit(t, {
      action: "feedback.deleted",
      entityType: "interviewer_feedback",
      entityId: ref.id,
      changes: { interviewId: before.interviewId, recommendation: before.recommendation, decision: before.decision },
    });
    return "ok" as const;
  });
}
