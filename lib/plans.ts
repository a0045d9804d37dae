import { getInterviewRecruiter, getPortalFirm, listMyInterviews, listPlanSources, type MyInterview, type PlanSource, type PortalFirm } from "@/db/queries/portal";
import { createCallWarningTask, storePlanTasks, type PlanTaskSpec, type StorePlanTasksResult } from "@/db/queries/plan-tasks";
import type { QueryScope } from "@/db/queries/scope";
import type { MyDebrief } from "@/db/queries/debriefs";
import { debriefSubmittedEmail, repeatCallEmail } from "@/lib/email/debrief-emails";
import { sendEmail } from "@/lib/email/send";
import {
  PLAN_STEP_KINDS,
  addBusinessDaysInZone,
  buildPlan,
  planToIcs,
  type FollowUpInput,
  type Plan,
  type PlanStep,
  type PlanStepKind,
} from "@/lib/core/follow-up";
import { logger } from "@/lib/platform/logger";

/**
 * From stored rows to follow-up plans (lib/core/follow-up) and back to stored
 * tasks. The candidate's own view of a plan is built without the
 * recruiter-side facts (client feedback and its decision), and shows only the
 * candidate's steps; the tasks are built from everything.
 */

type FirmSettings = Pick<PortalFirm, "timeZone" | "holidays" | "policy">;

export function followUpInputFrom(src: PlanSource, firm: FirmSettings, now: Date): FollowUpInput {
  return {
    interview: {
      id: src.interview.id,
      startsAt: src.interview.startsAt,
      endsAt: src.interview.endsAt,
      status: src.interview.status,
      arrangedByFirm: src.interview.arrangedByFirm,
      interviewers: src.interviewers.map((i) => ({ contactId: i.contactId, name: i.name })),
    },
    debrief: src.debrief
      ? {
          status: src.debrief.status,
          submittedAt: src.debrief.submittedAt,
          timelineGiven: src.debrief.timelineGiven,
          expectedDecisionOn: src.debrief.expectedDecisionOn,
          askedToCall: src.debrief.askedToCall,
          callBy: src.debrief.callBy,
          invitedBack: src.debrief.invitedBack,
          invitedBackDetails: src.debrief.invitedBackDetails,
          notMentioned: src.debrief.notMentioned,
          people: src.people.map((p) => ({
            id: p.id,
            contactId: p.contactId,
            name: p.name,
            email: p.email,
            thankYouSent: p.thankYouSent,
            thankYouSentAt: p.thankYouSentAt,
          })),
        }
      : null,
    calls: src.calls.map((c) => ({ calledAt: c.calledAt })),
    firm: { timeZone: firm.timeZone, holidays: firm.holidays, policy: firm.policy },
    progress: src.progress,
    now,
  };
}

// ---------------------------------------------------------------------------
// Steps → tasks
// ---------------------------------------------------------------------------

/** Guidance, not work: the don'ts and the wait are shown in the plan but owed by nobody. */
const GUIDANCE_STEPS = new Set<PlanStepKind>(["no_call", "no_visit", "wait"]);

/** Keys the plan owns (`thank_you:<id>`, `collect_feedback`, …), as opposed to other keyed tasks. */
export function isPlanStepKey(key: string): boolean {
  const kind = key.split(":")[0] ?? "";
  return (PLAN_STEP_KINDS as readonly string[]).includes(kind);
}

/** Whether an interview's plan is stored as tasks yet: once it happened (marked completed, or debriefed). */
function generatesTasks(src: PlanSource): boolean {
  if (src.interview.status === "completed") return true;
  return src.interview.status === "scheduled" && src.debrief?.status === "submitted";
}

/** When a done step was done, from the facts the plan was built on. */
function doneAtOf(step: PlanStep, src: PlanSource): Date | null {
  switch (step.kind) {
    case "debrief":
      return src.debrief?.firstSubmittedAt ?? src.debrief?.submittedAt ?? null;
    case "review_debrief":
      return src.progress.debriefReviewedAt;
    case "collect_feedback":
      return src.progress.feedbackReceivedAt;
    case "thank_you":
      return src.people.find((p) => p.id === step.personId)?.thankYouSentAt ?? null;
    case "call":
      return src.calls[0]?.calledAt ?? null;
    case "get_timeline":
      return src.progress.timelineObtainedAt;
    case "accept_invitation":
      return src.progress.invitationAcceptedAt;
    case "chase_decision":
      return src.progress.decisionReceivedAt;
    default:
      return null;
  }
}

