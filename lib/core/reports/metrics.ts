import { tz } from "@date-fns/tz";
import { addWeeks, format, startOfWeek } from "date-fns";
import { OPEN_STAGES } from "@/lib/core/vocabulary";
import type { ReportRow } from "./columns";

/**
 * The reports page's numbers, as pure functions of report rows (the same rows
 * the exports hold), so each can be checked by hand on a small data set.
 *
 * Definitions (also in the README):
 * - funnel: an application counts at every pipeline stage up to the furthest
 *   it reached, so a rejected application that had an offer counts at offer;
 *   conversion is the share of the previous stage's count.
 * - debrief completion: of the interviews that took place (status completed),
 *   the share with a submitted (or reviewed) debrief.
 * - time to debrief / to client feedback: hours from the interview's end to the
 *   first submitted debrief / the first interviewer feedback; medians.
 * - interview-to-offer: applications that reached offer ÷ those that reached
 *   interviewing; offer-to-placement: placed ÷ reached offer.
 * - promises: interviews whose debrief records a promised decision date; kept
 *   when the first feedback came on or before that day.
 */

/** The funnel's stages: the pipeline in order, without the two that close an application. */
export const PIPELINE_STAGES = OPEN_STAGES;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

export interface ApplicationFact {
  id: string;
  stage: string;
  furthestStage: PipelineStage;
  clientId: string;
  client: string;
  recruiterId: string | null;
  recruiter: string | null;
}

export interface InterviewFact {
  id: string;
  status: string;
  startsAt: Date;
  debriefState: string;
  hoursToDebrief: number | null;
  hoursToFeedback: number | null;
  /** 'YYYY-MM-DD' on the firm's calendar. */
  promisedOn: string | null;
  feedbackAt: Date | null;
  /** Feedback day minus promised day (negative: early). */
  daysVsPromise: number | null;
  clientId: string;
  client: string;
  recruiterId: string | null;
  recruiter: string | null;
}

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export function applicationFact(row: ReportRow): ApplicationFact {
  const furthest = String(row.furthest_stage ?? "sourced");
  return {
    id: String(row.application_id),
    stage: String(row.stage),
    furthestStage: (PIPELINE_STAGES as readonly string[]).includes(furthest) ? (furthest as PipelineStage) : "sourced",
    clientId: String(row.client_id),
    client: String(row.client ?? ""),
    recruiterId: str(row.recruiter_id),
    recruiter: str(row.recruiter),
  };
}

export function interviewFact(row: ReportRow): InterviewFact {
  const date = (v: unknown) => (v instanceof Date ? v : v ? new Date(String(v)) : null);
  return {
    id: String(row.interview_id),
    status: String(row.status),
    startsAt: date(row.starts_at)!,
    debriefState: String(row.debrief_state ?? "none"),
    hoursToDebrief: num(row.hours_to_debrief),
    hoursToFeedback: num(row.hours_to_client_feedback),
    promisedOn: str(row.promised_decision_on),
    feedbackAt: date(row.feedback_received_at),
    daysVsPromise: num(row.feedback_days_vs_promise),
    clientId: String(row.client_id),
    client: String(row.client ?? ""),
    recruiterId: str(row.recruiter_id),
    recruiter: str(row.recruiter),
  };
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = Math.floor(xs.length / 2);
  return xs.length % 2 === 1 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
}

/** a ÷ b, or null when there is nothing to divide by. */
export function ratio(a: number, b: number): number | null {
  return b > 0 ? a / b : null;
}

export interface FunnelStep {
  stage: PipelineStage;
  /** Applications that reached this stage or a later one. */
  reached: number;
  /** Share of the previous stage's applications that got this far (null for the first stage). */
  conversion: number | null;
}

export function funnel(apps: readonly ApplicationFact[]): FunnelStep[] {
  const reached = PIPELINE_STAGES.map((_, i) => apps.filter((a) => PIPELINE_STAGES.indexOf(a.furthestStage) >= i).length);
  return PIPELINE_STAGES.map((stage, i) => ({
    stage,
    reached: reached[i]!,
    conversion: i === 0 ? null : ratio(reached[i]!, reached[i - 1]!),
  }));
}

