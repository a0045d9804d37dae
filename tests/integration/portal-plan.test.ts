import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { getMyDebrief } from "@/db/queries/debriefs";
import { listPlanSources } from "@/db/queries/plan-sources";
import { listPlanTasks } from "@/db/queries/plan-tasks";
import { submitDebriefAction } from "@/app/(candidate)/my/interviews/[id]/debrief/actions";
import { acceptInvitationAction, logCallAction, markThankYouAction } from "@/app/(candidate)/my/plan/actions";
import { getMyPlan, getMyPlans, myPlanIcs } from "@/lib/plans/candidate-plan";
import { syncPlan } from "@/lib/plans/sync";
import { ERROR_MESSAGES } from "@/lib/core/errors";
import type { DebriefDraft } from "@/lib/core/validation/debrief";
import { expectFieldError, submit } from "../helpers/actions";
import { signedInAs } from "../helpers/context";
import { useTwoFirms } from "../helpers/firms";
import { insertEndedInterview } from "../helpers/interviews";
import { completeDebrief, debriefPerson } from "../helpers/debriefs";
import { formData, scopeOf, sessionFor } from "../helpers/fixtures";
import { runJobs } from "../helpers/jobs";

const HOUR = 3_600_000;

describe("candidate portal: the follow-up plan and its tasks", () => {
  const { database, db, firms: { a, b } } = useTwoFirms({ requests: true, candidateSignedIn: true });

  beforeAll(() => {
  });

  const newInterview = (opts: { status?: s.InterviewStatus; endedHoursAgo?: number; candidateId?: string } = {}) =>
    insertEndedInterview(db(), a, { ...opts, endedHoursAgo: opts.endedHoursAgo ?? 2 });


  const complete = (over: Partial<DebriefDraft> = {}): DebriefDraft =>
    completeDebrief({
      interestLevel: 4,
      wentWell: "",
      notMentioned: "Kubernetes certification",
      timelineDetails: "",
      people: [debriefPerson({ contactId: a.contactId })],
      ...over,
    });


  async function file(interviewId: string, draft: DebriefDraft) {
    const current = await getMyDebrief(scopeOf(db(), a, a.candidateUser), interviewId);
    const r = await submit(
      submitDebriefAction,
      formData({ interviewId, version: current ? String(current.version) : "", draft: JSON.stringify(draft) }),
    );
    expect(r.ok, JSON.stringify(r)).toBe(true);
    // The tasks follow the submission as a job, which the app's runner runs right after the commit.
    await runJobs(database.current);
    return r;
  }

  async function tasksOf(interviewId: string) {
    return db()
      .select()
      .from(s.tasks)
      .where(and(eq(s.tasks.firmId, a.firmId), eq(s.tasks.interviewId, interviewId)));
  }

  it("stores the plan's steps as tasks when the debrief is submitted, owned by the right people", async () => {
    const interviewId = await newInterview();
    await file(interviewId, complete());
    const rows = await tasksOf(interviewId);
    const byKey = Object.fromEntries(rows.map((t) => [t.policyKey, t]));
    expect(Object.keys(byKey).sort()).toEqual(["collect_feedback", "debrief", "review_debrief", `thank_you:${a.contactId}`].sort());
    expect(byKey.debrief).toMatchObject({ state: "done", ownerKind: "candidate", ownerUserId: a.candidateUser.userId, rule: "rule 3" });
    expect(byKey[`thank_you:${a.contactId}`]).toMatchObject({ state: "open", ownerKind: "candidate", rule: "rule 2" });
    expect(byKey.review_debrief).toMatchObject({ state: "open", ownerKind: "recruiter", ownerUserId: a.recruiter.userId });
    expect(byKey.collect_feedback).toMatchObject({ ownerKind: "recruiter", ownerUserId: a.recruiter.userId, candidateId: a.candidateId });
    for (const t of rows) expect(t.applicationId).toBe(a.applicationId);
    // The thank-you note is due 24 hours after the interview ended (the firm's default).
    const iv = (await db().select().from(s.interviews).where(and(eq(s.interviews.firmId, a.firmId), eq(s.interviews.id, interviewId))))[0]!;
    expect(byKey[`thank_you:${a.contactId}`]!.dueAt?.getTime()).toBe(iv.endsAt.getTime() + 24 * HOUR);
  });

  it("keeps the debrief when the tasks cannot be stored, and its plan.sync job stores them once they can", async () => {
    const interviewId = await newInterview();
    // Storing this interview's tasks fails (a trigger refuses them), as a sync can on a bad day.
    await db().execute(sql.raw("create function refuse_tasks() returns trigger language plpgsql as $$ begin raise exception 'tasks are down'; end $$"));
    await db().execute(
      sql.raw(`create trigger refuse_tasks before insert on tasks for each row when (new.interview_id = '${interviewId}') execute function refuse_tasks()`),
    );
    const queued = async () =>
      (
        await db()
          .select()
          .from(s.backgroundJobs)
          .where(and(eq(s.backgroundJobs.firmId, a.firmId), eq(s.backgroundJobs.kind, "plan.sync")))
      ).filter((j) => j.payload.interviewId === interviewId);
    try {
      // The submission and its jobs commit; the runner's sync fails and is queued to run again.
      const r = await file(interviewId, complete());
      expect(r.message).toBe("Debrief sent to your recruiter.");
    } finally {
      await db().execute(sql.raw("drop trigger refuse_tasks on tasks"));
      await db().execute(sql.raw("drop function refuse_tasks()"));
    }
    expect((await getMyDebrief(scopeOf(db(), a, a.candidateUser), interviewId))?.status).toBe("submitted");
    expect(await tasksOf(interviewId)).toEqual([]);
    const jobs = await queued();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      state: "queued",
      attempts: 1,
      payload: { interviewId, userId: a.candidateUser.userId, debriefVersion: 1 },
      lastError: expect.stringContaining(`insert into "tasks"`),
    });

    // Its retry is due later: then the tasks are stored.
    expect((await runJobs(database.current, () => new Date(Date.now() + 10 * 60_000))).failed).toBe(0);
    expect((await queued())[0]).toMatchObject({ id: jobs[0]!.id, state: "done" });
    const rows = await tasksOf(interviewId);
    expect(rows.map((t) => t.policyKey).sort()).toEqual(["collect_feedback", "debrief", "review_debrief", `thank_you:${a.contactId}`].sort());
  });

  it("re-running the sync changes nothing and never duplicates a task", async () => {
    const interviewId = await newInterview();
    await file(interviewId, complete());
    const before = await tasksOf(interviewId);
    const staff = scopeOf(db(), a, a.recruiter);
    const again = await syncPlan(staff, interviewId);
    const third = await syncPlan(scopeOf(db(), a, a.candidateUser), interviewId);
    const nothing = { status: "stored", created: [], updated: [], completed: [], skipped: [], reopened: [], rekeyed: [] };
    expect(again).toEqual(nothing);
    expect(third).toEqual(nothing);
    const after = await tasksOf(interviewId);
    expect(after.map((t) => [t.id, t.version, t.state]).sort()).toEqual(before.map((t) => [t.id, t.version, t.state]).sort());
  });

  it("never resurrects a task someone completed or skipped, and skips open ones whose step left the plan", async () => {
    const interviewId = await newInterview();
    const first = await file(interviewId, complete({ callInvitation: "no_date", invitedBack: true, invitedBackDetails: "Meet the team" }));
    let rows = await tasksOf(interviewId);
    expect(rows.map((t) => t.policyKey)).toEqual(expect.arrayContaining(["call", "accept_invitation"]));

    // The recruiter completes the feedback task by hand and skips the review.
    await db()
      .update(s.tasks)
      .set({ state: "done", completedAt: new Date(), completedBy: a.recruiter.userId })
      .where(and(eq(s.tasks.firmId, a.firmId), eq(s.tasks.interviewId, interviewId), eq(s.tasks.policyKey, "collect_feedback")));
    await db()
      .update(s.tasks)
      .set({ state: "skipped", completedAt: new Date(), completedBy: a.recruiter.userId })
      .where(and(eq(s.tasks.firmId, a.firmId), eq(s.tasks.interviewId, interviewId), eq(s.tasks.policyKey, "review_debrief")));
    // The candidate accepted the invitation (its task is done).
    signedInAs(await sessionFor(db(), a, a.candidateUser));
    const accepted = await submit(acceptInvitationAction, formData({ interviewId }));
    expect(accepted.ok, JSON.stringify(accepted)).toBe(true);

    // The amendment takes the call and the invitation out of the plan.
    await file(interviewId, complete({ callInvitation: "none", invitedBack: false }));
    expect(first.data?.versionNumber).toBe(1);
    rows = await tasksOf(interviewId);
    const state = Object.fromEntries(rows.map((t) => [t.policyKey, t.state]));
    expect(state.collect_feedback).toBe("done");
    expect(state.review_debrief).toBe("skipped");
    // Done stays done even though the step left the plan; the open call task is skipped, with why.
    expect(state.accept_invitation).toBe("done");
    const callTask = rows.find((t) => t.policyKey === "call");
    expect(callTask).toMatchObject({ state: "skipped", skipReason: "No longer needed: the debrief was amended", completedBy: null });

    // Back in the plan: the same call task reopens; done and skipped (by a person) stay as they are.
    await file(interviewId, complete({ callInvitation: "no_date" }));
    rows = await tasksOf(interviewId);
    expect(rows.filter((t) => t.policyKey === "call").map((t) => [t.id, t.state, t.skipReason])).toEqual([[callTask!.id, "open", null]]);
    expect(rows.find((t) => t.policyKey === "review_debrief")?.state).toBe("skipped");
    expect(rows.filter((t) => t.policyKey === "collect_feedback")).toHaveLength(1);
    expect(new Set(rows.map((t) => t.policyKey)).size).toBe(rows.length);
  });

  it("completes a candidate's open task when the plan says the step is done, keeping a reassignment", async () => {
    const interviewId = await newInterview();
    await file(interviewId, complete());
    // The recruiter hands the feedback task to the admin; a later sync keeps that.
    await db()
      .update(s.tasks)
      .set({ ownerUserId: a.admin.userId })
      .where(and(eq(s.tasks.firmId, a.firmId), eq(s.tasks.interviewId, interviewId), eq(s.tasks.policyKey, "collect_feedback")));
    const r = await submit(markThankYouAction, formData({ interviewId, contactId: a.contactId, sent: "true", channel: "email" }));
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const rows = await tasksOf(interviewId);
    expect(rows.find((t) => t.policyKey === `thank_you:${a.contactId}`)).toMatchObject({ state: "done" });
    expect(rows.find((t) => t.policyKey === "collect_feedback")?.ownerUserId).toBe(a.admin.userId);
    const debrief = await getMyDebrief(scopeOf(db(), a, a.candidateUser), interviewId);
    expect(debrief?.people[0]).toMatchObject({ thankYouSent: true, thankYouChannel: "email" });
    // A tick is not an amendment in progress.
    expect(debrief!.lastSavedAt!.getTime()).toBeLessThanOrEqual(debrief!.submittedAt!.getTime());
  });

  it("ticks a thank-you note before any debrief, starting the draft with the scheduled interviewers", async () => {
    const interviewId = await newInterview();
    const plan = await getMyPlan(scopeOf(db(), a, a.candidateUser), interviewId);
    const step = plan!.plan.steps.find((st) => st.kind === "thank_you");
    expect(step?.thankYou).toMatchObject({ personName: "Ines Interviewer", contactId: a.contactId, personId: null });
    const r = await submit(markThankYouAction, formData({ interviewId, contactId: a.contactId, sent: "true", channel: "linkedin" }));
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const debrief = await getMyDebrief(scopeOf(db(), a, a.candidateUser), interviewId);
    expect(debrief?.status).toBe("draft");
    expect(debrief?.people).toHaveLength(1);
    expect(debrief?.people[0]).toMatchObject({ contactId: a.contactId, name: "Ines Interviewer", thankYouSent: true, thankYouChannel: "linkedin" });
    const after = await getMyPlan(scopeOf(db(), a, a.candidateUser), interviewId);
    expect(after!.plan.steps.find((st) => st.kind === "thank_you")?.state).toBe("done");
  });

  it("shows the thank-you notes due within 24 hours of the interview's end, and suggests what to add", async () => {
    // The newest round of the application is the one whose plan the candidate follows.
    const interviewId = await newInterview({ endedHoursAgo: 0.5 });
    await file(interviewId, complete());
    const plans = await getMyPlans(scopeOf(db(), a, a.candidateUser));
    const plan = plans!.plans.find((p) => p.interview.id === interviewId)!;
    const note = plan.steps.find((st) => st.kind === "thank_you")!;
    expect(note.state).toBe("due");
    expect(note.dueAt!.getTime()).toBe(plan.interview.endsAt.getTime() + 24 * HOUR);
    expect(note.suggestions).toEqual(["Kubernetes certification"]);
    expect(plan.steps.map((st) => st.kind)).toEqual(expect.arrayContaining(["no_call", "no_visit", "wait"]));
    expect(plan.steps.every((st) => st.kind !== "review_debrief")).toBe(true);
  });

  it("keeps the recruiter's deadlines when an amendment repeats the facts: they count from the first submission", async () => {
    const interviewId = await newInterview({ endedHoursAgo: 30 });
    const facts = { timelineGiven: "no" as const, invitedBack: true, invitedBackDetails: "Meet the team" };
    await file(interviewId, complete(facts));
    const due = async () =>
      Object.fromEntries(
        (await tasksOf(interviewId))
          .filter((t) => ["get_timeline", "accept_invitation", "review_debrief", "collect_feedback"].includes(t.policyKey ?? ""))
          .map((t) => [t.policyKey, t.dueAt?.toISOString() ?? null]),
      );
    const before = await due();
    expect(Object.keys(before).sort()).toEqual(["accept_invitation", "collect_feedback", "get_timeline", "review_debrief"]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await file(interviewId, complete({ ...facts, wentWell: "Remembered later: the whiteboard round went well." }));
    expect(await due()).toEqual(before);
  });

  it("reads a hold as no decision, and a next round as one, when ending the candidate's wait", async () => {
    const interviewId = await newInterview();
    await file(interviewId, complete({ expectedDecisionOn: null, callInvitation: "if_no_news", callBy: new Date(Date.now() + 10 * 24 * HOUR).toISOString().slice(0, 10) }));
    const feedback = (decision: s.InterviewerFeedback["decision"], hoursAgo: number) =>
      db().insert(s.interviewerFeedback).values({ firmId: a.firmId, interviewId, contactId: a.contactId, receivedAt: new Date(Date.now() - hoursAgo * HOUR), decision });
    const waitOf = async () => (await getMyPlan(scopeOf(db(), a, a.candidateUser), interviewId))!.plan.steps.find((st) => st.kind === "wait")!;
    await feedback("hold", 1);
    expect((await listPlanSources(scopeOf(db(), a, a.recruiter), [interviewId]))[0]!.progress.decisionReceivedAt).toBeNull();
    expect((await waitOf()).state).toBe("waiting");
    await feedback("next_round", 0.5);
    const decidedAt = (await listPlanSources(scopeOf(db(), a, a.recruiter), [interviewId]))[0]!.progress.decisionReceivedAt;
    expect(decidedAt).toBeInstanceOf(Date);
    expect(Date.now() - decidedAt!.getTime()).toBeLessThan(HOUR);
    const wait = await waitOf();
    expect(wait.state).toBe("done");
    expect(wait.reason).toMatch(/Your recruiter has news and will be in touch\.$/);
    const call = (await getMyPlan(scopeOf(db(), a, a.candidateUser), interviewId))!.plan.steps.find((st) => st.kind === "call")!;
    expect(call.state).toBe("not_allowed");
  });

  it("warns the recruiter on a second logged call: an email and a rule 4 task", async () => {
    const interviewId = await newInterview({ endedHoursAgo: 1 });
    await file(interviewId, complete({ callInvitation: "no_date" }));
    const one = await submit(logCallAction, formData({ interviewId, contactId: a.contactId, calledAt: "", notes: "Left a message" }));
    expect(one.ok, JSON.stringify(one)).toBe(true);
    // An invitation without a date opens the call the morning after the interview: an hour after it is too early.
    expect(one.message).toMatch(/outside the window your plan gave for the one call/);
    const mailsAfterOne = await db().select().from(s.emailOutbox).where(and(eq(s.emailOutbox.firmId, a.firmId), eq(s.emailOutbox.to, a.recruiter.email)));
    expect(mailsAfterOne.some((m) => m.subject.includes("has called"))).toBe(false);

    const two = await submit(logCallAction, formData({ interviewId, contactId: a.contactId, notes: "Called again" }));
    expect(two.ok).toBe(true);
    expect(two.message).toMatch(/recruiter has been told/);
    const mails = await db().select().from(s.emailOutbox).where(and(eq(s.emailOutbox.firmId, a.firmId), eq(s.emailOutbox.to, a.recruiter.email)));
    const warning = mails.filter((m) => m.subject === `${a.candidateUser.name} has called Client of ${a.slug} 2 times`);
    expect(warning).toHaveLength(1);
    expect(warning[0]!.text).toContain("rule 4");
    const rows = await tasksOf(interviewId);
    const task = rows.find((t) => t.policyKey?.startsWith("call_warning:"));
    expect(task).toMatchObject({ rule: "rule 4", ownerKind: "recruiter", ownerUserId: a.recruiter.userId, state: "open" });
    // The call step is done; the sync leaves the warning task alone.
    expect(rows.find((t) => t.policyKey === "call")?.state).toBe("done");
    await syncPlan(scopeOf(db(), a, a.recruiter), interviewId);
    expect((await tasksOf(interviewId)).find((t) => t.id === task!.id)?.state).toBe("open");
    const plan = await getMyPlan(scopeOf(db(), a, a.candidateUser), interviewId);
    expect(plan!.plan.callCount).toBe(2);
    expect(plan!.plan.notices.join(" ")).toMatch(/more than once/);
  });

  it("refuses a call logged in the future or before the interview, next to the field", async () => {
    const interviewId = await newInterview();
    const future = await submit(logCallAction, formData({ interviewId, calledAt: "2999-01-01T10:00" }));
    expectFieldError(future, "calledAt", /in the future/);
    const before = await submit(logCallAction, formData({ interviewId, calledAt: "2001-01-01T10:00", notes: "kept" }));
    expectFieldError(before, "calledAt", /before the interview/);
    expect(before.values?.notes).toBe("kept");
  });

  it("skips a cancelled interview's open tasks with the reason and keeps the done ones", async () => {
    const interviewId = await newInterview();
    await file(interviewId, complete());
    await db()
      .update(s.interviews)
      .set({ status: "cancelled" })
      .where(and(eq(s.interviews.firmId, a.firmId), eq(s.interviews.id, interviewId)));
    const r = await syncPlan(scopeOf(db(), a, a.admin), interviewId);
    expect(r.status).toBe("stored");
    const rows = await tasksOf(interviewId);
    expect(rows.filter((t) => t.state !== "skipped").map((t) => [t.policyKey, t.state])).toEqual([["debrief", "done"]]);
    for (const t of rows.filter((x) => x.state === "skipped")) expect(t.skipReason).toBe("No longer needed: interview cancelled");
  });

  it("stores no tasks for an interview that has not happened, and nothing for another candidate or firm", async () => {
    const future = await newInterview({ endedHoursAgo: -48, status: "scheduled" });
    expect(await syncPlan(scopeOf(db(), a, a.recruiter), future)).toMatchObject({ status: "stored", created: [] });
    expect(await tasksOf(future)).toEqual([]);

    const others = await newInterview({ candidateId: a.otherCandidateId });
    expect(await syncPlan(scopeOf(db(), a, a.candidateUser), others)).toEqual({ status: "not_found" });
    expect(await syncPlan(scopeOf(db(), b, b.admin), a.interviewId)).toEqual({ status: "not_found" });
    expect(await tasksOf(others)).toEqual([]);
    expect(await tasksOf(a.interviewId)).toEqual([]);
    expect(await listPlanTasks(scopeOf(db(), b, b.admin), a.interviewId)).toEqual([]);
  });

  it("lets a candidate mark an invitation accepted only when the plan has one", async () => {
    const interviewId = await newInterview();
    await file(interviewId, complete());
    const none = await submit(acceptInvitationAction, formData({ interviewId }));
    expect(none.formError).toMatch(/no invitation to accept/);
    await file(interviewId, complete({ invitedBack: true, invitedBackDetails: "A tour of the office" }));
    const ok = await submit(acceptInvitationAction, formData({ interviewId }));
    expect(ok.ok).toBe(true);
    const plan = await getMyPlan(scopeOf(db(), a, a.candidateUser), interviewId);
    expect(plan!.plan.steps.find((st) => st.kind === "accept_invitation")?.state).toBe("done");
    const others = await newInterview({ candidateId: a.otherCandidateId });
    expect((await submit(acceptInvitationAction, formData({ interviewId: others }))).formError).toBe(ERROR_MESSAGES.not_found);
  });

  it("downloads the candidate's own open steps as a calendar", async () => {
    const interviewId = await newInterview({ endedHoursAgo: 1 });
    await file(interviewId, complete());
    const ics = await myPlanIcs(scopeOf(db(), a, a.candidateUser), interviewId);
    expect(ics?.body).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics?.body).toContain("SUMMARY:Send a thank-you note to Ines Interviewer");
    expect(ics?.body).not.toContain("Collect the interviewer");
    expect(ics?.filename).toMatch(/^follow-up-client-of-.*-onsite\.ics$/);
    expect(await myPlanIcs(scopeOf(db(), a, a.recruiter), interviewId)).toBeNull();
    expect(await myPlanIcs(scopeOf(db(), b, b.candidateUser), interviewId)).toBeNull();
  });
});