export function planTaskSpecs(plan: Plan, src: PlanSource): PlanTaskSpec[] {
  const specs: PlanTaskSpec[] = [];
  for (const step of plan.steps) {
    if (GUIDANCE_STEPS.has(step.kind)) continue;
    // Nothing to go through before the debrief arrives.
    if (step.kind === "review_debrief" && step.state === "waiting") continue;
    const candidateStep = step.owner === "candidate";
    specs.push({
      policyKey: step.key,
      rule: `rule ${step.rule}`,
      title: step.title,
      details: step.reason,
      ownerKind: candidateStep ? "candidate" : "recruiter",
      ownerUserId: candidateStep ? src.owners.candidateUserId : src.owners.recruiterUserId,
      dueAt: step.dueAt,
      done: step.state === "done",
      doneAt: step.state === "done" ? doneAtOf(step, src) : null,
    });
  }
  return specs;
}

export type SyncPlanTasksResult = StorePlanTasksResult;

/**
 * Stores the interview's plan as tasks, idempotently (see storePlanTasks):
 * call it whenever the plan's inputs change — the interview marked completed,
 * the debrief submitted or amended, a note ticked, a call logged. Safe from
 * any scope: a candidate's scope reaches only their own interview, but the
 * plan is built from every fact and the tasks belong to the firm (recruiter
 * steps go to the recruiter). An interview that did not (or not yet) happen
 * gets no tasks, and its untouched generated ones go.
 */
export async function syncPlanTasks(scope: QueryScope, interviewId: string, opts: { now?: Date } = {}): Promise<SyncPlanTasksResult> {
  const now = opts.now ?? new Date();
  const [src] = await listPlanSources(scope, [interviewId], { staffProgress: true });
  const firm = src ? await getPortalFirm(scope) : null;
  if (!src || !firm) return { status: "not_found" };
  const steps = generatesTasks(src) ? planTaskSpecs(buildPlan(followUpInputFrom(src, firm, now)), src) : [];
  return storePlanTasks(scope, { interviewId, steps, managedKey: isPlanStepKey, now });
}

/** For actions whose own change is already stored: a failed sync is logged and caught up by the next one. */
export async function syncPlanTasksQuietly(scope: QueryScope, interviewId: string): Promise<void> {
  try {
    await syncPlanTasks(scope, interviewId);
  } catch (err) {
    logger.error({ interviewId, err: err instanceof Error ? err.message : String(err) }, "plan task sync failed");
  }
}

// ---------------------------------------------------------------------------
// The candidate's view
// ---------------------------------------------------------------------------

export type DebriefState = "upcoming" | "due" | "draft" | "submitted" | "cancelled" | "no_show";

/** The debrief state the candidate sees for an interview. */
export function debriefStateOf(
  i: Pick<MyInterview, "status" | "startsAt" | "debriefStatus">,
  now: Date,
): DebriefState {
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
  debriefState: DebriefState;
  steps: CandidateStep[];
  /** rule 6: the wait on the employer lasts until this instant (null: no date known). */
  waitingUntil: Date | null;
  expectedDecisionOn: string | null;
  callCount: number;
  /** People the candidate may have called (for the call log). */
  callTargets: { contactId: string; name: string }[];
  /** Said to the candidate, in the candidate's terms. */
  notices: string[];
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
      const step: CandidateStep = {
        key: s.key,
        kind: s.kind,
        rule: s.rule,
        title: s.title,
        reason: s.reason,
        dueAt: s.dueAt,
        notBefore: s.notBefore ?? null,
        state: s.state,
        suggestions: s.suggestions ?? [],
      };
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
    generatedAt: plan.generatedAt,
  };
}

/** How long after an interview its plan stays on the candidate's plan page. */
export const RECENT_PLAN_DAYS = 60;
const CLOSED_STAGES = new Set(["rejected", "withdrawn", "placed"]);

/**
 * The interviews whose plans the candidate follows now: for each application
 * still in play, its latest round that has taken place, if it was within
 * RECENT_PLAN_DAYS. Newest first.
 */
