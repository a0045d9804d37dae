import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addDays, differenceInCalendarDays, endOfDay, format, isValid, isWeekend, parseISO, set } from "date-fns";
import { tz } from "@date-fns/tz";
import {
  addBusinessDaysInZone,
  calendarDaysBetween,
  dateAtLocalHour,
  endOfLocalDay,
  formatDay,
  formatMoment,
  formatTime,
  isBusinessDay,
  lastBusinessDayOnOrBefore,
  localDateKey,
  nextBusinessDayOnOrAfter,
} from "@/lib/core/follow-up/business-days";

/**
 * The business-day functions walk the calendar on local dates and convert to
 * an instant once. The reference below is the plain definition they must
 * agree with: step a TZDate one day at a time in the firm's zone and read each
 * day's weekday and date there.
 */
const reference = {
  localDateKey: (date: Date, zone: string) => format(date, "yyyy-MM-dd", { in: tz(zone) }),
  isBusinessDay(date: Date, zone: string, holidays: readonly string[]) {
    return !isWeekend(date, { in: tz(zone) }) && !holidays.includes(reference.localDateKey(date, zone));
  },
  addBusinessDays(date: Date, n: number, zone: string, holidays: readonly string[]): Date {
    const start = tz(zone)(date);
    if (n === 0) return reference.scan(date, zone, holidays, 1);
    const step = n < 0 ? -1 : 1;
    let remaining = Math.abs(n);
    for (let offset = step; ; offset += step) {
      const candidate = addDays(start, offset);
      if (reference.isBusinessDay(candidate, zone, holidays) && --remaining === 0) return new Date(candidate.getTime());
    }
  },
  scan(date: Date, zone: string, holidays: readonly string[], step: 1 | -1): Date {
    const start = tz(zone)(date);
    for (let offset = 0; ; offset += step) {
      const candidate = addDays(start, offset);
      if (reference.isBusinessDay(candidate, zone, holidays)) return new Date(candidate.getTime());
    }
  },
  dateAtLocalHour(day: string, hour: number, zone: string, minute: number): Date {
    const parsed = parseISO(day, { in: tz(zone) });
    if (!isValid(parsed)) throw new RangeError(day);
    return new Date(set(parsed, { hours: hour, minutes: minute, seconds: 0, milliseconds: 0 }).getTime());
  },
};

/**
 * Zones with clock changes at 02:00 on a Sunday, at midnight (Santiago), by 30
 * minutes (Lord Howe), on a weekday (Jerusalem on a Friday, Cairo on a
 * Thursday night), with odd offsets (Chatham, Kathmandu) and across the date
 * line (Apia, Kiritimati).
 */
const ZONES = [
  "America/New_York",
  "Europe/London",
  "America/Santiago",
  "Australia/Lord_Howe",
  "Pacific/Chatham",
  "Asia/Kathmandu",
  "Pacific/Apia",
  "Pacific/Kiritimati",
  "Asia/Jerusalem",
  "Africa/Cairo",
  "UTC",
] as const;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The instants in 2026 and 2027 at which the zone's clocks change (read hour by hour through date-fns). */
function clockChanges(zone: string): number[] {
  const changes: number[] = [];
  const offset = (ms: number) => tz(zone)(new Date(ms)).getTimezoneOffset();
  for (let ms = Date.parse("2026-01-01T00:00:00Z"); ms < Date.parse("2028-01-01T00:00:00Z"); ms += 60 * MINUTE) {
    if (offset(ms) !== offset(ms + 60 * MINUTE)) {
      // Down to the minute.
      let at = ms;
      while (offset(at) === offset(ms)) at += MINUTE;
      changes.push(at);
    }
  }
  return changes;
}
const CHANGES = new Map(ZONES.map((zone) => [zone, clockChanges(zone)]));

/** An instant from 2010 to 2035 and a zone; a third of them within a few days and hours of one of the zone's clock changes. */
const instantInZone = fc.constantFrom(...ZONES).chain((zone) => {
  const changes = CHANGES.get(zone)!;
  const anywhere = fc.date({ min: new Date("2010-01-01T00:00:00Z"), max: new Date("2035-12-31T00:00:00Z"), noInvalidDate: true });
  if (!changes.length) return anywhere.map((d) => ({ date: d, zone }));
  const nearChange = fc
    .tuple(fc.constantFrom(...changes), fc.integer({ min: -120, max: 120 }), fc.integer({ min: -3, max: 3 }))
    .map(([at, minutes, days]) => new Date(at + minutes * MINUTE + days * DAY));
  const date = fc.oneof({ weight: 2, arbitrary: anywhere }, { weight: 1, arbitrary: nearChange });
  return date.map((d) => ({ date: d, zone }));
});

/** A few holidays within two weeks either side of the instant, as the zone's calendar dates. */
const withHolidays = instantInZone.chain(({ date, zone }) =>
  fc.uniqueArray(fc.integer({ min: -14, max: 14 }), { maxLength: 10 }).map((offsets) => ({
    date,
    zone,
    holidays: offsets.map((d) => reference.localDateKey(new Date(date.getTime() + d * DAY), zone)),
  })),
);

