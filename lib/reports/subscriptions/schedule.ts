import { TZDate, tz } from "@date-fns/tz";
import { format } from "date-fns";
import { z } from "zod";

/**
 * When a scheduled report email is due: at the chosen local time on the
 * firm's calendar (daily, or weekly on the chosen ISO weekday), whatever the
 * UTC offset that day, so 08:00 stays 08:00 across a DST change. A mail not
 * sent within LATE_LIMIT_MS of its time (the app was down) is skipped for
 * that period rather than sent at night. Pure: the clock is an argument.
 */

export const FREQUENCIES = ["daily", "weekly"] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** A mail more than this late is skipped for its period. */
export const LATE_LIMIT_MS = 3 * 3600_000;

export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

export type Schedule = { frequency: Frequency; weekday: number | null; localTime: string };

const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The form's fields: the page's current filters travel as its query string. */
export const reportSubscriptionSchema = z
  .object({
    query: z.string().max(2000).default(""),
    frequency: z.enum(FREQUENCIES, { error: "Choose daily or weekly." }),
    weekday: z.preprocess((v) => (v === "" || v === undefined ? undefined : v), z.coerce.number().int().min(1).max(7).optional()),
    localTime: z.string().trim().regex(LOCAL_TIME, { error: "Enter a time like 08:00." }),
    includeCsv: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  })
  .superRefine((v, ctx) => {
    if (v.frequency === "weekly" && v.weekday === undefined) {
      ctx.addIssue({ code: "custom", path: ["weekday"], message: "Choose the day of the week." });
    }
  });

export const subscriptionIdSchema = z.object({ subscriptionId: z.uuid({ error: "That report email is not one of yours." }) });

/** A due send: which period it is for and when it was due. */
export type DuePeriod = { periodKey: string; dueAt: Date };

function localDay(now: Date, timeZone: string, daysBack: number): { y: number; m: number; d: number } {
  const [y, m, d] = format(now, "yyyy-MM-dd", { in: tz(timeZone) }).split("-").map(Number) as [number, number, number];
  const shifted = new Date(Date.UTC(y, m - 1, d - daysBack));
  return { y: shifted.getUTCFullYear(), m: shifted.getUTCMonth() + 1, d: shifted.getUTCDate() };
}

/**
 * The period due at `now`, if any: the chosen time today (or yesterday, for
 * a late evening time seen after midnight) has passed by less than the late
 * limit, and for weekly mails that day is the chosen weekday. Daily periods
 * are the local day ("2026-11-01"), weekly ones the ISO week ("2026-W44").
 */
export function duePeriod(schedule: Schedule, timeZone: string, now: Date): DuePeriod | null {
  const [hh, mm] = schedule.localTime.split(":").map(Number) as [number, number];
  for (const back of [0, 1]) {
    const { y, m, d } = localDay(now, timeZone, back);
    // TZDate resolves the local time with that day's offset (a time in a spring-forward gap moves forward).
    const at = new TZDate(y, m - 1, d, hh, mm, timeZone);
    const dueAt = new Date(at.getTime());
    const late = now.getTime() - dueAt.getTime();
    if (late < 0 || late >= LATE_LIMIT_MS) continue;
    const isoWeekday = Number(format(at, "i"));
    if (schedule.frequency === "weekly" && isoWeekday !== schedule.weekday) continue;
    const periodKey = schedule.frequency === "daily" ? format(at, "yyyy-MM-dd") : format(at, "RRRR-'W'II");
    return { periodKey, dueAt };
  }
  return null;
}

/** "Daily at 08:00" / "Mondays at 08:00", for the list and the mail. */
export function describeSchedule(schedule: Schedule): string {
  if (schedule.frequency === "weekly" && schedule.weekday) return `${WEEKDAYS[schedule.weekday - 1]}s at ${schedule.localTime}`;
  return `Daily at ${schedule.localTime}`;
}

type FilterNames = {
  clients: { id: string; name: string }[];
  jobs: { id: string; title: string; clientName: string }[];
  recruiters: { id: string; name: string }[];
};

/** The saved filters in words, with names for ids ("client Acme, from 2026-01-01"); "none" when there are none. */
export function describeFilters(filters: Record<string, string>, names: FilterNames): string {
  const parts: string[] = [];
  if (filters.dates === "interview") parts.push("by interview date");
  if (filters.from) parts.push(`from ${filters.from}`);
  if (filters.to) parts.push(`to ${filters.to}`);
  if (filters.client) parts.push(`client ${names.clients.find((c) => c.id === filters.client)?.name ?? "(removed)"}`);
  if (filters.job) {
    const job = names.jobs.find((j) => j.id === filters.job);
    parts.push(`job ${job ? `${job.title} (${job.clientName})` : "(removed)"}`);
  }
  if (filters.recruiter) parts.push(`recruiter ${names.recruiters.find((r) => r.id === filters.recruiter)?.name ?? "(removed)"}`);
  if (filters.stage) parts.push(`stage ${filters.stage}`);
  return parts.length ? parts.join(", ") : "none";
}
