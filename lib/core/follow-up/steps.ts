import {
  BUSINESS_DAY_END_HOUR,
  BUSINESS_DAY_START_HOUR,
  addBusinessDaysInZone,
  assertTimeZone,
  dateAtLocalHour,
  formatDay,
  lastBusinessDayOnOrBefore,
  localDateKey,
  sameDayAtLocalHour,
} from "./business-days";
import type {
  CallReason,
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

/** rule 4's call: why, its window, and the reason as the candidate reads it. */
export type CallPlan = {
  reason: Exclude<CallReason, "none">;
  notBefore: Date;
  dueAt: Date;
  /** After the window the call is no longer allowed (if_no_news, promised_date) rather than overdue. */
  closesWithWindow: boolean;
  text: string;
};

/** The day the rule 6 wait counts from: the promised decision date, else the no-news date. */
export function waitAnchorOf(submitted: FollowUpDebrief | null): string | null {
  if (!submitted) return null;
  if (submitted.expectedDecisionOn) return submitted.expectedDecisionOn;
  return submitted.callInvitation === "if_no_news" ? submitted.callBy : null;
}

/**
 * rule 6: the candidate waits until the expected date plus the grace, from the
 * start of that business day's hours (never before the interview's end).
 */
export function planWaitUntil(input: FollowUpInput, submitted: FollowUpDebrief | null): Date | null {
  const anchor = waitAnchorOf(submitted);
  if (!anchor) return null;
  const { firm, interview } = input;
  const until = addBusinessDaysInZone(
    dateAtLocalHour(anchor, BUSINESS_DAY_START_HOUR, firm.timeZone),
    firm.policy.decisionGraceBusinessDays,
    firm.timeZone,
    firm.holidays,
  );
  return maxDate(until, interview.endsAt);
}

/** 'HH:MM' as hour and minute, or null for anything else. */
export function clockTime(value: string | null): { hour: number; minute: number } | null {
  const match = value ? /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value) : null;
  return match ? { hour: Number(match[1]), minute: Number(match[2]) } : null;
}

/**
 * rule 4: at most one call, and only when the debrief gives a reason.
 * - on_day (a named day, maybe a time): due on that day at that time, else by
 *   17:00 (a weekend or holiday means the business day before it); allowed
 *   from 09:00 the business day after the interview. The request wins over
 *   the default wait.
 * - if_no_news (a date), or not invited but promised a decision by a date:
 *   allowed on the `callAfterBusinessDays`-th business day after that date,
 *   09:00, for `callWindowBusinessDays` business days (until 17:00 on the
 *   last), never before the rule 6 wait ends.
 * - no_date: from 09:00 the business day after the interview until 17:00 on
 *   the `callAfterBusinessDays`-th business day after it.
 * - otherwise (not invited, no date, or unanswered): no call.
 * Each window lies after the interview's end. Whether a decision has arrived
 * is the engine's business (it closes a call not yet made).
 */
