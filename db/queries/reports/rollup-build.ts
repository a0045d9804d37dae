import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { ROLLUP_NO_RECRUITER, ROLLUP_NONE_DATE } from "@/db/schema";
import { interviewFactColumns, PIPELINE, PIPELINE_ARRAY, rowsOf, textLit, UnsafeValueError, uuidLit } from "./sql";

/**
 * Building the daily rollups (schema: db/schema/reports.ts). A day is rebuilt
 * whole — its rows deleted and summed again from the records, with the very
 * expressions of the row-based metrics (./metrics.ts) — so rebuilding is
 * idempotent, and a day rebuilt twice, or by the backfill and by the refresh
 * at once, comes out the same. Both run as the tables' owner, one firm at a
 * time, under a per-firm advisory lock.
 */

const DAY_KEY = /^\d{4}-\d{2}-\d{2}$/;
const NONE = `'${ROLLUP_NONE_DATE}'::date`;
const NIL = `'${ROLLUP_NO_RECRUITER}'::uuid`;

function daysLit(days: readonly string[]): string {
  for (const d of days) if (!DAY_KEY.test(d)) throw new UnsafeValueError("not a day");
  return `'{${days.join(",")}}'::date[]`;
}

/** The firm's rollup work one at a time (the refresh and the backfill may both be queued). */
export async function lockFirmRollups(tx: DbOrTx, firmId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('report_rollups'), hashtext(${firmId}))`);
}

/** Rows of `select … from <where the instant is on one of the days>`: the bounds let the time indexes serve. */
function onDays(column: string, zone: string, days: string): string {
  return `${column} >= ((select min(d) from unnest(${days}) d)::timestamp at time zone ${zone})
        and ${column} < (((select max(d) from unnest(${days}) d) + 1)::timestamp at time zone ${zone})
        and (${column} at time zone ${zone})::date = any(${days})`;
}

function interviewRows(F: string, zone: string, basis: "interview" | "application", days: string): string {
  const day = basis === "interview" ? "i.starts_at" : "a.created_at";
  return `with facts as (
      select (${day} at time zone ${zone})::date as day,
        date_trunc('week', i.starts_at at time zone ${zone})::date as week,
        j.client_id, coalesce(a.recruiter_user_id, j.owner_user_id, ${NIL}) as recruiter_id, a.stage,
        ${interviewFactColumns(zone, "int")}
      from interviews i
      join applications a on a.firm_id = i.firm_id and a.id = i.application_id
      join jobs j on j.firm_id = a.firm_id and j.id = a.job_id
      left join debriefs d on d.firm_id = ${F} and d.interview_id = i.id
      left join lateral (
        select min(f.received_at) as first_at from interviewer_feedback f where f.firm_id = ${F} and f.interview_id = i.id
      ) fb on true
      where i.firm_id = ${F} and ${onDays(day, zone, days)}
    )
    select ${F}, '${basis}', day, week, client_id, recruiter_id, stage,
      case when promised_on is not null and days_vs_promise is null then promised_on else ${NONE} end,
      0, 0, 0, 0, 0,
      (count(*) filter (where held_or_ahead))::int,
      (count(*) filter (where completed))::int,
      (count(*) filter (where completed and debriefed))::int,
      (count(*) filter (where promised_on is not null))::int,
      (count(*) filter (where days_vs_promise is not null))::int,
      (count(*) filter (where days_vs_promise <= 0))::int,
      (count(*) filter (where promised_on is not null and days_vs_promise is null))::int,
      coalesce(array_agg(tenths_to_debrief order by tenths_to_debrief) filter (where tenths_to_debrief is not null), '{}'),
      coalesce(array_agg(tenths_to_feedback order by tenths_to_feedback) filter (where tenths_to_feedback is not null), '{}'),
      coalesce(array_agg(days_vs_promise order by days_vs_promise) filter (where days_vs_promise is not null), '{}')
    from facts
    group by 3, 4, 5, 6, 7, 8`;
}

function applicationRows(F: string, zone: string, days: string): string {
  return `with facts as (
      select (a.created_at at time zone ${zone})::date as day, j.client_id,
        coalesce(a.recruiter_user_id, j.owner_user_id, ${NIL}) as recruiter_id, a.stage,
        greatest(coalesce(array_position(${PIPELINE_ARRAY}, a.stage::text), 1), coalesce(sc.furthest, 1)) as furthest
      from applications a
      join jobs j on j.firm_id = a.firm_id and j.id = a.job_id
      left join lateral (
        select max(array_position(${PIPELINE_ARRAY}, s.to_stage::text)) as furthest
        from application_stage_changes s where s.firm_id = ${F} and s.application_id = a.id
      ) sc on true
      where a.firm_id = ${F} and ${onDays("a.created_at", zone, days)}
    )
    select ${F}, 'application', day, ${NONE}, client_id, recruiter_id, stage, ${NONE},
      ${PIPELINE.map((_, i) => `(count(*) filter (where furthest >= ${i + 1}))::int`).join(", ")},
      0, 0, 0, 0, 0, 0, 0, '{}'::int[], '{}'::int[], '{}'::int[]
    from facts
    group by 3, 5, 6, 7`;
}

const COLUMNS = `firm_id, basis, day, week, client_id, recruiter_id, stage, promise_due,
      reached1, reached2, reached3, reached4, reached5, interviews, completed, debriefed,
      promised, answered, kept, open_promises, debrief_tenths, feedback_tenths, promise_days`;

const SUMMED = ["reached1", "reached2", "reached3", "reached4", "reached5", "interviews", "completed", "debriefed", "promised", "answered", "kept"];

/** A day's calendar month ('2026-03') and quarter ('2026-Q1'), as the period tables key them. */
const PERIODS_OF_DAY = `(values (to_char(r.day, 'YYYY-MM')), (to_char(r.day, 'YYYY-"Q"Q'))) p(period)`;

/** The quarter of a month or quarter ('2026-08' → '2026-Q3'). */
const quarterOf = (period: string) => (period[5] === "Q" ? period : `${period.slice(0, 4)}-Q${Math.ceil(Number(period.slice(5, 7)) / 3)}`);

/** The months and quarters these days fall in. */
export function periodsOfDays(days: readonly string[]): string[] {
  const periods = new Set<string>();
  for (const d of days) {
    periods.add(d.slice(0, 7));
    periods.add(quarterOf(d.slice(0, 7)));
  }
  return [...periods];
}

type KeyColumn = { column: string; from: string };
const BASIS: KeyColumn = { column: "basis", from: "r.basis" };
const PERIOD: KeyColumn = { column: "period", from: "p.period" };

/** What a rebuild keeps summed from the daily rows: the all-time totals, or each month's and quarter's. */
interface Sums {
  totals: string;
  /**
   * The value counts behind the medians and the daily rows they count, where they are kept (the
   * periods' medians are worked out from the daily rows instead: refreshPeriodMedians).
   */
  values: { table: string; rows: string } | null;
  /** The totals' key columns between firm_id and dim (selected from `r.` and `p.`). */
  by: KeyColumn[];
  /** More rows to join each daily row to (its periods), or "". */
  join: string;
  /** The week's key of a daily row, or null where it counts no week. */
  week: string;
  /** Which daily rows the totals count. */
  totalRows: string;
  /** Whether the totals count the rows of interviews apart (interview_rows). */
  interviewRows: boolean;
  /** After adding: the firm's rows that may have come to zero. */
  touched: string;
}

/**
 * The all-time totals and value counts (report_rollup_totals,
 * report_rollup_values; migration 0017 fills them the same way from the rows
 * already built): the funnel from the applications' own rows, the rest from
 * the interviews' ('interview' basis; by the application's day they are the
 * same interviews again).
 */
const ALL_TIME_SUMS: Sums = {
  totals: "report_rollup_totals",
  values: { table: "report_rollup_values", rows: "r.basis = 'interview'" },
  by: [BASIS],
  join: "",
  week: "case when r.basis = 'interview' then r.week::text end",
  totalRows: `(r.basis = 'interview' or r.week = ${NONE})`,
  interviewRows: false,
  touched: "true",
};

/** The months' and quarters' totals (report_rollup_period_totals), for each basis: every daily row of the periods `P`. */
function periodSums(P: string): Sums {
  return {
    totals: "report_rollup_period_totals",
    values: null,
    by: [BASIS, PERIOD],
    join: `cross join lateral ${PERIODS_OF_DAY}`,
    week: `case when r.week <> ${NONE} then r.week::text end`,
    totalRows: "true",
    interviewRows: true,
    touched: `period = any(${P})`,
  };
}

/**
 * Adds (`sign` 1) or takes out (-1) the daily rows of these days in `sums`'
 * totals and value counts, then removes what came to zero.
 */
async function applyToSums(tx: DbOrTx, F: string, D: string, sign: 1 | -1, sums: Sums): Promise<void> {
  const dims = "('firm', ''), ('recruiter', r.recruiter_id::text), ('client', r.client_id::text)";
  const cols = (list: KeyColumn[]) => list.map((b) => `${b.column}, `).join("");
  const sel = (list: KeyColumn[]) => list.map((b) => `${b.from}, `).join("");
  const rows = sums.interviewRows ? ["rollup_rows", "interview_rows"] : ["rollup_rows"];
  await tx.execute(
    sql.raw(`insert into ${sums.totals} as t (firm_id, ${cols(sums.by)}dim, key, ${rows.join(", ")}, ${SUMMED.join(", ")})
      select r.firm_id, ${sel(sums.by)}x.dim, x.key, ${sign} * count(*),
        ${sums.interviewRows ? `${sign} * count(*) filter (where r.week <> ${NONE}), ` : ""}${SUMMED.map((c) => `${sign} * sum(r.${c})`).join(", ")}
      from report_rollups r
      ${sums.join}
      cross join lateral (values ${dims}, ('week', ${sums.week})) x(dim, key)
      where r.firm_id = ${F} and r.day = any(${D}) and x.key is not null and ${sums.totalRows}
      group by r.firm_id, ${sel(sums.by)}x.dim, x.key
      on conflict (firm_id, ${cols(sums.by)}dim, key) do update set
        ${[...rows, ...SUMMED].map((c) => `${c} = t.${c} + excluded.${c}`).join(", ")}`),
  );
  if (sums.values) {
    await tx.execute(
      sql.raw(`insert into ${sums.values.table} as t (firm_id, dim, key, measure, value, n)
        select r.firm_id, x.dim, x.key, v.m, v.v, ${sign} * count(*)
        from report_rollups r
        cross join lateral (values ${dims}) x(dim, key)
        cross join lateral (
          select 1 as m, unnest(r.debrief_tenths) as v
          union all select 2, unnest(r.feedback_tenths)
          union all select 3, unnest(r.promise_days)
        ) v
        where r.firm_id = ${F} and r.day = any(${D}) and ${sums.values.rows}
        group by r.firm_id, x.dim, x.key, v.m, v.v
        on conflict (firm_id, dim, key, measure, value) do update set n = t.n + excluded.n`),
    );
  }
  if (sign === -1) return;
  await tx.execute(sql.raw(`delete from ${sums.totals} where firm_id = ${F} and ${sums.touched} and rollup_rows = 0`));
  if (sums.values) await tx.execute(sql.raw(`delete from ${sums.values.table} where firm_id = ${F} and n = 0`));
}

/** The firm, recruiters and clients whose values the days' interview rows count (`dim|key`). */
async function valueKeys(tx: DbOrTx, F: string, D: string): Promise<string[]> {
  const rows = rowsOf(
    await tx.execute(
      sql.raw(`select distinct x.dim || '|' || x.key as k
        from report_rollups r
        cross join lateral (values ('firm', ''), ('recruiter', r.recruiter_id::text), ('client', r.client_id::text)) x(dim, key)
        where r.firm_id = ${F} and r.day = any(${D}) and r.basis = 'interview' and x.key is not null`),
    ),
  );
  return rows.map((r) => String(r.k));
}

/**
 * Works out again the medians (report_rollup_medians) of these `dim|key`s from
 * their value counts, or of all the firm's when `keys` is omitted:
 * percentile_disc(0.5), the first value whose running count reaches half the
 * count (lo); percentile_cont(0.5), the values at 0-based positions floor(q)
 * and ceil(q), q = (count - 1) / 2, interpolated at q as PostgreSQL does
 * (a + (q - floor(q)) * (b - a)).
 */
export async function refreshMedians(tx: DbOrTx, firmId: string, keys?: readonly string[]): Promise<void> {
  if (keys && keys.length === 0) return;
  const F = uuidLit(firmId);
  const list = keys ? textLit(`{${keys.map((k) => `"${k.replace(/["\\]/g, "\\$&")}"`).join(",")}}`) : "";
  const only = (alias: string) =>
    keys ? ` and (${alias}.dim, ${alias}.key) in (select split_part(k, '|', 1), substr(k, strpos(k, '|') + 1) from unnest(${list}::text[]) k)` : "";
  await tx.execute(sql.raw(`delete from report_rollup_medians m where m.firm_id = ${F}${only("m")}`));
  // Bytewise ("C") order for the keys: a big firm's ~80,000 value rows sort several times faster than
  // by the language's rules, and the order is read by no one.
  await tx.execute(
    sql.raw(`insert into report_rollup_medians (firm_id, dim, key, measure, lo, mid)
      with h as (
        select v.dim collate "C" as dim, v.key collate "C" as key, v.measure, v.value,
          sum(v.n) over (partition by v.dim, v.key, v.measure order by v.value) as running,
          sum(v.n) over (partition by v.dim, v.key, v.measure) as total
        from report_rollup_values v
        where v.firm_id = ${F}${only("v")}
      ), positions as (
        select h.dim, h.key, h.measure, (max(h.total) - 1) / 2.0 as q,
          min(h.value) filter (where h.running >= h.total / 2.0) as lo,
          min(h.value) filter (where h.running > floor((h.total - 1) / 2.0)) as a,
          min(h.value) filter (where h.running > ceil((h.total - 1) / 2.0)) as b
        from h group by h.dim, h.key, h.measure
      )
      select ${F}, dim, key, measure, lo::float8, a::float8 + (q - floor(q))::float8 * (b - a)::float8
      from positions`),
  );
}

/** The first and last day of the months and quarters `periods` ('2026-03', '2026-Q1') cover. */
export function periodBounds(periods: readonly string[]): { first: string; last: string } {
  let first = "9999-12-31";
  let last = "0000-01-01";
  for (const p of periods) {
    const y = Number(p.slice(0, 4));
    const [m1, m2] = p[5] === "Q" ? [Number(p[6]) * 3 - 2, Number(p[6]) * 3] : [Number(p.slice(5, 7)), Number(p.slice(5, 7))];
    const from = new Date(Date.UTC(y, m1 - 1, 1)).toISOString().slice(0, 10);
    const to = new Date(Date.UTC(y, m2, 0)).toISOString().slice(0, 10);
    if (from < first) first = from;
    if (to > last) last = to;
  }
  return { first, last };
}

/**
 * Works out again the medians of these months and quarters
 * (report_rollup_period_medians), for each basis, firm, recruiter and client,
 * from the values their daily rows keep — with the same percentile_disc and
 * percentile_cont over the same values as the page's query over the daily rows.
 * A day of a big firm counts most of its recruiters and clients, so the
 * periods are worked out whole; their value counts are not kept (per client,
 * most values of a month are distinct: the counts would be most of the values,
 * and three times the size of the interviews).
 */
async function refreshPeriodMedians(tx: DbOrTx, F: string, periods: readonly string[]): Promise<void> {
  if (periods.length === 0) return;
  const P = `${textLit(`{${periods.join(",")}}`)}::text[]`;
  // Grouped by numbers and uuids rather than by text (a big firm's quarter is ~700,000 values to
  // sort): a period as yyyymm, a quarter as yyyy * 100 + 12 + q; the dims as 1, 2, 3.
  const codes = periods.map((p) => (p[5] === "Q" ? Number(p.slice(0, 4)) * 100 + 12 + Number(p[6]) : Number(p.slice(0, 4)) * 100 + Number(p.slice(5, 7))));
  const { first, last } = periodBounds(periods);
  await tx.execute(sql.raw(`set local work_mem = '128MB'`));
  await tx.execute(sql.raw(`delete from report_rollup_period_medians where firm_id = ${F} and period = any(${P})`));
  await tx.execute(
    sql.raw(`insert into report_rollup_period_medians (firm_id, period, basis, dim, key, measure, lo, mid)
      with vals as (
        select p.code, r.basis = 'interview' as by_interview, x.dim, x.key, v.m, v.v
        from report_rollups r
        cross join lateral (
          select 1 as m, unnest(r.debrief_tenths) as v
          union all select 2, unnest(r.feedback_tenths)
          union all select 3, unnest(r.promise_days)
        ) v
        cross join lateral (values (extract(year from r.day)::int * 100 + extract(month from r.day)::int),
          (extract(year from r.day)::int * 100 + 12 + extract(quarter from r.day)::int)) p(code)
        cross join lateral (values (1, ${NIL}), (2, r.recruiter_id), (3, r.client_id)) x(dim, key)
        where r.firm_id = ${F} and r.day >= ${textLit(first)}::date and r.day <= ${textLit(last)}::date
          and r.week <> ${NONE} and p.code in (${codes.join(", ")})
      ), meds as (
        select code, by_interview, dim, key, m,
          percentile_disc(0.5) within group (order by v::float8) as lo, percentile_cont(0.5) within group (order by v::float8) as mid
        from vals
        group by code, by_interview, dim, key, m
      )
      select ${F},
        case when code % 100 > 12 then (code / 100)::text || '-Q' || (code % 100 - 12) else (code / 100)::text || '-' || lpad((code % 100)::text, 2, '0') end,
        case when by_interview then 'interview' else 'application' end,
        case dim when 1 then 'firm' when 2 then 'recruiter' else 'client' end,
        case dim when 1 then '' else key::text end,
        m, lo, mid
      from meds`),
  );
}

/**
 * Rebuilds the firm's rollups of these days (on `timeZone`'s calendar), in
 * the caller's transaction, and the all-time totals with them: the days' old
 * rows are taken out of the totals and the new ones added, and the medians of
 * the recruiters and clients they count (before or after) are worked out again.
 */
export async function rebuildRollupDays(tx: DbOrTx, firmId: string, timeZone: string, days: readonly string[]): Promise<void> {
  if (days.length === 0) return;
  const F = uuidLit(firmId);
  const zone = textLit(timeZone);
  const D = daysLit(days);
  const periods = periodsOfDays(days);
  await tx.execute(sql.raw(`set local jit = off`));
  const before = await valueKeys(tx, F, D);
  const inPeriods = periodSums(`${textLit(`{${periods.join(",")}}`)}::text[]`);
  await applyToSums(tx, F, D, -1, ALL_TIME_SUMS);
  await applyToSums(tx, F, D, -1, inPeriods);
  await tx.execute(sql.raw(`delete from report_rollups where firm_id = ${F} and day = any(${D})`));
  for (const select of [applicationRows(F, zone, D), interviewRows(F, zone, "application", D), interviewRows(F, zone, "interview", D)]) {
    await tx.execute(sql.raw(`insert into report_rollups (${COLUMNS})\n${select}`));
  }
  await applyToSums(tx, F, D, 1, ALL_TIME_SUMS);
  await applyToSums(tx, F, D, 1, inPeriods);
  await refreshMedians(tx, firmId, [...new Set([...before, ...(await valueKeys(tx, F, D))])]);
  // A quarter at a time with its months, so a rebuild of the whole history (a firm's first refresh
  // after its backfill) sorts one quarter's values per statement rather than all of them at once.
  for (const q of periods.filter((p) => p[5] === "Q")) {
    await refreshPeriodMedians(tx, F, periods.filter((p) => quarterOf(p) === q));
  }
}

const PERIOD_TABLES = ["report_rollup_period_totals", "report_rollup_period_medians"];

/** Removes the firm's rollups and their totals (the backfill starting over on another calendar). */
export async function clearFirmRollups(tx: DbOrTx, firmId: string): Promise<void> {
  const F = uuidLit(firmId);
  for (const table of ["report_rollups", "report_rollup_totals", "report_rollup_values", "report_rollup_medians", ...PERIOD_TABLES]) {
    await tx.execute(sql.raw(`delete from ${table} where firm_id = ${F}`));
  }
}

/** The firm's days with anything to report, on the calendar: the first and the last. */
export async function firmDayRange(tx: DbOrTx, firmId: string, timeZone: string): Promise<{ first: string; last: string } | null> {
  const F = uuidLit(firmId);
  const zone = textLit(timeZone);
  const rows = rowsOf(
    await tx.execute(
      sql.raw(`select to_char(min(d), 'YYYY-MM-DD') as first, to_char(max(d), 'YYYY-MM-DD') as last from (
        select (min(created_at) at time zone ${zone})::date as d from applications where firm_id = ${F}
        union all select (max(created_at) at time zone ${zone})::date from applications where firm_id = ${F}
        union all select (min(starts_at) at time zone ${zone})::date from interviews where firm_id = ${F}
        union all select (max(starts_at) at time zone ${zone})::date from interviews where firm_id = ${F}
      ) x`),
    ),
  );
  const r = rows[0];
  return r?.first ? { first: String(r.first), last: String(r.last) } : null;
}
