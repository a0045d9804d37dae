import { z } from "zod";

/**
 * The debrief (PRODUCT.md, "What a debrief asks"). One schema for the form in
 * the browser and the actions on the server.
 *
 * A draft is stored whatever it holds, as long as it has the right shape and
 * fits the limits: an unfinished email address or a date still being typed
 * must never cost the candidate their text. The checks that make a debrief
 * complete (required answers, valid emails, dates on or after the interview)
 * are `debriefProblems(…, "submit")`; the same function in "draft" mode gives
 * the inline hints shown while typing.
 */

export const DEBRIEF_LIMITS = {
  long: 4000,
  short: 1000,
  name: 200,
  title: 200,
  email: 254,
  phone: 40,
  people: 20,
} as const;

export const TIMELINE_ANSWERS = ["yes", "no", "unsure"] as const;
export type TimelineAnswer = (typeof TIMELINE_ANSWERS)[number];

export const THANK_YOU_CHANNELS = ["email", "letter", "linkedin", "other"] as const;
export type ThankYouChannel = (typeof THANK_YOU_CHANNELS)[number];

export const THANK_YOU_CHANNEL_LABELS: Record<ThankYouChannel, string> = {
  email: "Email",
  letter: "Letter or card",
  linkedin: "LinkedIn message",
  other: "Another way",
};

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

const limited = (max: number) =>
  z.string({ error: "Enter text." }).max(max, { error: `Use at most ${max} characters (this has more).` });

const scale = z
  .number({ error: "Choose a number from 1 to 5." })
  .int({ error: "Choose a number from 1 to 5." })
  .min(1, { error: "Choose a number from 1 to 5." })
  .max(5, { error: "Choose a number from 1 to 5." })
  .nullable()
  .default(null);

const YMD = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date as 'YYYY-MM-DD' that exists (no 31 February). */
export function isCalendarDate(value: string): boolean {
  if (!YMD.test(value)) return false;
  const [y, m, d] = value.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const calendarDate = z
  .string()
  .refine(isCalendarDate, { error: "Enter a date like 2026-03-14." })
  .nullable()
  .default(null);

const yesNo = z.boolean({ error: "Answer yes or no." }).nullable().default(null);

export const debriefPersonSchema = z.object({
  id: z.uuid({ error: "This person's id is not valid; reload the page." }),
  /** The client contact this person is (a scheduled interviewer), when known. */
  contactId: z.uuid().nullable().default(null),
  name: limited(DEBRIEF_LIMITS.name).default(""),
  title: limited(DEBRIEF_LIMITS.title).default(""),
  email: limited(DEBRIEF_LIMITS.email).default(""),
  phone: limited(DEBRIEF_LIMITS.phone).default(""),
  thankYouSent: z.boolean().default(false),
  /** ISO 8601 instant. */
  thankYouSentAt: z.iso.datetime({ offset: true, error: "Enter when you sent the note." }).nullable().default(null),
  thankYouChannel: z.enum(THANK_YOU_CHANNELS, { error: "Choose how you sent the note." }).nullable().default(null),
});
export type DebriefPersonDraft = z.output<typeof debriefPersonSchema>;

export const debriefDraftSchema = z.object({
  overallImpression: scale,
  interestLevel: scale,
  wentWell: limited(DEBRIEF_TEXT_FIELDS.wentWell).default(""),
  concerns: limited(DEBRIEF_TEXT_FIELDS.concerns).default(""),
  questionsAsked: limited(DEBRIEF_TEXT_FIELDS.questionsAsked).default(""),
  notMentioned: limited(DEBRIEF_TEXT_FIELDS.notMentioned).default(""),
  timelineGiven: z.enum(TIMELINE_ANSWERS, { error: "Choose yes, no or not sure." }).nullable().default(null),
  timelineDetails: limited(DEBRIEF_TEXT_FIELDS.timelineDetails).default(""),
  expectedDecisionOn: calendarDate,
  askedToCall: yesNo,
  callBy: calendarDate,
  invitedBack: yesNo,
  invitedBackDetails: limited(DEBRIEF_TEXT_FIELDS.invitedBackDetails).default(""),
  salaryDiscussed: limited(DEBRIEF_TEXT_FIELDS.salaryDiscussed).default(""),
  otherProcesses: limited(DEBRIEF_TEXT_FIELDS.otherProcesses).default(""),
  availability: limited(DEBRIEF_TEXT_FIELDS.availability).default(""),
  notesForRecruiter: limited(DEBRIEF_TEXT_FIELDS.notesForRecruiter).default(""),
  people: z
    .array(debriefPersonSchema)
    .max(DEBRIEF_LIMITS.people, { error: `List at most ${DEBRIEF_LIMITS.people} people.` })
    .default([])
    .refine((people) => new Set(people.map((p) => p.id)).size === people.length, {
      error: "The same person appears twice; reload the page.",
    }),
});
export type DebriefDraft = z.output<typeof debriefDraftSchema>;

export function emptyDebriefDraft(): DebriefDraft {
  return debriefDraftSchema.parse({});
}

/** What the server actions receive: the draft travels as one JSON field. */
export const debriefEnvelopeSchema = z.object({
  interviewId: z.uuid({ error: "That interview does not exist." }),
  /** The version the form last saw; empty when no debrief was saved yet. */
  version: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === "") return null;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) {
        ctx.addIssue({ code: "custom", error: "Reload the page and try again." });
        return z.NEVER;
      }
      return n;
    }),
  draft: z.string().max(200_000, { error: "The debrief is too long to save." }),
});

