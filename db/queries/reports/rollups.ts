import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { ROLLUP_NO_RECRUITER, ROLLUP_NONE_DATE } from "@/db/schema";
import type { ReportMetrics } from "@/lib/core/reports/metrics";
import type { QueryScope } from "../scope";
import { aggregateRows, everyWeek, metricsOfAggregateRows, namedGroups, reportMetricsSql } from "./metrics";
import { clearFirmRollups, firmDayRange, lockFirmRollups, rebuildRollupDays } from "./rollup-build";
import { PIPELINE, rowsOf, scopedFilters, textLit, UnsafeValueError, uuidLit, type ReportQuery } from "./sql";

/**
 * The reports page's numbers from the daily rollups (db/schema/reports.ts):
 * the same numbers as getReportMetrics (./metrics.ts) gives from the rows,
 * for the changes the rollups hold (every change committed before `freshAt`).
 * Counts are sums of the rollups' counts; medians are exact, taken over the
 * values the rollups keep (a multiset per row, merged by the query).
 *
 * The rollups serve no filter, a client, a recruiter, a stage and a date
 * range; a job or a single candidate's rows are read from the records (the
 * caller falls back to getReportMetrics), and so are the applications of an
 * interview-date range (an application counts once however many of its
 * interviews fall in the range, which a sum per day cannot tell).
 */

const NONE = `'${ROLLUP_NONE_DATE}'::date`;
const NIL = `'${ROLLUP_NO_RECRUITER}'::uuid`;
const DAY_KEY = /^\d{4}-\d{2}-\d{2}$/;

export type RollupStatus = {
  timeZone: string;
  complete: boolean;
  /** The rollups hold every change committed before this instant (null until first brought up to date). */
  freshAt: Date | null;
};

/** The firm's rollups: the calendar they are on, whether the backfill is done, how fresh they are. */
export async function getReportRollupStatus(scope: QueryScope): Promise<RollupStatus | null> {
  const rows = rowsOf(
    await scope.db.execute(
      sql`select time_zone, complete, fresh_at from report_rollup_state where firm_id = ${scope.firmId}`,
    ),
  );
  const r = rows[0];
  if (!r) return null;
  const at = r.fresh_at;
  const fresh = at === null || at === undefined ? null : at instanceof Date ? at : new Date(String(at));
  return { timeZone: String(r.time_zone), complete: Boolean(r.complete), freshAt: fresh };
}

type RollupInput = Omit<ReportQuery, "report"> & { today: string };

/** Whether the filters ask for the whole history: no range, client, recruiter, stage or job. */
function wholeHistory(f: RollupInput["filters"]): boolean {
  return !f.from && !f.to && !f.client && !f.recruiter && !f.stage && !f.job;
}

/**
 * The same group of the grouping sets in `a` and `b` (grp, recruiter, client;
 * a null stands for the group's "any" or "no recruiter"). As equalities, so
 * the join hashes: with `is not distinct from` only grp could be a join key,
 * and matching 481 groups to 481 compared every recruiter with every
 * recruiter and client with client (166,000 rows, 90 ms of a quarter's 226 ms).
 */
function sameGroup(a: string, b: string): string {
  const key = (t: string, col: string) => `coalesce(${t}.${col}, ${NIL})`;
  return `${a}.grp = ${b}.grp and ${key(a, "recruiter_id")} = ${key(b, "recruiter_id")} and ${key(a, "client_id")} = ${key(b, "client_id")}`;
}

/** One measure's `_lo` and `_mid` medians, picked from the per-measure medians `p` (a row per measure). */
function pickMiddles(m: number, name: string): string {
  return `(max(m.lo) filter (where m.measure = ${m}))::text as ${name}_lo, (max(m.mid) filter (where m.measure = ${m}))::text as ${name}_mid`;
}

/**
 * Where the stored sums and medians of a range are: the all-time tables, or
 * one month or quarter of the period tables. `apps` and `ivs` are the
 * totals' rows of the funnel and of the interviews (alias t), `meds` the
 * medians' (alias m), `open` the daily rows whose open promises count as
 * overdue (alias r).
 */
type Stored = { apps: string; ivs: string; meds: string; open: string };

function allTime(F: string): Stored {
  return {
    apps: `report_rollup_totals t where t.firm_id = ${F} and t.basis = 'application'`,
    ivs: `report_rollup_totals t where t.firm_id = ${F} and t.basis = 'interview'`,
    meds: `report_rollup_medians m where m.firm_id = ${F}`,
    open: `r.firm_id = ${F} and r.basis = 'interview'`,
  };
}

