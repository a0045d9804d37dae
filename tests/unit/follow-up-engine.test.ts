import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "@/db/schema/firms";
import {
  addBusinessDaysInZone,
  buildPlan,
  isBusinessDay,
  type FollowUpDebrief,
  type FollowUpInput,
  type FollowUpInterview,
  type FollowUpPolicySettings,
  type FollowUpProgress,
  type PlanStep,
  type PlanStepState,
} from "@/lib/core/follow-up";

/*
 * Every expected instant below was computed by hand from a 2026 calendar
 * (1 Mar and 29 Mar are Sundays, 1 Nov is a Sunday; Good Friday is 3 Apr).
 * New York is UTC−5 (EST) until 8 Mar 02:00 and from 1 Nov 02:00, UTC−4
 * (EDT) in between; London is UTC+0 until 29 Mar 01:00 UTC, then UTC+1.
 */

const NY = "America/New_York";

/** Tue 14 Apr 2026, 10:00–11:00 EDT. */
const baseInterview: FollowUpInterview = {
  id: "int-1",
  startsAt: new Date("2026-04-14T14:00:00Z"),
  endsAt: new Date("2026-04-14T15:00:00Z"),
  status: "completed",
  arrangedByFirm: true,
  interviewers: [
    { contactId: "c-dana", name: "Dana Reyes" },
    { contactId: "c-lee", name: "Lee Park" },
  ],
};

/** Submitted Tue 14 Apr 2026 20:00 EDT, the evening after the interview. */
function submitted(overrides: Partial<FollowUpDebrief> = {}): FollowUpDebrief {
  return {
    status: "submitted",
    submittedAt: new Date("2026-04-15T00:00:00Z"),
    firstSubmittedAt: null,
    timelineGiven: "yes",
    expectedDecisionOn: null,
    callInvitation: "none",
    callBy: null,
    callTime: null,
    invitedBack: false,
    invitedBackDetails: "",
    notMentioned: "",
    people: [
      person("p-dana", "c-dana", "Dana Reyes"),
      person("p-lee", "c-lee", "Lee Park"),
    ],
    ...overrides,
  };
}

function person(id: string, contactId: string | null, name: string, sentAt?: Date) {
  return {
    id,
    contactId,
    name,
    email: `${id}@client.example`,
    thankYouSent: sentAt !== undefined,
    thankYouSentAt: sentAt ?? null,
  };
}

type Build = {
  interview?: Partial<FollowUpInterview>;
  debrief?: FollowUpDebrief | null;
  calls?: string[];
  timeZone?: string;
  holidays?: string[];
  policy?: Partial<FollowUpPolicySettings>;
  progress?: Partial<FollowUpProgress>;
  now: string;
};

function build(b: Build): FollowUpInput {
  return {
    interview: { ...baseInterview, ...b.interview },
    debrief: b.debrief ?? null,
    calls: (b.calls ?? []).map((at) => ({ calledAt: new Date(at) })),
    firm: { timeZone: b.timeZone ?? NY, holidays: b.holidays ?? [], policy: { ...DEFAULT_POLICY, ...b.policy } },
    progress: { debriefReviewedAt: null, feedbackReceivedAt: null, ...b.progress },
    now: new Date(b.now),
  };
}

type StepExpectation = { dueAt?: string | null; notBefore?: string | null; state?: PlanStepState };

type Scenario = {
  name: string;
  input: FollowUpInput;
  steps?: Record<string, StepExpectation>;
  /** The plan's keys, in order, when the whole shape matters. */
  order?: string[];
  absent?: string[];
  warnings?: string[];
  waitingUntil?: string | null;
};

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : d);

