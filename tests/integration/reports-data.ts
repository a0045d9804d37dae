import type { Db } from "@/db/client";
import * as s from "@/db/schema";
import type { TestFirm } from "../helpers/fixtures";

/**
 * A small pipeline on top of createTestFirm's firm, for the report tests:
 * a second client and job, candidates whose names a spreadsheet would run as
 * formulas, applications in every kind of stage, interviews with debriefs,
 * feedback, promises and open next steps — all at fixed times (UTC).
 */

export const TRICKY_NAMES = ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "\tTabbed", 'O\'Brien, "Bo"\nSecond line', "Zoë Ødegaard"] as const;

export interface ReportData {
  client2Id: string;
  job2Id: string;
  apps: Record<"a1" | "a2" | "a3" | "a4" | "a5" | "a6" | "a7", string>;
  interviews: Record<"i1" | "i2" | "i3" | "i4" | "i5", string>;
}

const t = (iso: string) => new Date(iso);

export async function seedReportData(db: Db, firm: TestFirm): Promise<ReportData> {
  const firmId = firm.firmId;
  const [client2] = await db.insert(s.clients).values({ firmId, name: "Beta Corp" }).returning({ id: s.clients.id });
  const [contact2] = await db
    .insert(s.contacts)
    .values({ firmId, clientId: client2!.id, name: "Bea Boss", title: "VP" })
    .returning({ id: s.contacts.id });
  const [job2] = await db
    .insert(s.jobs)
    .values({ firmId, clientId: client2!.id, title: "Data Analyst", ownerUserId: firm.admin.userId })
    .returning({ id: s.jobs.id });
  const candidateIds: string[] = [];
  for (const [i, name] of TRICKY_NAMES.entries()) {
    const [c] = await db
      .insert(s.candidates)
      .values({ firmId, name, email: `tricky${i}-${firm.slug}@test.example` })
      .returning({ id: s.candidates.id });
    candidateIds.push(c!.id);
  }
  const app = async (
    candidate: number,
    jobId: string,
    stage: s.Stage,
    createdAt: string,
    recruiter: string | null,
    history: [s.Stage, string][] = [],
  ) => {
    const [row] = await db
      .insert(s.applications)
      .values({
        firmId,
        candidateId: candidateIds[candidate]!,
        jobId,
        stage,
        createdAt: t(createdAt),
        stageChangedAt: t(history.at(-1)?.[1] ?? createdAt),
        recruiterUserId: recruiter,
        closedReason: stage === "rejected" ? "Chose another candidate" : "",
      })
      .returning({ id: s.applications.id });
    let from: s.Stage | null = "sourced";
    for (const [to, at] of history) {
      await db.insert(s.applicationStageChanges).values({ firmId, applicationId: row!.id, fromStage: from, toStage: to, changedAt: t(at) });
      from = to;
    }
    return row!.id;
  };
  const r = firm.recruiter.userId;
  const a1 = await app(0, firm.jobId, "offer", "2026-01-05T09:00:00Z", r, [
    ["submitted", "2026-01-06T09:00:00Z"],
    ["interviewing", "2026-01-08T09:00:00Z"],
    ["offer", "2026-01-16T09:00:00Z"],
  ]);
  const a2 = await app(1, job2!.id, "rejected", "2026-01-10T09:00:00Z", null, [
    ["interviewing", "2026-01-12T09:00:00Z"],
    ["rejected", "2026-01-28T09:00:00Z"],
  ]);
  const a3 = await app(2, job2!.id, "placed", "2026-02-01T09:00:00Z", r, [
    ["interviewing", "2026-02-03T09:00:00Z"],
    ["offer", "2026-02-20T09:00:00Z"],
    ["placed", "2026-03-02T09:00:00Z"],
  ]);
  const a4 = await app(3, firm.jobId, "sourced", "2026-02-15T09:00:00Z", r);
  const a5 = await app(4, firm.jobId, "submitted", "2026-03-01T09:00:00Z", r, [["submitted", "2026-03-02T09:00:00Z"]]);
  const a6 = await app(5, job2!.id, "interviewing", "2026-03-05T09:00:00Z", r, [["interviewing", "2026-03-06T09:00:00Z"]]);
  const a7 = await app(6, firm.jobId, "withdrawn", "2026-03-08T09:00:00Z", r, [["withdrawn", "2026-03-09T09:00:00Z"]]);

  const interview = async (
    applicationId: string,
    candidate: number,
    startsAt: string,
    status: s.InterviewStatus,
    contactId: string,
  ) => {
    const start = t(startsAt);
    const [row] = await db
      .insert(s.interviews)
      .values({
        firmId,
        applicationId,
        candidateId: candidateIds[candidate]!,
        kind: "onsite",
        startsAt: start,
        endsAt: new Date(start.getTime() + 3600_000),
        status,
      })
      .returning({ id: s.interviews.id });
    await db.insert(s.interviewParticipants).values({ firmId, interviewId: row!.id, contactId });
    return row!.id;
  };
  const i1 = await interview(a1, 0, "2026-01-12T10:00:00Z", "completed", firm.contactId);
  const i2 = await interview(a2, 1, "2026-01-20T14:00:00Z", "completed", contact2!.id);
  const i3 = await interview(a3, 2, "2026-02-10T15:00:00Z", "completed", contact2!.id);
  const i4 = await interview(a6, 5, "2026-03-10T16:00:00Z", "scheduled", contact2!.id);
  const i5 = await interview(a6, 5, "2026-03-03T16:00:00Z", "cancelled", contact2!.id);

  // i1: debrief 12 h after the end, reviewed; decision promised for Jan 16, feedback Jan 15 (kept).
  await db.insert(s.debriefs).values({
    firmId,
    interviewId: i1,
    candidateId: candidateIds[0]!,
    status: "submitted",
    submittedVersions: 1,
    firstSubmittedAt: t("2026-01-12T23:00:00Z"),
    submittedAt: t("2026-01-12T23:00:00Z"),
    reviewedAt: t("2026-01-13T10:00:00Z"),
    expectedDecisionOn: "2026-01-16",
  });
  await db.insert(s.interviewerFeedback).values({
    firmId,
    interviewId: i1,
    contactId: firm.contactId,
    receivedAt: t("2026-01-15T15:00:00Z"),
    recommendation: "yes",
    decision: "offer",
  });
  // i2: a draft debrief; feedback 7 days after, 4 days after the promised Jan 23.
  await db.insert(s.debriefs).values({
    firmId,
    interviewId: i2,
    candidateId: candidateIds[1]!,
    status: "draft",
    expectedDecisionOn: "2026-01-23",
  });
  await db.insert(s.interviewerFeedback).values({
    firmId,
    interviewId: i2,
    contactId: contact2!.id,
    receivedAt: t("2026-01-27T15:00:00Z"),
    recommendation: "no",
    decision: "reject",
  });
  // i3: debrief 6 h after; a decision promised for Feb 13 and no feedback since.
  await db.insert(s.debriefs).values({
    firmId,
    interviewId: i3,
    candidateId: candidateIds[2]!,
    status: "submitted",
    submittedVersions: 1,
    firstSubmittedAt: t("2026-02-10T22:00:00Z"),
    submittedAt: t("2026-02-10T22:00:00Z"),
    expectedDecisionOn: "2026-02-13",
  });
  await db.insert(s.tasks).values([
    {
      firmId,
      title: "Call the client about the offer",
      ownerKind: "recruiter",
      ownerUserId: r,
      applicationId: a1,
      candidateId: candidateIds[0]!,
      dueAt: t("2026-01-20T17:00:00Z"),
    },
    {
      firmId,
      title: "=cmd|' /C calc'!A0",
      ownerKind: "recruiter",
      ownerUserId: r,
      applicationId: a3,
      interviewId: i3,
      candidateId: candidateIds[2]!,
      dueAt: t("2026-02-12T17:00:00Z"),
    },
    {
      firmId,
      title: "Done already",
      ownerKind: "recruiter",
      ownerUserId: r,
      applicationId: a3,
      interviewId: i3,
      state: "done",
      dueAt: t("2026-02-11T17:00:00Z"),
    },
  ]);
  return {
    client2Id: client2!.id,
    job2Id: job2!.id,
    apps: { a1, a2, a3, a4, a5, a6, a7 },
    interviews: { i1, i2, i3, i4, i5 },
  };
}

