import type { FirmBuilder } from "./builder";
import type { NorthwindCast } from "./cast";
import { addStoryRound, toInterviewing } from "./story-rounds";

/** (b) Daniel Brooks at Northstar, Controls Engineer: yesterday's interview, no debrief yet. */
export function danielStory(b: FirmBuilder, { clients, jobs, people }: NorthwindCast) {
  const { clock } = b;
  const { northstar } = clients;
  const [nsHead, , nsPrincipal] = [northstar.contacts[0]!, northstar.contacts[1]!, northstar.contacts[2]!];
  const appD = b.addApplication(people.daniel, jobs.controlsJob, toInterviewing(clock.at(-24, 10), clock.at(-22, 13), clock.at(-15, 9)));
  const dDay = clock.workday(-12);
  addStoryRound(b, appD, {
    kind: "phone_screen",
    startsAt: clock.at(dDay, 10),
    minutes: 30,
    contacts: [nsHead],
    rawOffset: -12,
    debrief: {
      filedAt: clock.at(dDay, 16, 30),
      reviewedAt: clock.at(dDay + 1, 11),
      fields: {
        overallImpression: 4,
        interestLevel: 4,
        wentWell: "Good technical back-and-forth on Siemens TIA Portal.",
        timelineGiven: "yes",
        timelineDetails: "A video round with the principal engineer next.",
      },
      people: [{ contact: nsHead, sentAt: clock.at(dDay, 14), channel: "email" }],
    },
    feedback: {
      contact: nsHead,
      receivedAt: clock.at(dDay + 2, 10),
      recommendation: "yes",
      decision: "next_round",
      takeaways: "Knows the hardware; check how he handles ambiguity.",
      rating: "yes",
    },
  });
  const yesterdays = addStoryRound(b, appD, {
    kind: "video",
    startsAt: clock.at(-1, 10),
    minutes: 60,
    contacts: [nsHead, nsPrincipal],
    rawOffset: -1,
  });
  return { yesterdays };
}
