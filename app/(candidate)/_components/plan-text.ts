import type { Status } from "@/app/_components/ui/status-pill";
import type { CandidateDebriefState, CandidatePlan, CandidateStep } from "@/lib/plans/candidate-plan";
import { dayLabel, timeLabel, whenLabel } from "./format";
import { THANK_YOU_CHANNEL_LABELS, type ThankYouChannel } from "@/lib/core/vocabulary";

/** The words of a plan: when each step is, its state's label, and a summary for the home page. */

export type Ctx = { zone: string; now: Date };

export const DONT_KINDS = new Set(["no_call", "no_visit"]);

function sameDay(a: Date, b: Date, zone: string): boolean {
  return dayLabel(a, zone, b) === "today";
}

/** The one line under a step's title that says when. */
export function stepTiming(step: CandidateStep, { zone, now }: Ctx): string | null {
  const due = step.dueAt;
  switch (step.kind) {
    case "call": {
      const from = step.notBefore;
      if (step.state === "done") return "Done: you made the one call.";
      if (step.closed) return due && now.getTime() >= due.getTime() ? `No longer allowed: the window closed ${whenLabel(due, zone, now)}.` : "No longer needed.";
      if (step.state === "not_allowed" && from && due) {
        return sameDay(from, due, zone)
          ? `Allowed only on ${dayLabel(from, zone, now)}, ${timeLabel(from, zone)}–${timeLabel(due, zone)}.`
          : `Allowed from ${whenLabel(from, zone, now)} until ${whenLabel(due, zone, now)}.`;
      }
      if (step.state === "overdue" && due) return `The window closed ${whenLabel(due, zone, now)}.`;
      return due ? `Allowed now, until ${whenLabel(due, zone, now)}.` : null;
    }
    case "wait":
      return due ? `Until ${dayLabel(due, zone, now)}.` : "Until the employer decides.";
    case "no_call":
    case "no_visit":
      return null;
    default:
      break;
  }
  if (step.state === "done") {
    if (step.kind === "thank_you" && step.thankYou?.sentAt) {
      const how = step.thankYou.channel ? THANK_YOU_CHANNEL_LABELS[step.thankYou.channel as ThankYouChannel] : null;
      return `Sent ${whenLabel(step.thankYou.sentAt, zone, now)}${how ? ` (${how.toLowerCase()})` : ""}.`;
    }
    // The "Done" pill says it all.
    return null;
  }
  if (!due) return null;
  if (step.state === "overdue") return `Was due ${whenLabel(due, zone, now)}.`;
  return `Due ${dayLabel(due, zone, now)} by ${timeLabel(due, zone)}.`;
}

export function pillFor(step: CandidateStep): { state: Status; label: string } {
  if (DONT_KINDS.has(step.kind)) return { state: "not_allowed", label: "Don't" };
  switch (step.state) {
    case "done":
      return { state: "done", label: "Done" };
    case "due":
      return { state: "due", label: step.kind === "call" ? "Allowed now" : "Due" };
    case "overdue":
      return { state: "overdue", label: "Overdue" };
    case "not_allowed":
      return { state: "not_allowed", label: step.closed ? "No longer" : "Not yet" };
    case "waiting":
      return { state: "neutral", label: "Waiting" };
  }
}

/** A few words for the home page: what this plan asks of the candidate now. */
export function planSummary(plan: CandidatePlan, { zone, now }: Ctx): string[] {
  const lines: string[] = [];
  const open = plan.steps.filter((s) => s.state === "due" || s.state === "overdue");
  const notes = open.filter((s) => s.kind === "thank_you");
  if (notes.length > 0) {
    const dueAt = notes[0]!.dueAt;
    const overdue = notes.some((s) => s.state === "overdue");
    const n = notes.length === 1 ? "A thank-you note" : `${notes.length} thank-you notes`;
    lines.push(
      dueAt
        ? overdue
          ? `${n} overdue since ${whenLabel(dueAt, zone, now)}`
          : `${n} due ${dayLabel(dueAt, zone, now)} by ${timeLabel(dueAt, zone)}`
        : `${n} to send`,
    );
  }
  const debrief = open.find((s) => s.kind === "debrief");
  if (debrief) lines.push(debrief.dueAt ? `Debrief due ${dayLabel(debrief.dueAt, zone, now)} by ${timeLabel(debrief.dueAt, zone)}` : "Debrief to file");
  const invitation = open.find((s) => s.kind === "accept_invitation");
  if (invitation) lines.push("Accept the invitation to come back");
  const call = plan.steps.find((s) => s.kind === "call");
  if (call?.state === "not_allowed" && !call.closed && call.notBefore) {
    lines.push(`One call allowed ${dayLabel(call.notBefore, zone, now)} (and only then)`);
  } else if (call?.state === "due") {
    lines.push(call.dueAt ? `One call allowed now, until ${whenLabel(call.dueAt, zone, now)}` : "One call allowed now");
  }
  if (lines.length === 0) {
    lines.push(
      plan.waitingUntil && plan.waitingUntil.getTime() > now.getTime()
        ? `Nothing to do but wait, until ${dayLabel(plan.waitingUntil, zone, now)}`
        : "Nothing to do but wait; your recruiter follows up",
    );
  }
  return lines;
}

export const DEBRIEF_STATE_PILL: Record<CandidateDebriefState, { state: Status; label: string }> = {
  upcoming: { state: "neutral", label: "Upcoming" },
  due: { state: "due", label: "Debrief due" },
  draft: { state: "info", label: "Draft saved" },
  submitted: { state: "done", label: "Debrief sent" },
  cancelled: { state: "not_allowed", label: "Cancelled" },
  no_show: { state: "not_allowed", label: "Missed" },
};

