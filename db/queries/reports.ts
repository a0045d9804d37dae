import type { Readable } from "node:stream";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { escapeLiteral } from "pg";
import { to as copyTo } from "pg-copy-streams";
import { COLUMNS, parseRow, type ColumnDef, type ReportKind, type ReportRow } from "@/lib/core/reports/columns";
import { dateBounds, type FilterFieldErrors, type ReportFilters } from "@/lib/core/reports/filters";
import {
  reportMetricsFromAggregates,
  type AggregateGroup,
  type ApplicationAggregate,
  type InterviewAggregate,
  type MiddlePair,
  type ReportMetrics,
} from "@/lib/core/reports/metrics";
import { getDatabase } from "../runtime";
import { clients, firms, jobs, memberships, users } from "../schema";
import type { QueryScope } from "./scope";

/**
 * The pipeline reports' SQL. One SELECT per report serves the page's metrics,
 * the API's pages, the XLSX batches and the CSV export — which on PostgreSQL
 * runs it inside `COPY (…) TO STDOUT`. COPY takes no bind parameters, so the
 * statement is built as text: every value in it is first validated (UUIDs by
 * zod and again here, dates turned into instants, stages from the enum) and
 * then written as a literal by pg's escapeLiteral, never concatenated raw.
 */

const PIPELINE = ["sourced", "submitted", "interviewing", "offer", "placed"] as const;
const PIPELINE_ARRAY = `array[${PIPELINE.map((s) => `'${s}'`).join(", ")}]::text[]`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

class UnsafeValueError extends Error {}

function uuidLit(value: string): string {
  if (!UUID.test(value)) throw new UnsafeValueError("not a uuid");
  return `${escapeLiteral(value)}::uuid`;
}

function instantLit(value: Date | string): string {
  const text = typeof value === "string" ? value : value.toISOString();
  if (!ISO_INSTANT.test(text)) throw new UnsafeValueError("not an instant");
  return `${escapeLiteral(text)}::timestamptz`;
}

function textLit(value: string): string {
  return escapeLiteral(value);
}

const hours = (later: string, earlier: string) => `round((extract(epoch from (${later} - ${earlier})) / 3600)::numeric, 1)`;
const iso = (expr: string, precision: "MS" | "US" = "MS") =>
  `to_char(${expr} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.${precision}"Z"')`;

const DEBRIEF_STATE = `case
      when d.id is null then 'none'
      when d.status <> 'submitted' and d.first_submitted_at is null then 'draft'
      when d.reviewed_at is not null then 'reviewed'
      else 'submitted' end`;
const DEBRIEF_FIRST_SUBMITTED = `coalesce(d.first_submitted_at, case when d.status = 'submitted' then d.submitted_at end)`;

/** The keyset position after a page: the last row's sort values. */
export type ReportKey = { ts?: string; id: string };

interface BuildInput {
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
    if (!(PIPELINE as readonly string[]).concat(["rejected", "withdrawn"]).includes(f.stage)) throw new UnsafeValueError("stage");
    where.push(`a.stage = ${textLit(f.stage)}`);
  }
}

function rangeCondition(column: string, bounds: { from?: Date; until?: Date }): string[] {
  const out: string[] = [];
  if (bounds.from) out.push(`${column} >= ${instantLit(bounds.from)}`);
  if (bounds.until) out.push(`${column} < ${instantLit(bounds.until)}`);
  return out;
}

type FilterInput = Pick<BuildInput, "firmId" | "candidateId" | "filters" | "timeZone">;

