/**
 * The two pipeline reports and their columns. One definition serves the SQL
 * (db/queries/reports/), the CSV and XLSX writers, the BI API and the
 * README's column list, so a column cannot mean one thing in a file and
 * another on the page.
 *
 * Times are instants, written as ISO 8601 in UTC ("2026-03-02T14:30:00.000Z");
 * dates are calendar dates in the firm's time zone ("2026-03-06").
 */

export type ColumnType = "text" | "timestamp" | "date" | "integer" | "number";

export interface ColumnDef {
  /** The header in CSV and XLSX files and the key in API JSON. */
  key: string;
  type: ColumnType;
  /** One line for the README and the API's documentation. */
  description: string;
  /** Width of the XLSX column, in characters. */
  width?: number;
}

export const REPORTS = ["applications", "interviews"] as const;
export type ReportKind = (typeof REPORTS)[number];

export const REPORT_LABELS: Record<ReportKind, string> = {
  applications: "Applications",
  interviews: "Interviews",
};

export const REPORT_DESCRIPTIONS: Record<ReportKind, string> = {
  applications: "One row per application, ordered by application id (the order they were created in).",
  interviews: "One row per interview, ordered by the interview's start time.",
};

const ids: ColumnDef[] = [
  { key: "candidate_id", type: "text", description: "The candidate's id.", width: 38 },
  { key: "client_id", type: "text", description: "The client's id.", width: 38 },
  { key: "job_id", type: "text", description: "The job's id.", width: 38 },
  { key: "recruiter_id", type: "text", description: "The recruiter's user id (empty when nobody is assigned).", width: 38 },
];

export const APPLICATION_COLUMNS: readonly ColumnDef[] = [
  { key: "application_id", type: "text", description: "The application's id.", width: 38 },
  { key: "candidate", type: "text", description: "The candidate's name.", width: 24 },
  { key: "client", type: "text", description: "The client (employer) the job belongs to.", width: 24 },
  { key: "job", type: "text", description: "The job's title.", width: 28 },
  {
    key: "recruiter",
    type: "text",
    description: "The application's recruiter, or the job's owner when the application has none.",
    width: 20,
  },
  {
    key: "stage",
    type: "text",
    description: "The current stage: sourced, submitted, interviewing, offer, placed, rejected or withdrawn.",
    width: 13,
  },
  {
    key: "furthest_stage",
    type: "text",
    description: "The furthest pipeline stage the application ever reached (from its stage history), even if it was later rejected.",
    width: 14,
  },
  { key: "applied_at", type: "timestamp", description: "When the candidate was put forward for the job.", width: 20 },
  { key: "stage_changed_at", type: "timestamp", description: "When the application entered its current stage.", width: 20 },
  { key: "offer_at", type: "timestamp", description: "When the application first reached the offer stage.", width: 20 },
  { key: "placed_at", type: "timestamp", description: "When the application first reached the placed stage.", width: 20 },
  { key: "closed_reason", type: "text", description: "Why it was rejected or withdrawn.", width: 24 },
  { key: "interviews", type: "integer", description: "Interviews scheduled for the application (any status).", width: 11 },
  { key: "completed_interviews", type: "integer", description: "Of those, the interviews that took place.", width: 11 },
  {
    key: "latest_interview_at",
    type: "timestamp",
    description: "Start of the latest interview that was not cancelled; the columns up to next_step describe that interview.",
    width: 20,
  },
  { key: "latest_interview_kind", type: "text", description: "Its kind: phone_screen, video, onsite, panel or final.", width: 13 },
  { key: "latest_interview_status", type: "text", description: "Its status: scheduled, completed or no_show.", width: 13 },
  {
    key: "debrief_state",
    type: "text",
    description: "Its debrief: none, draft, submitted, or reviewed (submitted and gone through by the recruiter).",
    width: 12,
  },
  {
    key: "hours_to_debrief",
    type: "number",
    description: "Hours from the interview's end to the candidate's first submitted debrief.",
    width: 10,
  },
  {
    key: "recommendation",
    type: "text",
    description: "The interviewer's overall recommendation in the latest feedback: strong_yes, yes, no, definitely_not or no_decision.",
    width: 14,
  },
  { key: "decision", type: "text", description: "The client's decision in that feedback: next_round, offer, hold or reject.", width: 11 },
  {
    key: "hours_to_client_feedback",
    type: "number",
    description: "Hours from the interview's end to the first interviewer feedback recorded.",
    width: 10,
  },
  { key: "next_step", type: "text", description: "The open next step (task) on the application that is due first.", width: 36 },
  { key: "next_step_due_at", type: "timestamp", description: "When that next step is due.", width: 20 },
  ...ids,
];

