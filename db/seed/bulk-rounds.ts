import { BUSINESS_DAY_START_HOUR } from "@/lib/core/follow-up";
import { dateAtLocalHour } from "@/lib/core/follow-up/business-days";
import type { Decision, Rating, Recommendation } from "../schema/enums";
import type { FirmBuilder } from "./builder";
import { HOUR } from "./clock";
import type { Outcome, SeededDebriefState } from "./pipeline";
import { addCall, addDebrief, addFeedback } from "./rounds";
import {
  AVAILABILITY,
  CONCERNS,
  FIRST_NAMES,
  INTERNAL_NOTES,
  LAST_NAMES,
  NOTES_FOR_RECRUITER,
  NOT_MENTIONED,
  OTHER_PROCESSES,
  QUESTIONS_ASKED,
  SALARY,
  SCORECARD,
  SHARED_SUMMARIES,
  TAKEAWAYS,
  TIMELINE_NO,
  TIMELINE_UNSURE,
  TIMELINE_YES_NO_DATE,
  WENT_WELL,
} from "./text";
import type { ContactMeta, DebriefFields, InterviewMeta, PersonSpec } from "./types";

// The rounds of the generated applications: a debrief in a state that fits
// the round's age, the client's feedback, and a few allowed calls.

/** A completed round's debrief (in a state that fits its age) and the client's feedback. */
export function fillRound(b: FirmBuilder, iv: InterviewMeta, outcome: Outcome) {
  const o = iv.rawOffset;
  const state =
    o >= -2
      ? b.weighted<SeededDebriefState>([
          [30, "none"],
          [35, "draft"],
          [35, "submitted"],
        ])
      : o >= -10
        ? b.weighted<SeededDebriefState>([
            [8, "none"],
            [20, "draft"],
            [30, "submitted"],
            [7, "amended"],
            [7, "amended_reviewed"],
            [40, "reviewed"],
          ])
        : b.weighted<SeededDebriefState>([
            [5, "none"],
            [2, "draft"],
            [5, "submitted"],
            [4, "amended"],
            [6, "amended_reviewed"],
            [78, "reviewed"],
          ]);
  if (state !== "none") addBulkDebrief(b, iv, state);

  const hasFeedback =
    o >= -2 ? b.chance(0.15) : outcome === "open" || outcome === "withdrawn" ? b.chance(0.6) : b.chance(0.9);
  if (hasFeedback) {
    addBulkFeedback(b, iv, outcome, iv.contacts[0] ?? null);
    const second = iv.contacts[1];
    if (second && b.chance(0.25)) addBulkFeedback(b, iv, outcome, second);
  }
}

function bulkDebriefFields(b: FirmBuilder, iv: InterviewMeta): DebriefFields {
  const { clock } = b;
  const end = iv.row.endsAt;
  const timelineGiven = b.weighted<"yes" | "no" | "unsure">([
    [55, "yes"],
    [25, "no"],
    [20, "unsure"],
  ]);
  const expected = timelineGiven === "yes" && b.chance(0.55) ? clock.bd(end, b.int(2, 7)) : null;
  const invited = b.chance(0.08);
  const callBy = invited && b.chance(0.5) ? clock.keyOf(clock.bd(end, b.int(2, 4))) : null;
  const callInvitation = !invited ? "none" : callBy ? "on_day" : "no_date";
  const invitedBack = b.chance(0.06);
  return {
    overallImpression: b.int(2, 5),
    interestLevel: b.int(2, 5),
    wentWell: b.pick(WENT_WELL),
    concerns: b.pick(CONCERNS),
    questionsAsked: b.pick(QUESTIONS_ASKED),
    notMentioned: b.chance(0.45) ? b.pick(NOT_MENTIONED) : "",
    timelineGiven,
    timelineDetails:
      timelineGiven === "yes"
        ? expected
          ? `They expect to decide by ${clock.label(expected)}.`
          : b.pick(TIMELINE_YES_NO_DATE)
        : timelineGiven === "no"
          ? b.pick(TIMELINE_NO)
          : b.pick(TIMELINE_UNSURE),
    expectedDecisionOn: expected ? clock.keyOf(expected) : null,
    callInvitation,
    callBy,
    callTime: null,
    invitedBack,
    invitedBackDetails: invitedBack ? "Invited back to meet the wider team over lunch." : "",
    salaryDiscussed: b.chance(0.3) ? b.pick(SALARY) : "",
    otherProcesses: b.chance(0.3) ? b.pick(OTHER_PROCESSES) : "",
    availability: b.chance(0.6) ? b.pick(AVAILABILITY) : "",
    notesForRecruiter: b.chance(0.4) ? b.pick(NOTES_FOR_RECRUITER) : "",
  };
}

