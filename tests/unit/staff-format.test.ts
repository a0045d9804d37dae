import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { format, isSameDay } from "date-fns";
import { tz, tzName } from "@date-fns/tz";
import {
  formatCompactDate,
  formatCompactDateTime,
  formatCompactRange,
  formatDateTime,
  formatDay,
  formatShortDate,
  formatTimeRange,
  zoneAbbreviation,
} from "@/app/(staff)/_components/format";

/**
 * The staff pages' date formatting reads parts from a cached Intl formatter.
 * These properties hold it to the date-fns formats it replaced, in zones on
 * both sides of UTC, with and without daylight saving, and at midnight.
 */
const ZONES = ["America/New_York", "America/Los_Angeles", "Europe/London", "Europe/Berlin", "Asia/Kolkata", "Australia/Sydney", "Pacific/Chatham", "UTC"];
const inZone = (zone: string) => ({ in: tz(zone) });
const sameYear = (a: Date, b: Date, zone: string) => format(a, "yyyy", inZone(zone)) === format(b, "yyyy", inZone(zone));

const instant = fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2031-12-31T23:59:59Z"), noInvalidDate: true });
const zone = fc.constantFrom(...ZONES);

describe("staff date formatting in the firm's zone", () => {
  it("matches the date-fns day, date and date-time formats", () => {
    fc.assert(
      fc.property(instant, instant, zone, (date, now, z) => {
        expect(formatDay(date, z)).toBe(format(date, "EEE d MMM yyyy", inZone(z)));
        expect(formatShortDate(date, z)).toBe(format(date, "d MMM yyyy", inZone(z)));
        expect(formatDateTime(date, z)).toBe(format(date, "EEE d MMM yyyy, HH:mm", inZone(z)));
        expect(zoneAbbreviation(date, z)).toBe(tzName(z, date, "short"));
        expect(formatCompactDate(date, z, now)).toBe(format(date, sameYear(date, now, z) ? "d MMM" : "d MMM yyyy", inZone(z)));
        expect(formatCompactDateTime(date, z, now)).toBe(
          format(date, sameYear(date, now, z) ? "EEE d MMM, HH:mm" : "EEE d MMM yyyy, HH:mm", inZone(z)),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it("names a range's end by its time alone when it ends the same local day", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 3 * 24 * 60 }), instant, zone, (start, minutes, now, z) => {
        const end = new Date(start.getTime() + minutes * 60_000);
        const sameDay = isSameDay(start, end, inZone(z));
        const compactHead = format(start, sameYear(start, now, z) ? "EEE d MMM, HH:mm" : "EEE d MMM yyyy, HH:mm", inZone(z));
        const compactEnd = format(end, sameYear(end, now, z) ? "EEE d MMM, HH:mm" : "EEE d MMM yyyy, HH:mm", inZone(z));
        expect(formatCompactRange(start, end, z, now)).toBe(
          sameDay ? `${compactHead}–${format(end, "HH:mm", inZone(z))}` : `${compactHead} – ${compactEnd}`,
        );
        const head = format(start, "EEE d MMM yyyy, HH:mm", inZone(z));
        const tail = sameDay ? format(end, "HH:mm", inZone(z)) : format(end, "EEE d MMM yyyy, HH:mm", inZone(z));
        expect(formatTimeRange(start, end, z)).toBe(`${head}–${tail} ${tzName(z, start, "short")}`);
      }),
      { numRuns: 1000 },
    );
  });

  it("writes midnight as 00:00 and shows the zone's own calendar day", () => {
    const midnightNy = new Date("2026-03-08T05:00:00Z"); // 00:00 in New York, the day clocks go forward
    expect(formatDateTime(midnightNy, "America/New_York")).toBe("Sun 8 Mar 2026, 00:00");
    expect(formatDateTime(midnightNy, "Asia/Kolkata")).toBe("Sun 8 Mar 2026, 10:30");
    expect(formatCompactDate(new Date("2026-12-31T23:30:00Z"), "Australia/Sydney", new Date("2026-06-01T00:00:00Z"))).toBe("1 Jan 2027");
  });
});
