import { and, eq } from "drizzle-orm";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as clientPackGet } from "@/app/api/applications/[id]/client-pack/route";
import { saveClientPackAction } from "@/app/(staff)/candidates/client-pack-actions";
import * as s from "@/db/schema";
import { CLIENT_SUMMARY_MAX } from "@/lib/core/validation/client-pack";
import { expectFieldError, submit } from "../helpers/actions";
import { signedInAs } from "../helpers/context";
import { firmFingerprint } from "../helpers/fingerprint";
import { useTwoFirms } from "../helpers/firms";
import { formData, sessionFor, type TestFirm, type TestPerson } from "../helpers/fixtures";
import { insertEndedInterview } from "../helpers/interviews";

/** Every string on every page of a PDF, lines joined by spaces (pdfjs reads what a PDF viewer would show). */
async function pdfText(bytes: ArrayBuffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, useSystemFonts: false }).promise;
  const out: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    for (const item of content.items) if ("str" in item) out.push(item.str, item.hasEOL ? "\n" : "");
  }
  const info = (await pdf.getMetadata()).info as Record<string, unknown>;
  await pdf.destroy();
  return `${out.join("")}\n${Object.values(info).filter((v) => typeof v === "string").join("\n")}`.replace(/\s+/g, " ");
}

/** Text a client must never read, each written into a place the pack does not print. */
const SECRETS = {
  candidateNote: "INTERNAL-NOTE-zebra",
  candidatePhone: "+1 555 0100",
  interviewNote: "INTERVIEW-NOTE-heron",
  debriefWentWell: "DEBRIEF-walrus",
  debriefForRecruiter: "DEBRIEF-FOR-RECRUITER-narwhal",
  debriefSalary: "DEBRIEF-SALARY-otter",
  feedbackInternal: "FEEDBACK-INTERNAL-yak",
  feedbackTakeaways: "FEEDBACK-TAKEAWAY-ibis",
  otherClient: "Othello Shipping Company",
  otherJob: "Harbour Master Role",
  otherSummary: "OTHER-SUMMARY-gecko",
  otherContact: "Olga Othercontact",
  cancelledContact: "Carla Cancelled",
};

const SUMMARY = "Cora rebuilt the settlement pipeline at a payments scale-up and mentors the team well.";
const SALARY = "USD 187,500 base";

