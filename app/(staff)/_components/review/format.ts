import { tz } from "@date-fns/tz";
import { differenceInCalendarDays, format } from "date-fns";

/** Dates on staff pages are shown in the firm's zone, never the browser's or the server's. */

export function fmt(date: Date, zone: string, pattern: string): string {
  return format(date, pattern, { in: tz(zone) });
}

export function dayLabel(date: Date, zone: string): string {
  return fmt(date, zone, "EEE d MMM");
}

export function timeLabel(date: Date, zone: string): string {
  return fmt(date, zone, "HH:mm");
}

export function momentLabel(date: Date, zone: string): string {
  return fmt(date, zone, "EEE d MMM, HH:mm");
}

/** "today", "yesterday", "tomorrow", "Mon 2 Mar" relative to `now` in the zone. */
export function relativeDay(date: Date, now: Date, zone: string): string {
  const d = differenceInCalendarDays(date, now, { in: tz(zone) });
  if (d === 0) return "today";
  if (d === -1) return "yesterday";
  if (d === 1) return "tomorrow";
  return dayLabel(date, zone);
}

/** How late something is: "3 h overdue", "2 days overdue" (calendar days in the zone). */
export function overdueLabel(dueAt: Date, now: Date, zone: string): string {
  const days = differenceInCalendarDays(now, dueAt, { in: tz(zone) });
  if (days >= 1) return `${days} day${days === 1 ? "" : "s"} overdue`;
  const hours = Math.max(1, Math.round((now.getTime() - dueAt.getTime()) / 3_600_000));
  return `${hours} h overdue`;
}

/** "due 11:00" today, "due tomorrow 17:00", "due Fri 6 Mar". */
export function dueLabel(dueAt: Date, now: Date, zone: string): string {
  const rel = relativeDay(dueAt, now, zone);
  if (rel === "today") return `due ${timeLabel(dueAt, zone)}`;
  if (rel === "tomorrow") return `due tomorrow ${timeLabel(dueAt, zone)}`;
  return `due ${rel}`;
}

/** "rule 3" → "Rule 3". */
export function ruleLabel(rule: string): string {
  return rule.charAt(0).toUpperCase() + rule.slice(1);
}
