import { addDays, addHours, format, isValid, isWeekend, parseISO, set } from "date-fns";
import { tz } from "@date-fns/tz";

/**
 * Business days skip Saturdays, Sundays and the firm's holidays, judged on the
 * calendar of the firm's zone: 23:00 on a Friday in New York is a Friday even
 * though it is already Saturday in UTC.
 */

/** Wall-clock hours (firm time) used when a rule starts from a calendar date rather than a moment. */
export const BUSINESS_DAY_START_HOUR = 9;
export const BUSINESS_DAY_END_HOUR = 17;

const MAX_SCAN_DAYS = 3660;

export function assertTimeZone(zone: string): void {
  try {
    // Intl is the only validator of IANA names available without a table of our own.
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
  } catch {
    throw new RangeError(`Unknown time zone: ${zone}`);
  }
}

/** The calendar date ('YYYY-MM-DD') of an instant in the zone. */
export function localDateKey(date: Date, zone: string): string {
  return format(date, "yyyy-MM-dd", { in: tz(zone) });
}

export function isBusinessDay(date: Date, zone: string, holidays: readonly string[]): boolean {
  if (isWeekend(date, { in: tz(zone) })) return false;
  return !holidays.includes(localDateKey(date, zone));
}

/**
 * Moves `n` business days from `date`, keeping the local wall-clock time in
 * the firm's zone, so "+2 business days" from Friday 17:30 is Tuesday 17:30
 * whether or not the clocks changed over the weekend.
 *
 * - n > 0: the n-th business day after the date's calendar day (a start on a
 *   weekend or holiday counts its first following business day as day 1).
 * - n < 0: the same, backwards.
 * - n = 0: the date itself when it is a business day, else the next business day.
 *
 * Each candidate day is computed from the original date (not from the
 * previous candidate) so a spring-forward gap on a skipped Sunday cannot
 * shift the time of every later day.
 */
export function addBusinessDaysInZone(date: Date, n: number, zone: string, holidays: readonly string[]): Date {
  if (!Number.isInteger(n)) throw new RangeError(`Business days must be a whole number, got ${n}`);
  const start = tz(zone)(date);
  if (n === 0) return nextBusinessDayOnOrAfter(date, zone, holidays);
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  const reach = MAX_SCAN_DAYS + Math.abs(n) * 7;
  for (let offset = step; Math.abs(offset) <= reach; offset += step) {
    const candidate = addDays(start, offset);
    if (isBusinessDay(candidate, zone, holidays)) {
      remaining -= 1;
      if (remaining === 0) return new Date(candidate.getTime());
    }
  }
  throw new RangeError("No business day found: the holiday list covers every day in reach");
}

export function nextBusinessDayOnOrAfter(date: Date, zone: string, holidays: readonly string[]): Date {
  return scanForBusinessDay(date, zone, holidays, 1);
}

export function lastBusinessDayOnOrBefore(date: Date, zone: string, holidays: readonly string[]): Date {
  return scanForBusinessDay(date, zone, holidays, -1);
}

function scanForBusinessDay(date: Date, zone: string, holidays: readonly string[], step: 1 | -1): Date {
  const start = tz(zone)(date);
  for (let offset = 0; Math.abs(offset) <= MAX_SCAN_DAYS; offset += step) {
    const candidate = addDays(start, offset);
    if (isBusinessDay(candidate, zone, holidays)) return new Date(candidate.getTime());
  }
  throw new RangeError("No business day found: the holiday list covers every day in reach");
}

/** A 'YYYY-MM-DD' calendar date in the zone at the given local wall-clock hour (and minute). */
export function dateAtLocalHour(day: string, hour: number, zone: string, minute = 0): Date {
  const parsed = parseISO(day, { in: tz(zone) });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !isValid(parsed)) {
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${day}`);
  }
  return new Date(set(parsed, { hours: hour, minutes: minute, seconds: 0, milliseconds: 0 }).getTime());
}

/** The same calendar day as `date` in the zone, at the given local wall-clock hour (and minute). */
export function sameDayAtLocalHour(date: Date, hour: number, zone: string, minute = 0): Date {
  return new Date(set(date, { hours: hour, minutes: minute, seconds: 0, milliseconds: 0 }, { in: tz(zone) }).getTime());
}

/** Clock hours, not business hours: "+24 hours" is 24 elapsed hours even across a DST change. */
export function addClockHours(date: Date, hours: number): Date {
  return new Date(addHours(date, hours).getTime());
}

/** "Fri 10 Apr" in the firm's zone, for reasons. */
export function formatDay(date: Date, zone: string): string {
  return format(date, "EEE d MMM", { in: tz(zone) });
}

/** "Fri 10 Apr, 17:30" in the firm's zone, for reasons. */
export function formatMoment(date: Date, zone: string): string {
  return format(date, "EEE d MMM, HH:mm", { in: tz(zone) });
}
