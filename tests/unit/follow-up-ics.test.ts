import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "@/db/schema/firms";
import { buildPlan, planToIcs, type FollowUpInput } from "@/lib/core/follow-up";
import { escapeText, foldLine } from "@/lib/core/ics";

/** Tue 14 Apr 2026 10:00–11:00 EDT, debrief in with a promised date and one note already sent. */
const input: FollowUpInput = {
  interview: {
    id: "int-1",
    startsAt: new Date("2026-04-14T14:00:00Z"),
    endsAt: new Date("2026-04-14T15:00:00Z"),
    status: "completed",
    arrangedByFirm: true,
    interviewers: [],
  },
  debrief: {
    status: "submitted",
    submittedAt: new Date("2026-04-15T00:00:00Z"),
    firstSubmittedAt: null,
    timelineGiven: "yes",
    expectedDecisionOn: "2026-04-17",
    callInvitation: "none",
    callBy: null,
    callTime: null,
    invitedBack: false,
    invitedBackDetails: "",
    notMentioned: "AWS certification, Solutions Architect; Professional level",
    people: [
      {
        id: "p-1",
        contactId: "c-1",
        name: "Zoë Müller-Šťastná, VP Engineering; Platform and Data Infrastructure 日本",
        email: "zoe@client.example",
        thankYouSent: false,
        thankYouSentAt: null,
      },
      {
        id: "p-2",
        contactId: "c-2",
        name: "Lee Park",
        email: "lee@client.example",
        thankYouSent: true,
        thankYouSentAt: new Date("2026-04-14T20:00:00Z"),
      },
    ],
  },
  calls: [],
  firm: { timeZone: "America/New_York", holidays: [], policy: DEFAULT_POLICY },
  progress: { debriefReviewedAt: null, feedbackReceivedAt: null },
  now: new Date("2026-04-15T12:00:00Z"),
};

const unfold = (ics: string) => ics.replace(/\r\n /g, "");

describe("planToIcs", () => {
  const plan = buildPlan(input);
  const ics = planToIcs(plan, { interviewTitle: "Onsite — Acme, Data Engineer", uidPrefix: "interview-int-1" });

  it("writes a CRLF-terminated calendar whose physical lines fit in 75 octets", () => {
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of ics.split("\r\n")) {
      expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    }
  });

  it("folds long lines between characters, never inside a multi-byte one", () => {
    const line = `SUMMARY:${"é".repeat(30)}${"日本".repeat(20)}`;
    const folded = foldLine(line);
    expect(folded.split("\r\n").length).toBeGreaterThan(1);
    for (const part of folded.split("\r\n")) {
      expect(Buffer.byteLength(part, "utf8")).toBeLessThanOrEqual(75);
      expect(Buffer.from(part, "utf8").toString("utf8")).toBe(part);
    }
    expect(folded.replace(/\r\n /g, "")).toBe(line);
  });

  it("includes only the candidate's open dated steps, each with its own UID", () => {
    const expected = plan.steps.filter((s) => s.owner === "candidate" && s.dueAt !== null && s.state !== "done");
    expect(expected.map((s) => s.key)).toEqual(["thank_you:c-1", "wait", "call"]);
    const events = unfold(ics).split("BEGIN:VEVENT").slice(1);
    expect(events).toHaveLength(expected.length);
    const uids = unfold(ics).match(/^UID:.*$/gm) ?? [];
    expect(uids).toEqual([
      "UID:interview-int-1-thank_you-c-1@afterview",
      "UID:interview-int-1-wait@afterview",
      "UID:interview-int-1-call@afterview",
    ]);
    expect(unfold(ics)).not.toContain("review_debrief");
    expect(unfold(ics)).not.toContain("thank_you-c-2");
  });

  it("stamps events in UTC, with the call spanning its allowed window", () => {
    const text = unfold(ics);
    expect(text.match(/^DTSTAMP:.*$/gm)).toEqual(Array(3).fill("DTSTAMP:20260415T120000Z"));
    // call: Wed 22 Apr 09:00–17:00 EDT
    const call = text.split("BEGIN:VEVENT")[3]!;
    expect(call).toContain("DTSTART:20260422T130000Z\r\nDTEND:20260422T210000Z\r\n");
    // thank-you: a point deadline 24 hours after the end
    const note = text.split("BEGIN:VEVENT")[1]!;
    expect(note).toContain("DTSTART:20260415T150000Z\r\n");
    expect(note).not.toContain("DTEND");
  });

  it("escapes commas, semicolons, backslashes and newlines in text", () => {
    expect(escapeText("a,b;c\\d\ne\r\nf")).toBe("a\\,b\\;c\\\\d\\ne\\nf");
    const text = unfold(ics);
    expect(text).toContain("SUMMARY:Send a thank-you note to Zoë Müller-Šťastná\\, VP Engineering\\; Platform");
    expect(text).toContain("\\nWorth adding to the note: AWS certification\\, Solutions Architect\\; Professional level");
  });

  it("produces the same file for the same plan", () => {
    expect(planToIcs(plan, { interviewTitle: "Onsite — Acme, Data Engineer", uidPrefix: "interview-int-1" })).toBe(ics);
  });
});
