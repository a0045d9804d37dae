import { tz } from "@date-fns/tz";
import { format } from "date-fns";
import type { DbOrTx } from "@/db/runtime";
import { unsafeUsedDedupeKeys } from "@/db/queries/dashboard";
import { listPlanSources } from "@/db/queries/plan-sources";
import { unsafeClosedPlanSteps, unsafeListReminderRounds, unsafePlanEmailsOn, type ReminderRound } from "@/db/queries/plan-reminders";
import { buildPlan, type Plan } from "@/lib/core/follow-up";
import { isBusinessDay, localDateKey } from "@/lib/core/follow-up/business-days";
import { sendEmail } from "@/lib/email/send";
import { unsubscribeHeaders, unsubscribeUrl } from "@/lib/email/unsubscribe";
import { followUpInputFrom } from "@/lib/plans/follow-up-input";
import { appOrigin } from "@/lib/platform/url";
import { logger } from "@/lib/platform/logger";
import { callWindowEmail, debriefReminderEmail, thankYouReminderEmail } from "./templates";

/**
 * The candidates' plan emails: the debrief reminder, the thank-you notes not
 * yet ticked a few hours before they are due, and the morning the one allowed
 * call opens.
 *
 * What to remind about comes from the follow-up engine (buildPlan, the same
 * plan the candidate's plan page shows), built now from the stored facts,
 * rather than from the stored tasks. The tasks are written only once a round
 * has happened (marked completed, or debriefed) and follow the plan at the
 * last sync; the notes are due before most rounds are marked, and the call's
 * window start is not stored at all. So the engine says what the plan asks
 * and when (the firm's own numbers: no debrief deadline, hence no debrief
 * reminder, when the firm did not arrange the interview), and the tasks say
 * what a person closed by hand: a step done or skipped there is never reminded.
 *
 * Each mail has a dedupe key (email_outbox.dedupe_key is unique), one per
 * round and kind, so it goes out once however many instances run the job and
 * however often: the notes of one round share one deadline and one mail,
 * and a round has at most one debrief and one call step. Mails go out in the
 * firm's zone during waking hours only, the call's on a business morning.
 * The firm's setting (firms.candidate_reminders) and the candidate's
 * unsubscribe (candidates.plan_emails_off_at) turn all three off.
 */

/** The thank-you reminder goes out this long before the notes are due. */
export const THANK_YOU_REMIND_BEFORE_HOURS = 4;
/** No candidate mail before 08:00 or from 21:00 in the firm's zone. */
export const CANDIDATE_MAIL_FROM_HOUR = 8;
export const CANDIDATE_MAIL_UNTIL_HOUR = 21;
/** The call mail: a business day, from 08:00 until the end of business hours. */
export const CALL_MAIL_UNTIL_HOUR = 17;
/** Reminders are for recent rounds; older missing debriefs are the recruiter's to chase. */
export const DEBRIEF_REMINDER_WINDOW_DAYS = 7;

const HOUR = 3_600_000;

export type PlanReminderKind = "debrief" | "thank_you" | "call";

/** One mail to send. Plain JSON (pg-boss stores it): dates are ISO strings. */
export type PlanReminderJob = {
  kind: PlanReminderKind;
  dedupeKey: string;
  firmId: string;
  firmName: string;
  timeZone: string;
  interviewId: string;
  candidateId: string;
  candidateName: string;
  email: string;
  clientName: string;
  jobTitle: string;
  startsAt: string;
  /** The step's deadline (notes, call). */
  dueAt?: string;
  /** The call: when the window opens. */
  notBefore?: string;
  /** The call: the plan's own reason, citing the firm's numbers. */
  reason?: string;
  /** The notes: whom they are to. */
  people?: string[];
};

export function planReminderKey(interviewId: string, kind: PlanReminderKind): string {
  // The debrief reminder keeps the key it always had, so no one is reminded twice across the change.
  return kind === "debrief" ? `debrief-reminder:${interviewId}` : `plan-reminder:${interviewId}:${kind}`;
}

