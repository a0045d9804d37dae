import { describe, expect, it } from "vitest";
import { stepView, type PlanStep } from "@/lib/core/follow-up";

const call = (over: Partial<PlanStep> = {}): PlanStep => ({
  key: "call",
  rule: 4,
  owner: "candidate",
  kind: "call",
  title: "Call the interviewer, once",
  reason: "",
  dueAt: new Date("2026-12-16T22:00:00Z"),
  notBefore: new Date("2026-12-16T14:00:00Z"),
  state: "not_allowed",
  ...over,
});

describe("a call step as the plan's readers see it", () => {
  it("is not closed while its window has yet to open and no decision has arrived", () => {
    expect(stepView(call(), { decided: false, generatedAt: new Date("2026-12-10T12:00:00Z") }).closed).toBe(false);
  });

  it("is closed once the client's decision arrived, even before its window", () => {
    expect(stepView(call(), { decided: true, generatedAt: new Date("2026-12-10T12:00:00Z") }).closed).toBe(true);
  });

  it("is closed once its window has passed without a call", () => {
    expect(stepView(call(), { decided: false, generatedAt: new Date("2026-12-17T12:00:00Z") }).closed).toBe(true);
  });

  it("never marks an allowed call, a made call or another step closed", () => {
    const after = { decided: true, generatedAt: new Date("2026-12-17T12:00:00Z") };
    expect(stepView(call({ state: "due" }), after).closed).toBe(false);
    expect(stepView(call({ state: "done" }), after).closed).toBe(false);
    expect(stepView(call({ kind: "no_call", key: "no_call" }), after).closed).toBe(false);
  });
});