export interface WeekCount {
  /** Monday of the week, 'YYYY-MM-DD' on the firm's calendar. */
  week: string;
  interviews: number;
}

/**
 * Interviews per week (cancelled ones left out), every week from the first to
 * the last present, so quiet weeks show as zero rather than disappearing.
 */
export function interviewsPerWeek(ivs: readonly InterviewFact[], timeZone: string): WeekCount[] {
  const inZone = tz(timeZone);
  const counts = new Map<string, number>();
  // Zone arithmetic is slow, and every zone offset is a multiple of 15 minutes: one lookup per quarter hour.
  const byHour = new Map<number, { key: string; week: Date }>();
  let first: Date | null = null;
  let last: Date | null = null;
  for (const iv of ivs) {
    if (iv.status === "cancelled") continue;
    const hour = Math.floor(iv.startsAt.getTime() / 900_000);
    let found = byHour.get(hour);
    if (!found) {
      const week = startOfWeek(iv.startsAt, { weekStartsOn: 1, in: inZone });
      found = { key: format(week, "yyyy-MM-dd", { in: inZone }), week };
      byHour.set(hour, found);
    }
    counts.set(found.key, (counts.get(found.key) ?? 0) + 1);
    if (!first || found.week < first) first = found.week;
    if (!last || found.week > last) last = found.week;
  }
  if (!first || !last) return [];
  const out: WeekCount[] = [];
  for (let w = first; w <= last; w = addWeeks(w, 1, { in: inZone })) {
    const key = format(w, "yyyy-MM-dd", { in: inZone });
    out.push({ week: key, interviews: counts.get(key) ?? 0 });
  }
  return out;
}

export interface DebriefCompletion {
  /** Interviews that took place. */
  completed: number;
  /** Of those, with a submitted or reviewed debrief. */
  debriefed: number;
  rate: number | null;
}

export function debriefCompletion(ivs: readonly InterviewFact[]): DebriefCompletion {
  const done = ivs.filter((iv) => iv.status === "completed");
  const debriefed = done.filter((iv) => iv.debriefState === "submitted" || iv.debriefState === "reviewed").length;
  return { completed: done.length, debriefed, rate: ratio(debriefed, done.length) };
}

export function medianHoursToDebrief(ivs: readonly InterviewFact[]): number | null {
  return median(ivs.flatMap((iv) => (iv.hoursToDebrief === null ? [] : [iv.hoursToDebrief])));
}

export function medianHoursToFeedback(ivs: readonly InterviewFact[]): number | null {
  return median(ivs.flatMap((iv) => (iv.hoursToFeedback === null ? [] : [iv.hoursToFeedback])));
}

export interface OfferRatios {
  interviewed: number;
  offers: number;
  placements: number;
  /** Offers ÷ applications that reached interviewing. */
  interviewToOffer: number | null;
  /** Placements ÷ offers. */
  offerToPlacement: number | null;
}

export function offerRatios(apps: readonly ApplicationFact[]): OfferRatios {
  const [, , interviewed, offers, placements] = funnel(apps).map((s) => s.reached) as [number, number, number, number, number];
  return {
    interviewed,
    offers,
    placements,
    interviewToOffer: ratio(offers, interviewed),
    offerToPlacement: ratio(placements, offers),
  };
}

export interface PromiseKeeping {
  clientId: string;
  client: string;
  /** Interviews whose debrief records a promised decision date. */
  promised: number;
  /** Feedback came on or before the promised day. */
  kept: number;
  /** Feedback came after the promised day. */
  late: number;
  /** No feedback yet and the promised day has passed. */
  overdue: number;
  /** No feedback yet, promised day still ahead (or today). */
  pending: number;
  /** kept ÷ (kept + late + overdue): promises whose day has come. */
  keptRate: number | null;
  /** Median of feedback day minus promised day, over the promises answered. */
  medianDaysVsPromise: number | null;
  /** Median hours to the first feedback over all of the client's interviews. */
  medianHoursToFeedback: number | null;
}

