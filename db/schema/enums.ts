import { pgEnum } from "drizzle-orm/pg-core";
import * as V from "@/lib/core/vocabulary";

/** The database enums, made from the vocabulary in lib/core/vocabulary.ts. */
export const roleEnum = pgEnum("role", V.ROLES);
export const membershipStatusEnum = pgEnum("membership_status", V.MEMBERSHIP_STATUSES);
export const jobStatusEnum = pgEnum("job_status", V.JOB_STATUSES);
export const stageEnum = pgEnum("application_stage", V.STAGES);
export const interviewKindEnum = pgEnum("interview_kind", V.INTERVIEW_KINDS);
export const interviewStatusEnum = pgEnum("interview_status", V.INTERVIEW_STATUSES);
export const debriefStatusEnum = pgEnum("debrief_status", V.DEBRIEF_STATUSES);
export const timelineGivenEnum = pgEnum("timeline_given", V.TIMELINE_GIVEN);
export const callInvitationEnum = pgEnum("call_invitation", V.CALL_INVITATIONS);
export const thankYouChannelEnum = pgEnum("thank_you_channel", V.THANK_YOU_CHANNELS);
export const personResolutionEnum = pgEnum("person_resolution", V.PERSON_RESOLUTIONS);
export const feedbackChannelEnum = pgEnum("feedback_channel", V.FEEDBACK_CHANNELS);
export const ratingEnum = pgEnum("rating", V.RATINGS);
export const recommendationEnum = pgEnum("recommendation", V.RECOMMENDATIONS);
export const decisionEnum = pgEnum("client_decision", V.DECISIONS);
export const taskStateEnum = pgEnum("task_state", V.TASK_STATES);
export const taskOwnerKindEnum = pgEnum("task_owner_kind", V.TASK_OWNER_KINDS);
export const outboxStatusEnum = pgEnum("outbox_status", V.OUTBOX_STATUSES);
export const exportStatusEnum = pgEnum("export_status", V.EXPORT_STATUSES);
export const backgroundJobStateEnum = pgEnum("background_job_state", V.BACKGROUND_JOB_STATES);

export { STAGES } from "@/lib/core/vocabulary";
export type { Stage, Role, InterviewKind, InterviewStatus, Rating, Recommendation, Decision, TaskState } from "@/lib/core/vocabulary";
