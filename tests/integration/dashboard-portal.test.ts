import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import * as candidatesQueries from "@/db/queries/candidates";
import * as debriefQueries from "@/db/queries/debriefs";
import * as planTaskQueries from "@/db/queries/plan-tasks";
import * as planSourceQueries from "@/db/queries/plan-sources";
import * as portalQueries from "@/db/queries/portal";
import { listQueueItems } from "@/db/queries/dashboard";
import { createScorecardAttribute } from "@/db/queries/scorecard";
import { findTasks } from "@/db/queries/tasks";
import * as plans from "@/lib/plans/candidate-plan";
import { syncPlan } from "@/lib/plans/sync";
import { useFreshDatabase } from "../helpers/db";
import { createTestFirm, scopeOf, type TestFirm } from "../helpers/fixtures";
import { addDebrief, addFeedback } from "./dashboard-data";

/** Text that exists only in the client's private assessment. */
const SECRETS = ["INTERNAL-NOTE-7c1e", "TAKEAWAY-7c1e", "RATING-NOTE-7c1e"];
/** Fields of interviewer feedback a candidate DTO must never carry. */
const FORBIDDEN_KEYS = ["internalNotes", "takeaways", "recommendation", "ratings", "internal_notes"];

function keysOf(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, out));
  else if (value && typeof value === "object" && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysOf(v, out);
    }
  }
  return out;
}

describe("the candidate's side never sees the client's private assessment", () => {
  const database = useFreshDatabase();
  let a: TestFirm;
  let debriefId: string;

  beforeAll(async () => {
    const db = database.current.db;
    a = await createTestFirm(db, "a");
    const d = await addDebrief(db, a, { interviewId: a.interviewId, candidateId: a.candidateId }, {
      timelineGiven: "no",
      submittedAt: new Date(Date.now() - 20 * 3_600_000),
      firstSubmittedAt: new Date(Date.now() - 20 * 3_600_000),
      notMentioned: "Six Sigma Green Belt",
    });
    debriefId = d.id;
    await db.insert(s.debriefVersions).values({ firmId: a.firmId, debriefId, number: 1, snapshot: { timelineGiven: "no" } });
    const attr = await createScorecardAttribute(scopeOf(db, a, a.admin), { category: "Skills", name: "Depth", description: "" });
    if (attr === "not_found") throw new Error("setup");
    const fb = await addFeedback(db, a, a.interviewId, {
      recommendation: "definitely_not",
      decision: null,
      takeaways: SECRETS[1],
      internalNotes: SECRETS[0],
      sharedSummary: "They enjoyed meeting you.",
      receivedAt: new Date(Date.now() - 3_600_000),
    });
    await db.insert(s.feedbackRatings).values({ firmId: a.firmId, feedbackId: fb.id, attributeId: attr.id, rating: "no", note: SECRETS[2]! });
  });

  it("gives the recruiter the rule 1 task when the debrief says no timeline was given, listed with its rule", async () => {
    const db = database.current.db;
    const rita = scopeOf(db, a, a.recruiter);
    const r = await syncPlan(rita, a.interviewId);
    expect(r.status).not.toBe("not_found");
    const later = new Date(Date.now() + 5 * 24 * 3_600_000);
    const overdue = await findTasks(rita, { view: "mine", tab: "overdue", now: later });
    const timeline = overdue.rows.find((t) => t.policyKey === "get_timeline");
    expect(timeline).toMatchObject({ title: "Get a decision timeline from the client", rule: "rule 1", ownerUserId: a.recruiter.userId });
    const queue = await listQueueItems(rita, { view: "mine", now: later });
    expect(queue.find((i) => i.taskId === timeline!.id)).toMatchObject({ kind: "task", rule: "rule 1", state: "overdue" });
  });

  it("returns no internal notes, take-aways, ratings or recommendation from anything the portal reads", async () => {
    const db = database.current.db;
    const cora = scopeOf(db, a, a.candidateUser);
    const results: [string, unknown][] = [];
    const modules: Record<string, Record<string, unknown>> = {
      portal: portalQueries,
      "plan-sources": planSourceQueries,
      debriefs: debriefQueries,
      "plan-tasks": planTaskQueries,
      candidates: candidatesQueries,
      plans,
    };
    // Every reader, with each argument shape the portal uses; the ones that do not fit throw and are skipped.
    const argShapes = [[], [a.interviewId], [[a.interviewId]], [debriefId], [a.candidateId]];
    for (const [mod, exports] of Object.entries(modules)) {
      for (const [name, fn] of Object.entries(exports)) {
        if (typeof fn !== "function" || !/^(get|list)/.test(name)) continue;
        for (const args of argShapes) {
          try {
            const value = await (fn as (...x: unknown[]) => Promise<unknown>)(cora, ...args);
            if (value !== undefined && value !== null) results.push([`${mod}.${name}(${args.length})`, value]);
          } catch {
            /* not this shape */
          }
        }
      }
    }
    const names = new Set(results.map(([n]) => n.replace(/\(\d\)$/, "")));
    // The sweep must have reached the portal's main reads, or it proves nothing.
    for (const must of ["portal.listMyInterviews", "portal.getMyInterview", "debriefs.getMyDebrief", "plans.getMyPlans"]) {
      expect(names.has(must), `${must} was not read`).toBe(true);
    }
    const all = JSON.stringify(results);
    expect(all).toContain(a.interviewId);
    for (const secret of SECRETS) expect(all.includes(secret), `${secret} reached the candidate`).toBe(false);
    for (const [name, value] of results) {
      const keys = keysOf(value);
      for (const k of FORBIDDEN_KEYS) expect(keys.has(k), `${name} carries ${k}`).toBe(false);
    }
  });

  it("keeps the secrets where they belong: in the staff review", async () => {
    const [row] = await database.current.db.select().from(s.interviewerFeedback).where(eq(s.interviewerFeedback.firmId, a.firmId));
    expect(row!.internalNotes).toBe(SECRETS[0]);
  });
});
