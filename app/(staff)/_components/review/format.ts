import { tz } from "@date-fns/tz";
import { format } from "date-fns";
import { calendarDaysBetween, formatDay, formatMoment, formatTime } from "@/lib/core/follow-up/business-days";

/**
 * Dates on staff pages are shown in the firm's zone, never the browser's or
 * the server's. The labels a queue writes per row read the zone's wall clock
 * (lib/core/wall-clock) rather than build a zoned date each.
 */

export function fmt(date: Date, zone: string, pattern: string): string {
  return format(date, pattern, { in: tz(zone) });
}

/** "Mon 2 Mar", "17:30" and "Mon 2 Mar, 17:30" in the zone. */
export { formatDay as dayLabel, formatTime as timeLabel, formatMoment as momentLabel };

/** "today", "yesterday", "tomorrow", "Mon 2 Mar" relative to `now` in the zone. */
export function relativeDay(date: Date, now: Date, zone: string): string {
  const d = calendarDaysBetween(date, now, zone);
  if (d === 0) return "today";
  if (d === -1) return "yesterday";
  if (d === 1) return "tomorrow";
  return formatDay(date, zone);
}

/** How late something is: "3 h overdue", "2 days overdue" (calendar days in the zone). */
export function overdueLabel(dueAt: Date, now: Date, zone: string): string {
  const days = calendarDaysBetween(now, dueAt, zone);
  if (days >= 1) return `${days} day${days === 1 ? "" : "s"} overdue`;
  const hours = Math.max(1, Math.round((now.getTime() - dueAt.getTime()) / 3_600_000));
  return `${hours} h overdue`;
}

/** "due 11:00" today, "due tomorrow 17:00", "due Fri 6 Mar". */
export function dueLabel(dueAt: Date, now: Date, zone: string): string {
  const rel = relativeDay(dueAt, now, zone);
  if (rel === "today") return `due ${formatTime(dueAt, zone)}`;
  if (rel === "tomorrow") return `due tomorrow ${formatTime(dueAt, zone)}`;
  return `due ${rel}`;
}

/** "rule 3" → "Rule 3". */
export function ruleLabel(rule: string): string {
  return rule.charAt(0).toUpperCase() + rule.slice(1);
}
