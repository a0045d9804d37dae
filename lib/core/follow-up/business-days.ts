import { addDays, addHours, endOfDay, isValid, parseISO, set } from "date-fns";
import { tz } from "@date-fns/tz";
import { SHORT_MONTHS, SHORT_WEEKDAYS, wallClock } from "../wall-clock";

/**
 * Business days skip Saturdays, Sundays and the firm's holidays, judged on the
 * calendar of the firm's zone: 23:00 on a Friday in New York is a Friday even
 * though it is already Saturday in UTC.
 */

/** Wall-clock hours (firm time) used when a rule starts from a calendar date rather than a moment. */
export const BUSINESS_DAY_START_HOUR = 9;
export const BUSINESS_DAY_END_HOUR = 17;

const MAX_SCAN_DAYS = 3660;
const DAY_MS = 86_400_000;

export function assertTimeZone(zone: string): void {
  try {
    // Intl is the only validator of IANA names available without a table of our own.
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
  } catch {
    throw new RangeError(`Unknown time zone: ${zone}`);
  }
}

/**
 * Zone arithmetic is the hot path of the staff pages (a firm-wide queue works
 * out hundreds of business-day deadlines per request) and of every debrief
 * submission's plan. A date-fns TZDate asks Intl for the zone's offset on
 * every construction and every change, so walking day by day through TZDates
 * cost tens of microseconds a call. Here the walk is calendar arithmetic on
 * the local date ('YYYY-MM-DD', in UTC, where days have no gaps), the local
 * date comes from one cached Intl formatter per zone (wallClock), and the one conversion
 * back to an instant is the same date-fns operation as before, so results are
 * unchanged (tests/unit/business-days.test.ts compares them with the
 * day-by-day walk across zones, holidays and clock changes).
 */
/** The calendar date ('YYYY-MM-DD') of an instant in the zone. */
export function localDateKey(date: Date, zone: string): string {
  return dayKeyOf(wallClock(date, zone));
}

/** A calendar day as a UTC midnight: day arithmetic there has no clock changes. */
function utcDay(key: string): number {
  return Date.UTC(Number(key.slice(0, 4)), Number(key.slice(5, 7)) - 1, Number(key.slice(8, 10)));
}

/** 'YYYY-MM-DD' of a UTC time (a wall clock read by wallClock, or a calendar day's midnight). */
function dayKeyOf(utc: number): string {
  return new Date(utc).toISOString().slice(0, 10);
}

/** Whether the calendar day (a UTC midnight) is a business day: not a Saturday, Sunday or holiday. */
function businessDay(utcMidnight: number, holidays: readonly string[]): boolean {
  const weekday = new Date(utcMidnight).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.includes(dayKeyOf(utcMidnight));
}

