import { afterEach, describe, expect, it, vi } from "vitest";
import fc from "fast-check";
import { addDays, addMinutes, format } from "date-fns";
import { tz } from "@date-fns/tz";
import {
  addBusinessDaysInZone,
  buildPlan,
  type FollowUpDebrief,
  type FollowUpInput,
  type PlanStep,
  type PlanStepKind,
} from "@/lib/core/follow-up";

const ZONES = [
  "America/New_York",
  "America/Los_Angeles",
  "Europe/London",
  "Europe/Berlin",
  "Asia/Tokyo",
  "Asia/Kolkata",
  "Australia/Sydney",
  "UTC",
] as const;

const MINUTES_PER_DAY = 24 * 60;

/** The firm-local calendar date `days` after `from`, as the app stores it. */
function localDay(from: Date, days: number, zone: string): string {
  return format(addDays(from, days, { in: tz(zone) }), "yyyy-MM-dd", { in: tz(zone) });
}

/** An independent check of "business day": ISO weekday 6/7 or a listed date, read in the zone. */
function isWeekendOrHoliday(at: Date, zone: string, holidays: readonly string[]): boolean {
  const isoWeekday = Number(format(at, "i", { in: tz(zone) }));
  return isoWeekday >= 6 || holidays.includes(format(at, "yyyy-MM-dd", { in: tz(zone) }));
}

const maybeAfter = (end: Date) =>
  fc.option(
    fc.integer({ min: 0, max: 20 * MINUTES_PER_DAY }).map((m) => addMinutes(end, m)),
    { nil: null },
  );

