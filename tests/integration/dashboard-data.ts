import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import * as s from "@/db/schema";
import type { TestFirm } from "../helpers/fixtures";

/**
 * A fixed data set for the recruiter dashboard, laid out around one fixed
 * "now": Wednesday 4 March 2026, 10:00 in New York (15:00 UTC), the firm's
 * zone; no holidays; the default policy (debrief within 24 h, client
 * feedback within 2 business days).
 */
export const NOW = new Date("2026-03-04T15:00:00Z");
export const at = (iso: string) => new Date(iso);

let seq = 0;

export async function addRound(
  db: Db,
  firm: TestFirm,
  spec: {
    candidate: string;
    recruiterUserId: string;
    startsAt: Date;
    minutes?: number;
    status?: s.InterviewStatus;
    stage?: s.Stage;
    arrangedByFirm?: boolean;
  },
) {
  seq += 1;
  const [cand] = await db
    .insert(s.candidates)
    .values({ firmId: firm.firmId, name: spec.candidate, email: `c${seq}-${firm.slug}@test.example`, ownerUserId: spec.recruiterUserId })
    .returning({ id: s.candidates.id });
  const [app] = await db
    .insert(s.applications)
    .values({
      firmId: firm.firmId,
      candidateId: cand!.id,
      jobId: firm.jobId,
      stage: spec.stage ?? "interviewing",
      stageChangedAt: at("2026-02-10T15:00:00Z"),
      recruiterUserId: spec.recruiterUserId,
    })
    .returning({ id: s.applications.id });
  const endsAt = new Date(spec.startsAt.getTime() + (spec.minutes ?? 60) * 60_000);
  const [iv] = await db
    .insert(s.interviews)
    .values({
      firmId: firm.firmId,
      applicationId: app!.id,
      candidateId: cand!.id,
      kind: "video",
      startsAt: spec.startsAt,
      endsAt,
      status: spec.status ?? "completed",
      arrangedByFirm: spec.arrangedByFirm ?? true,
    })
    .returning({ id: s.interviews.id });
  return { candidateId: cand!.id, applicationId: app!.id, interviewId: iv!.id, endsAt };
}

export async function addDebrief(
  db: Db,
  firm: TestFirm,
  round: { interviewId: string; candidateId: string },
  spec: Partial<typeof s.debriefs.$inferInsert> = {},
) {
  const [d] = await db
    .insert(s.debriefs)
    .values({
      firmId: firm.firmId,
      interviewId: round.interviewId,
      candidateId: round.candidateId,
      status: "submitted",
      submittedVersions: 1,
      overallImpression: 4,
      interestLevel: 4,
      timelineGiven: "yes",
      ...spec,
    })
    .returning({ id: s.debriefs.id, version: s.debriefs.version });
  return d!;
}

export async function addTask(db: Db, firm: TestFirm, spec: Partial<typeof s.tasks.$inferInsert> & { title: string }) {
  const [t] = await db
    .insert(s.tasks)
    .values({ firmId: firm.firmId, ownerKind: "recruiter", ownerUserId: firm.recruiter.userId, ...spec })
    .returning({ id: s.tasks.id, version: s.tasks.version });
  return t!;
}

export async function addFeedback(db: Db, firm: TestFirm, interviewId: string, spec: Partial<typeof s.interviewerFeedback.$inferInsert> = {}) {
  const [f] = await db
    .insert(s.interviewerFeedback)
    .values({ firmId: firm.firmId, interviewId, receivedAt: at("2026-02-20T15:00:00Z"), recordedBy: firm.recruiter.userId, ...spec })
    .returning({ id: s.interviewerFeedback.id });
  return f!;
}

/**
 * The data set of tests/integration/dashboard-queue.test.ts. Each record's
 * comment says which queue item it should (or should not) make.
 */
