import { DECISION_LABELS, ENDED_STAGES, STAGE_LABELS, type Decision, type InterviewStatus, type Stage } from "../vocabulary";

/**
 * What a client's decision does to an application: the stage it moves to,
 * and why it cannot apply to an application where it stands.
 */

/** A decision as it reads inside a sentence: "a “next round” decision". */
export const decisionWord = (decision: Decision) => DECISION_LABELS[decision].toLowerCase();
const STAGE_ORDER: Record<Stage, number> = { sourced: 0, submitted: 1, interviewing: 2, offer: 3, placed: 4, rejected: 5, withdrawn: 5 };
const ENDED: ReadonlySet<Stage> = new Set(ENDED_STAGES);

/** The stage a decision moves the application to; null when it leaves the stage as it is. */
export function stageForDecision(decision: Decision, current: Stage): Stage | null {
  switch (decision) {
    case "next_round":
      return current === "interviewing" ? null : "interviewing";
    case "offer":
      return current === "offer" ? null : "offer";
    case "reject":
      return "rejected";
    case "hold":
      return null;
  }
}

/** Why a decision cannot apply to an application in `current`, or null when it can. */
export function decisionBlocked(decision: Decision, current: Stage): string | null {
  if (ENDED.has(current)) {
    return `The application is already ${STAGE_LABELS[current].toLowerCase()}, so a “${decisionWord(decision)}” decision cannot move it. Reopen it from the candidate's page first.`;
  }
  const to = stageForDecision(decision, current);
  if (to && to !== "rejected" && STAGE_ORDER[to] < STAGE_ORDER[current]) {
    return `The application is already at ${STAGE_LABELS[current]}; a “${decisionWord(decision)}” decision would move it back to ${STAGE_LABELS[to]}.`;
  }
  return null;
}

/** Held when it was completed, or when it was scheduled and its end has passed. */
export function hasHappened(ctx: { status: InterviewStatus; endsAt: Date }, now: Date): boolean {
  if (ctx.status === "completed") return true;
  return ctx.status === "scheduled" && ctx.endsAt.getTime() <= now.getTime();
}
