import { describe, expect, it } from "vitest";
import {
  DEBRIEF_LIMITS,
  callAnswerOfSnapshot,
  debriefEnvelopeSchema,
  debriefProblems,
  emptyDebriefDraft,
  isCalendarDate,
  logCallSchema,
  normalizeDebriefForSubmit,
  parseDebriefDraft,
  thankYouNoteSchema,
  type DebriefCheckContext,
  type DebriefDraft,
} from "@/lib/core/validation/debrief";
import { fromLocalInput, toLocalInput } from "@/app/(candidate)/_components/format";

const ctx: DebriefCheckContext = {
  interviewDay: "2026-03-10",
  interviewDayLabel: "Tuesday 10 March",
  interviewStartsAt: new Date("2026-03-10T14:00:00Z"),
  now: new Date("2026-03-11T12:00:00Z"),
};

const PERSON_ID = "0195f0c8-1d2a-7c3b-8d4e-5f6a7b8c9d0e";

function draft(over: Partial<DebriefDraft> = {}): DebriefDraft {
  return {
    ...emptyDebriefDraft(),
    overallImpression: 4,
    interestLevel: 3,
    timelineGiven: "yes",
    callInvitation: "none",
    invitedBack: false,
    people: [
      {
        id: PERSON_ID,
        contactId: null,
        name: "Dana Reyes",
        title: "",
        email: "dana@client.example",
        phone: "",
        thankYouSent: false,
        thankYouSentAt: null,
        thankYouChannel: null,
      },
    ],
    ...over,
  };
}

describe("debrief drafts", () => {
  it("accepts an empty object as an empty draft", () => {
    const r = parseDebriefDraft("{}");
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.draft).toEqual(emptyDebriefDraft());
  });

  it("keeps an unfinished email and a missing answer in a draft", () => {
    const r = parseDebriefDraft(JSON.stringify({ people: [{ id: PERSON_ID, email: "dana@" }] }));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.draft.people[0]?.email).toBe("dana@");
  });

  it("refuses text past its limit, keyed by the field", () => {
    const r = parseDebriefDraft(JSON.stringify({ wentWell: "x".repeat(DEBRIEF_LIMITS.long + 1) }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fieldErrors.wentWell?.[0]).toMatch(/at most 4000 characters/);
  });

  it("keys a person's problem by its path", () => {
    const r = parseDebriefDraft(JSON.stringify({ people: [{ id: PERSON_ID, name: "n".repeat(201) }] }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.fieldErrors)).toEqual(["people.0.name"]);
  });

  it("refuses a scale outside 1–5, a date that does not exist and unreadable JSON", () => {
    const scale = parseDebriefDraft(JSON.stringify({ overallImpression: 6 }));
    expect(scale.ok || scale.fieldErrors.overallImpression).toBeTruthy();
    expect(scale.ok).toBe(false);
    const date = parseDebriefDraft(JSON.stringify({ expectedDecisionOn: "2026-02-30" }));
    expect(date.ok).toBe(false);
    if (!date.ok) expect(date.fieldErrors.expectedDecisionOn?.[0]).toMatch(/Enter a date/);
    const junk = parseDebriefDraft("{not json");
    expect(junk.ok).toBe(false);
    if (!junk.ok) expect(junk.fieldErrors.form?.[0]).toMatch(/kept on this device/);
  });

  it("refuses the same person twice and more than 20 people", () => {
    const person = draft().people[0]!;
    expect(parseDebriefDraft(JSON.stringify({ people: [person, person] })).ok).toBe(false);
    const many = Array.from({ length: 21 }, (_, i) => ({ ...person, id: `0195f0c8-1d2a-7c3b-8d4e-${String(i).padStart(12, "0")}` }));
    expect(parseDebriefDraft(JSON.stringify({ people: many })).ok).toBe(false);
  });

  it("recognises real calendar dates only", () => {
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2026-02-29")).toBe(false);
    expect(isCalendarDate("2026-3-1")).toBe(false);
  });
});

