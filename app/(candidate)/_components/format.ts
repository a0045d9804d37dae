import { differenceInCalendarDays, format } from "date-fns";
import { TZDate, tz } from "@date-fns/tz";

/**
 * Dates on the candidate side, always in the firm's zone (the zone the plan's
 * deadlines were computed in), so the server and the browser render the same text.
 */

/** "today", "tomorrow", "yesterday", or "Wed 18 Mar". */
export function dayLabel(date: Date, zone: string, now: Date): string {
  const days = differenceInCalendarDays(date, now, { in: tz(zone) });
  if (days === 0) return "today";
  if (days === 1) return "tomorrow";
  if (days === -1) return "yesterday";
  return format(date, "EEE d MMM", { in: tz(zone) });
}

export function timeLabel(date: Date, zone: string): string {
  return format(date, "h:mm a", { in: tz(zone) });
}

/** "today at 3:00 PM", "Wed 18 Mar at 9:00 AM". */
export function whenLabel(date: Date, zone: string, now: Date): string {
  return `${dayLabel(date, zone, now)} at ${timeLabel(date, zone)}`;
}

export function longDay(date: Date, zone: string): string {
  return format(date, "EEEE d MMMM", { in: tz(zone) });
}

/** The calendar day of an instant in the zone, 'YYYY-MM-DD'. */
export function dayKey(date: Date, zone: string): string {
  return format(date, "yyyy-MM-dd", { in: tz(zone) });
}

/** An instant as a datetime-local value ('YYYY-MM-DDTHH:mm') in the zone. */
export function toLocalInput(iso: string | Date | null, zone: string): string {
  if (!iso) return "";
  const date = typeof iso === "string" ? new Date(iso) : iso;
  if (Number.isNaN(date.getTime())) return "";
  return format(date, "yyyy-MM-dd'T'HH:mm", { in: tz(zone) });
}

/** A datetime-local value read as wall-clock time in the zone; null when incomplete. */
export function fromLocalInput(value: string, zone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const date = new TZDate(y, mo - 1, d, h, mi, zone);
  return Number.isNaN(date.getTime()) ? null : new Date(date.getTime());
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
