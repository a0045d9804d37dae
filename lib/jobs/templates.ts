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

export function debriefReminderEmail(input: {
  candidateName: string;
  firmName: string;
  clientName: string;
  jobTitle: string;
  startsAt: Date;
  zone: string;
  origin: string;
}) {
  const first = input.candidateName.split(" ")[0] || input.candidateName;
  const day = format(input.startsAt, "EEEE d MMMM", { in: tz(input.zone) });
  return {
    subject: `Your debrief of the ${input.clientName} interview`,
    text: [
      `Hello ${first},`,
      "",
      `How did your interview with ${input.clientName} for the ${input.jobTitle} role on ${day} go?`,
      `Your debrief for ${input.firmName} is still missing. It takes about five minutes, and the sooner your recruiter has it, the better they can follow up with the client for you.`,
      "",
      "File your debrief here:",
      `${input.origin}/my/interviews`,
      "",
      "This is the only reminder we send for this interview.",
    ].join("\n"),
  };
}
