import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { eraseExpiredCandidates, exportCandidateData } from "@/db/queries/data-rights";
import { eraseCandidateAction } from "@/app/(staff)/settings/data-requests/actions";
import { GET as exportRoute } from "@/app/api/candidates/[id]/export/route";
import { checkCredentials } from "@/lib/auth/credentials";
import { expectFieldError, submit } from "../helpers/actions";
import { signedInAs, useDatabaseForRequests } from "../helpers/context";
import { useFreshDatabase } from "../helpers/db";
import { createTestFirm, formData, scopeOf, sessionFor, type TestFirm } from "../helpers/fixtures";

describe("candidate data rights", () => {
  const database = useFreshDatabase();
  let a: TestFirm;
  const db = () => database.current.db;

  beforeAll(async () => {
    useDatabaseForRequests(database.current);
    a = await createTestFirm(db(), "rights");
    const [d] = await db()
      .insert(s.debriefs)
      .values({ firmId: a.firmId, interviewId: a.interviewId, candidateId: a.candidateId, status: "submitted", wentWell: "Talked about my time at Acme", overallImpression: 4 })
      .returning({ id: s.debriefs.id });
    await db().insert(s.debriefVersions).values({ firmId: a.firmId, debriefId: d!.id, number: 1, snapshot: { wentWell: "Talked about my time at Acme" } });
    await db().insert(s.interviewerFeedback).values({
      firmId: a.firmId,
      interviewId: a.interviewId,
      receivedAt: new Date(),
      recommendation: "yes",
      internalNotes: "Cora seemed nervous",
    });
  });

  it("exports everything held on a candidate as JSON, for admins only, and audits it", async () => {
    signedInAs(await sessionFor(db(), a, a.admin));
    const res = await exportRoute(new Request("http://localhost/x"), { params: Promise.resolve({ id: a.candidateId }) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="candidate-/);
    const body = await res.json();
    expect(body.candidate.email).toBe(`cora@${a.slug}.example`);
    expect(body.debriefs[0].wentWell).toBe("Talked about my time at Acme");
    expect(body.interviewerFeedback[0].internalNotes).toBe("Cora seemed nervous");
    expect(body.applications).toHaveLength(1);
    const audit = await db().select().from(s.auditEvents).where(eq(s.auditEvents.action, "candidate.export"));
    expect(audit).toHaveLength(1);
    signedInAs(await sessionFor(db(), a, a.recruiter));
    const denied = await exportRoute(new Request("http://localhost/x"), { params: Promise.resolve({ id: a.candidateId }) });
    expect(denied.status).toBe(404);
    signedInAs(null);
  });

  it("asks for the candidate's name before erasing", async () => {
    signedInAs(await sessionFor(db(), a, a.admin));
    const r = await submit(eraseCandidateAction, formData({ candidateId: a.candidateId, confirmName: "Someone Else" }));
    expectFieldError(r, "confirmName", /Cora Candidate/);
    const [c] = await db().select().from(s.candidates).where(eq(s.candidates.id, a.candidateId));
    expect(c?.anonymizedAt).toBeNull();
  });

  it("erases personal data, keeps the counts, and closes the candidate's sign-in", async () => {
    signedInAs(await sessionFor(db(), a, a.admin));
    const r = await submit(eraseCandidateAction, formData({ candidateId: a.candidateId, confirmName: "cora candidate" }));
    expect(r.ok).toBe(true);
    const [c] = await db().select().from(s.candidates).where(eq(s.candidates.id, a.candidateId));
    expect(c?.name).toBe("Erased candidate");
    expect(c?.email).not.toContain("cora");
    expect(c?.anonymizedAt).not.toBeNull();
    const [d] = await db().select().from(s.debriefs).where(eq(s.debriefs.candidateId, a.candidateId));
    expect(d?.wentWell).toBe("");
    expect(d?.overallImpression).toBe(4);
    const [v] = await db().select().from(s.debriefVersions).where(eq(s.debriefVersions.debriefId, d!.id));
    expect(JSON.stringify(v?.snapshot)).not.toContain("Acme");
    const [fb] = await db().select().from(s.interviewerFeedback).where(eq(s.interviewerFeedback.interviewId, a.interviewId));
    expect(fb?.internalNotes).toBe("");
    expect(fb?.recommendation).toBe("yes");
    const apps = await db().select().from(s.applications).where(eq(s.applications.candidateId, a.candidateId));
    expect(apps).toHaveLength(1);
    expect(await checkCredentials({ email: a.candidateUser.email, password: a.password }, { ip: null, userAgent: null })).toEqual({
      ok: false,
      reason: "invalid",
    });
    const audit = await db().select().from(s.auditEvents).where(eq(s.auditEvents.action, "candidate.erase"));
    expect(audit[0]?.changes).toEqual({ basis: "request" });
    signedInAs(null);
  });

  it("erases, under the retention rule, only candidates closed longer than the period", async () => {
    const firm = await createTestFirm(db(), "retain");
    const scope = scopeOf(db(), firm, firm.admin);
    await db()
      .update(s.applications)
      .set({ stage: "rejected", stageChangedAt: sql`now() - interval '400 days'` })
      .where(eq(s.applications.firmId, firm.firmId));
    // The other candidate has an open application: never erased.
    await db().insert(s.applications).values({ firmId: firm.firmId, candidateId: firm.otherCandidateId, jobId: firm.jobId, stage: "submitted" });
    expect(await eraseExpiredCandidates(scope, db(), 500)).toEqual([]);
    expect(await eraseExpiredCandidates(scope, db(), 365)).toEqual([firm.candidateId]);
    const rows = await db()
      .select({ id: s.candidates.id, anonymizedAt: s.candidates.anonymizedAt })
      .from(s.candidates)
      .where(and(eq(s.candidates.firmId, firm.firmId)));
    expect(rows.find((r) => r.id === firm.otherCandidateId)?.anonymizedAt).toBeNull();
    expect(await exportCandidateData(scope, db(), firm.candidateId)).toMatchObject({ candidate: { name: "Erased candidate" } });
  });
});
