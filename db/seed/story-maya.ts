import type { FirmBuilder } from "./builder";
import type { NorthwindCast } from "./cast";
import { addDebrief } from "./rounds";
import { addStoryRound, toInterviewing } from "./story-rounds";
import { SHARED_SUMMARIES } from "./text";

/**
 * Maya Chen, the candidate side of the story: (a) at Helix a debrief filed
 * last night with a decision promised by Friday and two thank-you notes due
 * today; at Pinegrove every step done, nothing to do but wait; at Cascade an
 * old rejection.
 */
export function mayaStory(b: FirmBuilder, { clients, jobs, people }: NorthwindCast) {
  const { clock } = b;
  const { helix, pinegrove, cascade } = clients;
  const { maya } = people;

  // --- At Helix, Senior Cloud Engineer: story (a), and her thank-you notes due today.
  const [helixTA, helixHM, helixStaff] = [helix.contacts[0]!, helix.contacts[1]!, helix.contacts[2]!];
  const friday = clock.at(clock.nextDow(5), 12);
  const fridayKey = clock.keyOf(friday);
  const appA = b.addApplication(maya, jobs.cloudJob, toInterviewing(clock.at(-21, 11), clock.at(-19, 15, 30), clock.at(-13, 10)));
  const aScreenDay = clock.workday(-11);
  const aScreen = addStoryRound(b, appA, {
    kind: "phone_screen",
    startsAt: clock.at(aScreenDay, 11),
    minutes: 30,
    contacts: [helixTA],
    rawOffset: -11,
    debrief: {
      filedAt: clock.at(aScreenDay, 15, 10),
      reviewedAt: clock.at(aScreenDay + 1, 9, 40),
      fields: {
        overallImpression: 4,
        interestLevel: 5,
        wentWell: "Easy conversation; the role is mostly platform work on AWS, which is what I want.",
        concerns: "",
        questionsAsked: "Walk me through your current stack. Why are you looking? Salary expectations?",
        timelineGiven: "yes",
        timelineDetails: "Next step would be an onsite with the platform team within two weeks.",
        callInvitation: "none",
        invitedBack: false,
        availability: "Any afternoon.",
      },
      people: [{ contact: helixTA, sentAt: clock.at(aScreenDay, 13, 5), channel: "email" }],
    },
    feedback: {
      contact: helixTA,
      receivedAt: clock.at(aScreenDay + 1, 16, 20),
      recommendation: "strong_yes",
      decision: "next_round",
      takeaways: "Clear, motivated, exactly the AWS depth the platform team asked for.",
      sharedSummary: "They enjoyed the call and want you to meet the platform team.",
      rating: "yes",
    },
  });
  const onsite = b.addInterview(appA, {
    kind: "onsite",
    startsAt: clock.at(-1, 15),
    minutes: 150,
    status: "completed",
    contacts: [helixHM, helixStaff],
    rawOffset: -1,
    notes: "Onsite at the Boston office: system design with the platform team, then the hiring manager.",
  });
  const filedAt = clock.at(-1, 21, 40);
  const filed = addDebrief(b, onsite, {
    status: "submitted",
    submissions: [filedAt],
    reviewedAt: null,
    lastSavedAt: filedAt,
    fields: {
      overallImpression: 4,
      interestLevel: 5,
      wentWell: `The system design round went really well: most of it was multi-region failover for their control plane, which is exactly what I built at my last job. Good rapport with ${helixStaff.name}.`,
      concerns: "I rambled on the question about on-call load and did not give numbers.",
      questionsAsked:
        "Design a multi-region failover for a Kubernetes control plane. How do you keep Terraform state sane across 40 accounts? Why Helix, why now?",
      notMentioned: "AWS Solutions Architect – Professional certification",
      timelineGiven: "yes",
      timelineDetails: `${helixHM.name} promised a decision by Friday (${clock.label(friday)}).`,
      expectedDecisionOn: fridayKey,
      callInvitation: "none",
      callBy: null,
      invitedBack: false,
      invitedBackDetails: "",
      salaryDiscussed: "Band is $165–185k base; I said $180k is my number.",
      otherProcesses: "Final round with another company next Thursday.",
      availability: "Could start with four weeks' notice.",
      notesForRecruiter:
        "I completely forgot to mention my AWS Professional certification. Can you slip it in when you talk to them?",
    },
    people: [
      { contact: helixHM, sentAt: null },
      { contact: helixStaff, sentAt: null },
    ],
  });

  // --- At Pinegrove, Solutions Architect: every step done, nothing to do but wait.
  const pgDirector = pinegrove.contacts[2]!;
  const appB = b.addApplication(maya, jobs.architectJob, toInterviewing(clock.at(-30, 10), clock.at(-27, 14), clock.at(-10, 9, 30)));
  const bDay = clock.workday(-6);
  const video = addStoryRound(b, appB, {
    kind: "video",
    startsAt: clock.at(bDay, 14),
    minutes: 60,
    contacts: [pgDirector],
    rawOffset: -6,
    debrief: {
      filedAt: clock.at(bDay, 19, 45),
      reviewedAt: clock.at(bDay + 1, 10, 15),
      fields: {
        overallImpression: 4,
        interestLevel: 4,
        wentWell: "We went deep on the integration patterns I used at my last job; they took notes.",
        concerns: "Lots of customer-facing travel, maybe 30%.",
        questionsAsked: "How would you run a discovery call with a skeptical CIO? Tell us about a deal you lost.",
        timelineGiven: "yes",
        timelineDetails: "They are meeting two more candidates and will come back through Jordan; no date given.",
        expectedDecisionOn: null,
        callInvitation: "none",
        invitedBack: false,
        otherProcesses: "Helix onsite coming up.",
      },
      people: [{ contact: pgDirector, sentAt: clock.at(bDay, 17, 20), channel: "email" }],
    },
    feedback: {
      contact: pgDirector,
      receivedAt: clock.at(bDay + 2, 11),
      recommendation: "yes",
      decision: null,
      takeaways: "Strong on integrations; want to compare with two others before deciding.",
      sharedSummary: "They liked your integration examples and will finish their other interviews before deciding.",
      rating: "yes",
    },
  });

  // --- At Cascade, Data Engineer: an old rejection.
  const cDay = clock.workday(-48);
  const cascadeTA = cascade.contacts[0]!;
  const appC = b.addApplication(
    maya,
    jobs.dataJob,
    [...toInterviewing(clock.at(cDay - 9, 10), clock.at(cDay - 7, 16), clock.at(cDay - 3, 11)), ["rejected", clock.at(cDay + 3, 15)]],
    "Client chose a candidate with more streaming experience",
  );
  const cScreen = addStoryRound(b, appC, {
    kind: "phone_screen",
    startsAt: clock.at(cDay, 10),
    minutes: 30,
    contacts: [cascadeTA],
    rawOffset: -48,
    debrief: {
      filedAt: clock.at(cDay, 18),
      reviewedAt: clock.at(cDay + 1, 9),
      fields: { overallImpression: 3, interestLevel: 3, wentWell: "Friendly call.", timelineGiven: "no" },
      people: [{ contact: cascadeTA, sentAt: clock.at(cDay, 15), channel: "linkedin" }],
    },
    feedback: {
      contact: cascadeTA,
      receivedAt: clock.at(cDay + 2, 16),
      recommendation: "no",
      decision: "reject",
      takeaways: "Good engineer, but the team needs Kafka and Flink depth.",
      sharedSummary: SHARED_SUMMARIES[2],
      rating: "mixed",
    },
  });
  cScreen.timelineObtainedAt = clock.at(cDay + 1, 14);

  return { appA, aScreen, aScreenDay, onsite, filed, filedAt, fridayKey, helixHM, helixStaff, video, waitingDebrief: video.debrief! };
}