const scenarios: Scenario[] = [
  {
    name: "plans a thank-you per scheduled interviewer, 24 hours after the end, before any debrief",
    input: build({ now: "2026-04-14T16:00:00Z" }),
    order: [
      "thank_you:c-dana",
      "thank_you:c-lee",
      "debrief",
      "collect_feedback",
      "review_debrief",
      "no_call",
      "no_visit",
      "wait",
    ],
    steps: {
      "thank_you:c-dana": { dueAt: "2026-04-15T15:00:00.000Z", state: "due" },
      "thank_you:c-lee": { dueAt: "2026-04-15T15:00:00.000Z", state: "due" },
      debrief: { dueAt: "2026-04-15T15:00:00.000Z", state: "due" },
      // Nothing to review yet, so no date either: the review counts from the debrief's first submission.
      review_debrief: { dueAt: null, state: "waiting" },
      collect_feedback: { dueAt: "2026-04-16T15:00:00.000Z", state: "due" },
      no_call: { dueAt: null, state: "not_allowed" },
      no_visit: { dueAt: null, state: "not_allowed" },
      wait: { dueAt: null, state: "waiting" },
    },
    waitingUntil: null,
    warnings: [],
  },
  {
    name: "counts 24 clock hours from a late-Friday end into Saturday",
    // Fri 17 Apr 17:30 EDT
    input: build({
      interview: { startsAt: new Date("2026-04-17T20:30:00Z"), endsAt: new Date("2026-04-17T21:30:00Z") },
      now: "2026-04-17T22:00:00Z",
    }),
    steps: {
      "thank_you:c-dana": { dueAt: "2026-04-18T21:30:00.000Z", state: "due" },
      debrief: { dueAt: "2026-04-18T21:30:00.000Z", state: "due" },
    },
  },
  {
    name: "skips the weekend when collecting feedback after a late-Friday interview",
    input: build({
      interview: { startsAt: new Date("2026-04-17T20:30:00Z"), endsAt: new Date("2026-04-17T21:30:00Z") },
      now: "2026-04-17T22:00:00Z",
    }),
    // Fri 17:30 + 2 business days = Tue 21 Apr 17:30 EDT
    steps: { collect_feedback: { dueAt: "2026-04-21T21:30:00.000Z", state: "due" } },
  },
  {
    name: "marks the thank-yous and the debrief overdue on the Sunday after a Friday-evening interview",
    input: build({
      interview: { startsAt: new Date("2026-04-17T20:30:00Z"), endsAt: new Date("2026-04-17T21:30:00Z") },
      now: "2026-04-19T12:00:00Z",
    }),
    steps: {
      "thank_you:c-dana": { state: "overdue" },
      "thank_you:c-lee": { state: "overdue" },
      debrief: { state: "overdue" },
      review_debrief: { state: "waiting" },
      collect_feedback: { state: "due" },
    },
  },
  {
    name: "skips a firm holiday in the feedback window",
    // Thu 2 Jul 2026 15:00–16:00 EDT; Fri 3 Jul is the observed Independence Day
    input: build({
      interview: { startsAt: new Date("2026-07-02T19:00:00Z"), endsAt: new Date("2026-07-02T20:00:00Z") },
      holidays: ["2026-07-03"],
      now: "2026-07-02T21:00:00Z",
    }),
    steps: {
      "thank_you:c-dana": { dueAt: "2026-07-03T20:00:00.000Z" },
      collect_feedback: { dueAt: "2026-07-07T20:00:00.000Z" },
    },
  },
  {
    name: "keeps the local wall-clock time across the US spring-forward weekend",
    // Fri 6 Mar 17:30 EST → Tue 10 Mar 17:30 EDT
    input: build({
      interview: { startsAt: new Date("2026-03-06T21:00:00Z"), endsAt: new Date("2026-03-06T22:30:00Z") },
      now: "2026-03-06T23:00:00Z",
    }),
    steps: {
      "thank_you:c-dana": { dueAt: "2026-03-07T22:30:00.000Z" },
      collect_feedback: { dueAt: "2026-03-10T21:30:00.000Z" },
    },
  },
  {
    name: "counts 24 elapsed hours across the US spring-forward night",
    // Sat 7 Mar 17:00 EST + 24 h = Sun 8 Mar 18:00 EDT; feedback Tue 10 Mar 17:00 EDT
    input: build({
      interview: { startsAt: new Date("2026-03-07T21:00:00Z"), endsAt: new Date("2026-03-07T22:00:00Z") },
      now: "2026-03-07T23:00:00Z",
    }),
    steps: {
      "thank_you:c-dana": { dueAt: "2026-03-08T22:00:00.000Z" },
      debrief: { dueAt: "2026-03-08T22:00:00.000Z" },
      collect_feedback: { dueAt: "2026-03-10T21:00:00.000Z" },
    },
  },
  {
    name: "keeps the local wall-clock time across the US fall-back weekend",
    // Fri 30 Oct 15:00 EDT → Tue 3 Nov 15:00 EST
    input: build({
      interview: { startsAt: new Date("2026-10-30T18:00:00Z"), endsAt: new Date("2026-10-30T19:00:00Z") },
      now: "2026-10-30T20:00:00Z",
    }),
    steps: {
      "thank_you:c-dana": { dueAt: "2026-10-31T19:00:00.000Z" },
      collect_feedback: { dueAt: "2026-11-03T20:00:00.000Z" },
    },
  },
  {
    name: "counts 24 elapsed hours across the US fall-back night",
    // Sat 31 Oct 10:00 EDT + 24 h = Sun 1 Nov 09:00 EST
    input: build({
      interview: { startsAt: new Date("2026-10-31T13:00:00Z"), endsAt: new Date("2026-10-31T14:00:00Z") },
      now: "2026-10-31T15:00:00Z",
    }),
    steps: { "thank_you:c-dana": { dueAt: "2026-11-01T14:00:00.000Z" } },
  },
  {
    name: "keeps the London wall-clock time across the European spring-forward",
    // Fri 27 Mar 16:00 GMT → Tue 31 Mar 16:00 BST
    input: build({
      timeZone: "Europe/London",
      interview: { startsAt: new Date("2026-03-27T15:00:00Z"), endsAt: new Date("2026-03-27T16:00:00Z") },
      now: "2026-03-27T17:00:00Z",
    }),
    steps: {
      "thank_you:c-dana": { dueAt: "2026-03-28T16:00:00.000Z" },
      collect_feedback: { dueAt: "2026-03-31T15:00:00.000Z" },
    },
  },
  {
    name: "skips Good Friday and Easter Monday for a London firm",
    // Thu 2 Apr 11:00 BST; 3 and 6 Apr are holidays → Wed 8 Apr 11:00 BST
    input: build({
      timeZone: "Europe/London",
      holidays: ["2026-04-03", "2026-04-06"],
      interview: { startsAt: new Date("2026-04-02T09:00:00Z"), endsAt: new Date("2026-04-02T10:00:00Z") },
      now: "2026-04-02T11:00:00Z",
    }),
    steps: { collect_feedback: { dueAt: "2026-04-08T10:00:00.000Z" } },
  },
  {
    name: "gives the recruiter a timeline task 1 business day after a debrief with no timeline",
    // submitted Tue 14 Apr 20:00 EDT → Wed 15 Apr 20:00 EDT
    input: build({ debrief: submitted({ timelineGiven: "no" }), now: "2026-04-15T12:00:00Z" }),
    steps: {
      get_timeline: { dueAt: "2026-04-16T00:00:00.000Z", state: "due" },
      debrief: { state: "done" },
      // 24 hours from the first submission (Tue 20:00 EDT)
      review_debrief: { dueAt: "2026-04-16T00:00:00.000Z", state: "due" },
      wait: { dueAt: null, state: "waiting" },
    },
    waitingUntil: null,
  },
  {
    name: "carries the timeline task over the weekend when the debrief arrives on a Friday",
    // interview Fri 17 Apr 10:00–11:00 EDT; debrief Fri 18:00 EDT → Mon 20 Apr 18:00 EDT
    input: build({
      interview: { startsAt: new Date("2026-04-17T14:00:00Z"), endsAt: new Date("2026-04-17T15:00:00Z") },
      debrief: submitted({ timelineGiven: "no", submittedAt: new Date("2026-04-17T22:00:00Z") }),
      now: "2026-04-18T12:00:00Z",
    }),
    steps: { get_timeline: { dueAt: "2026-04-20T22:00:00.000Z", state: "due" } },
  },
  {
    name: "plans no timeline task when the candidate is only unsure",
    input: build({ debrief: submitted({ timelineGiven: "unsure" }), now: "2026-04-15T12:00:00Z" }),
    absent: ["get_timeline"],
  },
  {
    name: "marks the timeline task done once the recruiter has obtained one",
    input: build({
      debrief: submitted({ timelineGiven: "no" }),
      progress: { timelineObtainedAt: new Date("2026-04-15T14:00:00Z") },
      now: "2026-04-16T12:00:00Z",
    }),
    steps: { get_timeline: { state: "done" } },
  },
  {
    name: "rule 4, promised date: the one call falls 3 business days after it, after the wait, and the recruiter chases the day after",
    // promised Fri 17 Apr → wait until Tue 21 Apr 09:00 EDT; call Wed 22 Apr 09:00–17:00 EDT; chase Thu 23 Apr
    input: build({ debrief: submitted({ expectedDecisionOn: "2026-04-17" }), now: "2026-04-15T12:00:00Z" }),
    steps: {
      wait: { dueAt: "2026-04-21T13:00:00.000Z", state: "waiting" },
      call: { notBefore: "2026-04-22T13:00:00.000Z", dueAt: "2026-04-22T21:00:00.000Z", state: "not_allowed" },
      chase_decision: { notBefore: "2026-04-23T13:00:00.000Z", dueAt: "2026-04-23T21:00:00.000Z", state: "waiting" },
    },
    absent: ["no_call"],
    waitingUntil: "2026-04-21T13:00:00.000Z",
  },
  {
    name: "rule 4, promised date: allows the call on its day, with the wait over and the chase still to come",
    input: build({ debrief: submitted({ expectedDecisionOn: "2026-04-17" }), now: "2026-04-22T14:00:00Z" }),
    steps: {
      call: { state: "due" },
      wait: { state: "done" },
      chase_decision: { state: "waiting" },
    },
  },
  {
    name: "rule 4, promised date: an unmade call is no longer allowed once its window has passed; the recruiter chases",
    input: build({ debrief: submitted({ expectedDecisionOn: "2026-04-17" }), now: "2026-04-23T14:00:00Z" }),
    steps: { call: { state: "not_allowed" }, chase_decision: { state: "due" } },
  },
  {
    name: "rule 4, if no news: Daniel (interview Fri 4 Dec, no news by Fri 11 Dec) may call on Wed 16 Dec only",
    // EST (UTC−5): wait until Tue 15 Dec 09:00; call Wed 16 Dec 09:00–17:00; chase Thu 17 Dec
    input: build({
      interview: { startsAt: new Date("2026-12-04T19:00:00Z"), endsAt: new Date("2026-12-04T20:00:00Z") },
      debrief: submitted({
        submittedAt: new Date("2026-12-05T02:00:00Z"),
        expectedDecisionOn: "2026-12-11",
        callInvitation: "if_no_news",
        callBy: "2026-12-11",
      }),
      now: "2026-12-07T15:00:00Z",
    }),
    steps: {
      call: { notBefore: "2026-12-16T14:00:00.000Z", dueAt: "2026-12-16T22:00:00.000Z", state: "not_allowed" },
      wait: { dueAt: "2026-12-15T14:00:00.000Z", state: "waiting" },
      chase_decision: { notBefore: "2026-12-17T14:00:00.000Z", dueAt: "2026-12-17T22:00:00.000Z", state: "waiting" },
    },
    absent: ["no_call"],
    waitingUntil: "2026-12-15T14:00:00.000Z",
  },
  {
    name: "rule 4, if no news: the no-news date alone sets the wait and the call",
    // no news by Fri 17 Apr, no decision date → wait until Tue 21 Apr; call Wed 22 Apr
    input: build({ debrief: submitted({ callInvitation: "if_no_news", callBy: "2026-04-17" }), now: "2026-04-15T12:00:00Z" }),
    steps: { call: { notBefore: "2026-04-22T13:00:00.000Z", dueAt: "2026-04-22T21:00:00.000Z" } },
    waitingUntil: "2026-04-21T13:00:00.000Z",
  },
  {
    name: "rule 4, call window: a firm window of 2 business days keeps the call allowed Wed 16 and Thu 17 Dec",
    input: build({
      policy: { callWindowBusinessDays: 2 },
      interview: { startsAt: new Date("2026-12-04T19:00:00Z"), endsAt: new Date("2026-12-04T20:00:00Z") },
      debrief: submitted({ submittedAt: new Date("2026-12-05T02:00:00Z"), callInvitation: "if_no_news", callBy: "2026-12-11" }),
      now: "2026-12-17T15:00:00Z",
    }),
    steps: {
      call: { notBefore: "2026-12-16T14:00:00.000Z", dueAt: "2026-12-17T22:00:00.000Z", state: "due" },
      chase_decision: { notBefore: "2026-12-18T14:00:00.000Z", state: "waiting" },
    },
  },
  {
    name: "rule 4, named day: the call is due by 17:00 that day, allowed from the morning after the interview",
    // morning after Tue 14 Apr = Wed 15 Apr 09:00 EDT; on or by Mon 20 Apr 17:00 EDT
    input: build({ debrief: submitted({ callInvitation: "on_day", callBy: "2026-04-20" }), now: "2026-04-15T12:00:00Z" }),
    steps: {
      call: { notBefore: "2026-04-15T13:00:00.000Z", dueAt: "2026-04-20T21:00:00.000Z", state: "not_allowed" },
    },
    absent: ["no_call"],
  },
  {
    name: "rule 4, named day: the call is allowed the morning after the interview",
    input: build({ debrief: submitted({ callInvitation: "on_day", callBy: "2026-04-20" }), now: "2026-04-16T15:00:00Z" }),
    steps: { call: { state: "due" } },
  },
  {
    name: "rule 4, named day and time: the call is due at that time",
    // Mon 20 Apr 10:30 EDT
    input: build({
      debrief: submitted({ callInvitation: "on_day", callBy: "2026-04-20", callTime: "10:30" }),
      now: "2026-04-20T15:00:00Z",
    }),
    steps: { call: { dueAt: "2026-04-20T14:30:00.000Z", state: "overdue" } },
  },
  {
    name: "rule 4, named day: a Saturday means the Friday before it",
    input: build({ debrief: submitted({ callInvitation: "on_day", callBy: "2026-04-18" }), now: "2026-04-16T15:00:00Z" }),
    steps: { call: { notBefore: "2026-04-15T13:00:00.000Z", dueAt: "2026-04-17T21:00:00.000Z" } },
  },
  {
    name: "rule 4, named day: the request wins over the default wait; the recruiter chases when the wait ends",
    // on or by Mon 20 Apr; promised Fri 24 Apr → wait until Tue 28 Apr 09:00 EDT, chase that day
    input: build({
      debrief: submitted({ callInvitation: "on_day", callBy: "2026-04-20", expectedDecisionOn: "2026-04-24" }),
      now: "2026-04-16T15:00:00Z",
    }),
    steps: {
      call: { dueAt: "2026-04-20T21:00:00.000Z", state: "due" },
      chase_decision: { notBefore: "2026-04-28T13:00:00.000Z", dueAt: "2026-04-28T21:00:00.000Z" },
    },
    waitingUntil: "2026-04-28T13:00:00.000Z",
  },
  {
    name: "rule 4, invited without a date: within 3 business days of the interview",
    // Tue 14 Apr 17:00 EDT + 3 business days = Fri 17 Apr 17:00 EDT
    input: build({ debrief: submitted({ callInvitation: "no_date" }), now: "2026-04-16T15:00:00Z" }),
    steps: { call: { notBefore: "2026-04-15T13:00:00.000Z", dueAt: "2026-04-17T21:00:00.000Z", state: "due" } },
  },
  {
    name: "rule 4, invited without a date: the invitation wins over a promised date",
    input: build({ debrief: submitted({ callInvitation: "no_date", expectedDecisionOn: "2026-04-24" }), now: "2026-04-16T15:00:00Z" }),
    steps: {
      call: { dueAt: "2026-04-17T21:00:00.000Z" },
      chase_decision: { notBefore: "2026-04-28T13:00:00.000Z" },
    },
  },
  {
    name: "rule 4, otherwise: no call, and the plan says so",
    input: build({ debrief: submitted(), now: "2026-04-16T15:00:00Z" }),
    steps: { no_call: { dueAt: null, state: "not_allowed" } },
    absent: ["call"],
    warnings: [],
  },
  {
    name: "rule 4, otherwise: an unanswered call question with a promised date still allows the call after it",
    input: build({ debrief: submitted({ callInvitation: null, expectedDecisionOn: "2026-04-17" }), now: "2026-04-15T12:00:00Z" }),
    steps: { call: { notBefore: "2026-04-22T13:00:00.000Z" } },
  },
  {
    name: "rule 4: a decision before the window closes the call; wait and call say the recruiter has news",
    input: build({
      debrief: submitted({ expectedDecisionOn: "2026-04-17" }),
      progress: { decisionReceivedAt: new Date("2026-04-20T15:00:00Z") },
      now: "2026-04-22T14:00:00Z",
    }),
    steps: { call: { state: "not_allowed" }, wait: { state: "done" }, chase_decision: { state: "done" } },
  },
  {
    name: "rule 4: a call outside the plan's window warns the recruiter",
    input: build({
      debrief: submitted({ expectedDecisionOn: "2026-04-17" }),
      calls: ["2026-04-16T15:00:00Z"],
      now: "2026-04-16T16:00:00Z",
    }),
    steps: { call: { state: "done" } },
    warnings: ["call_outside_window"],
  },
  {
    name: "marks the call done after one logged call",
    input: build({
      debrief: submitted({ expectedDecisionOn: "2026-04-17" }),
      calls: ["2026-04-22T15:00:00Z"],
      now: "2026-04-22T16:00:00Z",
    }),
    steps: { call: { state: "done" } },
    warnings: [],
  },
  {
    name: "warns the recruiter when a second call is logged",
    input: build({
      debrief: submitted({ expectedDecisionOn: "2026-04-17" }),
      calls: ["2026-04-22T15:00:00Z", "2026-04-23T15:00:00Z"],
      now: "2026-04-23T16:00:00Z",
    }),
    steps: { call: { state: "done" } },
    warnings: ["second_call"],
  },
  {
    name: "warns when a call is logged although none was planned",
    input: build({ debrief: submitted(), calls: ["2026-04-16T15:00:00Z"], now: "2026-04-16T16:00:00Z" }),
    steps: { no_call: { state: "not_allowed" } },
    warnings: ["call_not_planned"],
  },
  {
    name: "replaces the no-visit rule with accepting an invitation back within 1 business day",
    // submitted Tue 14 Apr 20:00 EDT → Wed 15 Apr 20:00 EDT
    input: build({
      debrief: submitted({ invitedBack: true, invitedBackDetails: "Team lunch on Friday" }),
      now: "2026-04-15T12:00:00Z",
    }),
    steps: { accept_invitation: { dueAt: "2026-04-16T00:00:00.000Z", state: "due" } },
    absent: ["no_visit"],
  },
  {
    name: "keeps the no-visit rule when the candidate was not invited back",
    input: build({ debrief: submitted({ invitedBack: false }), now: "2026-04-15T12:00:00Z" }),
    steps: { no_visit: { state: "not_allowed" } },
    absent: ["accept_invitation"],
  },
  {
    name: "marks a debrief filed late as done, and gives the recruiter 24 hours from its submission to review it",
    input: build({
      debrief: submitted({ submittedAt: new Date("2026-04-16T14:00:00Z") }),
      now: "2026-04-16T15:00:00Z",
    }),
    steps: {
      debrief: { dueAt: "2026-04-15T15:00:00.000Z", state: "done" },
      review_debrief: { dueAt: "2026-04-17T14:00:00.000Z", state: "due" },
    },
  },
  {
    name: "marks a missing debrief overdue 24 hours after the end while the review waits",
    input: build({ now: "2026-04-15T16:00:00Z" }),
    steps: {
      debrief: { state: "overdue" },
      review_debrief: { state: "waiting" },
      "thank_you:c-lee": { state: "overdue" },
    },
  },
  {
    name: "sets no debrief deadline when the firm did not arrange the interview",
    input: build({ interview: { arrangedByFirm: false }, now: "2026-04-20T12:00:00Z" }),
    steps: {
      debrief: { dueAt: null, state: "due" },
      review_debrief: { dueAt: null, state: "waiting" },
      "thank_you:c-dana": { dueAt: "2026-04-15T15:00:00.000Z", state: "overdue" },
      collect_feedback: { dueAt: "2026-04-16T15:00:00.000Z", state: "overdue" },
    },
  },
  {
    name: "returns an empty plan for a cancelled interview",
    input: build({ interview: { status: "cancelled" }, debrief: submitted(), now: "2026-04-15T12:00:00Z" }),
    order: [],
    warnings: [],
    waitingUntil: null,
  },
  {
    name: "returns an empty plan for a no-show",
    input: build({ interview: { status: "no_show" }, now: "2026-04-15T12:00:00Z" }),
    order: [],
  },
  {
    name: "tracks thank-you notes per person met when only some are sent",
    input: build({
      debrief: {
        ...submitted(),
        status: "draft",
        submittedAt: null,
        people: [
          person("p-dana", "c-dana", "Dana Reyes", new Date("2026-04-14T18:00:00Z")),
          person("p-lee", "c-lee", "Lee Park"),
          person("p-sam", null, "Sam Ortiz"),
        ],
      },
      now: "2026-04-14T20:00:00Z",
    }),
    steps: {
      "thank_you:c-dana": { state: "done" },
      "thank_you:c-lee": { state: "due" },
      "thank_you:p-sam": { dueAt: "2026-04-15T15:00:00.000Z", state: "due" },
      debrief: { state: "due" },
    },
  },
  {
    name: "uses the firm's own hours and business days for a custom policy",
    // 12 h → Wed 03:00Z; 6 h → Tue 21:00Z; 3 business days → Fri 17 Apr 11:00 EDT
    input: build({
      policy: { thankYouWithinHours: 12, debriefWithinHours: 6, feedbackWithinBusinessDays: 3 },
      now: "2026-04-14T16:00:00Z",
    }),
    steps: {
      "thank_you:c-dana": { dueAt: "2026-04-15T03:00:00.000Z" },
      debrief: { dueAt: "2026-04-14T21:00:00.000Z" },
      review_debrief: { dueAt: null },
      collect_feedback: { dueAt: "2026-04-17T15:00:00.000Z" },
    },
  },
  {
    name: "uses the firm's own call and timeline numbers for a custom policy",
    // timeline +2 from Tue 20:00 → Thu 16 Apr 20:00 EDT; asked call +1 from Tue 17:00 → Wed 15 Apr 17:00 EDT
    input: build({
      policy: { callAfterBusinessDays: 1, timelineTaskWithinBusinessDays: 2 },
      debrief: submitted({ timelineGiven: "no", callInvitation: "no_date" }),
      now: "2026-04-15T12:00:00Z",
    }),
    steps: {
      get_timeline: { dueAt: "2026-04-17T00:00:00.000Z" },
      call: { notBefore: "2026-04-15T13:00:00.000Z", dueAt: "2026-04-15T21:00:00.000Z", state: "not_allowed" },
    },
  },
  {
    name: "rolls a Saturday decision date with no grace to the Monday",
    // promised Sat 18 Apr, grace 0 → Mon 20 Apr 09:00 EDT; call +1 → Mon 20 Apr too
    input: build({
      policy: { callAfterBusinessDays: 1, decisionGraceBusinessDays: 0 },
      debrief: submitted({ expectedDecisionOn: "2026-04-18" }),
      now: "2026-04-15T12:00:00Z",
    }),
    steps: {
      wait: { dueAt: "2026-04-20T13:00:00.000Z" },
      call: { notBefore: "2026-04-20T13:00:00.000Z", dueAt: "2026-04-20T21:00:00.000Z" },
    },
    waitingUntil: "2026-04-20T13:00:00.000Z",
  },
  {
    name: "computes due times on the firm's calendar in Tokyo",
    // Fri 17 Apr 17:00 JST (08:00Z) → Tue 21 Apr 17:00 JST
    input: build({
      timeZone: "Asia/Tokyo",
      interview: { startsAt: new Date("2026-04-17T07:00:00Z"), endsAt: new Date("2026-04-17T08:00:00Z") },
      now: "2026-04-17T09:00:00Z",
    }),
    steps: {
      "thank_you:c-dana": { dueAt: "2026-04-18T08:00:00.000Z" },
      collect_feedback: { dueAt: "2026-04-21T08:00:00.000Z" },
    },
  },
  {
    name: "skips a holiday by the firm's local date in Tokyo",
    // Mon 20 Apr is a holiday → Wed 22 Apr 17:00 JST
    input: build({
      timeZone: "Asia/Tokyo",
      holidays: ["2026-04-20"],
      interview: { startsAt: new Date("2026-04-17T07:00:00Z"), endsAt: new Date("2026-04-17T08:00:00Z") },
      now: "2026-04-17T09:00:00Z",
    }),
    steps: { collect_feedback: { dueAt: "2026-04-22T08:00:00.000Z" } },
  },
  {
    name: "judges the weekday in the firm's zone rather than in UTC",
    // Thu 16 Apr 17:30 PDT is already Friday in UTC; + 2 business days = Mon 20 Apr 17:30 PDT
    input: build({
      timeZone: "America/Los_Angeles",
      interview: { startsAt: new Date("2026-04-16T23:30:00Z"), endsAt: new Date("2026-04-17T00:30:00Z") },
      now: "2026-04-17T01:00:00Z",
    }),
    steps: { collect_feedback: { dueAt: "2026-04-21T00:30:00.000Z" } },
  },
  {
    name: "skips a holiday inside the call and grace windows",
    // interview Tue 30 Jun; promised Thu 2 Jul; 3 Jul holiday → wait until Tue 7 Jul, call Wed 8 Jul
    input: build({
      interview: { startsAt: new Date("2026-06-30T14:00:00Z"), endsAt: new Date("2026-06-30T15:00:00Z") },
      holidays: ["2026-07-03"],
      debrief: submitted({ submittedAt: new Date("2026-07-01T00:00:00Z"), expectedDecisionOn: "2026-07-02" }),
      now: "2026-07-01T12:00:00Z",
    }),
    steps: {
      call: { notBefore: "2026-07-08T13:00:00.000Z", dueAt: "2026-07-08T21:00:00.000Z" },
      chase_decision: { notBefore: "2026-07-09T13:00:00.000Z", dueAt: "2026-07-09T21:00:00.000Z" },
    },
    waitingUntil: "2026-07-07T13:00:00.000Z",
  },
  {
    name: "places the promised-date call in daylight time across the spring-forward change",
    // interview Tue 3 Mar (EST); promised Fri 6 Mar → wait until Tue 10 Mar 09:00 EDT, call Wed 11 Mar 09:00 EDT
    input: build({
      interview: { startsAt: new Date("2026-03-03T15:00:00Z"), endsAt: new Date("2026-03-03T16:00:00Z") },
      debrief: submitted({ submittedAt: new Date("2026-03-04T01:00:00Z"), expectedDecisionOn: "2026-03-06" }),
      now: "2026-03-04T12:00:00Z",
    }),
    steps: {
      call: { notBefore: "2026-03-11T13:00:00.000Z", dueAt: "2026-03-11T21:00:00.000Z" },
      wait: { dueAt: "2026-03-10T13:00:00.000Z" },
    },
    waitingUntil: "2026-03-10T13:00:00.000Z",
  },
  {
    name: "lets the candidate wait without nagging once their steps are done",
    input: build({
      debrief: submitted({
        expectedDecisionOn: "2026-04-17",
        people: [
          person("p-dana", "c-dana", "Dana Reyes", new Date("2026-04-14T20:00:00Z")),
          person("p-lee", "c-lee", "Lee Park", new Date("2026-04-14T20:05:00Z")),
        ],
      }),
      progress: { debriefReviewedAt: new Date("2026-04-15T13:00:00Z") },
      now: "2026-04-20T15:00:00Z",
    }),
    steps: {
      "thank_you:c-dana": { state: "done" },
      "thank_you:c-lee": { state: "done" },
      debrief: { state: "done" },
      review_debrief: { state: "done" },
      wait: { state: "waiting" },
      chase_decision: { state: "waiting" },
    },
  },
  {
    name: "hands the chase to the recruiter once the grace has passed, when no call is planned after it",
    input: build({ debrief: submitted({ callInvitation: "no_date", expectedDecisionOn: "2026-04-17" }), now: "2026-04-21T14:00:00Z" }),
    steps: { wait: { state: "done" }, chase_decision: { notBefore: "2026-04-21T13:00:00.000Z", state: "due" } },
  },
  {
    name: "ends the wait and the chase when the client's decision arrives",
    input: build({
      debrief: submitted({ expectedDecisionOn: "2026-04-17" }),
      progress: { decisionReceivedAt: new Date("2026-04-17T18:00:00Z") },
      now: "2026-04-18T12:00:00Z",
    }),
    steps: { wait: { state: "done" }, chase_decision: { state: "done" } },
  },
  {
    name: "marks the recruiter's review and feedback done from their timestamps",
    input: build({
      debrief: submitted(),
      progress: {
        debriefReviewedAt: new Date("2026-04-15T14:00:00Z"),
        feedbackReceivedAt: new Date("2026-04-16T14:00:00Z"),
      },
      now: "2026-04-17T12:00:00Z",
    }),
    steps: { review_debrief: { state: "done" }, collect_feedback: { state: "done" } },
  },
  {
    name: "ignores facts stamped after now",
    input: build({
      debrief: submitted({ submittedAt: new Date("2026-04-16T00:00:00Z"), timelineGiven: "no" }),
      progress: { feedbackReceivedAt: new Date("2026-04-16T14:00:00Z") },
      calls: ["2026-04-16T15:00:00Z"],
      now: "2026-04-15T12:00:00Z",
    }),
    steps: { debrief: { state: "due" }, collect_feedback: { state: "due" }, no_call: { state: "not_allowed" } },
    absent: ["get_timeline"],
    warnings: [],
  },
  {
    name: "reads the timeline, call, visit and decision date from a submitted debrief only",
    input: build({
      debrief: submitted({
        status: "draft",
        submittedAt: null,
        timelineGiven: "no",
        invitedBack: true,
        callInvitation: "no_date",
        callBy: "2026-04-20",
        expectedDecisionOn: "2026-04-17",
      }),
      now: "2026-04-15T12:00:00Z",
    }),
    steps: { no_call: { state: "not_allowed" }, no_visit: { state: "not_allowed" }, wait: { dueAt: null } },
    absent: ["get_timeline", "call", "accept_invitation", "chase_decision"],
    waitingUntil: null,
  },
];

