import { describe, expect, it } from "vitest";
import {
  byClient,
  byRecruiter,
  computeReportMetrics,
  debriefCompletion,
  funnel,
  interviewsPerWeek,
  median,
  medianHoursToDebrief,
  medianHoursToFeedback,
  offerRatios,
  promiseKeepingByClient,
  summarize,
  type ApplicationFact,
  type InterviewFact,
} from "@/lib/core/reports/metrics";

/*
 * A small fixed pipeline. Every expectation below is worked out by hand from
 * these rows (the comments show the arithmetic).
 *
 * Applications (furthest stage, client, recruiter):
 *   p1 offer        Acme  Rita
 *   p2 interviewing Beta  Sam   (rejected later)
 *   p3 placed       Beta  Rita
 *   p4 sourced      Acme  Rita
 *   p5 submitted    Acme  —
 *   p6 interviewing Beta  Sam
 *
 * Interviews (status, start UTC, debrief, h→debrief, h→feedback, promised, days vs promise, client, recruiter):
 *   v1 completed  Mon 2026-03-02 15:00  submitted  10  30  03-05  -1  Acme Rita
 *   v2 completed  Wed 2026-03-04 15:00  reviewed   20  50  03-06  +2  Acme Rita
 *   v3 completed  Mon 2026-03-09 15:00  draft       —   —  03-12   —  Beta Sam
 *   v4 completed  Tue 2026-03-10 15:00  none        —  12     —    —  Beta Sam
 *   v5 scheduled  Tue 2026-03-24 15:00  none        —   —     —    —  Beta Rita
 *   v6 cancelled  Tue 2026-03-17 15:00  none        —   —     —    —  Acme Rita
 *   v7 completed  Mon 2026-03-16 03:00  submitted   4   —  03-25   —  Beta —
 *      (= Sunday 23:00 in New York, so it belongs to the week of Monday 03-09)
 * "Today" is 2026-03-20.
 */

const ACME = "c0000000-0000-4000-8000-000000000001";
const BETA = "c0000000-0000-4000-8000-000000000002";
const RITA = "u0000000-0000-4000-8000-000000000001";
const SAM = "u0000000-0000-4000-8000-000000000002";

const app = (id: string, furthestStage: ApplicationFact["furthestStage"], client: "Acme" | "Beta", recruiter: "Rita" | "Sam" | null): ApplicationFact => ({
  id,
  stage: furthestStage,
  furthestStage,
  clientId: client === "Acme" ? ACME : BETA,
  client,
  recruiterId: recruiter === null ? null : recruiter === "Rita" ? RITA : SAM,
  recruiter,
});

const iv = (
  id: string,
  status: string,
  startsAt: string,
  debriefState: string,
  hoursToDebrief: number | null,
  hoursToFeedback: number | null,
  promisedOn: string | null,
  daysVsPromise: number | null,
  client: "Acme" | "Beta",
  recruiter: "Rita" | "Sam" | null,
): InterviewFact => ({
  id,
  status,
  startsAt: new Date(startsAt),
  debriefState,
  hoursToDebrief,
  hoursToFeedback,
  promisedOn,
  feedbackAt: hoursToFeedback === null ? null : new Date(new Date(startsAt).getTime() + (hoursToFeedback + 1) * 3600_000),
  daysVsPromise,
  clientId: client === "Acme" ? ACME : BETA,
  client,
  recruiterId: recruiter === null ? null : recruiter === "Rita" ? RITA : SAM,
  recruiter,
});

const APPS: ApplicationFact[] = [
  app("p1", "offer", "Acme", "Rita"),
  { ...app("p2", "interviewing", "Beta", "Sam"), stage: "rejected" },
  app("p3", "placed", "Beta", "Rita"),
  app("p4", "sourced", "Acme", "Rita"),
  app("p5", "submitted", "Acme", null),
  app("p6", "interviewing", "Beta", "Sam"),
];

const IVS: InterviewFact[] = [
  iv("v1", "completed", "2026-03-02T15:00:00Z", "submitted", 10, 30, "2026-03-05", -1, "Acme", "Rita"),
  iv("v2", "completed", "2026-03-04T15:00:00Z", "reviewed", 20, 50, "2026-03-06", 2, "Acme", "Rita"),
  iv("v3", "completed", "2026-03-09T15:00:00Z", "draft", null, null, "2026-03-12", null, "Beta", "Sam"),
  iv("v4", "completed", "2026-03-10T15:00:00Z", "none", null, 12, null, null, "Beta", "Sam"),
  iv("v5", "scheduled", "2026-03-24T15:00:00Z", "none", null, null, null, null, "Beta", "Rita"),
  iv("v6", "cancelled", "2026-03-17T15:00:00Z", "none", null, null, null, null, "Acme", "Rita"),
  iv("v7", "completed", "2026-03-16T03:00:00Z", "submitted", 4, null, "2026-03-25", null, "Beta", null),
];

