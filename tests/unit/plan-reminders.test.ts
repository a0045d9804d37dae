import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "@/db/schema/firms";
import type { ReminderRound } from "@/db/queries/plan-reminders";
import type { Plan, PlanStep } from "@/lib/core/follow-up";
import { remindersOfPlan } from "@/lib/jobs/plan-reminders";

/** When a plan's steps make a candidate mail, on the firm's clock (New York; no holidays but Fri 13 Mar). */

const round: ReminderRound = {
  firmId: "f",
  firmName: "Northwind",
  timeZone: "America/New_York",
  holidays: ["2026-03-13"],
  policy: DEFAULT_POLICY,
  interviewId: "i",
  candidateId: "c",
  candidateName: "Daniel Brooks",
  candidateUserId: "u",
  email: "daniel@example.com",
  clientName: "Acme",
  jobTitle: "Engineer",
  startsAt: new Date("2026-03-09T14:00:00Z"),
  endsAt: new Date("2026-03-09T15:00:00Z"),
};

const plan = (steps: PlanStep[]): Plan => ({ steps, warnings: [], waitingUntil: null, callReason: "no_date", decided: false, generatedAt: new Date(0) });

const call = (over: Partial<PlanStep> = {}): PlanStep => ({
  key: "call",
  rule: 4,
  owner: "candidate",
  kind: "call",
  title: "Call the interviewer, once",
  reason: "The interviewer asked for a call without a date.",
  // Tue 10 Mar 15:00 EDT until Thu 12 Mar 17:00 EDT.
  notBefore: new Date("2026-03-10T19:00:00Z"),
  dueAt: new Date("2026-03-12T21:00:00Z"),
  state: "due",
  ...over,
});

const kinds = (steps: PlanStep[], now: string, closed: string[] = []) =>
  remindersOfPlan(round, plan(steps), new Date(now), (k) => closed.includes(k)).map((j) => j.kind);

describe("plan reminders: which step makes a mail, and when", () => {
  it("mails about a call window from the day it opens, in business hours only (the outbox key keeps it to one)", () => {
    // The window opened Tue 15:00 EDT: that afternoon, a scan at 15:30 mails (the day it opens).
    expect(kinds([call()], "2026-03-10T19:30:00Z")).toEqual(["call"]);
    // 06:00 EDT the next day: too early.
    expect(kinds([call()], "2026-03-11T10:00:00Z")).toEqual([]);
    // 08:05 EDT: the business morning.
    expect(kinds([call()], "2026-03-11T12:05:00Z")).toEqual(["call"]);
    // After business hours (17:30 EDT): no.
    expect(kinds([call()], "2026-03-11T21:30:00Z")).toEqual([]);
  });

  it("sends no call mail on a weekend or a firm holiday, after the window, once the call is made, or when the step was closed", () => {
    const late = call({ notBefore: new Date("2026-03-13T13:00:00Z"), dueAt: new Date("2026-03-17T21:00:00Z") });
    expect(kinds([late], "2026-03-13T13:30:00Z")).toEqual([]); // Fri 13 Mar: the firm's holiday
    expect(kinds([late], "2026-03-14T13:30:00Z")).toEqual([]); // Saturday
    expect(kinds([late], "2026-03-16T12:30:00Z")).toEqual(["call"]); // Monday 08:30 EDT
    expect(kinds([call()], "2026-03-12T21:30:00Z")).toEqual([]); // past the window
    expect(kinds([call({ state: "done" })], "2026-03-11T12:05:00Z")).toEqual([]);
    expect(kinds([call()], "2026-03-11T12:05:00Z", ["call"])).toEqual([]);
  });

  it("mails about a call window opening later today from 08:00, never the day before", () => {
    const tomorrow = call({ notBefore: new Date("2026-03-11T13:00:00Z"), state: "not_allowed" });
    expect(kinds([tomorrow], "2026-03-10T20:00:00Z")).toEqual([]);
    expect(kinds([tomorrow], "2026-03-11T12:00:00Z")).toEqual(["call"]); // 08:00 EDT, the window opens at 09:00
  });

  it("asks about the debrief only when the plan gave it a deadline that passed", () => {
    const debrief = (over: Partial<PlanStep>): PlanStep => ({
      key: "debrief",
      rule: 3,
      owner: "candidate",
      kind: "debrief",
      title: "File your debrief",
      reason: "",
      dueAt: new Date("2026-03-10T15:00:00Z"),
      state: "overdue",
      ...over,
    });
    expect(kinds([debrief({})], "2026-03-10T16:00:00Z")).toEqual(["debrief"]);
    // No deadline (the firm did not arrange it): never, however late.
    expect(kinds([debrief({ dueAt: null, state: "due" })], "2026-03-12T16:00:00Z")).toEqual([]);
    expect(kinds([debrief({ state: "done" })], "2026-03-10T16:00:00Z")).toEqual([]);
    // At 02:00 EDT it waits for the morning.
    expect(kinds([debrief({})], "2026-03-11T06:00:00Z")).toEqual([]);
    // A week and more after the round, it is the recruiter's to chase.
    expect(kinds([debrief({})], "2026-03-17T16:00:00Z")).toEqual([]);
  });
});
