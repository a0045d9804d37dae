import type { Decision, InterviewKind, Rating, Recommendation, Stage } from "../schema/enums";
import type { FirmBuilder } from "./builder";
import { addDebrief, addFeedback } from "./rounds";
import { SCORECARD } from "./text";
import type { AppMeta, ContactMeta, DebriefFields, InterviewMeta, PersonSpec } from "./types";

/**
 * One completed round of the story, written out: the interview, the debrief
 * the candidate filed once (when they did) and the client's feedback (when it
 * came), with the same rating on every scorecard attribute.
 */
export type StoryRound = {
  kind: InterviewKind;
  startsAt: Date;
  minutes: number;
  contacts: ContactMeta[];
  /** The round's day offset as the story tells it (before any workday shift). */
  rawOffset: number;
  notes?: string;
  debrief?: {
    filedAt: Date;
    reviewedAt: Date | null;
    fields: DebriefFields;
    people: PersonSpec[];
  };
  feedback?: {
    contact: ContactMeta;
    receivedAt: Date;
    recommendation: Recommendation;
    decision: Decision | null;
    takeaways?: string;
    sharedSummary?: string;
    rating: Rating;
  };
};

export function addStoryRound(b: FirmBuilder, app: AppMeta, round: StoryRound): InterviewMeta {
  const { debrief, feedback } = round;
  const iv = b.addInterview(app, {
    kind: round.kind,
    startsAt: round.startsAt,
    minutes: round.minutes,
    status: "completed",
    contacts: round.contacts,
    rawOffset: round.rawOffset,
    notes: round.notes,
  });
  if (debrief) {
    addDebrief(b, iv, {
      status: "submitted",
      submissions: [debrief.filedAt],
      reviewedAt: debrief.reviewedAt,
      lastSavedAt: debrief.filedAt,
      fields: debrief.fields,
      people: debrief.people,
    });
  }
  if (feedback) {
    const { rating, ...rest } = feedback;
    addFeedback(b, iv, { ...rest, ratings: SCORECARD.map(() => rating) });
  }
  return iv;
}

/** An application's way to interviewing: sourced, submitted, then interviewing, at these times. */
export function toInterviewing(sourced: Date, submitted: Date, interviewing: Date): [Stage, Date][] {
  return [
    ["sourced", sourced],
    ["submitted", submitted],
    ["interviewing", interviewing],
  ];
}