export function recentPlanInterviews(list: MyInterview[], now: Date): MyInterview[] {
  const byApplication = new Map<string, MyInterview>();
  const since = now.getTime() - RECENT_PLAN_DAYS * 86_400_000;
  for (const i of list) {
    if (CLOSED_STAGES.has(i.applicationStage)) continue;
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

// ---------------------------------------------------------------------------
// Telling the recruiter
// ---------------------------------------------------------------------------

/** The staff page of an interview (the link in mail to the recruiter). */
function staffInterviewLink(origin: string, interviewId: string): string {
  return `${origin}/interviews/${interviewId}`;
}

/** rule 3: the recruiter hears at once that a debrief was filed or amended. */
export async function notifyDebriefSubmitted(
  scope: QueryScope & { userName: string },
  input: { debrief: MyDebrief; version: number; origin: string },
): Promise<"sent" | "logged" | "failed" | "duplicate" | "no_recruiter"> {
  const [recruiter, [src], firm] = await Promise.all([
    getInterviewRecruiter(scope, input.debrief.interviewId),
    listPlanSources(scope, [input.debrief.interviewId]),
    getPortalFirm(scope),
  ]);
  if (!recruiter || !src || !firm) return "no_recruiter";
  const d = input.debrief;
  const mail = debriefSubmittedEmail({
    recruiterName: recruiter.name,
    candidateName: scope.userName,
    clientName: src.interview.clientName,
    jobTitle: src.interview.jobTitle,
    interviewKind: src.interview.kind,
    interviewStartsAt: src.interview.startsAt,
    timeZone: firm.timeZone,
    version: input.version,
    overallImpression: d.overallImpression,
    interestLevel: d.interestLevel,
    timelineGiven: d.timelineGiven,
    expectedDecisionOn: d.expectedDecisionOn,
    askedToCall: d.askedToCall,
    callBy: d.callBy,
    invitedBack: d.invitedBack,
    notMentioned: d.notMentioned,
    notesForRecruiter: d.notesForRecruiter,
    peopleMet: d.people.map((p) => p.name).filter(Boolean),
    link: staffInterviewLink(input.origin, d.interviewId),
  });
  return sendEmail(scope.db, {
    firmId: scope.firmId,
    to: recruiter.email,
    ...mail,
    dedupeKey: `debrief-submitted:${d.id}:${input.version}`,
  });
}

/**
 * rule 4: a second (or later) logged call warns the recruiter — a task on
 * their list and an email, once per extra call.
 */
export async function warnRecruiterOfRepeatCall(
  scope: QueryScope & { userName: string },
  input: { interviewId: string; callLogId: string; callCount: number; calledAt: Date; contactName: string | null; origin: string; now?: Date },
): Promise<{ task: boolean; mail: string } | null> {
  if (input.callCount < 2) return null;
  const now = input.now ?? new Date();
  const [recruiter, [src], firm] = await Promise.all([
    getInterviewRecruiter(scope, input.interviewId),
    listPlanSources(scope, [input.interviewId]),
    getPortalFirm(scope),
  ]);
  if (!src || !firm) return null;
  const firstName = scope.userName.split(" ")[0] || scope.userName;
  const task = await createCallWarningTask(scope, {
    interviewId: input.interviewId,
    callLogId: input.callLogId,
    title: `Talk to ${firstName} about calling ${src.interview.clientName} again`,
    details: `${scope.userName} has logged ${input.callCount} calls to the interviewer; the policy allows one (rule 4). Reassure them that you are chasing the decision, and follow up with the client yourself.`,
    ownerUserId: recruiter?.userId ?? null,
    dueAt: addBusinessDaysInZone(now, 1, firm.timeZone, firm.holidays),
  });
  let mail = "no_recruiter";
  if (recruiter) {
    const message = repeatCallEmail({
      recruiterName: recruiter.name,
      candidateName: scope.userName,
      clientName: src.interview.clientName,
      jobTitle: src.interview.jobTitle,
      callCount: input.callCount,
      calledAt: input.calledAt,
      contactName: input.contactName,
      timeZone: firm.timeZone,
      link: staffInterviewLink(input.origin, input.interviewId),
    });
    mail = await sendEmail(scope.db, {
      firmId: scope.firmId,
      to: recruiter.email,
      ...message,
      dedupeKey: `repeat-call:${input.callLogId}`,
    });
  } else {
    logger.warn({ interviewId: input.interviewId }, "repeat call logged but the interview has no active recruiter");
  }
  return { task: task.status === "created", mail };
}
