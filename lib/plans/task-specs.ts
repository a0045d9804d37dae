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

/** Whether an interview's plan is stored as tasks yet: once it happened (marked completed, or debriefed). */
export function generatesTasks(src: PlanSource): boolean {
  if (src.interview.status === "completed") return true;
  return src.interview.status === "scheduled" && src.debrief?.status === "submitted";
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

export function planTaskSpecs(plan: Plan, src: PlanSource): PlanTaskSpec[] {
  const specs: PlanTaskSpec[] = [];
  for (const step of plan.steps) {
    if (GUIDANCE_STEPS.has(step.kind)) continue;
    // Nothing to go through before the debrief arrives.
    if (step.kind === "review_debrief" && step.state === "waiting") continue;
    const candidateStep = step.owner === "candidate";
    specs.push({
      policyKey: step.key,
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
