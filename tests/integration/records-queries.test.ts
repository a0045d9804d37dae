import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { listAuditEvents } from "@/db/queries/audit";
import { archiveClient, createClient, findClients, getClient, restoreClient, updateClient } from "@/db/queries/clients";
import { createContact, findContacts, listContactsForClient, updateContact } from "@/db/queries/contacts";
import { createJob, findJobs, getJob, listJobOptions, updateJob } from "@/db/queries/jobs";
import {
  CANDIDATE_OPTIONS_LIMIT,
  createCandidate,
  findCandidates,
  getCandidate,
  getCandidateContact,
  listCandidateOptions,
  updateCandidate,
} from "@/db/queries/candidates";
import { getCandidateTimeline } from "@/db/queries/candidate-timeline";
import {
  createApplication,
  findApplications,
  listApplicationsForJob,
  listStageHistory,
  moveApplication,
} from "@/db/queries/applications";
import {
  findInterviews,
  getFirmTimeZone,
  getInterview,
  getInterviewCalendar,
} from "@/db/queries/interviews";
import { rescheduleInterview, scheduleInterview, updateInterviewStatus } from "@/db/queries/interview-scheduling";
import type { QueryScope } from "@/db/queries/scope";
import { useTwoFirms } from "../helpers/firms";
import { scopeOf } from "../helpers/fixtures";

