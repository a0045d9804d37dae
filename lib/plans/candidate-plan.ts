import { getPortalFirm, listMyInterviews, type MyInterview, type PortalFirm } from "@/db/queries/portal";
import { listPlanSources, type PlanSource } from "@/db/queries/plan-sources";
import type { QueryScope } from "@/db/queries/scope";
import { buildPlan, planToIcs, stepView, type Plan, type PlanStep, type PlanStepKind } from "@/lib/core/follow-up";
import { followUpInputFrom, type FirmSettings } from "./follow-up-input";

/**
 * The candidate's own view of their follow-up plans: built without the
 * recruiter-side facts (client feedback; of the decision only when it
 * arrived, never what it was), showing only the candidate's steps, in the
 * candidate's words.
 */

/** Where the candidate stands with an interview's debrief, as their portal shows it. */
export type CandidateDebriefState = "upcoming" | "due" | "draft" | "submitted" | "cancelled" | "no_show";

/** The debrief state the candidate sees for an interview. */
export function debriefStateOf(
  i: Pick<MyInterview, "status" | "startsAt" | "debriefStatus">,
  now: Date,
): CandidateDebriefState {
  if (i.status === "cancelled") return "cancelled";
  if (i.status === "no_show") return "no_show";
  if (i.debriefStatus === "submitted") return "submitted";
  if (i.debriefStatus === "draft") return "draft";
  return i.startsAt.getTime() > now.getTime() ? "upcoming" : "due";
}

export type CandidateStep = {
  key: string;
  kind: PlanStepKind;
  rule: number;
  title: string;
  reason: string;
  dueAt: Date | null;
  notBefore: Date | null;
  state: PlanStep["state"];
  /** A call the plan no longer allows (the client decided, or its window passed), not one whose time has not come. */
  closed: boolean;
  suggestions: string[];
  /** Thank-you steps: whom, and how the plan's tick reaches them. */
  thankYou?: {
    personName: string;
    /** debrief_people.id once the debrief lists people, else null. */
    personId: string | null;
    /** The scheduled interviewer, before the debrief lists people. */
    contactId: string | null;
    email: string | null;
    sentAt: Date | null;
    channel: string | null;
  };
};

export type CandidatePlan = {
  interview: PlanSource["interview"];
  debriefState: CandidateDebriefState;
  steps: CandidateStep[];
  /** rule 6: the wait on the employer lasts until this instant (null: no date known). */
  waitingUntil: Date | null;
  expectedDecisionOn: string | null;
  callCount: number;
  /** People the candidate may have called (for the call log). */
  callTargets: { contactId: string; name: string }[];
  /** Said to the candidate, in the candidate's terms. */
  notices: string[];
  /**
   * The client's decision has reached the recruiter (next round, offer or
   * reject; a hold is not one): the wait and the call are over, and the
   * recruiter has news. What it was stays with the recruiter.
   */
  decisionArrived: boolean;
  generatedAt: Date;
};

function candidateNotices(plan: Plan): string[] {
  const out: string[] = [];
  for (const w of plan.warnings) {
    if (w.code === "second_call") {
      out.push(
        "You have called the interviewer more than once. The policy allows one call; your recruiter has been told and follows up with the employer from here, so please don't call again.",
      );
    } else if (w.code === "call_not_planned") {
      out.push(
        "You logged a call although the interviewer neither asked for one nor promised news by a date. From here, let your recruiter follow up.",
      );
    }
  }
  return out;
}

export function candidatePlanFrom(src: PlanSource, firm: FirmSettings, now: Date): CandidatePlan {
  const plan = buildPlan(followUpInputFrom(src, firm, now));
  const fromDebrief = src.people.length > 0;
  const steps: CandidateStep[] = plan.steps
    .filter((s) => s.owner === "candidate")
    .map((s) => {
      const step: CandidateStep = { ...stepView(s, plan), suggestions: s.suggestions ?? [] };
      if (s.kind === "thank_you") {
        const person = fromDebrief ? src.people.find((p) => p.id === s.personId) : undefined;
        const interviewer = fromDebrief ? undefined : src.interviewers.find((i) => i.contactId === s.personId);
        step.thankYou = {
          personName: s.personName || person?.name || interviewer?.name || "your interviewer",
          personId: person?.id ?? null,
          contactId: interviewer?.contactId ?? null,
          email: (person?.email || interviewer?.email) ?? null,
          sentAt: person?.thankYouSentAt ?? null,
          channel: person?.thankYouChannel ?? null,
        };
      }
      return step;
    });
  const targets = new Map<string, string>();
  for (const i of src.interviewers) targets.set(i.contactId, i.name);
  for (const p of src.people) if (p.contactId && !targets.has(p.contactId)) targets.set(p.contactId, p.name);
  return {
    interview: src.interview,
    debriefState: debriefStateOf(
      { status: src.interview.status, startsAt: src.interview.startsAt, debriefStatus: src.debrief?.status ?? null },
      now,
    ),
    steps,
    waitingUntil: plan.waitingUntil,
    expectedDecisionOn: src.debrief?.status === "submitted" ? src.debrief.expectedDecisionOn : null,
    callCount: src.calls.filter((c) => c.calledAt.getTime() <= now.getTime()).length,
    callTargets: [...targets].map(([contactId, name]) => ({ contactId, name })),
    notices: candidateNotices(plan),
    decisionArrived: src.progress.decisionReceivedAt !== null && src.progress.decisionReceivedAt.getTime() <= now.getTime(),
    generatedAt: plan.generatedAt,
  };
}

