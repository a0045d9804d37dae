import type { PlanSource } from "@/db/queries/plan-sources";
import type { PlanTaskSpec } from "@/db/queries/plan-tasks";
import { PLAN_STEP_KINDS, type Plan, type PlanStep, type PlanStepKind } from "@/lib/core/follow-up";

/** A plan's steps as the tasks that stand for them (sync.ts stores them). */

/** Guidance, not work: the don'ts and the wait are shown in the plan but owed by nobody. */
const GUIDANCE_STEPS = new Set<PlanStepKind>(["no_call", "no_visit", "wait"]);

/** Keys the plan owns (`thank_you:<id>`, `collect_feedback`, …), as opposed to other keyed tasks. */
export function isPlanStepKey(key: string): boolean {
  const kind = key.split(":")[0] ?? "";
  return (PLAN_STEP_KINDS as readonly string[]).includes(kind);
}

/** How a task the plan no longer needs is closed: skipped, with why (tasks.skip_reason). */
export function noLongerNeeded(why: string): string {
  return `No longer needed: ${why}`;
}

/** Said of a step that left a plan that is still running, when nothing more precise is known. */
export const LEFT_THE_PLAN = noLongerNeeded("no longer in the plan");
/** Said of the steps an amendment of the debrief took out of the plan. */
export const DEBRIEF_AMENDED = noLongerNeeded("the debrief was amended");
/** Said of the steps a client decision (next round, offer, reject) ended. */
export const CLIENT_DECIDED = noLongerNeeded("the client has decided");

/**
 * Why an interview's plan gives no tasks (its open ones are then skipped with
 * this reason), or null when its plan is stored as tasks: once the interview
 * happened (marked completed, or debriefed) and while its application is in play.
 */
export function noTasksReason(src: PlanSource): string | null {
  if (src.interview.status === "cancelled") return noLongerNeeded("interview cancelled");
  if (src.interview.status === "no_show") return noLongerNeeded("interview marked no-show");
  if (src.interview.applicationStage === "rejected") return noLongerNeeded("application rejected");
  if (src.interview.applicationStage === "withdrawn") return noLongerNeeded("application withdrawn");
  if (src.interview.status === "completed") return null;
  if (src.debrief?.status === "submitted") return null;
  return noLongerNeeded("the interview has not taken place yet");
}

/** Whether an interview's plan is stored as tasks (see noTasksReason). */
export function generatesTasks(src: PlanSource): boolean {
  return noTasksReason(src) === null;
}

/**
 * Why the plan's steps that left it did so, when the plan still runs: an
 * amended debrief (submitted again after its first submission), else the plan
 * simply changed.
 */
export function leftThePlanReason(src: PlanSource): string {
  const d = src.debrief;
  const amended =
    d?.status === "submitted" && d.firstSubmittedAt && d.submittedAt && d.submittedAt.getTime() > d.firstSubmittedAt.getTime();
  return amended ? DEBRIEF_AMENDED : LEFT_THE_PLAN;
}

/** When a done step was done, from the facts the plan was built on. */
function doneAtOf(step: PlanStep, src: PlanSource): Date | null {
  switch (step.kind) {
    case "debrief":
      return src.debrief?.firstSubmittedAt ?? src.debrief?.submittedAt ?? null;
    case "review_debrief":
      return src.progress.debriefReviewedAt;
    case "collect_feedback":
      return src.progress.feedbackReceivedAt;
    case "thank_you":
      return src.people.find((p) => p.id === step.personId)?.thankYouSentAt ?? null;
    case "call":
      return src.calls[0]?.calledAt ?? null;
    case "get_timeline":
      return src.progress.timelineObtainedAt;
    case "accept_invitation":
      return src.progress.invitationAcceptedAt;
    case "chase_decision":
      return src.progress.decisionReceivedAt;
    default:
      return null;
  }
}

/**
 * A thank-you step is keyed by the client contact once the person met is one
 * (`thank_you:<contactId>`), by the person otherwise: when the recruiter links
 * the person to a contact, the task stored under the person's key is the same
 * task, and storePlanTasks moves it to the new key instead of making a second.
 */
function formerKeysOf(step: PlanStep): string[] | undefined {
  if (step.kind !== "thank_you" || !step.personId) return undefined;
  const personKey = `thank_you:${step.personId}`;
  return step.key === personKey ? undefined : [personKey];
}

export function planTaskSpecs(plan: Plan, src: PlanSource): PlanTaskSpec[] {
  const specs: PlanTaskSpec[] = [];
  for (const step of plan.steps) {
    if (GUIDANCE_STEPS.has(step.kind)) continue;
    // Nothing to go through before the debrief arrives.
    if (step.kind === "review_debrief" && step.state === "waiting") continue;
    // A call the plan no longer allows (the client decided, or its window
    // passed) is owed by nobody: its task is skipped rather than left overdue.
    if (step.kind === "call" && step.state === "not_allowed" && (plan.decided || (step.dueAt && step.dueAt < plan.generatedAt))) continue;
    const candidateStep = step.owner === "candidate";
    specs.push({
      policyKey: step.key,
      formerKeys: formerKeysOf(step),
      rule: `rule ${step.rule}`,
      title: step.title,
      details: step.reason,
      ownerKind: candidateStep ? "candidate" : "recruiter",
      ownerUserId: candidateStep ? src.owners.candidateUserId : src.owners.recruiterUserId,
      dueAt: step.dueAt,
      done: step.state === "done",
      doneAt: step.state === "done" ? doneAtOf(step, src) : null,
    });
  }
  return specs;
}
