import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { listQueueItems } from "@/db/queries/dashboard";
import { getMyDebrief } from "@/db/queries/debriefs";
import { skipTask } from "@/db/queries/tasks";
import { submitDebriefAction } from "@/app/(candidate)/my/interviews/[id]/debrief/actions";
import { markThankYouAction } from "@/app/(candidate)/my/plan/actions";
import { confirmPersonAction, deleteFeedbackAction, mergePersonAction, saveFeedbackAction } from "@/app/(staff)/_components/review/actions";
import { updateInterviewStatusAction } from "@/app/(staff)/interviews/actions";
import { moveApplicationAction } from "@/app/(staff)/jobs/application-actions";
import { rescheduleInterview } from "@/lib/interviews/reschedule-interview";
import { getMyPlan } from "@/lib/plans/candidate-plan";
import { toLocalDateTimeValue } from "@/lib/core/validation/feedback";
import type { DebriefDraft } from "@/lib/core/validation/debrief";
import { submit } from "../helpers/actions";
import { signedInAs } from "../helpers/context";
import { completeDebrief, debriefPerson } from "../helpers/debriefs";
import { useTwoFirms } from "../helpers/firms";
import { formData, scopeOf, sessionFor, type TestFirm } from "../helpers/fixtures";
import { insertEndedInterview } from "../helpers/interviews";
import { runJobs } from "../helpers/jobs";

const HOUR = 3_600_000;
const ZONE = "America/New_York";

/**
 * The plan follows the interview and the application: every change that can
 * change a plan re-syncs its tasks in the same transaction; a task no longer
 * needed is skipped with its reason (never deleted), comes back as the same
 * task when its step does, and keeps its identity when a person met becomes a
 * contact. The dashboard's queue follows.
 */
