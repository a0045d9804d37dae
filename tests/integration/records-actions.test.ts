import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { createClientAction, updateClientAction } from "@/app/(staff)/clients/actions";
import { createCandidateAction, inviteCandidateAction } from "@/app/(staff)/candidates/actions";
import { createApplicationAction, moveApplicationAction } from "@/app/(staff)/jobs/application-actions";
import { rescheduleInterviewAction, scheduleInterviewAction, updateInterviewStatusAction } from "@/app/(staff)/interviews/actions";
import { GET as downloadIcs } from "@/app/api/interviews/[id]/ics/route";
import type { ConflictData, DuplicateData } from "@/app/(staff)/_components/record-form";
import { expectFieldError, submit } from "../helpers/actions";
import { signedInAs, useDatabaseForRequests } from "../helpers/context";
import { useFreshDatabase } from "../helpers/db";
import { firmFingerprint } from "../helpers/fingerprint";
import { createTestFirm, formData, sessionFor, type TestFirm, type TestPerson } from "../helpers/fixtures";

describe("record actions", () => {
  const database = useFreshDatabase();
  let firm: TestFirm;
  let other: TestFirm;

  beforeAll(async () => {
    firm = await createTestFirm(database.current.db, "ra");
    other = await createTestFirm(database.current.db, "ra-other");
  });

  beforeEach(() => useDatabaseForRequests(database.current));

  const as = async (f: TestFirm, who: TestPerson) => signedInAs(await sessionFor(database.current.db, f, who));

  /** A scheduled interview on a fresh application of `firm`. */
  async function scheduled(): Promise<{ interviewId: string; applicationId: string }> {
    const db = database.current.db;
    const [cand] = await db
      .insert(s.candidates)
      .values({ firmId: firm.firmId, name: `Sol ${Math.random()}`, email: `sol-${Math.random()}@example.com` })
      .returning();
    const [app] = await db
      .insert(s.applications)
      .values({ firmId: firm.firmId, candidateId: cand!.id, jobId: firm.jobId, stage: "submitted" })
      .returning();
    const [iv] = await db
      .insert(s.interviews)
      .values({
        firmId: firm.firmId,
        applicationId: app!.id,
        candidateId: cand!.id,
        kind: "video",
        startsAt: new Date("2031-06-02T14:00:00Z"),
        endsAt: new Date("2031-06-02T15:00:00Z"),
      })
      .returning();
    return { interviewId: iv!.id, applicationId: app!.id };
  }

  it("says a candidate email already in the firm next to the field, with a link to that record", async () => {
    await as(firm, firm.recruiter);
    const r = await submit(createCandidateAction, formData({ name: "Cora Twin", email: `Cora@${firm.slug}.example` }));
    expectFieldError(r, "email", /Cora Candidate already has this email address/);
    expect(r.data?.duplicate as DuplicateData).toEqual({ field: "email", href: `/candidates/${firm.candidateId}`, label: "Cora Candidate's record" });
    expect(r.values?.name).toBe("Cora Twin");
  });

  it("refuses a stale save and offers the current values", async () => {
    await as(firm, firm.recruiter);
    const created = await submit(createClientAction, formData({ name: "Versioned Ltd", industry: "Retail" }));
    const id = created.redirect!.match(/\/clients\/([0-9a-f-]+)/)![1]!;
    const first = await submit(updateClientAction, formData({ id, version: "1", name: "Versioned Ltd", industry: "Wholesale" }));
    expect(first.redirect).toBe(`/clients/${id}?saved=updated`);
    const stale = await submit(updateClientAction, formData({ id, version: "1", name: "Versioned Ltd", industry: "Mine" }));
    expect(stale.ok).toBe(false);
    expect(stale.formError).toMatch(/Someone else changed this record/);
    const conflict = stale.data?.conflict as ConflictData;
    expect(conflict.version).toBe(2);
    expect(conflict.values.industry).toBe("Wholesale");
    expect(stale.values?.industry).toBe("Mine");
    const [row] = await database.current.db.select().from(s.clients).where(eq(s.clients.id, id));
    expect(row!.industry).toBe("Wholesale");
  });

  it("refuses an unknown stage, and a move to rejected without a reason", async () => {
    await as(firm, firm.recruiter);
    const unknown = await submit(moveApplicationAction, formData({ id: firm.applicationId, version: "1", stage: "hired" }));
    expectFieldError(unknown, "stage", /Choose a stage/);
    const noReason = await submit(moveApplicationAction, formData({ id: firm.applicationId, version: "1", stage: "rejected" }));
    expectFieldError(noReason, "reason", /Say why/);
  });

  it("treats another firm's id in a form as not found and saves nothing", async () => {
    await as(firm, firm.recruiter);
    const before = await firmFingerprint(database.current.db, other.firmId);
    const mine = await firmFingerprint(database.current.db, firm.firmId);
    const r = await submit(createApplicationAction, formData({ candidateId: firm.otherCandidateId, jobId: other.jobId, returnTo: "candidate" }));
    expectFieldError(r, "jobId", /does not exist or you do not have access/);
    const r2 = await submit(moveApplicationAction, formData({ id: other.applicationId, version: "1", stage: "offer" }));
    expect(r2.formError).toMatch(/does not exist or you do not have access/);
    expect(await firmFingerprint(database.current.db, other.firmId)).toEqual(before);
    const after = await firmFingerprint(database.current.db, firm.firmId);
    delete after.audit_events;
    delete mine.audit_events;
    expect(after).toEqual(mine);
  });

  it("schedules in the firm's time zone and refuses an interviewer from another client", async () => {
    await as(firm, firm.recruiter);
    const db = database.current.db;
    const [elsewhere] = await db.insert(s.clients).values({ firmId: firm.firmId, name: "Elsewhere Inc" }).returning();
    const [stranger] = await db.insert(s.contacts).values({ firmId: firm.firmId, clientId: elsewhere!.id, name: "Sven Stranger" }).returning();
    const fields = {
      applicationId: firm.applicationId,
      kind: "onsite",
      date: "2031-07-15",
      startTime: "10:00",
      endTime: "11:30",
      location: "HQ, 5th floor",
      arrangedByFirm: "on",
    };
    const wrong = await submit(scheduleInterviewAction, formData({ ...fields, contactIds: [firm.contactId, stranger!.id] }));
    expectFieldError(wrong, "contactIds", /Sven Stranger works at Elsewhere Inc, not Client of/);
    expect(wrong.values?.contactIds).toEqual([firm.contactId, stranger!.id]);
    const backwards = await submit(scheduleInterviewAction, formData({ ...fields, endTime: "09:00", contactIds: firm.contactId }));
    expectFieldError(backwards, "endTime", /ends before it starts/);
    const count = async () =>
      (await db.select().from(s.interviews).where(and(eq(s.interviews.firmId, firm.firmId), eq(s.interviews.applicationId, firm.applicationId))))
        .length;
    expect(await count()).toBe(1);

    const ok = await submit(scheduleInterviewAction, formData({ ...fields, contactIds: firm.contactId }));
    const id = ok.redirect!.match(/\/interviews\/([0-9a-f-]+)/)![1]!;
    const [iv] = await db.select().from(s.interviews).where(eq(s.interviews.id, id));
    // 10:00–11:30 in New York in July is 14:00–15:30 UTC.
    expect(iv!.startsAt.toISOString()).toBe("2031-07-15T14:00:00.000Z");
    expect(iv!.endsAt.toISOString()).toBe("2031-07-15T15:30:00.000Z");
    expect(iv!.arrangedByFirm).toBe(true);
  });

  it("reschedules, then marks completed through updateInterviewStatus", async () => {
    await as(firm, firm.recruiter);
    const { interviewId } = await scheduled();
    const moved = await submit(
      rescheduleInterviewAction,
      formData({ id: interviewId, version: "1", kind: "video", date: "2031-12-01", startTime: "09:15", endTime: "10:00", videoUrl: "meet.example/xyz", arrangedByFirm: "on" }),
    );
    expect(moved.redirect).toBe(`/interviews/${interviewId}?saved=rescheduled`);
    const stale = await submit(
      rescheduleInterviewAction,
      formData({ id: interviewId, version: "1", kind: "video", date: "2031-12-02", startTime: "09:15", endTime: "10:00" }),
    );
    const conflict = stale.data?.conflict as ConflictData;
    // 09:15 New York in December (EST) is what the form offers back.
    expect(conflict.values).toMatchObject({ date: "2031-12-01", startTime: "09:15", endTime: "10:00", videoUrl: "https://meet.example/xyz" });
    const done = await submit(updateInterviewStatusAction, formData({ id: interviewId, version: "2", status: "completed" }));
    expect(done).toMatchObject({ ok: true, message: "Marked completed." });
    const again = await submit(updateInterviewStatusAction, formData({ id: interviewId, version: "3", status: "cancelled" }));
    expect(again.ok).toBe(false);
  });

  it("invites a candidate to the portal once", async () => {
    await as(firm, firm.recruiter);
    const r = await submit(inviteCandidateAction, formData({ candidateId: firm.otherCandidateId }));
    expect(r).toMatchObject({ ok: true, message: `Invitation sent to otto@${firm.slug}.example. The link is valid for 7 days.` });
    const mail = await database.current.db.select().from(s.emailOutbox).where(eq(s.emailOutbox.to, `otto@${firm.slug}.example`));
    expect(mail).toHaveLength(1);
    const already = await submit(inviteCandidateAction, formData({ candidateId: firm.candidateId }));
    expect(already.formError).toMatch(/already has portal access/);
    await as(firm, firm.candidateUser);
    const denied = await submit(inviteCandidateAction, formData({ candidateId: firm.otherCandidateId }));
    expect(denied.ok).toBe(false);
  });

  describe("the .ics download", () => {
    const get = (id: string) => downloadIcs(new Request(`http://localhost/api/interviews/${id}/ics`), { params: Promise.resolve({ id }) });

    it("gives the candidate their own interview and staff any of the firm's", async () => {
      await as(firm, firm.candidateUser);
      const res = await get(firm.interviewId);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
      expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="interview-\d{4}-\d{2}-\d{2}-client-of-ra-/);
      const body = await res.text();
      expect(body).toContain(`UID:interview-${firm.interviewId}@afterview`);
      expect(body).toMatch(/DTSTART:\d{8}T\d{6}Z\r\n/);
      expect(body).toContain("Ines Interviewer");
      await as(firm, firm.recruiter);
      expect((await get(firm.interviewId)).status).toBe(200);
    });

    it("answers 404 for another candidate's interview, another firm's, or a malformed id", async () => {
      const { interviewId } = await scheduled();
      await as(firm, firm.candidateUser);
      expect((await get(interviewId)).status).toBe(404);
      await as(other, other.admin);
      expect((await get(firm.interviewId)).status).toBe(404);
      expect((await get("not-a-uuid")).status).toBe(404);
      signedInAs(null);
      expect((await get(firm.interviewId)).status).toBe(401);
    });
  });
});
