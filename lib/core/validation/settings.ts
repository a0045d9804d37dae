import { z } from "zod";

const whole = (label: string, min: number, max: number) =>
  z.coerce
    .number({ error: `Enter ${label} as a number.` })
    .int({ error: `Use a whole number for ${label}.` })
    .min(min, { error: `${label[0]!.toUpperCase()}${label.slice(1)} must be at least ${min}.` })
    .max(max, { error: `${label[0]!.toUpperCase()}${label.slice(1)} must be at most ${max}.` });

function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const firmSettingsSchema = z
  .object({
    version: z.coerce.number().int().min(1),
    name: z.string().trim().min(1, { error: "Enter the firm's name." }).max(120, { error: "Use at most 120 characters." }),
    timeZone: z.string().trim().refine(validZone, { error: "Choose a time zone such as America/New_York." }),
    holidays: z
      .string()
      .max(4000)
      .default("")
      .transform((v) => v.split(/[\s,]+/).filter(Boolean))
      .pipe(z.array(z.iso.date({ error: "Write holidays as dates like 2026-12-25, one per line." })).max(100)),
    thankYouWithinHours: whole("the thank-you window", 1, 168),
    debriefWithinHours: whole("the debrief window", 1, 168),
    feedbackWithinBusinessDays: whole("the feedback window", 1, 30),
    callAfterBusinessDays: whole("the call delay", 1, 30),
    callWindowBusinessDays: whole("the call window", 1, 10),
    decisionGraceBusinessDays: whole("the grace period", 0, 30),
    timelineTaskWithinBusinessDays: whole("the timeline window", 0, 30),
    sessionIdleMinutes: whole("the idle timeout", 5, 480),
    sessionAbsoluteHours: whole("the session limit", 1, 72),
    mfaRequired: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
    candidateReminders: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
    retentionDays: z.preprocess(
      (v) => (v === "" || v === undefined || v === null ? null : v),
      z.union([z.null(), whole("the retention period", 30, 3650)]),
    ),
    /** Left as it is when the form does not send it. */
    feedbackLinkDays: whole("how long feedback links work", 1, 90).optional(),
  })
  .refine((v) => v.sessionIdleMinutes <= v.sessionAbsoluteHours * 60, {
    path: ["sessionIdleMinutes"],
    error: "The idle timeout cannot be longer than the session limit.",
  });

export type FirmSettingsForm = z.infer<typeof firmSettingsSchema>;

const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined), z.string().max(max).optional());

export const auditFilterSchema = z
  .object({
    actor: z.preprocess((v) => (v === "" ? undefined : v), z.uuid({ error: "Choose a person from the list." }).optional()),
    entityType: optionalText(60),
    entityId: z.preprocess((v) => (v === "" ? undefined : v), z.uuid({ error: "A record id looks like 0193…-…; paste it whole." }).optional()),
    action: optionalText(80),
    from: z.preprocess((v) => (v === "" ? undefined : v), z.iso.date({ error: "Use a date like 2026-11-30." }).optional()),
    to: z.preprocess((v) => (v === "" ? undefined : v), z.iso.date({ error: "Use a date like 2026-11-30." }).optional()),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ["to"], error: "The end date is before the start date." });
