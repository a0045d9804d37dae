import { and, eq, gt, notInArray, sql } from "drizzle-orm";
import { auditEvents, debriefPeople, debriefVersions, debriefs } from "../schema";
import { newId } from "../schema/_shared";
import { recordAudit } from "./audit";
import {
  PERSON_COLUMNS,
  getMyDebrief,
  writeForMyInterview,
  type DebriefFieldsInput,
  type DebriefPersonInput,
  type InterviewGateRefusal,
  type MyDebrief,
  type MyDebriefPerson,
  type MyInterviewGate,
} from "./debriefs";
import { listInterviewers } from "./plan-sources";
import type { QueryScope } from "./scope";
import { personDraftOf } from "@/lib/core/validation/debrief-rules";

/**
 * The candidate's writes of their debrief's answers (see debriefs.ts for what
 * the rows mean). Each runs in the caller's transaction when there is one.
 */

export type DebriefContent = { fields: DebriefFieldsInput; people: DebriefPersonInput[] };

export type WriteDebriefInput = {
  interviewId: string;
  /** The version the form last saw; null when it saw no debrief. */
  expectedVersion: number | null;
  /**
   * What to store, chosen once the interview is known to be the candidate's
   * own, open and under way (so the checks can use its start and zone): the
   * answers, and whether this write submits them.
   */
  content: (interview: MyInterviewGate) => DebriefContent & { submit: boolean };
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
  | InterviewGateRefusal
  | { status: "conflict"; current: MyDebrief | null };

/** What a write reads back from the debrief row it wrote. */
const WRITTEN = {
  id: debriefs.id,
  version: debriefs.version,
  status: debriefs.status,
  submittedVersions: debriefs.submittedVersions,
  submittedAt: debriefs.submittedAt,
};
type Written = { id: string; version: number; status: "draft" | "submitted"; submittedVersions: number; submittedAt: Date | null };

/** An autosave is audited at most this often per debrief; a submission always is. */
const DRAFT_AUDIT_EVERY_MS = 15 * 60_000;

/**
 * Stores the candidate's answers as a draft (which may be incomplete), or
 * submits them (or, after a first submission, amends them): stored like a
 * draft, marked submitted, and frozen as a numbered snapshot in
 * debrief_versions, so the recruiter sees every version. The interview is
 * checked once, here; a stale `expectedVersion` is a conflict that writes
 * nothing and returns the debrief as it now is.
 */
export async function writeMyDebrief(scope: QueryScope, input: WriteDebriefInput): Promise<SaveDebriefResult> {
  const now = input.now ?? new Date();
  return writeForMyInterview(scope, input.interviewId, now, async (t, interview, candidateId): Promise<SaveDebriefResult> => {
    const tx = t.db;
    const { submit, ...content } = input.content(interview);

    const conflict = async (): Promise<SaveDebriefResult> => ({
      status: "conflict",
      current: await getMyDebrief(t, input.interviewId),
    });

    const submission = submit
      ? {
          status: "submitted" as const,
          submittedAt: now,
          firstSubmittedAt: sql`coalesce(${debriefs.firstSubmittedAt}, ${now.toISOString()}::timestamptz)`,
          submittedVersions: sql`${debriefs.submittedVersions} + 1`,
        }
      : {};

    // One statement either way: a first save inserts, a later one updates the version the form saw;
    // a row already there, or a stale version, writes nothing and is a conflict.
    let row: Written;
    const created = input.expectedVersion === null;
    if (created) {
      const [inserted] = await tx
        .insert(debriefs)
        .values({
          firmId: t.firmId,
          interviewId: input.interviewId,
          candidateId,
          ...content.fields,
          lastSavedAt: now,
          ...(submit ? { status: "submitted" as const, submittedAt: now, firstSubmittedAt: now, submittedVersions: 1 } : {}),
        })
        .onConflictDoNothing({ target: [debriefs.firmId, debriefs.interviewId] })
        .returning(WRITTEN);
      if (!inserted) return conflict();
      row = inserted;
    } else {
      const [updated] = await tx
        .update(debriefs)
        .set({ ...content.fields, lastSavedAt: now, ...submission, version: sql`${debriefs.version} + 1` })
        .where(
          and(
            eq(debriefs.firmId, t.firmId),
            eq(debriefs.interviewId, input.interviewId),
            eq(debriefs.candidateId, candidateId),
            eq(debriefs.version, input.expectedVersion as number),
          ),
        )
        .returning(WRITTEN);
      if (!updated) return conflict();
      row = updated;
    }

    const people = await syncPeople(t, input.interviewId, row.id, content.people);

    let versionNumber: number | undefined;
    if (submit) {
      versionNumber = row.submittedVersions;
      await tx.insert(debriefVersions).values({
        firmId: t.firmId,
        debriefId: row.id,
        number: versionNumber,
        snapshot: snapshotOf(content.fields, people),
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
      peopleIds: people.map((p) => p.id),
      ...(versionNumber !== undefined ? { versionNumber, amended: versionNumber > 1 } : {}),
    } as const;
  });
}

/**
 * Makes the debrief's people exactly the given list, in order, and returns
 * them as stored. Rows keep their ids (and what the recruiter resolved about
 * them); a contact link is kept only to one of the interview's scheduled
 * interviewers or the link the row already had, so a candidate cannot tie a
 * person to an arbitrary contact.
 */
async function syncPeople(t: QueryScope, interviewId: string, debriefId: string, people: DebriefPersonInput[]): Promise<MyDebriefPerson[]> {
  const existing = await t.db
    .select({ ...PERSON_COLUMNS, position: debriefPeople.position })
    .from(debriefPeople)
    .where(and(eq(debriefPeople.firmId, t.firmId), eq(debriefPeople.debriefId, debriefId)));
  const byId = new Map(existing.map((p) => [p.id, p]));
  const wanted = people.map((p) => p.id);
  if (existing.some((p) => !wanted.includes(p.id))) {
    await t.db
      .delete(debriefPeople)
      .where(
        and(
          eq(debriefPeople.firmId, t.firmId),
          eq(debriefPeople.debriefId, debriefId),
          ...(wanted.length ? [notInArray(debriefPeople.id, wanted)] : []),
        ),
      );
  }
  const linked = people.some((p) => p.contactId) ? new Set((await listInterviewers(t, [interviewId])).map((c) => c.contactId)) : new Set<string>();

  const stored: MyDebriefPerson[] = [];
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
    const { position: _position, ...row } = values;
    if (before) {
      if (!samePerson(before, values)) {
        await t.db
          .update(debriefPeople)
          .set(values)
          .where(
            and(eq(debriefPeople.firmId, t.firmId), eq(debriefPeople.id, person.id), eq(debriefPeople.debriefId, debriefId)),
          );
      }
      stored.push({ id: person.id, ...row });
      continue;
    }
    const [inserted] = await t.db
      .insert(debriefPeople)
      .values({ firmId: t.firmId, id: person.id, debriefId, ...values })
      .onConflictDoNothing()
      .returning({ id: debriefPeople.id });
    if (inserted) {
      stored.push({ id: inserted.id, ...row });
    } else {
      // The id is taken by another record: store the person under a fresh one.
      const [fresh] = await t.db
        .insert(debriefPeople)
        .values({ firmId: t.firmId, id: newId(), debriefId, ...values })
        .returning({ id: debriefPeople.id });
      stored.push({ id: fresh!.id, ...row });
    }
  }
  return stored;
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
    // The snapshot keeps what the candidate wrote, not the rows' ids.
    people: people.map((p) => {
      const { id: _id, ...person } = personDraftOf(p);
      return person;
    }),
  };
}
