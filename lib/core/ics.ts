/**
 * The one writer of RFC 5545 calendars (.ics): an interview for staff and its
 * candidate, and the candidate's follow-up plan (lib/core/follow-up/ics.ts).
 * Times are written in UTC ("…Z"): every calendar shows them in its owner's
 * zone, so nothing depends on time-zone definitions travelling with the file.
 */

const CRLF = "\r\n";
const MAX_LINE_OCTETS = 75;
const encoder = new TextEncoder();

export interface InterviewCalendarEvent {
  /** The interview id: the UID stays the same across downloads, so a re-import updates the event. */
  id: string;
  summary: string;
  description: string;
  /** Where: an address or room, or the video link when there is no place. */
  location: string;
  /** A video-call link, also written as the event's URL. */
  url?: string;
  startsAt: Date;
  endsAt: Date;
  /** A cancelled interview is still written, as STATUS:CANCELLED, so calendars remove it. */
  cancelled: boolean;
  /** Increases with every change (the record's version), so calendars take the newer copy. */
  sequence: number;
  lastModified?: Date;
  /** DTSTAMP: when this file was made. */
  dtStamp: Date;
}

/** 2026-04-14T14:00:00.000Z → 20260414T140000Z (RFC 5545 §3.3.5, form #2: UTC). */
export function utcStamp(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError("Invalid date for a calendar stamp");
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}Z$/, "Z");
}

/** RFC 5545 §3.3.11 TEXT: backslash, semicolon, comma and newlines escaped; other control characters dropped. */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n|\r/g, "\n")
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\n/g, "\\n")
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, "");
}

/**
 * RFC 5545 §3.1: a content line longer than 75 octets is folded with CRLF and
 * one space (which counts toward the next line). Splits fall between code
 * points, never inside a multi-byte UTF-8 sequence.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > MAX_LINE_OCTETS) {
      parts.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

/** A URI value is not TEXT (no escaping), but it may not break the line. */
function uriValue(value: string): string {
  return value.replace(/[\u0000-\u001F\u007F\s]/g, "");
}

/** UIDs keep to a conservative character set whatever the id holds. */
export function uidPart(value: string): string {
  return value.replace(/[^A-Za-z0-9._-]/g, "-");
}

/** One VEVENT; its properties are written in this order, the optional ones only when set. */
export interface CalendarEvent {
  /** The whole UID: the same across downloads, so a re-import updates the event. */
  uid: string;
  dtStamp: Date;
  start: Date;
  end?: Date | null;
  sequence?: number;
  status?: "CONFIRMED" | "CANCELLED";
  summary: string;
  location?: string;
  url?: string;
  description?: string;
  lastModified?: Date;
  /** OPAQUE blocks the time (a meeting); TRANSPARENT does not (a reminder). */
  transp: "OPAQUE" | "TRANSPARENT";
}

function eventLines(event: CalendarEvent): string[] {
  const lines = ["BEGIN:VEVENT", `UID:${event.uid}`, `DTSTAMP:${utcStamp(event.dtStamp)}`, `DTSTART:${utcStamp(event.start)}`];
  if (event.end) lines.push(`DTEND:${utcStamp(event.end)}`);
  if (event.sequence !== undefined) lines.push(`SEQUENCE:${Math.max(0, Math.floor(event.sequence))}`);
  if (event.status) lines.push(`STATUS:${event.status}`);
  lines.push(`SUMMARY:${escapeText(event.summary)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  const url = event.url ? uriValue(event.url) : "";
  if (url) lines.push(`URL:${url}`);
  if (event.description !== undefined) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.lastModified) lines.push(`LAST-MODIFIED:${utcStamp(event.lastModified)}`);
  lines.push(`TRANSP:${event.transp}`, "END:VEVENT");
  return lines;
}

/** A VCALENDAR of `events`, folded, with CRLF line ends. `product` names the PRODID ("Interview"); `name` the calendar. */
export function writeCalendar(calendar: { product: string; name?: string; events: CalendarEvent[] }): string {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:-//Afterview//${calendar.product}//EN`, "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
  if (calendar.name !== undefined) lines.push(`X-WR-CALNAME:${escapeText(calendar.name)}`);
  for (const event of calendar.events) lines.push(...eventLines(event));
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join(CRLF) + CRLF;
}

export function interviewToIcs(event: InterviewCalendarEvent): string {
  return writeCalendar({
    product: "Interview",
    events: [
      {
        uid: `interview-${uidPart(event.id)}@afterview`,
        dtStamp: event.dtStamp,
        start: event.startsAt,
        end: event.endsAt,
        sequence: event.sequence,
        status: event.cancelled ? "CANCELLED" : "CONFIRMED",
        summary: event.summary,
        location: event.location,
        url: event.url,
        description: event.description || undefined,
        lastModified: event.lastModified,
        // An interview blocks the time.
        transp: "OPAQUE",
      },
    ],
  });
}

/** A file name people recognise in their downloads: "interview-2026-04-14-acme.ics". */
export function icsFileName(day: string, clientName: string): string {
  const slug = clientName
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "-")
    .slice(0, 40);
  return `interview-${day}${slug ? `-${slug}` : ""}.ics`;
}