function localHour(now: Date, zone: string): number {
  return Number(format(now, "H", { in: tz(zone) }));
}

/** The plans of these rounds as they stand now, by interview (a round whose plan cannot be built is logged and left out). */
async function plansOf(db: DbOrTx, rounds: ReminderRound[], now: Date): Promise<Map<string, Plan>> {
  const plans = new Map<string, Plan>();
  const byFirm = new Map<string, ReminderRound[]>();
  for (const r of rounds) byFirm.set(r.firmId, [...(byFirm.get(r.firmId) ?? []), r]);
  for (const [firmId, list] of byFirm) {
    const firm = { timeZone: list[0]!.timeZone, holidays: list[0]!.holidays, policy: list[0]!.policy };
    // A read of the firm's records by the job, in the firm's scope: every
    // statement carries firm_id; no candidate id, so the plan sees every fact
    // (a decision that arrived ends the call step). These reads record no
    // actor; the user named is one of the rounds' candidates.
    const scope = { db, firmId, userId: list[0]!.candidateUserId, role: "recruiter" as const, candidateId: null };
    for (let i = 0; i < list.length; i += 100) {
      const sources = await listPlanSources(
        scope,
        list.slice(i, i + 100).map((r) => r.interviewId),
        { staffProgress: true },
      );
      for (const src of sources) {
        try {
          plans.set(src.interview.id, buildPlan(followUpInputFrom(src, firm, now)));
        } catch (err) {
          logger.warn({ interviewId: src.interview.id, err: err instanceof Error ? err.message : String(err) }, "plan reminder: plan not built");
        }
      }
    }
  }
  return plans;
}

/** What the plan asks of the candidate now that deserves a mail (before the dedupe check). */
export function remindersOfPlan(round: ReminderRound, plan: Plan, now: Date, closed: (key: string) => boolean): PlanReminderJob[] {
  const zone = round.timeZone;
  const hour = localHour(now, zone);
  const waking = hour >= CANDIDATE_MAIL_FROM_HOUR && hour < CANDIDATE_MAIL_UNTIL_HOUR;
  const base = {
    firmId: round.firmId,
    firmName: round.firmName,
    timeZone: zone,
    interviewId: round.interviewId,
    candidateId: round.candidateId,
    candidateName: round.candidateName,
    email: round.email,
    clientName: round.clientName,
    jobTitle: round.jobTitle,
    startsAt: round.startsAt.toISOString(),
  };
  const jobs: PlanReminderJob[] = [];

  // rule 3: the debrief, once its deadline passed; the plan sets one only when the firm arranged the round.
  const debrief = plan.steps.find((s) => s.kind === "debrief");
  if (
    waking &&
    debrief?.dueAt &&
    debrief.state === "overdue" &&
    !closed(debrief.key) &&
    round.endsAt.getTime() >= now.getTime() - DEBRIEF_REMINDER_WINDOW_DAYS * 24 * HOUR
  ) {
    jobs.push({ ...base, kind: "debrief", dedupeKey: planReminderKey(round.interviewId, "debrief"), dueAt: debrief.dueAt.toISOString() });
  }

  // rule 2: notes not ticked yet, a few hours before they are due (they share one deadline: one mail).
  const notes = plan.steps.filter(
    (s) =>
      s.kind === "thank_you" &&
      s.state === "due" &&
      s.dueAt &&
      s.dueAt.getTime() > now.getTime() &&
      s.dueAt.getTime() - THANK_YOU_REMIND_BEFORE_HOURS * HOUR <= now.getTime() &&
      !closed(s.key),
  );
  if (waking && notes.length > 0) {
    const dueAt = notes.reduce((d, s) => Math.min(d, s.dueAt!.getTime()), Number.POSITIVE_INFINITY);
    jobs.push({
      ...base,
      kind: "thank_you",
      dedupeKey: planReminderKey(round.interviewId, "thank_you"),
      dueAt: new Date(dueAt).toISOString(),
      people: notes.map((s) => s.personName ?? "").filter((n) => n.length > 0),
    });
  }

  // rule 4: the one allowed call, on the morning its window opens (or the
  // first business morning after, while it is still open).
  const call = plan.steps.find((s) => s.kind === "call");
  if (
    call?.notBefore &&
    call.dueAt &&
    // Open (or opening later today); done, or ended by a decision, is no mail.
    (call.state === "due" || call.state === "not_allowed") &&
    !closed(call.key) &&
    call.dueAt.getTime() > now.getTime() &&
    localDateKey(now, zone) >= localDateKey(call.notBefore, zone) &&
    isBusinessDay(now, zone, round.holidays) &&
    hour >= CANDIDATE_MAIL_FROM_HOUR &&
    hour < CALL_MAIL_UNTIL_HOUR
  ) {
    jobs.push({
      ...base,
      kind: "call",
      dedupeKey: planReminderKey(round.interviewId, "call"),
      notBefore: call.notBefore.toISOString(),
      dueAt: call.dueAt.toISOString(),
      reason: call.reason,
    });
  }
  return jobs;
}