function onePeriod(F: string, basis: "application" | "interview", period: string, from: string, to: string): Stored {
  const P = textLit(period);
  return {
    apps: `report_rollup_period_totals t where t.firm_id = ${F} and t.basis = 'application' and t.period = ${P}`,
    ivs: `report_rollup_period_totals t where t.firm_id = ${F} and t.basis = '${basis}' and t.period = ${P} and t.interview_rows > 0`,
    meds: `report_rollup_period_medians m where m.firm_id = ${F} and m.basis = '${basis}' and m.period = ${P}`,
    open: `r.firm_id = ${F} and r.basis = '${basis}' and r.day >= ${textLit(from)}::date and r.day <= ${textLit(to)}::date`,
  };
}

/** The one calendar month ('2026-03') or quarter ('2026-Q1') that `from`–`to` covers exactly, if it does. */
export function periodOfRange(from: string | undefined, to: string | undefined): string | null {
  if (!from || !to || !DAY_KEY.test(from) || !DAY_KEY.test(to) || from.slice(8) !== "01") return null;
  const [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const lastOf = (month: number) => new Date(Date.UTC(y, month, 0)).toISOString().slice(0, 10);
  if (to === lastOf(m)) return from.slice(0, 7);
  if (m % 3 === 1 && to === lastOf(m + 2)) return `${y}-Q${(m + 2) / 3}`;
  return null;
}

/**
 * The page from stored sums and medians (`Stored`): with no filter the
 * all-time totals (report_rollup_totals, report_rollup_medians), with one
 * whole month or quarter that period's (report_rollup_period_*) — a few rows
 * per recruiter, client and week instead of the daily rows. The same columns
 * as rollupSql's statements; only "overdue", which depends on today, is
 * summed from the daily rows, over the promises still open (an index of its
 * own).
 */
function storedSql(F: string, today: string, stored: Stored) {
  // grouping(recruiter_id, client_id) of the statements over the rows: 1 per recruiter, 2 per client, 3 the firm.
  const groups = (from: string, cols: string) => `
      select case t.dim when 'recruiter' then 1 when 'client' then 2 else 3 end as grp,
        case t.dim when 'recruiter' then nullif(t.key::uuid, ${NIL}) end as recruiter_id,
        case t.dim when 'client' then t.key::uuid end as client_id, ${cols}
      from ${from} and t.dim in ('firm', 'recruiter', 'client')`;
  const applications = namedGroups(F, `(${groups(stored.apps, PIPELINE.map((_, i) => `t.reached${i + 1} as reached_${i + 1}`).join(", "))})`);
  const interviews = `with sums as (
      ${groups(stored.ivs, "t.interviews, t.completed, t.debriefed, t.promised, t.answered, t.kept, t.dim, t.key")}
    ), overdue as materialized (
      -- Once, whatever the planner guesses of a table just filled (it once ran this per row of sums).
      select grouping(recruiter_id, client_id) as grp, recruiter_id, client_id, sum(open_promises)::int as overdue
      from (
        select nullif(r.recruiter_id, ${NIL}) as recruiter_id, r.client_id, r.open_promises
        from report_rollups r
        where ${stored.open} and r.promise_due <> ${NONE} and r.promise_due < ${today}
      ) o
      group by grouping sets ((), (recruiter_id), (client_id))
    ), meds as materialized (
      -- Worked out when the values changed (report_rollup_medians), not on every read.
      select m.dim, m.key,
        ${pickMiddles(1, "tenths_to_debrief")},
        ${pickMiddles(2, "tenths_to_feedback")},
        ${pickMiddles(3, "days_vs_promise")}
      from ${stored.meds}
      group by m.dim, m.key
    ), agg as (
      select s.grp, s.recruiter_id, s.client_id, s.interviews, s.completed, s.debriefed, s.promised, s.answered, s.kept,
        coalesce(o.overdue, 0)::int as overdue,
        m.tenths_to_debrief_lo, m.tenths_to_debrief_mid, m.tenths_to_feedback_lo, m.tenths_to_feedback_mid,
        m.days_vs_promise_lo, m.days_vs_promise_mid
      from sums s
      left join overdue o on ${sameGroup("o", "s")}
      left join meds m on m.dim = s.dim and m.key = s.key
    )
    ${namedGroups(F, "agg")}`;
  const weeks = everyWeek(`select t.key::date as week, t.interviews
      from ${stored.ivs} and t.dim = 'week' and t.interviews > 0`);
  return { applications, interviews, weeks };
}

/** The three statements over the rollups (exported for the query plans). */
export function rollupSql(scope: Pick<QueryScope, "firmId">, input: RollupInput) {
  const f = input.filters;
  if (!DAY_KEY.test(input.today)) throw new UnsafeValueError("not a day");
  const F = uuidLit(scope.firmId);
  if (wholeHistory(f)) return storedSql(F, `${textLit(input.today)}::date`, allTime(F));
  for (const d of [f.from, f.to]) if (d !== undefined && !DAY_KEY.test(d)) throw new UnsafeValueError("not a day");
  const period = periodOfRange(f.from, f.to);
  if (period && !f.client && !f.recruiter && !f.stage && !f.job) {
    const stored = onePeriod(F, f.dates === "application" ? "application" : "interview", period, f.from!, f.to!);
    return storedSql(F, `${textLit(input.today)}::date`, stored);
  }
  // Applications are keyed by the day they were made; interviews by either day, the one the range is on
  // (with no range, by the interview's day: those rows hold the interviews alone).
  const ranged = Boolean(f.from || f.to);
  const whereOf = (basis: "application" | "interview", days: boolean) => {
    const where = [`r.firm_id = ${F}`, `r.basis = '${basis}'`];
    if (days && f.from) where.push(`r.day >= ${textLit(f.from)}::date`);
    if (days && f.to) where.push(`r.day <= ${textLit(f.to)}::date`);
    if (f.client) where.push(`r.client_id = ${uuidLit(f.client)}`);
    if (f.recruiter) where.push(`r.recruiter_id = ${uuidLit(f.recruiter)}`);
    if (f.stage) where.push(`r.stage = ${textLit(f.stage)}`);
    return where.join(" and ");
  };
  const appsWhere = whereOf("application", f.dates === "application");
  const w = whereOf(f.dates === "application" && ranged ? "application" : "interview", true);
  const sets = "grouping sets ((), (recruiter_id), (client_id))";
  const sel = (cols: string, rows: "applications" | "interviews") =>
    `select nullif(r.recruiter_id, ${NIL}) as recruiter_id, r.client_id, ${cols}
      from report_rollups r where ${rows === "applications" ? `${appsWhere} and r.week =` : `${w} and r.week <>`} ${NONE}`;

  const applications = namedGroups(
    F,
    `(select grouping(recruiter_id, client_id) as grp, recruiter_id, client_id,
        ${PIPELINE.map((_, i) => `sum(reached${i + 1})::int as reached_${i + 1}`).join(", ")}
      from (${sel(PIPELINE.map((_, i) => `r.reached${i + 1}`).join(", "), "applications")}) f
      group by ${sets})`,
  );

  const today = `${textLit(input.today)}::date`;
  const middles = (m: number, name: string) =>
    `percentile_disc(0.5) within group (order by v::float8) filter (where m = ${m})::text as ${name}_lo,
        percentile_cont(0.5) within group (order by v::float8) filter (where m = ${m})::text as ${name}_mid`;
  const interviews = `with sel as (
      ${sel("r.interviews, r.completed, r.debriefed, r.promised, r.answered, r.kept, r.open_promises, r.promise_due, r.debrief_tenths, r.feedback_tenths, r.promise_days", "interviews")}
    ), sums as (
      select grouping(recruiter_id, client_id) as grp, recruiter_id, client_id,
        sum(interviews)::int as interviews, sum(completed)::int as completed, sum(debriefed)::int as debriefed,
        sum(promised)::int as promised, sum(answered)::int as answered, sum(kept)::int as kept,
        coalesce(sum(open_promises) filter (where promise_due < ${today}), 0)::int as overdue
      from sel group by ${sets}
    ), vals as (
      select recruiter_id, client_id, 1 as m, unnest(debrief_tenths) as v from sel
      union all select recruiter_id, client_id, 2, unnest(feedback_tenths) from sel
      union all select recruiter_id, client_id, 3, unnest(promise_days) from sel
    ), meds as (
      select grouping(recruiter_id, client_id) as grp, recruiter_id, client_id,
        ${middles(1, "tenths_to_debrief")},
        ${middles(2, "tenths_to_feedback")},
        ${middles(3, "days_vs_promise")}
      from vals group by ${sets}
    ), agg as (
      select s.*, m.tenths_to_debrief_lo, m.tenths_to_debrief_mid, m.tenths_to_feedback_lo, m.tenths_to_feedback_mid,
        m.days_vs_promise_lo, m.days_vs_promise_mid
      from sums s
      left join meds m on ${sameGroup("m", "s")}
    )
    ${namedGroups(F, "agg")}`;

  const weeks = everyWeek(`select r.week, sum(r.interviews)::int as interviews
      from report_rollups r where ${w} and r.week <> ${NONE}
      group by r.week having sum(r.interviews) > 0`);
  return { applications, interviews, weeks };
}

/**
 * The page's metrics from the rollups, or null when they cannot serve: not
 * built yet (the backfill is under way), built on another calendar than the
 * firm's, or filters they do not hold (a job, a candidate's own rows).
 */
export async function getRollupReportMetrics(
  scope: QueryScope,
  input: RollupInput,
): Promise<{ metrics: ReportMetrics; freshAt: Date } | null> {
  if (scope.candidateId || input.filters.job) return null;
  const status = await getReportRollupStatus(scope);
  if (!status || !status.complete || !status.freshAt || status.timeZone !== input.timeZone) return null;
  const text = rollupSql(scope, input);
  // An application counts once however many of its interviews fall in an interview-date range: from the rows.
  const f = input.filters;
  const appsFromRows = f.dates === "interview" && Boolean(f.from || f.to);
  const apps = appsFromRows ? reportMetricsSql({ ...scopedFilters(scope, input), today: input.today }).applications : text.applications;
  const [a, i, w] = await Promise.all([aggregateRows(scope, apps), aggregateRows(scope, text.interviews), aggregateRows(scope, text.weeks)]);
  return { metrics: metricsOfAggregateRows(a, i, w), freshAt: status.freshAt };
}

async function firmZone(tx: DbOrTx, firmId: string): Promise<string> {
  const rows = rowsOf(await tx.execute(sql`select time_zone from firms where id = ${firmId}`));
  return String(rows[0]?.time_zone ?? "UTC");
}

async function stateOf(tx: DbOrTx, firmId: string) {
  const rows = rowsOf(
    await tx.execute(
      sql`select time_zone, to_char(backfill_next, 'YYYY-MM-DD') as next, to_char(backfill_until, 'YYYY-MM-DD') as until, complete
          from report_rollup_state where firm_id = ${firmId}`,
    ),
  );
  const r = rows[0];
  return r ? { timeZone: String(r.time_zone), next: String(r.next), until: String(r.until), complete: Boolean(r.complete) } : null;
}

/**
 * The refresh job's work: takes the firm's marks and rebuilds the days they
 * fall on, then records how fresh the rollups are. Returns the days rebuilt,
 * or "backfill" when the rollups are not built on the firm's calendar yet.
 */
export async function unsafeRefreshReportRollups(db: DbOrTx, firmId: string): Promise<number | "backfill"> {
  return db.transaction(async (tx) => {
    await lockFirmRollups(tx, firmId);
    const zone = await firmZone(tx, firmId);
    const state = await stateOf(tx, firmId);
    if (!state || state.timeZone !== zone) return "backfill";
    const days = rowsOf(
      await tx.execute(sql`with m as (delete from report_rollup_marks where firm_id = ${firmId} returning at)
        select distinct to_char((at at time zone ${zone})::date, 'YYYY-MM-DD') as day from m`),
    ).map((r) => String(r.day));
    await rebuildRollupDays(tx, firmId, zone, days);
    // now() is the transaction's start: every change committed before it is in the rows read above.
    await tx.execute(sql`update report_rollup_state set fresh_at = now() where firm_id = ${firmId}`);
    return days.length;
  });
}

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * One batch of the backfill: `batchDays` days from where it stopped, in a
 * transaction of its own, so a backfill that stops resumes there and one run
 * twice does the same work. Starts over (from the firm's first day) when
 * there is no state yet or the firm's calendar changed. Returns "done" once
 * every day up to the last is built.
 */
export async function unsafeBackfillReportRollups(db: DbOrTx, firmId: string, batchDays = 31): Promise<"done" | "more"> {
  return db.transaction(async (tx) => {
    await lockFirmRollups(tx, firmId);
    const zone = await firmZone(tx, firmId);
    let state = await stateOf(tx, firmId);
    if (!state || state.timeZone !== zone) {
      const range = (await firmDayRange(tx, firmId, zone)) ?? { first: "2000-01-01", last: "1999-12-31" };
      await clearFirmRollups(tx, firmId);
      await tx.execute(sql`insert into report_rollup_state (firm_id, time_zone, backfill_next, backfill_until, complete, fresh_at)
        values (${firmId}, ${zone}, ${range.first}, ${range.last}, false, null)
        on conflict (firm_id) do update set time_zone = excluded.time_zone, backfill_next = excluded.backfill_next,
          backfill_until = excluded.backfill_until, complete = false, fresh_at = null`);
      state = { timeZone: zone, next: range.first, until: range.last, complete: false };
    }
    if (state.complete) return "done";
    const days: string[] = [];
    for (let d = state.next; d <= state.until && days.length < batchDays; d = addDays(d, 1)) days.push(d);
    await rebuildRollupDays(tx, firmId, zone, days);
    const next = days.length > 0 ? addDays(days[days.length - 1]!, 1) : state.next;
    const complete = next > state.until;
    // Complete, but fresh only once the refresh has taken the marks left while the backfill ran.
    await tx.execute(sql`update report_rollup_state set backfill_next = ${next}, complete = ${complete}, fresh_at = null where firm_id = ${firmId}`);
    return complete ? "done" : "more";
  });
}
