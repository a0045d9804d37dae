import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "@/db/schema/firms";
import type { PlanSource } from "@/db/queries/plan-sources";
import type { MyInterview } from "@/db/queries/portal";
import { debriefSubmittedEmail, repeatCallEmail } from "@/lib/email/debrief-emails";
import { buildPlan } from "@/lib/core/follow-up";
import { candidatePlanFrom, debriefStateOf, recentPlanInterviews } from "@/lib/plans/candidate-plan";
import { followUpInputFrom } from "@/lib/plans/follow-up-input";
import { isPlanStepKey, planTaskSpecs } from "@/lib/plans/task-specs";
import { planSummary, stepTiming } from "@/app/(candidate)/_components/plan-text";

const NY = "America/New_York";
const firm = { timeZone: NY, holidays: [] as string[], policy: DEFAULT_POLICY };
const HOUR = 3_600_000;

/** Mon 9 Mar 2026, 15:00–17:30 EDT (the demo's onsite, the day before "today"). */
const endsAt = new Date("2026-03-09T21:30:00Z");

function source(over: Partial<PlanSource> = {}): PlanSource {
  return {
    interview: {
      id: "iv-1",
      kind: "onsite",
      startsAt: new Date(endsAt.getTime() - 2.5 * HOUR),
      endsAt,
      status: "completed",
      arrangedByFirm: true,
      applicationId: "app-1",
      applicationStage: "interviewing",
      candidateId: "cand-1",
      clientName: "Helix Systems",
      jobTitle: "Senior Cloud Engineer",
    },
    owners: { recruiterUserId: "u-recruiter", candidateUserId: "u-candidate" },
    interviewers: [
      { contactId: "c-hm", name: "Priya Raman", email: "priya@helix.example" },
      { contactId: "c-staff", name: "Tom Ortiz", email: "tom@helix.example" },
    ],
    debrief: {
      id: "d-1",
      status: "submitted",
      submittedAt: new Date("2026-03-10T01:40:00Z"),
      firstSubmittedAt: new Date("2026-03-10T01:40:00Z"),
      timelineGiven: "yes",
      expectedDecisionOn: "2026-03-13",
      callInvitation: "none",
      callBy: null,
      callTime: null,
      invitedBack: false,
      invitedBackDetails: "",
      notMentioned: "AWS Solutions Architect – Professional certification",
    },
    people: [
      { id: "p-hm", contactId: "c-hm", name: "Priya Raman", email: "priya@helix.example", thankYouSent: false, thankYouSentAt: null, thankYouChannel: null },
      { id: "p-staff", contactId: "c-staff", name: "Tom Ortiz", email: "tom@helix.example", thankYouSent: false, thankYouSentAt: null, thankYouChannel: null },
    ],
    calls: [],
    progress: { debriefReviewedAt: null, feedbackReceivedAt: null, decisionReceivedAt: null, timelineObtainedAt: null, invitationAcceptedAt: null },
    ...over,
  };
}

/** Tue 10 Mar 2026, 09:00 EDT: "today" in the demo story. */
const now = new Date("2026-03-10T13:00:00Z");

