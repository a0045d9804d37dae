import { tz } from "@date-fns/tz";
import { addDays, differenceInCalendarDays, format, getDay, set, startOfDay } from "date-fns";
import { addBusinessDaysInZone } from "@/lib/core/follow-up";

// ---------------------------------------------------------------------------
// Time: day offsets from today in the firm's zone
// ---------------------------------------------------------------------------

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export class Clock {
  /** Midnight today in the firm's zone. */
  readonly today: Date;

  constructor(
    readonly now: Date,
    readonly zone: string,
    readonly holidays: string[],
  ) {
    this.today = startOfDay(now, { in: tz(zone) });
  }

  private day(offset: number): Date {
    return addDays(this.today, offset);
  }

  /** Local wall-clock time `hour:minute` on the day `offset` days from today. */
  at(offset: number, hour: number, minute = 0): Date {
    return new Date(set(this.day(offset), { hours: hour, minutes: minute, seconds: 0, milliseconds: 0 }).getTime());
  }

  /** 'YYYY-MM-DD' of the day `offset` days from today. */
  key(offset: number): string {
    return format(this.day(offset), "yyyy-MM-dd");
  }

  keyOf(date: Date): string {
    return format(date, "yyyy-MM-dd", { in: tz(this.zone) });
  }

  label(date: Date): string {
    return format(date, "EEEE d MMMM", { in: tz(this.zone) });
  }

  /** Calendar days from today (firm zone) to the date. */
  offsetOf(date: Date): number {
    return differenceInCalendarDays(date, this.today, { in: tz(this.zone) });
  }

  dow(offset: number): number {
    return getDay(this.day(offset));
  }

  isWorkday(offset: number): boolean {
    const dow = this.dow(offset);
    return dow !== 0 && dow !== 6 && !this.holidays.includes(this.key(offset));
  }

  /** The nearest workday, moving away from today so that past stays past and future stays future. */
  workday(offset: number): number {
    const step = offset < 0 ? -1 : 1;
    let o = offset;
    while (!this.isWorkday(o)) o += step;
    return o;
  }

  /** Offset of the first day on or after `from` with weekday `dow` (0 = Sunday). */
  nextDow(dow: number, from = 0): number {
    let o = from;
    while (this.dow(o) !== dow) o++;
    return o;
  }

  /** `n` business days from `date` (firm zone and holidays), keeping the wall-clock time. */
  bd(date: Date, n: number): Date {
    return addBusinessDaysInZone(date, n, this.zone, this.holidays);
  }

  /**
   * A moment `hours` after `t`; squeezed between `t` and now when it would be
   * in the future, so that recorded facts are never after now and keep their order.
   */
  after(t: Date, hours: number): Date {
    const target = t.getTime() + hours * HOUR;
    const cap = this.now.getTime() - 5 * MINUTE;
    if (target <= cap) return new Date(target);
    return new Date(t.getTime() + Math.max(0, cap - t.getTime()) * 0.6);
  }

  earlier(a: Date, b: Date): Date {
    return a.getTime() <= b.getTime() ? a : b;
  }

  /** Today's (or, late in the day, tomorrow's) n-th free interview slot for the dashboard. */
  todaySlot(n: number): Date {
    const start = Math.ceil((this.now.getTime() + HOUR) / (30 * MINUTE)) * 30 * MINUTE + n * 2 * HOUR;
    const candidate = new Date(start);
    const hour = Number(format(candidate, "H", { in: tz(this.zone) }));
    if (this.keyOf(candidate) === this.key(0) && hour >= 8 && hour <= 17) return candidate;
    return this.at(this.workday(1), 10 + n * 3, 0);
  }
}

/** The next few public holidays at least three weeks away (the story's weeks stay free of them). */
export function demoHolidays(now: Date, zone: string): string[] {
  const year = Number(format(now, "yyyy", { in: tz(zone) }));
  const from = format(addDays(startOfDay(now, { in: tz(zone) }), 21), "yyyy-MM-dd");
  const days: string[] = [];
  for (const y of [year, year + 1, year + 2]) {
    days.push(`${y}-01-01`, `${y}-07-04`, thanksgiving(y), `${y}-12-25`);
  }
  return days.filter((d) => d >= from).sort().slice(0, 3);
}

/** The fourth Thursday of November. */
function thanksgiving(year: number): string {
  const dow = new Date(Date.UTC(year, 10, 1)).getUTCDay();
  const firstThursday = 1 + ((4 - dow + 7) % 7);
  return `${year}-11-${String(firstThursday + 21).padStart(2, "0")}`;
}
