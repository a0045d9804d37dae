import type { Readable } from "node:stream";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { escapeLiteral } from "pg";
import { to as copyTo } from "pg-copy-streams";
import { COLUMNS, parseRow, type ColumnDef, type ReportKind, type ReportRow } from "@/lib/reports/columns";
import { dateBounds, type FilterFieldErrors, type ReportFilters } from "@/lib/reports/filters";
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

function commonFilters(input: BuildInput, where: string[]): void {
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

function applicationsBase(input: BuildInput): { sql: string; keys: string[] } {
  const F = uuidLit(input.firmId);
  const bounds = dateBounds(input.filters, input.timeZone);
  const where = [`a.firm_id = ${F}`];
  commonFilters(input, where);
  if (input.filters.dates === "application") {
    where.push(...rangeCondition("a.created_at", bounds));
  } else if (bounds.from || bounds.until) {
    where.push(
      `exists (select 1 from interviews x where x.firm_id = a.firm_id and x.application_id = a.id and ${rangeCondition("x.starts_at", bounds).join(" and ")})`,
    );
  }
  if (input.after) where.push(`a.id > ${uuidLit(input.after.id)}`);
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
      lf.recommendation::text as recommendation,
      lf.decision::text as decision,
      ${hours("ff.first_at", "li.ends_at")} as hours_to_client_feedback,
      nt.title as next_step,
      nt.due_at as next_step_due_at,
      a.candidate_id::text as candidate_id,
      j.client_id::text as client_id,
      a.job_id::text as job_id,
      coalesce(a.recruiter_user_id, j.owner_user_id)::text as recruiter_id,
      a.id::text as _key_id
    from applications a
    join jobs j on j.firm_id = a.firm_id and j.id = a.job_id
    join clients cl on cl.firm_id = j.firm_id and cl.id = j.client_id
    join candidates c on c.firm_id = a.firm_id and c.id = a.candidate_id
    left join users ru on ru.id = coalesce(a.recruiter_user_id, j.owner_user_id)
    left join lateral (
      select max(array_position(${PIPELINE_ARRAY}, s.to_stage::text)) as furthest,
        min(s.changed_at) filter (where s.to_stage = 'offer') as offer_at,
        min(s.changed_at) filter (where s.to_stage = 'placed') as placed_at
      from application_stage_changes s
      where s.firm_id = a.firm_id and s.application_id = a.id
    ) sc on true
    left join lateral (
      select count(*)::int as total, (count(*) filter (where i.status = 'completed'))::int as completed
      from interviews i
      where i.firm_id = a.firm_id and i.application_id = a.id
    ) ic on true
    left join lateral (
      select i.id, i.starts_at, i.ends_at, i.kind, i.status
      from interviews i
      where i.firm_id = a.firm_id and i.application_id = a.id and i.status <> 'cancelled'
      order by i.starts_at desc, i.id desc
      limit 1
    ) li on true
    left join debriefs d on d.firm_id = a.firm_id and d.interview_id = li.id
    left join lateral (
      select min(f.received_at) as first_at
      from interviewer_feedback f
      where f.firm_id = a.firm_id and f.interview_id = li.id
    ) ff on true
    left join lateral (
      select f.recommendation, f.decision
      from interviewer_feedback f
      where f.firm_id = a.firm_id and f.interview_id = li.id
      order by f.received_at desc, f.id desc
      limit 1
    ) lf on true
    left join (
      select distinct on (t.application_id) t.application_id, t.title, t.due_at
      from tasks t
      where t.firm_id = ${F} and t.state = 'open' and t.application_id is not null
      order by t.application_id, t.due_at asc nulls last, t.created_at, t.id
    ) nt on nt.application_id = a.id
    where ${where.join("\n      and ")}`;
  return { sql: sqlText, keys: ["_key_id"] };
}

function interviewsBase(input: BuildInput): { sql: string; keys: string[] } {
  const F = uuidLit(input.firmId);
  const bounds = dateBounds(input.filters, input.timeZone);
  const where = [`i.firm_id = ${F}`];
  commonFilters(input, where);
  where.push(...rangeCondition(input.filters.dates === "interview" ? "i.starts_at" : "a.created_at", bounds));
  if (input.after) {
    if (!input.after.ts) throw new UnsafeValueError("interview keyset needs a time");
    where.push(`(i.starts_at, i.id) > (${instantLit(input.after.ts)}, ${uuidLit(input.after.id)})`);
  }
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
      (select string_agg(ct.name, '; ' order by ct.name)
        from interview_participants p
        join contacts ct on ct.firm_id = p.firm_id and ct.id = p.contact_id
        where p.firm_id = i.firm_id and p.interview_id = i.id) as interviewers,
      ${DEBRIEF_STATE} as debrief_state,
      ${DEBRIEF_FIRST_SUBMITTED} as debrief_submitted_at,
      ${hours(DEBRIEF_FIRST_SUBMITTED, "i.ends_at")} as hours_to_debrief,
      d.expected_decision_on as promised_decision_on,
      ff.first_at as feedback_received_at,
      ${hours("ff.first_at", "i.ends_at")} as hours_to_client_feedback,
      ((ff.first_at at time zone ${textLit(input.timeZone)})::date - d.expected_decision_on) as feedback_days_vs_promise,
      lf.recommendation::text as recommendation,
      lf.decision::text as decision,
      nt.title as next_step,
      nt.due_at as next_step_due_at,
      a.candidate_id::text as candidate_id,
      j.client_id::text as client_id,
      a.job_id::text as job_id,
      coalesce(a.recruiter_user_id, j.owner_user_id)::text as recruiter_id,
      ${iso("i.starts_at", "US")} as _key_ts,
      i.id::text as _key_id
    from interviews i
    join applications a on a.firm_id = i.firm_id and a.id = i.application_id
    join jobs j on j.firm_id = a.firm_id and j.id = a.job_id
    join clients cl on cl.firm_id = j.firm_id and cl.id = j.client_id
    join candidates c on c.firm_id = a.firm_id and c.id = a.candidate_id
    left join users ru on ru.id = coalesce(a.recruiter_user_id, j.owner_user_id)
    left join debriefs d on d.firm_id = i.firm_id and d.interview_id = i.id
    left join lateral (
      select min(f.received_at) as first_at
      from interviewer_feedback f
      where f.firm_id = i.firm_id and f.interview_id = i.id
    ) ff on true
    left join lateral (
      select f.recommendation, f.decision
      from interviewer_feedback f
      where f.firm_id = i.firm_id and f.interview_id = i.id
      order by f.received_at desc, f.id desc
      limit 1
    ) lf on true
    left join (
      select distinct on (t.interview_id) t.interview_id, t.title, t.due_at
      from tasks t
      where t.firm_id = ${F} and t.state = 'open' and t.interview_id is not null
      order by t.interview_id, t.due_at asc nulls last, t.created_at, t.id
    ) nt on nt.interview_id = i.id
    where ${where.join("\n      and ")}`;
  return { sql: sqlText, keys: ["_key_ts", "_key_id"] };
}

/** The report's SELECT as text, every value a validated, escaped literal. */
function buildReportSql(input: BuildInput): string {
  const base = input.report === "applications" ? applicationsBase(input) : interviewsBase(input);
  const all = COLUMNS[input.report];
  const wanted = input.columns ? all.filter((c) => input.columns!.includes(c.key)) : all;
  const select = wanted.map((c) => projection(c, input.escapeFormulas));
  if (input.withKeys) select.push(...base.keys.map((k) => `r.${k}`));
  const order = input.ordered === false ? "" : `\n    order by ${base.keys.map((k) => `r.${k}`).join(", ")}`;
  const limit = input.limit ? `\n    limit ${Math.trunc(input.limit)}` : "";
  return `select ${select.join(",\n      ")}\n    from (${base.sql}\n    ) r${order}${limit}`;
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
