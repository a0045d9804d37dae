import { z } from "zod";
import { DECISIONS, RATINGS, RECOMMENDATIONS } from "../vocabulary";
import { collectRatings, ratingSchema } from "./feedback";

/**
 * A client interviewer's answer through a feedback link, and the staff's
 * requests and revocations of links.
 */

const MAX_TEXT = 4000;

const text = (label: string) =>
  z
    .string()
    .max(MAX_TEXT, { error: `Keep ${label} under ${MAX_TEXT} characters.` })
    .default("")
    .transform((v) => v.trim());

/** YYYY-MM-DD that is a real day. */
function isDay(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

export const feedbackLinkAnswerSchema = z.preprocess(
  collectRatings,
  z
    .object({
      token: z.string().min(20).max(200),
      /** The interviewer the form was made for: must be the link's own. */
      contactId: z.uuid(),
      recommendation: z.enum(RECOMMENDATIONS, { error: "Choose your overall recommendation." }),
      strengths: text("the strengths"),
      concerns: text("the concerns"),
      decision: z.preprocess(
        (v) => (v === "" || v === undefined || v === null ? null : v),
        z.union([z.null(), z.enum(DECISIONS, { error: "Choose a decision from the list, or “Not decided yet”." })]),
      ),
      expectedDecisionOn: z.preprocess(
        (v) => (v === "" || v === undefined || v === null ? null : v),
        z.union([z.null(), z.string().refine(isDay, { error: "Enter a date, e.g. 2026-03-04, or leave it empty." })]),
      ),
      ratings: z.array(ratingSchema).max(100).default([]),
    })
    .superRefine((v, ctx) => {
      for (const r of v.ratings) {
        if (!(RATINGS as readonly string[]).includes(r.rating)) {
          ctx.addIssue({ code: "custom", path: [`rating.${r.attributeId}`], message: "Rate from “definitely not” to “strong yes”." });
        }
      }
      if (v.decision && v.decision !== "hold" && v.expectedDecisionOn) {
        ctx.addIssue({ code: "custom", path: ["expectedDecisionOn"], message: "You gave a decision, so leave the expected date empty." });
      }
    })
    .transform((v) => ({ ...v, ratings: v.ratings.map((r) => ({ ...r, rating: r.rating as (typeof RATINGS)[number] })) })),
);
export type FeedbackLinkAnswerInput = z.output<typeof feedbackLinkAnswerSchema>;

export const requestFeedbackSchema = z.object({
  interviewId: z.uuid(),
  /** One interviewer, or "all" of them who have an email address. */
  contactId: z.union([z.literal("all"), z.uuid({ error: "Choose an interviewer." })]),
});

export const revokeFeedbackLinkSchema = z.object({ interviewId: z.uuid(), linkId: z.uuid() });

export const confirmLinkDecisionSchema = z.object({
  interviewId: z.uuid(),
  feedbackId: z.uuid(),
  version: z.coerce.number().int().min(1),
  seenStage: z.string().min(1),
  seenStageAt: z.string().min(1),
});