describe("business days in the firm's zone", () => {
  it("reads the local calendar date, and writes a day and a moment, as date-fns does, in every zone", () => {
    fc.assert(
      fc.property(instantInZone, ({ date, zone }) => {
        expect(localDateKey(date, zone)).toBe(reference.localDateKey(date, zone));
        expect(formatDay(date, zone)).toBe(format(date, "EEE d MMM", { in: tz(zone) }));
        expect(formatMoment(date, zone)).toBe(format(date, "EEE d MMM, HH:mm", { in: tz(zone) }));
        expect(formatTime(date, zone)).toBe(format(date, "HH:mm", { in: tz(zone) }));
      }),
      { numRuns: 3000 },
    );
  });

  it("adds business days as the day-by-day walk does, across weekends, holidays and clock changes", () => {
    fc.assert(
      fc.property(withHolidays, fc.integer({ min: -12, max: 12 }), ({ date, zone, holidays }, n) => {
        expect(addBusinessDaysInZone(date, n, zone, holidays).toISOString()).toBe(reference.addBusinessDays(date, n, zone, holidays).toISOString());
        expect(isBusinessDay(date, zone, holidays)).toBe(reference.isBusinessDay(date, zone, holidays));
        const later = new Date(date.getTime() + n * 7 * 3_600_000);
        expect(calendarDaysBetween(later, date, zone)).toBe(differenceInCalendarDays(later, date, { in: tz(zone) }));
      }),
      { numRuns: 3000 },
    );
  });

  it("finds the next and the last business day on or around a date as the walk does", () => {
    fc.assert(
      fc.property(withHolidays, ({ date, zone, holidays }) => {
        expect(nextBusinessDayOnOrAfter(date, zone, holidays).toISOString()).toBe(reference.scan(date, zone, holidays, 1).toISOString());
        expect(lastBusinessDayOnOrBefore(date, zone, holidays).toISOString()).toBe(reference.scan(date, zone, holidays, -1).toISOString());
      }),
      { numRuns: 2000 },
    );
  });

  it("gives the same instant for a calendar date at a local hour, and for its end, asked once or many times", () => {
    fc.assert(
      fc.property(instantInZone, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), ({ date, zone }, hour, minute) => {
        const day = reference.localDateKey(date, zone);
        const expected = reference.dateAtLocalHour(day, hour, zone, minute).toISOString();
        expect(dateAtLocalHour(day, hour, zone, minute).toISOString()).toBe(expected);
        expect(dateAtLocalHour(day, hour, zone, minute).toISOString()).toBe(expected);
        const dayEnd = new Date(endOfDay(reference.dateAtLocalHour(day, 12, zone, 0), { in: tz(zone) }).getTime()).toISOString();
        expect(endOfLocalDay(day, zone).toISOString()).toBe(dayEnd);
        expect(endOfLocalDay(day, zone).toISOString()).toBe(dayEnd);
      }),
      { numRuns: 2000 },
    );
  });

  it("keeps Friday 17:30 at 17:30 on Tuesday over a clock change, and skips the firm's holiday", () => {
    // New York's clocks go back on Sunday 1 Nov 2026.
    const friday = new Date("2026-10-30T21:30:00Z"); // 17:30 EDT
    expect(addBusinessDaysInZone(friday, 2, "America/New_York", []).toISOString()).toBe("2026-11-03T22:30:00.000Z"); // Tue 17:30 EST
    expect(addBusinessDaysInZone(friday, 2, "America/New_York", ["2026-11-02"]).toISOString()).toBe("2026-11-04T22:30:00.000Z");
    expect(addBusinessDaysInZone(friday, -1, "America/New_York", []).toISOString()).toBe("2026-10-29T21:30:00.000Z");
  });

  it("reads a wall-clock time the clocks skip an hour later", () => {
    // Jerusalem's clocks go forward at 02:00 on Friday 27 Mar 2026: Friday 02:30 does not exist and is read as 03:30 IDT.
    const thursday = new Date("2026-03-26T00:30:00Z"); // Thu 02:30 IST
    expect(addBusinessDaysInZone(thursday, 1, "Asia/Jerusalem", []).toISOString()).toBe("2026-03-27T00:30:00.000Z");
    expect(dateAtLocalHour("2026-03-08", 2, "America/New_York", 30).toISOString()).toBe("2026-03-08T07:30:00.000Z");
  });

  it("walks through the day Samoa skipped when it crossed the date line (Friday 30 Dec 2011)", () => {
    const zone = "Pacific/Apia";
    const saturdayMidnight = new Date("2011-12-30T10:00:00.000Z"); // Sat 31 Dec 00:00, the day after Thursday 29
    expect(lastBusinessDayOnOrBefore(saturdayMidnight, zone, []).toISOString()).toBe("2011-12-29T10:00:00.000Z");
    const thursday = new Date("2011-12-15T10:00:00.000Z");
    for (const n of [9, 10, 11]) {
      const holidays = ["2011-12-19", "2011-12-20"];
      expect(addBusinessDaysInZone(thursday, n, zone, holidays).toISOString()).toBe(reference.addBusinessDays(thursday, n, zone, holidays).toISOString());
    }
    // 15 Dec + 9 business days, the 19th and 20th off, is the skipped Friday: it is Monday 2 Jan.
    expect(reference.localDateKey(addBusinessDaysInZone(thursday, 9, zone, ["2011-12-19", "2011-12-20"]), zone)).toBe("2012-01-02");
  });

  it("rejects a date that is not a calendar date, and fractional business days", () => {
    expect(() => dateAtLocalHour("2026-02-30", 9, "UTC")).toThrow(RangeError);
    expect(() => dateAtLocalHour("26-02-03", 9, "UTC")).toThrow(RangeError);
    expect(() => addBusinessDaysInZone(new Date(), 1.5, "UTC", [])).toThrow(RangeError);
  });
});