describe("the candidate's plan", () => {
  it("tells the demo story: two notes due today, one call next Wednesday only, then wait", () => {
    const plan = candidatePlanFrom(source(), firm, now);
    const notes = plan.steps.filter((s) => s.kind === "thank_you");
    expect(notes.map((s) => [s.thankYou?.personName, s.state])).toEqual([
      ["Priya Raman", "due"],
      ["Tom Ortiz", "due"],
    ]);
    const ctx = { zone: NY, now };
    expect(stepTiming(notes[0]!, ctx)).toBe("Due today by 5:30 PM.");
    const call = plan.steps.find((s) => s.kind === "call")!;
    expect(call.state).toBe("not_allowed");
    expect(stepTiming(call, ctx)).toBe("Allowed only on Wed 18 Mar, 9:00 AM–5:00 PM.");
    expect(planSummary(plan, ctx)).toEqual([
      "2 thank-you notes due today by 5:30 PM",
      "One call allowed Wed 18 Mar (and only then)",
    ]);
    expect(plan.steps.find((s) => s.kind === "no_visit")?.state).toBe("not_allowed");
    expect(notes[0]?.suggestions).toEqual(["AWS Solutions Architect – Professional certification"]);
  });

  it("shows only the candidate's own steps", () => {
    const plan = candidatePlanFrom(source(), firm, now);
    expect(plan.steps.every((s) => !["review_debrief", "collect_feedback", "chase_decision", "get_timeline"].includes(s.kind))).toBe(true);
  });

  it("says there is nothing to do but wait once the steps are done", () => {
    const sent = new Date("2026-03-09T23:00:00Z");
    const src = source({
      debrief: { ...source().debrief!, expectedDecisionOn: null },
      people: source().people.map((p) => ({ ...p, thankYouSent: true, thankYouSentAt: sent, thankYouChannel: "email" })),
    });
    const plan = candidatePlanFrom(src, firm, now);
    expect(planSummary(plan, { zone: NY, now })).toEqual(["Nothing to do but wait; your recruiter follows up"]);
    expect(stepTiming(plan.steps.find((s) => s.kind === "thank_you")!, { zone: NY, now })).toBe("Sent yesterday at 7:00 PM (email).");
  });

  it("reaches the scheduled interviewers by contact before the debrief lists anyone", () => {
    const plan = candidatePlanFrom(source({ debrief: null, people: [] }), firm, now);
    const note = plan.steps.find((s) => s.kind === "thank_you")!;
    expect(note.thankYou).toMatchObject({ personId: null, contactId: "c-hm", email: "priya@helix.example" });
    expect(plan.debriefState).toBe("due");
  });

  it("speaks to the candidate about a second call", () => {
    const plan = candidatePlanFrom(
      source({ calls: [{ id: "k1", calledAt: now, contactId: "c-hm" }, { id: "k2", calledAt: now, contactId: "c-hm" }] }),
      firm,
      new Date(now.getTime() + HOUR),
    );
    expect(plan.callCount).toBe(2);
    expect(plan.notices.join(" ")).toMatch(/more than once/);
    expect(plan.notices.join(" ")).not.toMatch(/The candidate/);
  });
});

describe("steps as tasks", () => {
  it("leaves the don'ts and the wait out, and a review with nothing to review", () => {
    const src = source({ debrief: null, people: [] });
    const specs = planTaskSpecs(buildPlan(followUpInputFrom(src, firm, now)), src);
    expect(specs.map((s) => s.policyKey).sort()).toEqual(["collect_feedback", "debrief", "thank_you:c-hm", "thank_you:c-staff"]);
  });

  it("gives recruiter steps to the recruiter and candidate steps to the candidate, with the rule", () => {
    const src = source();
    const specs = planTaskSpecs(buildPlan(followUpInputFrom(src, firm, now)), src);
    const byKey = Object.fromEntries(specs.map((s) => [s.policyKey, s]));
    expect(byKey["thank_you:c-hm"]).toMatchObject({ ownerKind: "candidate", ownerUserId: "u-candidate", rule: "rule 2", done: false });
    expect(byKey.collect_feedback).toMatchObject({ ownerKind: "recruiter", ownerUserId: "u-recruiter", rule: "rule 3" });
    expect(byKey.debrief).toMatchObject({ done: true, doneAt: src.debrief!.firstSubmittedAt });
    expect(byKey.chase_decision?.rule).toBe("rule 6");
    expect(byKey["thank_you:c-hm"]?.dueAt?.getTime()).toBe(endsAt.getTime() + 24 * HOUR);
  });

  it("owns plan keys but not other keyed tasks", () => {
    expect(isPlanStepKey("thank_you:c-1")).toBe(true);
    expect(isPlanStepKey("collect_feedback")).toBe(true);
    expect(isPlanStepKey("call_warning:k1")).toBe(false);
  });
});

