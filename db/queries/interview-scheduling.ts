import { and, eq, inArray } from "drizzle-orm";
import {
  applications,
  clients,
  contacts,
  interviewParticipants,
  interviews,
  jobs,
} from "../schema";
import type { InterviewKind, InterviewStatus, Stage } from "../schema/enums";
import { ENDED_STAGES } from "@/lib/core/vocabulary";
import { recordAudit } from "./audit";
import { moveApplication } from "./applications";
import { interviewColumns, interviewKind, type InterviewRecord } from "./interviews";
import { isStaffScope, type QueryScope, withTx } from "./scope";
import { changeAtVersion, changedFields, lockRow, NOT_FOUND, type SaveResult, updateVersioned } from "./versioned";

/** Scheduling, rescheduling and the status of interviews (the reads are in ./interviews). */

const jobJoin = and(eq(jobs.firmId, applications.firmId), eq(jobs.id, applications.jobId));
const clientJoin = and(eq(clients.firmId, jobs.firmId), eq(clients.id, jobs.clientId));

export interface InterviewFields {
  kind: InterviewKind;
  startsAt: Date;
  endsAt: Date;
  location: string;
  videoUrl: string;
  arrangedByFirm: boolean;
  notes: string;
  /** Interviewers: contacts of the job's client. */
  contactIds: string[];
}

/** The interview's own columns from the form (the interviewers are stored apart). */
function storedFields(input: InterviewFields) {
  return {
    kind: input.kind,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    location: input.location,
    videoUrl: input.videoUrl,
    arrangedByFirm: input.arrangedByFirm,
    notes: input.notes,
  };
}

/**
 * The interviewers must be the client's own people: a contact of another
 * client (or another firm) is refused by name, next to the field.
 */
async function checkInterviewers(
  scope: QueryScope,
  client: { id: string; name: string },
  contactIds: string[],
  alreadyOn: string[] = [],
): Promise<string[] | null> {
  const ids = [...new Set(contactIds)];
  if (ids.length === 0) return null;
  const found = await scope.db
    .select({
      id: contacts.id,
      name: contacts.name,
      clientId: contacts.clientId,
      clientName: clients.name,
      archivedAt: contacts.archivedAt,
    })
    .from(contacts)
    .innerJoin(clients, and(eq(clients.firmId, contacts.firmId), eq(clients.id, contacts.clientId)))
    .where(and(eq(contacts.firmId, scope.firmId), inArray(contacts.id, ids)));
  const errors: string[] = [];
  if (found.length < ids.length) errors.push("One of the interviewers does not exist or you do not have access to it.");
  for (const c of found) {
    if (c.clientId !== client.id) {
      errors.push(`${c.name} works at ${c.clientName}, not ${client.name}. Choose interviewers from ${client.name}'s contacts.`);
    } else if (c.archivedAt && !alreadyOn.includes(c.id)) {
      errors.push(`${c.name} is archived. Restore the contact or choose someone else.`);
    }
  }
  return errors.length > 0 ? errors : null;
}

function timeErrors(input: { startsAt: Date; endsAt: Date }): Record<string, string[]> | null {
  if (Number.isNaN(input.startsAt.getTime())) return { startTime: ["Enter the start time."] };
  if (Number.isNaN(input.endsAt.getTime())) return { endTime: ["Enter the end time."] };
  if (input.endsAt.getTime() <= input.startsAt.getTime()) {
    return { endTime: ["The interview ends before it starts. Make the end time later than the start time."] };
  }
  if (input.endsAt.getTime() - input.startsAt.getTime() > 24 * 3600_000) {
    return { endTime: ["An interview lasts at most a day. Check the end time."] };
  }
  return null;
}

const CLOSED_FOR_INTERVIEWS: Stage[] = [...ENDED_STAGES];

/**
 * Schedules a round for an application. An application still sourced or
 * submitted moves to interviewing with it (kept in the stage history), since
 * that is what scheduling an interview means.
 */
