import { formatDistanceStrict } from "date-fns";
import { SHORT_MONTHS, SHORT_WEEKDAYS, wallClock } from "@/lib/core/wall-clock";

/**
 * Dates and times as the firm reads them: always in the firm's time zone
 * (firms.time_zone), never the server's or the browser's.
 *
 * Formatting reads the wall clock from one cached `Intl.DateTimeFormat` per
 * zone (lib/core/wall-clock): a list page formats a hundred dates per
 * request, and building a zoned date object per call cost more than the
 * page's queries.
 */

interface Parts {
  weekday: string;
  day: string;
  month: string;
  year: string;
  hour: string;
  minute: string;
}

const nameFormats = new Map<string, Intl.DateTimeFormat>();

function partsOf(date: Date, zone: string): Parts {
  const w = new Date(wallClock(date, zone));
  return {
    weekday: SHORT_WEEKDAYS[w.getUTCDay()]!,
    day: String(w.getUTCDate()),
    month: SHORT_MONTHS[w.getUTCMonth()]!,
    year: String(w.getUTCFullYear()),
    hour: String(w.getUTCHours()).padStart(2, "0"),
    minute: String(w.getUTCMinutes()).padStart(2, "0"),
  };
}

const day = (p: Parts) => `${p.day} ${p.month}`;
const time = (p: Parts) => `${p.hour}:${p.minute}`;
const sameDayParts = (a: Parts, b: Parts) => a.year === b.year && a.month === b.month && a.day === b.day;

/** "Tue 14 Apr 2026" */
export function formatDay(date: Date, zone: string): string {
  const p = partsOf(date, zone);
  return `${p.weekday} ${day(p)} ${p.year}`;
}

/** "14 Apr 2026" */
export function formatShortDate(date: Date, zone: string): string {
  const p = partsOf(date, zone);
  return `${day(p)} ${p.year}`;
}

/** "Tue 14 Apr 2026, 10:00" */
export function formatDateTime(date: Date, zone: string): string {
  const p = partsOf(date, zone);
  return `${p.weekday} ${day(p)} ${p.year}, ${time(p)}`;
}

/** "EDT" (or "GMT+2" where the zone has no common abbreviation). */
export function zoneAbbreviation(date: Date, zone: string): string {
  let f = nameFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { hour: "numeric", timeZone: zone, timeZoneName: "short" });
    nameFormats.set(zone, f);
  }
  return f.formatToParts(date).find((p) => p.type === "timeZoneName")?.value ?? zone;
}

function compactDateTime(p: Parts, nowYear: string): string {
  return p.year === nowYear ? `${p.weekday} ${day(p)}, ${time(p)}` : `${p.weekday} ${day(p)} ${p.year}, ${time(p)}`;
}

/** For tables: "1 Dec", or "1 Dec 2025" outside the current year. */
export function formatCompactDate(date: Date, zone: string, now = new Date()): string {
  const p = partsOf(date, zone);
  return p.year === partsOf(now, zone).year ? day(p) : `${day(p)} ${p.year}`;
}

/** For tables: "Tue 1 Dec, 10:00", with the year outside the current one. */
export function formatCompactDateTime(date: Date, zone: string, now = new Date()): string {
  return compactDateTime(partsOf(date, zone), partsOf(now, zone).year);
}

/** For tables: "Tue 1 Dec, 09:30–10:30" (the zone is named once, in the column header). */
export function formatCompactRange(start: Date, end: Date, zone: string, now = new Date()): string {
  const s = partsOf(start, zone);
  const e = partsOf(end, zone);
  const nowYear = partsOf(now, zone).year;
  const head = compactDateTime(s, nowYear);
  return sameDayParts(s, e) ? `${head}–${time(e)}` : `${head} – ${compactDateTime(e, nowYear)}`;
}

/** "Tue 14 Apr 2026, 10:00–11:30 EDT" */
export function formatTimeRange(start: Date, end: Date, zone: string): string {
  const s = partsOf(start, zone);
  const e = partsOf(end, zone);
  const head = `${s.weekday} ${day(s)} ${s.year}, ${time(s)}`;
  const tail = sameDayParts(s, e) ? time(e) : `${e.weekday} ${day(e)} ${e.year}, ${time(e)}`;
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
