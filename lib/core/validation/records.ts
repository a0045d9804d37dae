import { TZDate, tz } from "@date-fns/tz";
import { format } from "date-fns";
import { z } from "zod";
import { decodeCursor, type Cursor } from "./cursor";
import { CLOSED_STAGES, INTERVIEW_KINDS, INTERVIEW_STATUSES, JOB_STATUSES, STAGES } from "../vocabulary";

/**
 * The recruiter records (clients, contacts, jobs, candidates, applications,
 * interviews): form schemas, list URL parameters and the keyset cursor.
 * Imported by the forms (client) and the actions (server) alike.
 */

export const needsReason = (stage: string): boolean => (CLOSED_STAGES as readonly string[]).includes(stage);

// ---------------------------------------------------------------------------
// Field helpers
// ---------------------------------------------------------------------------

const tooLong = (max: number) => ({ error: `Use at most ${max} characters.` });

/** Control characters (other than tab and newlines) never belong in a record; the database refuses NUL. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const cleaned = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" ? v.replace(CONTROL, "") : v), schema) as unknown as T;

const required = (what: string, max: number) =>
  cleaned(
    z
      .string({ error: `Enter ${what}.` })
      .trim()
      .min(1, { error: `Enter ${what}.` })
      .max(max, tooLong(max)),
  );

const optionalText = (max: number) => cleaned(z.string({ error: "Enter text here." }).trim().max(max, tooLong(max)).default(""));

const emailPattern = z.email();

const optionalEmail = z
  .string({ error: "Enter a valid email address, like name@example.com." })
  .trim()
  .toLowerCase()
  .max(254, { error: "That email address is too long." })
  .default("")
  .refine((v) => v === "" || emailPattern.safeParse(v).success, {
    error: "Enter a valid email address, like name@example.com.",
  });

const requiredEmail = z
  .string({ error: "Enter an email address." })
  .trim()
  .toLowerCase()
  .min(1, { error: "Enter an email address." })
  .max(254, { error: "That email address is too long." })
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }));

/** A web address; "acme.example" becomes "https://acme.example". */
const webAddress = (max = 500) =>
  z
    .string({ error: "Enter a web address, like https://example.com." })
    .trim()
    .max(max, tooLong(max))
    .default("")
    .transform((v) => (v !== "" && !/^[a-z][a-z0-9+.-]*:/i.test(v) ? `https://${v}` : v))
    .refine(
      (v) => {
        if (v === "") return true;
        try {
          const u = new URL(v);
          return (u.protocol === "https:" || u.protocol === "http:") && u.hostname.includes(".");
        } catch {
          return false;
        }
      },
      { error: "Enter a web address, like https://example.com." },
    );

const recordId = (what: string) => z.uuid({ error: `Choose ${what}.` });

/** A select whose empty option means "nobody". */
const optionalId = (what: string) =>
  z
    .string({ error: `Choose ${what} from the list.` })
    .trim()
    .default("")
    .refine((v) => v === "" || z.uuid().safeParse(v).success, { error: `Choose ${what} from the list.` })
    .transform((v) => (v === "" ? null : v));

const versionField = z.coerce.number({ error: "Reload the page and try again." }).int().min(1);

/** An HTML checkbox: present ("on") when ticked, absent otherwise. */
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === "1" || v === true, z.boolean());

/** Repeated form keys arrive as an array, a single one as a string, none as undefined. */
const idList = (what: string) =>
  z.preprocess(
    (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v.filter((x) => x !== "") : [v]),
    z.array(z.uuid({ error: `Choose ${what} from the list.` })).max(30, { error: "Choose at most 30." }),
  );

// ---------------------------------------------------------------------------
// Clients, contacts, jobs, candidates
// ---------------------------------------------------------------------------

export const recordRefSchema = z.object({ id: z.uuid(), version: versionField });
export type RecordRef = z.infer<typeof recordRefSchema>;

export const clientFields = {
  name: required("the client's name", 200),
  industry: optionalText(100),
  website: webAddress(300),
  notes: optionalText(5000),
};
export const createClientSchema = z.object(clientFields);
export const updateClientSchema = z.object({ id: z.uuid(), version: versionField, ...clientFields });
export type ClientInput = z.infer<typeof createClientSchema>;

export const contactFields = {
  clientId: recordId("the client this person works at"),
  name: required("the contact's name", 200),
  title: optionalText(200),
  email: optionalEmail,
  phone: optionalText(50),
};
export const createContactSchema = z.object(contactFields);
export const updateContactSchema = z.object({ id: z.uuid(), version: versionField, ...contactFields });
export type ContactInput = z.infer<typeof createContactSchema>;

export const jobFields = {
  clientId: recordId("the client this job is at"),
  title: required("the job title", 200),
  location: optionalText(200),
  description: optionalText(10000),
  status: z.enum(JOB_STATUSES, { error: "Choose a status from the list." }).default("open"),
  ownerUserId: optionalId("an owner"),
};
export const createJobSchema = z.object(jobFields);
export const updateJobSchema = z.object({ id: z.uuid(), version: versionField, ...jobFields });
export type JobInput = z.infer<typeof createJobSchema>;

