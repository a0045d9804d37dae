/**
 * The reports page's numbers from aggregates the database computes (counts,
 * sums and the two middle values of each median), so a big firm's page reads
 * one row per group instead of every report row. Each function gives the very
 * number its row-by-row twin in ./metrics gives for the same rows; the
 * cross-check tests compare the two.
 */
import {
  PIPELINE_STAGES,
  ratio,
  type FunnelStep,
  type GroupSummary,
  type PromiseKeeping,
  type ReportMetrics,
  type Summary,
  type WeekCount,
} from "./metrics";

/**
 * A median as the database gives it: the lower and the upper middle value
 * (the same value for an odd count; both null for none). Averaged here, in
 * JavaScript, so the result is the very number `median` gives for the rows.
 */
export type MiddlePair = readonly [lower: number | null, upper: number | null];

export function medianOfMiddles([lower, upper]: MiddlePair): number | null {
  if (lower === null || upper === null) return null;
  return lower === upper ? lower : (lower + upper) / 2;
}

/** One group's applications, aggregated by the database. */
export interface ApplicationAggregate {
  /** Applications that reached each pipeline stage or a later one (sourced … placed). */
  reached: readonly number[];
}

/** One group's interviews, aggregated by the database. */
export interface InterviewAggregate {
  /** Not cancelled. */
  interviews: number;
  completed: number;
  /** Completed, with a submitted or reviewed debrief. */
  debriefed: number;
  hoursToDebrief: MiddlePair;
  hoursToFeedback: MiddlePair;
  /** With a promised decision date. */
  promised: number;
  /** Promised and answered (feedback came). */
  answered: number;
  /** Answered on or before the promised day. */
  kept: number;
  /** Promised, unanswered, and the promised day is before today. */
  overdue: number;
  daysVsPromise: MiddlePair;
}

export interface AggregateGroup<T> {
  /** The recruiter's or client's id; null for applications nobody is assigned to. */
  id: string | null;
  /** The recruiter's or client's name as the rows carry it (null when none). */
  name: string | null;
  value: T;
}

export interface ReportAggregates {
  applications: {
    total: ApplicationAggregate;
    byRecruiter: readonly AggregateGroup<ApplicationAggregate>[];
    byClient: readonly AggregateGroup<ApplicationAggregate>[];
  };
  interviews: {
    total: InterviewAggregate;
    byRecruiter: readonly AggregateGroup<InterviewAggregate>[];
    byClient: readonly AggregateGroup<InterviewAggregate>[];
  };
  /** Every week from the first to the last with an interview, in order. */
  weeks: readonly WeekCount[];
}

/** The aggregates of no rows at all. */
export const NO_APPLICATIONS: ApplicationAggregate = { reached: PIPELINE_STAGES.map(() => 0) };
export const NO_INTERVIEWS: InterviewAggregate = {
  interviews: 0,
  completed: 0,
  debriefed: 0,
  hoursToDebrief: [null, null],
  hoursToFeedback: [null, null],
  promised: 0,
  answered: 0,
  kept: 0,
  overdue: 0,
  daysVsPromise: [null, null],
};

function funnelOf(a: ApplicationAggregate): FunnelStep[] {
  const reached = PIPELINE_STAGES.map((_, i) => a.reached[i] ?? 0);
  return PIPELINE_STAGES.map((stage, i) => ({
    stage,
    reached: reached[i]!,
    conversion: i === 0 ? null : ratio(reached[i]!, reached[i - 1]!),
  }));
}

function summaryOf(a: ApplicationAggregate, i: InterviewAggregate): Summary {
  const reached = funnelOf(a).map((s) => s.reached);
  const [, , interviewed, offers, placements] = reached as [number, number, number, number, number];
  return {
    applications: reached[0]!,
    interviews: i.interviews,
    funnel: reached,
    debrief: { completed: i.completed, debriefed: i.debriefed, rate: ratio(i.debriefed, i.completed) },
    medianHoursToDebrief: medianOfMiddles(i.hoursToDebrief),
    medianHoursToFeedback: medianOfMiddles(i.hoursToFeedback),
    ratios: {
      interviewed,
      offers,
      placements,
      interviewToOffer: ratio(offers, interviewed),
      offerToPlacement: ratio(placements, offers),
    },
  };
}

function groupSummaries(
  apps: readonly AggregateGroup<ApplicationAggregate>[],
  ivs: readonly AggregateGroup<InterviewAggregate>[],
  fallbackName: string,
): GroupSummary[] {
  const appGroups = new Map(apps.map((g) => [g.id, g]));
  const ivGroups = new Map(ivs.map((g) => [g.id, g]));
  const ids = new Set<string | null>([...appGroups.keys(), ...ivGroups.keys()]);
  const out: GroupSummary[] = [];
  for (const id of ids) {
    const a = appGroups.get(id);
    const i = ivGroups.get(id);
    const name = (a ?? i)?.name;
    out.push({ id, name: name || fallbackName, ...summaryOf(a?.value ?? NO_APPLICATIONS, i?.value ?? NO_INTERVIEWS) });
  }
  return out.sort((x, y) => (x.id === null ? 1 : y.id === null ? -1 : x.name.localeCompare(y.name)));
}

function promisesOf(ivs: readonly AggregateGroup<InterviewAggregate>[]): PromiseKeeping[] {
  const out: PromiseKeeping[] = [];
  for (const g of ivs) {
    const v = g.value;
    const late = v.answered - v.kept;
    out.push({
      clientId: g.id ?? "",
      client: g.name ?? "",
      promised: v.promised,
      kept: v.kept,
      late,
      overdue: v.overdue,
      pending: v.promised - v.answered - v.overdue,
      keptRate: ratio(v.kept, v.kept + late + v.overdue),
      medianDaysVsPromise: medianOfMiddles(v.daysVsPromise),
      medianHoursToFeedback: medianOfMiddles(v.hoursToFeedback),
    });
  }
  return out.sort((a, b) => a.client.localeCompare(b.client));
}

/**
 * The page's metrics from the database's aggregates — the same numbers
 * `computeReportMetrics` gives for the rows behind them (same definitions,
 * same medians, same order), without holding the rows.
 */
export function reportMetricsFromAggregates(agg: ReportAggregates): ReportMetrics {
  return {
    summary: summaryOf(agg.applications.total, agg.interviews.total),
    funnel: funnelOf(agg.applications.total),
    weeks: agg.weeks.map((w) => ({ week: w.week, interviews: w.interviews })),
    byRecruiter: groupSummaries(agg.applications.byRecruiter, agg.interviews.byRecruiter, "Unassigned"),
    byClient: groupSummaries(agg.applications.byClient, agg.interviews.byClient, "Unknown client"),
    promises: promisesOf(agg.interviews.byClient),
  };
}
