import { buildPlan, type PlanStep } from "@/lib/core/follow-up";
import * as s from "../schema";
import { newId } from "../schema/_shared";
import type { FirmBuilder } from "./builder";
import { followUpDebrief } from "./rounds";
import type { AppMeta, InterviewMeta, UserRef } from "./types";

// Tasks and the audit trail: the follow-up policy's tasks of every completed
// round, tasks made by hand, and a few audit events.

/** Steps that are guidance rather than work (rules 4–6) do not become tasks. */
const GUIDANCE_STEPS = new Set<PlanStep["kind"]>(["no_call", "no_visit", "wait"]);

/** Open steps of rounds older than this are marked skipped: nobody chases a thank-you note from last quarter. */
const STALE_AFTER_DAYS = 21;

export function addManualTask(
  b: FirmBuilder,
  spec: {
    title: string;
    details?: string;
    owner: UserRef;
    app?: AppMeta;
    dueAt: Date | null;
    state: "open" | "done" | "skipped";
    createdAt: Date;
    completedAt?: Date;
  },
) {
  const id = newId();
  b.taskRows.push({
    firmId: b.firmId,
    id,
    title: spec.title,
    details: spec.details ?? "",
    ownerKind: "recruiter",
    ownerUserId: spec.owner.id,
    candidateId: spec.app?.candidate.id ?? null,
    applicationId: spec.app?.id ?? null,
    dueAt: spec.dueAt,
    state: spec.state,
    completedAt: spec.state === "open" ? null : (spec.completedAt ?? spec.createdAt),
    completedBy: spec.state === "open" ? null : spec.owner.id,
    createdBy: spec.owner.id,
    createdAt: spec.createdAt,
    updatedAt: spec.completedAt ?? spec.createdAt,
  });
  return id;
}

export function addAudit(b: FirmBuilder, actor: UserRef | null, action: string, entityType: string, entityId: string | null, at: Date, changes?: Record<string, unknown>) {
  b.auditRows.push({
    firmId: b.firmId,
    id: newId(),
    actorUserId: actor?.id ?? null,
    action,
    entityType,
    entityId,
    changes: changes ?? null,
    ip: "203.0.113.24",
    requestId: `seed-${b.auditRows.length + 1}`,
    createdAt: at,
  });
}

/** Turns every completed round's follow-up plan (as it stands now) into task rows. */
export function planTasks(b: FirmBuilder) {
  for (const iv of b.interviews) {
    if (iv.row.status === "completed") planRoundTasks(b, iv);
  }
}

function planRoundTasks(b: FirmBuilder, iv: InterviewMeta) {
  const { clock } = b;
  const d = iv.debrief;
  const feedbackAt = iv.feedback.map((fb) => fb.receivedAt.getTime());
  const decided = iv.feedback.filter((fb) => fb.decision !== null).map((fb) => fb.receivedAt.getTime());
  const firstFeedbackAt = feedbackAt.length ? new Date(Math.min(...feedbackAt)) : null;
  const decisionAt = decided.length ? new Date(Math.min(...decided)) : null;
  const plan = buildPlan({
    interview: {
      id: iv.row.id,
      startsAt: iv.row.startsAt,
      endsAt: iv.row.endsAt,
      status: iv.row.status,
      arrangedByFirm: iv.row.arrangedByFirm,
      interviewers: iv.contacts.map((c) => ({ contactId: c.id, name: c.name })),
    },
    debrief: d ? followUpDebrief(d.row, d.people) : null,
    calls: iv.calls.map((c) => ({ calledAt: c.calledAt })),
    firm: { timeZone: clock.zone, holidays: clock.holidays, policy: s.DEFAULT_POLICY },
    progress: {
      debriefReviewedAt: (d?.row.reviewedAt as Date | null | undefined) ?? null,
      feedbackReceivedAt: firstFeedbackAt,
      timelineObtainedAt: iv.timelineObtainedAt,
      decisionReceivedAt: decisionAt,
      invitationAcceptedAt: iv.invitationAcceptedAt,
    },
    now: clock.now,
  });
  const stale = iv.rawOffset < -STALE_AFTER_DAYS;
  for (const step of plan.steps) {
    if (GUIDANCE_STEPS.has(step.kind)) continue;
    // Nothing to review before the debrief arrives (the step is waiting on it).
    if (step.kind === "review_debrief" && step.state === "waiting") continue;
    const candidateStep = step.owner === "candidate";
    const ownerId = candidateStep ? iv.app.candidate.userId : iv.app.recruiter.id;
    const done = step.state === "done";
    const state = done ? "done" : stale ? "skipped" : "open";
    const doneAt = done ? stepDoneAt(step, iv, firstFeedbackAt, decisionAt) : null;
    const createdAt =
      step.rule === 2 || step.rule === 3 ? iv.row.endsAt : ((d?.row.firstSubmittedAt as Date | null) ?? iv.row.endsAt);
    const skippedAt = state === "skipped" ? clock.after(step.dueAt ?? iv.row.endsAt, 7 * 24) : null;
    const id = newId();
    iv.taskIds.set(step.key, id);
    b.taskRows.push({
      firmId: b.firmId,
      id,
      title: step.title,
      details: step.reason,
      ownerKind: candidateStep ? "candidate" : "recruiter",
      ownerUserId: ownerId,
      candidateId: iv.app.candidate.id,
      applicationId: iv.app.id,
      interviewId: iv.row.id,
      dueAt: step.dueAt,
      state,
      rule: `rule ${step.rule}`,
      policyKey: step.key,
      completedAt: doneAt ?? skippedAt,
      completedBy: done ? ownerId : state === "skipped" ? iv.app.recruiter.id : null,
      createdAt,
      updatedAt: doneAt ?? skippedAt ?? createdAt,
    });
  }
}

function stepDoneAt(step: PlanStep, iv: InterviewMeta, feedbackAt: Date | null, decisionAt: Date | null): Date {
  const d = iv.debrief?.row;
  const fallback = step.dueAt ?? iv.row.endsAt;
  switch (step.kind) {
    case "debrief":
      return (d?.firstSubmittedAt as Date | null) ?? fallback;
    case "review_debrief":
      return (d?.reviewedAt as Date | null) ?? fallback;
    case "collect_feedback":
      return feedbackAt ?? fallback;
    case "thank_you":
      return iv.debrief?.people.find((p) => p.id === step.personId)?.thankYouSentAt ?? fallback;
    case "call":
      return iv.calls[0]?.calledAt ?? fallback;
    case "get_timeline":
      return iv.timelineObtainedAt ?? fallback;
    case "accept_invitation":
      return iv.invitationAcceptedAt ?? fallback;
    case "chase_decision":
      return decisionAt ?? fallback;
    default:
      return fallback;
  }
}
