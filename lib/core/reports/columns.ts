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

/** A column: its key, its type, its XLSX width and the line that documents it. */
function col(key: string, type: ColumnType, width: number, description: string): ColumnDef {
  return { key, type, description, width };
}

/** Columns both reports share, word for word. */
const CANDIDATE = col("candidate", "text", 24, "The candidate's name.");
const JOB = col("job", "text", 28, "The job's title.");
const RECRUITER = col("recruiter", "text", 20, "The application's recruiter, or the job's owner when the application has none.");
const NEXT_STEP_DUE_AT = col("next_step_due_at", "timestamp", 20, "When that next step is due.");

const ids: readonly ColumnDef[] = [
  col("candidate_id", "text", 38, "The candidate's id."),
  col("client_id", "text", 38, "The client's id."),
  col("job_id", "text", 38, "The job's id."),
  col("recruiter_id", "text", 38, "The recruiter's user id (empty when nobody is assigned)."),
];

export const APPLICATION_COLUMNS: readonly ColumnDef[] = [
  col("application_id", "text", 38, "The application's id."),
  CANDIDATE,
  col("client", "text", 24, "The client (employer) the job belongs to."),
  JOB,
  RECRUITER,
  col("stage", "text", 13, "The current stage: sourced, submitted, interviewing, offer, placed, rejected or withdrawn."),
  col("furthest_stage", "text", 14, "The furthest pipeline stage the application ever reached (from its stage history), even if it was later rejected."),
  col("applied_at", "timestamp", 20, "When the candidate was put forward for the job."),
  col("stage_changed_at", "timestamp", 20, "When the application entered its current stage."),
  col("offer_at", "timestamp", 20, "When the application first reached the offer stage."),
  col("placed_at", "timestamp", 20, "When the application first reached the placed stage."),
  col("closed_reason", "text", 24, "Why it was rejected or withdrawn."),
  col("interviews", "integer", 11, "Interviews scheduled for the application (any status)."),
  col("completed_interviews", "integer", 11, "Of those, the interviews that took place."),
  col("latest_interview_at", "timestamp", 20, "Start of the latest interview that was not cancelled; the columns up to next_step describe that interview."),
  col("latest_interview_kind", "text", 13, "Its kind: phone_screen, video, onsite, panel or final."),
  col("latest_interview_status", "text", 13, "Its status: scheduled, completed or no_show."),
  col("debrief_state", "text", 12, "Its debrief: none, draft, submitted, or reviewed (submitted and gone through by the recruiter)."),
  col("hours_to_debrief", "number", 10, "Hours from the interview's end to the candidate's first submitted debrief."),
  col("recommendation", "text", 14, "The interviewer's overall recommendation in the latest feedback: strong_yes, yes, no, definitely_not or no_decision."),
  col("decision", "text", 11, "The client's decision in that feedback: next_round, offer, hold or reject."),
  col("hours_to_client_feedback", "number", 10, "Hours from the interview's end to the first interviewer feedback recorded."),
  col("next_step", "text", 36, "The open next step (task) on the application that is due first."),
  NEXT_STEP_DUE_AT,
  ...ids,
];

export const INTERVIEW_COLUMNS: readonly ColumnDef[] = [
  col("interview_id", "text", 38, "The interview's id."),
  col("application_id", "text", 38, "The application it belongs to."),
  CANDIDATE,
  col("client", "text", 24, "The client (employer)."),
  JOB,
  RECRUITER,
  col("stage", "text", 13, "The application's current stage."),
  col("kind", "text", 13, "phone_screen, video, onsite, panel or final."),
  col("status", "text", 11, "scheduled, completed, cancelled or no_show."),
  col("starts_at", "timestamp", 20, "When the interview starts."),
  col("ends_at", "timestamp", 20, "When it ends."),
  col("interviewers", "text", 30, "The client contacts who interviewed, separated by \"; \"."),
  col("debrief_state", "text", 12, "The candidate's debrief: none, draft, submitted, or reviewed (submitted and gone through by the recruiter)."),
  col("debrief_submitted_at", "timestamp", 20, "When the debrief was first submitted."),
  col("hours_to_debrief", "number", 10, "Hours from the interview's end to that first submission."),
  col("promised_decision_on", "date", 12, "The date the interviewer promised a decision by, as the candidate's debrief records it."),
  col("feedback_received_at", "timestamp", 20, "When the first interviewer feedback was received."),
  col("hours_to_client_feedback", "number", 10, "Hours from the interview's end to that first feedback."),
  col("feedback_days_vs_promise", "integer", 10, "Days between the promised date and the day the first feedback came (firm's calendar): negative = early, 0 = on the day, positive = late."),
  col("recommendation", "text", 14, "The interviewer's overall recommendation in the latest feedback."),
  col("decision", "text", 11, "The client's decision in that feedback."),
  col("next_step", "text", 36, "The open next step (task) on the interview that is due first."),
  NEXT_STEP_DUE_AT,
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
