import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { interviewPlanForStaff } from "@/lib/plans/staff-plan";
import { useTwoFirms } from "../helpers/firms";
import { insertEndedInterview } from "../helpers/interviews";
import { scopeOf, type TestFirm } from "../helpers/fixtures";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe("the candidate's plan on the staff interview page", () => {
  const { db, firms } = useTwoFirms();
  let a: TestFirm;
  let b: TestFirm;

  beforeAll(() => {
    ({ a, b } = firms);
  });

  const recruiter = () => scopeOf(db(), a, a.recruiter);

  /** A submitted debrief: decision promised in a week, one person met (the client contact). */
  async function submittedDebrief(interviewId: string, person: Partial<typeof s.debriefPeople.$inferInsert> = {}) {
    const submittedAt = new Date(Date.now() - HOUR);
    const [d] = await db()
      .insert(s.debriefs)
      .values({
        firmId: a.firmId,
        interviewId,
        candidateId: a.candidateId,
        status: "submitted",
        overallImpression: 4,
        interestLevel: 4,
        timelineGiven: "yes",
        expectedDecisionOn: new Date(Date.now() + 7 * DAY).toISOString().slice(0, 10),
        callInvitation: "none",
        invitedBack: false,
        submittedVersions: 1,
        firstSubmittedAt: submittedAt,
        submittedAt,
        lastSavedAt: submittedAt,
      })
      .returning({ id: s.debriefs.id });
    await db()
      .insert(s.debriefPeople)
      .values({ firmId: a.firmId, debriefId: d!.id, contactId: a.contactId, name: "Ines Interviewer", email: "ines@client.example", ...person });
    return d!.id;
  }

  async function logCall(interviewId: string, calledAt: Date) {
    await db().insert(s.callLogs).values({ firmId: a.firmId, interviewId, candidateId: a.candidateId, contactId: a.contactId, calledAt });
  }

  it("shows each of the candidate's steps with its dates and state, and what the candidate ticked off", async () => {
    const interviewId = await insertEndedInterview(db(), a, { endedHoursAgo: 3 });
    const sentAt = new Date(Date.now() - 2 * HOUR);
    await submittedDebrief(interviewId, { thankYouSent: true, thankYouSentAt: sentAt, thankYouChannel: "linkedin" });

    const plan = await interviewPlanForStaff(recruiter(), interviewId);
    expect(plan).not.toBeNull();
    expect(plan!.absence).toBeNull();
    expect(plan!.timeZone).toBe("America/New_York");
    const kinds = plan!.steps.map((step) => step.kind);
    // The candidate's own steps only: the recruiter's work is on the dashboard.
    expect(kinds).toEqual(expect.arrayContaining(["thank_you", "debrief", "call", "no_visit", "wait"]));
    expect(kinds).not.toContain("review_debrief");
    expect(kinds).not.toContain("collect_feedback");
    const note = plan!.steps.find((step) => step.kind === "thank_you")!;
    expect(note.state).toBe("done");
    expect(note.thankYou).toEqual({ personName: "Ines Interviewer", sentAt, channel: "linkedin" });
    // rule 4: a promised date allows the one call only after it.
    const call = plan!.steps.find((step) => step.kind === "call")!;
    expect(call.state).toBe("not_allowed");
    expect(call.notBefore!.getTime()).toBeGreaterThan(Date.now() + 7 * DAY - DAY);
    expect(call.flags).toEqual([]);
    expect(plan!.calls).toEqual([]);
    expect(plan!.warnings).toEqual([]);
  });

  it("warns beside a call made before it was allowed, and beside a second call", async () => {
    const interviewId = await insertEndedInterview(db(), a, { endedHoursAgo: 3 });
    await submittedDebrief(interviewId);
    await logCall(interviewId, new Date(Date.now() - 50 * 60_000));
    await logCall(interviewId, new Date(Date.now() - 20 * 60_000));

    const plan = await interviewPlanForStaff(recruiter(), interviewId);
    expect(plan!.calls).toHaveLength(2);
    expect(plan!.calls[0]!.contactName).toBe("Ines Interviewer");
    expect(plan!.calls[0]!.flags).toEqual([expect.stringMatching(/^Before the call was allowed \(from \w{3},? \d{1,2} \w{3}\)\.$/)]);
    expect(plan!.calls[1]!.flags).toEqual([
      expect.stringMatching(/^Before the call was allowed/),
      "Call number 2: the plan allows one.",
    ]);
    expect(plan!.warnings.map((w) => w.code)).toContain("second_call");
    const call = plan!.steps.find((step) => step.kind === "call")!;
    expect(call.flags).toEqual(expect.arrayContaining(["Call number 2: the plan allows one."]));
  });

  it("flags a call when the plan allowed none", async () => {
    const interviewId = await insertEndedInterview(db(), a, { endedHoursAgo: 3 });
    const debriefId = await submittedDebrief(interviewId);
    // No timeline, no invitation to call: rule 4 plans no call.
    await db()
      .update(s.debriefs)
      .set({ timelineGiven: "no", expectedDecisionOn: null })
      .where(and(eq(s.debriefs.firmId, a.firmId), eq(s.debriefs.id, debriefId)));
    await logCall(interviewId, new Date(Date.now() - 30 * 60_000));

    const plan = await interviewPlanForStaff(recruiter(), interviewId);
    expect(plan!.steps.map((step) => step.kind)).toContain("no_call");
    expect(plan!.calls[0]!.flags).toEqual(["Not in the plan: no call was allowed after this interview."]);
    expect(plan!.warnings.map((w) => w.code)).toContain("call_not_planned");
  });

  it("says why there is no plan yet: no debrief, a draft, an interview still to come, a cancelled one", async () => {
    const none = await insertEndedInterview(db(), a, { endedHoursAgo: 3 });
    expect(await interviewPlanForStaff(recruiter(), none)).toMatchObject({ absence: "no_debrief", steps: [], calls: [] });

    const draft = await insertEndedInterview(db(), a, { endedHoursAgo: 3 });
    await db().insert(s.debriefs).values({ firmId: a.firmId, interviewId: draft, candidateId: a.candidateId, status: "draft", wentWell: "half" });
    expect(await interviewPlanForStaff(recruiter(), draft)).toMatchObject({ absence: "no_debrief", steps: [] });

    const upcoming = await insertEndedInterview(db(), a, { endedHoursAgo: -48, status: "scheduled" });
    expect(await interviewPlanForStaff(recruiter(), upcoming)).toMatchObject({ absence: "upcoming" });

    const cancelled = await insertEndedInterview(db(), a, { endedHoursAgo: 3, status: "cancelled" });
    await submittedDebrief(cancelled);
    expect(await interviewPlanForStaff(recruiter(), cancelled)).toMatchObject({ absence: "cancelled", steps: [] });
  });

  it("is not found for another firm's staff, and not shown to a candidate", async () => {
    const interviewId = await insertEndedInterview(db(), a, { endedHoursAgo: 3 });
    await submittedDebrief(interviewId);
    expect(await interviewPlanForStaff(scopeOf(db(), b, b.recruiter), interviewId)).toBeNull();
    expect(await interviewPlanForStaff(scopeOf(db(), b, b.admin), interviewId)).toBeNull();
    expect(await interviewPlanForStaff(scopeOf(db(), a, a.candidateUser), interviewId)).toBeNull();
    expect(await interviewPlanForStaff(scopeOf(db(), a, a.admin), interviewId)).not.toBeNull();
    expect(await interviewPlanForStaff(recruiter(), "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});
