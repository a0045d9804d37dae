import { escapeLiteral } from "pg";
import { COLUMNS, type ColumnDef, type ReportKind } from "@/lib/core/reports/columns";
import { dateBounds, type ReportFilters } from "@/lib/core/reports/filters";
import { isUuid, OPEN_STAGES, STAGES } from "@/lib/core/vocabulary";
import type { QueryScope } from "../scope";

/**
 * The pipeline reports' SQL. One SELECT per report serves the page's metrics,
 * the API's pages, the XLSX batches and the CSV export — which on PostgreSQL
 * runs it inside `COPY (…) TO STDOUT`. COPY takes no bind parameters, so the
 * statement is built as text: every value in it is first validated (UUIDs by
 * zod and again here, dates turned into instants, stages from the enum) and
 * then written as a literal by pg's escapeLiteral, never concatenated raw.
 *
 * Beside this file: options.ts (the firm's settings and filter menus),
 * rows.ts (keyset pages and the metrics' facts), metrics.ts (the page's
 * aggregates) and stream.ts (the whole report through a cursor or COPY).
 */

/** The pipeline in order: a report's furthest stage is an index into it. */
export const PIPELINE = OPEN_STAGES;
export const PIPELINE_ARRAY = `array[${PIPELINE.map((s) => `'${s}'`).join(", ")}]::text[]`;

/** An instant as the reports write it (and as a keyset position carries it): UTC, up to microseconds. */
export const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/** A value that would not be safe to write into the SQL text. */
export class UnsafeValueError extends Error {}

export function uuidLit(value: string): string {
  if (!isUuid(value)) throw new UnsafeValueError("not a uuid");
  return `${escapeLiteral(value)}::uuid`;
}

function instantLit(value: Date | string): string {
  const text = typeof value === "string" ? value : value.toISOString();
  if (!ISO_INSTANT.test(text)) throw new UnsafeValueError("not an instant");
  return `${escapeLiteral(text)}::timestamptz`;
}

export function textLit(value: string): string {
  return escapeLiteral(value);
}

export const hours = (later: string, earlier: string) => `round((extract(epoch from (${later} - ${earlier})) / 3600)::numeric, 1)`;
const iso = (expr: string, precision: "MS" | "US" = "MS") =>
  `to_char(${expr} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.${precision}"Z"')`;

export const DEBRIEF_STATE = `case
      when d.id is null then 'none'
      when d.status <> 'submitted' and d.first_submitted_at is null then 'draft'
      when d.reviewed_at is not null then 'reviewed'
      else 'submitted' end`;
export const DEBRIEF_FIRST_SUBMITTED = `coalesce(d.first_submitted_at, case when d.status = 'submitted' then d.submitted_at end)`;

/**
 * An interview's facts as the reports count them, over `i` (interviews), `d`
 * (its debrief) and `fb.first_at` (the first client feedback): the row-based
 * metrics (./metrics.ts) and the daily rollups (./rollup-build.ts) both select
 * these, so the two always agree. Hours are whole tenths, as `cast` (`int` in
 * the rollups' arrays, `bigint` on the page).
 */
export function interviewFactColumns(zone: string, cast: "int" | "bigint"): string {
  const tenths = (later: string, earlier: string) => `(${hours(later, earlier)} * 10)::${cast}`;
  return `i.status <> 'cancelled' as held_or_ahead,
        i.status = 'completed' as completed,
        (${DEBRIEF_STATE}) in ('submitted', 'reviewed') as debriefed,
        ${tenths(DEBRIEF_FIRST_SUBMITTED, "i.ends_at")} as tenths_to_debrief,
        ${tenths("fb.first_at", "i.ends_at")} as tenths_to_feedback,
        d.expected_decision_on as promised_on,
        ((fb.first_at at time zone ${zone})::date - d.expected_decision_on) as days_vs_promise`;
}

/** The keyset position after a page: the last row's sort values. */
export type ReportKey = { ts?: string; id: string };

export interface BuildInput {
  report: ReportKind;
  firmId: string;
  candidateId: string | null;
  filters: ReportFilters;
  timeZone: string;
  /** Text cells starting with = + - @ tab or CR get a leading apostrophe (files, not JSON). */
  escapeFormulas: boolean;
  /** Only these columns (the page's metrics); default all, in the documented order. */
  columns?: readonly string[];
  after?: ReportKey | null;
  limit?: number;
  /** Add the keyset columns (_key_ts, _key_id) to the output. */
  withKeys?: boolean;
  /** ORDER BY the keyset (off for the page's metrics, which do not need an order). */
  ordered?: boolean;
}

