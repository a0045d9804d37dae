import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { getMyDebrief, listDebriefVersions } from "@/db/queries/debriefs";
import { writeMyDebrief } from "@/db/queries/debrief-writes";
import { listPlanSources } from "@/db/queries/plan-sources";
import { getMyInterview, listMyInterviews, logCall } from "@/db/queries/portal";
import { setThankYouNote } from "@/db/queries/thank-you-notes";
import { saveDebriefDraftAction, submitDebriefAction } from "@/app/(candidate)/my/interviews/[id]/debrief/actions";
import { getMyPlan, getMyPlans } from "@/lib/plans/candidate-plan";
import { ERROR_MESSAGES } from "@/lib/core/errors";
import type { DebriefDraft } from "@/lib/core/validation/debrief";
import { emptyDebriefDraft } from "@/lib/core/validation/debrief";
import { expectFieldError, submit } from "../helpers/actions";
import { signedInAs } from "../helpers/context";
import { useTwoFirms } from "../helpers/firms";
import { completeDebrief, debriefPerson } from "../helpers/debriefs";
import { runJobs } from "../helpers/jobs";
import { formData, scopeOf, sessionFor } from "../helpers/fixtures";

const HOUR = 3_600_000;

function envelope(interviewId: string, version: number | null, draft: unknown) {
  return formData({ interviewId, version: version === null ? "" : String(version), draft: JSON.stringify(draft) });
}