/** Reads a Response body to the end. */
export async function bodyBytes(res: Response): Promise<Buffer> {
  return Buffer.from(await res.arrayBuffer());
}

/**
 * A few more interviews on firm A's first application: medians whose middle
 * values average differently in floating point depending on how they are
 * combined (0.1 and 0.7 hours), an odd and an even count, and interviews near
 * week boundaries on either side of a daylight-saving change.
 */
export async function addEdgeInterviews(db: Db, firm: TestFirm): Promise<void> {
  const add = async (startsAt: string, status: s.InterviewStatus, debriefAfterMin: number | null, feedbackAfterMin: number | null, promised: string | null) => {
    const start = new Date(startsAt);
    const end = new Date(start.getTime() + 3600_000);
    const [iv] = await db
      .insert(s.interviews)
      .values({ firmId: firm.firmId, applicationId: firm.applicationId, candidateId: firm.candidateId, kind: "video", startsAt: start, endsAt: end, status })
      .returning({ id: s.interviews.id });
    if (debriefAfterMin !== null || promised !== null) {
      const at = debriefAfterMin === null ? null : new Date(end.getTime() + debriefAfterMin * 60_000);
      await db.insert(s.debriefs).values({
        firmId: firm.firmId,
        interviewId: iv!.id,
        candidateId: firm.candidateId,
        status: at ? "submitted" : "draft",
        submittedVersions: at ? 1 : 0,
        firstSubmittedAt: at,
        submittedAt: at,
        expectedDecisionOn: promised,
      });
    }
    if (feedbackAfterMin !== null) {
      await db.insert(s.interviewerFeedback).values({
        firmId: firm.firmId,
        interviewId: iv!.id,
        contactId: firm.contactId,
        receivedAt: new Date(end.getTime() + feedbackAfterMin * 60_000),
        recommendation: "yes",
        decision: "next_round",
      });
    }
  };
  // Sunday 23:30 in New York after the clocks went forward on 2026-03-08 (Monday 03:30 UTC).
  await add("2026-03-09T03:30:00Z", "completed", 6, 6, "2026-03-12");
  await add("2026-03-01T04:30:00Z", "completed", 42, 42, "2026-03-02");
  // Monday 00:00 in New York, before the change.
  await add("2026-03-02T05:00:00Z", "completed", null, null, "2026-03-20");
  await add("2026-04-13T12:00:00Z", "scheduled", null, null, null);
  await add("2026-02-23T23:45:00Z", "cancelled", null, null, null);
}