export async function scheduleInterview(
  scope: QueryScope,
  input: InterviewFields & { applicationId: string },
): Promise<SaveResult<InterviewRecord & { stageMoved: boolean }>> {
  if (!isStaffScope(scope)) return NOT_FOUND;
  const badTime = timeErrors(input);
  if (badTime) return { ok: false, reason: "invalid", fieldErrors: badTime };
  return scope.db.transaction(async (tx): Promise<SaveResult<InterviewRecord & { stageMoved: boolean }>> => {
    const txScope = withTx(scope, tx);
    const [app] = await tx
      .select({
        id: applications.id,
        candidateId: applications.candidateId,
        stage: applications.stage,
        version: applications.version,
        clientId: clients.id,
        clientName: clients.name,
      })
      .from(applications)
      .innerJoin(jobs, jobJoin)
      .innerJoin(clients, clientJoin)
      .where(and(eq(applications.firmId, scope.firmId), eq(applications.id, input.applicationId)))
      .limit(1);
    if (!app) {
      return { ok: false, reason: "invalid", fieldErrors: { applicationId: ["That application does not exist or you do not have access to it."] } };
    }
    if (CLOSED_FOR_INTERVIEWS.includes(app.stage)) {
      return {
        ok: false,
        reason: "invalid",
        fieldErrors: { applicationId: [`This application is ${app.stage}. Move it back into the pipeline before scheduling.`] },
      };
    }
    const interviewerErrors = await checkInterviewers(txScope, { id: app.clientId, name: app.clientName }, input.contactIds);
    if (interviewerErrors) return { ok: false, reason: "invalid", fieldErrors: { contactIds: interviewerErrors } };
    const [row] = await tx
      .insert(interviews)
      .values({
        firmId: scope.firmId,
        applicationId: app.id,
        candidateId: app.candidateId,
        ...storedFields(input),
        createdBy: scope.userId,
      })
      .returning(interviewColumns);
    const contactIds = [...new Set(input.contactIds)];
    if (contactIds.length > 0) {
      await tx
        .insert(interviewParticipants)
        .values(contactIds.map((contactId) => ({ firmId: scope.firmId, interviewId: row!.id, contactId })));
    }
    await recordAudit(txScope, {
      action: "interview.create",
      entityType: "interview",
      entityId: row!.id,
      changes: {
        applicationId: app.id,
        kind: input.kind,
        startsAt: input.startsAt.toISOString(),
        endsAt: input.endsAt.toISOString(),
        contactIds,
      },
    });
    let stageMoved = false;
    if (app.stage === "sourced" || app.stage === "submitted") {
      const moved = await moveApplication(txScope, { id: app.id, version: app.version, stage: "interviewing", reason: "Interview scheduled" });
      stageMoved = moved.ok;
    }
    return { ok: true, value: { ...row!, stageMoved } };
  });
}

export type InterviewConflict = InterviewRecord & { contactIds: string[] };

/**
 * Changes when, where and with whom. A cancelled or no-show round that is
 * rescheduled is scheduled again; a completed one stays as it happened. The
 * use case (lib/interviews/reschedule-interview.ts) syncs the plan with it.
 */
