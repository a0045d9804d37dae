import { and, asc, desc, eq, gt, notInArray, sql } from "drizzle-orm";
import {
  auditEvents,
  contacts,
  debriefPeople,
  debriefVersions,
  debriefs,
  interviewParticipants,
  interviews,
  users,
} from "../schema";
import { newId } from "../schema/_shared";
import type { InterviewStatus } from "../schema/enums";
import { recordAudit } from "./audit";
import type { QueryScope } from "./scope";

/**
 * The candidate's debrief of one interview. Every read and write here is the
 * candidate's own: the interview must carry `scope.candidateId`, so another
 * candidate's (or another firm's) interview id finds nothing. Staff read the
 * history through listDebriefVersions.
 *
 * The debrief row is the candidate's working copy. Status "submitted" with
 * `lastSavedAt` later than `submittedAt` means an amendment is being written;
 * what was actually sent is the newest debrief_versions snapshot.
 */

export type TimelineGiven = "yes" | "no" | "unsure";
export type ThankYouChannelValue = "email" | "letter" | "linkedin" | "other";

export interface DebriefFieldsInput {
  overallImpression: number | null;
  interestLevel: number | null;
  wentWell: string;
  concerns: string;
  questionsAsked: string;
  notMentioned: string;
  timelineGiven: TimelineGiven | null;
  timelineDetails: string;
  expectedDecisionOn: string | null;
  askedToCall: boolean | null;
  callBy: string | null;
  invitedBack: boolean | null;
  invitedBackDetails: string;
  salaryDiscussed: string;
  otherProcesses: string;
  availability: string;
  notesForRecruiter: string;
}

export interface DebriefPersonInput {
  id: string;
  contactId: string | null;
  name: string;
  title: string;
  email: string;
  phone: string;
  thankYouSent: boolean;
  thankYouSentAt: Date | null;
  thankYouChannel: ThankYouChannelValue | null;
}

const FIELD_COLUMNS = {
  overallImpression: debriefs.overallImpression,
  interestLevel: debriefs.interestLevel,
  wentWell: debriefs.wentWell,
  concerns: debriefs.concerns,
  questionsAsked: debriefs.questionsAsked,
  notMentioned: debriefs.notMentioned,
  timelineGiven: debriefs.timelineGiven,
  timelineDetails: debriefs.timelineDetails,
  expectedDecisionOn: debriefs.expectedDecisionOn,
  askedToCall: debriefs.askedToCall,
  callBy: debriefs.callBy,
  invitedBack: debriefs.invitedBack,
  invitedBackDetails: debriefs.invitedBackDetails,
  salaryDiscussed: debriefs.salaryDiscussed,
  otherProcesses: debriefs.otherProcesses,
  availability: debriefs.availability,
  notesForRecruiter: debriefs.notesForRecruiter,
};

const DEBRIEF_COLUMNS = {
  id: debriefs.id,
  interviewId: debriefs.interviewId,
  status: debriefs.status,
  ...FIELD_COLUMNS,
  submittedVersions: debriefs.submittedVersions,
  firstSubmittedAt: debriefs.firstSubmittedAt,
  submittedAt: debriefs.submittedAt,
  lastSavedAt: debriefs.lastSavedAt,
  version: debriefs.version,
};

const PERSON_COLUMNS = {
  id: debriefPeople.id,
  contactId: debriefPeople.contactId,
  name: debriefPeople.name,
  title: debriefPeople.title,
  email: debriefPeople.email,
  phone: debriefPeople.phone,
  thankYouSent: debriefPeople.thankYouSent,
  thankYouSentAt: debriefPeople.thankYouSentAt,
  thankYouChannel: debriefPeople.thankYouChannel,
};

export type MyDebriefPerson = {
  id: string;
  contactId: string | null;
  name: string;
  title: string;
  email: string;
  phone: string;
  thankYouSent: boolean;
  thankYouSentAt: Date | null;
  thankYouChannel: ThankYouChannelValue | null;
};

