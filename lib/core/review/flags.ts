import { parseSuggestions } from "@/lib/core/follow-up/steps";
import { dateAtLocalHour, formatDay } from "@/lib/core/follow-up/business-days";
import { RECOMMENDATION_LABELS, type DebriefStatus, type Decision, type Recommendation } from "@/lib/core/vocabulary";

/**
 * Where the candidate's debrief and the client's feedback disagree, or where
 * the debrief leaves the recruiter something to do. Pure: the same input
 * always gives the same flags, and "today" is passed in (a calendar date in
 * the firm's zone) so the date check has no clock of its own.
 */

export type ReviewFlagCode =
  | "felt_good_client_no"
  | "next_round_low_interest"
  | "decision_date_passed"
  | "no_timeline"
  | "not_mentioned";

export type ReviewFlag = {
  code: ReviewFlagCode;
  /** "warning": a disagreement or a missed date; "info": something to act on. */
  severity: "warning" | "info";
  title: string;
  detail: string;
  /** For "not_mentioned": a paragraph ready to paste into the next message to the client. */
  addendum?: string;
  /** For "not_mentioned": the qualifications, one per line of the debrief. */
  items?: string[];
};

export type FlagDebrief = {
  status: DebriefStatus;
  /** 1–5 */
  overallImpression: number | null;
  /** 1–5 */
  interestLevel: number | null;
  timelineGiven: "yes" | "no" | "unsure" | null;
  /** 'YYYY-MM-DD' in the firm's zone. */
  expectedDecisionOn: string | null;
  notMentioned: string;
};

export type FlagFeedback = {
  recommendation: Recommendation;
  decision: Decision | null;
  receivedAt: Date;
};

export type FlagInput = {
  debrief: FlagDebrief | null;
  feedback: readonly FlagFeedback[];
  /** 'YYYY-MM-DD': today in the firm's zone. */
  today: string;
  candidateName: string;
  jobTitle: string;
  /** The person the recruiter writes to, when known (the interviewer of record). */
  contactName?: string | null;
};

/** "Felt it went well": an overall impression of 4 or 5 out of 5. */
export const FELT_GOOD_AT_LEAST = 4;
/** "Low interest": an interest level of 1 or 2 out of 5. */
export const LOW_INTEREST_AT_MOST = 2;

const NEGATIVE: ReadonlySet<Recommendation> = new Set(["no", "definitely_not"]);

/** The latest feedback first; ties keep their order. */
function newestFirst(feedback: readonly FlagFeedback[]): FlagFeedback[] {
  return [...feedback].sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime());
}

export function reviewFlags(input: FlagInput): ReviewFlag[] {
  const flags: ReviewFlag[] = [];
  const d = input.debrief;
  // Only what the candidate submitted counts: a draft is still being written.
  const submitted = d && d.status === "submitted" ? d : null;
  const feedback = newestFirst(input.feedback);
  const latest = feedback[0] ?? null;
  const decided = feedback.find((f) => f.decision !== null) ?? null;
  const first = firstName(input.candidateName);

  if (submitted && latest) {
    const clientSaysNo = decided?.decision === "reject" || NEGATIVE.has(latest.recommendation);
    if (clientSaysNo && (submitted.overallImpression ?? 0) >= FELT_GOOD_AT_LEAST) {
      const what = decided?.decision === "reject" ? "decided to reject" : `recommends “${RECOMMENDATION_LABELS[latest.recommendation]}”`;
      flags.push({
        code: "felt_good_client_no",
        severity: "warning",
        title: `${first} felt it went well; the client says no`,
        detail: `${first} rated the interview ${submitted.overallImpression}/5, but the client ${what}. Prepare ${first} before passing it on, and share only the summary meant for the candidate.`,
      });
    }
    if (decided?.decision === "next_round" && submitted.interestLevel !== null && submitted.interestLevel <= LOW_INTEREST_AT_MOST) {
      flags.push({
        code: "next_round_low_interest",
        severity: "warning",
        title: `The client wants another round; ${first}'s interest is low`,
        detail: `${first} put their interest at ${submitted.interestLevel}/5. Talk it through with ${first} before booking the next round.`,
      });
    }
  }

  if (submitted?.expectedDecisionOn && submitted.expectedDecisionOn < input.today && !decided) {
    flags.push({
      code: "decision_date_passed",
      severity: "warning",
      title: "The promised decision date has passed",
      detail: `The interviewer promised a decision by ${dayLabel(submitted.expectedDecisionOn)}; no decision is recorded. Chase the client (rule 6) — the candidate should not.`,
    });
  }

  if (submitted?.timelineGiven === "no" && !decided) {
    flags.push({
      code: "no_timeline",
      severity: "info",
      title: "No timeline was given",
      detail: `${first} was not told when to expect news. Get a timeline from the client (rule 1).`,
    });
  }

  // The addendum is offered from the debrief in any state: a draft's
  // "not mentioned" is already what the candidate wants said.
  const items = d ? parseSuggestions(d.notMentioned) : [];
  if (items.length > 0 && decided?.decision !== "reject") {
    flags.push({
      code: "not_mentioned",
      severity: "info",
      title: `${first} did not get to mention ${items.length === 1 ? "a qualification" : `${items.length} qualifications`}`,
      detail: "Add it to your next message to the client.",
      items,
      addendum: addendumText({ candidateName: input.candidateName, jobTitle: input.jobTitle, contactName: input.contactName ?? null, items }),
    });
  }
  return flags;
}

/** A short message in the recruiter's voice; one qualification reads as a sentence, several as a list. */
export function addendumText(input: { candidateName: string; jobTitle: string; contactName: string | null; items: readonly string[] }): string {
  const first = firstName(input.candidateName);
  const greeting = input.contactName ? `Hi ${firstName(input.contactName)},` : "Hello,";
  const intro = `Thank you again for meeting ${first} about the ${input.jobTitle} role.`;
  const items = input.items.map(stripEnd);
  const body =
    items.length === 1
      ? [`${intro} One thing ${first} did not get to mention in the interview: ${items[0]}.`]
      : [intro, "", `A few things ${first} did not get to mention in the interview:`, ...items.map((i) => `- ${i}`)];
  return [greeting, "", ...body, "", "Happy to share details if it helps your decision."].join("\n");
}

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] || "The candidate";
}

function stripEnd(text: string): string {
  return text.trim().replace(/[.;,]+$/, "");
}

/** "Fri 6 Mar" for a calendar date; the date has no zone of its own. */
export function dayLabel(day: string): string {
  return formatDay(dateAtLocalHour(day, 12, "UTC"), "UTC");
}
