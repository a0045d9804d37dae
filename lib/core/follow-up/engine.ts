import {
  BUSINESS_DAY_END_HOUR,
  BUSINESS_DAY_START_HOUR,
  addBusinessDaysInZone,
  addClockHours,
  dateAtLocalHour,
  formatDay,
  sameDayAtLocalHour,
} from "./business-days";
import { assertValidInput, businessDays, compareSteps, hours, oneLine, parseSuggestions, peopleToThank, planCall, step } from "./steps";
import type { FollowUpDebrief, FollowUpInput, Plan, PlanStep, PlanWarning } from "./types";

/**
 * The follow-up policy (rules 1–6, each spelled out where its steps are made
 * below) as a pure function of its input: no clock, no I/O, the same input
 * always gives the same plan.
 *
 * Time conventions (the policy does not fix these):
 * - "within N hours" is N elapsed hours after the interview's end, even across
 *   a DST change (rules 2 and 3).
 * - "N business days after a moment" keeps the local wall-clock time in the
 *   firm's zone (addBusinessDaysInZone).
 * - A rule that starts from a calendar date (a promised decision date, a
 *   call-by date) works on the firm's business hours: allowed from 09:00, due
 *   by 17:00 firm time.
 *
 * Which debrief data counts: the people met, their thank-you ticks and the
 * "not mentioned" suggestions come from the debrief in any state (they are the
 * candidate's own working notes); rules that create work for the recruiter or
 * plan contact with the employer (1, 4, 5, 6) read the submitted debrief only.
 *
 * Every fact (a submission, a sent note, a logged call, a recruiter's
 * timestamp) counts only once its time is not after `now`, so the plan is the
 * plan as it stood at `now` and states always agree with it.
 */
