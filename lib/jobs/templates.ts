import { tz } from "@date-fns/tz";
import { format } from "date-fns";
import type { QueueItem } from "@/db/queries/dashboard";

/** Plain text, short lines, each link on its own line. */

function when(date: Date | null, zone: string): string {
  return date ? format(date, "EEE d MMM, HH:mm", { in: tz(zone) }) : "no date";
}

export function digestEmail(input: {
  name: string;
  firmName: string;
  zone: string;
  now: Date;
  origin: string;
  overdue: QueueItem[];
  dueToday: QueueItem[];
}) {
  const first = input.name.split(" ")[0] || input.name;
  const day = format(input.now, "EEEE d MMMM", { in: tz(input.zone) });
  const line = (i: QueueItem, label: string) => {
    const rule = i.rule ? ` (${i.rule})` : "";
    return [`- ${i.title}${rule}`, `  ${[i.detail, `${label} ${when(i.dueAt, input.zone)}`].filter(Boolean).join(" · ")}`, `  ${input.origin}${i.href}`];
  };
  const parts: string[] = [`Good morning ${first},`, "", `Your follow-ups at ${input.firmName} for ${day}:`];
  if (input.overdue.length > 0) {
    parts.push("", `OVERDUE (${input.overdue.length})`);
    for (const i of input.overdue) parts.push(...line(i, i.kind === "repeat_calls" ? "last call" : "was due"));
  }
  if (input.dueToday.length > 0) {
    parts.push("", `DUE TODAY (${input.dueToday.length})`);
    for (const i of input.dueToday) parts.push(...line(i, "due"));
  }
  parts.push("", "Your dashboard:", `${input.origin}/dashboard`, "", "You get this email on working mornings when something is overdue or due that day.");
  const counts = [
    input.overdue.length ? `${input.overdue.length} overdue` : "",
    input.dueToday.length ? `${input.dueToday.length} due today` : "",
  ].filter(Boolean);
  return { subject: `Afterview: ${counts.join(", ")}`, text: parts.join("\n") };
}

type CandidateMail = {
  candidateName: string;
  firmName: string;
  clientName: string;
  jobTitle: string;
  startsAt: Date;
  zone: string;
  origin: string;
  /** The one-click unsubscribe link (lib/email/unsubscribe.ts). */
  unsubscribeUrl: string;
};

function firstName(name: string): string {
  return name.split(" ")[0] || name;
}

/** "New York time" for America/New_York: times in these mails are the firm's. */
export function zoneLabel(zone: string): string {
  const city = zone.split("/").pop() ?? zone;
  return `${city.replace(/_/g, " ")} time`;
}

function moment(date: Date, zone: string): string {
  return `${format(date, "EEE d MMM, HH:mm", { in: tz(zone) })} (${zoneLabel(zone)})`;
}

function footer(input: CandidateMail): string[] {
  return [
    "",
    `You get these short emails from ${input.firmName} when a step of your follow-up plan needs you.`,
    "Stop them (you can turn them back on in your profile):",
    input.unsubscribeUrl,
  ];
}

/** A list of names as a sentence: "Ines", "Ines and Tom", "Ines, Tom and Ana". */
function names(list: string[]): string {
  if (list.length <= 1) return list[0] ?? "";
  return `${list.slice(0, -1).join(", ")} and ${list[list.length - 1]}`;
}

export function debriefReminderEmail(input: CandidateMail) {
  const day = format(input.startsAt, "EEEE d MMMM", { in: tz(input.zone) });
  return {
    subject: `Your debrief of the ${input.clientName} interview`,
    text: [
      `Hello ${firstName(input.candidateName)},`,
      "",
      `How did your interview with ${input.clientName} for the ${input.jobTitle} role on ${day} go?`,
      `Your debrief for ${input.firmName} is still missing. It takes about five minutes, and the sooner your recruiter has it, the better they can follow up with the client for you.`,
      "",
      "File your debrief here:",
      `${input.origin}/my/interviews`,
      "",
      "This is the only reminder we send for this interview.",
      ...footer(input),
    ].join("\n"),
  };
}

export function thankYouReminderEmail(input: CandidateMail & { interviewId: string; people: string[]; dueAt: Date }) {
  const whom = input.people.length > 0 ? names(input.people) : "the people you met";
  const notes = input.people.length === 1 ? "note" : "notes";
  return {
    subject: input.people.length === 1 ? `Your thank-you note for ${input.clientName} is due soon` : `Your thank-you notes for ${input.clientName} are due soon`,
    text: [
      `Hello ${firstName(input.candidateName)},`,
      "",
      `Your thank-you ${notes} to ${whom} after the ${input.jobTitle} interview ${input.people.length === 1 ? "is" : "are"} due by ${moment(input.dueAt, input.zone)}.`,
      "One short email per person is enough: thank them, and add the one thing you did not get to mention.",
      "Once sent, tick it off on your plan:",
      `${input.origin}/my/plan/${input.interviewId}`,
      ...footer(input),
    ].join("\n"),
  };
}

export function callWindowEmail(input: CandidateMail & { interviewId: string; notBefore: Date; dueAt: Date; reason: string }) {
  const sameDay = format(input.notBefore, "yyyy-MM-dd", { in: tz(input.zone) }) === format(input.dueAt, "yyyy-MM-dd", { in: tz(input.zone) });
  const until = sameDay ? format(input.dueAt, "HH:mm", { in: tz(input.zone) }) : moment(input.dueAt, input.zone);
  return {
    subject: `Your one call about the ${input.clientName} interview`,
    text: [
      `Hello ${firstName(input.candidateName)},`,
      "",
      `Your plan for the ${input.jobTitle} interview allows one call to the interviewer, from ${moment(input.notBefore, input.zone)} until ${until}.`,
      ...(input.reason ? [input.reason] : []),
      "One call only: a second one reads as pestering. After it, your recruiter does the chasing.",
      "Log the call on your plan once you have made it:",
      `${input.origin}/my/plan/${input.interviewId}`,
      ...footer(input),
    ].join("\n"),
  };
}