export function isBusinessDay(date: Date, zone: string, holidays: readonly string[]): boolean {
  return businessDay(utcDay(localDateKey(date, zone)), holidays);
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
 * The day found is applied to the original date in one step (not day by day)
 * so a spring-forward gap on a skipped Sunday cannot shift its time.
 */
export function addBusinessDaysInZone(date: Date, n: number, zone: string, holidays: readonly string[]): Date {
  if (!Number.isInteger(n)) throw new RangeError(`Business days must be a whole number, got ${n}`);
  if (n === 0) return nextBusinessDayOnOrAfter(date, zone, holidays);
  const step = n < 0 ? -1 : 1;
  return nthBusinessDay(date, zone, holidays, { step, from: step, nth: Math.abs(n), reach: MAX_SCAN_DAYS + Math.abs(n) * 7 });
}

export function nextBusinessDayOnOrAfter(date: Date, zone: string, holidays: readonly string[]): Date {
  return nthBusinessDay(date, zone, holidays, { step: 1, from: 0, nth: 1, reach: MAX_SCAN_DAYS });
}

export function lastBusinessDayOnOrBefore(date: Date, zone: string, holidays: readonly string[]): Date {
  return nthBusinessDay(date, zone, holidays, { step: -1, from: 0, nth: 1, reach: MAX_SCAN_DAYS });
}

/** Walk `step` days at a time from `from` days away, and take the `nth` business day, looking at most `reach` days away. */
type Walk = { step: 1 | -1; from: number; nth: number; reach: number };

/**
 * The nth business day of the walk, at the date's wall-clock time. The walk
 * counts calendar days. A zone that skipped a whole day (Samoa crossing the
 * date line in December 2011) shows in the result: it lands on another day
 * than the one counted, or its offset has moved by a day. Then the walk is
 * done again day by day through the zone, where the skipped day does not
 * exist.
 */
function nthBusinessDay(date: Date, zone: string, holidays: readonly string[], walk: Walk): Date {
  const startWall = wallClock(date, zone);
  const first = utcDay(dayKeyOf(startWall));
  let remaining = walk.nth;
  for (let offset = walk.from; Math.abs(offset) <= walk.reach; offset += walk.step) {
    const day = first + offset * DAY_MS;
    if (businessDay(day, holidays) && --remaining === 0) {
      const found = daysLater(date, offset, zone);
      const foundWall = wallClock(found, zone);
      const offsetChange = foundWall - found.getTime() - (startWall - date.getTime());
      const onThatDay = dayKeyOf(foundWall) === dayKeyOf(day);
      return onThatDay && Math.abs(offsetChange) < DATE_LINE_JUMP_MS ? found : walkThroughZone(date, zone, holidays, walk);
    }
  }
  throw new RangeError("No business day found: the holiday list covers every day in reach");
}

/** Clock changes move a zone's offset by an hour or two; crossing the date line moves it by about a day. */
const DATE_LINE_JUMP_MS = 12 * 3_600_000;

/** The same walk one zoned day at a time, reading each day's weekday and date in the zone. */
function walkThroughZone(date: Date, zone: string, holidays: readonly string[], walk: Walk): Date {
  const start = tz(zone)(date);
  let remaining = walk.nth;
  for (let offset = walk.from; Math.abs(offset) <= walk.reach; offset += walk.step) {
    const candidate = addDays(start, offset);
    if (businessDay(utcDay(localDateKey(candidate, zone)), holidays) && --remaining === 0) return new Date(candidate.getTime());
  }
  throw new RangeError("No business day found: the holiday list covers every day in reach");
}

/**
 * The same wall-clock time `days` calendar days on, in the zone. Away from a
 * clock change (the zone's offset the same a day either side) that time
 * exists once and is read with the offset; near one, date-fns's TZDate
 * resolves a time the clocks skip or pass twice, and its choice is kept.
 */
function daysLater(date: Date, days: number, zone: string): Date {
  if (days === 0) return new Date(date.getTime());
  const offset = wallClock(date, zone) - date.getTime();
  const guess = date.getTime() + days * DAY_MS;
  if (offsetAt(guess - DAY_MS, zone) === offset && offsetAt(guess + DAY_MS, zone) === offset) return new Date(guess);
  return new Date(addDays(tz(zone)(date), days).getTime());
}

function offsetAt(ms: number, zone: string): number {
  return wallClock(new Date(ms), zone) - ms;
}

/**
 * Remembers a pure function of its arguments' key, up to `size` entries (then
 * starts afresh): calendar days and zones repeat across a page's rows.
 */
function remembered<A extends unknown[], R>(size: number, key: (...args: A) => string, f: (...args: A) => R): (...args: A) => R {
  let cache = new Map<string, R>();
  return (...args: A) => {
    const k = key(...args);
    const hit = cache.get(k);
    if (hit !== undefined) return hit;
    const value = f(...args);
    if (cache.size >= size) cache = new Map();
    cache.set(k, value);
    return value;
  };
}

const localHourInstant = remembered(
  4096,
  (day: string, hour: number, zone: string, minute: number) => `${zone}|${day}|${hour}|${minute}`,
  (day: string, hour: number, zone: string, minute: number): number => {
    const parsed = parseISO(day, { in: tz(zone) });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !isValid(parsed)) {
      throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${day}`);
    }
    return set(parsed, { hours: hour, minutes: minute, seconds: 0, milliseconds: 0 }).getTime();
  },
);

const localDayEnd = remembered(
  4096,
  (day: string, zone: string) => `${zone}|${day}`,
  (day: string, zone: string): number => endOfDay(dateAtLocalHour(day, 12, zone), { in: tz(zone) }).getTime(),
);

/** The last moment (23:59:59.999) of a 'YYYY-MM-DD' calendar date in the zone. */
export function endOfLocalDay(day: string, zone: string): Date {
  return new Date(localDayEnd(day, zone));
}

/** A 'YYYY-MM-DD' calendar date in the zone at the given local wall-clock hour (and minute). */
export function dateAtLocalHour(day: string, hour: number, zone: string, minute = 0): Date {
  return new Date(localHourInstant(day, hour, zone, minute));
}

/** The same calendar day as `date` in the zone, at the given local wall-clock hour (and minute). */
export function sameDayAtLocalHour(date: Date, hour: number, zone: string, minute = 0): Date {
  return new Date(set(date, { hours: hour, minutes: minute, seconds: 0, milliseconds: 0 }, { in: tz(zone) }).getTime());
}

/** Clock hours, not business hours: "+24 hours" is 24 elapsed hours even across a DST change. */
export function addClockHours(date: Date, hours: number): Date {
  return new Date(addHours(date, hours).getTime());
}


function dayLabelOf(wall: Date): string {
  return `${SHORT_WEEKDAYS[wall.getUTCDay()]} ${wall.getUTCDate()} ${SHORT_MONTHS[wall.getUTCMonth()]}`;
}

/** Calendar days from `earlier`'s date to `later`'s in the zone (as date-fns's differenceInCalendarDays, zoned). */
export function calendarDaysBetween(later: Date, earlier: Date, zone: string): number {
  return Math.round((utcDay(localDateKey(later, zone)) - utcDay(localDateKey(earlier, zone))) / DAY_MS);
}

/** "17:30" in the firm's zone. */
export function formatTime(date: Date, zone: string): string {
  const wall = new Date(wallClock(date, zone));
  return `${String(wall.getUTCHours()).padStart(2, "0")}:${String(wall.getUTCMinutes()).padStart(2, "0")}`;
}

/** "Fri 10 Apr" in the firm's zone, for reasons. */
export function formatDay(date: Date, zone: string): string {
  return dayLabelOf(new Date(wallClock(date, zone)));
}

/** "Fri 10 Apr, 17:30" in the firm's zone, for reasons. */
export function formatMoment(date: Date, zone: string): string {
  return `${dayLabelOf(new Date(wallClock(date, zone)))}, ${formatTime(date, zone)}`;
}