/** Field errors keyed by dotted path ("people.0.email"), the way the form names its fields. */
export type DebriefFieldErrors = Record<string, string[]>;

export function fieldErrorsFromZod(error: z.ZodError): DebriefFieldErrors {
  const out: DebriefFieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Parses the JSON draft; problems come back keyed by field. */
export function parseDebriefDraft(json: string): { ok: true; draft: DebriefDraft } | { ok: false; fieldErrors: DebriefFieldErrors } {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, fieldErrors: { form: ["The form sent something unreadable. Reload the page; your text is kept on this device."] } };
  }
  const parsed = debriefDraftSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsFromZod(parsed.error) };
  return { ok: true, draft: parsed.data };
}

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
    if (draft.askedToCall === null) add("askedToCall", "Say whether the interviewer asked you to call.");
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
 * The debrief as submitted: trimmed names and emails, no call-by date without
 * a request to call, no sent time without a sent note. Drafts are stored as
 * typed, so switching an answer back and forth loses nothing.
 */
export function normalizeDebriefForSubmit(draft: DebriefDraft): DebriefDraft {
  return {
    ...draft,
    callBy: draft.askedToCall === true ? draft.callBy : null,
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

// ---------------------------------------------------------------------------
// The plan page's small forms.
// ---------------------------------------------------------------------------

export const thankYouNoteSchema = z
  .object({
    interviewId: z.uuid({ error: "That interview does not exist." }),
    /** debrief_people.id once the debrief lists the person… */
    personId: z.union([z.uuid(), z.literal("")]).optional(),
    /** …or the scheduled interviewer's contact id before any debrief exists. */
    contactId: z.union([z.uuid(), z.literal("")]).optional(),
    sent: z.enum(["true", "false"], { error: "Say whether the note was sent." }).transform((v) => v === "true"),
    channel: z.enum(THANK_YOU_CHANNELS, { error: "Choose how you sent the note." }).default("email"),
  })
  .refine((v) => Boolean(v.personId) || Boolean(v.contactId), { error: "Choose whom you thanked.", path: ["personId"] });
export type ThankYouNoteInput = z.output<typeof thankYouNoteSchema>;

export const CALL_NOTES_MAX = 1000;

export const logCallSchema = z.object({
  interviewId: z.uuid({ error: "That interview does not exist." }),
  contactId: z.union([z.uuid(), z.literal("")]).optional(),
  /** 'YYYY-MM-DDTHH:mm' wall-clock time in the firm's zone (a datetime-local input); empty means now. */
  calledAt: z
    .union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: "Enter when you called, like 2026-03-14 10:30." })])
    .optional(),
  notes: z
    .string()
    .trim()
    .max(CALL_NOTES_MAX, { error: `Use at most ${CALL_NOTES_MAX} characters (this has more).` })
    .default(""),
});
export type LogCallInput = z.output<typeof logCallSchema>;

export const acceptInvitationStepSchema = z.object({
  interviewId: z.uuid({ error: "That interview does not exist." }),
});