describe("debrief problems", () => {
  it("finds nothing wrong with a complete debrief", () => {
    expect(debriefProblems(draft(), ctx, "submit")).toEqual({});
  });

  it("asks for every required answer on submit, but not in a draft", () => {
    const empty = { ...emptyDebriefDraft() };
    expect(Object.keys(debriefProblems(empty, ctx, "submit")).sort()).toEqual(
      ["callInvitation", "interestLevel", "invitedBack", "overallImpression", "people", "timelineGiven"].sort(),
    );
    expect(debriefProblems(empty, ctx, "draft")).toEqual({});
  });

  it("flags a decision or call-by date before the interview, in a draft too", () => {
    const p = debriefProblems(draft({ expectedDecisionOn: "2026-03-09", callBy: "2026-03-01", callInvitation: "no_date" }), ctx, "draft");
    expect(p.expectedDecisionOn?.[0]).toMatch(/before the interview \(Tuesday 10 March\)/);
    expect(p.callBy?.[0]).toMatch(/before the interview/);
    expect(debriefProblems(draft({ expectedDecisionOn: "2026-03-10" }), ctx, "submit")).toEqual({});
  });

  it("asks for the date a call invitation names, with a message that says which date", () => {
    const onDay = debriefProblems(draft({ callInvitation: "on_day", callBy: null }), ctx, "submit");
    expect(onDay.callBy).toEqual(["Enter the day the interviewer named for your call."]);
    const noNews = debriefProblems(draft({ callInvitation: "if_no_news", callBy: null }), ctx, "submit");
    expect(noNews.callBy).toEqual(["Enter the date after which you may call if there is no news."]);
    // Not while typing, and not for the answers that name no date.
    expect(debriefProblems(draft({ callInvitation: "on_day", callBy: null }), ctx, "draft")).toEqual({});
    expect(debriefProblems(draft({ callInvitation: "no_date" }), ctx, "submit")).toEqual({});
    expect(debriefProblems(draft({ callInvitation: "on_day", callBy: "2026-03-12", callTime: "10:30" }), ctx, "submit")).toEqual({});
  });

  it("refuses a call time that is not HH:MM, in a draft too", () => {
    for (const callTime of ["25:00", "9", "10:7"]) {
      const p = debriefProblems(draft({ callInvitation: "on_day", callBy: "2026-03-12", callTime }), ctx, "draft");
      expect(p.callTime, callTime).toEqual(["Enter a time like 14:30, or leave it empty."]);
    }
    expect(parseDebriefDraft(JSON.stringify({ callInvitation: "someday" })).ok).toBe(false);
    const blank = parseDebriefDraft(JSON.stringify({ callInvitation: "on_day", callTime: "" }));
    expect(blank.ok && blank.draft.callTime).toBeNull();
  });

  it("keeps a call date only with an answer that names one, and a time only with a named day", () => {
    expect(normalizeDebriefForSubmit(draft({ callInvitation: "if_no_news", callBy: "2026-03-13", callTime: "10:00" }))).toMatchObject({
      callBy: "2026-03-13",
      callTime: null,
    });
    expect(normalizeDebriefForSubmit(draft({ callInvitation: "on_day", callBy: "2026-03-13", callTime: "10:00" }))).toMatchObject({
      callBy: "2026-03-13",
      callTime: "10:00",
    });
    expect(normalizeDebriefForSubmit(draft({ callInvitation: "no_date", callBy: "2026-03-13", callTime: "10:00" }))).toMatchObject({
      callBy: null,
      callTime: null,
    });
  });

  it("reads a version saved as 'asked to call' in today's words", () => {
    expect(callAnswerOfSnapshot({ askedToCall: true, callBy: "2026-03-13", wentWell: "x" })).toEqual({
      callInvitation: "on_day",
      callBy: "2026-03-13",
      callTime: null,
      wentWell: "x",
    });
    expect(callAnswerOfSnapshot({ askedToCall: true, callBy: null })).toMatchObject({ callInvitation: "no_date", callBy: null });
    expect(callAnswerOfSnapshot({ askedToCall: false, callBy: null })).toMatchObject({ callInvitation: "none" });
    expect(callAnswerOfSnapshot({ askedToCall: null, callBy: null })).toMatchObject({ callInvitation: null });
    const today = { callInvitation: "if_no_news", callBy: "2026-03-13", callTime: null };
    expect(callAnswerOfSnapshot(today)).toBe(today);
  });

  it("names the person whose email is not valid", () => {
    const d = draft();
    d.people[0]!.email = "dana at client";
    expect(debriefProblems(d, ctx, "draft")["people.0.email"]?.[0]).toMatch(/valid email address for Dana Reyes/);
  });

  it("asks how a sent note went, and refuses a sent time in the future or long before the interview", () => {
    const d = draft();
    d.people[0] = { ...d.people[0]!, thankYouSent: true, thankYouSentAt: "2026-03-12T09:00:00Z", thankYouChannel: null };
    const p = debriefProblems(d, ctx, "submit");
    expect(p["people.0.thankYouChannel"]?.[0]).toMatch(/how you sent/);
    expect(p["people.0.thankYouSentAt"]?.[0]).toMatch(/future/);
    // Without a trustworthy clock, the future is not judged.
    expect(debriefProblems(d, { ...ctx, now: null }, "draft")["people.0.thankYouSentAt"]).toBeUndefined();
    d.people[0]!.thankYouSentAt = "2026-03-01T09:00:00Z";
    expect(debriefProblems(d, ctx, "draft")["people.0.thankYouSentAt"]?.[0]).toMatch(/before the interview/);
  });

  it("asks for a name only on submit", () => {
    const d = draft();
    d.people[0]!.name = "  ";
    expect(debriefProblems(d, ctx, "draft")["people.0.name"]).toBeUndefined();
    expect(debriefProblems(d, ctx, "submit")["people.0.name"]?.[0]).toMatch(/name/);
  });

  it("tidies a debrief for submission without touching the draft's other answers", () => {
    const d = draft({ callInvitation: "none", callBy: "2026-03-12", timelineGiven: "no", expectedDecisionOn: "2026-03-13" });
    d.people[0] = { ...d.people[0]!, name: "  Dana Reyes ", thankYouSent: false, thankYouSentAt: "2026-03-10T18:00:00Z", thankYouChannel: "email" };
    const n = normalizeDebriefForSubmit(d);
    expect(n.callBy).toBeNull();
    expect(n.expectedDecisionOn).toBeNull();
    expect(n.people[0]).toMatchObject({ name: "Dana Reyes", thankYouSentAt: null, thankYouChannel: null });
    expect(n.overallImpression).toBe(4);
  });
});