describe("the follow-up plan through an interview's and an application's changes", () => {
  const { database, db, firms } = useTwoFirms({ requests: true });
  let a: TestFirm;

  beforeAll(() => {
    ({ a } = firms);
  });

  let jobCount = 0;
  /** An application of firm A's candidate (to a job of its own), so each test moves only its own. */
  async function newApplication(): Promise<string> {
    jobCount += 1;
    const [job] = await db()
      .insert(s.jobs)
      .values({ firmId: a.firmId, clientId: a.clientId, title: `Lifecycle role ${jobCount}`, ownerUserId: a.recruiter.userId })
      .returning({ id: s.jobs.id });
    const [app] = await db()
      .insert(s.applications)
      .values({ firmId: a.firmId, candidateId: a.candidateId, jobId: job!.id, stage: "interviewing", recruiterUserId: a.recruiter.userId })
      .returning({ id: s.applications.id });
    return app!.id;
  }

  const newInterview = (applicationId: string, opts: { status?: s.InterviewStatus; endedHoursAgo?: number } = {}) =>
    insertEndedInterview(db(), { ...a, applicationId }, { endedHoursAgo: opts.endedHoursAgo ?? 2, status: opts.status });

  const asCandidate = async () => signedInAs(await sessionFor(db(), a, a.candidateUser));
  const asRecruiter = async () => signedInAs(await sessionFor(db(), a, a.recruiter));

  const debrief = (over: Partial<DebriefDraft> = {}): DebriefDraft =>
    completeDebrief({ people: [debriefPerson({ contactId: a.contactId })], ...over });

  async function file(interviewId: string, draft: DebriefDraft) {
    await asCandidate();
    const current = await getMyDebrief(scopeOf(db(), a, a.candidateUser), interviewId);
    const r = await submit(
      submitDebriefAction,
      formData({ interviewId, version: current ? String(current.version) : "", draft: JSON.stringify(draft) }),
    );
    expect(r.ok, JSON.stringify(r)).toBe(true);
    // The tasks follow the submission as a job, which the app's runner runs right after the commit.
    await runJobs(database.current);
  }

  async function tasksOf(interviewId: string) {
    const rows = await db()
      .select()
      .from(s.tasks)
      .where(and(eq(s.tasks.firmId, a.firmId), eq(s.tasks.interviewId, interviewId)));
    return Object.fromEntries(rows.map((t) => [t.policyKey!, t]));
  }

  async function interviewVersion(id: string) {
    const [row] = await db().select({ version: s.interviews.version }).from(s.interviews).where(eq(s.interviews.id, id));
    return String(row!.version);
  }

  async function setStatus(interviewId: string, status: s.InterviewStatus) {
    await asRecruiter();
    const r = await submit(updateInterviewStatusAction, formData({ id: interviewId, version: await interviewVersion(interviewId), status }));
    expect(r.ok, JSON.stringify(r)).toBe(true);
  }

  async function moveTo(applicationId: string, stage: s.Stage, reason = "") {
    await asRecruiter();
    const [row] = await db().select({ version: s.applications.version }).from(s.applications).where(eq(s.applications.id, applicationId));
    const r = await submit(moveApplicationAction, formData({ id: applicationId, version: String(row!.version), stage, reason }));
    expect(r.ok, JSON.stringify(r)).toBe(true);
  }

  const queueFor = async (interviewId: string) =>
    (await listQueueItems(scopeOf(db(), a, a.recruiter), { view: "everyone" })).filter((item) => item.interviewId === interviewId);

  /** The open tasks' ids and keys before a change, to check the change keeps them. */
  const idsOf = (tasks: Record<string, { id: string }>) => Object.fromEntries(Object.entries(tasks).map(([k, t]) => [k, t.id]));

  it("skips a debriefed interview's open tasks when it is cancelled, keeps the done ones, and reopens the same tasks when it is put back", async () => {
    const app = await newApplication();
    // Ten days ago: the client's feedback is overdue, the debrief waits for review.
    const interviewId = await newInterview(app, { status: "scheduled", endedHoursAgo: 240 });
    await file(interviewId, debrief());
    const before = await tasksOf(interviewId);
    expect(Object.keys(before).sort()).toEqual(["collect_feedback", "debrief", "review_debrief", `thank_you:${a.contactId}`].sort());
    expect((await queueFor(interviewId)).map((i) => i.kind).sort()).toEqual(["debrief_to_review", "feedback_overdue"]);

    await setStatus(interviewId, "cancelled");
    const cancelled = await tasksOf(interviewId);
    expect(idsOf(cancelled)).toEqual(idsOf(before));
    expect(cancelled.debrief).toMatchObject({ state: "done", skipReason: null });
    for (const key of ["collect_feedback", "review_debrief", `thank_you:${a.contactId}`]) {
      expect(cancelled[key], key).toMatchObject({ state: "skipped", skipReason: "No longer needed: interview cancelled", completedBy: null });
      expect(cancelled[key]!.completedAt).toBeInstanceOf(Date);
    }
    // Neither "Debrief … to review" nor "Collect the interviewer's feedback" for a round that did not happen.
    expect(await queueFor(interviewId)).toEqual([]);

    // Rescheduled (back to scheduled, its debrief still submitted): the same tasks are open again.
    await setStatus(interviewId, "scheduled");
    const back = await tasksOf(interviewId);
    expect(idsOf(back)).toEqual(idsOf(before));
    for (const key of ["collect_feedback", "review_debrief", `thank_you:${a.contactId}`]) {
      expect(back[key], key).toMatchObject({ state: "open", skipReason: null, completedAt: null });
    }
    expect(back.debrief!.state).toBe("done");
    expect((await queueFor(interviewId)).map((i) => i.kind)).toContain("debrief_to_review");
  });

  it("skips the open tasks of a no-show with its own reason, and reopens them when the interview is marked completed", async () => {
    const app = await newApplication();
    const interviewId = await newInterview(app, { status: "scheduled", endedHoursAgo: 240 });
    await file(interviewId, debrief());
    const before = await tasksOf(interviewId);

    await setStatus(interviewId, "no_show");
    const missed = await tasksOf(interviewId);
    expect(idsOf(missed)).toEqual(idsOf(before));
    expect(missed.review_debrief).toMatchObject({ state: "skipped", skipReason: "No longer needed: interview marked no-show" });
    expect(missed.collect_feedback).toMatchObject({ state: "skipped", skipReason: "No longer needed: interview marked no-show" });
    expect(missed.debrief!.state).toBe("done");
    expect(await queueFor(interviewId)).toEqual([]);

    await setStatus(interviewId, "completed");
    const completed = await tasksOf(interviewId);
    expect(idsOf(completed)).toEqual(idsOf(before));
    expect(completed.review_debrief).toMatchObject({ state: "open", skipReason: null });
    expect(completed.collect_feedback).toMatchObject({ state: "open", skipReason: null });
  });

  it("moves the thank-you deadline with a rescheduled interview, on the same task", async () => {
    const app = await newApplication();
    const interviewId = await newInterview(app, { status: "scheduled", endedHoursAgo: 3 });
    await file(interviewId, debrief());
    const before = await tasksOf(interviewId);
    const key = `thank_you:${a.contactId}`;
    const [iv] = await db().select().from(s.interviews).where(eq(s.interviews.id, interviewId));
    const later = new Date(iv!.endsAt.getTime() + 2 * HOUR);
    const r = await rescheduleInterview(scopeOf(db(), a, a.recruiter), {
      id: interviewId,
      version: iv!.version,
      kind: iv!.kind,
      startsAt: new Date(later.getTime() - HOUR),
      endsAt: later,
      location: "",
      videoUrl: "",
      arrangedByFirm: iv!.arrangedByFirm,
      notes: "",
      contactIds: [a.contactId],
    });
    expect(r.ok).toBe(true);
    const after = await tasksOf(interviewId);
    expect(after[key]!.id).toBe(before[key]!.id);
    expect(after[key]!.state).toBe("open");
    // 24 hours after the new end (the firm's default), where it was 24 hours after the old one.
    expect(after[key]!.dueAt!.getTime()).toBe(later.getTime() + 24 * HOUR);
    expect(before[key]!.dueAt!.getTime()).toBe(iv!.endsAt.getTime() + 24 * HOUR);
  });

  it("skips every round's open tasks when the application is withdrawn, and reopens them when it is back in play", async () => {
    const app = await newApplication();
    const first = await newInterview(app, { endedHoursAgo: 240 });
    const second = await newInterview(app, { endedHoursAgo: 30 });
    await file(first, debrief());
    await file(second, debrief());
    const before = [await tasksOf(first), await tasksOf(second)];
    expect((await queueFor(first)).map((i) => i.kind)).toContain("debrief_to_review");

    await moveTo(app, "withdrawn", "Took another offer");
    for (const [i, id] of [first, second].entries()) {
      const rows = await tasksOf(id);
      expect(idsOf(rows)).toEqual(idsOf(before[i]!));
      expect(rows.review_debrief).toMatchObject({ state: "skipped", skipReason: "No longer needed: application withdrawn" });
      expect(rows[`thank_you:${a.contactId}`]).toMatchObject({ state: "skipped", skipReason: "No longer needed: application withdrawn" });
      expect(rows.debrief!.state).toBe("done");
      expect(await queueFor(id)).toEqual([]);
    }

    await moveTo(app, "interviewing");
    for (const [i, id] of [first, second].entries()) {
      const rows = await tasksOf(id);
      expect(idsOf(rows)).toEqual(idsOf(before[i]!));
      expect(rows.review_debrief).toMatchObject({ state: "open", skipReason: null });
    }
  });

  async function recordDecision(interviewId: string, decision: string) {
    await asRecruiter();
    const fields = {
      interviewId,
      timeZone: ZONE,
      contactId: a.contactId,
      receivedAt: toLocalDateTimeValue(new Date(Date.now() - HOUR), ZONE),
      channel: "call",
      recommendation: decision === "reject" ? "no" : "yes",
      takeaways: "",
      sharedSummary: "",
      internalNotes: "",
      decision,
    };
    const ask = await submit(saveFeedbackAction, formData(fields));
    const confirmed = ask.data?.confirm
      ? await submit(saveFeedbackAction, formData({ ...fields, ...(ask.values as Record<string, string>), confirm: "1" }))
      : ask;
    expect(confirmed.ok, JSON.stringify(confirmed)).toBe(true);
    return (confirmed.data as { feedbackId: string }).feedbackId;
  }

  it("completes the feedback step and ends the candidate's wait when the client decides, without telling the candidate what", async () => {
    const app = await newApplication();
    const interviewId = await newInterview(app, { endedHoursAgo: 30 });
    await file(interviewId, debrief());
    const me = scopeOf(db(), a, a.candidateUser);
    const waiting = (await getMyPlan(me, interviewId))!.plan;
    expect(waiting.decisionArrived).toBe(false);
    expect(waiting.steps.find((st) => st.kind === "wait")?.state).toBe("waiting");

    await recordDecision(interviewId, "next_round");
    const rows = await tasksOf(interviewId);
    expect(rows.collect_feedback!.state).toBe("done");
    expect(rows.review_debrief!.state).toBe("open");
    expect((await queueFor(interviewId)).map((i) => i.kind)).not.toContain("feedback_overdue");
    const plan = (await getMyPlan(me, interviewId))!.plan;
    expect(plan.decisionArrived).toBe(true);
    expect(plan.steps.find((st) => st.kind === "wait")?.state).toBe("done");
    expect(JSON.stringify(plan)).not.toMatch(/next.round/i);
  });

  it("takes the decision back from the candidate's plan when the feedback that carried it is deleted", async () => {
    const app = await newApplication();
    const interviewId = await newInterview(app, { endedHoursAgo: 30 });
    await file(interviewId, debrief());
    const feedbackId = await recordDecision(interviewId, "next_round");
    const me = scopeOf(db(), a, a.candidateUser);
    expect((await getMyPlan(me, interviewId))!.plan.decisionArrived).toBe(true);
    const [fb] = await db().select({ version: s.interviewerFeedback.version }).from(s.interviewerFeedback).where(eq(s.interviewerFeedback.id, feedbackId));
    await asRecruiter();
    const r = await submit(deleteFeedbackAction, formData({ feedbackId, version: String(fb!.version), interviewId }));
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const plan = (await getMyPlan(me, interviewId))!.plan;
    expect(plan.decisionArrived).toBe(false);
    expect(plan.steps.find((st) => st.kind === "wait")?.state).toBe("waiting");
    // What the recruiter did stays done.
    expect((await tasksOf(interviewId)).collect_feedback!.state).toBe("done");
  });

  it("closes every round of the application when the client's decision rejects it", async () => {
    const app = await newApplication();
    const earlier = await newInterview(app, { endedHoursAgo: 300 });
    const interviewId = await newInterview(app, { endedHoursAgo: 30 });
    await file(earlier, debrief());
    await file(interviewId, debrief());
    const before = [await tasksOf(earlier), await tasksOf(interviewId)];

    await recordDecision(interviewId, "reject");
    const rows = await tasksOf(interviewId);
    expect(idsOf(rows)).toEqual(idsOf(before[1]!));
    expect(rows.collect_feedback!.state).toBe("done");
    expect(rows.review_debrief).toMatchObject({ state: "skipped", skipReason: "No longer needed: application rejected" });
    // The earlier round of the same application is closed too.
    const older = await tasksOf(earlier);
    expect(idsOf(older)).toEqual(idsOf(before[0]!));
    expect(older.review_debrief).toMatchObject({ state: "skipped", skipReason: "No longer needed: application rejected" });
    expect(older.collect_feedback).toMatchObject({ state: "skipped", skipReason: "No longer needed: application rejected" });
    expect(await queueFor(interviewId)).toEqual([]);
    expect(await queueFor(earlier)).toEqual([]);
  });

  it("keeps a promised decision overdue on the dashboard when the client only puts the candidate on hold", async () => {
    const app = await newApplication();
    const interviewId = await newInterview(app, { endedHoursAgo: 240 });
    const promised = new Date(Date.now() - 5 * 24 * HOUR).toISOString().slice(0, 10);
    await file(interviewId, debrief({ timelineGiven: "yes", timelineDetails: "Within the week.", expectedDecisionOn: promised }));
    expect((await queueFor(interviewId)).map((i) => i.kind)).toContain("decision_overdue");
    await recordDecision(interviewId, "hold");
    // A hold is not a decision: the promise is still late.
    expect((await queueFor(interviewId)).map((i) => i.kind)).toContain("decision_overdue");
    await recordDecision(interviewId, "offer");
    expect((await queueFor(interviewId)).map((i) => i.kind)).not.toContain("decision_overdue");
  });

  it("records feedback without a decision: the feedback step is done and the candidate still waits", async () => {
    const app = await newApplication();
    const interviewId = await newInterview(app, { endedHoursAgo: 30 });
    await file(interviewId, debrief());
    await asRecruiter();
    const r = await submit(
      saveFeedbackAction,
      formData({
        interviewId,
        timeZone: ZONE,
        contactId: a.contactId,
        receivedAt: toLocalDateTimeValue(new Date(Date.now() - HOUR), ZONE),
        channel: "email",
        recommendation: "yes",
        decision: "",
      }),
    );
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const rows = await tasksOf(interviewId);
    expect(rows.collect_feedback!.state).toBe("done");
    expect(rows.review_debrief!.state).toBe("open");
    expect((await getMyPlan(scopeOf(db(), a, a.candidateUser), interviewId))!.plan.decisionArrived).toBe(false);
  });

  it("keeps a ticked thank-you task when the recruiter confirms the person met as a new contact", async () => {
    const app = await newApplication();
    const interviewId = await newInterview(app);
    const person = debriefPerson({ name: "Paul Panelist", email: "paul@client.example" });
    await file(interviewId, debrief({ people: [person] }));
    await asCandidate();
    const tick = await submit(markThankYouAction, formData({ interviewId, personId: person.id, sent: "true", channel: "email" }));
    expect(tick.ok, JSON.stringify(tick)).toBe(true);
    const before = await tasksOf(interviewId);
    const task = before[`thank_you:${person.id}`]!;
    expect(task.state).toBe("done");

    await asRecruiter();
    const r = await submit(
      confirmPersonAction,
      formData({ interviewId, personId: person.id, name: "Paul Panelist", title: "Staff Engineer", email: "paul@client.example", phone: "" }),
    );
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const contactId = (r.data as { contactId: string }).contactId;
    const after = await tasksOf(interviewId);
    const thankYous = Object.values(after).filter((t) => t.policyKey!.startsWith("thank_you:"));
    expect(thankYous.map((t) => [t.id, t.policyKey, t.state])).toEqual([[task.id, `thank_you:${contactId}`, "done"]]);
  });

  it("keeps an open thank-you task when the person met is merged with an existing contact", async () => {
    const app = await newApplication();
    const interviewId = await newInterview(app);
    const [contact] = await db()
      .insert(s.contacts)
      .values({ firmId: a.firmId, clientId: a.clientId, name: "Hana Hiring", title: "Director", email: `hana-${app}@client.example` })
      .returning({ id: s.contacts.id });
    const person = debriefPerson({ name: "Hana H.", email: "" });
    await file(interviewId, debrief({ people: [person] }));
    const task = (await tasksOf(interviewId))[`thank_you:${person.id}`]!;
    expect(task.state).toBe("open");

    await asRecruiter();
    const r = await submit(mergePersonAction, formData({ interviewId, personId: person.id, contactId: contact!.id }));
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const after = await tasksOf(interviewId);
    const thankYous = Object.values(after).filter((t) => t.policyKey!.startsWith("thank_you:"));
    expect(thankYous.map((t) => [t.id, t.policyKey, t.state, t.dueAt?.getTime()])).toEqual([
      [task.id, `thank_you:${contact!.id}`, "open", task.dueAt?.getTime()],
    ]);
  });

  it("skips a step an amendment takes out of the plan, reopens it when it comes back, and leaves a person's skip alone", async () => {
    const app = await newApplication();
    const interviewId = await newInterview(app);
    await file(interviewId, debrief({ timelineGiven: "no", timelineDetails: "" }));
    const timeline = (await tasksOf(interviewId)).get_timeline!;
    expect(timeline.state).toBe("open");

    await file(interviewId, debrief({ timelineGiven: "yes", timelineDetails: "By Friday." }));
    expect((await tasksOf(interviewId)).get_timeline).toMatchObject({
      id: timeline.id,
      state: "skipped",
      skipReason: "No longer needed: the debrief was amended",
    });

    await file(interviewId, debrief({ timelineGiven: "no", timelineDetails: "" }));
    const reopened = (await tasksOf(interviewId)).get_timeline!;
    expect(reopened).toMatchObject({ id: timeline.id, state: "open", skipReason: null, completedAt: null });

    // The recruiter skips it: no amendment brings it back.
    const skipped = await skipTask(scopeOf(db(), a, a.recruiter), { id: reopened.id, version: reopened.version });
    expect(skipped).not.toBe("not_found");
    await file(interviewId, debrief({ timelineGiven: "yes", timelineDetails: "By Friday." }));
    await file(interviewId, debrief({ timelineGiven: "no", timelineDetails: "" }));
    expect((await tasksOf(interviewId)).get_timeline).toMatchObject({
      id: timeline.id,
      state: "skipped",
      skipReason: null,
      completedBy: a.recruiter.userId,
    });
  });
});