function byKey(steps: PlanStep[], key: string): PlanStep {
  const found = steps.find((s) => s.key === key);
  if (!found) throw new Error(`no step ${key} in [${steps.map((s) => s.key).join(", ")}]`);
  return found;
}

describe("buildPlan scenarios", () => {
  it("covers at least 30 dated scenarios", () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(30);
  });

  it.each(scenarios.map((s) => [s.name, s] as const))("%s", (_name, scenario) => {
    const plan = buildPlan(scenario.input);
    if (scenario.order) expect(plan.steps.map((s) => s.key)).toEqual(scenario.order);
    for (const [key, want] of Object.entries(scenario.steps ?? {})) {
      const got = byKey(plan.steps, key);
      if ("dueAt" in want) expect(iso(got.dueAt), `${key}.dueAt`).toBe(want.dueAt);
      if ("notBefore" in want) expect(iso(got.notBefore ?? null), `${key}.notBefore`).toBe(want.notBefore);
      if (want.state) expect(got.state, `${key}.state`).toBe(want.state);
    }
    for (const key of scenario.absent ?? []) {
      expect(plan.steps.map((s) => s.key)).not.toContain(key);
    }
    if (scenario.warnings) expect(plan.warnings.map((w) => w.code)).toEqual(scenario.warnings);
    if (scenario.waitingUntil !== undefined) expect(iso(plan.waitingUntil)).toBe(scenario.waitingUntil);
  });
});