export async function rescheduleInterview(
  scope: QueryScope,
  input: InterviewFields & { id: string; version: number },
): Promise<SaveResult<InterviewRecord, InterviewConflict>> {
  if (!isStaffScope(scope)) return NOT_FOUND;
  const badTime = timeErrors(input);
  if (badTime) return { ok: false, reason: "invalid", fieldErrors: badTime };
  return scope.db.transaction(async (tx): Promise<SaveResult<InterviewRecord, InterviewConflict>> => {
    const txScope = withTx(scope, tx);
    const before = await lockRow(txScope, interviewKind, input.id);
    if (!before) return NOT_FOUND;
    const current = await tx
      .select({ contactId: interviewParticipants.contactId })
      .from(interviewParticipants)
      .where(and(eq(interviewParticipants.firmId, scope.firmId), eq(interviewParticipants.interviewId, input.id)));
    const currentIds = current.map((c) => c.contactId).sort();
    if (before.version !== input.version) return { ok: false, reason: "conflict", current: { ...before, contactIds: currentIds } };
    if (before.status === "completed") {
      return {
        ok: false,
        reason: "invalid",
        fieldErrors: { date: ["This interview has already taken place. Schedule a new round instead."] },
      };
    }
    const [client] = await tx
      .select({ id: clients.id, name: clients.name })
      .from(applications)
      .innerJoin(jobs, jobJoin)
      .innerJoin(clients, clientJoin)
      .where(and(eq(applications.firmId, scope.firmId), eq(applications.id, before.applicationId)))
      .limit(1);
    const interviewerErrors = await checkInterviewers(txScope, client!, input.contactIds, currentIds);
    if (interviewerErrors) return { ok: false, reason: "invalid", fieldErrors: { contactIds: interviewerErrors } };
    const change = { ...storedFields(input), status: "scheduled" as const };
    const row = await updateVersioned(txScope, interviewKind, input.id, input.version, change);
    const nextIds = [...new Set(input.contactIds)].sort();
    const removed = currentIds.filter((c) => !nextIds.includes(c));
    const added = nextIds.filter((c) => !currentIds.includes(c));
    if (removed.length > 0) {
      await tx
        .delete(interviewParticipants)
        .where(
          and(
            eq(interviewParticipants.firmId, scope.firmId),
            eq(interviewParticipants.interviewId, input.id),
            inArray(interviewParticipants.contactId, removed),
          ),
        );
    }
    if (added.length > 0) {
      await tx.insert(interviewParticipants).values(added.map((contactId) => ({ firmId: scope.firmId, interviewId: input.id, contactId })));
    }
    const changes = changedFields(before, change, ["kind", "startsAt", "endsAt", "status", "arrangedByFirm"]);
    if (removed.length > 0 || added.length > 0) changes.contactIds = [currentIds, nextIds];
    await recordAudit(txScope, { action: "interview.update", entityType: "interview", entityId: input.id, changes });
    return { ok: true, value: row! };
  });
}

/** Which status changes make sense: a scheduled round ends one way; a cancelled or missed one can be put back. */
const STATUS_MOVES: Record<InterviewStatus, InterviewStatus[]> = {
  scheduled: ["completed", "cancelled", "no_show"],
  cancelled: ["scheduled"],
  no_show: ["scheduled", "completed"],
  completed: [],
};

/**
 * Marks an interview completed, cancelled or no-show (or back to scheduled).
 *
 * This is the one place an interview becomes completed. The use case
 * (lib/interviews/change-interview-status.ts) syncs the follow-up plan's
 * tasks with the new status in the same transaction.
 */
export async function updateInterviewStatus(
  scope: QueryScope,
  input: { id: string; version: number; status: InterviewStatus },
): Promise<SaveResult<InterviewRecord & { previousStatus: InterviewStatus }, InterviewRecord>> {
  if (!isStaffScope(scope)) return NOT_FOUND;
  return changeAtVersion(scope, interviewKind, input, async (before, txScope): Promise<SaveResult<InterviewRecord & { previousStatus: InterviewStatus }, InterviewRecord>> => {
    if (!STATUS_MOVES[before.status]?.includes(input.status)) {
      return {
        ok: false,
        reason: "invalid",
        fieldErrors: { status: [before.status === input.status ? "It already has that status." : "That status change is not possible."] },
      };
    }
    const completedAt = input.status === "completed" ? new Date() : null;
    const row = await updateVersioned(txScope, interviewKind, input.id, input.version, { status: input.status, completedAt });
    await recordAudit(txScope, {
      action: "interview.status",
      entityType: "interview",
      entityId: input.id,
      changes: { status: [before.status, input.status] },
    });
    return { ok: true, value: { ...row!, previousStatus: before.status } };
  });
}