export const candidateFields = {
  name: required("the candidate's name", 200),
  email: requiredEmail,
  phone: optionalText(50),
  location: optionalText(200),
  headline: optionalText(300),
  notes: optionalText(10000),
  ownerUserId: optionalId("an owner"),
};
export const createCandidateSchema = z.object(candidateFields);
export const updateCandidateSchema = z.object({ id: z.uuid(), version: versionField, ...candidateFields });
export type CandidateInput = z.infer<typeof createCandidateSchema>;

// ---------------------------------------------------------------------------
// Applications
// ---------------------------------------------------------------------------

const stageField = z.enum(STAGES, { error: "Choose a stage from the list." });

export const createApplicationSchema = z.object({
  candidateId: recordId("a candidate"),
  jobId: recordId("a job"),
  stage: z.enum(["sourced", "submitted"], { error: "Choose a stage from the list." }).default("sourced"),
  /** Where to go after saving: the job's board or the candidate's page. */
  returnTo: z.enum(["job", "candidate"]).default("candidate"),
});
export type CreateApplicationInput = z.infer<typeof createApplicationSchema>;

export const REASON_MAX = 1000;

export const moveApplicationSchema = z
  .object({
    id: z.uuid(),
    version: versionField,
    stage: stageField,
    reason: optionalText(REASON_MAX),
  })
  .superRefine((v, ctx) => {
    if (needsReason(v.stage) && v.reason === "") {
      ctx.addIssue({
        code: "custom",
        path: ["reason"],
        message: v.stage === "rejected" ? "Say why it was rejected." : "Say why the candidate withdrew.",
      });
    }
  });
export type MoveApplicationInput = z.infer<typeof moveApplicationSchema>;

// ---------------------------------------------------------------------------
// Interviews: entered as a day and two clock times in the firm's time zone
// ---------------------------------------------------------------------------

const dayField = z
  .string({ error: "Enter the day of the interview." })
  .trim()
  .min(1, { error: "Enter the day of the interview." })
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(Date.parse(`${v}T00:00:00Z`) || 0).toISOString().slice(0, 10) === v, {
    error: "Enter a date like 2026-05-14.",
  })
  .refine((v) => v >= "2000-01-01" && v <= "2100-12-31", { error: "Enter a date between 2000 and 2100." });

const clockField = (what: string) =>
  z
    .string({ error: `Enter the ${what} time.` })
    .trim()
    .min(1, { error: `Enter the ${what} time.` })
    .refine((v) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v), { error: `Enter the ${what} time like 14:30.` });

const interviewFields = {
  kind: z.enum(INTERVIEW_KINDS, { error: "Choose the kind of interview." }),
  date: dayField,
  startTime: clockField("start"),
  endTime: clockField("end"),
  location: optionalText(500),
  videoUrl: webAddress(1000),
  arrangedByFirm: checkbox,
  notes: optionalText(5000),
  contactIds: idList("interviewers"),
};

function endsAfterStart(v: { startTime: string; endTime: string }, ctx: z.RefinementCtx) {
  if (/^\d\d:\d\d$/.test(v.startTime) && /^\d\d:\d\d$/.test(v.endTime) && v.endTime <= v.startTime) {
    ctx.addIssue({
      code: "custom",
      path: ["endTime"],
      message: "The interview ends before it starts. Make the end time later than the start time.",
    });
  }
}

export const scheduleInterviewSchema = z
  .object({ applicationId: recordId("the application"), ...interviewFields })
  .superRefine(endsAfterStart);
export type ScheduleInterviewInput = z.infer<typeof scheduleInterviewSchema>;

export const rescheduleInterviewSchema = z
  .object({ id: z.uuid(), version: versionField, ...interviewFields })
  .superRefine(endsAfterStart);
export type RescheduleInterviewInput = z.infer<typeof rescheduleInterviewSchema>;

export const interviewStatusSchema = z.object({
  id: z.uuid(),
  version: versionField,
  status: z.enum(INTERVIEW_STATUSES, { error: "Choose a status from the list." }),
});

/**
 * A wall-clock time in the firm's zone as an instant, or null when that time
 * does not exist there (the hour skipped when the clocks go forward).
 */
export function zonedInstant(day: string, clock: string, timeZone: string): Date | null {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const [hh, mm] = clock.split(":").map(Number) as [number, number];
  const local = new TZDate(y, m - 1, d, hh, mm, 0, timeZone);
  if (Number.isNaN(local.getTime())) return null;
  if (format(local, "yyyy-MM-dd HH:mm", { in: tz(timeZone) }) !== `${day} ${clock}`) return null;
  return new Date(local.getTime());
}