export async function buildQueueFixture(db: Db, a: TestFirm) {
  const rita = a.recruiter.userId;
  const ada = a.admin.userId;

  // (A) Yesterday's onsite, 15:00–17:30 ET; the debrief came in last night at
  // 21:40 ET: review due 24 h after the end, today 17:30 ET → "due".
  await db
    .update(s.interviews)
    .set({ startsAt: at("2026-03-03T20:00:00Z"), endsAt: at("2026-03-03T22:30:00Z"), status: "completed" })
    .where(eq(s.interviews.id, a.interviewId));
  const A = { interviewId: a.interviewId, candidateId: a.candidateId };
  const debriefA = await addDebrief(db, a, A, {
    submittedAt: at("2026-03-04T02:40:00Z"),
    firstSubmittedAt: at("2026-03-04T02:40:00Z"),
    expectedDecisionOn: "2026-03-06",
    notMentioned: "AWS Solutions Architect – Professional certification",
  });
  // Its policy task is the same work: merged into the item, not listed twice.
  const reviewTaskA = await addTask(db, a, {
    title: "Go through the debrief with the candidate",
    interviewId: A.interviewId,
    candidateId: A.candidateId,
    dueAt: at("2026-03-04T22:30:00Z"),
    rule: "rule 3",
    policyKey: "review_debrief",
  });

  // (B) Yesterday 10:00–11:00 ET, no debrief: due today 11:00 ET → "due".
  const B = await addRound(db, a, { candidate: "Daniel Brooks", recruiterUserId: rita, startsAt: at("2026-03-03T15:00:00Z") });

  // (C) Panel Thursday 26 Feb, ends 16:00 ET; feedback due 2 business days
  // later, Monday 2 Mar 16:00 ET → overdue. Debrief reviewed: nothing else.
  const C = await addRound(db, a, { candidate: "Elena Petrova", recruiterUserId: rita, startsAt: at("2026-02-26T19:30:00Z"), minutes: 90 });
  await addDebrief(db, a, C, { submittedAt: at("2026-02-27T01:00:00Z"), reviewedAt: at("2026-02-27T15:00:00Z") });

  // (D) Onsite 18 Feb; decision promised for 25 Feb, none came; two calls → two items.
  const D = await addRound(db, a, { candidate: "Marcus Webb", recruiterUserId: rita, startsAt: at("2026-02-18T15:00:00Z") });
  await addDebrief(db, a, D, {
    submittedAt: at("2026-02-18T22:00:00Z"),
    reviewedAt: at("2026-02-19T14:00:00Z"),
    expectedDecisionOn: "2026-02-25",
  });
  await addFeedback(db, a, D.interviewId, { recommendation: "yes", decision: null });
  for (const calledAt of ["2026-03-02T15:20:00Z", "2026-03-03T19:45:00Z"]) {
    await db.insert(s.callLogs).values({ firmId: a.firmId, interviewId: D.interviewId, candidateId: D.candidateId, calledAt: at(calledAt) });
  }

  // (E) Ada's candidate: Monday's interview, no debrief, due Tue 11:00 ET →
  // overdue, but only in "everyone". Feedback due Wed 11:00 ET: not yet late.
  const E = await addRound(db, a, { candidate: "Esme Ada-Owned", recruiterUserId: ada, startsAt: at("2026-03-02T15:00:00Z") });

  // (F) Cancelled yesterday: never in the queue.
  await addRound(db, a, { candidate: "Fred Cancelled", recruiterUserId: rita, startsAt: at("2026-03-03T14:00:00Z"), status: "cancelled" });

  // (G) A month ago, no debrief, but the recruiter skipped the step; feedback is in.
  const G = await addRound(db, a, { candidate: "Gus Skipped", recruiterUserId: rita, startsAt: at("2026-02-02T15:00:00Z") });
  await addTask(db, a, { title: "File your debrief", ownerKind: "candidate", ownerUserId: null, interviewId: G.interviewId, policyKey: "debrief", state: "skipped" });
  await addFeedback(db, a, G.interviewId);

  // (I) Reviewed, then amended: needs another look; due was 27 Feb → overdue.
  const I = await addRound(db, a, { candidate: "Ivy Amended", recruiterUserId: rita, startsAt: at("2026-02-26T14:00:00Z") });
  await addDebrief(db, a, I, {
    submittedVersions: 2,
    firstSubmittedAt: at("2026-02-26T20:00:00Z"),
    reviewedAt: at("2026-02-27T14:00:00Z"),
    submittedAt: at("2026-03-01T12:00:00Z"),
  });
  await addFeedback(db, a, I.interviewId);

  // (H) Interviews to come: today 14:00 ET, Friday, and next Monday.
  const Htoday = await addRound(db, a, { candidate: "Hana Today", recruiterUserId: rita, startsAt: at("2026-03-04T19:00:00Z"), status: "scheduled" });
  const Hfri = await addRound(db, a, { candidate: "Hugo Friday", recruiterUserId: rita, startsAt: at("2026-03-06T16:00:00Z"), status: "scheduled" });
  await addRound(db, a, { candidate: "Hal Next-Week", recruiterUserId: rita, startsAt: at("2026-03-09T16:00:00Z"), status: "scheduled" });

  // Tasks.
  const T1 = await addTask(db, a, { title: "Send Cora's résumé to the client", candidateId: A.candidateId, dueAt: at("2026-03-04T13:00:00Z") });
  const T2 = await addTask(db, a, { title: "Prep Hana for today's interview", candidateId: Htoday.candidateId, dueAt: at("2026-03-04T22:00:00Z") });
  const T3 = await addTask(db, a, { title: "Check references for Hugo", candidateId: Hfri.candidateId, dueAt: at("2026-03-05T17:00:00Z") });
  const T5 = await addTask(db, a, {
    title: "Get a decision timeline from the client",
    interviewId: C.interviewId,
    candidateId: C.candidateId,
    dueAt: at("2026-03-03T14:00:00Z"),
    rule: "rule 1",
    policyKey: "get_timeline",
  });
  const T6 = await addTask(db, a, { title: "Ada's call with the client", ownerUserId: ada, dueAt: at("2026-03-04T18:00:00Z") });
  const T7 = await addTask(db, a, {
    title: "Already done this morning",
    dueAt: at("2026-03-04T14:00:00Z"),
    state: "done",
    completedAt: at("2026-03-04T14:10:00Z"),
    completedBy: rita,
  });
  // A candidate's own step is not the recruiter's work.
  await addTask(db, a, {
    title: "Send a thank-you note",
    ownerKind: "candidate",
    ownerUserId: a.candidateUser.userId,
    interviewId: A.interviewId,
    candidateId: A.candidateId,
    dueAt: at("2026-03-04T22:30:00Z"),
    rule: "rule 2",
    policyKey: "thank_you:x",
  });

  return { A, B, C, D, E, G, I, Htoday, Hfri, debriefA, reviewTaskA, T1, T2, T3, T5, T6, T7 };
}