function projection(col: ColumnDef, escape: boolean): string {
  const v = `r.${col.key}`;
  switch (col.type) {
    case "text":
      return escape
        ? `case when left(${v}, 1) in ('=', '+', '-', '@', E'\\t', E'\\r') then '''' || ${v} else ${v} end as ${col.key}`
        : `${v} as ${col.key}`;
    case "timestamp":
      return `${iso(v)} as ${col.key}`;
    case "date":
      return `to_char(${v}, 'YYYY-MM-DD') as ${col.key}`;
    case "integer":
    case "number":
      return `${v}::text as ${col.key}`;
  }
}

function commonFilters(input: Pick<BuildInput, "candidateId" | "filters">, where: string[]): void {
  const f = input.filters;
  if (input.candidateId) where.push(`a.candidate_id = ${uuidLit(input.candidateId)}`);
  if (f.client) where.push(`j.client_id = ${uuidLit(f.client)}`);
  if (f.job) where.push(`a.job_id = ${uuidLit(f.job)}`);
  if (f.recruiter) where.push(`coalesce(a.recruiter_user_id, j.owner_user_id) = ${uuidLit(f.recruiter)}`);
  if (f.stage) {
    if (!(STAGES as readonly string[]).includes(f.stage)) throw new UnsafeValueError("stage");
    where.push(`a.stage = ${textLit(f.stage)}`);
  }
}

function rangeCondition(column: string, bounds: { from?: Date; until?: Date }): string[] {
  const out: string[] = [];
  if (bounds.from) out.push(`${column} >= ${instantLit(bounds.from)}`);
  if (bounds.until) out.push(`${column} < ${instantLit(bounds.until)}`);
  return out;
}

export type FilterInput = Pick<BuildInput, "firmId" | "candidateId" | "filters" | "timeZone">;

/** The applications a report selects (`a` joined to its job `j`): the firm, the filters, the date range. */
export function applicationWhere(input: FilterInput): string[] {
  const bounds = dateBounds(input.filters, input.timeZone);
  const where = [`a.firm_id = ${uuidLit(input.firmId)}`];
  commonFilters(input, where);
  if (input.filters.dates === "application") {
    where.push(...rangeCondition("a.created_at", bounds));
  } else if (bounds.from || bounds.until) {
    where.push(
      `exists (select 1 from interviews x where x.firm_id = a.firm_id and x.application_id = a.id and ${rangeCondition("x.starts_at", bounds).join(" and ")})`,
    );
  }
  return where;
}

/** The interviews a report selects (`i` joined to its application `a` and job `j`). */
export function interviewWhere(input: FilterInput): string[] {
  const bounds = dateBounds(input.filters, input.timeZone);
  const where = [`i.firm_id = ${uuidLit(input.firmId)}`];
  commonFilters(input, where);
  where.push(...rangeCondition(input.filters.dates === "interview" ? "i.starts_at" : "a.created_at", bounds));
  return where;
}

/**
 * How the per-row facts (stage history, interview counts, feedback,
 * interviewers, next steps) are joined: each comes from a table aggregated by
 * application or interview and hash-joined. A whole export aggregates the
 * firm's rows once; a page first picks its ids (`page_ids`, in the report's
 * order, after the keyset position) and aggregates only those, so a page of
 * 5,000 costs the same at the start of a report as at its end.
 */
interface Scoping {
  F: string;
  /** `and <column> in (the page's ids)` on a page; nothing for a whole export. */
  within: (column: string) => string;
}

function scoping(input: BuildInput): Scoping {
  const F = uuidLit(input.firmId);
  const paged = input.limit !== undefined;
  return { F, within: (column) => (paged ? ` and ${column} in (select id from page_ids)` : "") };
}

function feedbackJoin(sc: Scoping, restrict: string, interviewId: string): string {
  return `left join (
      select f.interview_id,
        min(f.received_at) as first_at,
        (array_agg(f.recommendation order by f.received_at desc, f.id desc))[1] as recommendation,
        (array_agg(f.decision order by f.received_at desc, f.id desc))[1] as decision
      from interviewer_feedback f
      where f.firm_id = ${sc.F}${restrict}
      group by f.interview_id
    ) fb on fb.interview_id = ${interviewId}`;
}

/** Each application's or interview's next step (`nt`): its open task due first. */
function nextStepJoin(sc: Scoping, key: "application_id" | "interview_id", on: string): string {
  return `left join (
      select distinct on (t.${key}) t.${key}, t.title, t.due_at
      from tasks t
      where t.firm_id = ${sc.F} and t.state = 'open' and t.${key} is not null${sc.within(`t.${key}`)}
      order by t.${key}, t.due_at asc nulls last, t.created_at, t.id
    ) nt on nt.${key} = ${on}`;
}

