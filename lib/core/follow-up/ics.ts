import { uidPart, writeCalendar, type CalendarEvent } from "../ics";
import type { Plan, PlanStep } from "./types";

export type PlanToIcsOptions = {
  /** Shown in every event's summary, e.g. "Onsite interview — Acme, Data Engineer". */
  interviewTitle: string;
  /** Makes UIDs unique per interview, e.g. "interview-<id>"; a re-download then updates the same events. */
  uidPrefix: string;
  /** Defaults to the plan's `generatedAt`, so the output is a pure function of its input. */
  dtStamp?: Date;
};

/**
 * The candidate's plan as an RFC 5545 calendar. Only the candidate's own open
 * steps with a due time are events: recruiter steps are not theirs, done steps
 * are noise, and the "don't" steps have no time. A step with a window (the
 * call) spans notBefore → dueAt; a deadline is a point event at its due time.
 */
export function planToIcs(plan: Plan, options: PlanToIcsOptions): string {
  const dtStamp = options.dtStamp ?? plan.generatedAt;
  const events: CalendarEvent[] = [];
  for (const step of plan.steps) {
    if (step.owner !== "candidate" || step.dueAt === null || step.state === "done") continue;
    events.push(stepEvent(step, step.dueAt, options, dtStamp));
  }
  return writeCalendar({ product: "Follow-up plan", name: `Follow-up: ${options.interviewTitle}`, events });
}

function stepEvent(step: PlanStep, dueAt: Date, options: PlanToIcsOptions, dtStamp: Date): CalendarEvent {
  const start = step.notBefore && step.notBefore.getTime() < dueAt.getTime() ? step.notBefore : null;
  const description = [step.reason];
  if (step.suggestions && step.suggestions.length > 0) {
    description.push(`Worth adding to the note: ${step.suggestions.join("; ")}`);
  }
  return {
    uid: `${uidPart(options.uidPrefix)}-${uidPart(step.key)}@afterview`,
    dtStamp,
    start: start ?? dueAt,
    end: start ? dueAt : null,
    summary: `${step.title} — ${options.interviewTitle}`,
    description: description.join("\n"),
    // Reminders, not meetings: they should not block the candidate's calendar.
    transp: "TRANSPARENT",
  };
}
