import type { PgTable } from "drizzle-orm/pg-core";
import type * as s from "../schema";
import type { Decision, InterviewStatus, Stage } from "../schema/enums";

// ---------------------------------------------------------------------------
// The shapes the builder keeps in memory for one firm
// ---------------------------------------------------------------------------

export type Insert<T extends PgTable> = T["$inferInsert"];
export type UserRef = { id: string; name: string; email: string };
export type ContactMeta = { id: string; name: string; title: string; email: string; phone: string };
export type ClientMeta = { id: string; name: string; domain: string; contacts: ContactMeta[] };
export type JobMeta = { id: string; title: string; client: ClientMeta; owner: UserRef };
export type CandidateRow = Insert<typeof s.candidates> & { id: string; name: string; email: string };
export type CandidateMeta = { id: string; name: string; email: string; userId: string | null; row: CandidateRow };
export type AppMeta = {
  id: string;
  candidate: CandidateMeta;
  job: JobMeta;
  recruiter: UserRef;
  stage: Stage;
  interviews: InterviewMeta[];
};
export type InterviewRow = Insert<typeof s.interviews> & {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: InterviewStatus;
  arrangedByFirm: boolean;
};
export type DebriefRow = Insert<typeof s.debriefs> & { id: string; status: "draft" | "submitted" };
export type PersonRow = Insert<typeof s.debriefPeople> & {
  id: string;
  name: string;
  email: string;
  thankYouSent: boolean;
  thankYouSentAt: Date | null;
};
export type FeedbackRow = Insert<typeof s.interviewerFeedback> & { id: string; receivedAt: Date; decision: Decision | null };
export type InterviewMeta = {
  row: InterviewRow;
  app: AppMeta;
  contacts: ContactMeta[];
  /** Raw day offset of the round (before moving it onto a workday): what the data's shape is decided on. */
  rawOffset: number;
  debrief: { row: DebriefRow; people: PersonRow[] } | null;
  feedback: FeedbackRow[];
  calls: { id: string; calledAt: Date }[];
  timelineObtainedAt: Date | null;
  invitationAcceptedAt: Date | null;
  /** policyKey → task id, filled by planTasks(). */
  taskIds: Map<string, string>;
};

export type DebriefFields = Omit<
  Insert<typeof s.debriefs>,
  | "firmId"
  | "id"
  | "interviewId"
  | "candidateId"
  | "status"
  | "submittedVersions"
  | "firstSubmittedAt"
  | "submittedAt"
  | "reviewedAt"
  | "reviewedBy"
  | "lastSavedAt"
>;
export type PersonSpec = {
  contact?: ContactMeta;
  name?: string;
  title?: string;
  email?: string;
  phone?: string;
  sentAt?: Date | null;
  channel?: "email" | "letter" | "linkedin" | "other";
  resolution?: "pending" | "confirmed" | "merged" | "dismissed";
};
export type DebriefSpec = {
  status: "draft" | "submitted";
  /** One time per submitted version (the first submission, then amendments). */
  submissions: Date[];
  reviewedAt?: Date | null;
  reviewedBy?: string | null;
  lastSavedAt: Date;
  fields: DebriefFields;
  people: PersonSpec[];
};