function addBulkDebrief(b: FirmBuilder, iv: InterviewMeta, state: Exclude<SeededDebriefState, "none">) {
  const { clock } = b;
  const end = iv.row.endsAt;
  const fields = bulkDebriefFields(b, iv);
  const draft = state === "draft";
  const amended = state === "amended" || state === "amended_reviewed";
  const reviewed = state === "reviewed" || state === "amended_reviewed";
  const firstAt = clock.after(end, b.int(2, 30));
  const secondAt = clock.after(firstAt, b.int(3, 48));
  const reviewedAt = clock.after(amended ? secondAt : firstAt, b.int(1, 30));
  const people: PersonSpec[] = iv.contacts.map((contact) => {
    const sent = b.chance(draft ? 0.4 : 0.85);
    const sentAt = clock.after(end, b.int(1, 20));
    const channel = b.weighted<"email" | "linkedin" | "letter">([
      [80, "email"],
      [12, "linkedin"],
      [8, "letter"],
    ]);
    return { contact, sentAt: sent ? sentAt : null, channel };
  });
  if (b.chance(0.2)) {
    // Someone the candidate met who is not a contact yet: the recruiter confirms them.
    const first = b.pick(FIRST_NAMES);
    const last = b.pick(LAST_NAMES);
    people.push({
      name: `${first} ${last}`,
      title: b.pick(["Team member", "Senior Engineer", "Product Lead", "Office Manager", "Analyst"]),
      email: b.email(first, last, iv.app.job.client.domain),
      phone: "",
      sentAt: b.chance(0.5) ? clock.after(end, b.int(2, 22)) : null,
      resolution: "pending",
    });
  }
  const submissions = draft ? [] : amended ? [firstAt, secondAt] : [firstAt];
  const debrief = addDebrief(b, iv, {
    status: draft ? "draft" : "submitted",
    submissions,
    reviewedAt: reviewed ? reviewedAt : null,
    lastSavedAt: submissions[submissions.length - 1] ?? firstAt,
    fields: draft ? { ...fields, questionsAsked: "", notesForRecruiter: "", availability: "" } : fields,
    people,
  });
  if (!draft && debrief.row.timelineGiven === "no" && iv.rawOffset < -5) {
    iv.timelineObtainedAt = clock.after(firstAt, b.int(20, 50));
  }
  if (!draft && debrief.row.invitedBack) iv.invitationAcceptedAt = clock.after(firstAt, b.int(2, 20));
}

function ratingFor(b: FirmBuilder, recommendation: Recommendation): Rating {
  switch (recommendation) {
    case "strong_yes":
      return b.weighted<Rating>([
        [50, "strong_yes"],
        [40, "yes"],
        [10, "mixed"],
      ]);
    case "yes":
      return b.weighted<Rating>([
        [20, "strong_yes"],
        [55, "yes"],
        [25, "mixed"],
      ]);
    case "no":
      return b.weighted<Rating>([
        [5, "yes"],
        [40, "mixed"],
        [45, "no"],
        [10, "definitely_not"],
      ]);
    case "definitely_not":
      return b.weighted<Rating>([
        [10, "mixed"],
        [40, "no"],
        [50, "definitely_not"],
      ]);
    default:
      return b.weighted<Rating>([
        [30, "yes"],
        [50, "mixed"],
        [20, "no"],
      ]);
  }
}

function addBulkFeedback(b: FirmBuilder, iv: InterviewMeta, outcome: Outcome, contact: ContactMeta | null) {
  const decision: Decision | null =
    outcome === "next_round"
      ? "next_round"
      : outcome === "offer"
        ? "offer"
        : outcome === "reject"
          ? "reject"
          : outcome === "open"
            ? b.weighted<Decision | null>([
                [60, null],
                [20, "hold"],
                [20, "next_round"],
              ])
            : null;
  const recommendation =
    decision === "next_round" || decision === "offer"
      ? b.weighted<Recommendation>([
          [45, "strong_yes"],
          [55, "yes"],
        ])
      : decision === "reject"
        ? b.weighted<Recommendation>([
            [60, "no"],
            [30, "definitely_not"],
            [10, "no_decision"],
          ])
        : b.weighted<Recommendation>([
            [40, "yes"],
            [35, "no_decision"],
            [25, "no"],
          ]);
  addFeedback(b, iv, {
    contact,
    receivedAt: b.clock.after(iv.row.endsAt, b.int(18, 70)),
    recommendation,
    decision,
    channel: b.weighted<"call" | "email">([
      [70, "call"],
      [30, "email"],
    ]),
    takeaways: b.pick(TAKEAWAYS),
    sharedSummary: decision === "reject" ? SHARED_SUMMARIES[2] : b.pick(SHARED_SUMMARIES.filter((_, i) => i !== 2)),
    internalNotes: b.pick(INTERNAL_NOTES),
    ratings: SCORECARD.map(() => (b.chance(0.75) ? ratingFor(b, recommendation) : null)),
  });
}

/** A few candidates logged the one allowed call on old rounds (rule 4). */
export function addBulkCalls(b: FirmBuilder, howMany: number) {
  const { clock } = b;
  const eligible = b.interviews.filter(
    (iv) => iv.rawOffset < -25 && iv.debrief?.row.status === "submitted" && iv.debrief.row.expectedDecisionOn,
  );
  for (const iv of eligible.slice(0, howMany)) {
    const expected = iv.debrief!.row.expectedDecisionOn!;
    const allowedFrom = clock.bd(dateAtLocalHour(expected, BUSINESS_DAY_START_HOUR, clock.zone), 3);
    const calledAt = clock.earlier(new Date(allowedFrom.getTime() + b.int(1, 6) * HOUR), clock.after(iv.row.endsAt, 24 * 9));
    const contact = iv.contacts[0] ?? null;
    addCall(b, iv, contact, calledAt, `Spoke to ${contact?.name ?? "the interviewer"}; they are still deciding.`);
  }
}