/** The candidate's own debrief: their answers and the people they met; nothing the recruiter added. */
export type MyDebrief = DebriefFieldsInput & {
  id: string;
  interviewId: string;
  status: "draft" | "submitted";
  submittedVersions: number;
  firstSubmittedAt: Date | null;
  submittedAt: Date | null;
  lastSavedAt: Date | null;
  version: number;
  people: MyDebriefPerson[];
};

type Gate = { id: string; status: InterviewStatus; startsAt: Date; endsAt: Date; candidateId: string };

/** The interview, if it is the scope's candidate's own; the WHERE carries both ids. */
async function myInterview(scope: QueryScope, interviewId: string): Promise<Gate | null> {
  if (!scope.candidateId) return null;
  const [row] = await scope.db
    .select({
      id: interviews.id,
      status: interviews.status,
      startsAt: interviews.startsAt,
      endsAt: interviews.endsAt,
      candidateId: interviews.candidateId,
    })
    .from(interviews)
    .where(
      and(eq(interviews.firmId, scope.firmId), eq(interviews.id, interviewId), eq(interviews.candidateId, scope.candidateId)),
    )
    .limit(1);
  return row ?? null;
}

async function readDebrief(scope: QueryScope, candidateId: string, interviewId: string): Promise<MyDebrief | null> {
  const [row] = await scope.db
    .select(DEBRIEF_COLUMNS)
    .from(debriefs)
    .where(
      and(eq(debriefs.firmId, scope.firmId), eq(debriefs.interviewId, interviewId), eq(debriefs.candidateId, candidateId)),
    )
    .limit(1);
  if (!row) return null;
  const people = await scope.db
    .select(PERSON_COLUMNS)
    .from(debriefPeople)
    .where(and(eq(debriefPeople.firmId, scope.firmId), eq(debriefPeople.debriefId, row.id)))
    .orderBy(asc(debriefPeople.position), asc(debriefPeople.createdAt));
  return { ...row, people };
}

/** The candidate's debrief of their interview, or null (none yet, or not their interview). */
export async function getMyDebrief(scope: QueryScope, interviewId: string): Promise<MyDebrief | null> {
  if (!scope.candidateId) return null;
  return readDebrief(scope, scope.candidateId, interviewId);
}

/** The scheduled interviewers (interview_participants → contacts): the form's first "people met". */
async function scheduledInterviewers(scope: QueryScope, interviewId: string) {
  return scope.db
    .select({
      contactId: contacts.id,
      name: contacts.name,
      title: contacts.title,
      email: contacts.email,
      phone: contacts.phone,
    })
    .from(interviewParticipants)
    .innerJoin(
      contacts,
      and(eq(contacts.firmId, interviewParticipants.firmId), eq(contacts.id, interviewParticipants.contactId)),
    )
    .where(and(eq(interviewParticipants.firmId, scope.firmId), eq(interviewParticipants.interviewId, interviewId)))
    .orderBy(asc(contacts.name), asc(contacts.id));
}

export type SaveDebriefInput = {
  interviewId: string;
  /** The version the form last saw; null when it saw no debrief. */
  expectedVersion: number | null;
  fields: DebriefFieldsInput;
  people: DebriefPersonInput[];
  now?: Date;
};

export type SaveDebriefResult =
  | {
      status: "saved";
      debriefId: string;
      version: number;
      lastSavedAt: Date;
      debriefStatus: "draft" | "submitted";
      submittedVersions: number;
      submittedAt: Date | null;
      /** The people's ids in order (a new person's id is replaced if it was already taken). */
      peopleIds: string[];
      /** Set when this call submitted: the version number written to debrief_versions. */
      versionNumber?: number;
      amended?: boolean;
    }
  | { status: "not_found" }
  | { status: "closed"; interviewStatus: InterviewStatus }
  | { status: "not_started"; startsAt: Date }
  | { status: "conflict"; current: MyDebrief | null };

