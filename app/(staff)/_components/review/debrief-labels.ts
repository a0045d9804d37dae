import type { ReviewDebrief } from "@/db/queries/review";

/** The debrief's free-text answers, in the order the staff read them, with their labels. */
export const FIELD_LABELS: [keyof ReviewDebrief & string, string][] = [
  ["wentWell", "What went well"],
  ["concerns", "Concerns or hard moments"],
  ["questionsAsked", "Questions they were asked"],
  ["notMentioned", "Not mentioned in the interview"],
  ["timelineDetails", "Where they are in the process"],
  ["invitedBackDetails", "Invited back"],
  ["salaryDiscussed", "Salary or terms"],
  ["otherProcesses", "Other processes or offers"],
  ["availability", "Availability for a next round"],
  ["notesForRecruiter", "For the recruiter"],
];

/** Every field of a submitted version, for saying what an amendment changed. */
export const SNAPSHOT_LABELS: Record<string, string> = {
  overallImpression: "Overall impression",
  interestLevel: "Interest",
  timelineGiven: "Timeline given",
  expectedDecisionOn: "Expected decision",
  callInvitation: "What the interviewer said about calling",
  callBy: "Call date",
  callTime: "Call time",
  invitedBack: "Invited back",
  people: "People met",
  ...Object.fromEntries(FIELD_LABELS),
};
