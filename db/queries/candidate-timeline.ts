import { and, desc, eq, or, sql, type SQL } from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import {
  applications,
  applicationStageChanges,
  clients,
  contacts,
  debriefs,
  interviewerFeedback,
  interviews,
  jobs,
  tasks,
  users,
} from "../schema";
import type { Decision, InterviewKind, InterviewStatus, Recommendation, Stage, TaskState } from "../schema/enums";
import { staffDebriefStatus } from "@/lib/core/review/debrief-status";
import type { StaffDebriefStatus, TaskOwnerKind } from "@/lib/core/vocabulary";
import { isStaffScope, type QueryScope } from "./scope";

/** The candidate page's history: every stage change, interview, debrief, piece of feedback and next step, newest first. */

interface EventContext {
  applicationId: string;
  jobId: string;
  jobTitle: string;
  clientName: string;
}

export type TimelineEvent = EventContext &
  (
    | {
        kind: "stage";
        id: string;
        at: Date;
        from: Stage | null;
        to: Stage;
        reason: string;
        by: string | null;
      }
    | {
        kind: "interview";
        id: string;
        at: Date;
        interviewId: string;
        endsAt: Date;
        interviewKind: InterviewKind;
        status: InterviewStatus;
      }
    | { kind: "debrief"; id: string; at: Date; interviewId: string; state: StaffDebriefStatus; interviewKind: InterviewKind }
    | {
        kind: "feedback";
        id: string;
        at: Date;
        interviewId: string;
        recommendation: Recommendation;
        decision: Decision | null;
        contactName: string | null;
      }
    | {
        kind: "task";
        id: string;
        at: Date;
        title: string;
        state: TaskState;
        dueAt: Date | null;
        completedAt: Date | null;
        ownerKind: TaskOwnerKind;
        ownerName: string | null;
        interviewId: string | null;
      }
  );

const changedBy = alias(users, "stage_changed_by");
const taskOwner = alias(users, "task_owner");

/**
 * Everything that happened to one candidate, newest first: stage changes
 * (the first one is being put forward), interviews, debrief states,
 * interviewer feedback (recommendation and decision only) and next steps.
 * Each source is bounded; the candidate's whole history fits.
 */
