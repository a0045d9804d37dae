import { z } from "zod";

/**
 * The debrief's schemas, for the server actions. The limits, the draft's type and the completeness checks live in
 * `./debrief-rules` (no zod, so the form in the browser stays small) and are
 * re-exported here.
 *
 * A draft is stored whatever it holds, as long as it has the right shape and
 * fits the limits: an unfinished email address or a date still being typed
 * must never cost the candidate their text. The checks that make a debrief
 * complete (required answers, valid emails, dates on or after the interview)
 * are `debriefProblems(…, "submit")`; the same function in "draft" mode gives
 * the inline hints shown while typing.
 */

import {
  DEBRIEF_LIMITS,
  DEBRIEF_TEXT_FIELDS,
  CALL_NOTES_MAX,
  isCalendarDate,
  type DebriefDraft,
  type DebriefFieldErrors,
  type DebriefPersonDraft,
} from "./debrief-rules";
import { CALL_INVITATIONS, THANK_YOU_CHANNELS, TIMELINE_GIVEN } from "../vocabulary";

export * from "./debrief-rules";

/** True only when A and B are the same type (checked by `npm run typecheck`). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

const limited = (max: number) =>
  z.string({ error: "Enter text." }).max(max, { error: `Use at most ${max} characters (this has more).` });

const scale = z
  .number({ error: "Choose a number from 1 to 5." })
  .int({ error: "Choose a number from 1 to 5." })
  .min(1, { error: "Choose a number from 1 to 5." })
  .max(5, { error: "Choose a number from 1 to 5." })
  .nullable()
  .default(null);

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
// The schema's output is exactly the hand-written type the form uses.
const _personMatches: Same<z.output<typeof debriefPersonSchema>, DebriefPersonDraft> = true;

export const debriefDraftSchema = z.object({
  overallImpression: scale,
  interestLevel: scale,
  wentWell: limited(DEBRIEF_TEXT_FIELDS.wentWell).default(""),
  concerns: limited(DEBRIEF_TEXT_FIELDS.concerns).default(""),
  questionsAsked: limited(DEBRIEF_TEXT_FIELDS.questionsAsked).default(""),
  notMentioned: limited(DEBRIEF_TEXT_FIELDS.notMentioned).default(""),
  timelineGiven: z.enum(TIMELINE_GIVEN, { error: "Choose yes, no or not sure." }).nullable().default(null),
  timelineDetails: limited(DEBRIEF_TEXT_FIELDS.timelineDetails).default(""),
  expectedDecisionOn: calendarDate,
  callInvitation: z
    .enum(CALL_INVITATIONS, { error: "Choose one of the four answers about calling." })
    .nullable()
    .default(null),
  callBy: calendarDate,
  /** Stored as typed in a draft ('HH:MM' once complete; checked by debriefProblems). */
  callTime: z
    .string()
    .max(5, { error: "Enter a time like 14:30." })
    .nullable()
    .default(null)
    .transform((v) => (v === "" ? null : v)),
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
const _draftMatches: Same<z.output<typeof debriefDraftSchema>, DebriefDraft> = true;

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
    // PostgreSQL cannot store NUL in text or JSON; no keyboard types it, so it is dropped.
    raw = JSON.parse(json, (_key, value: unknown) => (typeof value === "string" ? value.replaceAll("\u0000", "") : value));
  } catch {
    return { ok: false, fieldErrors: { form: ["The form sent something unreadable. Reload the page; your text is kept on this device."] } };
  }
  const parsed = debriefDraftSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsFromZod(parsed.error) };
  return { ok: true, draft: parsed.data };
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