/** Autosave: stores the draft as typed (a draft may be incomplete). */
export function saveDebriefDraft(scope: QueryScope, input: SaveDebriefInput): Promise<SaveDebriefResult> {
  return writeDebrief(scope, input, false);
}

/**
 * Submits (or, after a first submission, amends) the debrief: stores it like a
 * draft, marks it submitted and freezes a numbered snapshot in
 * debrief_versions, so the recruiter sees every version. Validation of the
 * required answers happens before this is called.
 */
export function submitDebrief(scope: QueryScope, input: SaveDebriefInput): Promise<SaveDebriefResult> {
  return writeDebrief(scope, input, true);
}

/** An autosave is audited at most this often per debrief; a submission always is. */
const DRAFT_AUDIT_EVERY_MS = 15 * 60_000;

async function writeDebrief(scope: QueryScope, input: SaveDebriefInput, submit: boolean): Promise<SaveDebriefResult> {
  const now = input.now ?? new Date();
  const candidateId = scope.candidateId;
  if (!candidateId) return { status: "not_found" };
  return scope.db.transaction(async (tx) => {
    const t: QueryScope = { ...scope, db: tx };
    const gate = await myInterview(t, input.interviewId);
    if (!gate) return { status: "not_found" } as const;
    if (gate.status === "cancelled" || gate.status === "no_show") return { status: "closed", interviewStatus: gate.status } as const;
    if (gate.startsAt.getTime() > now.getTime()) return { status: "not_started", startsAt: gate.startsAt } as const;

    const conflict = async (): Promise<SaveDebriefResult> => ({
      status: "conflict",
      current: await readDebrief(t, candidateId, input.interviewId),
    });

    const [existing] = await tx
      .select({ id: debriefs.id, version: debriefs.version, submittedVersions: debriefs.submittedVersions })
      .from(debriefs)
      .where(
        and(
          eq(debriefs.firmId, t.firmId),
          eq(debriefs.interviewId, input.interviewId),
          eq(debriefs.candidateId, candidateId),
        ),
      )
      .limit(1);

    const submission = submit
      ? {
          status: "submitted" as const,
          submittedAt: now,
          firstSubmittedAt: sql`coalesce(${debriefs.firstSubmittedAt}, ${now.toISOString()}::timestamptz)`,
          submittedVersions: sql`${debriefs.submittedVersions} + 1`,
        }
      : {};

    let row: { id: string; version: number; status: "draft" | "submitted"; submittedVersions: number; submittedAt: Date | null };
    let created = false;
    if (!existing) {
      if (input.expectedVersion !== null) return conflict();
      const inserted = await tx
        .insert(debriefs)
        .values({
          firmId: t.firmId,
          interviewId: input.interviewId,
          candidateId,
          ...input.fields,
          lastSavedAt: now,
          ...(submit ? { status: "submitted" as const, submittedAt: now, firstSubmittedAt: now, submittedVersions: 1 } : {}),
        })
        .onConflictDoNothing({ target: [debriefs.firmId, debriefs.interviewId] })
        .returning({
          id: debriefs.id,
          version: debriefs.version,
          status: debriefs.status,
          submittedVersions: debriefs.submittedVersions,
          submittedAt: debriefs.submittedAt,
        });
      if (!inserted[0]) return conflict();
      row = inserted[0];
      created = true;
    } else {
      if (input.expectedVersion === null || input.expectedVersion !== existing.version) return conflict();
      const updated = await tx
        .update(debriefs)
        .set({ ...input.fields, lastSavedAt: now, ...submission, version: sql`${debriefs.version} + 1` })
        .where(
          and(
            eq(debriefs.firmId, t.firmId),
            eq(debriefs.id, existing.id),
            eq(debriefs.candidateId, candidateId),
            eq(debriefs.version, input.expectedVersion),
          ),
        )
        .returning({
          id: debriefs.id,
          version: debriefs.version,
          status: debriefs.status,
          submittedVersions: debriefs.submittedVersions,
          submittedAt: debriefs.submittedAt,
        });
      if (!updated[0]) return conflict();
      row = updated[0];
    }

    const peopleIds = await syncPeople(t, input.interviewId, row.id, input.people);

    let versionNumber: number | undefined;
    if (submit) {
      versionNumber = row.submittedVersions;
      const people = await tx
        .select(PERSON_COLUMNS)
        .from(debriefPeople)
        .where(and(eq(debriefPeople.firmId, t.firmId), eq(debriefPeople.debriefId, row.id)))
        .orderBy(asc(debriefPeople.position));
      await tx.insert(debriefVersions).values({
        firmId: t.firmId,
        debriefId: row.id,
        number: versionNumber,
        snapshot: snapshotOf(input.fields, people),
        submittedAt: now,
        submittedBy: t.userId,
      });
      await recordAudit(t, {
        action: versionNumber > 1 ? "debrief.amended" : "debrief.submitted",
        entityType: "debrief",
        entityId: row.id,
        changes: { version: versionNumber },
      });
    } else if (created) {
      await recordAudit(t, { action: "debrief.started", entityType: "debrief", entityId: row.id });
    } else {
      const [recent] = await tx
        .select({ id: auditEvents.id })
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.firmId, t.firmId),
            eq(auditEvents.entityType, "debrief"),
            eq(auditEvents.entityId, row.id),
            gt(auditEvents.createdAt, new Date(now.getTime() - DRAFT_AUDIT_EVERY_MS)),
          ),
        )
        .limit(1);
      if (!recent) await recordAudit(t, { action: "debrief.draft_saved", entityType: "debrief", entityId: row.id });
    }

    return {
      status: "saved",
      debriefId: row.id,
      version: row.version,
      lastSavedAt: now,
      debriefStatus: row.status,
      submittedVersions: row.submittedVersions,
      submittedAt: row.submittedAt,
      peopleIds,
      ...(versionNumber !== undefined ? { versionNumber, amended: versionNumber > 1 } : {}),
    } as const;
  });
}