/** The applications a report selects (`a` joined to its job `j`): the firm, the filters, the date range. */
function applicationWhere(input: FilterInput): string[] {
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
function interviewWhere(input: FilterInput): string[] {
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
      c.name as candidate,
      cl.name as client,
      j.title as job,
      ru.name as recruiter,
      a.stage::text as stage,
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
      nt.title as next_step,
      nt.due_at as next_step_due_at,
      a.candidate_id::text as candidate_id,
      j.client_id::text as client_id,
      a.job_id::text as job_id,
      coalesce(a.recruiter_user_id, j.owner_user_id)::text as recruiter_id,
      a.id::text as _key_id,
      a.id as _sort_id
    from ${input.limit === undefined ? "applications a" : `page_ids pg join applications a on a.firm_id = ${F} and a.id = pg.id`}
    join jobs j on j.firm_id = a.firm_id and j.id = a.job_id
    join clients cl on cl.firm_id = j.firm_id and cl.id = j.client_id
    join candidates c on c.firm_id = a.firm_id and c.id = a.candidate_id
    left join users ru on ru.id = coalesce(a.recruiter_user_id, j.owner_user_id)
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
    left join (
      select distinct on (t.application_id) t.application_id, t.title, t.due_at
      from tasks t
      where t.firm_id = ${F} and t.state = 'open' and t.application_id is not null${within("t.application_id")}
      order by t.application_id, t.due_at asc nulls last, t.created_at, t.id
    ) nt on nt.application_id = a.id
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
      c.name as candidate,
      cl.name as client,
      j.title as job,
      ru.name as recruiter,
      a.stage::text as stage,
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
      nt.title as next_step,
      nt.due_at as next_step_due_at,
      a.candidate_id::text as candidate_id,
      j.client_id::text as client_id,
      a.job_id::text as job_id,
      coalesce(a.recruiter_user_id, j.owner_user_id)::text as recruiter_id,
      ${iso("i.starts_at", "US")} as _key_ts,
      i.id::text as _key_id,
      i.starts_at as _sort_ts,
      i.id as _sort_id
    from ${input.limit === undefined ? "interviews i" : `page_ids pg join interviews i on i.firm_id = ${F} and i.id = pg.id`}
    join applications a on a.firm_id = i.firm_id and a.id = i.application_id
    join jobs j on j.firm_id = a.firm_id and j.id = a.job_id
    join clients cl on cl.firm_id = j.firm_id and cl.id = j.client_id
    join candidates c on c.firm_id = a.firm_id and c.id = a.candidate_id
    left join users ru on ru.id = coalesce(a.recruiter_user_id, j.owner_user_id)
    left join debriefs d on d.firm_id = ${F} and d.interview_id = i.id
    left join (
      select p.interview_id, string_agg(ct.name, '; ' order by ct.name) as names
      from interview_participants p
      join contacts ct on ct.firm_id = p.firm_id and ct.id = p.contact_id
      where p.firm_id = ${F}${within("p.interview_id")}
      group by p.interview_id
    ) ip on ip.interview_id = i.id
    ${feedbackJoin(sc, within("f.interview_id"), "i.id")}
    left join (
      select distinct on (t.interview_id) t.interview_id, t.title, t.due_at
      from tasks t
      where t.firm_id = ${F} and t.state = 'open' and t.interview_id is not null${within("t.interview_id")}
      order by t.interview_id, t.due_at asc nulls last, t.created_at, t.id
    ) nt on nt.interview_id = i.id
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
function buildReportSql(input: BuildInput): string {
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

function rowsOf(result: unknown): Record<string, unknown>[] {
  return ((result as { rows?: Record<string, unknown>[] }).rows ?? result) as Record<string, unknown>[];
}

// ---------------------------------------------------------------------------
// Settings and filter options
// ---------------------------------------------------------------------------

export interface ReportSettings {
  timeZone: string;
  firmName: string;
  firmSlug: string;
}

/** The firm's zone (dates in filters and weeks are on its calendar) and its name for filenames. */
export async function getReportSettings(scope: QueryScope): Promise<ReportSettings | null> {
  const [row] = await scope.db
    .select({ timeZone: firms.timeZone, firmName: firms.name, firmSlug: firms.slug })
    .from(firms)
    .where(eq(firms.id, scope.firmId))
    .limit(1);
  return row ?? null;
}

export interface ReportFilterOptions {
  clients: { id: string; name: string }[];
  jobs: { id: string; title: string; clientName: string }[];
  recruiters: { id: string; name: string }[];
}

/** What the filter menus offer: the firm's clients, jobs and staff (archived ones too, since old rows name them). */
export async function listReportFilterOptions(scope: QueryScope): Promise<ReportFilterOptions> {
  const [clientRows, jobRows, staffRows] = await Promise.all([
    scope.db
      .select({ id: clients.id, name: clients.name })
      .from(clients)
      .where(eq(clients.firmId, scope.firmId))
      .orderBy(asc(clients.name))
      .limit(2000),
    scope.db
      .select({ id: jobs.id, title: jobs.title, clientName: clients.name })
      .from(jobs)
      .innerJoin(clients, and(eq(clients.firmId, jobs.firmId), eq(clients.id, jobs.clientId)))
      .where(eq(jobs.firmId, scope.firmId))
      .orderBy(asc(clients.name), asc(jobs.title))
      .limit(5000),
    scope.db
      .select({ id: users.id, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.firmId, scope.firmId), inArray(memberships.role, ["admin", "recruiter"])))
      .orderBy(asc(users.name))
      .limit(1000),
  ]);
  return { clients: clientRows, jobs: jobRows, recruiters: staffRows };
}

/** Field errors for filter ids that are not this firm's (another firm's id reads as unknown, like any other). */
export async function checkReportFilterIds(scope: QueryScope, filters: ReportFilters): Promise<FilterFieldErrors> {
  const errors: FilterFieldErrors = {};
  const [client, job, recruiter] = await Promise.all([
    filters.client
      ? scope.db
          .select({ id: clients.id })
          .from(clients)
          .where(and(eq(clients.firmId, scope.firmId), eq(clients.id, filters.client)))
          .limit(1)
      : null,
    filters.job
      ? scope.db
          .select({ id: jobs.id })
          .from(jobs)
          .where(and(eq(jobs.firmId, scope.firmId), eq(jobs.id, filters.job)))
          .limit(1)
      : null,
    filters.recruiter
      ? scope.db
          .select({ id: memberships.userId })
          .from(memberships)
          .where(
            and(
              eq(memberships.firmId, scope.firmId),
              eq(memberships.userId, filters.recruiter),
              inArray(memberships.role, ["admin", "recruiter"]),
            ),
          )
          .limit(1)
      : null,
  ]);
  if (client && client.length === 0) errors.client = ["That client is not one of this firm's."];
  if (job && job.length === 0) errors.job = ["That job is not one of this firm's."];
  if (recruiter && recruiter.length === 0) errors.recruiter = ["That recruiter is not a member of this firm."];
  return errors;
}

// ---------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------

export interface ReportQuery {
  report: ReportKind;
  filters: ReportFilters;
  timeZone: string;
}

export interface ReportPage {
  /** Typed rows (Dates, numbers), or text cells as the CSV holds them when `as: "csv"`. */
  rows: ReportRow[];
  /** Where the next page starts; null on the last page. */
  next: ReportKey | null;
}

/**
 * One keyset page of a report, in the report's order. `as: "json"` gives raw
 * typed values (the API); "file" escapes formula-like text (XLSX); "csv" gives
 * the cells as text exactly as COPY would write them (the embedded database's
 * CSV path).
 */
export async function findReportPage(
  scope: QueryScope,
  input: ReportQuery & { after?: ReportKey | null; limit: number; as: "json" | "file" | "csv" },
): Promise<ReportPage> {
  const limit = Math.max(1, Math.min(Math.trunc(input.limit), 10_000));
  const text = buildReportSql({
    report: input.report,
    firmId: scope.firmId,
    candidateId: scope.candidateId,
    filters: input.filters,
    timeZone: input.timeZone,
    escapeFormulas: input.as !== "json",
    after: input.after ?? null,
    limit: limit + 1,
    withKeys: true,
  });
  const raw = rowsOf(await scope.db.execute(sql.raw(text)));
  const more = raw.length > limit;
  const page = more ? raw.slice(0, limit) : raw;
  const columns = COLUMNS[input.report];
  const rows =
    input.as === "csv"
      ? page.map((r) => Object.fromEntries(columns.map((c) => [c.key, (r[c.key] as string | null) ?? null])))
      : page.map((r) => parseRow(columns, r));
  const last = page[page.length - 1];
  const next =
    more && last ? { id: String(last._key_id), ...(last._key_ts ? { ts: String(last._key_ts) } : {}) } : null;
  return { rows, next };
}

/** The columns the page's metrics need, for every row the filters select (no order). */
export async function listReportFacts(
  scope: QueryScope,
  input: Omit<ReportQuery, "report">,
): Promise<{ applications: ReportRow[]; interviews: ReportRow[] }> {
  const common = {
    firmId: scope.firmId,
    candidateId: scope.candidateId,
    filters: input.filters,
    timeZone: input.timeZone,
    escapeFormulas: false,
    ordered: false,
  };
  const appColumns = ["application_id", "stage", "furthest_stage", "client", "client_id", "recruiter", "recruiter_id", "interviews"];
  const ivColumns = [
    "interview_id",
    "status",
    "starts_at",
    "ends_at",
    "debrief_state",
    "hours_to_debrief",
    "hours_to_client_feedback",
    "promised_decision_on",
    "feedback_received_at",
    "feedback_days_vs_promise",
    "client",
    "client_id",
    "recruiter",
    "recruiter_id",
  ];
  const [apps, ivs] = await Promise.all([
    scope.db.execute(sql.raw(buildReportSql({ ...common, report: "applications", columns: appColumns }))),
    scope.db.execute(sql.raw(buildReportSql({ ...common, report: "interviews", columns: ivColumns }))),
  ]);
  const pick = (report: ReportKind, keys: string[]) => COLUMNS[report].filter((c) => keys.includes(c.key));
  return {
    applications: rowsOf(apps).map((r) => parseRow(pick("applications", appColumns), r)),
    interviews: rowsOf(ivs).map((r) => parseRow(pick("interviews", ivColumns), r)),
  };
}

// ---------------------------------------------------------------------------
// Metrics (the reports page)
// ---------------------------------------------------------------------------

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
function reportMetricsSql(input: FilterInput & { today: string }): { applications: string; interviews: string; weeks: string } {
  if (!DAY_KEY.test(input.today)) throw new UnsafeValueError("not a day");
  const F = uuidLit(input.firmId);
  const zone = textLit(input.timeZone);
  const today = `${textLit(input.today)}::date`;
  const f = input.filters;
  const recruiter = "coalesce(a.recruiter_user_id, j.owner_user_id)";
  const appWhere = applicationWhere(input).join("\n        and ");
  const ivWhere = interviewWhere(input).join("\n        and ");
  const tenths = (later: string, earlier: string) => `(${hours(later, earlier)} * 10)::bigint`;
  // One sort can serve both (same input and order): the lower middle value, and the
  // mean of the middle pair, exact in float8 for whole numbers, so upper = 2 × mean − lower.
  const middles = (expr: string, name: string) =>
    `percentile_disc(0.5) within group (order by (${expr})::float8)::text as ${name}_lo,
        percentile_cont(0.5) within group (order by (${expr})::float8)::text as ${name}_mid`;
  // Names are looked up once per group, after aggregating, as the rows' joins do.
  const named = (agg: string) => `select g.*, ru.name as recruiter, cl.name as client
    from ${agg} g
    left join users ru on ru.id = g.recruiter_id
    left join clients cl on cl.firm_id = ${F} and cl.id = g.client_id
    order by g.grp, g.recruiter_id, g.client_id`;

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
        i.status <> 'cancelled' as held_or_ahead,
        i.status = 'completed' as completed,
        (${DEBRIEF_STATE}) in ('submitted', 'reviewed') as debriefed,
        ${tenths(DEBRIEF_FIRST_SUBMITTED, "i.ends_at")} as tenths_to_debrief,
        ${tenths("fb.first_at", "i.ends_at")} as tenths_to_feedback,
        d.expected_decision_on as promised_on,
        ((fb.first_at at time zone ${zone})::date - d.expected_decision_on) as days_vs_promise
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
  const weeks = `with counts as (
      select date_trunc('week', i.starts_at at time zone ${zone})::date as week, count(*)::int as interviews
      from interviews i${needsApplication ? `\n      join applications a on a.firm_id = i.firm_id and a.id = i.application_id` : ""}${
        needsJob ? `\n      join jobs j on j.firm_id = a.firm_id and j.id = a.job_id` : ""
      }
      where ${ivWhere}
        and i.status <> 'cancelled'
      group by 1
    )
    select to_char(w.week, 'YYYY-MM-DD') as week, coalesce(c.interviews, 0)::int as interviews
    from generate_series(
      (select min(week) from counts)::timestamp,
      (select max(week) from counts)::timestamp,
      interval '7 days'
    ) as w(week)
    left join counts c on c.week = w.week::date
    order by w.week`;

  return { applications, interviews, weeks };
}

/**
 * One aggregate in a transaction of its own, with JIT compilation off for it:
 * on a large firm the plan's cost passes the inlining and optimisation
 * thresholds, and compiling then takes seconds — longer than the scan.
 */
function aggregateRows(scope: QueryScope, text: string): Promise<Record<string, unknown>[]> {
  return scope.db.transaction(async (tx) => {
    await tx.execute(sql.raw("set local jit = off"));
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

/**
 * The reports page's numbers for the filters, aggregated by the database:
 * equal to `computeReportMetrics(await listReportFacts(…))` without reading
 * the rows. `today` is the firm's calendar day ('YYYY-MM-DD') for overdue promises.
 */
export async function getReportMetrics(
  scope: QueryScope,
  input: Omit<ReportQuery, "report"> & { today: string },
): Promise<ReportMetrics> {
  const text = reportMetricsSql({
    firmId: scope.firmId,
    candidateId: scope.candidateId,
    filters: input.filters,
    timeZone: input.timeZone,
    today: input.today,
  });
  const [apps, ivs, weeks] = await Promise.all([
    aggregateRows(scope, text.applications),
    aggregateRows(scope, text.interviews),
    aggregateRows(scope, text.weeks),
  ]);
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
    applications: { total: a.total ?? { reached: PIPELINE.map(() => 0) }, byRecruiter: a.byRecruiter, byClient: a.byClient },
    interviews: {
      total: i.total ?? {
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
      },
      byRecruiter: i.byRecruiter,
      byClient: i.byClient,
    },
    weeks: weeks.map((r) => ({ week: String(r.week), interviews: Number(r.interviews) })),
  });
}

export interface ReportCursor {
  /** The next rows (up to `count`), typed and formula-escaped for a file; [] at the end. */
  next(count: number): Promise<ReportRow[]>;
  /** Ends the cursor's transaction and frees its connection (safe to call twice). */
  close(): Promise<void>;
  toJSON(): { cursor: string };
}

/**
 * The whole report through a server-side cursor on a connection of its own:
 * one execution of the SELECT, read in batches, so a large XLSX costs one
 * query however many batches it takes. Null on the embedded database, where
 * a transaction held open for the whole export would block every other
 * request on its single connection; the export pages by keyset there.
 */
export async function openReportCursor(scope: QueryScope, input: ReportQuery): Promise<ReportCursor | null> {
  const database = await getDatabase();
  if (!database.pool) return null;
  const select = buildReportSql({
    report: input.report,
    firmId: scope.firmId,
    candidateId: scope.candidateId,
    filters: input.filters,
    timeZone: input.timeZone,
    escapeFormulas: true,
  });
  const columns = COLUMNS[input.report];
  const client = await database.pool.connect();
  let closed = false;
  try {
    await client.query("begin read only");
    await client.query(`declare report_rows no scroll cursor for ${select}`);
  } catch (err) {
    closed = true;
    client.release(err as Error);
    throw err;
  }
  const close = async (err?: Error) => {
    if (closed) return;
    closed = true;
    try {
      if (!err) await client.query("commit");
      client.release(err);
    } catch (e) {
      client.release(e as Error);
    }
  };
  return {
    async next(count) {
      if (closed) return [];
      try {
        const result = await client.query(`fetch forward ${Math.max(1, Math.trunc(count))} from report_rows`);
        return result.rows.map((r: Record<string, unknown>) => parseRow(columns, r));
      } catch (err) {
        await close(err as Error);
        throw err;
      }
    },
    close: () => close(),
    toJSON: () => ({ cursor: "report_rows" }),
  };
}

/**
 * The SELECT that the CSV export runs inside COPY, as text: for benchmarks
 * that compare the export with `psql -c "\copy (…) TO STDOUT WITH CSV"`.
 */
export async function reportCopySelect(scope: QueryScope, input: ReportQuery): Promise<string> {
  return buildReportSql({
    report: input.report,
    firmId: scope.firmId,
    candidateId: scope.candidateId,
    filters: input.filters,
    timeZone: input.timeZone,
    escapeFormulas: true,
  });
}

export interface CopyStream {
  /** COPY's CSV output (LF line ends, header first). */
  stream: Readable;
  /** Rows COPY reported when it finished (header excluded). */
  rowCount: () => number;
  toJSON(): { copy: string };
}

/**
 * The report as CSV straight from PostgreSQL: `COPY (SELECT …) TO STDOUT WITH
 * (FORMAT csv, HEADER)` on a connection of its own, formula escaping done in
 * the SELECT. Memory stays flat: COPY sends rows as the reader takes them.
 * Null on the embedded database, which has no pool to stream COPY through.
 */
export async function openReportCopy(scope: QueryScope, input: ReportQuery): Promise<CopyStream | null> {
  const database = await getDatabase();
  if (!database.pool) return null;
  const select = await reportCopySelect(scope, input);
  const client = await database.pool.connect();
  let released = false;
  const release = (err?: Error) => {
    if (released) return;
    released = true;
    // A connection whose COPY was cut off mid-stream is not reusable.
    client.release(err ?? undefined);
  };
  try {
    const copy = client.query(copyTo(`COPY (${select}) TO STDOUT WITH (FORMAT csv, HEADER)`));
    copy.on("end", () => release());
    copy.on("error", (err) => release(err));
    copy.on("close", () => {
      if (!released) release(new Error("COPY stream closed before it ended"));
    });
    return { stream: copy, rowCount: () => copy.rowCount ?? 0, toJSON: () => ({ copy: "stream" }) };
  } catch (err) {
    release(err as Error);
    throw err;
  }
}
