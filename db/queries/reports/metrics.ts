import { sql } from "drizzle-orm";
import {
  NO_APPLICATIONS,
  NO_INTERVIEWS,
  reportMetricsFromAggregates,
  type AggregateGroup,
  type ApplicationAggregate,
  type InterviewAggregate,
  type MiddlePair,
} from "@/lib/core/reports/aggregates";
import type { ReportMetrics } from "@/lib/core/reports/metrics";
import type { QueryScope } from "../scope";
import {
  applicationWhere,
  interviewFactColumns,
  interviewWhere,
  PIPELINE,
  PIPELINE_ARRAY,
  rowsOf,
  scopedFilters,
  textLit,
  UnsafeValueError,
  uuidLit,
  type FilterInput,
  type ReportQuery,
} from "./sql";

const DAY_KEY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The reports page's aggregates as three SELECTs, each returning only
 * aggregated rows (a total, one per recruiter, one per client; one per week),
 * so the page's cost does not grow with the firm's rows in Node. Definitions
 * are those of lib/core/reports/metrics.ts over the rows of listReportFacts: the
 * same filters (applicationWhere / interviewWhere), the same furthest stage,
 * debrief state, hours and days-vs-promise expressions as the reports.
 * Medians come back as their middle pair (the lower middle value and the
 * pair's mean, from one shared sort), averaged in JavaScript as `median` does
 * so the double is the same; hours as whole tenths (the reports round them to
 * one decimal), which sort faster than numeric.
 */
export function reportMetricsSql(input: FilterInput & { today: string }): { applications: string; interviews: string; weeks: string } {
  if (!DAY_KEY.test(input.today)) throw new UnsafeValueError("not a day");
  const F = uuidLit(input.firmId);
  const zone = textLit(input.timeZone);
  const today = `${textLit(input.today)}::date`;
  const f = input.filters;
  const recruiter = "coalesce(a.recruiter_user_id, j.owner_user_id)";
  const appWhere = applicationWhere(input).join("\n        and ");
  const ivWhere = interviewWhere(input).join("\n        and ");
  // One sort can serve both (same input and order): the lower middle value, and the
  // mean of the middle pair, exact in float8 for whole numbers, so upper = 2 × mean − lower.
  const middles = (expr: string, name: string) =>
    `percentile_disc(0.5) within group (order by (${expr})::float8)::text as ${name}_lo,
        percentile_cont(0.5) within group (order by (${expr})::float8)::text as ${name}_mid`;
  const named = (agg: string) => namedGroups(F, agg);

  const applications = `with facts as (
      select j.client_id, ${recruiter} as recruiter_id,
        greatest(coalesce(array_position(${PIPELINE_ARRAY}, a.stage::text), 1), coalesce(sc.furthest, 1)) as furthest
      from applications a
      join jobs j on j.firm_id = a.firm_id and j.id = a.job_id
      left join (
        select s.application_id, max(array_position(${PIPELINE_ARRAY}, s.to_stage::text)) as furthest
        from application_stage_changes s
        where s.firm_id = ${F}
        group by s.application_id
      ) sc on sc.application_id = a.id
      where ${appWhere}
    ), agg as (
      select grouping(recruiter_id, client_id) as grp, recruiter_id, client_id,
        ${PIPELINE.map((_, i) => `(count(*) filter (where furthest >= ${i + 1}))::int as reached_${i + 1}`).join(",\n        ")}
      from facts
      group by grouping sets ((), (recruiter_id), (client_id))
    )
    ${named("agg")}`;

  const interviews = `with facts as (
      select j.client_id, ${recruiter} as recruiter_id,
        ${interviewFactColumns(zone, "bigint")}
      from interviews i
      join applications a on a.firm_id = i.firm_id and a.id = i.application_id
      join jobs j on j.firm_id = a.firm_id and j.id = a.job_id
      left join debriefs d on d.firm_id = ${F} and d.interview_id = i.id
      left join (
        select f.interview_id, min(f.received_at) as first_at
        from interviewer_feedback f
        where f.firm_id = ${F}
        group by f.interview_id
      ) fb on fb.interview_id = i.id
      where ${ivWhere}
    ), agg as (
      select grouping(recruiter_id, client_id) as grp, recruiter_id, client_id,
        (count(*) filter (where held_or_ahead))::int as interviews,
        (count(*) filter (where completed))::int as completed,
        (count(*) filter (where completed and debriefed))::int as debriefed,
        ${middles("tenths_to_debrief", "tenths_to_debrief")},
        ${middles("tenths_to_feedback", "tenths_to_feedback")},
        (count(*) filter (where promised_on is not null))::int as promised,
        (count(*) filter (where days_vs_promise is not null))::int as answered,
        (count(*) filter (where days_vs_promise <= 0))::int as kept,
        (count(*) filter (where promised_on is not null and days_vs_promise is null and promised_on < ${today}))::int as overdue,
        ${middles("days_vs_promise", "days_vs_promise")}
      from facts
      group by grouping sets ((), (recruiter_id), (client_id))
    )
    ${named("agg")}`;

  // Weeks start on Monday (ISO, as date_trunc has it) on the firm's calendar; quiet weeks count zero.
  // The application and job are joined only when a filter needs them (every interview has both).
  const needsJob = Boolean(f.client || f.recruiter);
  const needsApplication = needsJob || Boolean(input.candidateId || f.job || f.stage || (f.dates !== "interview" && (f.from || f.to)));
  const weeks = everyWeek(`select date_trunc('week', i.starts_at at time zone ${zone})::date as week, count(*)::int as interviews
      from interviews i${needsApplication ? `\n      join applications a on a.firm_id = i.firm_id and a.id = i.application_id` : ""}${
        needsJob ? `\n      join jobs j on j.firm_id = a.firm_id and j.id = a.job_id` : ""
      }
      where ${ivWhere}
        and i.status <> 'cancelled'
      group by 1`);

  return { applications, interviews, weeks };
}

/** Names looked up once per group, after aggregating, as the rows' joins do. */
export function namedGroups(F: string, agg: string): string {
  return `select g.*, ru.name as recruiter, cl.name as client
    from ${agg} g
    left join users ru on ru.id = g.recruiter_id
    left join clients cl on cl.firm_id = ${F} and cl.id = g.client_id
    order by g.grp, g.recruiter_id, g.client_id`;
}

/** Weekly counts (`week`, `interviews`) with every week from the first to the last, quiet ones as zero. */
export function everyWeek(counts: string): string {
  return `with counts as (
      ${counts}
    )
    select to_char(w.week, 'YYYY-MM-DD') as week, coalesce(c.interviews, 0)::int as interviews
    from generate_series(
      (select min(week) from counts)::timestamp,
      (select max(week) from counts)::timestamp,
      interval '7 days'
    ) as w(week)
    left join counts c on c.week = w.week::date
    order by w.week`;
}

/**
 * One aggregate in a transaction of its own, with JIT compilation off for it
 * (on a large firm the plan's cost passes the inlining and optimisation
 * thresholds, and compiling then takes seconds — longer than the scan), room
 * to sort in memory (the medians' ~80,000 value rows of a big firm sorted on
 * disk at the default 4 MB), and no parallel workers: a page's three
 * statements already run at once, and a big firm's weekly counts for a quarter
 * took three processes for 100 ms in a parallel scan of every firm's rollups
 * where one process reads the firm's rows through the index in 26 ms.
 */
export function aggregateRows(scope: QueryScope, text: string): Promise<Record<string, unknown>[]> {
  return scope.db.transaction(async (tx) => {
    await tx.execute(sql.raw("set local jit = off"));
    await tx.execute(sql.raw("set local work_mem = '32MB'"));
    await tx.execute(sql.raw("set local max_parallel_workers_per_gather = 0"));
    return rowsOf(await tx.execute(sql.raw(text)));
  });
}

const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const middlesOf = (r: Record<string, unknown>, name: string, scale = 1): MiddlePair => {
  const lo = numOrNull(r[`${name}_lo`]);
  const mid = numOrNull(r[`${name}_mid`]);
  if (lo === null || mid === null) return [null, null];
  // Whole numbers below 2^52: twice the midpoint less the lower middle is the upper middle, exactly.
  // A whole number of tenths ÷ 10 is the same double as the decimal it stands for ("12.3").
  return [lo / scale, (2 * mid - lo) / scale];
};

function grouped<T>(rows: Record<string, unknown>[], toValue: (r: Record<string, unknown>) => T) {
  const value = (grouping: number) => rows.filter((r) => Number(r.grp) === grouping);
  const total = value(3)[0];
  const group = (grouping: number, id: "recruiter" | "client"): AggregateGroup<T>[] =>
    value(grouping).map((r) => ({
      id: r[`${id}_id`] === null || r[`${id}_id`] === undefined ? null : String(r[`${id}_id`]),
      name: r[id] === null || r[id] === undefined ? null : String(r[id]),
      value: toValue(r),
    }));
  // grouping(recruiter_id, client_id): 1 = by recruiter, 2 = by client, 3 = the total.
  return { total: total ? toValue(total) : null, byRecruiter: group(1, "recruiter"), byClient: group(2, "client") };
}

/** The three statements' rows as the page's metrics. */
export function metricsOfAggregateRows(apps: Record<string, unknown>[], ivs: Record<string, unknown>[], weeks: Record<string, unknown>[]): ReportMetrics {
  const a = grouped<ApplicationAggregate>(apps, (r) => ({
    reached: PIPELINE.map((_, i) => Number(r[`reached_${i + 1}`] ?? 0)),
  }));
  const i = grouped<InterviewAggregate>(ivs, (r) => ({
    interviews: Number(r.interviews ?? 0),
    completed: Number(r.completed ?? 0),
    debriefed: Number(r.debriefed ?? 0),
    hoursToDebrief: middlesOf(r, "tenths_to_debrief", 10),
    hoursToFeedback: middlesOf(r, "tenths_to_feedback", 10),
    promised: Number(r.promised ?? 0),
    answered: Number(r.answered ?? 0),
    kept: Number(r.kept ?? 0),
    overdue: Number(r.overdue ?? 0),
    daysVsPromise: middlesOf(r, "days_vs_promise"),
  }));
  return reportMetricsFromAggregates({
    applications: { total: a.total ?? NO_APPLICATIONS, byRecruiter: a.byRecruiter, byClient: a.byClient },
    interviews: { total: i.total ?? NO_INTERVIEWS, byRecruiter: i.byRecruiter, byClient: i.byClient },
    weeks: weeks.map((r) => ({ week: String(r.week), interviews: Number(r.interviews) })),
  });
}

/**
 * The reports page's numbers for the filters, aggregated by the database from
 * the rows: equal to `computeReportMetrics(await listReportFacts(…))` without
 * reading the rows. `today` is the firm's calendar day ('YYYY-MM-DD') for
 * overdue promises. The page reads the rollups instead when they can serve
 * (getRollupReportMetrics in ./rollups); this is the exact reference and the
 * fallback.
 */
export async function getReportMetrics(
  scope: QueryScope,
  input: Omit<ReportQuery, "report"> & { today: string },
): Promise<ReportMetrics> {
  const text = reportMetricsSql({ ...scopedFilters(scope, input), today: input.today });
  const [apps, ivs, weeks] = await Promise.all([
    aggregateRows(scope, text.applications),
    aggregateRows(scope, text.interviews),
    aggregateRows(scope, text.weeks),
  ]);
  return metricsOfAggregateRows(apps, ivs, weeks);
}