/**
 * Makes the debrief's people exactly the given list, in order. Rows keep their
 * ids (and what the recruiter resolved about them); a contact link is kept
 * only to one of the interview's scheduled interviewers or the link the row
 * already had, so a candidate cannot tie a person to an arbitrary contact.
 */
async function syncPeople(t: QueryScope, interviewId: string, debriefId: string, people: DebriefPersonInput[]): Promise<string[]> {
  const existing = await t.db
    .select({ ...PERSON_COLUMNS, position: debriefPeople.position })
    .from(debriefPeople)
    .where(and(eq(debriefPeople.firmId, t.firmId), eq(debriefPeople.debriefId, debriefId)));
  const byId = new Map(existing.map((p) => [p.id, p]));
  const wanted = people.map((p) => p.id);
  await t.db
    .delete(debriefPeople)
    .where(
      and(
        eq(debriefPeople.firmId, t.firmId),
        eq(debriefPeople.debriefId, debriefId),
        ...(wanted.length ? [notInArray(debriefPeople.id, wanted)] : []),
      ),
    );
  const linked = people.some((p) => p.contactId) ? new Set((await scheduledInterviewers(t, interviewId)).map((c) => c.contactId)) : new Set<string>();

  const ids: string[] = [];
  for (const [position, person] of people.entries()) {
    const before = byId.get(person.id);
    const contactId =
      person.contactId && (linked.has(person.contactId) || before?.contactId === person.contactId) ? person.contactId : null;
    const values = {
      position,
      contactId,
      name: person.name,
      title: person.title,
      email: person.email,
      phone: person.phone,
      thankYouSent: person.thankYouSent,
      thankYouSentAt: person.thankYouSentAt,
      thankYouChannel: person.thankYouChannel,
    };
    if (before) {
      if (!samePerson(before, values)) {
        await t.db
          .update(debriefPeople)
          .set(values)
          .where(
            and(eq(debriefPeople.firmId, t.firmId), eq(debriefPeople.id, person.id), eq(debriefPeople.debriefId, debriefId)),
          );
      }
      ids.push(person.id);
      continue;
    }
    const [inserted] = await t.db
      .insert(debriefPeople)
      .values({ firmId: t.firmId, id: person.id, debriefId, ...values })
      .onConflictDoNothing()
      .returning({ id: debriefPeople.id });
    if (inserted) {
      ids.push(inserted.id);
    } else {
      // The id is taken by another record: store the person under a fresh one.
      const [fresh] = await t.db
        .insert(debriefPeople)
        .values({ firmId: t.firmId, id: newId(), debriefId, ...values })
        .returning({ id: debriefPeople.id });
      ids.push(fresh!.id);
    }
  }
  return ids;
}

