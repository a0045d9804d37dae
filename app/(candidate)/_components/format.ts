/**
 * Dates on the candidate side, always in the firm's zone (the zone the plan's
 * deadlines were computed in), so the server and the browser render the same text.
 * Built on `Intl.DateTimeFormat` numbers only (names come from the tables below),
 * so the text does not depend on the engine's locale data and no date library
 * ships to the browser.
 */

import { wallClock } from "@/lib/core/wall-clock";

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

type Parts = { year: number; month: number; day: number; hour: number; minute: number; second: number };

/** The wall-clock reading of an instant in the zone. */
function partsIn(date: Date | number, zone: string): Parts {
  const w = new Date(wallClock(new Date(date), zone));
  return {
    year: w.getUTCFullYear(),
    month: w.getUTCMonth() + 1,
    day: w.getUTCDate(),
    hour: w.getUTCHours(),
    minute: w.getUTCMinutes(),
    second: w.getUTCSeconds(),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** Days since 1970-01-01 of the calendar day the parts fall on. */
const dayNumber = (p: Parts) => Date.UTC(p.year, p.month - 1, p.day) / 86_400_000;

const weekdayOf = (p: Parts) => WEEKDAYS[new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay()]!;

/** "today", "tomorrow", "yesterday", or "Wed 18 Mar". */
export function dayLabel(date: Date, zone: string, now: Date): string {
  const p = partsIn(date, zone);
  const days = dayNumber(p) - dayNumber(partsIn(now, zone));
  if (days === 0) return "today";
  if (days === 1) return "tomorrow";
  if (days === -1) return "yesterday";
  return `${weekdayOf(p).slice(0, 3)} ${p.day} ${MONTHS[p.month - 1]!.slice(0, 3)}`;
}

/** "3:05 PM". */
export function timeLabel(date: Date, zone: string): string {
  const { hour, minute } = partsIn(date, zone);
  return `${hour % 12 === 0 ? 12 : hour % 12}:${pad(minute)} ${hour < 12 ? "AM" : "PM"}`;
}

/** "today at 3:00 PM", "Wed 18 Mar at 9:00 AM". */
export function whenLabel(date: Date, zone: string, now: Date): string {
  return `${dayLabel(date, zone, now)} at ${timeLabel(date, zone)}`;
}

/** "Wednesday 18 March". */
export function longDay(date: Date, zone: string): string {
  const p = partsIn(date, zone);
  return `${weekdayOf(p)} ${p.day} ${MONTHS[p.month - 1]}`;
}

/** The calendar day of an instant in the zone, 'YYYY-MM-DD'. */
export function dayKey(date: Date, zone: string): string {
  const p = partsIn(date, zone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** An instant as a datetime-local value ('YYYY-MM-DDTHH:mm') in the zone. */
export function toLocalInput(iso: string | Date | null, zone: string): string {
  if (!iso) return "";
  const date = typeof iso === "string" ? new Date(iso) : iso;
  if (Number.isNaN(date.getTime())) return "";
  const p = partsIn(date, zone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
function offsetAt(time: number, zone: string): number {
  const p = partsIn(time, zone);
  const whole = time - (((time % 1000) + 1000) % 1000);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - whole;
}

/** A datetime-local value read as wall-clock time in the zone; null when incomplete. */
export function fromLocalInput(value: string, zone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const wall = new Date(Date.UTC(y, mo - 1, d, h, mi));
  const local = wall.getTime();
  if (Number.isNaN(local)) return null;
  // The offset before the wall time, then the one in force at the instant found.
  const first = local - offsetAt(local, zone);
  const second = local - offsetAt(first, zone);
  const time = offsetAt(second, zone) === offsetAt(first, zone) ? second : Math.max(first, second);
  return Number.isNaN(time) ? null : new Date(time);
}

/** A short zone name for labels ("EST", "GMT+1"). */
export function zoneAbbreviation(zone: string, at: Date): string {
  const part = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "short" })
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? zone;
}

const KIND_LABELS: Record<string, string> = {
  phone_screen: "Phone screen",
  video: "Video interview",
  onsite: "Onsite interview",
  panel: "Panel interview",
  final: "Final interview",
};

export function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? "Interview";
}