describe("which plans the candidate follows", () => {
  const base: MyInterview = {
    id: "i",
    kind: "video",
    startsAt: new Date(now.getTime() - 30 * HOUR),
    endsAt: new Date(now.getTime() - 29 * HOUR),
    status: "completed",
    location: "",
    videoUrl: "",
    arrangedByFirm: true,
    applicationId: "a1",
    applicationStage: "interviewing",
    jobTitle: "Engineer",
    clientName: "Acme",
    debriefId: null,
    debriefStatus: null,
    debriefSubmittedVersions: null,
    debriefSubmittedAt: null,
    debriefLastSavedAt: null,
  };
  const at = (hoursAgo: number) => ({ startsAt: new Date(now.getTime() - hoursAgo * HOUR), endsAt: new Date(now.getTime() - (hoursAgo - 1) * HOUR) });

  it("keeps the latest round of each open application from the last 60 days", () => {
    const list: MyInterview[] = [
      { ...base, id: "screen", ...at(300) },
      { ...base, id: "onsite", ...at(20) },
      { ...base, id: "other-app", applicationId: "a2", ...at(150) },
      { ...base, id: "future", applicationId: "a3", status: "scheduled", ...at(-24) },
      { ...base, id: "rejected", applicationId: "a4", applicationStage: "rejected", ...at(30) },
      { ...base, id: "cancelled", applicationId: "a5", status: "cancelled", ...at(30) },
      { ...base, id: "old", applicationId: "a6", ...at(24 * 61) },
    ];
    expect(recentPlanInterviews(list, now).map((i) => i.id)).toEqual(["onsite", "other-app"]);
  });

  it("names the debrief state of each interview", () => {
    expect(debriefStateOf({ ...base }, now)).toBe("due");
    expect(debriefStateOf({ ...base, debriefStatus: "draft" }, now)).toBe("draft");
    expect(debriefStateOf({ ...base, debriefStatus: "submitted" }, now)).toBe("submitted");
    expect(debriefStateOf({ ...base, status: "scheduled", startsAt: new Date(now.getTime() + HOUR) }, now)).toBe("upcoming");
    expect(debriefStateOf({ ...base, status: "cancelled", debriefStatus: "draft" }, now)).toBe("cancelled");
  });
});

describe("mail to the recruiter", () => {
  const common = {
    recruiterName: "Jordan Ellis",
    candidateName: "Maya Chen",
    clientName: "Helix Systems",
    jobTitle: "Senior Cloud Engineer",
    interviewKind: "onsite",
    interviewStartsAt: new Date("2026-03-09T19:00:00Z"),
    timeZone: NY,
    overallImpression: 4,
    interestLevel: 5,
    timelineGiven: "yes" as const,
    expectedDecisionOn: "2026-03-13",
    callInvitation: "none" as const,
    callBy: null,
    callTime: null,
    invitedBack: false,
    notMentioned: "AWS Professional certification",
    notesForRecruiter: "Can you mention it to them?",
    peopleMet: ["Priya Raman", "Tom Ortiz"],
    link: "https://app.example/interviews/iv-1",
  };

  it("says a debrief was filed, with what matters and the link on its own line", () => {
    const mail = debriefSubmittedEmail({ ...common, version: 1 });
    expect(mail.subject).toBe("Maya Chen filed the Helix Systems debrief");
    expect(mail.text).toContain("Hello Jordan,");
    expect(mail.text).toContain("onsite interview at Helix Systems (Senior Cloud Engineer) on Mon 9 Mar");
    expect(mail.text).toContain("Expected decision: Fri 13 Mar");
    expect(mail.text).toContain("  AWS Professional certification");
    expect(mail.text.split("\n")).toContain("https://app.example/interviews/iv-1");
  });

  it("numbers an amendment and asks for a timeline when none was given", () => {
    const mail = debriefSubmittedEmail({ ...common, version: 3, timelineGiven: "no", expectedDecisionOn: null });
    expect(mail.subject).toBe("Maya Chen amended the Helix Systems debrief (version 3)");
    expect(mail.text).toMatch(/get one from the client \(rule 1\)/);
  });

  it("warns about a repeated call, citing rule 4", () => {
    const mail = repeatCallEmail({
      recruiterName: "Jordan Ellis",
      candidateName: "Marcus Webb",
      clientName: "Meridian Health",
      jobTitle: "IT Project Manager",
      callCount: 3,
      calledAt: new Date("2026-03-10T18:45:00Z"),
      contactName: "Ruth Park",
      timeZone: NY,
      link: "https://app.example/interviews/iv-2",
    });
    expect(mail.subject).toBe("Marcus Webb has called Meridian Health 3 times");
    expect(mail.text).toContain("logged a third call to Ruth Park at Meridian Health (IT Project Manager) on Tue 10 Mar at 2:45 PM");
    expect(mail.text).toContain("rule 4");
  });
});
