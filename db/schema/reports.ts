import { sql } from "drizzle-orm";
import { boolean, check, date, doublePrecision, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./_shared";
import { stageEnum } from "./enums";
import { firmIdRef } from "./firms";

/**
 * The reports page's daily rollups (db/queries/reports/rollups.ts): sums of
 * the page's counts per firm, day, client, recruiter and current stage, so
 * the page reads a few rows per day instead of every application and
 * interview. Rebuilt, a day at a time, by the `reports.rollup` job from the
 * marks that triggers leave on every change of their inputs.
 *
 * `basis` says what `day` is: 'application' rows are keyed by the day the
 * application was made (its funnel counts, and its interviews' counts by the
 * week they start in); 'interview' rows by the day the interview starts. Days
 * and weeks are on the firm's calendar (`report_rollup_state.time_zone`).
 */
export const ROLLUP_NONE_DATE = "9999-12-31";
export const ROLLUP_NO_RECRUITER = "00000000-0000-0000-0000-000000000000";

const count = () => integer().notNull().default(0);
const values = () => integer().array().notNull().default(sql`'{}'::int[]`);

/** The page's counts, as every rollup sums them: the funnel's "reached" counts, then the interviews'. */
const summedCounts = () => ({
  reached1: count(),
  reached2: count(),
  reached3: count(),
  reached4: count(),
  reached5: count(),
  interviews: count(),
  completed: count(),
  debriefed: count(),
  promised: count(),
  answered: count(),
  kept: count(),
});

export const reportRollups = pgTable(
  "report_rollups",
  {
    firmId: firmIdRef(),
    basis: text().notNull(),
    day: date({ mode: "string" }).notNull(),
    /** Monday of the interviews' week; ROLLUP_NONE_DATE on an application's own counts. */
    week: date({ mode: "string" }).notNull(),
    clientId: uuid().notNull(),
    /** The application's recruiter (or its job's owner); ROLLUP_NO_RECRUITER for none. */
    recruiterId: uuid().notNull(),
    /** The application's stage now. */
    stage: stageEnum().notNull(),
    /** For promises not answered yet: the promised day (overdue once it is past); else ROLLUP_NONE_DATE. */
    promiseDue: date({ mode: "string" }).notNull(),
    ...summedCounts(),
    openPromises: count(),
    /** The values behind the medians (an exact, mergeable multiset): tenths of hours, whole days. */
    debriefTenths: values(),
    feedbackTenths: values(),
    promiseDays: values(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.basis, t.day, t.week, t.clientId, t.recruiterId, t.stage, t.promiseDue] }),
    check("report_rollups_basis", sql`${t.basis} in ('application', 'interview')`),
    /** Promises not answered yet, by the day they fall due (the "overdue" count). */
    index("report_rollups_open_promises_idx")
      .on(t.firmId, t.basis, t.promiseDue)
      .where(sql`${t.promiseDue} <> '9999-12-31'::date`),
    /** One client's or one recruiter's rows, for the page filtered by them (the key leads with the day). */
    index("report_rollups_client_idx").on(t.firmId, t.basis, t.clientId, t.day),
    index("report_rollups_recruiter_idx").on(t.firmId, t.basis, t.recruiterId, t.day),
  ],
);

/** What the all-time totals are kept for: the firm, each recruiter, each client, and (interviews only) each week. */
export const ROLLUP_TOTAL_DIMS = ["firm", "recruiter", "client", "week"] as const;

/**
 * The firm's whole history summed per firm, recruiter, client and week —
 * a few thousand rows however many interviews the firm has had — kept equal
 * to the sum of its daily rollups: every rebuild of a day takes the day's old
 * rows out and adds its new ones, in the same transaction. The page with no
 * filter (every day, every client, recruiter and stage) reads these instead
 * of the daily rows. `basis` as in report_rollups: 'application' holds the
 * funnel (the applications' own rows), 'interview' the interviews'.
 * `rollupRows` counts the daily rows summed in (a row at zero is removed).
 */
export const reportRollupTotals = pgTable(
  "report_rollup_totals",
  {
    firmId: firmIdRef(),
    basis: text().notNull(),
    dim: text().notNull(),
    /** '' for the firm; the recruiter's or client's id; the week's Monday (YYYY-MM-DD). */
    key: text().notNull(),
    rollupRows: integer().notNull().default(0),
    ...summedCounts(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.basis, t.dim, t.key] }),
    check("report_rollup_totals_basis", sql`${t.basis} in ('application', 'interview')`),
    check("report_rollup_totals_dim", sql`${t.dim} in ('firm', 'recruiter', 'client', 'week')`),
  ],
);

/**
 * The values behind the all-time medians, as counts per value (an exact
 * histogram: tenths of hours and whole days repeat, so a firm's million
 * values are a few tens of thousands of rows), per firm, recruiter and
 * client; kept with report_rollup_totals. `measure`: 1 tenths of hours to
 * the debrief, 2 tenths of hours to the client's feedback, 3 days against the
 * promised decision.
 */