/** An instant as the day and clock time the firm's people read. */
export function zonedParts(instant: Date, timeZone: string): { date: string; time: string } {
  return {
    date: format(instant, "yyyy-MM-dd", { in: tz(timeZone) }),
    time: format(instant, "HH:mm", { in: tz(timeZone) }),
  };
}

/** The interview's start and end, or field errors in the words the form uses. */
export function interviewWindow(
  input: { date: string; startTime: string; endTime: string },
  timeZone: string,
): { startsAt: Date; endsAt: Date } | { fieldErrors: Record<string, string[]> } {
  const startsAt = zonedInstant(input.date, input.startTime, timeZone);
  const endsAt = zonedInstant(input.date, input.endTime, timeZone);
  const fieldErrors: Record<string, string[]> = {};
  const gap = `does not exist in ${timeZone} that day (the clocks go forward). Choose another time.`;
  if (!startsAt) fieldErrors.startTime = [`${input.startTime} ${gap}`];
  if (!endsAt) fieldErrors.endTime = [`${input.endTime} ${gap}`];
  if (startsAt && endsAt && endsAt.getTime() <= startsAt.getTime()) {
    fieldErrors.endTime = ["The interview ends before it starts. Make the end time later than the start time."];
  }
  if (Object.keys(fieldErrors).length > 0 || !startsAt || !endsAt) return { fieldErrors };
  return { startsAt, endsAt };
}

// ---------------------------------------------------------------------------
// Lists: state in the URL
// ---------------------------------------------------------------------------

export type SearchParams = Record<string, string | string[] | undefined>;

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
/** A URL parameter: the first value, trimmed, or the fallback when it is not one we know. */
const param = <T extends z.ZodType>(schema: T, fallback: z.output<T>) =>
  z.preprocess((v) => {
    const f = first(v);
    return typeof f === "string" ? f.trim() : f;
  }, schema.catch(fallback as never)) as unknown as z.ZodType<z.output<T>>;

const search = param(z.string().max(100), "");
const dir = param(z.enum(["asc", "desc"]).optional(), undefined);
const cursor = z.preprocess((v) => decodeCursor(first(v)), z.custom<Cursor | null>());
const archived = param(z.enum(["active", "archived", "all"]), "active");
const maybeId = param(z.uuid().optional(), undefined);

export const PAGE_SIZE = 25;
/** Rows per page of the pipeline, the list recruiters work from all day. */
export const PIPELINE_PAGE_SIZE = 50;

export const clientListSchema = z.object({
  q: search,
  status: archived,
  sort: param(z.enum(["name", "created", "updated"]), "name"),
  dir,
  cursor,
});
export type ClientListParams = z.infer<typeof clientListSchema>;

export const contactListSchema = z.object({
  q: search,
  status: archived,
  client: maybeId,
  sort: param(z.enum(["name", "client", "created"]), "name"),
  dir,
  cursor,
});
export type ContactListParams = z.infer<typeof contactListSchema>;

export const jobListSchema = z.object({
  q: search,
  status: archived,
  jobStatus: param(z.enum(JOB_STATUSES).optional(), undefined),
  client: maybeId,
  owner: param(z.union([z.uuid(), z.literal("me"), z.literal("none")]).optional(), undefined),
  sort: param(z.enum(["title", "client", "created", "updated"]), "created"),
  dir,
  cursor,
});
export type JobListParams = z.infer<typeof jobListSchema>;

export const candidateListSchema = z.object({
  q: search,
  status: archived,
  owner: param(z.union([z.uuid(), z.literal("me"), z.literal("none")]).optional(), undefined),
  stage: param(z.enum(STAGES).optional(), undefined),
  sort: param(z.enum(["name", "created", "updated"]), "name"),
  dir,
  cursor,
});
export type CandidateListParams = z.infer<typeof candidateListSchema>;

export const applicationListSchema = z.object({
  q: search,
  stage: param(z.union([z.enum(STAGES), z.literal("open"), z.literal("closed")]).optional(), undefined),
  client: maybeId,
  job: maybeId,
  recruiter: param(z.union([z.uuid(), z.literal("me"), z.literal("none")]).optional(), undefined),
  sort: param(z.enum(["moved", "created", "candidate"]), "moved"),
  dir,
  cursor,
});
export type ApplicationListParams = z.infer<typeof applicationListSchema>;

export const interviewListSchema = z.object({
  q: search,
  when: param(z.enum(["upcoming", "past", "all"]), "upcoming"),
  status: param(z.enum(INTERVIEW_STATUSES).optional(), undefined),
  kind: param(z.enum(INTERVIEW_KINDS).optional(), undefined),
  client: maybeId,
  recruiter: param(z.union([z.uuid(), z.literal("me")]).optional(), undefined),
  dir,
  cursor,
});
export type InterviewListParams = z.infer<typeof interviewListSchema>;

/** A "me" filter means the signed-in person. */
export function resolveMe(value: string | undefined, userId: string): string | undefined {
  return value === "me" ? userId : value;
}
