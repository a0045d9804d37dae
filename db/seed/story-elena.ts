import { lastBusinessDayOnOrBefore } from "@/lib/core/follow-up";
import type { FirmBuilder } from "./builder";
import type { NorthwindCast } from "./cast";
import { HOUR, MINUTE } from "./clock";
import { addStoryRound, toInterviewing } from "./story-rounds";

/** (c) Elena Petrova at Brightwater, Compliance Officer: the client's feedback is two days overdue. */
export function elenaStory(b: FirmBuilder, { clients, jobs, people }: NorthwindCast) {
  const { clock } = b;
  const { brightwater } = clients;
  const [cco, hr, counsel] = [brightwater.contacts[0]!, brightwater.contacts[1]!, brightwater.contacts[2]!];
  const feedbackDue = lastBusinessDayOnOrBefore(clock.at(-2, 16), clock.zone, clock.holidays);
  const panelEnd = clock.bd(feedbackDue, -2);
  const appE = b.addApplication(people.elena, jobs.complianceJob, toInterviewing(clock.at(-26, 10), clock.at(-24, 15), clock.at(-16, 11)));
  const eDay = clock.workday(-14);
  addStoryRound(b, appE, {
    kind: "phone_screen",
    startsAt: clock.at(eDay, 9, 30),
    minutes: 30,
    contacts: [hr],
    rawOffset: -14,
    debrief: {
      filedAt: clock.at(eDay, 12),
      reviewedAt: clock.at(eDay, 15),
      fields: { overallImpression: 4, interestLevel: 5, wentWell: "Clear fit with their AML programme.", timelineGiven: "yes" },
      people: [{ contact: hr, sentAt: clock.at(eDay, 11), channel: "email" }],
    },
    feedback: {
      contact: hr,
      receivedAt: clock.at(eDay + 1, 10),
      recommendation: "strong_yes",
      decision: "next_round",
      rating: "strong_yes",
    },
  });
  const panelFiled = new Date(panelEnd.getTime() + 4.5 * HOUR);
  const panel = addStoryRound(b, appE, {
    kind: "panel",
    startsAt: new Date(panelEnd.getTime() - 90 * MINUTE),
    minutes: 90,
    contacts: [cco, counsel, hr],
    rawOffset: clock.offsetOf(panelEnd),
    debrief: {
      filedAt: panelFiled,
      reviewedAt: new Date(panelFiled.getTime() + 14 * HOUR),
      fields: {
        overallImpression: 5,
        interestLevel: 5,
        wentWell: "The panel was warm; the CCO walked me through their exam findings and asked how I would fix them.",
        concerns: "Senior Counsel pushed hard on my lack of crypto-asset experience.",
        timelineGiven: "yes",
        timelineDetails: "They will decide after checking references; no date given.",
        expectedDecisionOn: null,
      },
      people: [cco, counsel, hr].map((contact, i) => ({
        contact,
        sentAt: new Date(panelEnd.getTime() + (2 + i * 0.25) * HOUR),
        channel: "email" as const,
      })),
    },
  });
  return { panel };
}