describe("the action envelopes", () => {
  it("reads an empty version as a first save and refuses a version that is not a number", () => {
    const ok = debriefEnvelopeSchema.safeParse({ interviewId: PERSON_ID, version: "", draft: "{}" });
    expect(ok.success && ok.data.version).toBeNull();
    expect(debriefEnvelopeSchema.safeParse({ interviewId: PERSON_ID, version: "3", draft: "{}" }).data?.version).toBe(3);
    expect(debriefEnvelopeSchema.safeParse({ interviewId: PERSON_ID, version: "abc", draft: "{}" }).success).toBe(false);
    expect(debriefEnvelopeSchema.safeParse({ interviewId: "nope", draft: "{}" }).success).toBe(false);
  });

  it("needs a person or an interviewer to tick a note for", () => {
    expect(thankYouNoteSchema.safeParse({ interviewId: PERSON_ID, sent: "true" }).success).toBe(false);
    const r = thankYouNoteSchema.safeParse({ interviewId: PERSON_ID, personId: PERSON_ID, sent: "false" });
    expect(r.success && r.data).toMatchObject({ sent: false, channel: "email" });
  });

  it("takes a call time as a local wall-clock time, or none", () => {
    expect(logCallSchema.safeParse({ interviewId: PERSON_ID, calledAt: "2026-03-11T10:30" }).success).toBe(true);
    expect(logCallSchema.safeParse({ interviewId: PERSON_ID, calledAt: "" }).success).toBe(true);
    expect(logCallSchema.safeParse({ interviewId: PERSON_ID, calledAt: "yesterday" }).success).toBe(false);
    expect(logCallSchema.safeParse({ interviewId: PERSON_ID, notes: "n".repeat(1001) }).success).toBe(false);
  });
});

describe("local times in the firm's zone", () => {
  it("round-trips a datetime-local value across a daylight-saving change", () => {
    // New York springs forward on Sun 8 Mar 2026.
    const before = fromLocalInput("2026-03-07T21:15", "America/New_York");
    const after = fromLocalInput("2026-03-09T21:15", "America/New_York");
    expect(before?.toISOString()).toBe("2026-03-08T02:15:00.000Z");
    expect(after?.toISOString()).toBe("2026-03-10T01:15:00.000Z");
    expect(toLocalInput(after, "America/New_York")).toBe("2026-03-09T21:15");
    expect(fromLocalInput("2026-03-09", "America/New_York")).toBeNull();
  });
});