describe("client pack (PDF)", () => {
  const { db, firms } = useTwoFirms({ names: ["pack-a", "pack-b"], requests: true });
  const { a, b } = firms;
  let clientName: string;
  let quentinInterviewId: string;

  async function as(firm: TestFirm, who: TestPerson | null) {
    signedInAs(who ? await sessionFor(db(), firm, who) : null);
  }

  const download = (applicationId: string, query = "") =>
    clientPackGet(new Request(`http://localhost:3000/api/applications/${applicationId}/client-pack${query}`), {
      params: Promise.resolve({ id: applicationId }),
    });

  const downloadAudits = (firm: TestFirm) =>
    db()
      .select()
      .from(s.auditEvents)
      .where(and(eq(s.auditEvents.firmId, firm.firmId), eq(s.auditEvents.action, "client_pack.downloaded")));

  beforeAll(async () => {
    const firmId = a.firmId;
    await db().update(s.firms).set({ timeZone: "Europe/Berlin" }).where(eq(s.firms.id, firmId));
    await db()
      .update(s.candidates)
      .set({ headline: "Staff data engineer, payments", location: "Lisbon, Portugal", phone: SECRETS.candidatePhone, notes: SECRETS.candidateNote })
      .where(eq(s.candidates.id, a.candidateId));
    await db().update(s.applications).set({ clientSummary: SUMMARY, salaryExpectation: SALARY }).where(eq(s.applications.id, a.applicationId));
    const [client] = await db().select({ name: s.clients.name }).from(s.clients).where(eq(s.clients.id, a.clientId));
    clientName = client!.name;

    // A second interviewer of the client, and a future onsite round with both of them.
    const [quentin] = await db()
      .insert(s.contacts)
      .values({ firmId, clientId: a.clientId, name: "Quentin Quartermaster", title: "VP Engineering" })
      .returning({ id: s.contacts.id });
    const [onsite] = await db()
      .insert(s.interviews)
      .values({
        firmId,
        applicationId: a.applicationId,
        candidateId: a.candidateId,
        kind: "onsite",
        startsAt: new Date("2031-05-06T08:00:00Z"),
        endsAt: new Date("2031-05-06T09:30:00Z"),
        location: "Client HQ, 5th floor",
        notes: SECRETS.interviewNote,
      })
      .returning({ id: s.interviews.id });
    quentinInterviewId = onsite!.id;
    await db()
      .insert(s.interviewParticipants)
      .values([
        { firmId, interviewId: onsite!.id, contactId: quentin!.id },
        { firmId, interviewId: onsite!.id, contactId: a.contactId },
      ]);

    // A cancelled round: not in the schedule, nor its interviewer.
    const [carla] = await db()
      .insert(s.contacts)
      .values({ firmId, clientId: a.clientId, name: SECRETS.cancelledContact, title: "Recruiter" })
      .returning({ id: s.contacts.id });
    const cancelled = await insertEndedInterview(db(), a, { endedHoursAgo: 200, status: "cancelled" });
    await db().delete(s.interviewParticipants).where(eq(s.interviewParticipants.interviewId, cancelled));
    await db().insert(s.interviewParticipants).values({ firmId, interviewId: cancelled, contactId: carla!.id });

    // The candidate's debrief and the client's feedback on the round that happened.
    const submittedAt = new Date(Date.now() - 20 * 3600_000);
    await db().insert(s.debriefs).values({
      firmId,
      interviewId: a.interviewId,
      candidateId: a.candidateId,
      status: "submitted",
      overallImpression: 4,
      interestLevel: 5,
      wentWell: SECRETS.debriefWentWell,
      notesForRecruiter: SECRETS.debriefForRecruiter,
      salaryDiscussed: SECRETS.debriefSalary,
      callInvitation: "none",
      submittedVersions: 1,
      firstSubmittedAt: submittedAt,
      submittedAt,
      lastSavedAt: submittedAt,
    });
    await db().insert(s.interviewerFeedback).values({
      firmId,
      interviewId: a.interviewId,
      contactId: a.contactId,
      receivedAt: submittedAt,
      recommendation: "yes",
      internalNotes: SECRETS.feedbackInternal,
      takeaways: SECRETS.feedbackTakeaways,
    });

    // The same candidate put forward to another client, with that client's interviewer.
    const [other] = await db().insert(s.clients).values({ firmId, name: SECRETS.otherClient }).returning({ id: s.clients.id });
    const [olga] = await db()
      .insert(s.contacts)
      .values({ firmId, clientId: other!.id, name: SECRETS.otherContact, title: "Harbour Director" })
      .returning({ id: s.contacts.id });
    const [otherJob] = await db().insert(s.jobs).values({ firmId, clientId: other!.id, title: SECRETS.otherJob }).returning({ id: s.jobs.id });
    const [otherApp] = await db()
      .insert(s.applications)
      .values({ firmId, candidateId: a.candidateId, jobId: otherJob!.id, stage: "interviewing", clientSummary: SECRETS.otherSummary })
      .returning({ id: s.applications.id });
    const [otherRound] = await db()
      .insert(s.interviews)
      .values({
        firmId,
        applicationId: otherApp!.id,
        candidateId: a.candidateId,
        kind: "video",
        startsAt: new Date("2031-05-07T08:00:00Z"),
        endsAt: new Date("2031-05-07T09:00:00Z"),
      })
      .returning({ id: s.interviews.id });
    await db().insert(s.interviewParticipants).values({ firmId, interviewId: otherRound!.id, contactId: olga!.id });
    // Even a participant of another client wrongly added to this client's round stays out.
    await db().insert(s.interviewParticipants).values({ firmId, interviewId: onsite!.id, contactId: olga!.id });
  });

  it("gives the recruiter a PDF download with a safe file name, not cached", async () => {
    await as(a, a.recruiter);
    const res = await download(a.applicationId);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const disposition = res.headers.get("content-disposition") ?? "";
    expect(disposition).toMatch(/^attachment; /);
    expect(disposition).toContain('filename="Cora-Candidate-Platform-Engineer-client-pack.pdf"');
    expect(disposition).toContain("filename*=UTF-8''Cora-Candidate-Platform-Engineer-client-pack.pdf");
    const bytes = await res.arrayBuffer();
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
  });

  it("prints the candidate, the shared summary, the job and every live round with its interviewers", async () => {
    await as(a, a.recruiter);
    const text = await pdfText(await (await download(a.applicationId)).arrayBuffer());
    expect(text).toContain("Firm PACK-A");
    expect(text).toContain(`Prepared for ${clientName}`);
    expect(text).toContain("Cora Candidate");
    expect(text).toContain("Staff data engineer, payments · Lisbon, Portugal");
    expect(text).toContain("Summary from Firm PACK-A (shared with the client)");
    expect(text).toContain(SUMMARY);
    expect(text).toContain("Platform Engineer");
    expect(text).toContain("Interview schedule");
    // The onsite round in the firm's time zone (Berlin), with both of the client's interviewers.
    expect(text).toContain("Tue 6 May 2031, 10:00–11:30 GMT+2");
    expect(text).toContain("Onsite interview");
    expect(text).toContain("Location: Client HQ, 5th floor");
    expect(text).toContain("Quentin Quartermaster (VP Engineering)");
    expect(text).toContain("Ines Interviewer (Engineering Manager)");
    // The round that already happened is listed too.
    expect(text).toContain("Video interview · Completed");
    expect(text).toContain(`Confidential — prepared by Firm PACK-A for ${clientName}`);
  });

  it("never prints notes, debriefs, feedback, contact details, other clients or the salary unless asked", async () => {
    await as(a, a.admin);
    const text = await pdfText(await (await download(a.applicationId)).arrayBuffer());
    for (const [what, secret] of Object.entries(SECRETS)) expect(text, what).not.toContain(secret);
    expect(text).not.toContain(`cora@${a.slug}.example`);
    expect(text).not.toContain("@");
    expect(text).not.toContain(SALARY);
    expect(text).not.toContain("Salary expectation");
    // salary=anything but 1 is not a tick.
    const notTicked = await pdfText(await (await download(a.applicationId, "?salary=yes")).arrayBuffer());
    expect(notTicked).not.toContain(SALARY);
  });

  it("prints the salary expectation when the recruiter ticks it, and nothing else more", async () => {
    await as(a, a.recruiter);
    const text = await pdfText(await (await download(a.applicationId, "?salary=1")).arrayBuffer());
    expect(text).toContain("Salary expectation");
    expect(text).toContain(SALARY);
    for (const [what, secret] of Object.entries(SECRETS)) expect(text, what).not.toContain(secret);
  });

  it("records each download in the firm's audit log, with whether the salary was included", async () => {
    const earlier = new Set((await downloadAudits(a)).map((r) => r.id));
    await as(a, a.recruiter);
    await (await download(a.applicationId)).arrayBuffer();
    await (await download(a.applicationId, "?salary=1")).arrayBuffer();
    const rows = (await downloadAudits(a)).filter((r) => !earlier.has(r.id));
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row).toMatchObject({ actorUserId: a.recruiter.userId, entityType: "application", entityId: a.applicationId });
    }
    expect(rows.map((r) => (r.changes as { includeSalary: boolean }).includeSalary).sort()).toEqual([false, true]);
    expect(rows[0]!.changes).toMatchObject({ clientId: a.clientId });
    // The log holds no text of the pack.
    expect(JSON.stringify(rows)).not.toContain(SALARY);
    expect(JSON.stringify(rows)).not.toContain("Cora");
  });

  it("answers 404 to another firm's admin, a candidate and an unknown or malformed id, and audits nothing", async () => {
    const [before, beforeB] = [(await downloadAudits(a)).length, (await downloadAudits(b)).length];
    await as(b, b.admin);
    expect((await download(a.applicationId, "?salary=1")).status).toBe(404);
    await as(a, a.candidateUser);
    expect((await download(a.applicationId)).status).toBe(404);
    await as(a, a.admin);
    expect((await download("0190f0e0-0000-7000-8000-000000000000")).status).toBe(404);
    expect((await download("not-a-uuid")).status).toBe(404);
    expect((await download(quentinInterviewId)).status).toBe(404);
    expect(await downloadAudits(a)).toHaveLength(before);
    expect(await downloadAudits(b)).toHaveLength(beforeB);
  });

  it("asks a signed-out caller to sign in (401)", async () => {
    await as(a, null);
    const res = await download(a.applicationId);
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toContain("application/json");
  });

  it("has no pack for a candidate whose data was erased", async () => {
    const [app] = await db()
      .insert(s.applications)
      .values({ firmId: a.firmId, candidateId: a.otherCandidateId, jobId: a.jobId, stage: "submitted", clientSummary: "Otto summary" })
      .returning({ id: s.applications.id });
    await db().update(s.candidates).set({ anonymizedAt: new Date() }).where(eq(s.candidates.id, a.otherCandidateId));
    await as(a, a.admin);
    expect((await download(app!.id)).status).toBe(404);
  });

  describe("saving the summary and salary", () => {
    let appId: string;
    const current = async () => {
      const [row] = await db()
        .select({ clientSummary: s.applications.clientSummary, salaryExpectation: s.applications.salaryExpectation, version: s.applications.version })
        .from(s.applications)
        .where(eq(s.applications.id, appId));
      return row!;
    };
    const save = (fields: Record<string, string>) => submit(saveClientPackAction, formData({ id: appId, ...fields }));

    beforeAll(async () => {
      const [job] = await db()
        .insert(s.jobs)
        .values({ firmId: a.firmId, clientId: a.clientId, title: "Data Platform Lead" })
        .returning({ id: s.jobs.id });
      const [app] = await db()
        .insert(s.applications)
        .values({ firmId: a.firmId, candidateId: a.candidateId, jobId: job!.id, stage: "submitted" })
        .returning({ id: s.applications.id });
      appId = app!.id;
    });

    it("saves both fields at the version the recruiter saw, audited without the text", async () => {
      await as(a, a.recruiter);
      const r = await save({ version: "1", clientSummary: "  Strong on distributed systems.  ", salaryExpectation: "EUR 120k" });
      expect(r.ok, JSON.stringify(r)).toBe(true);
      expect(await current()).toEqual({ clientSummary: "Strong on distributed systems.", salaryExpectation: "EUR 120k", version: 2 });
      const [audit] = await db()
        .select()
        .from(s.auditEvents)
        .where(and(eq(s.auditEvents.entityId, appId), eq(s.auditEvents.action, "application.client_pack")));
      expect(audit!.changes).toEqual({ fields: ["clientSummary", "salaryExpectation"] });
      expect(JSON.stringify(audit)).not.toContain("EUR 120k");
      // The next pack prints it.
      const text = await pdfText(await (await download(appId, "?salary=1")).arrayBuffer());
      expect(text).toContain("Strong on distributed systems.");
      expect(text).toContain("EUR 120k");
    });

    it("says what is wrong next to the field and saves nothing", async () => {
      await as(a, a.recruiter);
      const before = await current();
      const r = await save({ version: String(before.version), clientSummary: "x".repeat(CLIENT_SUMMARY_MAX + 1), salaryExpectation: "y".repeat(201) });
      expect(r.ok).toBe(false);
      expectFieldError(r, "clientSummary", /at most 4000/);
      expectFieldError(r, "salaryExpectation", /at most 200/);
      expect(r.values?.clientSummary).toHaveLength(CLIENT_SUMMARY_MAX + 1);
      expect(await current()).toEqual(before);
      const badVersion = await save({ version: "zero", clientSummary: "ok", salaryExpectation: "" });
      expectFieldError(badVersion, "version");
    });

    it("refuses a stale save and hands back what is saved now", async () => {
      await as(a, a.admin);
      const before = await current();
      const r = await save({ version: String(before.version - 1), clientSummary: "Overwrites theirs", salaryExpectation: "" });
      expect(r.ok).toBe(false);
      expect(r.formError).toMatch(/Someone else changed this application/);
      expect(r.data?.conflict).toEqual({
        version: before.version,
        values: { clientSummary: before.clientSummary, salaryExpectation: before.salaryExpectation },
      });
      expect(r.values?.clientSummary).toBe("Overwrites theirs");
      expect(await current()).toEqual(before);
      // Saving again at the version handed back keeps the typed text.
      const again = await save({ version: String(before.version), clientSummary: "Overwrites theirs", salaryExpectation: "" });
      expect(again.ok).toBe(true);
      expect((await current()).clientSummary).toBe("Overwrites theirs");
    });

    it("denies another firm's admin and a candidate, changing nothing of the firm", async () => {
      const { version } = await current();
      const fields = { version: String(version), clientSummary: "Taken over", salaryExpectation: "a lot" };
      const [otherAdmin, candidate] = [await sessionFor(db(), b, b.admin), await sessionFor(db(), a, a.candidateUser)];
      const before = await firmFingerprint(db(), a.firmId);
      signedInAs(otherAdmin);
      const other = await save(fields);
      expect(other.ok).toBe(false);
      expect(other.formError).toMatch(/does not exist or you do not have access/);
      signedInAs(candidate);
      expect((await save(fields)).ok).toBe(false);
      signedInAs(null);
      expect((await save(fields)).ok).toBe(false);
      const after = await firmFingerprint(db(), a.firmId);
      delete before.audit_events;
      delete after.audit_events;
      expect(after).toEqual(before);
    });
  });
});
