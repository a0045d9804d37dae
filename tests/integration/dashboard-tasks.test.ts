import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { COUNT_CAP } from "@/db/queries/keyset";
import { completeTask, findTasks, getTask, listTaskAssignees, reassignTask, reopenTask, skipTask } from "@/db/queries/tasks";
import { reassignTaskAction, saveTaskAction, taskStateAction } from "@/app/(staff)/tasks/actions";
import { AppError } from "@/lib/core/errors";
import { expectFieldError, submit } from "../helpers/actions";
import { signedInAs, useDatabaseForRequests } from "../helpers/context";
import { useFreshDatabase } from "../helpers/db";
import { createTestFirm, formData, scopeOf, sessionFor, type TestFirm } from "../helpers/fixtures";
import { addTask, at } from "./dashboard-data";

const NOW = at("2026-03-04T15:00:00Z");

describe("next steps: the task list", () => {
  const database = useFreshDatabase();
  let a: TestFirm;
  let b: TestFirm;
  let ids: Record<"overdue" | "dueLater" | "undated" | "done" | "adas" | "policy" | "candidates", string>;

  beforeAll(async () => {
    const db = database.current.db;
    useDatabaseForRequests(database.current);
    a = await createTestFirm(db, "a");
    b = await createTestFirm(db, "b");
    ids = {
      overdue: (await addTask(db, a, { title: "Overdue call", dueAt: at("2026-03-03T15:00:00Z") })).id,
      dueLater: (await addTask(db, a, { title: "Due tomorrow", dueAt: at("2026-03-05T15:00:00Z") })).id,
      undated: (await addTask(db, a, { title: "Some day" })).id,
      done: (await addTask(db, a, { title: "Done already", state: "done", completedAt: at("2026-03-02T15:00:00Z") })).id,
      adas: (await addTask(db, a, { title: "Ada's", ownerUserId: a.admin.userId, dueAt: at("2026-03-01T15:00:00Z") })).id,
      policy: (
        await addTask(db, a, {
          title: "Get a decision timeline from the client",
          interviewId: a.interviewId,
          candidateId: a.candidateId,
          dueAt: at("2026-03-04T12:00:00Z"),
          rule: "rule 1",
          policyKey: "get_timeline",
        })
      ).id,
      candidates: (
        await addTask(db, a, { title: "Send a thank-you note", ownerKind: "candidate", ownerUserId: a.candidateUser.userId, interviewId: a.interviewId, dueAt: at("2026-03-03T12:00:00Z") })
      ).id,
    };
  });

  it("splits my tasks into overdue, due and done, with counts, and shows a policy task's rule", async () => {
    const rita = scopeOf(database.current.db, a, a.recruiter);
    const overdue = await findTasks(rita, { view: "mine", tab: "overdue", now: NOW });
    expect(overdue.rows.map((t) => t.title)).toEqual(["Overdue call", "Get a decision timeline from the client"]);
    expect(overdue.rows[1]!.rule).toBe("rule 1");
    expect(overdue.counts).toEqual({
      overdue: { total: 2, totalCapped: false },
      due: { total: 2, totalCapped: false },
      done: { total: 1, totalCapped: false },
    });
    expect((await findTasks(rita, { view: "mine", tab: "due", now: NOW })).rows.map((t) => t.title)).toEqual(["Due tomorrow", "Some day"]);
    expect((await findTasks(rita, { view: "mine", tab: "done", now: NOW })).rows.map((t) => t.title)).toEqual(["Done already"]);
    const everyone = await findTasks(rita, { view: "everyone", tab: "overdue", now: NOW });
    expect(everyone.rows.map((t) => t.title)).toEqual(["Ada's", "Overdue call", "Get a decision timeline from the client"]);
    // The candidate's own steps are not in the recruiters' list.
    expect(everyone.rows.some((t) => t.id === ids.candidates)).toBe(false);
    expect((await findTasks(rita, { view: "everyone", tab: "overdue", ownerUserId: a.admin.userId, now: NOW })).rows.map((t) => t.id)).toEqual([ids.adas]);
  });

  it("counts a tab up to 1,000 and says more past it, with a pager that goes on while pages are full", async () => {
    const db = database.current.db;
    const c = await createTestFirm(db, "c");
    const history = Array.from({ length: COUNT_CAP + 5 }, (_, i) => ({
      firmId: c.firmId,
      ownerKind: "recruiter" as const,
      ownerUserId: c.recruiter.userId,
      title: `Old step ${i}`,
      state: "done" as const,
      completedAt: at("2026-01-02T15:00:00Z"),
    }));
    await db.insert(s.tasks).values(history);
    await addTask(db, c, { title: "Late", dueAt: at("2026-03-01T15:00:00Z") });
    const rita = scopeOf(db, c, c.recruiter);
    const done = await findTasks(rita, { view: "mine", tab: "done", now: NOW, limit: 50 });
    expect(done.counts.done).toEqual({ total: COUNT_CAP, totalCapped: true });
    expect(done.counts.overdue).toEqual({ total: 1, totalCapped: false });
    expect(done).toMatchObject({ total: COUNT_CAP, totalCapped: true, page: 1, pages: 20 });
    // Past the cap, the 21st page is still offered, and the 22nd once the 21st came back full.
    const page21 = await findTasks(rita, { view: "mine", tab: "done", now: NOW, limit: 50, page: 21 });
    expect(page21.rows).toHaveLength(5);
    expect(page21.pages).toBe(21);
    const page20 = await findTasks(rita, { view: "mine", tab: "done", now: NOW, limit: 50, page: 20 });
    expect(page20.pages).toBe(21);
  });

  it("creates a task through the form, for a teammate, about an interview", async () => {
    const db = database.current.db;
    signedInAs(await sessionFor(db, a, a.recruiter));
    const r = await submit(
      saveTaskAction,
      formData({ timeZone: "America/New_York", title: "Ask Ines for a timeline", details: "", dueAt: "2026-03-05T17:00", ownerUserId: a.admin.userId, interviewId: a.interviewId }),
    );
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const t = (await getTask(scopeOf(db, a, a.recruiter), r.data!.id as string))!;
    expect(t).toMatchObject({ ownerUserId: a.admin.userId, interviewId: a.interviewId, candidateId: a.candidateId, state: "open" });
    expect(t.dueAt!.toISOString()).toBe("2026-03-05T22:00:00.000Z");
    const bad = await submit(saveTaskAction, formData({ timeZone: "America/New_York", title: "", dueAt: "tomorrow", ownerUserId: b.recruiter.userId }));
    expectFieldError(bad, "title");
    expectFieldError(bad, "dueAt");
    const foreignOwner = await submit(saveTaskAction, formData({ timeZone: "America/New_York", title: "x", ownerUserId: b.recruiter.userId }));
    expectFieldError(foreignOwner, "ownerUserId", /active recruiter or admin/);
    signedInAs(null);
  });

  it("completes, skips and reopens at the version seen; a stale version is a conflict that says why", async () => {
    const db = database.current.db;
    const rita = scopeOf(db, a, a.recruiter);
    const t = (await getTask(rita, ids.overdue))!;
    const done = await completeTask(rita, { id: t.id, version: t.version, now: NOW });
    if (done === "not_found") throw new Error("not found");
    expect(done).toMatchObject({ state: "done", version: t.version + 1 });
    const err = await skipTask(rita, { id: t.id, version: t.version }).then(
      () => null,
      (e: unknown) => e as AppError,
    );
    expect(err?.code).toBe("conflict");
    expect(err?.message).toMatch(/Rita Recruiter's task, done: “Overdue call”/);
    const reopened = await reopenTask(rita, { id: t.id, version: done.version });
    if (reopened === "not_found") throw new Error("not found");
    expect(reopened.state).toBe("open");

    signedInAs(await sessionFor(db, a, a.recruiter));
    const skipped = await submit(taskStateAction, formData({ id: t.id, version: String(reopened.version), op: "skip" }));
    expect(skipped.ok).toBe(true);
    expect(skipped.message).toBe("“Overdue call” skipped.");
    const stale = await submit(taskStateAction, formData({ id: t.id, version: String(reopened.version), op: "complete" }));
    expect(stale.ok).toBe(false);
    expect(stale.formError).toMatch(/Someone else changed this task/);
    signedInAs(null);
  });

  it("reassigns to an active teammate only, and never touches a candidate's own step", async () => {
    const db = database.current.db;
    const rita = scopeOf(db, a, a.recruiter);
    expect((await listTaskAssignees(rita)).map((x) => x.name)).toEqual(["Ada Admin", "Rita Recruiter"]);
    const t = (await getTask(rita, ids.dueLater))!;
    signedInAs(await sessionFor(db, a, a.recruiter));
    const r = await submit(reassignTaskAction, formData({ id: t.id, version: String(t.version), ownerUserId: a.admin.userId }));
    expect(r.ok).toBe(true);
    expect(r.message).toBe("“Due tomorrow” is now Ada Admin's.");
    const wrong = await submit(reassignTaskAction, formData({ id: t.id, version: String(t.version + 1), ownerUserId: a.candidateUser.userId }));
    expectFieldError(wrong, "ownerUserId");
    signedInAs(null);
    const c = (await getTask(rita, ids.candidates))!;
    expect(await completeTask(rita, { id: c.id, version: c.version })).toBe("not_found");
    const [row] = await db.select().from(s.tasks).where(eq(s.tasks.id, ids.candidates));
    expect(row!.state).toBe("open");
  });

  it("gives another firm and candidates nothing, with real ids", async () => {
    const db = database.current.db;
    const bRita = scopeOf(db, b, b.recruiter);
    expect(await getTask(bRita, ids.policy)).toBeNull();
    expect(await completeTask(bRita, { id: ids.policy, version: 1 })).toBe("not_found");
    expect(await reassignTask(bRita, { id: ids.policy, version: 1, ownerUserId: b.recruiter.userId })).toBe("not_found");
    expect((await findTasks(bRita, { view: "everyone", tab: "overdue", now: NOW })).rows).toEqual([]);
    expect((await findTasks(scopeOf(db, a, a.candidateUser), { view: "everyone", now: NOW })).rows).toEqual([]);
    const [row] = await db.select().from(s.tasks).where(eq(s.tasks.id, ids.policy));
    expect(row!.state).toBe("open");
  });
});
