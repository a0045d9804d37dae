/**
 * The debrief's rules without a schema library: limits, the draft's shape, and
 * the checks that make a debrief complete (the answer lists are in the vocabulary).
 * The form in the browser imports only this module; the server actions validate
 * with the schemas in `./debrief`, which re-exports everything here.
 *
 * A draft is stored whatever it holds, as long as it has the right shape and
 * fits the limits: an unfinished email address or a date still being typed
 * must never cost the candidate their text. The checks that make a debrief
 * complete (required answers, valid emails, dates on or after the interview)
 * are `debriefProblems(…, "submit")`; the same function in "draft" mode gives
 * the inline hints shown while typing.
 */

import type { CallInvitation, ThankYouChannel, TimelineGiven } from "../vocabulary";

export const DEBRIEF_LIMITS = {
  long: 4000,
  short: 1000,
  name: 200,
  title: 200,
  email: 254,
  phone: 40,
  people: 20,
} as const;

/** The longest note a candidate may keep about a call. */
export const CALL_NOTES_MAX = 1000;

/** Free-text fields and their limits, in the order the form asks them. */
export const DEBRIEF_TEXT_FIELDS = {
  wentWell: DEBRIEF_LIMITS.long,
  concerns: DEBRIEF_LIMITS.long,
  questionsAsked: DEBRIEF_LIMITS.long,
  notMentioned: DEBRIEF_LIMITS.long,
  timelineDetails: DEBRIEF_LIMITS.short,
  invitedBackDetails: DEBRIEF_LIMITS.short,
  salaryDiscussed: DEBRIEF_LIMITS.short,
  otherProcesses: DEBRIEF_LIMITS.short,
  availability: DEBRIEF_LIMITS.short,
  notesForRecruiter: DEBRIEF_LIMITS.long,
} as const;
export type DebriefTextField = keyof typeof DEBRIEF_TEXT_FIELDS;

/** One person met at the interview, as the form and the drafts hold them. */
export type DebriefPersonDraft = {
  id: string;
  /** The client contact this person is (a scheduled interviewer), when known. */
  contactId: string | null;
  name: string;
  title: string;
  email: string;
  phone: string;
  thankYouSent: boolean;
  /** ISO 8601 instant. */
  thankYouSentAt: string | null;
  thankYouChannel: ThankYouChannel | null;
};

/** A debrief draft: every answer optional until submitted. */
export type DebriefDraft = {
  overallImpression: number | null;
  interestLevel: number | null;
  wentWell: string;
  concerns: string;
  questionsAsked: string;
  notMentioned: string;
  timelineGiven: TimelineGiven | null;
  timelineDetails: string;
  /** 'YYYY-MM-DD'. */
  expectedDecisionOn: string | null;
  /** What the interviewer said about calling them (rule 4); null until answered. */
  callInvitation: CallInvitation | null;
  /** 'YYYY-MM-DD': the day they named (on_day) or the no-news date (if_no_news). */
  callBy: string | null;
  /** 'HH:MM' in the firm's zone: the time they named, with on_day only. */
  callTime: string | null;
  invitedBack: boolean | null;
  invitedBackDetails: string;
  salaryDiscussed: string;
  otherProcesses: string;
  availability: string;
  notesForRecruiter: string;
  people: DebriefPersonDraft[];
};

/** A person met as stored (the note's time a Date) as the form and the drafts hold them (ISO 8601). */
export function personDraftOf(p: Omit<DebriefPersonDraft, "thankYouSentAt"> & { thankYouSentAt: Date | null }): DebriefPersonDraft {
  return {
    id: p.id,
    contactId: p.contactId,
    name: p.name,
    title: p.title,
    email: p.email,
    phone: p.phone,
    thankYouSent: p.thankYouSent,
    thankYouSentAt: p.thankYouSentAt ? p.thankYouSentAt.toISOString() : null,
    thankYouChannel: p.thankYouChannel,
  };
}

/** A debrief's answers before the candidate has given any. */
export const BLANK_DEBRIEF_ANSWERS: Omit<DebriefDraft, "people"> = {
  overallImpression: null,
  interestLevel: null,
  wentWell: "",
  concerns: "",
  questionsAsked: "",
  notMentioned: "",
  timelineGiven: null,
  timelineDetails: "",
  expectedDecisionOn: null,
  callInvitation: null,
  callBy: null,
  callTime: null,
  invitedBack: null,
  invitedBackDetails: "",
  salaryDiscussed: "",
  otherProcesses: "",
  availability: "",
  notesForRecruiter: "",
};