function samePerson(
  a: MyDebriefPerson & { position: number },
  b: Omit<MyDebriefPerson, "id"> & { position: number },
): boolean {
  return (
    a.position === b.position &&
    a.contactId === b.contactId &&
    a.name === b.name &&
    a.title === b.title &&
    a.email === b.email &&
    a.phone === b.phone &&
    a.thankYouSent === b.thankYouSent &&
    (a.thankYouSentAt?.getTime() ?? null) === (b.thankYouSentAt?.getTime() ?? null) &&
    a.thankYouChannel === b.thankYouChannel
  );
}

function snapshotOf(fields: DebriefFieldsInput, people: MyDebriefPerson[]): Record<string, unknown> {
  return {
    ...fields,
    people: people.map((p) => ({
      contactId: p.contactId,
      name: p.name,
      title: p.title,
      email: p.email,
      phone: p.phone,
      thankYouSent: p.thankYouSent,
      thankYouSentAt: p.thankYouSentAt ? p.thankYouSentAt.toISOString() : null,
      thankYouChannel: p.thankYouChannel,
    })),
  };
}

export type DebriefVersionEntry = {
  id: string;
  number: number;
  submittedAt: Date;
  submittedByName: string | null;
  snapshot: Record<string, unknown>;
};

/**
 * Every submitted version of a debrief, newest first, for the recruiter.
 * Staff only: a candidate scope gets nothing (the candidate sees their current
 * debrief, not an audit trail).
 */
export async function listDebriefVersions(scope: QueryScope, debriefId: string): Promise<DebriefVersionEntry[]> {
  if (scope.candidateId || scope.role === "candidate") return [];
  return scope.db
    .select({
      id: debriefVersions.id,
      number: debriefVersions.number,
      submittedAt: debriefVersions.submittedAt,
      submittedByName: users.name,
      snapshot: debriefVersions.snapshot,
    })
    .from(debriefVersions)
    .leftJoin(users, eq(users.id, debriefVersions.submittedBy))
    .where(and(eq(debriefVersions.firmId, scope.firmId), eq(debriefVersions.debriefId, debriefId)))
    .orderBy(desc(debriefVersions.number))
    .limit(100);
}

export type SetThankYouInput = {
  interviewId: string;
  /** The person in the debrief… */
  personId?: string | null;
  /** …or, before the debrief lists anyone, the scheduled interviewer. */
  contactId?: string | null;
  sent: boolean;
  channel: ThankYouChannelValue;
  now?: Date;
};

export type SetThankYouResult =
  | { status: "saved"; personId: string; debriefId: string; version: number }
  | { status: "not_found" }
  | { status: "closed"; interviewStatus: InterviewStatus }
  | { status: "not_started"; startsAt: Date };

/**
 * Ticks a thank-you note off (or back on) from the plan. Before the candidate
 * has started a debrief, the plan lists the scheduled interviewers; ticking
 * one starts the draft with them as the people met, as the form would.
 */