const TODAY = "2026-03-20";
const TZ = "America/New_York";

describe("median", () => {
  it("takes the middle value, or the mean of the two middle ones", () => {
    expect(median([20, 4, 10])).toBe(10);
    expect(median([-1, 2])).toBe(0.5);
    expect(median([7])).toBe(7);
  });

  it("is null for no values", () => {
    expect(median([])).toBeNull();
  });
});

describe("funnel by stage", () => {
  it("counts each application at every stage up to the furthest it reached", () => {
    expect(funnel(APPS)).toEqual([
      { stage: "sourced", reached: 6, conversion: null },
      // all but p4
      { stage: "submitted", reached: 5, conversion: 5 / 6 },
      // p1, p2, p3, p6 — p2 counts although it was rejected later
      { stage: "interviewing", reached: 4, conversion: 4 / 5 },
      // p1, p3
      { stage: "offer", reached: 2, conversion: 2 / 4 },
      // p3
      { stage: "placed", reached: 1, conversion: 1 / 2 },
    ]);
  });

  it("gives no conversion when the previous stage is empty", () => {
    expect(funnel([]).map((s) => s.conversion)).toEqual([null, null, null, null, null]);
  });
});

describe("interviews per week", () => {
  it("counts by Monday-to-Sunday weeks on the firm's calendar, leaving out cancelled ones and keeping empty weeks", () => {
    expect(interviewsPerWeek(IVS, TZ)).toEqual([
      { week: "2026-03-02", interviews: 2 }, // v1, v2
      { week: "2026-03-09", interviews: 3 }, // v3, v4, and v7 (Sunday night in New York)
      { week: "2026-03-16", interviews: 0 }, // only v6, cancelled
      { week: "2026-03-23", interviews: 1 }, // v5
    ]);
  });

  it("puts the Sunday-night interview in the next week on UTC's calendar", () => {
    expect(interviewsPerWeek(IVS, "UTC").find((w) => w.week === "2026-03-16")).toEqual({ week: "2026-03-16", interviews: 1 });
  });

  it("is empty with no interviews", () => {
    expect(interviewsPerWeek([], TZ)).toEqual([]);
  });
});

describe("debriefs and feedback", () => {
  it("rates debrief completion over the interviews that took place", () => {
    // completed: v1, v2, v3, v4, v7 = 5; with a submitted or reviewed debrief: v1, v2, v7 = 3
    expect(debriefCompletion(IVS)).toEqual({ completed: 5, debriefed: 3, rate: 3 / 5 });
  });

  it("takes the median hours to debrief", () => {
    // 10, 20, 4 → 4, 10, 20
    expect(medianHoursToDebrief(IVS)).toBe(10);
  });

  it("takes the median hours to client feedback", () => {
    // 30, 50, 12 → 12, 30, 50
    expect(medianHoursToFeedback(IVS)).toBe(30);
  });
});

describe("offer ratios", () => {
  it("divides offers by interviewed applications and placements by offers", () => {
    // interviewed 4 (p1, p2, p3, p6), offers 2 (p1, p3), placed 1 (p3)
    expect(offerRatios(APPS)).toEqual({ interviewed: 4, offers: 2, placements: 1, interviewToOffer: 0.5, offerToPlacement: 0.5 });
  });
});

describe("each client's feedback against what its interviewers promised", () => {
  it("counts promises kept, late, overdue and not yet due", () => {
    expect(promiseKeepingByClient(IVS, TODAY)).toEqual([
      {
        clientId: ACME,
        client: "Acme",
        promised: 2, // v1, v2
        kept: 1, // v1, a day early
        late: 1, // v2, two days late
        overdue: 0,
        pending: 0,
        keptRate: 1 / 2,
        medianDaysVsPromise: 0.5, // (-1 + 2) / 2
        medianHoursToFeedback: 40, // (30 + 50) / 2
      },
      {
        clientId: BETA,
        client: "Beta",
        promised: 2, // v3, v7
        kept: 0,
        late: 0,
        overdue: 1, // v3: promised 03-12, nothing by 03-20
        pending: 1, // v7: promised 03-25
        keptRate: 0, // 0 of the 1 promise whose day has come
        medianDaysVsPromise: null,
        medianHoursToFeedback: 12, // v4 only
      },
    ]);
  });
});

