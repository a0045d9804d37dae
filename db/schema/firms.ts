import { sql } from "drizzle-orm";
import { boolean, date, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt, version } from "./_shared";

/**
 * Every number of the follow-up policy is a firm setting. The policy: (1) no
 * timeline at the interview → the recruiter gets one from the client; (2) a
 * thank-you note to each person met; (3) the candidate's debrief, the
 * recruiter's review of it and the client's feedback follow promptly; (4) no
 * calls to the interviewer, except the one the debrief gives a reason for (a
 * named day, a no-news or promised date, an invitation without a date); (5)
 * no unannounced visits, unless invited back; (6) patience until the promised
 * decision date plus a grace, then the recruiter chases.
 */
export type FollowUpPolicySettings = {
  /** rule 2: thank-you notes due this many hours after the interview ends */
  thankYouWithinHours: number;
  /** rule 3: the candidate's debrief is due this many hours after the interview ends */
  debriefWithinHours: number;
  /** rule 3: the recruiter collects client feedback within this many business days */
  feedbackWithinBusinessDays: number;
  /**
   * rule 4: the one allowed call opens this many business days after a
   * no-news or promised decision date; an invitation without a date allows it
   * within this many business days of the interview
   */
  callAfterBusinessDays: number;
  /** rule 4: how many business days the call after a no-news or promised date stays allowed */
  callWindowBusinessDays: number;
  /** rule 6: the wait on the employer lasts until the expected date plus this grace */
  decisionGraceBusinessDays: number;
  /** rule 1: the recruiter gets a timeline from the client within this many business days */
  timelineTaskWithinBusinessDays: number;
};

export const DEFAULT_POLICY: FollowUpPolicySettings = {
  thankYouWithinHours: 24,
  debriefWithinHours: 24,
  feedbackWithinBusinessDays: 2,
  callAfterBusinessDays: 3,
  callWindowBusinessDays: 1,
  decisionGraceBusinessDays: 2,
  timelineTaskWithinBusinessDays: 1,
};

/**
 * A firm's stored policy with the defaults filled in: a number added to the
 * policy after the firm was created (callWindowBusinessDays) is missing from
 * its jsonb until an admin saves the settings again.
 */
export function policyWithDefaults(stored: Partial<FollowUpPolicySettings> | null | undefined): FollowUpPolicySettings {
  const out: FollowUpPolicySettings = { ...DEFAULT_POLICY };
  for (const key of Object.keys(DEFAULT_POLICY) as (keyof FollowUpPolicySettings)[]) {
    const value = stored?.[key];
    if (typeof value === "number" && Number.isFinite(value)) out[key] = value;
  }
  return out;
}

export const firms = pgTable("firms", {
  id: id().primaryKey(),
  name: text().notNull(),
  slug: text().notNull().unique(),
  timeZone: text().notNull().default("America/New_York"),
  holidays: date({ mode: "string" }).array().notNull().default(sql`'{}'::date[]`),
  policy: jsonb().$type<FollowUpPolicySettings>().notNull().default(DEFAULT_POLICY),
  sessionIdleMinutes: integer().notNull().default(30),
  sessionAbsoluteHours: integer().notNull().default(12),
  mfaRequired: boolean().notNull().default(true),
  /** Candidates get a short email when a plan step needs them (notes due soon, the call window opening). */
  candidateReminders: boolean().notNull().default(true),
  retentionDays: integer(),
  /** How long a feedback link sent to a client's interviewer works, in days. */
  feedbackLinkDays: integer().notNull().default(14),
  /**
   * False while the stored queue state (interview_queue) is being filled in
   * for the firm's existing interviews; the queue works its items out from the
   * records until then.
   */
  queueStateReady: boolean().notNull().default(true),
  /** Marks data made by `db:seed --scale`; the bench refuses databases holding anything else. */
  isBenchmark: boolean().notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  version: version(),
});

export type Firm = typeof firms.$inferSelect;
export type FirmId = Firm["id"];
export const firmIdRef = () => uuid().notNull().references(() => firms.id, { onDelete: "cascade" });

/** The key columns of a tenant table: its firm (deleted with the firm) and its own id. */
export const tenantKey = () => ({ firmId: firmIdRef(), id: id() });
