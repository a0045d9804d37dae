import {
  BUSINESS_DAY_END_HOUR,
  BUSINESS_DAY_START_HOUR,
  addBusinessDaysInZone,
  assertTimeZone,
  dateAtLocalHour,
  formatDay,
  lastBusinessDayOnOrBefore,
  sameDayAtLocalHour,
} from "./business-days";
import type {
  FollowUpDebrief,
  FollowUpInput,
  FollowUpPolicySettings,
  PlanStep,
  PlanStepState,
} from "./types";

/**
 * The parts the follow-up engine (./engine.ts) builds its plan from: the one
 * call's window (rule 4), the people to thank (rule 2), a step and its state,
 * the order of steps, the input's checks and the plan's wording of durations.
 */

export type CallPlan = { notBefore: Date; dueAt: Date; reason: string };

/**
 * rule 4: exactly one call, in one of three windows.
 * - Asked to call by a date: from 09:00 on the business day after the
 *   interview until 17:00 on the call-by date (pulled back to the last
 *   business day on or before it — a weekend deadline means the Friday).
 * - Asked to call, no date: from that same morning until 17:00 on the
 *   `callAfterBusinessDays`-th business day after the interview.
 * - Only promised news by a date: on the `callAfterBusinessDays`-th business
 *   day after that date, 09:00–17:00, and only then.
 * An explicit request wins over a promised date: it is what the interviewer asked for.
 */
export function planCall(input: FollowUpInput, submitted: FollowUpDebrief | null): CallPlan | null {
  if (!submitted) return null;
  const { interview, firm } = input;
  const zone = firm.timeZone;
  const holidays = firm.holidays;
  const n = firm.policy.callAfterBusinessDays;
  const morningAfterInterview = addBusinessDaysInZone(
    sameDayAtLocalHour(interview.endsAt, BUSINESS_DAY_START_HOUR, zone),
    1,
    zone,
    holidays,
  );

  if (submitted.askedToCall === true && submitted.callBy) {
    const callByDay = lastBusinessDayOnOrBefore(
      dateAtLocalHour(submitted.callBy, BUSINESS_DAY_END_HOUR, zone),
      zone,
      holidays,
    );
    const dueAt = callByDay;
    // A call-by date on the interview day itself leaves no "morning after":
    // the call is then allowed as soon as the interview is over.
    const notBefore =
      morningAfterInterview.getTime() <= dueAt.getTime() ? morningAfterInterview : minDate(interview.endsAt, dueAt);
    return {
      notBefore,
      dueAt,
      reason: `The interviewer asked you to call by ${formatDay(dateAtLocalHour(submitted.callBy, 12, zone), zone)}, so make that one call; a second call reads as pestering.`,
    };
  }
  if (submitted.askedToCall === true) {
    const lastDay = addBusinessDaysInZone(
      sameDayAtLocalHour(interview.endsAt, BUSINESS_DAY_END_HOUR, zone),
      n,
      zone,
      holidays,
    );
    return {
      notBefore: minDate(morningAfterInterview, lastDay),
      dueAt: lastDay,
      reason: `The interviewer asked for a call without a date, so make one call within ${businessDays(n)} of the interview, and only one.`,
    };
  }
  if (submitted.expectedDecisionOn) {
    const notBefore = addBusinessDaysInZone(
      dateAtLocalHour(submitted.expectedDecisionOn, BUSINESS_DAY_START_HOUR, zone),
      n,
      zone,
      holidays,
    );
    return {
      notBefore,
      dueAt: sameDayAtLocalHour(notBefore, BUSINESS_DAY_END_HOUR, zone),
      reason: `The interviewer promised news by ${formatDay(dateAtLocalHour(submitted.expectedDecisionOn, 12, zone), zone)}, so one call is allowed ${businessDays(n)} after that date, on ${formatDay(notBefore, zone)}, and only then.`,
    };
  }
  return null;
}

export type PersonToThank = { keyId: string; personId: string; name: string; sent: boolean; sentAt: Date | null };

/**
 * rule 2: the debrief's people met once it lists any; before that, the
 * scheduled interviewers (the debrief form is prefilled from them, so the
 * keys line up through the contact id).
 */
export function peopleToThank(input: FollowUpInput): PersonToThank[] {
  const people = input.debrief?.people ?? [];
  if (people.length > 0) {
    return people.map((person) => ({
      keyId: person.contactId ?? person.id,
      personId: person.id,
      name: person.name,
      sent: person.thankYouSent,
      sentAt: person.thankYouSentAt,
    }));
  }
  return input.interview.interviewers.map((interviewer) => ({
    keyId: interviewer.contactId,
    personId: interviewer.contactId,
    name: interviewer.name,
    sent: false,
    sentAt: null,
  }));
}

/** rule 2: one qualification per line of "not mentioned", list markers dropped. */
export function parseSuggestions(notMentioned: string): string[] {
  return notMentioned
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim().replace(/^(?:[-*•·]|\d+[.)])\s+/, "").trim())
    .filter((line) => line.length > 0);
}

type StepSpec = Omit<PlanStep, "state" | "notBefore"> & {
  notBefore?: Date | null;
  done: boolean;
  /** The state shown before the step can be acted on. */
  blocked?: Extract<PlanStepState, "waiting" | "not_allowed">;
  now: Date;
  extra?: Pick<PlanStep, "suggestions" | "personId" | "personName">;
};

/** Overdue only while still open and past due: a late debrief, once filed, is simply done. */
export function step(spec: StepSpec): PlanStep {
  const { done, blocked, now, extra, notBefore, ...rest } = spec;
  let state: PlanStepState;
  if (done) state = "done";
  else if (blocked) state = blocked;
  else if (rest.dueAt && now.getTime() > rest.dueAt.getTime()) state = "overdue";
  else state = "due";
  return { ...rest, ...(notBefore !== undefined ? { notBefore } : {}), state, ...extra };
}

export function compareSteps(a: PlanStep, b: PlanStep): number {
  const at = a.dueAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const bt = b.dueAt?.getTime() ?? Number.POSITIVE_INFINITY;
  if (at !== bt) return at < bt ? -1 : 1;
  if (a.rule !== b.rule) return a.rule - b.rule;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

export function assertValidInput(input: FollowUpInput): void {
  assertTimeZone(input.firm.timeZone);
  const p: FollowUpPolicySettings = input.firm.policy;
  for (const name of ["thankYouWithinHours", "debriefWithinHours"] as const) {
    if (!Number.isFinite(p[name]) || p[name] < 0) throw new RangeError(`policy.${name} must be a number ≥ 0`);
  }
  for (const name of [
    "feedbackWithinBusinessDays",
    "callAfterBusinessDays",
    "decisionGraceBusinessDays",
    "timelineTaskWithinBusinessDays",
  ] as const) {
    if (!Number.isInteger(p[name]) || p[name] < 0) throw new RangeError(`policy.${name} must be a whole number ≥ 0`);
  }
  for (const [name, value] of [
    ["now", input.now],
    ["interview.endsAt", input.interview.endsAt],
  ] as const) {
    if (Number.isNaN(value.getTime())) throw new RangeError(`${name} is not a valid date`);
  }
}

export function minDate(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

export function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 120 ? `${flat.slice(0, 119)}…` : flat;
}

export function hours(n: number): string {
  return `${n} hour${n === 1 ? "" : "s"}`;
}

export function businessDays(n: number): string {
  return `${n} business day${n === 1 ? "" : "s"}`;
}