describe("buildPlan details", () => {
  it("offers the unmentioned qualifications as suggestions on every thank-you note", () => {
    const plan = buildPlan(
      build({
        debrief: submitted({ notMentioned: "- AWS Solutions Architect certification\r\n\n  2. Led the 2025 data migration  \n" }),
        now: "2026-04-15T12:00:00Z",
      }),
    );
    const notes = plan.steps.filter((s) => s.kind === "thank_you");
    expect(notes).toHaveLength(2);
    for (const note of notes) {
      expect(note.suggestions).toEqual(["AWS Solutions Architect certification", "Led the 2025 data migration"]);
    }
    expect(byKey(plan.steps, "thank_you:c-dana")).toMatchObject({ personId: "p-dana", personName: "Dana Reyes" });
  });

  it("keeps a thank-you's key when the plan moves from the interviewers to the debrief's people", () => {
    const before = buildPlan(build({ now: "2026-04-14T16:00:00Z" }));
    const after = buildPlan(build({ debrief: submitted(), now: "2026-04-15T12:00:00Z" }));
    const keys = (steps: PlanStep[]) => steps.filter((s) => s.kind === "thank_you").map((s) => s.key);
    expect(keys(after.steps)).toEqual(keys(before.steps));
  });

  it("cites the firm's numbers in the reasons", () => {
    const plan = buildPlan(
      build({
        policy: { thankYouWithinHours: 36, feedbackWithinBusinessDays: 4, callAfterBusinessDays: 5 },
        debrief: submitted({ expectedDecisionOn: "2026-04-17" }),
        now: "2026-04-15T12:00:00Z",
      }),
    );
    expect(byKey(plan.steps, "thank_you:c-dana").reason).toBe(
      "Thank-you notes go out within 36 hours of the interview's end, one short email per person met; email beats paper.",
    );
    expect(byKey(plan.steps, "collect_feedback").reason).toContain("within 4 business days");
    expect(byKey(plan.steps, "call").reason).toContain("5 business days after that date, on Fri 24 Apr");
    expect(byKey(plan.steps, "wait").reason).toContain("Fri 17 Apr");
  });

  it("says the same thing in the wait and the call: wait, then the one call, then the recruiter chases", () => {
    const plan = buildPlan(
      build({
        interview: { startsAt: new Date("2026-12-04T19:00:00Z"), endsAt: new Date("2026-12-04T20:00:00Z") },
        debrief: submitted({ submittedAt: new Date("2026-12-05T02:00:00Z"), expectedDecisionOn: "2026-12-11", callInvitation: "if_no_news", callBy: "2026-12-11" }),
        now: "2026-12-07T15:00:00Z",
      }),
    );
    expect(byKey(plan.steps, "wait").reason).toBe(
      "The employer expects to decide by Fri 11 Dec; with 2 business days of grace you wait until Tue 15 Dec, then your one call is allowed (see the call step) if there is still no news, and after that your recruiter chases, not you.",
    );
    expect(byKey(plan.steps, "call").reason).toBe(
      "The interviewer said to call if there is no news by Fri 11 Dec, so if no decision has reached your recruiter, one call is allowed 3 business days after that date, on Wed 16 Dec only; after that your recruiter chases, not you.",
    );
    expect(plan.callReason).toBe("if_no_news");
  });

  it("says plainly that there is no call when the debrief gives no reason for one", () => {
    const plan = buildPlan(build({ debrief: submitted(), now: "2026-04-16T15:00:00Z" }));
    expect(plan.callReason).toBe("none");
    expect(byKey(plan.steps, "no_call").reason).toMatch(/^The interviewer did not invite a call or give a date for news, so don't call/);
    expect(byKey(plan.steps, "wait").reason).toMatch(/your recruiter follows up, not you\.$/);
  });

  it("ends the candidate's wait and call with the recruiter's news once the decision has arrived, without saying what it was", () => {
    const plan = buildPlan(
      build({
        debrief: submitted({ expectedDecisionOn: "2026-04-17" }),
        progress: { decisionReceivedAt: new Date("2026-04-20T15:00:00Z") },
        now: "2026-04-21T14:00:00Z",
      }),
    );
    expect(plan.decided).toBe(true);
    for (const key of ["wait", "call"]) {
      expect(byKey(plan.steps, key).reason.endsWith("Your recruiter has news and will be in touch.")).toBe(true);
    }
    // Before it arrives, neither says so.
    const before = buildPlan(build({ debrief: submitted({ expectedDecisionOn: "2026-04-17" }), now: "2026-04-20T14:00:00Z" }));
    expect(before.steps.some((step) => step.reason.includes("has news"))).toBe(false);
  });

  it("keeps every date when an amendment repeats the facts, counting the recruiter's tasks from the first submission", () => {
    const facts = { timelineGiven: "no" as const, invitedBack: true, expectedDecisionOn: "2026-04-17", callInvitation: "on_day" as const, callBy: "2026-04-20" };
    const first = buildPlan(build({ debrief: submitted(facts), now: "2026-04-16T18:00:00Z" }));
    const amended = buildPlan(
      build({
        debrief: submitted({ ...facts, firstSubmittedAt: new Date("2026-04-15T00:00:00Z"), submittedAt: new Date("2026-04-16T17:00:00Z") }),
        now: "2026-04-16T18:00:00Z",
      }),
    );
    const dates = (plan: ReturnType<typeof buildPlan>) => plan.steps.map((s) => [s.key, iso(s.dueAt), iso(s.notBefore ?? null)]);
    expect(dates(amended)).toEqual(dates(first));
    // get_timeline and accept_invitation: Wed 15 Apr 20:00 EDT, a business day after Tue's first submission
    expect(iso(byKey(amended.steps, "get_timeline").dueAt)).toBe("2026-04-16T00:00:00.000Z");
    expect(iso(byKey(amended.steps, "accept_invitation").dueAt)).toBe("2026-04-16T00:00:00.000Z");
    expect(iso(byKey(amended.steps, "review_debrief").dueAt)).toBe("2026-04-16T00:00:00.000Z");
    // A changed fact moves its deadline: a new named day moves the call.
    const moved = buildPlan(build({ debrief: submitted({ ...facts, callBy: "2026-04-21" }), now: "2026-04-16T18:00:00Z" }));
    expect(iso(byKey(moved.steps, "call").dueAt)).toBe("2026-04-21T21:00:00.000Z");
  });

  it("names the invitation's details in the reason for accepting it", () => {
    const plan = buildPlan(
      build({ debrief: submitted({ invitedBack: true, invitedBackDetails: "Office tour,\nThursday" }), now: "2026-04-15T12:00:00Z" }),
    );
    expect(byKey(plan.steps, "accept_invitation").reason).toBe(
      "You were invited back (Office tour, Thursday), so accept within 1 business day of your debrief.",
    );
  });

  it("gives owners by rule: recruiter for review, feedback, timeline and chase; candidate otherwise", () => {
    const plan = buildPlan(
      build({ debrief: submitted({ timelineGiven: "no", expectedDecisionOn: "2026-04-17" }), now: "2026-04-15T12:00:00Z" }),
    );
    const owners = Object.fromEntries(plan.steps.map((s) => [s.key, s.owner]));
    expect(owners).toMatchObject({
      get_timeline: "recruiter",
      review_debrief: "recruiter",
      collect_feedback: "recruiter",
      chase_decision: "recruiter",
      "thank_you:c-dana": "candidate",
      debrief: "candidate",
      call: "candidate",
      no_visit: "candidate",
      wait: "candidate",
    });
  });

  it("orders steps by due time, then by rule", () => {
    const plan = buildPlan(build({ debrief: submitted({ expectedDecisionOn: "2026-04-17" }), now: "2026-04-15T12:00:00Z" }));
    expect(plan.steps.map((s) => s.key)).toEqual([
      "thank_you:c-dana",
      "thank_you:c-lee",
      "debrief",
      "review_debrief",
      "collect_feedback",
      "wait",
      "call",
      "chase_decision",
      "no_visit",
    ]);
  });

  it("rejects an unknown time zone and a negative policy number", () => {
    expect(() => buildPlan(build({ timeZone: "Mars/Olympus", now: "2026-04-15T12:00:00Z" }))).toThrow(RangeError);
    expect(() => buildPlan(build({ policy: { callAfterBusinessDays: -1 }, now: "2026-04-15T12:00:00Z" }))).toThrow(
      RangeError,
    );
    expect(() => buildPlan(build({ policy: { callWindowBusinessDays: 0 }, now: "2026-04-15T12:00:00Z" }))).toThrow(RangeError);
  });
});

describe("business-day helpers", () => {
  it("treats the firm's local Saturday as a weekend even when it is Friday in UTC", () => {
    // Sat 18 Apr 08:00 in Tokyo = Fri 17 Apr 23:00 UTC
    expect(isBusinessDay(new Date("2026-04-17T23:00:00Z"), "Asia/Tokyo", [])).toBe(false);
    expect(isBusinessDay(new Date("2026-04-17T23:00:00Z"), "UTC", [])).toBe(true);
  });

  it("treats a listed holiday as a non-business day", () => {
    expect(isBusinessDay(new Date("2026-07-03T15:00:00Z"), NY, ["2026-07-03"])).toBe(false);
  });

  it("counts a weekend start's first business day as day one", () => {
    // Sat 18 Apr 10:00 EDT + 1 → Mon 20 Apr 10:00 EDT
    expect(addBusinessDaysInZone(new Date("2026-04-18T14:00:00Z"), 1, NY, []).toISOString()).toBe(
      "2026-04-20T14:00:00.000Z",
    );
  });

  it("keeps 02:30 on the Monday after a spring-forward Sunday", () => {
    // Sat 7 Mar 02:30 EST + 1 → Mon 9 Mar 02:30 EDT, not 03:30 carried over from the missing Sunday hour
    expect(addBusinessDaysInZone(new Date("2026-03-07T07:30:00Z"), 1, NY, []).toISOString()).toBe(
      "2026-03-09T06:30:00.000Z",
    );
  });

  it("rolls zero business days forward to the next business day only when needed", () => {
    expect(addBusinessDaysInZone(new Date("2026-04-15T14:00:00Z"), 0, NY, []).toISOString()).toBe(
      "2026-04-15T14:00:00.000Z",
    );
    expect(addBusinessDaysInZone(new Date("2026-04-18T14:00:00Z"), 0, NY, []).toISOString()).toBe(
      "2026-04-20T14:00:00.000Z",
    );
  });

  it("moves backwards for a negative count", () => {
    // Mon 20 Apr 10:00 EDT − 1 → Fri 17 Apr 10:00 EDT
    expect(addBusinessDaysInZone(new Date("2026-04-20T14:00:00Z"), -1, NY, []).toISOString()).toBe(
      "2026-04-17T14:00:00.000Z",
    );
  });
});