export const INTERVIEW_COLUMNS: readonly ColumnDef[] = [
  { key: "interview_id", type: "text", description: "The interview's id.", width: 38 },
  { key: "application_id", type: "text", description: "The application it belongs to.", width: 38 },
  { key: "candidate", type: "text", description: "The candidate's name.", width: 24 },
  { key: "client", type: "text", description: "The client (employer).", width: 24 },
  { key: "job", type: "text", description: "The job's title.", width: 28 },
  {
    key: "recruiter",
    type: "text",
    description: "The application's recruiter, or the job's owner when the application has none.",
    width: 20,
  },
  { key: "stage", type: "text", description: "The application's current stage.", width: 13 },
  { key: "kind", type: "text", description: "phone_screen, video, onsite, panel or final.", width: 13 },
  { key: "status", type: "text", description: "scheduled, completed, cancelled or no_show.", width: 11 },
  { key: "starts_at", type: "timestamp", description: "When the interview starts.", width: 20 },
  { key: "ends_at", type: "timestamp", description: "When it ends.", width: 20 },
  { key: "interviewers", type: "text", description: "The client contacts who interviewed, separated by \"; \".", width: 30 },
  {
    key: "debrief_state",
    type: "text",
    description: "The candidate's debrief: none, draft, submitted, or reviewed (submitted and gone through by the recruiter).",
    width: 12,
  },
  { key: "debrief_submitted_at", type: "timestamp", description: "When the debrief was first submitted.", width: 20 },
  { key: "hours_to_debrief", type: "number", description: "Hours from the interview's end to that first submission.", width: 10 },
  {
    key: "promised_decision_on",
    type: "date",
    description: "The date the interviewer promised a decision by, as the candidate's debrief records it.",
    width: 12,
  },
  { key: "feedback_received_at", type: "timestamp", description: "When the first interviewer feedback was received.", width: 20 },
  {
    key: "hours_to_client_feedback",
    type: "number",
    description: "Hours from the interview's end to that first feedback.",
    width: 10,
  },
  {
    key: "feedback_days_vs_promise",
    type: "integer",
    description:
      "Days between the promised date and the day the first feedback came (firm's calendar): negative = early, 0 = on the day, positive = late.",
    width: 10,
  },
  {
    key: "recommendation",
    type: "text",
    description: "The interviewer's overall recommendation in the latest feedback.",
    width: 14,
  },
  { key: "decision", type: "text", description: "The client's decision in that feedback.", width: 11 },
  { key: "next_step", type: "text", description: "The open next step (task) on the interview that is due first.", width: 36 },
  { key: "next_step_due_at", type: "timestamp", description: "When that next step is due.", width: 20 },
  ...ids,
];

export const COLUMNS: Record<ReportKind, readonly ColumnDef[]> = {
  applications: APPLICATION_COLUMNS,
  interviews: INTERVIEW_COLUMNS,
};

export type CellValue = string | number | Date | null;
/** A report row as the app uses it: text as strings, times as Dates, numbers as numbers. */
export type ReportRow = Record<string, CellValue>;

/** A typed value from the text the database sends (every report column is selected as text). */
export function parseCell(type: ColumnType, raw: unknown): CellValue {
  if (raw === null || raw === undefined) return null;
  const text = String(raw);
  switch (type) {
    case "text":
    case "date":
      return text;
    case "timestamp":
      return new Date(text);
    case "integer":
    case "number":
      return Number(text);
  }
}

export function parseRow(columns: readonly ColumnDef[], raw: Record<string, unknown>): ReportRow {
  const row: ReportRow = {};
  for (const c of columns) row[c.key] = parseCell(c.type, raw[c.key]);
  return row;
}