/** How long after an interview its plan stays on the candidate's plan page. */
export const RECENT_PLAN_DAYS = 60;
/** Applications whose plans are over: closed, or the candidate was placed. */
const ENDED_STAGES = new Set(["rejected", "withdrawn", "placed"]);

/**
 * The interviews whose plans the candidate follows now: for each application
 * still in play, its latest round that has taken place, if it was within
 * RECENT_PLAN_DAYS. Newest first.
 */
export function recentPlanInterviews(list: MyInterview[], now: Date): MyInterview[] {
  const byApplication = new Map<string, MyInterview>();
  const since = now.getTime() - RECENT_PLAN_DAYS * 86_400_000;
  for (const i of list) {
    if (ENDED_STAGES.has(i.applicationStage)) continue;
    if (i.status === "cancelled" || i.status === "no_show") continue;
    if (i.startsAt.getTime() > now.getTime() || i.endsAt.getTime() < since) continue;
    const seen = byApplication.get(i.applicationId);
    if (!seen || seen.startsAt.getTime() < i.startsAt.getTime()) byApplication.set(i.applicationId, i);
  }
  return [...byApplication.values()].sort((a, b) => b.endsAt.getTime() - a.endsAt.getTime());
}

export async function getMyPlans(
  scope: QueryScope,
  opts: { now?: Date; interviews?: MyInterview[] } = {},
): Promise<{ firm: PortalFirm; plans: CandidatePlan[] } | null> {
  const now = opts.now ?? new Date();
  const firm = await getPortalFirm(scope);
  if (!firm || !scope.candidateId) return null;
  const recent = recentPlanInterviews(opts.interviews ?? (await listMyInterviews(scope)), now);
  const sources = await listPlanSources(scope, recent.map((i) => i.id));
  const plans = recent
    .map((i) => sources.find((s) => s.interview.id === i.id))
    .filter((s): s is PlanSource => Boolean(s))
    .map((s) => candidatePlanFrom(s, firm, now));
  return { firm, plans };
}

export async function getMyPlan(
  scope: QueryScope,
  interviewId: string,
  opts: { now?: Date } = {},
): Promise<{ firm: PortalFirm; plan: CandidatePlan } | null> {
  const now = opts.now ?? new Date();
  if (!scope.candidateId) return null;
  const [src] = await listPlanSources(scope, [interviewId]);
  const firm = src ? await getPortalFirm(scope) : null;
  if (!src || !firm) return null;
  return { firm, plan: candidatePlanFrom(src, firm, now) };
}

const KIND_TITLES: Record<string, string> = {
  phone_screen: "Phone screen",
  video: "Video interview",
  onsite: "Onsite interview",
  panel: "Panel interview",
  final: "Final interview",
};

function interviewTitle(i: { kind: string; clientName: string; jobTitle: string }): string {
  return `${KIND_TITLES[i.kind] ?? "Interview"} — ${i.clientName}, ${i.jobTitle}`;
}

/** The candidate's plan of one interview as an .ics calendar, or null if it is not theirs. */
export async function myPlanIcs(scope: QueryScope, interviewId: string, opts: { now?: Date } = {}) {
  const now = opts.now ?? new Date();
  if (!scope.candidateId) return null;
  const [src] = await listPlanSources(scope, [interviewId]);
  const firm = src ? await getPortalFirm(scope) : null;
  if (!src || !firm) return null;
  const plan = buildPlan(followUpInputFrom(src, firm, now));
  const body = planToIcs(plan, { interviewTitle: interviewTitle(src.interview), uidPrefix: `interview-${src.interview.id}` });
  const slug = `${src.interview.clientName}-${src.interview.kind}`.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return { body, filename: `follow-up-${slug || "plan"}.ics` };
}
