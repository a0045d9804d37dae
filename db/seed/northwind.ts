import { BUSINESS_DAY_START_HOUR } from "@/lib/core/follow-up";
import { dateAtLocalHour } from "@/lib/core/follow-up/business-days";
import type { Stage } from "../schema/enums";
import type { FirmBuilder } from "./builder";
import { addBulkCalls } from "./bulk-rounds";
import { castNorthwind } from "./cast";
import { DAY } from "./clock";
import type { DemoStory } from "./demo";
import { generatePipeline } from "./pipeline";
import { danielStory } from "./story-daniel";
import { elenaStory } from "./story-elena";
import { marcusStory } from "./story-marcus";
import { mayaStory } from "./story-maya";
import { addAudit, addManualTask } from "./tasks";
import { addFeedbackLinks } from "./story-links";
import { SCORECARD } from "./text";
import type { AppMeta } from "./types";

/**
 * Northwind Talent Partners, the demo firm: its cast, the four stories, 56
 * other candidates in every stage, tasks made by hand and a few audit events.
 * Returns the story's records, read once the plan tasks exist.
 */
export function buildNorthwind(b: FirmBuilder): () => DemoStory {
  const { clock } = b;
  const cast = castNorthwind(b);
  const { olivia, jordan, sam } = cast.staff;
  const { helix, meridian, brightwater } = cast.clients;
  const { maya, mayaUser, marcusUser } = cast.people;
  const bulk = cast.bulk;
  const { appA, aScreen, aScreenDay, onsite, filed, filedAt, fridayKey, helixHM, helixStaff, video, waitingDebrief } = mayaStory(b, cast);
  const { yesterdays } = danielStory(b, cast);
  const { panel } = elenaStory(b, cast);
  const { appM, mOnsite, callIds, firstCall, secondCall } = marcusStory(b, cast);

  // --- Everyone else.
  const appsPerCandidate = b.f.helpers.shuffle([
    ...Array<number>(14).fill(1),
    ...Array<number>(26).fill(2),
    ...Array<number>(16).fill(3),
  ]);
  generatePipeline(b, {
    candidates: bulk,
    appsPerCandidate,
    stages: { sourced: 14, submitted: 18, interviewing: 37, offer: 10, placed: 9, rejected: 18, withdrawn: 8 },
    jobs: b.jobs,
    todaySlots: 2,
  });
  addBulkCalls(b, 2);

  // --- Next steps made by hand.
  const byStage = (stage: Stage) => b.apps.filter((a) => a.stage === stage && !a.candidate.userId);
  const interviewing = byStage("interviewing");
  const upcoming = interviewing.filter((a) => a.interviews.some((iv) => iv.row.status === "scheduled"));
  const [offer1, offer2] = byStage("offer");
  const [placed1] = byStage("placed");
  const [rejected1] = byStage("rejected");
  const label = (a: AppMeta) => ({ c: a.candidate.name.split(" ")[0]!, client: a.job.client.name, job: a.job.title });
  addManualTask(b, {
    title: `Talk to Marcus about calling ${meridian.name} again`,
    details: "He has called the interviewer twice; one call is the limit. Reassure him we are chasing the decision.",
    owner: jordan,
    app: appM,
    dueAt: clock.at(0, 12),
    state: "open",
    createdAt: clock.after(secondCall, 1),
  });
  addManualTask(b, {
    title: `Send Maya's updated résumé to ${helix.name}`,
    owner: jordan,
    app: appA,
    dueAt: clock.at(-15, 17),
    state: "done",
    createdAt: clock.at(-17, 9),
    completedAt: clock.at(-15, 11),
  });
  const manual: [AppMeta | undefined, (l: ReturnType<typeof label>) => string, Date | null, "open" | "done" | "skipped"][] = [
    [upcoming[0], (l) => `Prep ${l.c} for the ${l.client} interview`, clock.at(0, 16), "open"],
    [upcoming[1], (l) => `Share interview tips with ${l.c} before the ${l.client} round`, clock.at(-1, 17), "open"],
    [interviewing[2], (l) => `Ask ${l.client} whether the ${l.job} role can be hybrid`, clock.at(-3, 12), "open"],
    [offer1, (l) => `Check references for ${l.c}`, clock.at(2, 17), "open"],
    [offer2, (l) => `Send ${l.c} the written offer from ${l.client}`, clock.at(-4, 17), "done"],
    [placed1, (l) => `Confirm ${l.c}'s start date with ${l.client}`, clock.at(-10, 17), "done"],
    [interviewing[3], (l) => `Call ${l.c} about the ${l.client} salary band`, clock.at(-6, 12), "skipped"],
    [rejected1, (l) => `Reconnect with ${l.c} about new roles`, clock.at(20, 10), "open"],
    [interviewing[4], (l) => `Update ${l.client} on the shortlist for ${l.job}`, clock.at(1, 12), "open"],
  ];
  for (const [app, title, dueAt, state] of manual) {
    if (!app) continue;
    addManualTask(b, {
      title: title(label(app)),
      owner: app.recruiter,
      app,
      dueAt,
      state,
      createdAt: new Date(Math.min((dueAt ?? clock.now).getTime(), clock.now.getTime()) - 3 * DAY),
      completedAt: state === "open" ? undefined : clock.earlier(dueAt ?? clock.now, clock.now),
    });
  }

  // --- Feedback links: one waiting for Brightwater's answer, one answered by Meridian.
  addFeedbackLinks(b, {
    elenaPanel: panel,
    elenaContact: brightwater.contacts[0]!,
    marcusOnsite: mOnsite,
    marcusContact: meridian.contacts[2]!,
  });

  // --- A handful of audit events.
  addAudit(b, olivia, "membership.invited", "membership", null, clock.at(-410, 10), { email: jordan.email, role: "recruiter" });
  addAudit(b, olivia, "membership.invited", "membership", null, clock.at(-405, 10), { email: sam.email, role: "recruiter" });
  addAudit(b, olivia, "firm.policy_updated", "firm", b.firmId, clock.at(-30, 9, 15), {
    timeZone: [null, clock.zone],
    holidays: [[], clock.holidays],
  });
  addAudit(b, olivia, "scorecard.attribute_created", "scorecard_attribute", b.attributeIds[5]!, clock.at(-29, 14), {
    name: SCORECARD[5]!.name,
  });
  addAudit(b, jordan, "candidate.invited", "candidate", maya.id, clock.at(-20, 12), { email: maya.email });
  addAudit(b, jordan, "application.stage_changed", "application", appA.id, clock.at(-13, 10), {
    stage: ["submitted", "interviewing"],
  });
  addAudit(b, jordan, "debrief.reviewed", "debrief", aScreen.debrief!.row.id, clock.at(aScreenDay + 1, 9, 40));
  addAudit(b, jordan, "feedback.recorded", "interviewer_feedback", aScreen.feedback[0]!.id, clock.at(aScreenDay + 1, 16, 20), {
    recommendation: "strong_yes",
    decision: "next_round",
  });
  addAudit(b, marcusUser, "call.logged", "call_log", callIds[0]!, firstCall);
  addAudit(b, marcusUser, "call.logged", "call_log", callIds[1]!, secondCall);
  addAudit(b, mayaUser, "debrief.submitted", "debrief", filed.row.id, filedAt, { version: 1 });
  if (placed1) {
    addAudit(b, placed1.recruiter, "application.stage_changed", "application", placed1.id, clock.at(-9, 15), {
      stage: ["offer", "placed"],
    });
  }

  return () => {
    const callAllowed = clock.bd(dateAtLocalHour(fridayKey, BUSINESS_DAY_START_HOUR, clock.zone), 3);
    return {
      recruiterUserId: jordan.id,
      storyCandidateId: maya.id,
      storyCandidateUserId: mayaUser.id,
      filedLastNight: { interviewId: onsite.row.id, debriefId: filed.row.id, expectedDecisionOn: fridayKey },
      thankYouNotesDue: {
        interviewId: onsite.row.id,
        taskIds: [helixHM, helixStaff].map((c) => onsite.taskIds.get(`thank_you:${c.id}`)!),
      },
      callAllowedOn: clock.keyOf(callAllowed),
      waiting: { interviewId: video.row.id, debriefId: waitingDebrief.row.id },
      noDebriefYet: { interviewId: yesterdays.row.id },
      feedbackOverdue: {
        interviewId: panel.row.id,
        taskId: panel.taskIds.get("collect_feedback")!,
        clientName: brightwater.name,
      },
      calledTwice: { interviewId: mOnsite.row.id, callLogIds: callIds },
      feedbackLinks: {
        sentInterviewId: panel.row.id,
        answeredInterviewId: mOnsite.row.id,
        answeredFeedbackId: mOnsite.feedback.find((f) => f.channel === "link")!.id,
      },
    };
  };
}