export function planCall(input: FollowUpInput, submitted: FollowUpDebrief | null, waitingUntil: Date | null): CallPlan | null {
  if (!submitted) return null;
  const { interview, firm } = input;
  const zone = firm.timeZone;
  const holidays = firm.holidays;
  const n = firm.policy.callAfterBusinessDays;
  const end = interview.endsAt;
  const plus = (from: Date, days: number) => addBusinessDaysInZone(from, days, zone, holidays);
  const morningAfter = plus(sameDayAtLocalHour(end, BUSINESS_DAY_START_HOUR, zone), 1);
  const dayLabel = (day: string) => formatDay(dateAtLocalHour(day, 12, zone), zone);
  const invitation = submitted.callInvitation;

  if (invitation === "on_day" && submitted.callBy) {
    const time = clockTime(submitted.callTime);
    const [hour, minute] = time ? [time.hour, time.minute] : [BUSINESS_DAY_END_HOUR, 0];
    let dueAt = sameDayAtLocalHour(
      lastBusinessDayOnOrBefore(dateAtLocalHour(submitted.callBy, 12, zone), zone, holidays),
      hour,
      zone,
      minute,
    );
    // A named day (or time) that is already over when the interview ends: the
    // first business day after the interview at that time.
    for (let i = 0; dueAt.getTime() <= end.getTime(); i++) {
      dueAt = sameDayAtLocalHour(plus(sameDayAtLocalHour(end, 12, zone), i), hour, zone, minute);
    }
    const notBefore = morningAfter.getTime() <= dueAt.getTime() ? morningAfter : maxDate(end, sameDayAtLocalHour(dueAt, 0, zone));
    const at = time ? ` at ${submitted.callTime}` : "";
    return {
      reason: "on_day",
      notBefore,
      dueAt,
      closesWithWindow: false,
      text: `The interviewer asked you to call on or by ${formatDay(dueAt, zone)}${at}, so make that one call then; their request comes before any wait, and one call is all the plan allows.`,
    };
  }

  const dated =
    invitation === "if_no_news" && submitted.callBy
      ? { reason: "if_no_news" as const, day: submitted.callBy }
      : (invitation === null || invitation === "none") && submitted.expectedDecisionOn
        ? { reason: "promised_date" as const, day: submitted.expectedDecisionOn }
        : null;
  if (dated) {
    const windowDays = firm.policy.callWindowBusinessDays;
    let notBefore = plus(dateAtLocalHour(dated.day, BUSINESS_DAY_START_HOUR, zone), n);
    // The call comes after the wait (rule 6), and after the interview.
    if (waitingUntil && notBefore.getTime() < waitingUntil.getTime()) notBefore = waitingUntil;
    if (notBefore.getTime() < end.getTime()) notBefore = end;
    let dueAt = plus(sameDayAtLocalHour(notBefore, BUSINESS_DAY_END_HOUR, zone), windowDays - 1);
    if (dueAt.getTime() <= notBefore.getTime()) {
      // Opened after 17:00 (an interview that ended late): the window starts the next business day.
      notBefore = plus(sameDayAtLocalHour(notBefore, BUSINESS_DAY_START_HOUR, zone), 1);
      dueAt = plus(sameDayAtLocalHour(notBefore, BUSINESS_DAY_END_HOUR, zone), windowDays - 1);
    }
    const when =
      localDateKey(notBefore, zone) === localDateKey(dueAt, zone)
        ? `on ${formatDay(notBefore, zone)} only`
        : `from ${formatDay(notBefore, zone)} to ${formatDay(dueAt, zone)} only`;
    const why =
      dated.reason === "if_no_news"
        ? `The interviewer said to call if there is no news by ${dayLabel(dated.day)}`
        : `The interviewer promised a decision by ${dayLabel(dated.day)}`;
    return {
      reason: dated.reason,
      notBefore,
      dueAt,
      closesWithWindow: true,
      text: `${why}, so if no decision has reached your recruiter, one call is allowed ${businessDays(n)} after that date, ${when}; after that your recruiter chases, not you.`,
    };
  }

  if (invitation === "no_date" || invitation === "on_day" || invitation === "if_no_news") {
    // An invitation without a (usable) date: early, while the interview is fresh.
    let dueAt = plus(sameDayAtLocalHour(end, BUSINESS_DAY_END_HOUR, zone), n);
    if (dueAt.getTime() <= end.getTime()) dueAt = plus(sameDayAtLocalHour(end, BUSINESS_DAY_END_HOUR, zone), Math.max(n, 1));
    const notBefore = morningAfter.getTime() <= dueAt.getTime() ? morningAfter : end;
    return {
      reason: "no_date",
      notBefore,
      dueAt,
      closesWithWindow: false,
      text: `The interviewer invited a call without a date, so make one call within ${businessDays(n)} of the interview, by ${formatDay(dueAt, zone)}, and only one.`,
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
  if (!Number.isInteger(p.callWindowBusinessDays) || p.callWindowBusinessDays < 1) {
    throw new RangeError("policy.callWindowBusinessDays must be a whole number ≥ 1");
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

export function maxDate(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
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

/**
 * The fields every audience shows of a step, and whether a call the plan does
 * not allow is closed for good (the client decided, or its window passed)
 * rather than not open yet.
 */
export function stepView(step: PlanStep, plan: { decided: boolean; generatedAt: Date }) {
  const notBefore = step.notBefore ?? null;
  const closed =
    step.kind === "call" &&
    step.state === "not_allowed" &&
    (plan.decided || !notBefore || plan.generatedAt.getTime() >= notBefore.getTime());
  return {
    key: step.key,
    kind: step.kind,
    rule: step.rule as number,
    title: step.title,
    reason: step.reason,
    dueAt: step.dueAt,
    notBefore,
    state: step.state,
    closed,
  };
}
