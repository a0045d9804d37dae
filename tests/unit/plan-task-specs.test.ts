import { describe, expect, it } from "vitest";
import type { PlanSource } from "@/db/queries/plan-sources";
import type { Plan, PlanStep } from "@/lib/core/follow-up";
import { leftThePlanReason, noTasksReason, planTaskSpecs } from "@/lib/plans/task-specs";

/** The facts these rules read; the debrief holds only its submission (its other answers play no part here). */
function source(over: { status?: PlanSource["interview"]["status"]; stage?: PlanSource["interview"]["applicationStage"]; debrief?: Partial<NonNullable<PlanSource["debrief"]>> | null } = {}): PlanSource {
  return {
    interview: {
      id: "iv-1",
      kind: "onsite",
      startsAt: new Date("2026-03-09T19:00:00Z"),
      endsAt: new Date("2026-03-09T21:30:00Z"),
      status: over.status ?? "completed",
      arrangedByFirm: true,
      applicationId: "app-1",
      applicationStage: over.stage ?? "interviewing",
      candidateId: "cand-1",
      clientName: "Helix Systems",
      jobTitle: "Senior Cloud Engineer",
    },
    owners: { recruiterUserId: "u-recruiter", candidateUserId: "u-candidate" },
    interviewers: [],
    debrief: over.debrief === null ? null : ({ id: "d-1", status: "submitted", submittedAt: null, firstSubmittedAt: null, ...over.debrief } as NonNullable<PlanSource["debrief"]>),
    people: [],
    calls: [],
    progress: { debriefReviewedAt: null, feedbackReceivedAt: null, decisionReceivedAt: null, timelineObtainedAt: null, invitationAcceptedAt: null },
  };
}

describe("why an interview's plan gives no tasks", () => {
  it("names the interview's or the application's end, which wins over the debrief", () => {
    expect(noTasksReason(source({ status: "cancelled" }))).toBe("No longer needed: interview cancelled");
    expect(noTasksReason(source({ status: "no_show" }))).toBe("No longer needed: interview marked no-show");
    expect(noTasksReason(source({ stage: "rejected" }))).toBe("No longer needed: application rejected");
    expect(noTasksReason(source({ stage: "withdrawn" }))).toBe("No longer needed: application withdrawn");
    expect(noTasksReason(source({ status: "scheduled", debrief: null }))).toBe("No longer needed: the interview has not taken place yet");
  });

  it("gives tasks once the interview happened or was debriefed, while the application is in play (placed included)", () => {
    expect(noTasksReason(source())).toBeNull();
    expect(noTasksReason(source({ status: "scheduled" }))).toBeNull();
    expect(noTasksReason(source({ stage: "placed" }))).toBeNull();
    expect(noTasksReason(source({ status: "scheduled", debrief: { status: "draft" } }))).toBe("No longer needed: the interview has not taken place yet");
  });

  it("says an amendment took a step out, and otherwise that the plan changed", () => {
    const first = new Date("2026-03-10T01:40:00Z");
    expect(leftThePlanReason(source({ debrief: { submittedAt: new Date(first.getTime() + 3_600_000), firstSubmittedAt: first } }))).toBe(
      "No longer needed: the debrief was amended",
    );
    expect(leftThePlanReason(source({ debrief: { submittedAt: first, firstSubmittedAt: first } }))).toBe("No longer needed: no longer in the plan");
    expect(leftThePlanReason(source({ debrief: null }))).toBe("No longer needed: no longer in the plan");
  });
});

describe("a thank-you task's former key", () => {
  const note = (key: string, personId: string): PlanStep => ({
    key,
    rule: 2,
    owner: "candidate",
    kind: "thank_you",
    title: "Send a thank-you note",
    reason: "",
    dueAt: null,
    state: "due",
    personId,
  });
  const plan = (steps: PlanStep[]): Plan => ({ steps, warnings: [], waitingUntil: null, callReason: "none", decided: false, generatedAt: new Date() });

  it("is the person's key once the person is a contact, so the task moves instead of doubling", () => {
    const [spec] = planTaskSpecs(plan([note("thank_you:c-1", "p-1")]), source());
    expect(spec).toMatchObject({ policyKey: "thank_you:c-1", formerKeys: ["thank_you:p-1"] });
  });

  it("is none while the step is keyed by the person (or by the scheduled interviewer)", () => {
    const specs = planTaskSpecs(plan([note("thank_you:p-1", "p-1"), note("thank_you:c-2", "c-2")]), source());
    expect(specs.map((s) => s.formerKeys)).toEqual([undefined, undefined]);
  });
});