/** Every plan email due now, across firms, not sent before. */
export async function duePlanReminders(db: DbOrTx, now: Date): Promise<PlanReminderJob[]> {
  const rounds = await unsafeListReminderRounds(db, now);
  if (rounds.length === 0) return [];
  const plans = await plansOf(db, rounds, now);
  const closedByFirm = new Map<string, Set<string>>();
  for (const firmId of new Set(rounds.map((r) => r.firmId))) {
    const ids = rounds.filter((r) => r.firmId === firmId).map((r) => r.interviewId);
    closedByFirm.set(firmId, await unsafeClosedPlanSteps(db, firmId, ids));
  }
  const jobs: PlanReminderJob[] = [];
  for (const round of rounds) {
    const plan = plans.get(round.interviewId);
    if (!plan) continue;
    const closed = closedByFirm.get(round.firmId)!;
    jobs.push(...remindersOfPlan(round, plan, now, (key) => closed.has(`${round.interviewId}:${key}`)));
  }
  const used = await unsafeUsedDedupeKeys(
    db,
    jobs.map((j) => j.dedupeKey),
  );
  return jobs.filter((j) => !used.has(j.dedupeKey));
}

export type PlanReminderOutcome = "sent" | "logged" | "failed" | "duplicate" | "empty";

/**
 * Sends one plan email. The candidate's and the firm's say is read again
 * first: on pg-boss time passes between the scan and the send.
 */
export async function sendPlanReminder(db: DbOrTx, job: PlanReminderJob): Promise<PlanReminderOutcome> {
  if (!(await unsafePlanEmailsOn(db, job.firmId, job.candidateId))) return "empty";
  const origin = appOrigin();
  const stop = unsubscribeUrl(origin, { firmId: job.firmId, candidateId: job.candidateId });
  const common = {
    candidateName: job.candidateName,
    firmName: job.firmName,
    clientName: job.clientName,
    jobTitle: job.jobTitle,
    startsAt: new Date(job.startsAt),
    zone: job.timeZone,
    origin,
    unsubscribeUrl: stop,
  };
  const mail =
    job.kind === "debrief"
      ? debriefReminderEmail(common)
      : job.kind === "thank_you"
        ? thankYouReminderEmail({ ...common, interviewId: job.interviewId, people: job.people ?? [], dueAt: new Date(job.dueAt!) })
        : callWindowEmail({
            ...common,
            interviewId: job.interviewId,
            notBefore: new Date(job.notBefore!),
            dueAt: new Date(job.dueAt!),
            reason: job.reason ?? "",
          });
  return sendEmail(db, { firmId: job.firmId, to: job.email, ...mail, dedupeKey: job.dedupeKey }, { headers: unsubscribeHeaders(stop) });
}
