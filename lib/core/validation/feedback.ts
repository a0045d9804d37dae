import { tz } from "@date-fns/tz";
import { format, isValid, parseISO } from "date-fns";
import { z } from "zod";
import { DECISIONS, FEEDBACK_CHANNELS, RATINGS, RECOMMENDATIONS } from "../vocabulary";

/**
 * Interviewer feedback, the scorecard, and the staff review of a debrief
 * (mark reviewed, people met). Client forms and server actions share these.
 */

const MAX_TEXT = 4000;

function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** "2026-03-04T14:30" typed in the firm's zone → the instant. */
export function parseLocalDateTime(value: string, zone: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value) || !validZone(zone)) return null;
  const d = parseISO(value, { in: tz(zone) });
  return isValid(d) ? new Date(d.getTime()) : null;
}

/** The instant as the value of a datetime-local input in the firm's zone. */
export function toLocalDateTimeValue(date: Date, zone: string): string {
  return format(date, "yyyy-MM-dd'T'HH:mm", { in: tz(zone) });
}

const text = (max = MAX_TEXT, label = "this") =>
  z
    .string()
    .max(max, { error: `Keep ${label} under ${max} characters.` })
    .default("")
    .transform((v) => v.trim());

const optionalUuid = (message: string) =>
  z.preprocess((v) => (v === "" || v === undefined || v === null ? null : v), z.union([z.null(), z.uuid({ error: message })]));

const zone = z.string().refine(validZone, { error: "Unknown time zone." });

/**
 * The scorecard arrives as `rating.<attributeId>` and `note.<attributeId>`
 * fields (one pair per attribute; an empty rating means "not rated").
 */
export function collectRatings(raw: unknown) {
  if (!raw || typeof raw !== "object") return raw;
  const obj = raw as Record<string, unknown>;
  const ratings: { attributeId: string; rating: unknown; note: unknown }[] = [];
  for (const [key, value] of Object.entries(obj)) {
    if (!key.startsWith("rating.")) continue;
    const attributeId = key.slice("rating.".length);
    const rating = Array.isArray(value) ? value[0] : value;
    if (rating === "" || rating === undefined) continue;
    ratings.push({ attributeId, rating, note: obj[`note.${attributeId}`] ?? "" });
  }
  return { ...obj, ratings };
}

export const ratingSchema = z.object({
  attributeId: z.uuid(),
  rating: z.string(),
  note: z.string().max(500, { error: "Keep each note under 500 characters." }).default("").transform((v) => v.trim()),
});

export const feedbackSchema = z.preprocess(
  collectRatings,
  z
    .object({
      interviewId: z.uuid(),
      feedbackId: optionalUuid("Unknown feedback."),
      version: z.coerce.number().int().min(1).optional(),
      timeZone: zone,
      contactId: optionalUuid("Choose who gave the feedback."),
      receivedAt: z.string().min(1, { error: "Enter when you heard from the client." }),
      channel: z.enum(FEEDBACK_CHANNELS, { error: "Choose how the feedback came in." }),
      recommendation: z.enum(RECOMMENDATIONS, { error: "Choose the overall recommendation." }),
      takeaways: text(MAX_TEXT, "the take-aways"),
      sharedSummary: text(2000, "the summary"),
      internalNotes: text(MAX_TEXT, "the notes"),
      decision: z.preprocess((v) => (v === "" || v === undefined ? null : v), z.union([z.null(), z.enum(DECISIONS, { error: "Choose a decision from the list." })])),
      ratings: z.array(ratingSchema).max(100).default([]),
      /** "1" once the recruiter has confirmed the stage move a decision makes. */
      confirm: z.preprocess((v) => v === "1" || v === "on" || v === "true", z.boolean()),
      seenStage: z.string().optional(),
      seenStageAt: z.string().optional(),
    })
    .superRefine((v, ctx) => {
      for (const r of v.ratings) {
        if (!(RATINGS as readonly string[]).includes(r.rating)) {
          ctx.addIssue({
            code: "custom",
            path: [`rating.${r.attributeId}`],
            message: "Rate from “definitely not” to “strong yes”.",
          });
        }
      }
      if (!parseLocalDateTime(v.receivedAt, v.timeZone)) {
        ctx.addIssue({ code: "custom", path: ["receivedAt"], message: "Enter a date and time, e.g. 2026-03-04 14:30." });
      }
    })
    .transform((v) => ({
      ...v,
      receivedAt: parseLocalDateTime(v.receivedAt, v.timeZone)!,
      ratings: v.ratings.map((r) => ({ ...r, rating: r.rating as (typeof RATINGS)[number] })),
    })),
);
export type FeedbackInput = z.output<typeof feedbackSchema>;

export const deleteFeedbackSchema = z.object({
  feedbackId: z.uuid(),
  version: z.coerce.number().int().min(1),
  interviewId: z.uuid(),
});

export const markReviewedSchema = z.object({
  debriefId: z.uuid(),
  version: z.coerce.number().int().min(1),
  interviewId: z.uuid(),
});

export const confirmPersonSchema = z.object({
  personId: z.uuid(),
  interviewId: z.uuid(),
  name: z.string().trim().min(1, { error: "Enter the person's name." }).max(120, { error: "Use at most 120 characters." }),
  title: z.string().trim().max(120, { error: "Use at most 120 characters." }).default(""),
  email: z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z.union([z.literal(""), z.email({ error: "Enter an email like name@company.com, or leave it empty." })]).default(""),
  ),
  phone: z.string().trim().max(40, { error: "Use at most 40 characters." }).default(""),
});

export const mergePersonSchema = z.object({
  personId: z.uuid(),
  interviewId: z.uuid(),
  contactId: z.uuid({ error: "Choose the contact to merge with." }),
});

export const dismissPersonSchema = z.object({ personId: z.uuid(), interviewId: z.uuid() });

export const scorecardAttributeSchema = z.object({
  id: optionalUuid("Unknown attribute."),
  version: z.coerce.number().int().min(1).optional(),
  category: z.string().trim().min(1, { error: "Enter a category, e.g. Skills." }).max(60, { error: "Use at most 60 characters." }),
  name: z.string().trim().min(1, { error: "Enter the attribute's name." }).max(80, { error: "Use at most 80 characters." }),
  description: z.string().trim().max(300, { error: "Use at most 300 characters." }).default(""),
});

export const scorecardRefSchema = z.object({
  id: z.uuid(),
  version: z.coerce.number().int().min(1),
  op: z.enum(["archive", "restore", "up", "down"]),
});
