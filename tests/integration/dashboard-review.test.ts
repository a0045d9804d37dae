import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { listQueueItems } from "@/db/queries/dashboard";
import { confirmPersonAsContact, dismissPersonMet, listPeopleMet, mergePersonWithContact } from "@/db/queries/people-met";
import { getInterviewReview, markDebriefReviewed } from "@/db/queries/review";
import { confirmPersonAction, markReviewedAction } from "@/app/(staff)/_components/review/actions";
import { AppError } from "@/lib/core/errors";
import { submit } from "../helpers/actions";
import { signedInAs, useDatabaseForRequests } from "../helpers/context";
import { useFreshDatabase } from "../helpers/db";
import { createTestFirm, formData, scopeOf, sessionFor, type TestFirm } from "../helpers/fixtures";
import { addDebrief, addFeedback } from "./dashboard-data";

async function conflict(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe("conflict");
  return err as AppError;
}

describe("the staff review of a debrief, and people met", () => {
  const database = useFreshDatabase();
  let a: TestFirm;
  let b: TestFirm;
  let debrief: { id: string; version: number };
  let people: Record<"newPerson" | "byEmail" | "byName" | "junk", string>;
  let priya: string;

  beforeAll(async () => {
    const db = database.current.db;
    useDatabaseForRequests(database.current);
    a = await createTestFirm(db, "a");
    b = await createTestFirm(db, "b");
    const [c] = await db
      .insert(s.contacts)
      .values({ firmId: a.firmId, clientId: a.clientId, name: "Priya Raman", title: "", email: null, phone: "" })
      .returning({ id: s.contacts.id });
    priya = c!.id;
    const now = Date.now();
    debrief = await addDebrief(db, a, { interviewId: a.interviewId, candidateId: a.candidateId }, {
      overallImpression: 5,
      interestLevel: 2,
      expectedDecisionOn: "2026-01-02",
      timelineGiven: "yes",
      notMentioned: "PMP certification",
      submittedVersions: 2,
      firstSubmittedAt: new Date(now - 20 * 3_600_000),
      submittedAt: new Date(now - 2 * 3_600_000),
      version: 3,
    });
    await db.insert(s.debriefVersions).values([
      { firmId: a.firmId, debriefId: debrief.id, number: 1, snapshot: { notMentioned: "", overallImpression: 5 }, submittedAt: new Date(now - 20 * 3_600_000) },
      { firmId: a.firmId, debriefId: debrief.id, number: 2, snapshot: { notMentioned: "PMP certification", overallImpression: 5 }, submittedAt: new Date(now - 2 * 3_600_000) },
    ]);
    const rows = await db
      .insert(s.debriefPeople)
      .values([
        { firmId: a.firmId, debriefId: debrief.id, position: 0, name: "Sam Newface", title: "Staff Engineer", email: "sam@newface.example", phone: "555-0101" },
        { firmId: a.firmId, debriefId: debrief.id, position: 1, name: "Ines I.", email: `INES@${a.slug}.example` },
        { firmId: a.firmId, debriefId: debrief.id, position: 2, name: "priya  raman", title: "VP Engineering", phone: "555-0199" },
        { firmId: a.firmId, debriefId: debrief.id, position: 3, name: "Front desk" },
        // The scheduled interviewer, kept in the list by the candidate: already a contact.
        { firmId: a.firmId, debriefId: debrief.id, position: 4, name: "Ines Interviewer", contactId: a.contactId },
      ])
      .returning({ id: s.debriefPeople.id });
    people = { newPerson: rows[0]!.id, byEmail: rows[1]!.id, byName: rows[2]!.id, junk: rows[3]!.id };
    // The client's "no" and a decision to go another round.
    await addFeedback(db, a, a.interviewId, { recommendation: "no", decision: "next_round", internalNotes: "Internal only", receivedAt: new Date(now - 3_600_000) });
    await db.insert(s.callLogs).values([
      { firmId: a.firmId, interviewId: a.interviewId, candidateId: a.candidateId, calledAt: new Date(now - 48 * 3_600_000) },
      { firmId: a.firmId, interviewId: a.interviewId, candidateId: a.candidateId, calledAt: new Date(now - 24 * 3_600_000) },
    ]);
    await db.insert(s.tasks).values({
      firmId: a.firmId,
      title: "Go through the debrief with the candidate",
      ownerKind: "recruiter",
      ownerUserId: a.recruiter.userId,
      interviewId: a.interviewId,
      candidateId: a.candidateId,
      policyKey: "review_debrief",
      rule: "rule 3",
      dueAt: new Date(now + 3_600_000),
    });
  });

  it("shows the debrief with its versions beside the feedback, with the disagreement flags", async () => {
    const r = (await getInterviewReview(scopeOf(database.current.db, a, a.recruiter), a.interviewId))!;
    expect(r.debrief!.versions.map((v) => v.number)).toEqual([1, 2]);
    expect(r.debrief!.needsReview).toBe(true);
    expect(r.feedback.map((f) => [f.recommendation, f.decision])).toEqual([["no", "next_round"]]);
    expect(r.calls).toHaveLength(2);
    expect(r.flags.map((f) => f.code)).toEqual(["felt_good_client_no", "next_round_low_interest", "not_mentioned"]);
    expect(r.flags.find((f) => f.code === "not_mentioned")!.addendum).toContain("PMP certification");
    expect(r.peopleMet.map((p) => [p.name, p.match?.name ?? null, p.match?.by ?? null])).toEqual([
      ["Sam Newface", null, null],
      ["Ines I.", "Ines Interviewer", "email"],
      ["priya  raman", "Priya Raman", "name"],
      ["Front desk", null, null],
      ["Ines Interviewer", null, null],
    ]);
    expect(r.peopleMet[4]!.resolution).toBe("confirmed");
  });

  it("marks the debrief reviewed at the version read, clears it from the queue, and refuses a stale version", async () => {
    const db = database.current.db;
    const rita = scopeOf(db, a, a.recruiter);
    const before = await listQueueItems(rita, { view: "mine" });
    expect(before.some((i) => i.kind === "debrief_to_review" && i.interviewId === a.interviewId)).toBe(true);
    await conflict(markDebriefReviewed(rita, { debriefId: debrief.id, version: debrief.version + 7 }));

    useDatabaseForRequests(database.current);
    signedInAs(await sessionFor(db, a, a.recruiter));
    const r = await submit(markReviewedAction, formData({ debriefId: debrief.id, version: String(debrief.version), interviewId: a.interviewId }));
    expect(r.ok, JSON.stringify(r)).toBe(true);
    signedInAs(null);

    const [d] = await db.select().from(s.debriefs).where(eq(s.debriefs.id, debrief.id));
    expect(d!.reviewedBy).toBe(a.recruiter.userId);
    expect(d!.version).toBe(debrief.version + 1);
    const [task] = await db.select().from(s.tasks).where(and(eq(s.tasks.interviewId, a.interviewId), eq(s.tasks.policyKey, "review_debrief")));
    expect(task!.state).toBe("done");
    const after = await listQueueItems(rita, { view: "mine" });
    expect(after.some((i) => i.kind === "debrief_to_review" && i.interviewId === a.interviewId)).toBe(false);
  });

  it("confirms a person met as a new contact of the interview's client and links them to the interview", async () => {
    const db = database.current.db;
    signedInAs(await sessionFor(db, a, a.recruiter));
    const r = await submit(
      confirmPersonAction,
      formData({ personId: people.newPerson, interviewId: a.interviewId, name: "Sam Newface", title: "Staff Engineer", email: "Sam@NewFace.example", phone: "555-0101" }),
    );
    expect(r.ok, JSON.stringify(r)).toBe(true);
    signedInAs(null);
    const contactId = r.data!.contactId as string;
    const [contact] = await db.select().from(s.contacts).where(eq(s.contacts.id, contactId));
    expect(contact).toMatchObject({ clientId: a.clientId, name: "Sam Newface", title: "Staff Engineer", email: "sam@newface.example", phone: "555-0101" });
    const links = await db.select().from(s.interviewParticipants).where(eq(s.interviewParticipants.interviewId, a.interviewId));
    expect(links.map((l) => l.contactId)).toContain(contactId);
    const [person] = await db.select().from(s.debriefPeople).where(eq(s.debriefPeople.id, people.newPerson));
    expect(person).toMatchObject({ resolution: "confirmed", contactId, resolvedBy: a.recruiter.userId });
    // Once resolved, nobody resolves it again.
    await conflict(dismissPersonMet(scopeOf(db, a, a.admin), { personId: people.newPerson }));
  });

  it("sends a person whose email is already a contact's to merge instead of creating a twin", async () => {
    const db = database.current.db;
    const err = await confirmPersonAsContact(scopeOf(db, a, a.recruiter), {
      personId: people.byEmail,
      fields: { name: "Ines I.", title: "", email: `ines@${a.slug}.example`, phone: "" },
    }).then(
      () => null,
      (e: unknown) => e as AppError,
    );
    expect(err?.fieldErrors?.email?.[0]).toMatch(/Ines Interviewer already has this email/);
  });

  it("merges a person into the matching contact, filling only the contact's blanks", async () => {
    const db = database.current.db;
    const rita = scopeOf(db, a, a.recruiter);
    expect(await mergePersonWithContact(rita, { personId: people.byName, contactId: priya })).toMatchObject({ contactId: priya });
    const [c] = await db.select().from(s.contacts).where(eq(s.contacts.id, priya));
    expect(c).toMatchObject({ name: "Priya Raman", title: "VP Engineering", phone: "555-0199", email: null });
    const links = await db.select().from(s.interviewParticipants).where(eq(s.interviewParticipants.interviewId, a.interviewId));
    expect(links.map((l) => l.contactId)).toContain(priya);
    // A contact of another firm is not a merge target.
    const err = await mergePersonWithContact(rita, { personId: people.byEmail, contactId: b.contactId }).then(
      () => null,
      (e: unknown) => e as AppError,
    );
    expect(err?.fieldErrors?.contactId).toBeTruthy();
    expect(await mergePersonWithContact(rita, { personId: people.byEmail, contactId: a.contactId })).toMatchObject({ contactId: a.contactId });
  });

  it("dismisses a person met, and another firm can do none of it", async () => {
    const db = database.current.db;
    const bRita = scopeOf(db, b, b.recruiter);
    expect(await dismissPersonMet(bRita, { personId: people.junk })).toBe("not_found");
    expect(await listPeopleMet(bRita, a.interviewId)).toEqual([]);
    expect(await getInterviewReview(bRita, a.interviewId)).toBeNull();
    expect(await getInterviewReview(scopeOf(db, a, a.candidateUser), a.interviewId)).toBeNull();
    expect(await dismissPersonMet(scopeOf(db, a, a.recruiter), { personId: people.junk })).toBe("ok");
    const list = await listPeopleMet(scopeOf(db, a, a.recruiter), a.interviewId);
    expect(list.map((p) => p.resolution)).toEqual(["confirmed", "merged", "merged", "dismissed", "confirmed"]);
  });
});
