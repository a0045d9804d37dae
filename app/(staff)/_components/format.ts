import { tz, tzName } from "@date-fns/tz";
import { format, formatDistanceStrict, isSameDay } from "date-fns";

/**
 * Dates and times as the firm reads them: always in the firm's time zone
 * (firms.time_zone), never the server's or the browser's.
 */

const inZone = (zone: string) => ({ in: tz(zone) });

/** "Tue 14 Apr 2026" */
export function formatDay(date: Date, zone: string): string {
  return format(date, "EEE d MMM yyyy", inZone(zone));
}

/** "14 Apr 2026" */
export function formatShortDate(date: Date, zone: string): string {
  return format(date, "d MMM yyyy", inZone(zone));
}

/** "Tue 14 Apr 2026, 10:00" */
export function formatDateTime(date: Date, zone: string): string {
  return format(date, "EEE d MMM yyyy, HH:mm", inZone(zone));
}

/** "EDT" (or "GMT+2" where the zone has no common abbreviation). */
export function zoneAbbreviation(date: Date, zone: string): string {
  return tzName(zone, date, "short");
}

const sameYear = (date: Date, now: Date, zone: string) =>
  format(date, "yyyy", inZone(zone)) === format(now, "yyyy", inZone(zone));

/** For tables: "1 Dec", or "1 Dec 2025" outside the current year. */
export function formatCompactDate(date: Date, zone: string, now = new Date()): string {
  return format(date, sameYear(date, now, zone) ? "d MMM" : "d MMM yyyy", inZone(zone));
}

/** For tables: "Tue 1 Dec, 10:00", with the year outside the current one. */
export function formatCompactDateTime(date: Date, zone: string, now = new Date()): string {
  return format(date, sameYear(date, now, zone) ? "EEE d MMM, HH:mm" : "EEE d MMM yyyy, HH:mm", inZone(zone));
}

/** For tables: "Tue 1 Dec, 09:30–10:30" (the zone is named once, in the column header). */
export function formatCompactRange(start: Date, end: Date, zone: string, now = new Date()): string {
  const head = formatCompactDateTime(start, zone, now);
  return isSameDay(start, end, inZone(zone)) ? `${head}–${format(end, "HH:mm", inZone(zone))}` : `${head} – ${formatCompactDateTime(end, zone, now)}`;
}

/** "Tue 14 Apr 2026, 10:00–11:30 EDT" */
export function formatTimeRange(start: Date, end: Date, zone: string): string {
  const sameDay = isSameDay(start, end, inZone(zone));
  const head = formatDateTime(start, zone);
  const tail = sameDay ? format(end, "HH:mm", inZone(zone)) : formatDateTime(end, zone);
  return `${head}–${tail} ${zoneAbbreviation(start, zone)}`;
}

/** "in 3 days" / "2 hours ago" — relative to `now`. */
export function formatRelative(date: Date, now = new Date()): string {
  const words = formatDistanceStrict(date, now, { roundingMethod: "floor" });
  return date.getTime() >= now.getTime() ? `in ${words}` : `${words} ago`;
}

/** Minutes between two instants as "1 h 30 min". */
export function formatDuration(start: Date, end: Date): string {
  const minutes = Math.round((end.getTime() - start.getTime()) / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
