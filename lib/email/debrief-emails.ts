import { format } from "date-fns";
import { tz } from "@date-fns/tz";
import { callInvitationLine } from "@/lib/core/validation/debrief-rules";
import type { CallInvitation } from "@/lib/core/vocabulary";

/** Mail to the recruiter about a candidate's debrief and plan. Plain text first, the link on its own line. */

/** The staff page of an interview (the link in mail to the recruiter). */
export function staffInterviewLink(origin: string, interviewId: string): string {
  return `${origin}/interviews/${interviewId}`;
}

const KIND_LABELS: Record<string, string> = {
  phone_screen: "phone screen",
  video: "video interview",
  onsite: "onsite interview",
  panel: "panel interview",
  final: "final interview",
};

const SCALE_WORDS = ["", "poor", "fair", "okay", "good", "great"] as const;
const INTEREST_WORDS = ["", "not interested", "lukewarm", "open", "keen", "very keen"] as const;

export type DebriefSubmittedMail = {
  recruiterName: string;
  candidateName: string;
  clientName: string;
  jobTitle: string;
  interviewKind: string;
  interviewStartsAt: Date;
  timeZone: string;
  version: number;
  overallImpression: number | null;
  interestLevel: number | null;
  timelineGiven: "yes" | "no" | "unsure" | null;
  expectedDecisionOn: string | null;
  callInvitation: CallInvitation | null;
  callBy: string | null;
  callTime: string | null;
  invitedBack: boolean | null;
  notMentioned: string;
  notesForRecruiter: string;
  peopleMet: string[];
  link: string;
};

function day(date: Date, zone: string): string {
  return format(date, "EEE d MMM", { in: tz(zone) });
}

function calendarDay(ymd: string): string {
  const [y, m, d] = ymd.split("-").map(Number) as [number, number, number];
  return format(new Date(Date.UTC(y, m - 1, d, 12)), "EEE d MMM", { in: tz("UTC") });
}

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] || name;
}

function quote(text: string, max = 600): string[] {
  const flat = text.trim();
  if (!flat) return [];
  const cut = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  return cut.split(/\r?\n/).map((line) => `  ${line}`);
}

export function debriefSubmittedEmail(m: DebriefSubmittedMail) {
  const amended = m.version > 1;
  const what = `${KIND_LABELS[m.interviewKind] ?? "interview"} at ${m.clientName} (${m.jobTitle}) on ${day(m.interviewStartsAt, m.timeZone)}`;
  const lines: string[] = [
    `Hello ${firstName(m.recruiterName)},`,
    ``,
    amended
      ? `${m.candidateName} amended their debrief of the ${what}. This is version ${m.version}; the earlier versions are kept.`
      : `${m.candidateName} filed their debrief of the ${what}.`,
    ``,
  ];
  if (m.overallImpression) lines.push(`Overall: ${m.overallImpression}/5 (${SCALE_WORDS[m.overallImpression]})`);
  if (m.interestLevel) lines.push(`Interest: ${m.interestLevel}/5 (${INTEREST_WORDS[m.interestLevel]})`);
  if (m.timelineGiven === "no") lines.push(`Timeline: none given at the interview — get one from the client (rule 1).`);
  else if (m.timelineGiven === "unsure") lines.push(`Timeline: the candidate is not sure what they were told.`);
  if (m.expectedDecisionOn) lines.push(`Expected decision: ${calendarDay(m.expectedDecisionOn)}`);
  // The candidate's plan follows it (rule 4); the recruiter should know what was said.
  const call = m.callInvitation && m.callInvitation !== "none" ? callInvitationLine(m, calendarDay) : null;
  if (call) lines.push(`${call}.`);
  if (m.invitedBack) lines.push(`Invited back.`);
  if (m.peopleMet.length) lines.push(`People met: ${m.peopleMet.join(", ")}`);
  const notMentioned = quote(m.notMentioned);
  if (notMentioned.length) lines.push(``, `Did not get to mention:`, ...notMentioned);
  const notes = quote(m.notesForRecruiter);
  if (notes.length) lines.push(``, `For you:`, ...notes);
  lines.push(``, `Read the debrief and go through it with ${firstName(m.candidateName)}:`, ``, m.link);
  return {
    subject: amended
      ? `${m.candidateName} amended the ${m.clientName} debrief (version ${m.version})`
      : `${m.candidateName} filed the ${m.clientName} debrief`,
    text: lines.join("\n"),
  };
}

export type RepeatCallMail = {
  recruiterName: string;
  candidateName: string;
  clientName: string;
  jobTitle: string;
  callCount: number;
  calledAt: Date;
  contactName: string | null;
  timeZone: string;
  link: string;
};

/** rule 4: one call to the interviewer; a second one warns the recruiter. */
export function repeatCallEmail(m: RepeatCallMail) {
  const when = format(m.calledAt, "EEE d MMM 'at' h:mm a", { in: tz(m.timeZone) });
  const nth = m.callCount === 2 ? "second" : m.callCount === 3 ? "third" : `${m.callCount}th`;
  return {
    subject: `${m.candidateName} has called ${m.clientName} ${m.callCount} times`,
    text: [
      `Hello ${firstName(m.recruiterName)},`,
      ``,
      `${m.candidateName} logged a ${nth} call to ${m.contactName ?? "the interviewer"} at ${m.clientName} (${m.jobTitle}) on ${when}.`,
      `The firm's policy allows one call (rule 4); more reads as pestering. Reassure ${firstName(m.candidateName)} that you are chasing the decision, and follow up with the client yourself.`,
      ``,
      `A task for it is on your list. The interview:`,
      ``,
      m.link,
    ].join("\n"),
  };
}