/**
 * What both reports show of a row's application `a`: who and where, by name
 * (joined by NAME_JOINS), its next step (`nt`, nextStepJoin) and the ids.
 */
const NAMES = `c.name as candidate,
      cl.name as client,
      j.title as job,
      ru.name as recruiter,
      a.stage::text as stage`;
const NEXT_STEP_AND_IDS = `nt.title as next_step,
      nt.due_at as next_step_due_at,
      a.candidate_id::text as candidate_id,
      j.client_id::text as client_id,
      a.job_id::text as job_id,
      coalesce(a.recruiter_user_id, j.owner_user_id)::text as recruiter_id`;
const NAME_JOINS = `join jobs j on j.firm_id = a.firm_id and j.id = a.job_id
    join clients cl on cl.firm_id = j.firm_id and cl.id = j.client_id
    join candidates c on c.firm_id = a.firm_id and c.id = a.candidate_id
    left join users ru on ru.id = coalesce(a.recruiter_user_id, j.owner_user_id)`;

interface Base {
  sql: string;
  keys: string[];
  order: string[];
  /** The page's ids in the report's order (only used with a limit). */
  pageIds: (limit: number) => string;
}

function applicationsBase(input: BuildInput): Base {
  const sc = scoping(input);
  const { F, within } = sc;
  const where = applicationWhere(input);
  if (input.after) where.push(`a.id > ${uuidLit(input.after.id)}`);
  const filtered = `from applications a
    join jobs j on j.firm_id = a.firm_id and j.id = a.job_id
    where ${where.join("\n      and ")}`;
  const sqlText = `
    select
      a.id::text as application_id,
      ${NAMES},
      (${PIPELINE_ARRAY})[greatest(coalesce(array_position(${PIPELINE_ARRAY}, a.stage::text), 1), coalesce(sc.furthest, 1))] as furthest_stage,
      a.created_at as applied_at,
      a.stage_changed_at as stage_changed_at,
      coalesce(sc.offer_at, case when a.stage = 'offer' then a.stage_changed_at end) as offer_at,
      coalesce(sc.placed_at, case when a.stage = 'placed' then a.stage_changed_at end) as placed_at,
      a.closed_reason as closed_reason,
      coalesce(ic.total, 0) as interviews,
      coalesce(ic.completed, 0) as completed_interviews,
      li.starts_at as latest_interview_at,
      li.kind::text as latest_interview_kind,
      li.status::text as latest_interview_status,
      case when li.id is null then null else ${DEBRIEF_STATE} end as debrief_state,
      ${hours(DEBRIEF_FIRST_SUBMITTED, "li.ends_at")} as hours_to_debrief,
      fb.recommendation::text as recommendation,
      fb.decision::text as decision,
      ${hours("fb.first_at", "li.ends_at")} as hours_to_client_feedback,
      ${NEXT_STEP_AND_IDS},
      a.id::text as _key_id,
      a.id as _sort_id
    from ${input.limit === undefined ? "applications a" : `page_ids pg join applications a on a.firm_id = ${F} and a.id = pg.id`}
    ${NAME_JOINS}
    left join (
      select s.application_id,
        max(array_position(${PIPELINE_ARRAY}, s.to_stage::text)) as furthest,
        min(s.changed_at) filter (where s.to_stage = 'offer') as offer_at,
        min(s.changed_at) filter (where s.to_stage = 'placed') as placed_at
      from application_stage_changes s
      where s.firm_id = ${F}${within("s.application_id")}
      group by s.application_id
    ) sc on sc.application_id = a.id
    left join (
      select i.application_id,
        count(*)::int as total,
        (count(*) filter (where i.status = 'completed'))::int as completed,
        (array_agg(i.id order by i.starts_at desc, i.id desc) filter (where i.status <> 'cancelled'))[1] as latest_id
      from interviews i
      where i.firm_id = ${F}${within("i.application_id")}
      group by i.application_id
    ) ic on ic.application_id = a.id
    left join interviews li on li.firm_id = ${F} and li.id = ic.latest_id
    left join debriefs d on d.firm_id = ${F} and d.interview_id = li.id
    ${feedbackJoin(
      sc,
      input.limit === undefined
        ? ""
        : ` and f.interview_id in (select x.id from interviews x where x.firm_id = ${F}${within("x.application_id")})`,
      "li.id",
    )}
    ${nextStepJoin(sc, "application_id", "a.id")}
    where ${where.join("\n      and ")}`;
  return {
    sql: sqlText,
    keys: ["_key_id"],
    order: ["_sort_id"],
    pageIds: (limit) => `select a.id ${filtered} order by a.id limit ${limit}`,
  };
}

