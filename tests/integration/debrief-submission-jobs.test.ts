import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { unsafeClaimDueJobs } from "@/db/queries/background-jobs";
import { getMyDebrief } from "@/db/queries/debriefs";
import { submitDebriefAction } from "@/app/(candidate)/my/interviews/[id]/debrief/actions";
import { getMyPlan } from "@/lib/plans/candidate-plan";
import type { DebriefDraft } from "@/lib/core/validation/debrief";
import { submit } from "../helpers/actions";
import { completeDebrief, debriefPerson } from "../helpers/debriefs";
import { useTwoFirms } from "../helpers/firms";
import { formData, scopeOf } from "../helpers/fixtures";
import { insertEndedInterview } from "../helpers/interviews";
import { runJobs } from "../helpers/jobs";

/**
 * What follows a debrief's submission (the plan's tasks, the recruiter's
 * email) is written as jobs in the submission's own transaction: a crash
 * delays that work but never loses it, and running it again changes nothing.
 */
describe("a debrief's submission: the tasks and the email as durable jobs", () => {
  const { database, db, firms: { a } } = useTwoFirms({ requests: true, candidateSignedIn: true });
  const candidate = () => scopeOf(db(), a, a.candidateUser);
  const expectedTasks = () => ["collect_feedback", "debrief", "review_debrief", `thank_you:${a.contactId}`].sort();

  const draft = (over: Partial<DebriefDraft> = {}): DebriefDraft =>
    completeDebrief({ notMentioned: "Terraform certification", people: [debriefPerson({ contactId: a.contactId })], ...over });

  async function file(interviewId: string, d: DebriefDraft = draft()) {
    const current = await getMyDebrief(candidate(), interviewId);
    return submit(submitDebriefAction, formData({ interviewId, version: current ? String(current.version) : "", draft: JSON.stringify(d) }));
  }

  const jobsOf = async (interviewId: string) =>
    (await db().select().from(s.backgroundJobs).where(eq(s.backgroundJobs.firmId, a.firmId))).filter(
      (j) => j.payload.interviewId === interviewId,
    );
  const statesOf = async (interviewId: string) => (await jobsOf(interviewId)).map((j) => j.state).sort();
  const tasksOf = (interviewId: string) =>
    db()
      .select({ id: s.tasks.id, policyKey: s.tasks.policyKey, state: s.tasks.state, version: s.tasks.version })
      .from(s.tasks)
      .where(and(eq(s.tasks.firmId, a.firmId), eq(s.tasks.interviewId, interviewId)));
  const mailsAbout = async (interviewId: string) =>
    (
      await db()
        .select({ subject: s.emailOutbox.subject, text: s.emailOutbox.text })
        .from(s.emailOutbox)
        .where(and(eq(s.emailOutbox.firmId, a.firmId), eq(s.emailOutbox.to, a.recruiter.email)))
    ).filter((m) => m.text.includes(`/interviews/${interviewId}`));
  const keysOf = (rows: { policyKey: string | null }[]) => rows.map((t) => t.policyKey).sort();

  it("writes no job when the submission's transaction rolls back", async () => {
    const interviewId = await insertEndedInterview(db(), a, { endedHoursAgo: 2 });
    // The commit itself fails, after every statement of the submission (its jobs included) has run.
    await db().execute(sql.raw("create function refuse_commit() returns trigger language plpgsql as $$ begin raise exception 'the commit failed'; end $$"));
    await db().execute(
      sql.raw(
        "create constraint trigger refuse_commit after insert on debrief_versions deferrable initially deferred for each row execute function refuse_commit()",
      ),
    );
    try {
      const r = await file(interviewId);
      expect(r.ok).toBe(false);
    } finally {
      await db().execute(sql.raw("drop trigger refuse_commit on debrief_versions"));
      await db().execute(sql.raw("drop function refuse_commit()"));
    }
    expect(await getMyDebrief(candidate(), interviewId)).toBeNull();
    expect(await jobsOf(interviewId)).toEqual([]);
    await runJobs(database.current);
    expect(await tasksOf(interviewId)).toEqual([]);
    expect(await mailsAbout(interviewId)).toEqual([]);
  });

  it("shows the candidate's plan at once, and stores the tasks and sends one email when jobs run after a crash", async () => {
    const interviewId = await insertEndedInterview(db(), a, { endedHoursAgo: 2 });
    const r = await file(interviewId);
    expect(r.ok, JSON.stringify(r)).toBe(true);

    // The process stops right after the commit: the jobs are written, nothing has run.
    const jobs = await jobsOf(interviewId);
    expect(jobs.map((j) => [j.kind, j.state]).sort()).toEqual([
      ["debrief.submitted", "queued"],
      ["plan.sync", "queued"],
    ]);
    expect(await tasksOf(interviewId)).toEqual([]);
    expect(await mailsAbout(interviewId)).toEqual([]);
    // The candidate's plan is built from the debrief itself: it is there before the jobs run.
    const mine = await getMyPlan(candidate(), interviewId);
    expect(mine?.plan.debriefState).toBe("submitted");
    expect(mine?.plan.steps.map((step) => step.key)).toContain(`thank_you:${a.contactId}`);

    // A runner had claimed the jobs and died mid-run: after the restart, once its lease ends, they run.
    const claimed = await unsafeClaimDueJobs(database.current.db, { now: new Date(), leaseMs: 60_000, limit: 10 });
    expect(claimed.filter((j) => j.payload.interviewId === interviewId)).toHaveLength(2);
    // (Other work, such as the reports' refresh, may run beside them: only these two are counted.)
    await runJobs(database.current);
    expect(await statesOf(interviewId)).toEqual(["running", "running"]);
    expect((await runJobs(database.current, () => new Date(Date.now() + 120_000))).failed).toBe(0);
    expect(await statesOf(interviewId)).toEqual(["done", "done"]);

    expect(keysOf(await tasksOf(interviewId))).toEqual(expectedTasks());
    const mails = await mailsAbout(interviewId);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain("Terraform certification");
  });

  it("stores the same tasks and sends one email when the jobs run twice", async () => {
    const interviewId = await insertEndedInterview(db(), a, { endedHoursAgo: 2 });
    expect((await file(interviewId)).ok).toBe(true);
    await runJobs(database.current);
    const tasks = await tasksOf(interviewId);
    expect(keysOf(tasks)).toEqual(expectedTasks());

    // Both jobs run again, as after a runner that stopped before marking them done.
    for (const j of await jobsOf(interviewId)) {
      await db().update(s.backgroundJobs).set({ state: "queued", runAfter: new Date(0) }).where(eq(s.backgroundJobs.id, j.id));
    }
    expect((await runJobs(database.current)).failed).toBe(0);
    expect(await statesOf(interviewId)).toEqual(["done", "done"]);
    const again = await tasksOf(interviewId);
    const row = (t: { id: string; policyKey: string | null; state: string; version: number }) => [t.id, t.policyKey, t.state, t.version].join();
    expect(again.map(row).sort()).toEqual(tasks.map(row).sort());
    expect(await mailsAbout(interviewId)).toHaveLength(1);
  });

  it("does the work once for a debrief amended before its jobs ran: the newer version's jobs sync and email", async () => {
    const interviewId = await insertEndedInterview(db(), a, { endedHoursAgo: 2 });
    expect((await file(interviewId)).ok).toBe(true);
    const amended = await file(interviewId, draft({ notesForRecruiter: "I can start in May." }));
    expect(amended.ok, JSON.stringify(amended)).toBe(true);
    expect(amended.data).toMatchObject({ versionNumber: 2 });
    // One plan sync and one email per submitted version, however often each is queued.
    expect((await jobsOf(interviewId)).map((j) => j.dedupeKey).sort()).toEqual(
      [`debrief-submitted:${interviewId}:1`, `debrief-submitted:${interviewId}:2`, `plan-sync:debrief:${interviewId}:1`, `plan-sync:debrief:${interviewId}:2`].sort(),
    );

    expect((await runJobs(database.current)).failed).toBe(0);
    expect(await statesOf(interviewId)).toEqual(["done", "done", "done", "done"]);
    expect(keysOf(await tasksOf(interviewId))).toEqual(expectedTasks());
    const mails = await mailsAbout(interviewId);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toMatch(/amended.*version 2/);
    expect(mails[0]!.text).toContain("I can start in May.");
  });
});
