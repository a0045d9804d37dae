import { listPlanSources, type PlanSource } from "@/db/queries/plan-sources";
import { getPortalFirm } from "@/db/queries/portal";
import { isStaffScope, type QueryScope } from "@/db/queries/scope";
import { buildPlan, stepView, type PlanStep, type PlanStepKind, type PlanWarning } from "@/lib/core/follow-up";
import { followUpInputFrom } from "./follow-up-input";

/**
 * The candidate's follow-up plan as the recruiter sees it on the interview
 * page: what the candidate has been told to do and when, what they ticked off
 * or logged, and what they did against the plan. Built from every fact (the
 * same sources the plan sync reads), showing the candidate's own steps.
 */

/** Why there is no plan to show (yet). */
export type StaffPlanAbsence = "upcoming" | "cancelled" | "no_show" | "no_debrief";

export type StaffPlanStep = {
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
  /** Thank-you steps: whom, and what the candidate ticked off. */
  thankYou?: { personName: string; sentAt: Date | null; channel: string | null };
  /** Things the candidate did against this step (a call before it was allowed, a second call). */
  flags: string[];
};

export type StaffPlanCall = {
  id: string;
  calledAt: Date;
  /** Whom the candidate called, when they said. */
  contactName: string | null;
  /** What was against the plan about this call; empty when it was the one allowed. */
  flags: string[];
};

export type StaffPlan = {
  interviewId: string;
  timeZone: string;
  /** Set when there is nothing to show yet; then steps and calls are empty. */
  absence: StaffPlanAbsence | null;
  debriefSubmittedAt: Date | null;
  steps: StaffPlanStep[];
  calls: StaffPlanCall[];
  /** The engine's warnings about the candidate's conduct, in the recruiter's words. */
  warnings: PlanWarning[];
  waitingUntil: Date | null;
};

function absenceOf(src: PlanSource, now: Date): StaffPlanAbsence | null {
  if (src.interview.status === "cancelled") return "cancelled";
  if (src.interview.status === "no_show") return "no_show";
  if (src.interview.startsAt.getTime() > now.getTime()) return "upcoming";
  if (src.debrief?.status !== "submitted") return "no_debrief";
  return null;
}

/** What was against the plan about each logged call (rule 4: at most one, and only when allowed). */
function callFlags(src: PlanSource, steps: PlanStep[], now: Date, zoneDay: (d: Date) => string): StaffPlanCall[] {
  const call = steps.find((s) => s.kind === "call");
  const noCall = steps.some((s) => s.kind === "no_call");
  const names = new Map<string, string>();
  for (const i of src.interviewers) names.set(i.contactId, i.name);
  for (const p of src.people) if (p.contactId && !names.has(p.contactId)) names.set(p.contactId, p.name);
  const logged = src.calls.filter((c) => c.calledAt.getTime() <= now.getTime());
  return logged.map((c, index) => {
    const flags: string[] = [];
    if (noCall) flags.push("Not in the plan: no call was allowed after this interview.");
    else if (call?.notBefore && c.calledAt.getTime() < call.notBefore.getTime()) {
      flags.push(`Before the call was allowed (from ${zoneDay(call.notBefore)}).`);
    }
    if (index >= 1) flags.push(`Call number ${index + 1}: the plan allows one.`);
    return { id: c.id, calledAt: c.calledAt, contactName: c.contactId ? (names.get(c.contactId) ?? null) : null, flags };
  });
}

/**
 * The plan of one of the firm's interviews, for staff; null when the
 * interview is not the firm's (or the scope is a candidate's).
 */
export async function interviewPlanForStaff(
  scope: QueryScope,
  interviewId: string,
  opts: { now?: Date } = {},
): Promise<StaffPlan | null> {
  if (!isStaffScope(scope)) return null;
  const now = opts.now ?? new Date();
  const [src] = await listPlanSources(scope, [interviewId], { staffProgress: true });
  const firm = src ? await getPortalFirm(scope) : null;
  if (!src || !firm) return null;
  const base = {
    interviewId: src.interview.id,
    timeZone: firm.timeZone,
    debriefSubmittedAt: src.debrief?.status === "submitted" ? src.debrief.submittedAt : null,
  };
  const absence = absenceOf(src, now);
  if (absence) return { ...base, absence, steps: [], calls: [], warnings: [], waitingUntil: null };

  const plan = buildPlan(followUpInputFrom(src, firm, now));
  const dayFormat = new Intl.DateTimeFormat("en-GB", { timeZone: firm.timeZone, weekday: "short", day: "numeric", month: "short" });
  const calls = callFlags(src, plan.steps, now, (d) => dayFormat.format(d));
  const steps: StaffPlanStep[] = plan.steps
    .filter((s) => s.owner === "candidate")
    .map((s) => {
      const step: StaffPlanStep = { ...stepView(s, plan), flags: [] };
      if (s.kind === "thank_you") {
        const person = src.people.find((p) => p.id === s.personId || (p.contactId !== null && p.contactId === s.personId));
        step.thankYou = {
          personName: s.personName || person?.name || "the interviewer",
          sentAt: person?.thankYouSent ? (person.thankYouSentAt ?? null) : null,
          channel: person?.thankYouSent ? (person.thankYouChannel ?? null) : null,
        };
      }
      if (s.kind === "call" || s.kind === "no_call") {
        step.flags = [...new Set(calls.flatMap((c) => c.flags))];
      }
      return step;
    });
  return { ...base, absence: null, steps, calls, warnings: plan.warnings, waitingUntil: plan.waitingUntil };
}
