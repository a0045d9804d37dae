import {
  BUSINESS_DAY_END_HOUR,
  BUSINESS_DAY_START_HOUR,
  addBusinessDaysInZone,
  addClockHours,
  dateAtLocalHour,
  formatDay,
  sameDayAtLocalHour,
} from "./business-days";
import {
  assertValidInput,
  businessDays,
  compareSteps,
  hours,
  maxDate,
  oneLine,
  parseSuggestions,
  peopleToThank,
  planCall,
  planWaitUntil,
  step,
  waitAnchorOf,
} from "./steps";
import type { CallReason, FollowUpDebrief, FollowUpInput, Plan, PlanStep, PlanWarning } from "./types";

/** How the candidate's wait and call steps end once the client's decision has reached the recruiter. */
export const RECRUITER_HAS_NEWS = "Your recruiter has news and will be in touch.";

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
 * Anchors: the thank-yous, the debrief and the client's feedback count from
 * the interview's end; the recruiter's tasks that come from the debrief (the
 * timeline, the review, accepting an invitation back) from its FIRST
 * submission, so an amendment that keeps the facts keeps the dates. Rules 4
 * and 6 count from the dates the debrief names. No step is dated before the
 * interview's end.
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
    return { steps: [], warnings: [], waitingUntil: null, callReason: "none", decided: false, generatedAt: now };
  }

  const zone = firm.timeZone;
  const holidays = firm.holidays;
  const policy = firm.policy;
  const plusBusinessDays = (from: Date, n: number) => addBusinessDaysInZone(from, n, zone, holidays);
  const happened = (at: Date | null | undefined): at is Date => at != null && at.getTime() <= now.getTime();

  const debrief = input.debrief;
  // The first submission anchors the recruiter's tasks from the debrief; never before the interview's end.
  const firstSubmission = debrief ? (debrief.firstSubmittedAt ?? debrief.submittedAt) : null;
  const submittedAt =
    debrief?.status === "submitted" && happened(firstSubmission) ? maxDate(firstSubmission, interview.endsAt) : null;
  const submitted: FollowUpDebrief | null = submittedAt ? debrief : null;
  const progress = input.progress;
  const decided = happened(progress.decisionReceivedAt);
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
        reason: `The candidate was not told when to expect news, so get a timeline from the client within ${businessDays(n)} of the debrief's first submission.`,
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
  // The review is due "right away" after the debrief's first submission, with
  // the firm's debrief hours. Until the debrief arrives there is nothing to
  // review, so the step waits, undated, rather than going overdue on the recruiter.
  steps.push(
    step({
      key: "review_debrief",
      rule: 3,
      owner: "recruiter",
      kind: "review_debrief",
      title: "Go through the debrief with the candidate",
      reason: interview.arrangedByFirm
        ? `Go through the debrief with the candidate right away, within ${hours(policy.debriefWithinHours)} of its first submission.`
        : "Go through the debrief with the candidate as soon as it is submitted; the firm did not arrange this interview, so there is no deadline.",
      dueAt: interview.arrangedByFirm && submittedAt ? addClockHours(submittedAt, policy.debriefWithinHours) : null,
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

  // rule 4: calls are off unless the debrief gives a reason; never more than
  // one. rule 6's wait comes first (the call's window is placed after it).
  const waitingUntil = planWaitUntil(input, submitted);
  const call = planCall(input, submitted, waitingUntil);
  const callReason: CallReason = call ? call.reason : "none";
  const firstCall = input.calls.map((c) => c.calledAt).filter(happened).sort((a, b) => a.getTime() - b.getTime())[0];
  if (call) {
    const made = callsSoFar >= 1;
    const windowOver = now.getTime() > call.dueAt.getTime();
    let reason = call.text;
    let blocked: "not_allowed" | undefined;
    if (!made && decided) {
      // The decision reached the recruiter: nothing left to call about.
      reason = `The employer's decision has reached your recruiter, so there is no call to make. ${RECRUITER_HAS_NEWS}`;
      blocked = "not_allowed";
    } else if (made && decided) {
      reason = `You made your one call. ${RECRUITER_HAS_NEWS}`;
    } else if (now.getTime() < call.notBefore.getTime()) {
      // Calling early is the pestering the policy exists to prevent.
      blocked = "not_allowed";
    } else if (!made && windowOver && call.closesWithWindow) {
      // An allowed call, not an owed one: once its window has passed, the recruiter chases.
      reason = `${call.text.slice(0, -1)}; that window has passed, so leave the chasing to your recruiter.`;
      blocked = "not_allowed";
    }
    steps.push(
      step({
        key: "call",
        rule: 4,
        owner: "candidate",
        kind: "call",
        title: "Call the interviewer, once",
        reason,
        dueAt: call.dueAt,
        notBefore: call.notBefore,
        done: made,
        blocked,
        now,
      }),
    );
    if (firstCall && (firstCall.getTime() < call.notBefore.getTime() || firstCall.getTime() > call.dueAt.getTime())) {
      warnings.push({
        rule: 4,
        code: "call_outside_window",
        message: "The candidate called the interviewer outside the window the plan allowed for the one call.",
      });
    }
  } else {
    steps.push({
      key: "no_call",
      rule: 4,
      owner: "candidate",
      kind: "no_call",
      title: "Don't call the interviewer",
      reason: decided
        ? `The interviewer did not invite a call, and the employer's decision has reached your recruiter. ${RECRUITER_HAS_NEWS}`
        : submitted
          ? "The interviewer did not invite a call or give a date for news, so don't call: an uninvited call reads as pestering, and your recruiter follows up for you."
          : "Calls to the interviewer are off unless your debrief says they invited one or gave a date for news; an uninvited call reads as pestering.",
      dueAt: null,
      state: "not_allowed",
    });
    if (callsSoFar >= 1) {
      warnings.push({
        rule: 4,
        code: "call_not_planned",
        message:
          "The candidate logged a call to the interviewer although the plan allowed none (the interviewer neither invited a call nor gave a date for news).",
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

  // rule 6: patience. The candidate waits until the expected date plus the
  // grace and is never nagged (the wait never goes due or overdue). After the
  // wait comes the candidate's one call if rule 4 allows one after a date;
  // then (or straight after the wait when there is none) the recruiter chases.
  const expectedOn = waitAnchorOf(submitted);
  const grace = policy.decisionGraceBusinessDays;
  const expectedLabel = expectedOn ? formatDay(dateAtLocalHour(expectedOn, 12, zone), zone) : "";
  const callAfterWait = call !== null && call.closesWithWindow;
  const earlyCall = call !== null && !call.closesWithWindow;
  let waitReason: string;
  if (decided) {
    waitReason = `The employer's decision has reached your recruiter, so there is nothing more to wait for. ${RECRUITER_HAS_NEWS}`;
  } else if (waitingUntil && call && callAfterWait) {
    waitReason = `The employer expects to decide by ${expectedLabel}; with ${businessDays(grace)} of grace you wait until ${formatDay(waitingUntil, zone)}, then your one call is allowed (see the call step) if there is still no news, and after that your recruiter chases, not you.`;
  } else if (waitingUntil) {
    waitReason = `The employer expects to decide by ${expectedLabel}; ${earlyCall ? "apart from the one call the interviewer asked for, " : ""}with ${businessDays(grace)} of grace you wait until ${formatDay(waitingUntil, zone)}, and after that your recruiter chases, not you.`;
  } else {
    waitReason = earlyCall
      ? "No decision date is known yet, so apart from the one call the interviewer asked for, wait on the employer once your steps are done; your recruiter follows up, not you."
      : "No decision date is known yet, so wait on the employer once your steps are done; your recruiter follows up, not you.";
  }
  steps.push({
    key: "wait",
    rule: 6,
    owner: "candidate",
    kind: "wait",
    title: "Wait for the employer's decision",
    reason: waitReason,
    dueAt: waitingUntil,
    state: decided || (waitingUntil !== null && now.getTime() >= waitingUntil.getTime()) ? "done" : "waiting",
  });
  if (waitingUntil) {
    // The recruiter chases on the day the wait ends, or, when the candidate's
    // one call falls after the wait, on the business day after its window.
    const chaseFrom =
      call && callAfterWait
        ? plusBusinessDays(sameDayAtLocalHour(call.dueAt, BUSINESS_DAY_START_HOUR, zone), 1)
        : waitingUntil;
    steps.push(
      step({
        key: "chase_decision",
        rule: 6,
        owner: "recruiter",
        kind: "chase_decision",
        title: "Chase the client for a decision",
        reason:
          call && callAfterWait
            ? `The employer's date of ${expectedLabel} plus ${businessDays(grace)} of grace and the candidate's one call have passed without a decision, so the recruiter, not the candidate, chases it.`
            : `The employer's date of ${expectedLabel} plus ${businessDays(grace)} of grace is up, so the recruiter, not the candidate, chases the decision.`,
        dueAt: maxDate(sameDayAtLocalHour(chaseFrom, BUSINESS_DAY_END_HOUR, zone), chaseFrom),
        notBefore: chaseFrom,
        done: decided,
        blocked: !decided && now.getTime() < chaseFrom.getTime() ? "waiting" : undefined,
        now,
      }),
    );
  }

  steps.sort(compareSteps);
  return { steps, warnings, waitingUntil, callReason, decided, generatedAt: now };
}