const YMD = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date as 'YYYY-MM-DD' that exists (no 31 February). */
export function isCalendarDate(value: string): boolean {
  if (!YMD.test(value)) return false;
  const [y, m, d] = value.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A wall-clock time as 'HH:MM' (24-hour). */
export function isClockTime(value: string): boolean {
  return HH_MM.test(value);
}

/** The call invitations that name a date, and what the date means for each. */
export const CALL_DATE_REQUIRED: Partial<Record<CallInvitation, string>> = {
  on_day: "Enter the day the interviewer named for your call.",
  if_no_news: "Enter the date after which you may call if there is no news.",
};

/**
 * A debrief's answer about calling in today's words, from a submitted version
 * saved before the answer had kinds: "asked to call" with a date was a call on
 * or by that day, without one an invitation without a date. Versions already
 * in today's words come back as they are.
 */
export function callAnswerOfSnapshot(snapshot: Record<string, unknown>): Record<string, unknown> {
  if (!("askedToCall" in snapshot) || "callInvitation" in snapshot) return snapshot;
  const { askedToCall, ...rest } = snapshot;
  const callBy = typeof rest.callBy === "string" && rest.callBy ? rest.callBy : null;
  const callInvitation: CallInvitation | null =
    askedToCall === true ? (callBy ? "on_day" : "no_date") : askedToCall === false ? "none" : null;
  return { ...rest, callInvitation, callBy: askedToCall === true ? callBy : null, callTime: null };
}

/**
 * What the interviewer said about calling, in one line for the recruiter
 * ("Invited to call on or by Tue 8 Dec at 10:00"); `day` formats a 'YYYY-MM-DD'.
 */
export function callInvitationLine(
  answer: { callInvitation: CallInvitation | null; callBy: string | null; callTime: string | null },
  day: (ymd: string) => string,
): string | null {
  switch (answer.callInvitation) {
    case "none":
      return "Not invited to call";
    case "on_day":
      return `Invited to call on or by ${answer.callBy ? day(answer.callBy) : "a day they named"}${answer.callTime ? ` at ${answer.callTime}` : ""}`;
    case "if_no_news":
      return `Invited to call if there is no news by ${answer.callBy ? day(answer.callBy) : "a date"}`;
    case "no_date":
      return "Invited to call, no date given";
    default:
      return null;
  }
}

/** Field errors keyed by dotted path ("people.0.email"), the way the form names its fields. */
export type DebriefFieldErrors = Record<string, string[]>;

export type DebriefCheckContext = {
  /** The interview's calendar day in the firm's zone, 'YYYY-MM-DD'. */
  interviewDay: string;
  /** A readable form of that day for messages ("Tuesday 14 April"). */
  interviewDayLabel: string;
  interviewStartsAt: Date;
  /** Null skips the "not in the future" check (a page rendered a while ago cannot know the time). */
  now: Date | null;
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * What stands between a draft and a complete debrief, keyed by field. In
 * "draft" mode only the mistakes (a malformed email, a date before the
 * interview) are reported, never the unanswered questions.
 */
export function debriefProblems(draft: DebriefDraft, ctx: DebriefCheckContext, mode: "draft" | "submit"): DebriefFieldErrors {
  const out: DebriefFieldErrors = {};
  const add = (key: string, message: string) => void (out[key] ??= []).push(message);

  if (mode === "submit") {
    if (draft.overallImpression === null) add("overallImpression", "Choose how the interview went overall, from 1 to 5.");
    if (draft.interestLevel === null) add("interestLevel", "Choose how interested you are now, from 1 to 5.");
    if (draft.timelineGiven === null) {
      add("timelineGiven", "Say whether the interviewer told you where they are in the hiring process.");
    }
    if (draft.callInvitation === null) {
      add("callInvitation", "Say what the interviewer said about calling them: choose one of the four answers.");
    } else if (!draft.callBy && CALL_DATE_REQUIRED[draft.callInvitation]) {
      add("callBy", CALL_DATE_REQUIRED[draft.callInvitation]!);
    }
    if (draft.invitedBack === null) add("invitedBack", "Say whether you were invited back.");
    if (draft.people.length === 0) add("people", "Add at least one person you met, so you can thank them.");
  }

  for (const [key, value] of [
    ["expectedDecisionOn", draft.expectedDecisionOn],
    ["callBy", draft.callBy],
  ] as const) {
    if (value && value < ctx.interviewDay) {
      add(
        key,
        `This date is before the interview (${ctx.interviewDayLabel}). Check the date; it should be on or after the interview.`,
      );
    }
  }

  if (draft.callTime && !isClockTime(draft.callTime)) add("callTime", "Enter a time like 14:30, or leave it empty.");

  draft.people.forEach((person, i) => {
    const name = person.name.trim();
    const label = name || `person ${i + 1}`;
    if (mode === "submit" && !name) add(`people.${i}.name`, "Enter this person's name, or remove them from the list.");
    const email = person.email.trim();
    if (email && !EMAIL.test(email)) add(`people.${i}.email`, `Enter a valid email address for ${label}, like name@example.com.`);
    if (person.thankYouSent) {
      if (mode === "submit" && !person.thankYouChannel) add(`people.${i}.thankYouChannel`, `Choose how you sent the note to ${label}.`);
      if (person.thankYouSentAt) {
        const at = new Date(person.thankYouSentAt);
        // A few minutes of slack for a phone clock that runs ahead.
        if (ctx.now && at.getTime() > ctx.now.getTime() + 10 * 60_000) {
          add(`people.${i}.thankYouSentAt`, "That time is in the future. Enter when you sent the note.");
        } else if (at.getTime() < ctx.interviewStartsAt.getTime() - 24 * 3_600_000) {
          add(`people.${i}.thankYouSentAt`, "That is before the interview. Enter when you sent the note.");
        }
      }
    }
  });
  return out;
}

/**
 * The debrief as submitted: trimmed names and emails, a call date only with an
 * invitation that names one and a call time only with a named day, no sent time
 * without a sent note. Drafts are stored as
 * typed, so switching an answer back and forth loses nothing.
 */
export function normalizeDebriefForSubmit(draft: DebriefDraft): DebriefDraft {
  return {
    ...draft,
    callBy: draft.callInvitation === "on_day" || draft.callInvitation === "if_no_news" ? draft.callBy : null,
    callTime: draft.callInvitation === "on_day" && draft.callTime ? draft.callTime : null,
    expectedDecisionOn: draft.timelineGiven === "no" ? null : draft.expectedDecisionOn,
    people: draft.people.map((p) => ({
      ...p,
      name: p.name.trim(),
      title: p.title.trim(),
      email: p.email.trim(),
      phone: p.phone.trim(),
      thankYouSentAt: p.thankYouSent ? p.thankYouSentAt : null,
      thankYouChannel: p.thankYouSent ? p.thankYouChannel : null,
    })),
  };
}