export async function setThankYouNote(scope: QueryScope, input: SetThankYouInput): Promise<SetThankYouResult> {
  const now = input.now ?? new Date();
  const candidateId = scope.candidateId;
  if (!candidateId) return { status: "not_found" };
  return scope.db.transaction(async (tx) => {
    const t: QueryScope = { ...scope, db: tx };
    const gate = await myInterview(t, input.interviewId);
    if (!gate) return { status: "not_found" } as const;
    if (gate.status === "cancelled" || gate.status === "no_show") return { status: "closed", interviewStatus: gate.status } as const;
    if (gate.startsAt.getTime() > now.getTime()) return { status: "not_started", startsAt: gate.startsAt } as const;

    let [debrief] = await tx
      .select({ id: debriefs.id })
      .from(debriefs)
      .where(
        and(eq(debriefs.firmId, t.firmId), eq(debriefs.interviewId, input.interviewId), eq(debriefs.candidateId, candidateId)),
      )
      .limit(1);
    if (!debrief) {
      [debrief] = await tx
        .insert(debriefs)
        .values({ firmId: t.firmId, interviewId: input.interviewId, candidateId, lastSavedAt: now })
        .onConflictDoNothing({ target: [debriefs.firmId, debriefs.interviewId] })
        .returning({ id: debriefs.id });
      if (!debrief) return { status: "not_found" } as const;
      await recordAudit(t, { action: "debrief.started", entityType: "debrief", entityId: debrief.id });
    }
    const debriefId = debrief.id;

    const people = await tx
      .select({ id: debriefPeople.id, contactId: debriefPeople.contactId })
      .from(debriefPeople)
      .where(and(eq(debriefPeople.firmId, t.firmId), eq(debriefPeople.debriefId, debriefId)))
      .orderBy(asc(debriefPeople.position));
    if (people.length === 0 && input.contactId) {
      // The plan showed the scheduled interviewers; they become the people met.
      const interviewers = await scheduledInterviewers(t, input.interviewId);
      for (const [position, c] of interviewers.entries()) {
        const [p] = await tx
          .insert(debriefPeople)
          .values({
            firmId: t.firmId,
            debriefId,
            position,
            contactId: c.contactId,
            name: c.name,
            title: c.title,
            email: c.email ?? "",
            phone: c.phone,
          })
          .returning({ id: debriefPeople.id, contactId: debriefPeople.contactId });
        people.push(p!);
      }
    }
    const target = input.personId
      ? people.find((p) => p.id === input.personId)
      : people.find((p) => p.contactId !== null && p.contactId === input.contactId);
    if (!target) return { status: "not_found" } as const;

    await tx
      .update(debriefPeople)
      .set({
        thankYouSent: input.sent,
        thankYouSentAt: input.sent ? now : null,
        thankYouChannel: input.sent ? input.channel : null,
      })
      .where(and(eq(debriefPeople.firmId, t.firmId), eq(debriefPeople.id, target.id), eq(debriefPeople.debriefId, debriefId)));
    // The debrief changed: an open form elsewhere must not overwrite the tick. A tick is
    // not an edit of the candidate's account, so lastSavedAt (which tells an amendment
    // in progress) stays as it was.
    const [bumped] = await tx
      .update(debriefs)
      .set({ version: sql`${debriefs.version} + 1` })
      .where(and(eq(debriefs.firmId, t.firmId), eq(debriefs.id, debriefId), eq(debriefs.candidateId, candidateId)))
      .returning({ version: debriefs.version });
    await recordAudit(t, {
      action: input.sent ? "debrief.thank_you_sent" : "debrief.thank_you_unsent",
      entityType: "debrief",
      entityId: debriefId,
      changes: { personId: target.id, channel: input.sent ? input.channel : null },
    });
    return { status: "saved", personId: target.id, debriefId, version: bumped!.version } as const;
  });
}
