import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import {
  getFeedback,
  listFeedbackContacts,
  listFeedbackForInterview,
  listRatableAttributes,
  previewFeedbackDecision,
} from "@/db/queries/feedback";
import { createFeedback, deleteFeedback, updateFeedback } from "@/db/queries/feedback-recording";
import {
  archiveScorecardAttribute,
  createScorecardAttribute,
  listScorecardAttributes,
  moveScorecardAttribute,
  updateScorecardAttribute,
} from "@/db/queries/scorecard";
import { saveFeedbackAction } from "@/app/(staff)/_components/review/actions";
import { saveScorecardAttributeAction } from "@/app/(staff)/settings/scorecard/actions";
import { AppError } from "@/lib/core/errors";
import { expectFieldError, submit } from "../helpers/actions";
import { signedInAs, useDatabaseForRequests } from "../helpers/context";
import { useFreshDatabase } from "../helpers/db";
import { createTestFirm, formData, scopeOf, sessionFor, type TestFirm } from "../helpers/fixtures";
import { addRound } from "./dashboard-data";

const base = {
  contactId: null as string | null,
  receivedAt: new Date(Date.now() - 3_600_000),
  channel: "call" as const,
  recommendation: "yes" as const,
  takeaways: "Strong fundamentals.",
  sharedSummary: "They liked your examples.",
  internalNotes: "Hiring manager hinted the budget could stretch.",
  decision: null,
  ratings: [] as { attributeId: string; rating: s.Rating; note: string }[],
};

async function rejects(p: Promise<unknown>, code: string): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  return err as AppError;
}