function interviewsBase(input: BuildInput): Base {
  const sc = scoping(input);
  const { F, within } = sc;
  const where = interviewWhere(input);
  if (input.after) {
    if (!input.after.ts) throw new UnsafeValueError("interview keyset needs a time");
    where.push(`(i.starts_at, i.id) > (${instantLit(input.after.ts)}, ${uuidLit(input.after.id)})`);
  }
  const filtered = `from interviews i
    join applications a on a.firm_id = i.firm_id and a.id = i.application_id
    join jobs j on j.firm_id = a.firm_id and j.id = a.job_id
    where ${where.join("\n      and ")}`;
  const sqlText = `
    select
      i.id::text as interview_id,
      i.application_id::text as application_id,
      ${NAMES},
      i.kind::text as kind,
      i.status::text as status,
      i.starts_at as starts_at,
      i.ends_at as ends_at,
      ip.names as interviewers,
      ${DEBRIEF_STATE} as debrief_state,
      ${DEBRIEF_FIRST_SUBMITTED} as debrief_submitted_at,
      ${hours(DEBRIEF_FIRST_SUBMITTED, "i.ends_at")} as hours_to_debrief,
      d.expected_decision_on as promised_decision_on,
      fb.first_at as feedback_received_at,
      ${hours("fb.first_at", "i.ends_at")} as hours_to_client_feedback,
      ((fb.first_at at time zone ${textLit(input.timeZone)})::date - d.expected_decision_on) as feedback_days_vs_promise,
      fb.recommendation::text as recommendation,
      fb.decision::text as decision,
      ${NEXT_STEP_AND_IDS},
      ${iso("i.starts_at", "US")} as _key_ts,
      i.id::text as _key_id,
      i.starts_at as _sort_ts,
      i.id as _sort_id
    from ${input.limit === undefined ? "interviews i" : `page_ids pg join interviews i on i.firm_id = ${F} and i.id = pg.id`}
    join applications a on a.firm_id = i.firm_id and a.id = i.application_id
    ${NAME_JOINS}
    left join debriefs d on d.firm_id = ${F} and d.interview_id = i.id
    left join (
      select p.interview_id, string_agg(ct.name, '; ' order by ct.name) as names
      from interview_participants p
      join contacts ct on ct.firm_id = p.firm_id and ct.id = p.contact_id
      where p.firm_id = ${F}${within("p.interview_id")}
      group by p.interview_id
    ) ip on ip.interview_id = i.id
    ${feedbackJoin(sc, within("f.interview_id"), "i.id")}
    ${nextStepJoin(sc, "interview_id", "i.id")}
    where ${where.join("\n      and ")}`;
  return {
    sql: sqlText,
    keys: ["_key_ts", "_key_id"],
    order: ["_sort_ts", "_sort_id"],
    pageIds: (limit) => `select i.id ${filtered} order by i.starts_at, i.id limit ${limit}`,
  };
}

/**
 * The report's SELECT as text, every value a validated, escaped literal.
 * With a limit it is one keyset page: the page's ids first, then their facts.
 */
export function buildReportSql(input: BuildInput): string {
  const base = input.report === "applications" ? applicationsBase(input) : interviewsBase(input);
  const all = COLUMNS[input.report];
  const wanted = input.columns ? all.filter((c) => input.columns!.includes(c.key)) : all;
  const select = wanted.map((c) => projection(c, input.escapeFormulas));
  if (input.withKeys) select.push(...base.keys.map((k) => `r.${k}`));
  const limit = input.limit === undefined ? undefined : Math.max(1, Math.trunc(input.limit));
  const page = limit === undefined ? "" : `with page_ids as (${base.pageIds(limit)})\n    `;
  // By the raw columns, so the primary key and (firm_id, starts_at, id) indexes can serve the order.
  const order = input.ordered === false ? "" : `\n    order by ${base.order.map((k) => `r.${k}`).join(", ")}`;
  return `${page}select ${select.join(",\n      ")}\n    from (${base.sql}\n    ) r${order}${limit === undefined ? "" : `\n    limit ${limit}`}`;
}

/** The rows of a raw statement's result, as either driver returns them. */
export function rowsOf(result: unknown): Record<string, unknown>[] {
  return ((result as { rows?: Record<string, unknown>[] }).rows ?? result) as Record<string, unknown>[];
}

/** What one report request asks for. */
export interface ReportQuery {
  report: ReportKind;
  filters: ReportFilters;
  timeZone: string;
}

/** The filters of a request, for the scope's firm (and, for a candidate, only their own rows). */
export function scopedFilters(scope: QueryScope, input: Omit<ReportQuery, "report">): FilterInput {
  return { firmId: scope.firmId, candidateId: scope.candidateId, filters: input.filters, timeZone: input.timeZone };
}