describe("summaries", () => {
  it("summarizes the whole selection", () => {
    expect(summarize(APPS, IVS)).toEqual({
      applications: 6,
      interviews: 6, // seven, less the cancelled v6
      funnel: [6, 5, 4, 2, 1],
      debrief: { completed: 5, debriefed: 3, rate: 0.6 },
      medianHoursToDebrief: 10,
      medianHoursToFeedback: 30,
      ratios: { interviewed: 4, offers: 2, placements: 1, interviewToOffer: 0.5, offerToPlacement: 0.5 },
    });
  });

  it("breaks the figures down by recruiter, the unassigned last", () => {
    const groups = byRecruiter(APPS, IVS);
    expect(groups.map((g) => g.name)).toEqual(["Rita", "Sam", "Unassigned"]);
    const [rita, sam, none] = groups;
    // Rita: p1, p3, p4; v1, v2, v5 (v6 cancelled)
    expect(rita).toMatchObject({
      id: RITA,
      applications: 3,
      funnel: [3, 2, 2, 2, 1], // p1 offer, p3 placed, p4 sourced
      interviews: 3,
      debrief: { completed: 2, debriefed: 2, rate: 1 },
      medianHoursToDebrief: 15,
      medianHoursToFeedback: 40,
      ratios: { interviewed: 2, offers: 2, placements: 1, interviewToOffer: 1, offerToPlacement: 0.5 },
    });
    // Sam: p2, p6; v3, v4
    expect(sam).toMatchObject({
      applications: 2,
      funnel: [2, 2, 2, 0, 0],
      interviews: 2,
      debrief: { completed: 2, debriefed: 0, rate: 0 },
      medianHoursToDebrief: null,
      medianHoursToFeedback: 12,
      ratios: { interviewed: 2, offers: 0, placements: 0, interviewToOffer: 0, offerToPlacement: null },
    });
    // Nobody: p5; v7
    expect(none).toMatchObject({
      id: null,
      applications: 1,
      interviews: 1,
      debrief: { completed: 1, debriefed: 1, rate: 1 },
      medianHoursToDebrief: 4,
      medianHoursToFeedback: null,
      ratios: { interviewed: 0, offers: 0, placements: 0, interviewToOffer: null, offerToPlacement: null },
    });
  });

  it("breaks the figures down by client", () => {
    const [acme, beta] = byClient(APPS, IVS);
    // Acme: p1, p4, p5; v1, v2 (v6 cancelled)
    expect(acme).toMatchObject({
      name: "Acme",
      applications: 3,
      funnel: [3, 2, 1, 1, 0], // p1 offer, p4 sourced, p5 submitted
      interviews: 2,
      debrief: { completed: 2, debriefed: 2, rate: 1 },
      medianHoursToDebrief: 15,
      medianHoursToFeedback: 40,
      ratios: { interviewed: 1, offers: 1, placements: 0, interviewToOffer: 1, offerToPlacement: 0 },
    });
    // Beta: p2, p3, p6; v3, v4, v5, v7
    expect(beta).toMatchObject({
      name: "Beta",
      applications: 3,
      funnel: [3, 3, 3, 1, 1], // p2 and p6 interviewing, p3 placed
      interviews: 4,
      debrief: { completed: 3, debriefed: 1, rate: 1 / 3 },
      medianHoursToDebrief: 4,
      medianHoursToFeedback: 12,
      ratios: { interviewed: 3, offers: 1, placements: 1, interviewToOffer: 1 / 3, offerToPlacement: 1 },
    });
  });
});

describe("computeReportMetrics", () => {
  it("reads report rows as the database gives them", () => {
    const metrics = computeReportMetrics(
      {
        applications: [
          { application_id: "p1", stage: "offer", furthest_stage: "offer", client_id: ACME, client: "Acme", recruiter_id: RITA, recruiter: "Rita" },
          { application_id: "p2", stage: "sourced", furthest_stage: "sourced", client_id: ACME, client: "Acme", recruiter_id: null, recruiter: null },
        ],
        interviews: [
          {
            interview_id: "v1",
            status: "completed",
            starts_at: new Date("2026-03-02T15:00:00Z"),
            debrief_state: "submitted",
            hours_to_debrief: 10,
            hours_to_client_feedback: 30,
            promised_decision_on: "2026-03-05",
            feedback_received_at: new Date("2026-03-03T22:00:00Z"),
            feedback_days_vs_promise: -2,
            client_id: ACME,
            client: "Acme",
            recruiter_id: RITA,
            recruiter: "Rita",
          },
        ],
      },
      { timeZone: TZ, today: TODAY },
    );
    expect(metrics.summary.applications).toBe(2);
    expect(metrics.funnel.map((s) => s.reached)).toEqual([2, 1, 1, 1, 0]);
    expect(metrics.weeks).toEqual([{ week: "2026-03-02", interviews: 1 }]);
    expect(metrics.promises[0]).toMatchObject({ promised: 1, kept: 1, medianDaysVsPromise: -2 });
    expect(metrics.byRecruiter.map((g) => g.name)).toEqual(["Rita", "Unassigned"]);
  });
});
