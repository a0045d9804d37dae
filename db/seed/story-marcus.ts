import type { FirmBuilder } from "./builder";
import type { NorthwindCast } from "./cast";
import { HOUR } from "./clock";
import { addCall } from "./rounds";
import { addStoryRound, toInterviewing } from "./story-rounds";

/** (d) Marcus Webb at Meridian, IT Project Manager: he has called the interviewer twice. */
export function marcusStory(b: FirmBuilder, { clients, jobs, people }: NorthwindCast) {
  const { clock } = b;
  const { meridian } = clients;
  const [director, hrPartner, pmoLead] = [meridian.contacts[0]!, meridian.contacts[1]!, meridian.contacts[2]!];
  const firstCall = clock.bd(clock.at(0, 10, 20), -2);
  const secondCall = clock.bd(clock.at(0, 14, 45), -1);
  const promised = clock.bd(clock.at(0, 12), -5);
  const mEnd = clock.bd(clock.at(0, 16), -9);
  const appM = b.addApplication(people.marcus, jobs.pmJob, toInterviewing(clock.at(-32, 10), clock.at(-30, 15), clock.at(-24, 9)));
  const mDay = clock.workday(-20);
  addStoryRound(b, appM, {
    kind: "phone_screen",
    startsAt: clock.at(mDay, 13),
    minutes: 30,
    contacts: [hrPartner],
    rawOffset: -20,
    debrief: {
      filedAt: clock.at(mDay, 17),
      reviewedAt: clock.at(mDay + 1, 9, 30),
      fields: { overallImpression: 4, interestLevel: 4, wentWell: "Good fit on the Epic migration.", timelineGiven: "yes" },
      people: [{ contact: hrPartner, sentAt: clock.at(mDay, 15), channel: "email" }],
    },
    feedback: {
      contact: hrPartner,
      receivedAt: clock.at(mDay + 1, 15),
      recommendation: "yes",
      decision: "next_round",
      rating: "yes",
    },
  });
  const mFiled = new Date(mEnd.getTime() + 5 * HOUR);
  const mOnsite = addStoryRound(b, appM, {
    kind: "onsite",
    startsAt: new Date(mEnd.getTime() - 3 * HOUR),
    minutes: 180,
    contacts: [director, pmoLead],
    rawOffset: clock.offsetOf(mEnd),
    debrief: {
      filedAt: mFiled,
      reviewedAt: new Date(mFiled.getTime() + 12.75 * HOUR),
      fields: {
        overallImpression: 4,
        interestLevel: 5,
        wentWell: "Presented my Epic go-live plan; the PMO lead asked for a copy.",
        timelineGiven: "yes",
        timelineDetails: `${director.name} said they would have an answer by ${clock.label(promised)}.`,
        expectedDecisionOn: clock.keyOf(promised),
        callInvitation: "none",
      },
      people: [director, pmoLead].map((contact) => ({
        contact,
        sentAt: new Date(mEnd.getTime() + 2 * HOUR),
        channel: "email" as const,
      })),
    },
    feedback: {
      contact: director,
      receivedAt: clock.bd(new Date(mEnd.getTime() - HOUR), 1),
      recommendation: "yes",
      decision: null,
      takeaways: "Liked him; still interviewing two others before deciding.",
      sharedSummary: "They liked your go-live plan and are finishing their other interviews.",
      rating: "yes",
    },
  });
  const callIds = [
    addCall(b, mOnsite, director, firstCall, `Called ${director.name}: still deciding, will know more soon.`),
    addCall(b, mOnsite, director, secondCall, `Called ${director.name} again; went to voicemail.`),
  ];
  return { appM, mOnsite, callIds, firstCall, secondCall };
}