export function buildPlan(input: FollowUpInput): Plan {
  const { interview, firm, now } = input;
  assertValidInput(input);

  // Nothing happened to follow up: a cancelled round or a no-show gets no
  // thank-yous, no debrief and nothing to chase; the recruiter handles it by hand.
  if (interview.status === "cancelled" || interview.status === "no_show") {
    return { steps: [], warnings: [], waitingUntil: null, generatedAt: now };
  }

  const zone = firm.timeZone;
  const holidays = firm.holidays;
  const policy = firm.policy;
  const plusBusinessDays = (from: Date, n: number) => addBusinessDaysInZone(from, n, zone, holidays);
  const happened = (at: Date | null | undefined): at is Date => at != null && at.getTime() <= now.getTime();

  const debrief = input.debrief;
  const submittedAt =
    debrief?.status === "submitted" && happened(debrief.submittedAt) ? debrief.submittedAt : null;
  const submitted: FollowUpDebrief | null = submittedAt ? debrief : null;
  const progress = input.progress;
  const callsSoFar = input.calls.filter((call) => happened(call.calledAt)).length;

  const steps: PlanStep[] = [];
  const warnings: PlanWarning[] = [];

  // rule 1: no timeline at the interview → the recruiter gets one from the client.
  if (submitted && submittedAt && submitted.timelineGiven === "no") {
    const n = policy.timelineTaskWithinBusinessDays;
    steps.push(
      step({
        key: "get_timeline",
        rule: 1,
        owner: "recruiter",
        kind: "get_timeline",
        title: "Get a decision timeline from the client",
        reason: `The candidate was not told when to expect news, so get a timeline from the client within ${businessDays(n)} of the debrief.`,
        dueAt: plusBusinessDays(submittedAt, n),
        done: happened(progress.timelineObtainedAt),
        now,
      }),
    );
  }

  // rule 2: one thank-you per person met, due N clock hours after the end.
  const thankYouDue = addClockHours(interview.endsAt, policy.thankYouWithinHours);
  const suggestions = parseSuggestions(debrief?.notMentioned ?? "");
  const seenKeys = new Set<string>();
  for (const person of peopleToThank(input)) {
    // A duplicated contact in the people list still gets its own note.
    const key = seenKeys.has(`thank_you:${person.keyId}`) ? `thank_you:${person.personId}` : `thank_you:${person.keyId}`;
    seenKeys.add(key);
    const name = person.name.trim();
    steps.push(
      step({
        key,
        rule: 2,
        owner: "candidate",
        kind: "thank_you",
        title: name ? `Send a thank-you note to ${name}` : "Send a thank-you note to your interviewer",
        reason: `Thank-you notes go out within ${hours(policy.thankYouWithinHours)} of the interview's end, one short email per person met; email beats paper.`,
        dueAt: thankYouDue,
        done: person.sent && (person.sentAt === null || happened(person.sentAt)),
        now,
        extra: { suggestions: [...suggestions], personId: person.personId, personName: name },
      }),
    );
  }

  // rule 3: debrief right away when the firm arranged the interview; the
  // recruiter goes through it and collects the client's feedback.
  const debriefDue = interview.arrangedByFirm
    ? addClockHours(interview.endsAt, policy.debriefWithinHours)
    : null;
  steps.push(
    step({
      key: "debrief",
      rule: 3,
      owner: "candidate",
      kind: "debrief",
      title: "File your debrief",
      reason: interview.arrangedByFirm
        ? `The firm arranged this interview, so your debrief is due within ${hours(policy.debriefWithinHours)} of its end, while it is fresh.`
        : "The firm did not arrange this interview, so there is no deadline, but a debrief filed while it is fresh helps your recruiter.",
      dueAt: debriefDue,
      done: submitted !== null,
      now,
    }),
  );
  // The review shares the debrief's deadline: the product asks for both
  // "right away". Until the debrief arrives there is nothing to review, so the
  // step waits rather than going overdue on the recruiter.
  steps.push(
    step({
      key: "review_debrief",
      rule: 3,
      owner: "recruiter",
      kind: "review_debrief",
      title: "Go through the debrief with the candidate",
      reason: interview.arrangedByFirm
        ? `Go through the debrief with the candidate right away; like the debrief itself it is due within ${hours(policy.debriefWithinHours)} of the interview's end.`
        : "Go through the debrief with the candidate as soon as it is submitted; the firm did not arrange this interview, so there is no deadline.",
      dueAt: debriefDue,
      done: happened(progress.debriefReviewedAt),
      blocked: submitted === null ? "waiting" : undefined,
      now,
    }),
  );
  steps.push(
    step({
      key: "collect_feedback",
      rule: 3,
      owner: "recruiter",
      kind: "collect_feedback",
      title: "Collect the interviewer's feedback from the client",
      reason: `Collect the interviewer's feedback from the client within ${businessDays(policy.feedbackWithinBusinessDays)} of the interview.`,
      dueAt: plusBusinessDays(interview.endsAt, policy.feedbackWithinBusinessDays),
      done: happened(progress.feedbackReceivedAt),
      now,
    }),
  );

  // rule 4: calls are off unless the interviewer asked for one or promised news by a date.
  const call = planCall(input, submitted);
  if (call) {
    steps.push(
      step({
        key: "call",
        rule: 4,
        owner: "candidate",
        kind: "call",
        title: "Call the interviewer, once",
        reason: call.reason,
        dueAt: call.dueAt,
        notBefore: call.notBefore,
        done: callsSoFar >= 1,
        // Calling early is the pestering the policy exists to prevent.
        blocked: now.getTime() < call.notBefore.getTime() ? "not_allowed" : undefined,
        now,
      }),
    );
  } else {
    steps.push({
      key: "no_call",
      rule: 4,
      owner: "candidate",
      kind: "no_call",
      title: "Don't call the interviewer",
      reason:
        "Calls to the interviewer are off unless they ask for one or promise news by a date; an uninvited call reads as pestering.",
      dueAt: null,
      state: "not_allowed",
    });
    if (callsSoFar >= 1) {
      warnings.push({
        rule: 4,
        code: "call_not_planned",
        message:
          "The candidate logged a call to the interviewer although no call was planned (the interviewer neither asked for one nor promised news by a date).",
      });
    }
  }
  if (callsSoFar >= 2) {
    warnings.push({
      rule: 4,
      code: "second_call",
      message: `The candidate has logged ${callsSoFar} calls to the interviewer; the policy allows one, and more reads as pestering.`,
    });
  }

  // rule 5: no unannounced visits, unless invited back — then accepting is the step.
  if (submitted && submittedAt && submitted.invitedBack === true) {
    const details = oneLine(submitted.invitedBackDetails);
    steps.push(
      step({
        key: "accept_invitation",
        rule: 5,
        owner: "candidate",
        kind: "accept_invitation",
        title: "Accept the invitation to come back",
        // The 1 business day is the product's wording, not a firm setting.
        reason: `You were invited back${details ? ` (${details})` : ""}, so accept within 1 business day of your debrief.`,
        dueAt: plusBusinessDays(submittedAt, 1),
        done: happened(progress.invitationAcceptedAt),
        now,
      }),
    );
  } else {
    steps.push({
      key: "no_visit",
      rule: 5,
      owner: "candidate",
      kind: "no_visit",
      title: "Don't visit unannounced",
      reason: "Never turn up at the employer unannounced; a visit happens only when they invite you back.",
      dueAt: null,
      state: "not_allowed",
    });
  }

  // rule 6: patience — the candidate waits until the expected date plus the
  // grace, is never nagged (the wait never goes due or overdue), and after
  // that the recruiter chases. The wait ends at the start of the grace day's
  // business hours; the recruiter chases during that day.
  const expectedOn = submitted?.expectedDecisionOn ?? null;
  const grace = policy.decisionGraceBusinessDays;
  const waitingUntil = expectedOn
    ? plusBusinessDays(dateAtLocalHour(expectedOn, BUSINESS_DAY_START_HOUR, zone), grace)
    : null;
  const decided = happened(progress.decisionReceivedAt);
  const expectedLabel = expectedOn ? formatDay(dateAtLocalHour(expectedOn, 12, zone), zone) : "";
  steps.push({
    key: "wait",
    rule: 6,
    owner: "candidate",
    kind: "wait",
    title: "Wait for the employer's decision",
    reason: waitingUntil
      ? `The employer expects to decide by ${expectedLabel}; with ${businessDays(grace)} of grace you wait until ${formatDay(waitingUntil, zone)}, and after that your recruiter chases, not you.`
      : "No decision date is known yet, so wait on the employer once your steps are done; your recruiter follows up, not you.",
    dueAt: waitingUntil,
    state: decided || (waitingUntil !== null && now.getTime() >= waitingUntil.getTime()) ? "done" : "waiting",
  });
  if (waitingUntil) {
    steps.push(
      step({
        key: "chase_decision",
        rule: 6,
        owner: "recruiter",
        kind: "chase_decision",
        title: "Chase the client for a decision",
        reason: `The employer's date of ${expectedLabel} plus ${businessDays(grace)} of grace is up, so the recruiter, not the candidate, chases the decision.`,
        dueAt: sameDayAtLocalHour(waitingUntil, BUSINESS_DAY_END_HOUR, zone),
        notBefore: waitingUntil,
        done: decided,
        blocked: !decided && now.getTime() < waitingUntil.getTime() ? "waiting" : undefined,
        now,
      }),
    );
  }

  steps.sort(compareSteps);
  return { steps, warnings, waitingUntil, generatedAt: now };
}