describe("the record queries", () => {
  const { database, firms: { a: firm, b: other } } = useTwoFirms({ names: ["rq", "rq-other"] });
  let recruiter: QueryScope;
  let candidateScope: QueryScope;

  beforeAll(async () => {
    const db = database.current.db;
    recruiter = scopeOf(db, firm, firm.recruiter);
    candidateScope = scopeOf(db, firm, firm.candidateUser);
  });

  function ok<T>(r: { ok: true; value: T } | { ok: false }): T {
    if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r)}`);
    return r.value;
  }

  describe("clients", () => {
    it("creates, updates with the version, archives and restores, with an audit event for each", async () => {
      const created = ok(await createClient(recruiter, { name: "Acme Robotics", industry: "Manufacturing", website: "", notes: "" }));
      expect(created.version).toBe(1);
      const updated = ok(await updateClient(recruiter, { id: created.id, version: 1, name: "Acme Robotics Inc", industry: "Robots", website: "", notes: "n" }));
      expect(updated.version).toBe(2);
      const archived = ok(await archiveClient(recruiter, { id: created.id, version: 2 }));
      expect(archived.archivedAt).not.toBeNull();
      const listed = await findClients(recruiter, { q: "acme" });
      expect(listed.rows.map((r) => r.id)).not.toContain(created.id);
      const archivedList = await findClients(recruiter, { q: "acme", status: "archived" });
      expect(archivedList.rows.map((r) => r.id)).toContain(created.id);
      ok(await restoreClient(recruiter, { id: created.id, version: 3 }));
      const events = await listAuditEvents(recruiter, { entityId: created.id });
      expect(events.map((e) => e.action).sort()).toEqual(["client.archive", "client.create", "client.restore", "client.update"]);
      const update = events.find((e) => e.action === "client.update")!;
      expect(update.changes).toMatchObject({ name: ["Acme Robotics", "Acme Robotics Inc"], industry: ["Manufacturing", "Robots"] });
    });

    it("refuses a stale save and offers the current values, changing nothing", async () => {
      const c = ok(await createClient(recruiter, { name: "Stale Co", industry: "", website: "", notes: "" }));
      ok(await updateClient(recruiter, { id: c.id, version: 1, name: "Stale Co", industry: "First", website: "", notes: "" }));
      const stale = await updateClient(recruiter, { id: c.id, version: 1, name: "Stale Co", industry: "Second", website: "", notes: "" });
      expect(stale).toMatchObject({ ok: false, reason: "conflict", current: { industry: "First", version: 2 } });
      expect((await getClient(recruiter, c.id))!.industry).toBe("First");
    });

    it("refuses a second client with the same name, whatever the case", async () => {
      const c = ok(await createClient(recruiter, { name: "Globex", industry: "", website: "", notes: "" }));
      expect(await createClient(recruiter, { name: "GLOBEX", industry: "", website: "", notes: "" })).toMatchObject({
        ok: false,
        reason: "duplicate",
        field: "name",
        existing: { id: c.id },
      });
    });

    it("counts each client's open jobs and people", async () => {
      const c = await getClient(recruiter, firm.clientId);
      expect(c).toMatchObject({ openJobs: 1, contacts: 1 });
      const page = await findClients(recruiter, { q: `Client of ${firm.slug}` });
      expect(page.rows).toEqual([expect.objectContaining({ openJobs: 1, contacts: 1 })]);
      expect(await listContactsForClient(recruiter, firm.clientId)).toEqual([expect.objectContaining({ name: "Ines Interviewer", interviews: 1 })]);
    });

    it("gives a candidate's scope nothing", async () => {
      expect((await findClients(candidateScope)).rows).toEqual([]);
      expect(await getClient(candidateScope, firm.clientId)).toBeNull();
    });
  });

  describe("keyset pagination", () => {
    it("walks every page forward and back without losing or repeating a row", async () => {
      for (let i = 0; i < 23; i++) {
        ok(await createClient(recruiter, { name: `Page Client ${String(i % 7).padStart(2, "0")}-${i}`, industry: "", website: "", notes: "" }));
      }
      for (const sort of ["name", "created", "updated"] as const) {
        for (const dir of ["asc", "desc"] as const) {
          const all = (await findClients(recruiter, { q: "Page Client", sort, dir, limit: 100 })).rows.map((r) => r.id);
          expect(all).toHaveLength(23);
          const forward: string[][] = [];
          let page = await findClients(recruiter, { q: "Page Client", sort, dir, limit: 5 });
          expect(page.prev).toBeNull();
          expect(page.total).toBe(23);
          forward.push(page.rows.map((r) => r.id));
          while (page.next) {
            page = await findClients(recruiter, { q: "Page Client", sort, dir, limit: 5, cursor: page.next });
            forward.push(page.rows.map((r) => r.id));
          }
          expect(forward.flat()).toEqual(all);
          // and back again from the last page
          const backward: string[][] = [forward[forward.length - 1]!];
          while (page.prev) {
            page = await findClients(recruiter, { q: "Page Client", sort, dir, limit: 5, cursor: page.prev });
            backward.unshift(page.rows.map((r) => r.id));
          }
          expect(backward).toEqual(forward);
        }
      }
    });
  });

  describe("contacts", () => {
    it("refuses a client of another firm without saving anything", async () => {
      const r = await createContact(recruiter, { clientId: other.clientId, name: "Mallory", title: "", email: "", phone: "" });
      expect(r).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { clientId: [expect.stringMatching(/does not exist/)] } });
      const [n] = await database.current.db.select({ id: s.contacts.id }).from(s.contacts).where(eq(s.contacts.name, "Mallory"));
      expect(n).toBeUndefined();
    });

    it("finds contacts by client name and keeps a contact who interviewed with their client", async () => {
      const found = await findContacts(recruiter, { q: "Client of" });
      expect(found.rows.map((r) => r.id)).toContain(firm.contactId);
      const [contact] = await database.current.db.select().from(s.contacts).where(eq(s.contacts.id, firm.contactId));
      const elsewhere = ok(await createClient(recruiter, { name: "Elsewhere Ltd", industry: "", website: "", notes: "" }));
      const moved = await updateContact(recruiter, {
        id: firm.contactId,
        version: contact!.version,
        clientId: elsewhere.id,
        name: contact!.name,
        title: contact!.title,
        email: contact!.email ?? "",
        phone: contact!.phone,
      });
      expect(moved).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { clientId: [expect.stringMatching(/interviewed/)] } });
    });
  });

  describe("jobs", () => {
    it("creates a job with an owner of the firm and refuses an owner from another firm", async () => {
      const bad = await createJob(recruiter, {
        clientId: firm.clientId,
        title: "Data Engineer",
        location: "",
        description: "",
        status: "open",
        ownerUserId: other.recruiter.userId,
      });
      expect(bad).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { ownerUserId: [expect.any(String)] } });
      const job = ok(
        await createJob(recruiter, {
          clientId: firm.clientId,
          title: "Data Engineer",
          location: "Remote",
          description: "",
          status: "open",
          ownerUserId: firm.recruiter.userId,
        }),
      );
      const got = await getJob(recruiter, job.id);
      expect(got).toMatchObject({ title: "Data Engineer", ownerName: "Rita Recruiter", inPipeline: 0 });
      const found = await findJobs(recruiter, { q: "data eng", sort: "client" });
      expect(found.rows.map((r) => r.id)).toEqual([job.id]);
      const stale = await updateJob(recruiter, { ...job, version: 7, ownerUserId: null });
      expect(stale).toMatchObject({ ok: false, reason: "conflict" });
    });
  });

  describe("candidates", () => {
    it("refuses an email already in the firm and names the existing record", async () => {
      const r = await createCandidate(recruiter, {
        name: "Cora Again",
        email: `CORA@${firm.slug}.example`.toLowerCase(),
        phone: "",
        location: "",
        headline: "",
        notes: "",
        ownerUserId: null,
      });
      expect(r).toMatchObject({ ok: false, reason: "duplicate", field: "email", existing: { id: firm.candidateId, label: "Cora Candidate" } });
    });

    it("allows the same email in another firm", async () => {
      const r = await createCandidate(scopeOf(database.current.db, other, other.recruiter), {
        name: "Cora Elsewhere",
        email: `cora@${firm.slug}.example`,
        phone: "",
        location: "",
        headline: "",
        notes: "",
        ownerUserId: null,
      });
      expect(r.ok).toBe(true);
    });

    it("says whether the candidate can sign in to the portal", async () => {
      const withAccess = await getCandidate(recruiter, firm.candidateId);
      expect(withAccess!.portal.access).toBe("active");
      const without = await getCandidate(recruiter, firm.otherCandidateId);
      expect(without!.portal.access).toBe("none");
    });

    it("keeps getCandidateContact limited to the candidate's own record for a candidate", async () => {
      expect(await getCandidateContact(candidateScope, firm.candidateId)).toMatchObject({ id: firm.candidateId });
      expect(await getCandidateContact(candidateScope, firm.otherCandidateId)).toBeNull();
    });

    it("offers candidates to put forward for a job: the first by name, a search for anyone else, never those on the job", async () => {
      const db = database.current.db;
      await db.insert(s.candidates).values(
        Array.from({ length: CANDIDATE_OPTIONS_LIMIT + 5 }, (_, i) => ({
          firmId: firm.firmId,
          name: `Zed Forward ${String(i).padStart(3, "0")}`,
          email: `zed.forward.${i}@example.com`,
          headline: i === 42 ? "Welder, night shifts" : "",
        })),
      );
      const first = await listCandidateOptions(recruiter, { notOnJobId: firm.jobId });
      // One past the limit, so the page can say there are more; in order of name.
      expect(first).toHaveLength(CANDIDATE_OPTIONS_LIMIT + 1);
      expect(first.map((c) => c.name)).toEqual([...first.map((c) => c.name)].sort((x, y) => x.toLowerCase().localeCompare(y.toLowerCase())));
      expect(first.map((c) => c.name)).not.toContain(`Zed Forward ${CANDIDATE_OPTIONS_LIMIT + 4}`);

      const last = await listCandidateOptions(recruiter, { notOnJobId: firm.jobId, q: `forward ${CANDIDATE_OPTIONS_LIMIT + 4}` });
      expect(last.map((c) => c.name)).toEqual([`Zed Forward ${CANDIDATE_OPTIONS_LIMIT + 4}`]);
      expect((await listCandidateOptions(recruiter, { notOnJobId: firm.jobId, q: "WELDER" })).map((c) => c.name)).toEqual(["Zed Forward 042"]);

      // Someone already on the job is not offered, found by name or not.
      const onJob = await db
        .select({ id: s.applications.candidateId })
        .from(s.applications)
        .where(and(eq(s.applications.firmId, firm.firmId), eq(s.applications.jobId, firm.jobId)));
      expect(onJob.length).toBeGreaterThan(0);
      const offered = new Set([...first, ...(await listCandidateOptions(recruiter, { notOnJobId: firm.jobId, q: "cora" }))].map((c) => c.id));
      for (const { id } of onJob) expect(offered.has(id)).toBe(false);
      // Another firm's search finds none of them.
      expect(await listCandidateOptions(scopeOf(db, other, other.recruiter), { q: "zed forward" })).toEqual([]);
    });

    it("refuses a stale edit and filters by stage", async () => {
      const c = ok(
        await createCandidate(recruiter, {
          name: "Sam Stale",
          email: "sam.stale@example.com",
          phone: "",
          location: "",
          headline: "",
          notes: "",
          ownerUserId: firm.recruiter.userId,
        }),
      );
      ok(await updateCandidate(recruiter, { ...c, version: 1, phone: "555" }));
      const stale = await updateCandidate(recruiter, { ...c, version: 1, phone: "777" });
      expect(stale).toMatchObject({ ok: false, reason: "conflict", current: { phone: "555", version: 2 } });
      const interviewing = await findCandidates(recruiter, { stage: "interviewing" });
      expect(interviewing.rows.map((r) => r.id)).toEqual([firm.candidateId]);
      expect(interviewing.rows[0]!.furthestStage).toBe("interviewing");
    });
  });

  describe("applications", () => {
    it("puts a candidate forward once, keeps every stage change and refuses an unknown stage", async () => {
      const app = ok(await createApplication(recruiter, { candidateId: firm.otherCandidateId, jobId: firm.jobId }));
      expect(app.stage).toBe("sourced");
      const again = await createApplication(recruiter, { candidateId: firm.otherCandidateId, jobId: firm.jobId });
      expect(again).toMatchObject({ ok: false, reason: "duplicate", existing: { id: app.id } });
      const unknown = await moveApplication(recruiter, { id: app.id, version: 1, stage: "hired" });
      expect(unknown).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { stage: [expect.any(String)] } });
      const noReason = await moveApplication(recruiter, { id: app.id, version: 1, stage: "rejected" });
      expect(noReason).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { reason: [expect.any(String)] } });
      ok(await moveApplication(recruiter, { id: app.id, version: 1, stage: "submitted" }));
      const stale = await moveApplication(recruiter, { id: app.id, version: 1, stage: "offer" });
      expect(stale).toMatchObject({ ok: false, reason: "conflict", current: { stage: "submitted", version: 2 } });
      const rejected = ok(await moveApplication(recruiter, { id: app.id, version: 2, stage: "rejected", reason: "Salary too far apart" }));
      expect(rejected.closedReason).toBe("Salary too far apart");
      const reopened = ok(await moveApplication(recruiter, { id: app.id, version: 3, stage: "submitted" }));
      expect(reopened.closedReason).toBe("");
      const history = await listStageHistory(recruiter, app.id);
      expect(history.map((h) => [h.fromStage, h.toStage])).toEqual([
        [null, "sourced"],
        ["sourced", "submitted"],
        ["submitted", "rejected"],
        ["rejected", "submitted"],
      ]);
      expect(history.every((h) => h.changedBy === "Rita Recruiter")).toBe(true);
      expect(history[2]!.reason).toBe("Salary too far apart");
      const audit = await listAuditEvents(recruiter, { entityId: app.id });
      expect(audit.filter((e) => e.action === "application.stage")).toHaveLength(3);
    });

    it("refuses another firm's job or candidate, saving nothing", async () => {
      const r = await createApplication(recruiter, { candidateId: firm.otherCandidateId, jobId: other.jobId });
      expect(r).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { jobId: [expect.stringMatching(/does not exist/)] } });
      const r2 = await createApplication(recruiter, { candidateId: other.candidateId, jobId: firm.jobId });
      expect(r2).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { candidateId: [expect.any(String)] } });
    });

    it("lists the board and the table view", async () => {
      const board = await listApplicationsForJob(recruiter, firm.jobId);
      expect(board.length).toBeGreaterThanOrEqual(2);
      const table = await findApplications(recruiter, { stage: "open", sort: "candidate" });
      expect(table.rows.every((r) => ["sourced", "submitted", "interviewing", "offer"].includes(r.stage))).toBe(true);
      const jobs = await listJobOptions(recruiter, { candidateId: firm.candidateId });
      expect(jobs.map((j) => j.id)).not.toContain(firm.jobId);
    });

    it("counts exactly the rows each filter lists, and only the firm's", async () => {
      const filters = [
        {},
        { stage: "open" as const },
        { recruiterUserId: firm.recruiter.userId },
        { clientId: firm.clientId },
        { jobId: firm.jobId },
        { q: "Cora" },
        { q: "Platform", stage: "open" as const, clientId: firm.clientId },
        { q: "nobody-matches-this" },
        { clientId: other.clientId },
      ];
      for (const f of filters) {
        const page = await findApplications(recruiter, { ...f, limit: 100 });
        expect(page.total, JSON.stringify(f)).toBe(page.rows.length);
      }
      expect((await findApplications(recruiter, {})).total).toBeGreaterThan(0);
      expect((await findApplications(recruiter, { clientId: other.clientId })).total).toBe(0);
    });
  });

  describe("interviews", () => {
    const at = (iso: string) => new Date(iso);

    it("schedules with the client's interviewers, moves the application on and refuses another client's contact", async () => {
      const db = database.current.db;
      const cand = ok(
        await createCandidate(recruiter, { name: "Ivy Interviewee", email: "ivy@example.com", phone: "", location: "", headline: "", notes: "", ownerUserId: null }),
      );
      const app = ok(await createApplication(recruiter, { candidateId: cand.id, jobId: firm.jobId, stage: "submitted" }));
      const otherClient = ok(await createClient(recruiter, { name: "Other Client Co", industry: "", website: "", notes: "" }));
      const stranger = ok(await createContact(recruiter, { clientId: otherClient.id, name: "Stan Stranger", title: "", email: "", phone: "" }));
      const base = {
        applicationId: app.id,
        kind: "onsite" as const,
        startsAt: at("2030-03-05T15:00:00Z"),
        endsAt: at("2030-03-05T16:00:00Z"),
        location: "HQ",
        videoUrl: "",
        arrangedByFirm: true,
        notes: "",
      };
      const wrong = await scheduleInterview(recruiter, { ...base, contactIds: [firm.contactId, stranger.id] });
      expect(wrong).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { contactIds: [expect.stringMatching(/Stan Stranger works at Other Client Co/)] } });
      const foreign = await scheduleInterview(recruiter, { ...base, contactIds: [other.contactId] });
      expect(foreign).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { contactIds: [expect.stringMatching(/does not exist/)] } });
      const backwards = await scheduleInterview(recruiter, { ...base, endsAt: at("2030-03-05T14:00:00Z"), contactIds: [] });
      expect(backwards).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { endTime: [expect.stringMatching(/ends before it starts/)] } });
      // nothing half-saved by the refusals
      const none = await db.select().from(s.interviews).where(and(eq(s.interviews.firmId, firm.firmId), eq(s.interviews.applicationId, app.id)));
      expect(none).toEqual([]);

      const iv = ok(await scheduleInterview(recruiter, { ...base, contactIds: [firm.contactId] }));
      expect(iv.stageMoved).toBe(true);
      const history = await listStageHistory(recruiter, app.id);
      expect(history.map((h) => h.toStage)).toEqual(["submitted", "interviewing"]);
      const got = await getInterview(recruiter, iv.id);
      expect(got!.participants.map((p) => p.name)).toEqual(["Ines Interviewer"]);
      expect(got!.debrief).toBeNull();

      const upcoming = await findInterviews(recruiter, { when: "upcoming", now: at("2030-03-01T00:00:00Z") });
      expect(upcoming.rows.map((r) => r.id)).toContain(iv.id);
      const past = await findInterviews(recruiter, { when: "past", now: at("2030-03-01T00:00:00Z") });
      expect(past.rows.map((r) => r.id)).not.toContain(iv.id);

      const stale = await rescheduleInterview(recruiter, { ...base, id: iv.id, version: 99, contactIds: [] });
      expect(stale).toMatchObject({ ok: false, reason: "conflict", current: { version: 1, contactIds: [firm.contactId] } });
      const moved = ok(
        await rescheduleInterview(recruiter, { ...base, id: iv.id, version: 1, startsAt: at("2030-03-06T15:00:00Z"), endsAt: at("2030-03-06T16:30:00Z"), contactIds: [] }),
      );
      expect(moved.version).toBe(2);
      expect((await getInterview(recruiter, iv.id))!.participants).toEqual([]);

      const bad = await updateInterviewStatus(recruiter, { id: iv.id, version: 2, status: "scheduled" });
      expect(bad).toMatchObject({ ok: false, reason: "invalid" });
      const done = ok(await updateInterviewStatus(recruiter, { id: iv.id, version: 2, status: "completed" }));
      expect(done.completedAt).not.toBeNull();
      expect(done.previousStatus).toBe("scheduled");
      const after = await rescheduleInterview(recruiter, { ...base, id: iv.id, version: 3, contactIds: [] });
      expect(after).toMatchObject({ ok: false, reason: "invalid" });
      const audit = await listAuditEvents(recruiter, { entityId: iv.id });
      expect(audit.map((e) => e.action).sort()).toEqual(["interview.create", "interview.status", "interview.update"]);
    });

    it("lets a candidate read only their own interview's calendar", async () => {
      expect(await getInterviewCalendar(candidateScope, firm.interviewId)).toMatchObject({ id: firm.interviewId, interviewers: [{ name: "Ines Interviewer" }] });
      expect(await getInterviewCalendar(recruiter, firm.interviewId)).not.toBeNull();
      const db = database.current.db;
      const [otherApp] = await db
        .insert(s.applications)
        .values({ firmId: firm.firmId, candidateId: firm.otherCandidateId, jobId: (await createJobFor(recruiter)).id, stage: "interviewing" })
        .returning();
      const [otherIv] = await db
        .insert(s.interviews)
        .values({
          firmId: firm.firmId,
          applicationId: otherApp!.id,
          candidateId: firm.otherCandidateId,
          kind: "video",
          startsAt: at("2030-01-01T10:00:00Z"),
          endsAt: at("2030-01-01T11:00:00Z"),
        })
        .returning();
      expect(await getInterviewCalendar(candidateScope, otherIv!.id)).toBeNull();
      expect(await getInterview(candidateScope, firm.interviewId)).toBeNull();
    });

    it("lists a round that is still going as upcoming, and refuses a round of more than 25 hours", async () => {
      const db = database.current.db;
      const [app] = await db
        .insert(s.applications)
        .values({ firmId: firm.firmId, candidateId: firm.otherCandidateId, jobId: (await createJobFor(recruiter)).id, stage: "interviewing" })
        .returning();
      const round = (startsAt: string, endsAt: string) =>
        db
          .insert(s.interviews)
          .values({ firmId: firm.firmId, applicationId: app!.id, candidateId: firm.otherCandidateId, kind: "onsite", startsAt: at(startsAt), endsAt: at(endsAt) })
          .returning();
      // The longest round there can be: started 24 hours before "now", over in half an hour.
      const [long] = await round("2031-04-01T00:00:00Z", "2031-04-02T00:30:00Z");
      const now = at("2031-04-02T00:00:00Z");
      expect((await findInterviews(recruiter, { when: "upcoming", now })).rows.map((r) => r.id)).toContain(long!.id);
      expect((await findInterviews(recruiter, { when: "past", now })).rows.map((r) => r.id)).not.toContain(long!.id);
      // The upcoming list reads only the rounds that started since then, so the database keeps longer ones out.
      const refusal = (p: Promise<unknown>) => p.then(() => "saved", (e: Error & { cause?: Error }) => e.cause?.message ?? e.message);
      expect(await refusal(round("2031-05-01T00:00:00Z", "2031-05-02T01:00:01Z"))).toMatch(/check constraint "interviews_within_a_day"/);
      expect(await refusal(round("2031-05-01T10:00:00Z", "2031-05-01T09:00:00Z"))).toMatch(/check constraint "interviews_within_a_day"/);
    });

    it("reads the firm's time zone", async () => {
      expect(await getFirmTimeZone(recruiter)).toBe("America/New_York");
    });
  });

  async function createJobFor(scope: QueryScope) {
    return ok(await createJob(scope, { clientId: firm.clientId, title: `Job ${Math.random()}`, location: "", description: "", status: "open", ownerUserId: null }));
  }

  describe("the candidate's timeline", () => {
    it("shows stage changes, interviews, debrief state, feedback and tasks, newest first", async () => {
      const db = database.current.db;
      await db.insert(s.debriefs).values({
        firmId: firm.firmId,
        interviewId: firm.interviewId,
        candidateId: firm.candidateId,
        status: "submitted",
        submittedVersions: 2,
        submittedAt: new Date(Date.now() - 3600_000),
        firstSubmittedAt: new Date(Date.now() - 7200_000),
      });
      await db.insert(s.interviewerFeedback).values({
        firmId: firm.firmId,
        interviewId: firm.interviewId,
        contactId: firm.contactId,
        receivedAt: new Date(Date.now() - 1800_000),
        recommendation: "yes",
        decision: "next_round",
        internalNotes: "SECRET internal note",
      });
      await db.insert(s.tasks).values({
        firmId: firm.firmId,
        title: "Send a thank-you note to Ines",
        ownerKind: "candidate",
        candidateId: firm.candidateId,
        interviewId: firm.interviewId,
        dueAt: new Date(Date.now() + 3600_000),
      });
      const events = await getCandidateTimeline(recruiter, firm.candidateId);
      const kinds = new Set(events.map((e) => e.kind));
      expect([...kinds].sort()).toEqual(["debrief", "feedback", "interview", "task"].sort());
      const debrief = events.find((e) => e.kind === "debrief");
      expect(debrief).toMatchObject({ state: "amended", interviewId: firm.interviewId });
      const feedback = events.find((e) => e.kind === "feedback");
      expect(feedback).toMatchObject({ recommendation: "yes", decision: "next_round", contactName: "Ines Interviewer" });
      // A task on an interview shows the interview's application, job and client.
      const [job] = await db.select({ title: s.jobs.title }).from(s.jobs).where(eq(s.jobs.id, firm.jobId));
      expect(events.find((e) => e.kind === "task")).toMatchObject({ applicationId: firm.applicationId, jobId: firm.jobId, jobTitle: job!.title });
      expect(JSON.stringify(events)).not.toContain("SECRET");
      for (let i = 1; i < events.length; i++) expect(events[i - 1]!.at.getTime()).toBeGreaterThanOrEqual(events[i]!.at.getTime());
      // stage changes appear once made through the query layer
      const app = ok(await createApplication(recruiter, { candidateId: firm.candidateId, jobId: (await createJobFor(recruiter)).id }));
      const withStage = await getCandidateTimeline(recruiter, firm.candidateId);
      expect(withStage.find((e) => e.kind === "stage" && e.applicationId === app.id)).toMatchObject({ from: null, to: "sourced" });
      expect(await getCandidateTimeline(candidateScope, firm.candidateId)).toEqual([]);
    });
  });
});