/** Each client's feedback speed against what its interviewers promised. `today` is 'YYYY-MM-DD' in the firm's zone. */
export function promiseKeepingByClient(ivs: readonly InterviewFact[], today: string): PromiseKeeping[] {
  const groups = groupBy(ivs, (iv) => iv.clientId);
  const out: PromiseKeeping[] = [];
  for (const [clientId, list] of groups) {
    const promised = list.filter((iv) => iv.promisedOn !== null);
    const answered = promised.filter((iv) => iv.daysVsPromise !== null);
    const kept = answered.filter((iv) => iv.daysVsPromise! <= 0).length;
    const late = answered.length - kept;
    const unanswered = promised.filter((iv) => iv.daysVsPromise === null);
    const overdue = unanswered.filter((iv) => iv.promisedOn! < today).length;
    out.push({
      clientId,
      client: list[0]!.client,
      promised: promised.length,
      kept,
      late,
      overdue,
      pending: unanswered.length - overdue,
      keptRate: ratio(kept, kept + late + overdue),
      medianDaysVsPromise: median(answered.map((iv) => iv.daysVsPromise!)),
      medianHoursToFeedback: medianHoursToFeedback(list),
    });
  }
  return out.sort((a, b) => a.client.localeCompare(b.client));
}

export interface Summary {
  applications: number;
  interviews: number;
  /** Applications reaching each pipeline stage (sourced … placed). */
  funnel: number[];
  debrief: DebriefCompletion;
  medianHoursToDebrief: number | null;
  medianHoursToFeedback: number | null;
  ratios: OfferRatios;
}

export function summarize(apps: readonly ApplicationFact[], ivs: readonly InterviewFact[]): Summary {
  return {
    applications: apps.length,
    interviews: ivs.filter((iv) => iv.status !== "cancelled").length,
    funnel: funnel(apps).map((s) => s.reached),
    debrief: debriefCompletion(ivs),
    medianHoursToDebrief: medianHoursToDebrief(ivs),
    medianHoursToFeedback: medianHoursToFeedback(ivs),
    ratios: offerRatios(apps),
  };
}

export interface GroupSummary extends Summary {
  id: string | null;
  name: string;
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

function summarizeBy(
  apps: readonly ApplicationFact[],
  ivs: readonly InterviewFact[],
  key: (f: ApplicationFact | InterviewFact) => string | null,
  name: (f: ApplicationFact | InterviewFact) => string | null,
  fallbackName: string,
): GroupSummary[] {
  const appGroups = groupBy(apps, key);
  const ivGroups = groupBy(ivs, key);
  const ids = new Set<string | null>([...appGroups.keys(), ...ivGroups.keys()]);
  const out: GroupSummary[] = [];
  for (const id of ids) {
    const a = appGroups.get(id) ?? [];
    const i = ivGroups.get(id) ?? [];
    const first = a[0] ?? i[0];
    out.push({ id, name: (first && name(first)) || fallbackName, ...summarize(a, i) });
  }
  return out.sort((x, y) => (x.id === null ? 1 : y.id === null ? -1 : x.name.localeCompare(y.name)));
}

export function byRecruiter(apps: readonly ApplicationFact[], ivs: readonly InterviewFact[]): GroupSummary[] {
  return summarizeBy(apps, ivs, (f) => f.recruiterId, (f) => f.recruiter, "Unassigned");
}

export function byClient(apps: readonly ApplicationFact[], ivs: readonly InterviewFact[]): GroupSummary[] {
  return summarizeBy(apps, ivs, (f) => f.clientId, (f) => f.client, "Unknown client");
}

export interface ReportMetrics {
  summary: Summary;
  funnel: FunnelStep[];
  weeks: WeekCount[];
  byRecruiter: GroupSummary[];
  byClient: GroupSummary[];
  promises: PromiseKeeping[];
}

export function computeReportMetrics(
  rows: { applications: readonly ReportRow[]; interviews: readonly ReportRow[] },
  options: { timeZone: string; today: string },
): ReportMetrics {
  const apps = rows.applications.map(applicationFact);
  const ivs = rows.interviews.map(interviewFact);
  return {
    summary: summarize(apps, ivs),
    funnel: funnel(apps),
    weeks: interviewsPerWeek(ivs, options.timeZone),
    byRecruiter: byRecruiter(apps, ivs),
    byClient: byClient(apps, ivs),
    promises: promiseKeepingByClient(ivs, options.today),
  };
}