export async function getCandidateTimeline(scope: QueryScope, candidateId: string): Promise<TimelineEvent[]> {
  if (!isStaffScope(scope)) return [];
  const f = scope.firmId;
  const appJoin = (appId: SQL | AnyPgColumn) => and(eq(applications.firmId, f), eq(applications.id, appId));
  const ctx = { applicationId: applications.id, jobId: jobs.id, jobTitle: jobs.title, clientName: clients.name };
  const jobJoin = and(eq(jobs.firmId, applications.firmId), eq(jobs.id, applications.jobId));
  const clientJoin = and(eq(clients.firmId, jobs.firmId), eq(clients.id, jobs.clientId));
  const ofCandidate = and(eq(applications.firmId, f), eq(applications.candidateId, candidateId));

  const [stages, ivs, briefs, feedback, todo] = await Promise.all([
    scope.db
      .select({
        ...ctx,
        id: applicationStageChanges.id,
        at: applicationStageChanges.changedAt,
        from: applicationStageChanges.fromStage,
        to: applicationStageChanges.toStage,
        reason: applicationStageChanges.reason,
        by: changedBy.name,
      })
      .from(applicationStageChanges)
      .innerJoin(applications, appJoin(applicationStageChanges.applicationId))
      .innerJoin(jobs, jobJoin)
      .innerJoin(clients, clientJoin)
      .leftJoin(changedBy, eq(changedBy.id, applicationStageChanges.changedBy))
      .where(and(eq(applicationStageChanges.firmId, f), ofCandidate))
      .orderBy(desc(applicationStageChanges.changedAt))
      .limit(500),
    scope.db
      .select({
        ...ctx,
        id: interviews.id,
        at: interviews.startsAt,
        endsAt: interviews.endsAt,
        interviewKind: interviews.kind,
        status: interviews.status,
      })
      .from(interviews)
      .innerJoin(applications, appJoin(interviews.applicationId))
      .innerJoin(jobs, jobJoin)
      .innerJoin(clients, clientJoin)
      .where(and(eq(interviews.firmId, f), eq(interviews.candidateId, candidateId), ofCandidate))
      .orderBy(desc(interviews.startsAt))
      .limit(500),
    scope.db
      .select({
        ...ctx,
        id: debriefs.id,
        interviewId: debriefs.interviewId,
        interviewKind: interviews.kind,
        status: debriefs.status,
        submittedVersions: debriefs.submittedVersions,
        submittedAt: debriefs.submittedAt,
        reviewedAt: debriefs.reviewedAt,
        lastSavedAt: debriefs.lastSavedAt,
        createdAt: debriefs.createdAt,
      })
      .from(debriefs)
      .innerJoin(interviews, and(eq(interviews.firmId, debriefs.firmId), eq(interviews.id, debriefs.interviewId)))
      .innerJoin(applications, appJoin(interviews.applicationId))
      .innerJoin(jobs, jobJoin)
      .innerJoin(clients, clientJoin)
      .where(and(eq(debriefs.firmId, f), eq(debriefs.candidateId, candidateId), ofCandidate))
      .limit(500),
    scope.db
      .select({
        ...ctx,
        id: interviewerFeedback.id,
        at: interviewerFeedback.receivedAt,
        interviewId: interviewerFeedback.interviewId,
        recommendation: interviewerFeedback.recommendation,
        decision: interviewerFeedback.decision,
        contactName: contacts.name,
      })
      .from(interviewerFeedback)
      .innerJoin(interviews, and(eq(interviews.firmId, interviewerFeedback.firmId), eq(interviews.id, interviewerFeedback.interviewId)))
      .innerJoin(applications, appJoin(interviews.applicationId))
      .innerJoin(jobs, jobJoin)
      .innerJoin(clients, clientJoin)
      .leftJoin(contacts, and(eq(contacts.firmId, interviewerFeedback.firmId), eq(contacts.id, interviewerFeedback.contactId)))
      .where(and(eq(interviewerFeedback.firmId, f), eq(interviews.candidateId, candidateId), ofCandidate))
      .orderBy(desc(interviewerFeedback.receivedAt))
      .limit(500),
    scope.db
      .select({
        id: tasks.id,
        title: tasks.title,
        state: tasks.state,
        dueAt: tasks.dueAt,
        completedAt: tasks.completedAt,
        createdAt: tasks.createdAt,
        ownerKind: tasks.ownerKind,
        ownerName: taskOwner.name,
        interviewId: tasks.interviewId,
        applicationId: applications.id,
        jobId: jobs.id,
        jobTitle: jobs.title,
        clientName: clients.name,
      })
      .from(tasks)
      .leftJoin(interviews, and(eq(interviews.firmId, tasks.firmId), eq(interviews.id, tasks.interviewId)))
      .leftJoin(
        applications,
        and(
          eq(applications.firmId, tasks.firmId),
          eq(applications.id, sql`coalesce(${tasks.applicationId}, ${interviews.applicationId})`),
          // Every application here is the candidate's: saying so lets the join read their few
          // applications by index. Without it PostgreSQL hashed all the firm's applications
          // (242,000 at the benchmark's tier M: 107 ms of the candidate page, against 1 ms).
          eq(applications.candidateId, candidateId),
        ),
      )
      .leftJoin(jobs, jobJoin)
      .leftJoin(clients, clientJoin)
      .leftJoin(taskOwner, eq(taskOwner.id, tasks.ownerUserId))
      .where(
        and(
          eq(tasks.firmId, f),
          // The candidate's own tasks, and those of their applications and interviews: each side
          // through an index of tasks, so the firm's other tasks are never read.
          or(
            eq(tasks.candidateId, candidateId),
            sql`${tasks.applicationId} = any(array(select a.id from applications a where a.firm_id = ${f} and a.candidate_id = ${candidateId}))`,
            sql`${tasks.interviewId} = any(array(select i.id from interviews i where i.firm_id = ${f} and i.candidate_id = ${candidateId}))`,
          ),
        ),
      )
      .orderBy(desc(tasks.createdAt))
      .limit(500),
  ]);

  const events: TimelineEvent[] = [
    ...stages.map((s) => ({ kind: "stage" as const, ...s })),
    ...ivs.map((i) => ({ kind: "interview" as const, interviewId: i.id, ...i })),
    ...briefs.map((d) => {
      const state = staffDebriefStatus(d);
      const at =
        state === "reviewed" ? d.reviewedAt! : state === "draft" ? (d.lastSavedAt ?? d.createdAt) : (d.submittedAt ?? d.createdAt);
      return {
        kind: "debrief" as const,
        id: d.id,
        at,
        interviewId: d.interviewId,
        interviewKind: d.interviewKind,
        state,
        applicationId: d.applicationId,
        jobId: d.jobId,
        jobTitle: d.jobTitle,
        clientName: d.clientName,
      };
    }),
    ...feedback.map((fb) => ({ kind: "feedback" as const, ...fb })),
    ...todo.map((t) => ({
      kind: "task" as const,
      id: t.id,
      at: t.state === "open" ? (t.dueAt ?? t.createdAt) : (t.completedAt ?? t.dueAt ?? t.createdAt),
      title: t.title,
      state: t.state,
      dueAt: t.dueAt,
      completedAt: t.completedAt,
      ownerKind: t.ownerKind,
      ownerName: t.ownerName,
      interviewId: t.interviewId,
      applicationId: t.applicationId ?? "",
      jobId: t.jobId ?? "",
      jobTitle: t.jobTitle ?? "",
      clientName: t.clientName ?? "",
    })),
  ];
  const order = { task: 0, feedback: 1, debrief: 2, interview: 3, stage: 4 } as const;
  return events.sort((a, b) => b.at.getTime() - a.at.getTime() || order[a.kind] - order[b.kind]);
}
