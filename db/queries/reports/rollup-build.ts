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

/**
 * Adds (`sign` 1) or takes out (-1) the daily rows of these days in the
 * all-time totals and value counts (report_rollup_totals, report_rollup_values;
 * migration 0017 fills them the same way from the rows already built), then
 * removes what came to zero.
 */
async function applyToTotals(tx: DbOrTx, F: string, D: string, sign: 1 | -1): Promise<void> {
  await tx.execute(
    sql.raw(`insert into report_rollup_totals as t (firm_id, basis, dim, key, rollup_rows, ${SUMMED.join(", ")})
      select r.firm_id, r.basis, x.dim, x.key, ${sign} * count(*), ${SUMMED.map((c) => `${sign} * sum(r.${c})`).join(", ")}
      from report_rollups r
      cross join lateral (values ('firm', ''), ('recruiter', r.recruiter_id::text), ('client', r.client_id::text),
        ('week', case when r.basis = 'interview' then r.week::text end)) x(dim, key)
      where r.firm_id = ${F} and r.day = any(${D}) and x.key is not null and (r.basis = 'interview' or r.week = ${NONE})
      group by r.firm_id, r.basis, x.dim, x.key
      on conflict (firm_id, basis, dim, key) do update set rollup_rows = t.rollup_rows + excluded.rollup_rows,
        ${SUMMED.map((c) => `${c} = t.${c} + excluded.${c}`).join(", ")}`),
  );
  await tx.execute(
    sql.raw(`insert into report_rollup_values as t (firm_id, dim, key, measure, value, n)
      select r.firm_id, x.dim, x.key, v.m, v.v, ${sign} * count(*)
      from report_rollups r
      cross join lateral (values ('firm', ''), ('recruiter', r.recruiter_id::text), ('client', r.client_id::text)) x(dim, key)
      cross join lateral (
        select 1 as m, unnest(r.debrief_tenths) as v
        union all select 2, unnest(r.feedback_tenths)
        union all select 3, unnest(r.promise_days)
      ) v
      where r.firm_id = ${F} and r.day = any(${D}) and r.basis = 'interview'
      group by r.firm_id, x.dim, x.key, v.m, v.v
      on conflict (firm_id, dim, key, measure, value) do update set n = t.n + excluded.n`),
  );
  if (sign === -1) return;
  await tx.execute(sql.raw(`delete from report_rollup_totals where firm_id = ${F} and rollup_rows = 0`));
  await tx.execute(sql.raw(`delete from report_rollup_values where firm_id = ${F} and n = 0`));
}

/**
 * Rebuilds the firm's rollups of these days (on `timeZone`'s calendar), in
 * the caller's transaction, and the all-time totals with them: the days' old
 * rows are taken out of the totals and the new ones added.
 */
export async function rebuildRollupDays(tx: DbOrTx, firmId: string, timeZone: string, days: readonly string[]): Promise<void> {
  if (days.length === 0) return;
  const F = uuidLit(firmId);
  const zone = textLit(timeZone);
  const D = daysLit(days);
  await tx.execute(sql.raw(`set local jit = off`));
  await applyToTotals(tx, F, D, -1);
  await tx.execute(sql.raw(`delete from report_rollups where firm_id = ${F} and day = any(${D})`));
  for (const select of [applicationRows(F, zone, D), interviewRows(F, zone, "application", D), interviewRows(F, zone, "interview", D)]) {
    await tx.execute(sql.raw(`insert into report_rollups (${COLUMNS})\n${select}`));
  }
  await applyToTotals(tx, F, D, 1);
}

/** Removes the firm's rollups and their totals (the backfill starting over on another calendar). */
export async function clearFirmRollups(tx: DbOrTx, firmId: string): Promise<void> {
  const F = uuidLit(firmId);
  for (const table of ["report_rollups", "report_rollup_totals", "report_rollup_values"]) {
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