describe("interviewer feedback and the scorecard", () => {
  const database = useFreshDatabase();
  let a: TestFirm;
  let b: TestFirm;
  let attrs: { technical: string; clarity: string };
  let otherClientContact: string;

  beforeAll(async () => {
    const db = database.current.db;
    useDatabaseForRequests(database.current);
    a = await createTestFirm(db, "a");
    b = await createTestFirm(db, "b");
    const admin = scopeOf(db, a, a.admin);
    const t = await createScorecardAttribute(admin, { category: "Skills", name: "Technical depth", description: "" });
    const c = await createScorecardAttribute(admin, { category: "Communication", name: "Clarity", description: "" });
    if (t === "not_found" || c === "not_found") throw new Error("setup");
    attrs = { technical: t.id, clarity: c.id };
    const [client] = await db.insert(s.clients).values({ firmId: a.firmId, name: "Another Client" }).returning({ id: s.clients.id });
    const [contact] = await db
      .insert(s.contacts)
      .values({ firmId: a.firmId, clientId: client!.id, name: "Olga Elsewhere" })
      .returning({ id: s.contacts.id });
    otherClientContact = contact!.id;
  });

  const stageOf = async (applicationId: string) =>
    (await database.current.db.select().from(s.applications).where(eq(s.applications.id, applicationId)))[0]!;

  it("records feedback with ratings, marks the collect-feedback step done, and audits it", async () => {
    const db = database.current.db;
    const rita = scopeOf(db, a, a.recruiter);
    const [task] = await db
      .insert(s.tasks)
      .values({ firmId: a.firmId, title: "Collect feedback", ownerKind: "recruiter", ownerUserId: a.recruiter.userId, interviewId: a.interviewId, policyKey: "collect_feedback", rule: "rule 3" })
      .returning({ id: s.tasks.id });
    const saved = await createFeedback(rita, {
      ...base,
      interviewId: a.interviewId,
      contactId: a.contactId,
      ratings: [
        { attributeId: attrs.technical, rating: "strong_yes", note: "Above the bar." },
        { attributeId: attrs.clarity, rating: "mixed", note: "" },
      ],
    });
    if (saved === "not_found") throw new Error("not found");
    expect(saved.warning).toBeUndefined();
    expect(saved.feedback.contactName).toBe("Ines Interviewer");
    expect(saved.feedback.ratings.map((r) => [r.attributeName, r.category, r.rating])).toEqual([
      ["Technical depth", "Skills", "strong_yes"],
      ["Clarity", "Communication", "mixed"],
    ]);
    const [t] = await db.select().from(s.tasks).where(eq(s.tasks.id, task!.id));
    expect(t!.state).toBe("done");
    const audit = await db.select().from(s.auditEvents).where(and(eq(s.auditEvents.firmId, a.firmId), eq(s.auditEvents.action, "feedback.recorded")));
    expect(audit.map((e) => e.entityId)).toContain(saved.feedback.id);
    expect(await listFeedbackForInterview(rita, a.interviewId)).toHaveLength(1);
  });

  it("moves a submitted application to interviewing on “next round”, after the confirmation step", async () => {
    const db = database.current.db;
    useDatabaseForRequests(database.current);
    const round = await addRound(db, a, {
      candidate: "Nina Nextround",
      recruiterUserId: a.recruiter.userId,
      startsAt: new Date(Date.now() - 5 * 3_600_000),
      stage: "submitted",
    });
    signedInAs(await sessionFor(db, a, a.recruiter));
    const fields = {
      interviewId: round.interviewId,
      timeZone: "America/New_York",
      contactId: a.contactId,
      receivedAt: "2026-01-05T10:00",
      channel: "call",
      recommendation: "strong_yes",
      takeaways: "Wants her back for the panel.",
      sharedSummary: "",
      internalNotes: "",
      decision: "next_round",
      [`rating.${attrs.technical}`]: "yes",
      [`note.${attrs.technical}`]: "Good depth",
    };
    const first = await submit(saveFeedbackAction, formData(fields));
    expect(first.ok).toBe(false);
    expect(first.data?.confirm).toEqual({ decision: "Next round", candidateName: "Nina Nextround", from: "Submitted", to: "Interviewing" });
    // Nothing is saved or moved before the confirmation.
    expect(await listFeedbackForInterview(scopeOf(db, a, a.recruiter), round.interviewId)).toEqual([]);
    expect((await stageOf(round.applicationId)).stage).toBe("submitted");

    const second = await submit(saveFeedbackAction, formData({ ...fields, ...(first.values as Record<string, string>), confirm: "1" }));
    expect(second.ok, JSON.stringify(second)).toBe(true);
    expect(second.message).toBe("Feedback recorded. The application moved from Submitted to Interviewing.");
    const app = await stageOf(round.applicationId);
    expect(app.stage).toBe("interviewing");
    const changes = await db.select().from(s.applicationStageChanges).where(eq(s.applicationStageChanges.applicationId, round.applicationId));
    expect(changes.map((c) => [c.fromStage, c.toStage, c.reason])).toEqual([["submitted", "interviewing", "Client decision: next round (Ines Interviewer)"]]);
    const [fb] = await listFeedbackForInterview(scopeOf(db, a, a.recruiter), round.interviewId);
    expect(fb!.decision).toBe("next_round");
    expect(fb!.ratings).toEqual([{ attributeId: attrs.technical, attributeName: "Technical depth", category: "Skills", rating: "yes", note: "Good depth" }]);
    signedInAs(null);
  });

  it("refuses a decision that conflicts with a newer stage change and overwrites nothing", async () => {
    const db = database.current.db;
    const round = await addRound(db, a, { candidate: "Carl Conflict", recruiterUserId: a.recruiter.userId, startsAt: new Date(Date.now() - 5 * 3_600_000) });
    const rita = scopeOf(db, a, a.recruiter);
    const preview = (await previewFeedbackDecision(rita, { interviewId: round.interviewId, decision: "reject" }))!;
    expect(preview).toMatchObject({ from: "interviewing", to: "rejected", blocked: null });
    // Meanwhile the admin moves the application to offer.
    const later = new Date(preview.seenStage.changedAt.getTime() + 60_000);
    await db.update(s.applications).set({ stage: "offer", stageChangedAt: later, version: 2 }).where(eq(s.applications.id, round.applicationId));
    await db.insert(s.applicationStageChanges).values({ firmId: a.firmId, applicationId: round.applicationId, fromStage: "interviewing", toStage: "offer", changedBy: a.admin.userId, changedAt: later });
    const err = await rejects(
      createFeedback(rita, { ...base, interviewId: round.interviewId, decision: "reject", recommendation: "no", seenStage: preview.seenStage }),
      "conflict",
    );
    expect(err.message).toContain("changed to Offer by Ada Admin");
    expect((await stageOf(round.applicationId)).stage).toBe("offer");
    expect(await listFeedbackForInterview(rita, round.interviewId)).toEqual([]);
  });

  it("allows feedback before the interview only as “no decision yet”, with a warning", async () => {
    const db = database.current.db;
    const round = await addRound(db, a, {
      candidate: "Fran Future",
      recruiterUserId: a.recruiter.userId,
      startsAt: new Date(Date.now() + 48 * 3_600_000),
      status: "scheduled",
    });
    const rita = scopeOf(db, a, a.recruiter);
    const err = await rejects(createFeedback(rita, { ...base, interviewId: round.interviewId, recommendation: "yes" }), "invalid");
    expect(err.fieldErrors?.recommendation?.[0]).toMatch(/not happened yet/);
    const decided = await rejects(
      createFeedback(rita, { ...base, interviewId: round.interviewId, recommendation: "no_decision", decision: "offer" }),
      "invalid",
    );
    expect(decided.fieldErrors?.decision?.[0]).toMatch(/cannot have decided/);
    const saved = await createFeedback(rita, { ...base, interviewId: round.interviewId, recommendation: "no_decision" });
    if (saved === "not_found") throw new Error("not found");
    expect(saved.warning).toMatch(/has not happened yet/);
    expect(saved.feedback.recommendation).toBe("no_decision");
  });

  it("refuses ratings out of range, on the attribute's own field", async () => {
    const db = database.current.db;
    signedInAs(await sessionFor(db, a, a.recruiter));
    const r = await submit(
      saveFeedbackAction,
      formData({
        interviewId: a.interviewId,
        timeZone: "America/New_York",
        receivedAt: "2026-01-05T10:00",
        channel: "email",
        recommendation: "yes",
        [`rating.${attrs.clarity}`]: "excellent",
      }),
    );
    expect(r.ok).toBe(false);
    expectFieldError(r, `rating.${attrs.clarity}`, /definitely not.*strong yes/);
    // What was typed comes back.
    expect(r.values?.[`rating.${attrs.clarity}`]).toBe("excellent");
    await rejects(
      createFeedback(scopeOf(db, a, a.recruiter), {
        ...base,
        interviewId: a.interviewId,
        ratings: [{ attributeId: attrs.clarity, rating: "eleven" as s.Rating, note: "" }],
      }),
      "invalid",
    );
    signedInAs(null);
  });

  it("refuses a contact from another client, or from another firm", async () => {
    const db = database.current.db;
    const rita = scopeOf(db, a, a.recruiter);
    const other = await rejects(createFeedback(rita, { ...base, interviewId: a.interviewId, contactId: otherClientContact }), "invalid");
    expect(other.fieldErrors?.contactId?.[0]).toMatch(/Choose someone at Client of/);
    await rejects(createFeedback(rita, { ...base, interviewId: a.interviewId, contactId: b.contactId }), "invalid");
    expect((await listFeedbackContacts(rita, a.interviewId)).map((c) => c.name)).toEqual(["Ines Interviewer"]);
  });

  it("edits at the version seen, keeps an applied decision, and deletes", async () => {
    const db = database.current.db;
    const rita = scopeOf(db, a, a.recruiter);
    const saved = await createFeedback(rita, { ...base, interviewId: a.interviewId, recommendation: "no_decision" });
    if (saved === "not_found") throw new Error("not found");
    const f = saved.feedback;
    const updated = await updateFeedback(rita, { ...base, id: f.id, version: f.version, recommendation: "no", takeaways: "Changed their mind." });
    if (updated === "not_found") throw new Error("not found");
    expect(updated.feedback.recommendation).toBe("no");
    expect(updated.feedback.version).toBe(f.version + 1);
    await rejects(updateFeedback(rita, { ...base, id: f.id, version: f.version }), "conflict");
    expect((await getFeedback(rita, f.id))!.takeaways).toBe("Changed their mind.");
    await rejects(deleteFeedback(rita, { id: f.id, version: f.version }), "conflict");
    expect(await deleteFeedback(rita, { id: f.id, version: f.version + 1 })).toBe("ok");
    expect(await getFeedback(rita, f.id)).toBeNull();
  });

  it("gives another firm none of it, with real ids", async () => {
    const db = database.current.db;
    const [f] = await listFeedbackForInterview(scopeOf(db, a, a.recruiter), a.interviewId);
    const bRita = scopeOf(db, b, b.recruiter);
    expect(await getFeedback(bRita, f!.id)).toBeNull();
    expect(await updateFeedback(bRita, { ...base, id: f!.id, version: f!.version })).toBe("not_found");
    expect(await deleteFeedback(bRita, { id: f!.id, version: f!.version })).toBe("not_found");
    expect(await listFeedbackForInterview(scopeOf(db, a, a.candidateUser), a.interviewId)).toEqual([]);
    expect(await getFeedback(scopeOf(db, a, a.candidateUser), f!.id)).toBeNull();
  });

  it("lets an admin edit the scorecard: unique names per category, versions, archive, order", async () => {
    const db = database.current.db;
    const admin = scopeOf(db, a, a.admin);
    await rejects(createScorecardAttribute(admin, { category: "Skills", name: "Technical depth", description: "" }), "invalid");
    const extra = await createScorecardAttribute(admin, { category: "Skills", name: "Problem solving", description: "Structures open problems" });
    if (extra === "not_found") throw new Error("not found");
    const renamed = await updateScorecardAttribute(admin, { id: extra.id, version: extra.version, category: "Skills", name: "Problem framing", description: "" });
    if (renamed === "not_found") throw new Error("not found");
    await rejects(updateScorecardAttribute(admin, { id: extra.id, version: extra.version, category: "Skills", name: "Stale", description: "" }), "conflict");
    const moved = await moveScorecardAttribute(admin, { id: renamed.id, version: renamed.version, direction: "up" });
    if (moved === "not_found") throw new Error("not found");
    expect(moved.filter((m) => m.category === "Skills").map((m) => m.name)).toEqual(["Problem framing", "Technical depth"]);
    const current = moved.find((m) => m.id === renamed.id)!;
    await archiveScorecardAttribute(admin, { id: current.id, version: current.version });
    expect((await listScorecardAttributes(admin)).map((x) => x.name)).not.toContain("Problem framing");
    expect((await listRatableAttributes(admin)).map((x) => x.name)).not.toContain("Problem framing");
    expect((await listScorecardAttributes(admin, { includeArchived: true })).map((x) => x.name)).toContain("Problem framing");
    expect(await listScorecardAttributes(scopeOf(db, a, a.candidateUser))).toEqual([]);
  });

  it("keeps the scorecard to admins", async () => {
    const db = database.current.db;
    signedInAs(await sessionFor(db, a, a.recruiter));
    const r = await submit(saveScorecardAttributeAction, formData({ category: "Fit", name: "Team fit" }));
    expect(r.ok).toBe(false);
    signedInAs(await sessionFor(db, a, a.admin));
    const ok = await submit(saveScorecardAttributeAction, formData({ category: "Fit", name: "Team fit" }));
    expect(ok.ok).toBe(true);
    const dup = await submit(saveScorecardAttributeAction, formData({ category: "Fit", name: "Team fit" }));
    expectFieldError(dup, "name", /already has/);
    signedInAs(null);
  });
});
