import { v7 as uuidv7 } from "uuid";
import { emptyDebriefDraft, type DebriefDraft } from "@/lib/core/validation/debrief";

export type DebriefPerson = DebriefDraft["people"][number];

/** One person the candidate met: the hiring manager, with no thank-you note sent yet. */
export function debriefPerson(over: Partial<DebriefPerson> = {}): DebriefPerson {
  return {
    id: uuidv7(),
    contactId: null,
    name: "Ines Interviewer",
    title: "Engineering Manager",
    email: "ines@client.example",
    phone: "",
    thankYouSent: false,
    thankYouSentAt: null,
    thankYouChannel: null,
    ...over,
  };
}

/** A debrief that passes the submission's checks: every required answer given, one person met. */
export function completeDebrief(over: Partial<DebriefDraft> = {}): DebriefDraft {
  return {
    ...emptyDebriefDraft(),
    overallImpression: 4,
    interestLevel: 5,
    wentWell: "The system design round went well.",
    notMentioned: "AWS Professional certification",
    timelineGiven: "yes",
    timelineDetails: "A decision by Friday.",
    callInvitation: "none",
    invitedBack: false,
    people: [debriefPerson()],
    ...over,
  };
}