describe("candidate portal: the debrief", () => {
  const { database, db, firms: { a, b } } = useTwoFirms({ requests: true, candidateSignedIn: true });

  beforeAll(() => {
  });

  /** A fresh completed interview of firm A's candidate, so each test starts without a debrief. */
  async function newInterview(opts: { candidateId?: string; status?: s.InterviewStatus; startsAt?: Date } = {}) {
    const candidateId = opts.candidateId ?? a.candidateId;
    let applicationId = a.applicationId;
    if (candidateId !== a.candidateId) {
      const [app] = await db()
        .insert(s.applications)
        .values({ firmId: a.firmId, candidateId, jobId: a.jobId, stage: "interviewing", recruiterUserId: a.recruiter.userId })
        .onConflictDoNothing()
        .returning({ id: s.applications.id });
      applicationId =
        app?.id ??
        (await db()
          .select({ id: s.applications.id })
          .from(s.applications)
          .where(and(eq(s.applications.firmId, a.firmId), eq(s.applications.candidateId, candidateId))))[0]!.id;
    }
    const startsAt = opts.startsAt ?? new Date(Date.now() - 5 * HOUR);
    const [iv] = await db()
      .insert(s.interviews)
      .values({
        firmId: a.firmId,
        applicationId,
        candidateId,
        kind: "onsite",
        startsAt,
        endsAt: new Date(startsAt.getTime() + HOUR),
        status: opts.status ?? "completed",
        notes: "INTERNAL: the client worries about salary.",
      })
      .returning({ id: s.interviews.id });
    await db().insert(s.interviewParticipants).values({ firmId: a.firmId, interviewId: iv!.id, contactId: a.contactId });
    return iv!.id;
  }

  it("autosaves an incomplete draft and keeps each saved version", async () => {
    const interviewId = await newInterview();
    const half = { ...emptyDebriefDraft(), overallImpression: 4, wentWell: "Good rapport with the team", people: [debriefPerson({ email: "ines@" })] };
    const first = await submit(saveDebriefDraftAction, envelope(interviewId, null, half));
    expect(first.ok, JSON.stringify(first)).toBe(true);
    expect(first.data?.version).toBe(1);

    const more = { ...half, concerns: "Rambled on the on-call question" };
    const second = await submit(saveDebriefDraftAction, envelope(interviewId, 1, more));
    expect(second.data?.version).toBe(2);

    const stored = await getMyDebrief(scopeOf(db(), a, a.candidateUser), interviewId);
    expect(stored?.status).toBe("draft");
    expect(stored?.wentWell).toBe("Good rapport with the team");
    expect(stored?.concerns).toBe("Rambled on the on-call question");
    expect(stored?.interestLevel).toBeNull();
    // A draft keeps what was typed, even an unfinished email address.
    expect(stored?.people.map((p) => [p.id, p.email])).toEqual([[half.people[0]!.id, "ines@"]]);
    expect(stored?.lastSavedAt).toBeInstanceOf(Date);
  });

  it("refuses a save based on a stale version and returns the current values", async () => {
    const interviewId = await newInterview();
    await submit(saveDebriefDraftAction, envelope(interviewId, null, { ...emptyDebriefDraft(), wentWell: "from the phone" }));
    await submit(saveDebriefDraftAction, envelope(interviewId, 1, { ...emptyDebriefDraft(), wentWell: "from the laptop" }));
    const stale = await submit(saveDebriefDraftAction, envelope(interviewId, 1, { ...emptyDebriefDraft(), wentWell: "old tab" }));
    expect(stale.ok).toBe(false);
    expect(stale.data?.conflict).toBe(true);
    expect((stale.data?.current as { draft: DebriefDraft; version: number }).draft.wentWell).toBe("from the laptop");
    expect((stale.data?.current as { version: number }).version).toBe(2);
    expect((await getMyDebrief(scopeOf(db(), a, a.candidateUser), interviewId))?.wentWell).toBe("from the laptop");
  });

  it("keeps the people in order, updates them in place and drops the removed ones", async () => {
    const interviewId = await newInterview();
    const p1 = debriefPerson({ contactId: a.contactId, name: "Ines Interviewer" });
    const p2 = debriefPerson({ name: "Sam Staff", email: "sam@client.example" });
    await submit(saveDebriefDraftAction, envelope(interviewId, null, { ...emptyDebriefDraft(), people: [p1, p2] }));
    const forged = debriefPerson({ name: "Forged link", contactId: b.contactId });
    const r = await submit(
      saveDebriefDraftAction,
      envelope(interviewId, 1, { ...emptyDebriefDraft(), people: [{ ...p2, title: "Staff Engineer" }, forged] }),
    );
    expect(r.ok).toBe(true);
    const stored = await getMyDebrief(scopeOf(db(), a, a.candidateUser), interviewId);
    expect(stored?.people.map((p) => p.name)).toEqual(["Sam Staff", "Forged link"]);
    expect(stored?.people[0]?.id).toBe(p2.id);
    expect(stored?.people[0]?.title).toBe("Staff Engineer");
    // A contact that is not one of the interview's interviewers is not linked.
    expect(stored?.people[1]?.contactId).toBeNull();
  });

  it("checks the required answers on submit, next to each field, and saves the draft anyway", async () => {
    const interviewId = await newInterview();
    const draft = { ...emptyDebriefDraft(), wentWell: "Half done", people: [debriefPerson({ name: "" })] };
    const r = await submit(submitDebriefAction, envelope(interviewId, null, draft));
    expect(r.ok).toBe(false);
    for (const field of ["overallImpression", "interestLevel", "timelineGiven", "callInvitation", "invitedBack", "people.0.name"]) {
      expectFieldError(r, field);
    }
    expect(r.formError).toMatch(/attention before you submit/);
    expect(r.data?.version).toBe(1);
    const stored = await getMyDebrief(scopeOf(db(), a, a.candidateUser), interviewId);
    expect(stored?.status).toBe("draft");
    expect(stored?.wentWell).toBe("Half done");
  });

  it("submits: marks the debrief submitted, freezes version 1 and tells the recruiter", async () => {
    const interviewId = await newInterview();
    const saved = await submit(saveDebriefDraftAction, envelope(interviewId, null, { ...emptyDebriefDraft(), wentWell: "draft" }));
    const r = await submit(submitDebriefAction, envelope(interviewId, saved.data!.version as number, completeDebrief()));
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expect(r.data).toMatchObject({ debriefStatus: "submitted", submittedVersions: 1, versionNumber: 1, amended: false });

    const stored = await getMyDebrief(scopeOf(db(), a, a.candidateUser), interviewId);
    expect(stored?.status).toBe("submitted");
    expect(stored?.submittedAt).toBeInstanceOf(Date);
    const versions = await listDebriefVersions(scopeOf(db(), a, a.recruiter), stored!.id);
    expect(versions.map((v) => v.number)).toEqual([1]);
    expect(versions[0]?.snapshot).toMatchObject({ overallImpression: 4, wentWell: "The system design round went well." });
    expect(versions[0]?.submittedByName).toBe(a.candidateUser.name);

    // The recruiter's email is a job committed with the submission; the app's runner sends it.
    await runJobs(database.current);
    const mail = await db()
      .select({ subject: s.emailOutbox.subject, text: s.emailOutbox.text })
      .from(s.emailOutbox)
      .where(and(eq(s.emailOutbox.firmId, a.firmId), eq(s.emailOutbox.to, a.recruiter.email)));
    const filed = mail.filter((m) => m.subject.includes("filed the") && m.text.includes(`/interviews/${interviewId}`));
    expect(filed).toHaveLength(1);
    expect(filed[0]!.text).toContain("AWS Professional certification");

    const audit = await db()
      .select({ action: s.auditEvents.action })
      .from(s.auditEvents)
      .where(and(eq(s.auditEvents.firmId, a.firmId), eq(s.auditEvents.entityId, stored!.id)));
    expect(audit.map((e) => e.action)).toContain("debrief.submitted");
  });

  it("amends a submitted debrief as a new version, and the recruiter sees the history", async () => {
    const interviewId = await newInterview();
    const one = await submit(submitDebriefAction, envelope(interviewId, null, completeDebrief()));
    expect(one.ok).toBe(true);
    const two = await submit(
      submitDebriefAction,
      envelope(interviewId, one.data!.version as number, completeDebrief({ expectedDecisionOn: null, notesForRecruiter: "Forgot: I can start in May." })),
    );
    expect(two.ok, JSON.stringify(two)).toBe(true);
    expect(two.data).toMatchObject({ versionNumber: 2, amended: true, submittedVersions: 2 });
    expect(two.message).toMatch(/Amendment sent/);

    const debriefId = two.data!.debriefId as string;
    const history = await listDebriefVersions(scopeOf(db(), a, a.recruiter), debriefId);
    expect(history.map((v) => v.number)).toEqual([2, 1]);
    expect(history[0]?.snapshot.notesForRecruiter).toBe("Forgot: I can start in May.");
    expect(history[1]?.snapshot.notesForRecruiter).toBe("");
    // The history is for staff: the candidate's scope gets none of it.
    expect(await listDebriefVersions(scopeOf(db(), a, a.candidateUser), debriefId)).toEqual([]);

    await runJobs(database.current);
    const amended = await db()
      .select({ subject: s.emailOutbox.subject })
      .from(s.emailOutbox)
      .where(and(eq(s.emailOutbox.firmId, a.firmId), eq(s.emailOutbox.to, a.recruiter.email)));
    expect(amended.some((m) => m.subject.includes("amended") && m.subject.includes("version 2"))).toBe(true);
  });

  it("refuses a decision date before the interview, a malformed email and text past its limit, keeping the input", async () => {
    const interviewId = await newInterview({ startsAt: new Date("2026-03-10T15:00:00Z") });
    const draft = completeDebrief({ expectedDecisionOn: "2026-03-02", people: [debriefPerson({ email: "ines at client" })] });
    const r = await submit(submitDebriefAction, envelope(interviewId, null, draft));
    expectFieldError(r, "expectedDecisionOn", /before the interview/);
    expectFieldError(r, "people.0.email", /valid email/);
    expect(JSON.parse(r.values!.draft as string).people[0].email).toBe("ines at client");

    const long = await submit(saveDebriefDraftAction, envelope(interviewId, r.data!.version as number, { ...draft, wentWell: "x".repeat(4001) }));
    expect(long.ok).toBe(false);
    expectFieldError(long, "wentWell", /at most 4000/);
    expect(JSON.parse(long.values!.draft as string).wentWell).toHaveLength(4001);
  });

  it("refuses a debrief for a cancelled interview with a clear message", async () => {
    const interviewId = await newInterview({ status: "cancelled" });
    const r = await submit(saveDebriefDraftAction, envelope(interviewId, null, { ...emptyDebriefDraft(), wentWell: "typed" }));
    expect(r.ok).toBe(false);
    expect(r.formError).toMatch(/cancelled/);
    expect(JSON.parse(r.values!.draft as string).wentWell).toBe("typed");
    expect(await getMyDebrief(scopeOf(db(), a, a.candidateUser), interviewId)).toBeNull();
  });

  it("gives a candidate not-found for another candidate's interview, reading or writing", async () => {
    const othersInterview = await newInterview({ candidateId: a.otherCandidateId });
    const me = scopeOf(db(), a, a.candidateUser);
    const write = await submit(saveDebriefDraftAction, envelope(othersInterview, null, completeDebrief()));
    expect(write.ok).toBe(false);
    expect(write.formError).toBe(ERROR_MESSAGES.not_found);
    const submitted = await submit(submitDebriefAction, envelope(othersInterview, null, completeDebrief()));
    expect(submitted.formError).toBe(ERROR_MESSAGES.not_found);

    expect(await getMyInterview(me, othersInterview)).toBeNull();
    expect(await getMyDebrief(me, othersInterview)).toBeNull();
    expect(await getMyPlan(me, othersInterview)).toBeNull();
    expect(await listPlanSources(me, [othersInterview])).toEqual([]);
    expect((await setThankYouNote(me, { interviewId: othersInterview, contactId: a.contactId, sent: true, channel: "email" })).status).toBe(
      "not_found",
    );
    expect((await logCall(me, { interviewId: othersInterview, calledAt: new Date(), notes: "" })).status).toBe("not_found");
    expect((await listMyInterviews(me)).some((i) => i.id === othersInterview)).toBe(false);
    const rows = await db().select().from(s.debriefs).where(and(eq(s.debriefs.firmId, a.firmId), eq(s.debriefs.interviewId, othersInterview)));
    expect(rows).toEqual([]);

    // Another firm's candidate gets the same answer for this firm's interview.
    signedInAs(await sessionFor(db(), b, b.candidateUser));
    const foreign = await submit(saveDebriefDraftAction, envelope(a.interviewId, null, completeDebrief()));
    expect(foreign.formError).toBe(ERROR_MESSAGES.not_found);
  });

  it("refuses a debrief from staff (the candidate's own account)", async () => {
    signedInAs(await sessionFor(db(), a, a.recruiter));
    const r = await submit(saveDebriefDraftAction, envelope(a.interviewId, null, completeDebrief()));
    expect(r.ok).toBe(false);
    expect(await writeMyDebrief(scopeOf(db(), a, a.recruiter), { interviewId: a.interviewId, expectedVersion: null, content: () => ({ submit: false, fields: completeDebrief(), people: [] }) })).toEqual({
      status: "not_found",
    });
  });

  it("never gives the candidate interviewer feedback or internal notes", async () => {
    const interviewId = await newInterview();
    const [fb] = await db()
      .insert(s.interviewerFeedback)
      .values({
        firmId: a.firmId,
        interviewId,
        contactId: a.contactId,
        receivedAt: new Date(Date.now() - HOUR),
        recommendation: "definitely_not",
        takeaways: "SECRET-TAKEAWAY weak on systems",
        sharedSummary: "SECRET-SUMMARY",
        internalNotes: "SECRET-INTERNAL do not share",
        decision: "reject",
      })
      .returning({ id: s.interviewerFeedback.id });
    const [attribute] = await db()
      .insert(s.scorecardAttributes)
      .values({ firmId: a.firmId, category: "Skills", name: "Systems design" })
      .returning({ id: s.scorecardAttributes.id });
    await db().insert(s.feedbackRatings).values({ firmId: a.firmId, feedbackId: fb!.id, attributeId: attribute!.id, rating: "no", note: "SECRET-RATING" });
    const submitted = await submit(submitDebriefAction, envelope(interviewId, null, completeDebrief()));
    expect(submitted.ok).toBe(true);

    const me = scopeOf(db(), a, a.candidateUser);
    const everything = {
      interviews: await listMyInterviews(me),
      interview: await getMyInterview(me, interviewId),
      debrief: await getMyDebrief(me, interviewId),
      sources: await listPlanSources(me, [interviewId]),
      plans: await getMyPlans(me),
      plan: await getMyPlan(me, interviewId),
    };
    const text = JSON.stringify(everything);
    for (const secret of ["SECRET-TAKEAWAY", "SECRET-SUMMARY", "SECRET-INTERNAL", "SECRET-RATING", "INTERNAL: the client", "definitely_not"]) {
      expect(text.includes(secret), `candidate data carried ${secret}`).toBe(false);
    }
    for (const key of ["internalNotes", "takeaways", "sharedSummary", "recommendation", "rating", "\"notes\"", "reviewedBy"]) {
      expect(text.includes(key), `candidate data has a ${key} field`).toBe(false);
    }
    // Of the feedback, only that a decision arrived: the plan says the recruiter has news, never what it is.
    expect(everything.sources[0]?.progress).toMatchObject({ feedbackReceivedAt: null, debriefReviewedAt: null });
    expect(everything.sources[0]?.progress.decisionReceivedAt).toBeInstanceOf(Date);
    expect(text.includes("reject")).toBe(false);
    expect(everything.plan?.plan.decisionArrived).toBe(true);
    expect(everything.plan?.plan.steps.every((step) => step.kind !== "collect_feedback" && step.kind !== "chase_decision")).toBe(true);
    const wait = everything.plan?.plan.steps.find((step) => step.kind === "wait");
    expect(wait?.state).toBe("done");
    expect(wait?.reason).toMatch(/Your recruiter has news and will be in touch\.$/);
  });
});
