import { pgEnum } from "drizzle-orm/pg-core";

export const roleEnum = pgEnum("role", ["admin", "recruiter", "candidate"]);
export const membershipStatusEnum = pgEnum("membership_status", ["active", "deactivated"]);
export const jobStatusEnum = pgEnum("job_status", ["open", "on_hold", "filled", "closed"]);
export const stageEnum = pgEnum("application_stage", [
  "sourced",
  "submitted",
  "interviewing",
  "offer",
  "placed",
  "rejected",
  "withdrawn",
]);
export const interviewKindEnum = pgEnum("interview_kind", ["phone_screen", "video", "onsite", "panel", "final"]);
export const interviewStatusEnum = pgEnum("interview_status", ["scheduled", "completed", "cancelled", "no_show"]);
export const debriefStatusEnum = pgEnum("debrief_status", ["draft", "submitted"]);
export const timelineGivenEnum = pgEnum("timeline_given", ["yes", "no", "unsure"]);
export const thankYouChannelEnum = pgEnum("thank_you_channel", ["email", "letter", "linkedin", "other"]);
export const personResolutionEnum = pgEnum("person_resolution", ["pending", "confirmed", "merged", "dismissed"]);
export const feedbackChannelEnum = pgEnum("feedback_channel", ["call", "email", "other"]);
export const ratingEnum = pgEnum("rating", ["definitely_not", "no", "mixed", "yes", "strong_yes"]);
export const recommendationEnum = pgEnum("recommendation", [
  "strong_yes",
  "yes",
  "no",
  "definitely_not",
  "no_decision",
]);
export const decisionEnum = pgEnum("client_decision", ["next_round", "offer", "hold", "reject"]);
export const taskStateEnum = pgEnum("task_state", ["open", "done", "skipped"]);
export const taskOwnerKindEnum = pgEnum("task_owner_kind", ["recruiter", "candidate"]);
export const outboxStatusEnum = pgEnum("outbox_status", ["pending", "sent", "failed", "logged"]);
export const exportStatusEnum = pgEnum("export_status", ["running", "done", "failed", "cancelled"]);

export const STAGES = stageEnum.enumValues;
export type Stage = (typeof STAGES)[number];
export type Role = (typeof roleEnum.enumValues)[number];
export type InterviewKind = (typeof interviewKindEnum.enumValues)[number];
export type InterviewStatus = (typeof interviewStatusEnum.enumValues)[number];
export type Rating = (typeof ratingEnum.enumValues)[number];
export type Recommendation = (typeof recommendationEnum.enumValues)[number];
export type Decision = (typeof decisionEnum.enumValues)[number];
export type TaskState = (typeof taskStateEnum.enumValues)[number];
/** A background job: waiting (or waiting to retry), being run, finished, or given up after its attempts. */
export const backgroundJobStateEnum = pgEnum("background_job_state", ["queued", "running", "done", "failed"]);