export const reportRollupValues = pgTable(
  "report_rollup_values",
  {
    firmId: firmIdRef(),
    dim: text().notNull(),
    key: text().notNull(),
    measure: integer().notNull(),
    value: integer().notNull(),
    n: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.dim, t.key, t.measure, t.value] }),
    check("report_rollup_values_dim", sql`${t.dim} in ('firm', 'recruiter', 'client')`),
  ],
);

/**
 * The all-time medians of report_rollup_values, per firm, recruiter, client
 * and measure: the lower middle value (percentile_disc(0.5)) and the midpoint
 * (percentile_cont(0.5)). Worked out again for the recruiters and clients
 * whose values a rebuild of days changed, in the same transaction, so the page
 * with no filter reads them instead of ranking a big firm's ~80,000 value rows.
 */
export const reportRollupMedians = pgTable(
  "report_rollup_medians",
  {
    firmId: firmIdRef(),
    dim: text().notNull(),
    key: text().notNull(),
    measure: integer().notNull(),
    lo: doublePrecision().notNull(),
    mid: doublePrecision().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.firmId, t.dim, t.key, t.measure] }),
    check("report_rollup_medians_dim", sql`${t.dim} in ('firm', 'recruiter', 'client')`),
  ],
);

/**
 * The daily rollups summed per calendar month ('2026-03') and quarter
 * ('2026-Q1') of their day, per firm, recruiter, client and week, for each
 * basis — kept equal to the sum of the period's daily rows by every rebuild of
 * a day, as report_rollup_totals is kept for the whole history. A range of one
 * whole month or quarter with no other filter (the commonest report after
 * "everything") reads these instead of the period's daily rows. Unlike the
 * all-time totals, the 'application' basis holds both the funnel and the
 * interviews of the applications made in the period.
 */
// Keyed by the period before the basis: a rebuild of days touches its periods of both bases.
export const reportRollupPeriodTotals = pgTable(
  "report_rollup_period_totals",
  {
    firmId: firmIdRef(),
    basis: text().notNull(),
    period: text().notNull(),
    dim: text().notNull(),
    /** '' for the firm; the recruiter's or client's id; the week's Monday (YYYY-MM-DD). */
    key: text().notNull(),
    rollupRows: integer().notNull().default(0),
    /** Of those, the rows of interviews (not of the funnel): the page lists a group's interviews only if it has some. */
    interviewRows: integer().notNull().default(0),
    ...summedCounts(),
  },
  (t) => [
    primaryKey({ name: "report_rollup_period_totals_pk", columns: [t.firmId, t.period, t.basis, t.dim, t.key] }),
    check("report_rollup_period_totals_basis", sql`${t.basis} in ('application', 'interview')`),
    check("report_rollup_period_totals_dim", sql`${t.dim} in ('firm', 'recruiter', 'client', 'week')`),
  ],
);

/**
 * A month's or quarter's medians (as report_rollup_medians), per basis, worked
 * out from the period's daily rows by every rebuild of a day in it.
 */
export const reportRollupPeriodMedians = pgTable(
  "report_rollup_period_medians",
  {
    firmId: firmIdRef(),
    basis: text().notNull(),
    period: text().notNull(),
    dim: text().notNull(),
    key: text().notNull(),
    measure: integer().notNull(),
    lo: doublePrecision().notNull(),
    mid: doublePrecision().notNull(),
  },
  (t) => [
    primaryKey({ name: "report_rollup_period_medians_pk", columns: [t.firmId, t.period, t.basis, t.dim, t.key, t.measure] }),
    check("report_rollup_period_medians_dim", sql`${t.dim} in ('firm', 'recruiter', 'client')`),
  ],
);

/** Instants whose days need rebuilding, appended by triggers in the changes' own transactions (never updated). */
export const reportRollupMarks = pgTable(
  "report_rollup_marks",
  {
    firmId: firmIdRef(),
    id: uuid().notNull().default(sql`gen_random_uuid()`),
    at: timestamp({ withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.firmId, t.id] }), index("report_rollup_marks_created_idx").on(t.firmId, t.createdAt)],
);

/** Per firm: the calendar the rollups are built on, how far the backfill has come, and when they were last brought up to date. */
export const reportRollupState = pgTable(
  "report_rollup_state",
  {
    firmId: firmIdRef(),
    timeZone: text().notNull(),
    /** The next day the backfill rebuilds, up to `backfillUntil`. */
    backfillNext: date({ mode: "string" }).notNull(),
    backfillUntil: date({ mode: "string" }).notNull(),
    complete: boolean().notNull().default(false),
    /** The rollups hold every change committed before this instant. */
    freshAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.firmId] })],
);
