import { format } from "date-fns";
import { tz } from "@date-fns/tz";
import type { Plan, PlanStep } from "./types";

export type PlanToIcsOptions = {
  /** Shown in every event's summary, e.g. "Onsite interview — Acme, Data Engineer". */
  interviewTitle: string;
  /** Makes UIDs unique per interview, e.g. "interview-<id>"; a re-download then updates the same events. */
  uidPrefix: string;
  /** Defaults to the plan's `generatedAt`, so the output is a pure function of its input. */
  dtStamp?: Date;
};

const CRLF = "\r\n";
const MAX_LINE_OCTETS = 75;
const encoder = new TextEncoder();

/**
 * The candidate's plan as an RFC 5545 calendar. Only the candidate's own open
 * steps with a due time are events: recruiter steps are not theirs, done steps
 * are noise, and the "don't" steps have no time. A step with a window (the
 * call) spans notBefore → dueAt; a deadline is a point event at its due time.
 */
export function planToIcs(plan: Plan, options: PlanToIcsOptions): string {
  const stamp = utcStamp(options.dtStamp ?? plan.generatedAt);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Afterview//Follow-up plan//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(`Follow-up: ${options.interviewTitle}`)}`,
  ];
  for (const step of plan.steps) {
    if (step.owner !== "candidate" || step.dueAt === null || step.state === "done") continue;
    lines.push(...eventLines(step, step.dueAt, options, stamp));
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join(CRLF) + CRLF;
}

function eventLines(step: PlanStep, dueAt: Date, options: PlanToIcsOptions, stamp: string): string[] {
  const start = step.notBefore && step.notBefore.getTime() < dueAt.getTime() ? step.notBefore : null;
  const description = [step.reason];
  if (step.suggestions && step.suggestions.length > 0) {
    description.push(`Worth adding to the note: ${step.suggestions.join("; ")}`);
  }
  return [
    "BEGIN:VEVENT",
    `UID:${uidPart(options.uidPrefix)}-${uidPart(step.key)}@afterview`,
    `DTSTAMP:${stamp}`,
    `DTSTART:${utcStamp(start ?? dueAt)}`,
    ...(start ? [`DTEND:${utcStamp(dueAt)}`] : []),
    `SUMMARY:${escapeText(`${step.title} — ${options.interviewTitle}`)}`,
    `DESCRIPTION:${escapeText(description.join("\n"))}`,
    // Reminders, not meetings: they should not block the candidate's calendar.
    "TRANSP:TRANSPARENT",
    "END:VEVENT",
  ];
}

function utcStamp(date: Date): string {
  return format(date, "yyyyMMdd'T'HHmmss'Z'", { in: tz("UTC") });
}

/** UIDs stay within a conservative character set whatever the key holds (`thank_you:<id>`). */
function uidPart(value: string): string {
  return value.replace(/[^A-Za-z0-9._-]/g, "-");
}

/** RFC 5545 §3.3.11 TEXT: backslash, semicolon, comma and newlines escaped; other controls dropped. */
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
 * RFC 5545 §3.1: lines longer than 75 octets are folded with CRLF + one space
 * (the space counts toward the next line's 75). Splits fall between code
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
