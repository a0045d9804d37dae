import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addendumText, dayLabel, reviewFlags, type FlagDebrief, type FlagFeedback, type FlagInput } from "@/lib/core/review/flags";

const debrief = (over: Partial<FlagDebrief> = {}): FlagDebrief => ({
  status: "submitted",
  overallImpression: 3,
  interestLevel: 3,
  timelineGiven: "yes",
  expectedDecisionOn: null,
  notMentioned: "",
  ...over,
});

const feedback = (over: Partial<FlagFeedback> = {}): FlagFeedback => ({
  recommendation: "yes",
  decision: null,
  receivedAt: new Date("2026-03-03T15:00:00Z"),
  ...over,
});

const input = (over: Partial<FlagInput> = {}): FlagInput => ({
  debrief: debrief(),
  feedback: [],
  today: "2026-03-04",
  candidateName: "Maya Chen",
  jobTitle: "Senior Cloud Engineer",
  contactName: "Priya Raman",
  ...over,
});

const codes = (i: FlagInput) => reviewFlags(i).map((f) => f.code);

describe("reviewFlags", () => {
  it("flags a candidate who felt it went well when the client recommends no", () => {
    const flags = reviewFlags(input({ debrief: debrief({ overallImpression: 5 }), feedback: [feedback({ recommendation: "no" })] }));
    expect(flags.map((f) => f.code)).toEqual(["felt_good_client_no"]);
    expect(flags[0]!.severity).toBe("warning");
    expect(flags[0]!.detail).toContain("5/5");
  });

  it("flags a client rejection even when the recommendation was yes", () => {
    expect(codes(input({ debrief: debrief({ overallImpression: 4 }), feedback: [feedback({ recommendation: "yes", decision: "reject" })] }))).toEqual([
      "felt_good_client_no",
    ]);
  });

  it("does not flag a lukewarm candidate the client turns down", () => {
    expect(codes(input({ debrief: debrief({ overallImpression: 3 }), feedback: [feedback({ recommendation: "definitely_not" })] }))).toEqual([]);
  });

  it("reads the latest feedback's recommendation, not an older one", () => {
    const older = feedback({ recommendation: "no", receivedAt: new Date("2026-03-02T10:00:00Z") });
    const newer = feedback({ recommendation: "strong_yes", receivedAt: new Date("2026-03-03T10:00:00Z") });
    expect(codes(input({ debrief: debrief({ overallImpression: 5 }), feedback: [older, newer] }))).toEqual([]);
    expect(codes(input({ debrief: debrief({ overallImpression: 5 }), feedback: [newer, { ...older, receivedAt: new Date("2026-03-04T10:00:00Z") }] }))).toEqual([
      "felt_good_client_no",
    ]);
  });

  it("flags a next round the candidate is barely interested in", () => {
    expect(codes(input({ debrief: debrief({ interestLevel: 2 }), feedback: [feedback({ decision: "next_round" })] }))).toEqual([
      "next_round_low_interest",
    ]);
    expect(codes(input({ debrief: debrief({ interestLevel: 3 }), feedback: [feedback({ decision: "next_round" })] }))).toEqual([]);
  });

  it("flags a promised decision date that has passed with no decision", () => {
    const flags = reviewFlags(input({ debrief: debrief({ expectedDecisionOn: "2026-03-03" }) }));
    expect(flags.map((f) => f.code)).toEqual(["decision_date_passed"]);
    expect(flags[0]!.detail).toContain("Tue 3 Mar");
  });

  it("does not flag the decision date on the day itself, or once a decision is in", () => {
    expect(codes(input({ debrief: debrief({ expectedDecisionOn: "2026-03-04" }) }))).toEqual([]);
    expect(codes(input({ debrief: debrief({ expectedDecisionOn: "2026-03-02" }), feedback: [feedback({ decision: "hold" })] }))).toEqual([]);
  });

  it("ignores a draft debrief for disagreements and dates", () => {
    const draft = debrief({ status: "draft", overallImpression: 5, expectedDecisionOn: "2026-03-01", timelineGiven: "no" });
    expect(codes(input({ debrief: draft, feedback: [feedback({ recommendation: "no" })] }))).toEqual([]);
  });

  it("asks for a timeline when the candidate was given none", () => {
    expect(codes(input({ debrief: debrief({ timelineGiven: "no" }) }))).toEqual(["no_timeline"]);
  });

  it("offers a ready addendum for each qualification not mentioned", () => {
    const flags = reviewFlags(input({ debrief: debrief({ notMentioned: "AWS Solutions Architect – Professional certification" }) }));
    expect(flags.map((f) => f.code)).toEqual(["not_mentioned"]);
    expect(flags[0]!.items).toEqual(["AWS Solutions Architect – Professional certification"]);
    expect(flags[0]!.addendum).toBe(
      [
        "Hi Priya,",
        "",
        "Thank you again for meeting Maya about the Senior Cloud Engineer role. One thing Maya did not get to mention in the interview: AWS Solutions Architect – Professional certification.",
        "",
        "Happy to share details if it helps your decision.",
      ].join("\n"),
    );
  });

  it("lists several qualifications one per line and drops list markers", () => {
    const flags = reviewFlags(input({ contactName: null, debrief: debrief({ notMentioned: "- PMP certification.\n2) Bilingual: English and Spanish\n\n" }) }));
    expect(flags[0]!.title).toContain("2 qualifications");
    expect(flags[0]!.addendum).toContain("Hello,");
    expect(flags[0]!.addendum).toContain("- PMP certification\n- Bilingual: English and Spanish");
  });

  it("offers no addendum once the client has rejected", () => {
    expect(codes(input({ debrief: debrief({ notMentioned: "PMP", overallImpression: 2 }), feedback: [feedback({ decision: "reject", recommendation: "no" })] }))).toEqual([]);
  });

  it("gives nothing without a debrief", () => {
    expect(reviewFlags(input({ debrief: null, feedback: [feedback({ recommendation: "no", decision: "reject" })] }))).toEqual([]);
  });

  it("is pure: the same input gives the same flags, and a flag is only raised from its own facts", () => {
    const arbDebrief = fc.record({
      status: fc.constantFrom("draft" as const, "submitted" as const),
      overallImpression: fc.option(fc.integer({ min: 1, max: 5 })),
      interestLevel: fc.option(fc.integer({ min: 1, max: 5 })),
      timelineGiven: fc.constantFrom("yes" as const, "no" as const, "unsure" as const, null),
      expectedDecisionOn: fc.option(fc.constantFrom("2026-03-01", "2026-03-04", "2026-03-09")),
      notMentioned: fc.constantFrom("", "PMP", "A\nB"),
    });
    const arbFeedback = fc.record({
      recommendation: fc.constantFrom("strong_yes" as const, "yes" as const, "no" as const, "definitely_not" as const, "no_decision" as const),
      decision: fc.constantFrom("next_round" as const, "offer" as const, "hold" as const, "reject" as const, null),
      receivedAt: fc.date({ min: new Date("2026-03-01T00:00:00Z"), max: new Date("2026-03-04T00:00:00Z"), noInvalidDate: true }),
    });
    fc.assert(
      fc.property(fc.option(arbDebrief), fc.array(arbFeedback, { maxLength: 3 }), (d, fb) => {
        const i = input({ debrief: d, feedback: fb });
        const flags = reviewFlags(i);
        expect(reviewFlags(i)).toEqual(flags);
        for (const f of flags) {
          if (f.code === "next_round_low_interest") expect(fb.some((x) => x.decision === "next_round")).toBe(true);
          if (f.code === "decision_date_passed") expect((d?.expectedDecisionOn ?? "9999-12-31") < i.today).toBe(true);
          if (f.code === "felt_good_client_no") expect(d!.overallImpression!).toBeGreaterThanOrEqual(4);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("addendumText and dayLabel", () => {
  it("formats a calendar date without shifting it by a zone", () => {
    expect(dayLabel("2026-11-27")).toBe("Fri 27 Nov");
  });

  it("writes the contact's first name in the greeting", () => {
    expect(addendumText({ candidateName: "Elena Petrova", jobTitle: "Compliance Officer", contactName: "Dana K. Ortiz", items: ["Series 7"] })).toMatch(
      /^Hi Dana,/,
    );
  });
});