const inputArb: fc.Arbitrary<FollowUpInput> = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    // Spans 2026–2027, so DST changes in every zone that has them fall inside.
    end: fc.date({ min: new Date("2026-01-01T00:00:00Z"), max: new Date("2027-12-31T00:00:00Z"), noInvalidDate: true }),
    durationMinutes: fc.integer({ min: 15, max: 240 }),
    status: fc.constantFrom("scheduled", "completed", "completed", "completed", "cancelled", "no_show" as const),
    arrangedByFirm: fc.boolean(),
    interviewerCount: fc.integer({ min: 0, max: 3 }),
    // Holidays near the interview so they actually land in the windows.
    holidayOffsets: fc.uniqueArray(fc.integer({ min: -2, max: 30 }), { maxLength: 8 }),
    policy: fc.record({
      thankYouWithinHours: fc.integer({ min: 0, max: 96 }),
      debriefWithinHours: fc.integer({ min: 0, max: 96 }),
      feedbackWithinBusinessDays: fc.integer({ min: 0, max: 10 }),
      callAfterBusinessDays: fc.integer({ min: 0, max: 10 }),
      callWindowBusinessDays: fc.integer({ min: 1, max: 5 }),
      decisionGraceBusinessDays: fc.integer({ min: 0, max: 10 }),
      timelineTaskWithinBusinessDays: fc.integer({ min: 0, max: 10 }),
    }),
    debriefKind: fc.constantFrom("none", "draft", "submitted", "submitted"),
    submittedAfterMinutes: fc.integer({ min: 0, max: 6 * MINUTES_PER_DAY }),
    timelineGiven: fc.constantFrom("yes", "no", "unsure", null),
    expectedOffset: fc.option(fc.integer({ min: 0, max: 21 }), { nil: null }),
    callInvitation: fc.constantFrom("none", "on_day", "if_no_news", "no_date", null),
    callByOffset: fc.option(fc.integer({ min: 0, max: 14 }), { nil: null }),
    callTime: fc.option(
      fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`),
      { nil: null },
    ),
    // An amendment this long after the first submission (null: none yet).
    amendedAfterMinutes: fc.option(fc.integer({ min: 1, max: 6 * MINUTES_PER_DAY }), { nil: null }),
    invitedBack: fc.constantFrom(true, false, null),
    people: fc.array(
      fc.record({ hasContact: fc.boolean(), sent: fc.boolean(), sentAfterMinutes: fc.option(fc.integer({ min: 0, max: 5 * MINUTES_PER_DAY }), { nil: null }) }),
      { maxLength: 4 },
    ),
    notMentioned: fc.string({ maxLength: 80 }),
    callMinutes: fc.array(fc.integer({ min: 0, max: 30 * MINUTES_PER_DAY }), { maxLength: 3 }),
    reviewed: fc.integer({ min: 0, max: 20 * MINUTES_PER_DAY }),
    flags: fc.record({ reviewed: fc.boolean(), feedback: fc.boolean(), timeline: fc.boolean(), decision: fc.boolean(), accepted: fc.boolean() }),
    nowOffsetMinutes: fc.integer({ min: -3 * MINUTES_PER_DAY, max: 40 * MINUTES_PER_DAY }),
  })
  .chain((r) =>
    fc.record({
      feedbackAt: maybeAfter(r.end),
      timelineAt: maybeAfter(r.end),
      decisionAt: maybeAfter(r.end),
      acceptedAt: maybeAfter(r.end),
    }).map((facts): FollowUpInput => {
      const { zone, end } = r;
      const debrief: FollowUpDebrief | null =
        r.debriefKind === "none"
          ? null
          : {
              status: r.debriefKind === "submitted" ? "submitted" : "draft",
              submittedAt:
                r.debriefKind === "submitted"
                  ? addMinutes(end, r.submittedAfterMinutes + (r.amendedAfterMinutes ?? 0))
                  : null,
              firstSubmittedAt:
                r.debriefKind === "submitted" && r.amendedAfterMinutes !== null ? addMinutes(end, r.submittedAfterMinutes) : null,
              timelineGiven: r.timelineGiven,
              expectedDecisionOn: r.expectedOffset === null ? null : localDay(end, r.expectedOffset, zone),
              callInvitation: r.callInvitation,
              callBy: r.callByOffset === null ? null : localDay(end, r.callByOffset, zone),
              callTime: r.callTime,
              invitedBack: r.invitedBack,
              invitedBackDetails: "",
              notMentioned: r.notMentioned,
              people: r.people.map((p, i) => ({
                id: `p-${i}`,
                contactId: p.hasContact ? `c-${i}` : null,
                name: `Person ${i}`,
                email: `p${i}@client.example`,
                thankYouSent: p.sent,
                thankYouSentAt: p.sent && p.sentAfterMinutes !== null ? addMinutes(end, p.sentAfterMinutes) : null,
              })),
            };
      return {
        interview: {
          id: "int",
          startsAt: addMinutes(end, -r.durationMinutes),
          endsAt: end,
          status: r.status,
          arrangedByFirm: r.arrangedByFirm,
          interviewers: Array.from({ length: r.interviewerCount }, (_, i) => ({ contactId: `c-${i}`, name: `Interviewer ${i}` })),
        },
        debrief,
        calls: r.callMinutes.map((m) => ({ calledAt: addMinutes(end, m) })),
        firm: { timeZone: zone, holidays: r.holidayOffsets.map((d) => localDay(end, d, zone)), policy: r.policy },
        progress: {
          debriefReviewedAt: r.flags.reviewed ? addMinutes(end, r.reviewed) : null,
          feedbackReceivedAt: r.flags.feedback ? facts.feedbackAt : null,
          timelineObtainedAt: r.flags.timeline ? facts.timelineAt : null,
          decisionReceivedAt: r.flags.decision ? facts.decisionAt : null,
          invitationAcceptedAt: r.flags.accepted ? facts.acceptedAt : null,
        },
        now: addMinutes(end, r.nowOffsetMinutes),
      };
    }),
  );

/** Steps whose times come from counting business days (rules 1, 3 feedback, 4, 5 invitation, 6). */
const BUSINESS_DAY_KINDS: ReadonlySet<PlanStepKind> = new Set([
  "get_timeline",
  "collect_feedback",
  "call",
  "accept_invitation",
  "wait",
  "chase_decision",
]);

const RUNS = { numRuns: 300 };
// fast-check runs hundreds of plans per test; leave room on a slow CI machine.
const SLOW = { timeout: 60_000 };

describe("follow-up engine properties", SLOW, () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("never puts a business-day step on a weekend or a firm holiday in the firm's zone", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { timeZone, holidays } = input.firm;
        for (const step of buildPlan(input).steps) {
          if (!BUSINESS_DAY_KINDS.has(step.kind)) continue;
          for (const at of [step.dueAt, step.notBefore ?? null]) {
            if (at) expect(isWeekendOrHoliday(at, timeZone, holidays), `${step.key} at ${at.toISOString()}`).toBe(false);
          }
        }
      }),
      RUNS,
    );
  });

  it("plans at most one call, and exactly one of call or no-call for an interview that happens", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const kinds = buildPlan(input).steps.map((s) => s.kind);
        const calls = kinds.filter((k) => k === "call").length;
        const noCalls = kinds.filter((k) => k === "no_call").length;
        expect(calls).toBeLessThanOrEqual(1);
        const happens = input.interview.status === "scheduled" || input.interview.status === "completed";
        expect(calls + noCalls).toBe(happens ? 1 : 0);
      }),
      RUNS,
    );
  });

  it("dates no step before the interview's end", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const end = input.interview.endsAt.getTime();
        for (const step of buildPlan(input).steps) {
          for (const at of [step.dueAt, step.notBefore ?? null]) {
            if (at) expect(at.getTime(), `${step.key} at ${at.toISOString()}`).toBeGreaterThanOrEqual(end);
          }
        }
      }),
      RUNS,
    );
  });

  it("gives an amendment with the same facts the same dates as the first submission", () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 1, max: 10 * MINUTES_PER_DAY }), (input, laterMinutes) => {
        const debrief = input.debrief;
        fc.pre(debrief !== null && debrief.status === "submitted" && debrief.submittedAt !== null);
        const first = debrief!.firstSubmittedAt ?? debrief!.submittedAt!;
        const asFirst = { ...input, debrief: { ...debrief!, firstSubmittedAt: null, submittedAt: first } };
        const amended = {
          ...input,
          debrief: { ...debrief!, firstSubmittedAt: first, submittedAt: addMinutes(first, laterMinutes) },
        };
        const dates = (i: FollowUpInput) =>
          buildPlan(i).steps.map((s) => [s.key, s.dueAt?.toISOString() ?? null, s.notBefore?.toISOString() ?? null]);
        expect(dates(amended)).toEqual(dates(asFirst));
      }),
      RUNS,
    );
  });

  it("never allows a call once the client's decision has arrived, and then says the recruiter has news", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const plan = buildPlan(input);
        const decided = input.progress.decisionReceivedAt != null && input.progress.decisionReceivedAt.getTime() <= input.now.getTime();
        const call = plan.steps.find((s) => s.kind === "call");
        if (decided && call && call.state !== "done") expect(call.state).toBe("not_allowed");
        if (decided) {
          for (const step of plan.steps.filter((s) => s.kind === "wait" || s.kind === "call" || s.kind === "no_call")) {
            expect(step.reason.endsWith("Your recruiter has news and will be in touch.")).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it("gives the same plan on every run, whatever the system clock says, without touching its input", () => {
    fc.assert(
      fc.property(inputArb, fc.date({ noInvalidDate: true }), (input, clock) => {
        const snapshot = structuredClone(input);
        const first = buildPlan(input);
        vi.useFakeTimers();
        vi.setSystemTime(clock);
        const second = buildPlan(structuredClone(input));
        vi.useRealTimers();
        expect(second).toEqual(first);
        expect(input).toEqual(snapshot);
      }),
      { numRuns: 150 },
    );
  });

  it("gives every step a title, a one-sentence reason and a unique key", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const steps = buildPlan(input).steps;
        expect(new Set(steps.map((s) => s.key)).size).toBe(steps.length);
        for (const step of steps) {
          expect(step.title.trim()).not.toBe("");
          expect(step.reason).toMatch(/^[A-Z].*\.$/s);
        }
      }),
      RUNS,
    );
  });

  it("keeps every state consistent with now", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const now = input.now.getTime();
        const decided = input.progress.decisionReceivedAt != null && input.progress.decisionReceivedAt.getTime() <= now;
        for (const step of buildPlan(input).steps) {
          assertStateConsistent(step, now, decided);
        }
      }),
      RUNS,
    );
  });

  it("orders steps by due time, undated last, then by rule", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const steps = buildPlan(input).steps;
        for (let i = 1; i < steps.length; i++) {
          const a = steps[i - 1]!;
          const b = steps[i]!;
          const at = a.dueAt?.getTime() ?? Infinity;
          const bt = b.dueAt?.getTime() ?? Infinity;
          expect(at <= bt).toBe(true);
          if (at === bt) expect(a.rule).toBeLessThanOrEqual(b.rule);
        }
      }),
      RUNS,
    );
  });

  it("puts every thank-you exactly the firm's hours after the interview's end", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        for (const step of buildPlan(input).steps.filter((s) => s.kind === "thank_you")) {
          expect(step.dueAt!.getTime() - input.interview.endsAt.getTime()).toBe(
            input.firm.policy.thankYouWithinHours * 3_600_000,
          );
        }
      }),
      RUNS,
    );
  });
});

function assertStateConsistent(step: PlanStep, now: number, decided: boolean): void {
  const due = step.dueAt?.getTime() ?? null;
  const notBefore = step.notBefore?.getTime() ?? null;
  switch (step.state) {
    case "overdue":
      expect(due !== null && now > due, `${step.key} overdue`).toBe(true);
      break;
    case "due":
      expect(due === null || now <= due, `${step.key} due`).toBe(true);
      expect(notBefore === null || now >= notBefore, `${step.key} due before its window`).toBe(true);
      break;
    case "not_allowed":
      expect(
        step.kind === "no_call" ||
          step.kind === "no_visit" ||
          // A call: before its window, after a window that closes, or once the decision is in.
          (step.kind === "call" && ((notBefore !== null && now < notBefore) || (due !== null && now > due) || decided)),
        `${step.key} not allowed`,
      ).toBe(true);
      break;
    case "waiting":
      expect(["wait", "review_debrief", "chase_decision"]).toContain(step.kind);
      if (step.kind === "wait" && due !== null) expect(now < due).toBe(true);
      break;
    case "done":
      if (step.kind === "wait") break;
      expect(["no_call", "no_visit"]).not.toContain(step.kind);
      break;
  }
  // rule 6: the candidate is never nagged to wait.
  if (step.kind === "wait") expect(["waiting", "done"]).toContain(step.state);
}

describe("addBusinessDaysInZone properties", SLOW, () => {
  const startArb = fc.record({
    zone: fc.constantFrom(...ZONES),
    start: fc.date({ min: new Date("2026-01-01T00:00:00Z"), max: new Date("2027-12-31T00:00:00Z"), noInvalidDate: true }),
    n: fc.integer({ min: 1, max: 25 }),
    holidayOffsets: fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 10 }),
  });

  it("lands on a business day at the same local wall-clock time, later for each extra day", () => {
    fc.assert(
      fc.property(startArb, ({ zone, start, n, holidayOffsets }) => {
        const holidays = holidayOffsets.map((d) => localDay(start, d, zone));
        const result = addBusinessDaysInZone(start, n, zone, holidays);
        expect(isWeekendOrHoliday(result, zone, holidays)).toBe(false);
        // Wall-clock times inside a spring-forward gap cannot exist on the target day; every other one must match.
        const clock = (d: Date) => format(d, "HH:mm:ss.SSS", { in: tz(zone) });
        const startHour = Number(format(start, "H", { in: tz(zone) }));
        if (startHour >= 4) expect(clock(result)).toBe(clock(start));
        expect(addBusinessDaysInZone(start, n + 1, zone, holidays).getTime()).toBeGreaterThan(result.getTime());
      }),
      RUNS,
    );
  });

  it("counts exactly n business days on the firm's calendar", () => {
    fc.assert(
      fc.property(startArb, ({ zone, start, n, holidayOffsets }) => {
        const holidays = holidayOffsets.map((d) => localDay(start, d, zone));
        const result = addBusinessDaysInZone(start, n, zone, holidays);
        const target = format(result, "yyyy-MM-dd", { in: tz(zone) });
        let counted = 0;
        for (let d = 1; ; d++) {
          const day = addDays(start, d, { in: tz(zone) });
          if (!isWeekendOrHoliday(day, zone, holidays)) counted++;
          if (format(day, "yyyy-MM-dd", { in: tz(zone) }) === target) break;
        }
        expect(counted).toBe(n);
      }),
      RUNS,
    );
  });
});
