import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { AppError } from "@/lib/core/errors";
import { applications, clients, contacts, debriefPeople, debriefs, interviewParticipants, interviews, jobs } from "../schema";
import { recordAudit } from "./audit";
import { isStaffScope, withTx, type QueryScope } from "./scope";
import { interviewJoins } from "./interview-joins";

/**
 * The people a candidate met, as listed in their debrief, proposed to the
 * recruiter as contacts of the interview's client: confirm (a new contact),
 * merge with an existing contact, or dismiss. Either way the person ends up
 * linked to the interview as a participant.
 */

export type PersonMet = {
  id: string;
  debriefId: string;
  name: string;
  title: string;
  email: string;
  phone: string;
  contactId: string | null;
  contactName: string | null;
  resolution: "pending" | "confirmed" | "merged" | "dismissed";
  resolvedAt: Date | null;
  /** For a pending person: the existing contact they most likely are (same email, else same name). */
  match: { contactId: string; name: string; title: string; email: string | null; by: "email" | "name" } | null;
};

async function interviewClient(scope: QueryScope, interviewId: string) {
  const [row] = await scope.db
    .select({ interviewId: interviews.id, clientId: clients.id, clientName: clients.name })
    .from(interviews)
    .innerJoin(applications, interviewJoins.application)
    .innerJoin(jobs, interviewJoins.job)
    .innerJoin(clients, interviewJoins.client)
    .where(and(eq(interviews.firmId, scope.firmId), eq(interviews.id, interviewId)))
    .limit(1);
  return row ?? null;
}

const norm = (s: string | null | undefined) => (s ?? "").trim().toLowerCase().replace(/\s+/g, " ");

/** Email first (the surest key), then the exact name, among the client's active contacts. */
function findMatch(
  person: { email: string; name: string },
  candidates: { id: string; name: string; title: string; email: string | null }[],
): PersonMet["match"] {
  const email = norm(person.email);
  if (email) {
    const byEmail = candidates.find((c) => norm(c.email) === email);
    if (byEmail) return { contactId: byEmail.id, name: byEmail.name, title: byEmail.title, email: byEmail.email, by: "email" };
  }
  const name = norm(person.name);
  if (name) {
    const byName = candidates.find((c) => norm(c.name) === name);
    if (byName) return { contactId: byName.id, name: byName.name, title: byName.title, email: byName.email, by: "name" };
  }
  return null;
}

/** The people met in the interview's debrief, in the candidate's order, with a suggested match for the pending ones. */
export async function listPeopleMet(scope: QueryScope, interviewId: string): Promise<PersonMet[]> {
  if (!isStaffScope(scope)) return [];
  const iv = await interviewClient(scope, interviewId);
  if (!iv) return [];
  const [people, clientContacts] = await Promise.all([
    scope.db
      .select({
        id: debriefPeople.id,
        debriefId: debriefPeople.debriefId,
        name: debriefPeople.name,
        title: debriefPeople.title,
        email: debriefPeople.email,
        phone: debriefPeople.phone,
        contactId: debriefPeople.contactId,
        contactName: contacts.name,
        resolution: debriefPeople.resolution,
        resolvedAt: debriefPeople.resolvedAt,
      })
      .from(debriefPeople)
      .innerJoin(debriefs, and(eq(debriefs.firmId, debriefPeople.firmId), eq(debriefs.id, debriefPeople.debriefId)))
      .leftJoin(contacts, and(eq(contacts.firmId, debriefPeople.firmId), eq(contacts.id, debriefPeople.contactId)))
      .where(and(eq(debriefPeople.firmId, scope.firmId), eq(debriefs.interviewId, interviewId)))
      .orderBy(asc(debriefPeople.position), asc(debriefPeople.id))
      .limit(50),
    clientContactsOf(scope, iv.clientId),
  ]);
  return people.map((p) => {
    // A scheduled interviewer the candidate kept in the list is already a contact: nothing to confirm.
    const resolution = p.resolution === "pending" && p.contactId ? ("confirmed" as const) : p.resolution;
    return { ...p, resolution, match: resolution === "pending" ? findMatch(p, clientContacts) : null };
  });
}

async function clientContactsOf(scope: QueryScope, clientId: string) {
  return scope.db
    .select({ id: contacts.id, name: contacts.name, title: contacts.title, email: contacts.email })
    .from(contacts)
    .where(and(eq(contacts.firmId, scope.firmId), eq(contacts.clientId, clientId), isNull(contacts.archivedAt)))
    .orderBy(asc(contacts.name))
    .limit(500);
}

/** The client's contacts a person can be merged into. */
export async function listMergeTargets(scope: QueryScope, interviewId: string) {
  if (!isStaffScope(scope)) return [];
  const iv = await interviewClient(scope, interviewId);
  if (!iv) return [];
  return clientContactsOf(scope, iv.clientId);
}

async function loadPending(scope: QueryScope, personId: string) {
  const [row] = await scope.db
    .select({
      id: debriefPeople.id,
      name: debriefPeople.name,
      title: debriefPeople.title,
      email: debriefPeople.email,
      phone: debriefPeople.phone,
      contactId: debriefPeople.contactId,
      resolution: debriefPeople.resolution,
      interviewId: debriefs.interviewId,
    })
    .from(debriefPeople)
    .innerJoin(debriefs, and(eq(debriefs.firmId, debriefPeople.firmId), eq(debriefs.id, debriefPeople.debriefId)))
    .where(and(eq(debriefPeople.firmId, scope.firmId), eq(debriefPeople.id, personId)))
    .limit(1);
  if (!row) return null;
  if (row.resolution !== "pending") {
    throw new AppError("conflict", `${row.name || "This person"} was already ${row.resolution} by someone else. Reload to see how.`);
  }
  if (row.contactId) throw new AppError("conflict", `${row.name || "This person"} is already a contact of the client.`);
  return row;
}

/** A person met still to be resolved, with their interview's client; null when either is gone. */
async function pendingWithClient(scope: QueryScope, personId: string) {
  const person = await loadPending(scope, personId);
  if (!person) return null;
  const iv = await interviewClient(scope, person.interviewId);
  return iv ? { person, iv } : null;
}

type Pending = NonNullable<Awaited<ReturnType<typeof pendingWithClient>>>;

/**
 * Resolves a pending person met in one transaction: `resolveWith` gets the
 * person and their interview's client; "not_found" when either is gone or out
 * of the scope.
 */
async function resolvePending<T>(
  scope: QueryScope,
  personId: string,
  resolveWith: (t: QueryScope, found: Pending) => Promise<T>,
): Promise<T | "not_found"> {
  if (!isStaffScope(scope)) return "not_found";
  return scope.db.transaction(async (tx) => {
    const t = withTx(scope, tx);
    const found = await pendingWithClient(t, personId);
    return found ? resolveWith(t, found) : ("not_found" as const);
  });
}

async function linkToInterview(scope: QueryScope, interviewId: string, contactId: string) {
  await scope.db
    .insert(interviewParticipants)
    .values({ firmId: scope.firmId, interviewId, contactId })
    .onConflictDoNothing({ target: [interviewParticipants.firmId, interviewParticipants.interviewId, interviewParticipants.contactId] });
}

async function resolve(
  scope: QueryScope,
  personId: string,
  resolution: "confirmed" | "merged" | "dismissed",
  contactId: string | null,
  now: Date,
) {
  const rows = await scope.db
    .update(debriefPeople)
    .set({ resolution, contactId, resolvedAt: now, resolvedBy: scope.userId })
    .where(and(eq(debriefPeople.firmId, scope.firmId), eq(debriefPeople.id, personId), eq(debriefPeople.resolution, "pending")))
    .returning({ id: debriefPeople.id });
  if (rows.length === 0) throw new AppError("conflict", "Someone else resolved this person at the same time. Reload to see how.");
}

export type NewContactFields = { name: string; title: string; email: string; phone: string };

/**
 * Creates a contact at the interview's client from a person met (with the
 * recruiter's corrections), and links them to the interview.
 */
export async function confirmPersonAsContact(
  scope: QueryScope,
  input: { personId: string; fields: NewContactFields; now?: Date },
): Promise<{ contactId: string; interviewId: string } | "not_found"> {
  const now = input.now ?? new Date();
  return resolvePending(scope, input.personId, async (t, { person, iv }) => {
    const tx = t.db;
    const email = input.fields.email.trim().toLowerCase() || null;
    if (email) {
      const [dup] = await tx
        .select({ id: contacts.id, name: contacts.name })
        .from(contacts)
        .where(and(eq(contacts.firmId, scope.firmId), eq(contacts.clientId, iv.clientId), sql`lower(${contacts.email}) = ${email}`))
        .limit(1);
      if (dup) {
        throw new AppError("invalid", `${dup.name} at ${iv.clientName} already has this email. Merge with them instead.`, {
          email: [`${dup.name} already has this email: merge instead of creating a second contact.`],
        });
      }
    }
    const [contact] = await tx
      .insert(contacts)
      .values({
        firmId: scope.firmId,
        clientId: iv.clientId,
        name: input.fields.name.trim(),
        title: input.fields.title.trim(),
        email,
        phone: input.fields.phone.trim(),
      })
      .returning({ id: contacts.id });
    await linkToInterview(t, person.interviewId, contact!.id);
    await resolve(t, person.id, "confirmed", contact!.id, now);
    await recordAudit(t, {
      action: "contact.create",
      entityType: "contact",
      entityId: contact!.id,
      changes: { clientId: iv.clientId, fromPersonMet: person.id },
    });
    await recordAudit(t, { action: "person_met.confirmed", entityType: "debrief_person", entityId: person.id, changes: { contactId: contact!.id } });
    return { contactId: contact!.id, interviewId: person.interviewId };
  });
}

/**
 * Treats a person met as an existing contact of the interview's client: links
 * them to the interview and fills the contact's blank details from what the
 * candidate wrote (never overwriting what the contact already has).
 */
export async function mergePersonWithContact(
  scope: QueryScope,
  input: { personId: string; contactId: string; now?: Date },
): Promise<{ contactId: string; interviewId: string } | "not_found"> {
  const now = input.now ?? new Date();
  return resolvePending(scope, input.personId, async (t, { person, iv }) => {
    const tx = t.db;
    const [contact] = await tx
      .select({ id: contacts.id, clientId: contacts.clientId, title: contacts.title, email: contacts.email, phone: contacts.phone })
      .from(contacts)
      .where(and(eq(contacts.firmId, scope.firmId), eq(contacts.id, input.contactId)))
      .limit(1);
    if (!contact || contact.clientId !== iv.clientId) {
      throw new AppError("invalid", undefined, { contactId: [`Choose a contact at ${iv.clientName}.`] });
    }
    const fill: Partial<typeof contacts.$inferInsert> = {};
    if (!contact.title && person.title.trim()) fill.title = person.title.trim();
    if (!contact.email && person.email.trim()) fill.email = person.email.trim().toLowerCase();
    if (!contact.phone && person.phone.trim()) fill.phone = person.phone.trim();
    if (Object.keys(fill).length > 0) {
      await tx
        .update(contacts)
        .set({ ...fill, version: sql`${contacts.version} + 1` })
        .where(and(eq(contacts.firmId, scope.firmId), eq(contacts.id, contact.id)));
    }
    await linkToInterview(t, person.interviewId, contact.id);
    await resolve(t, person.id, "merged", contact.id, now);
    await recordAudit(t, {
      action: "person_met.merged",
      entityType: "debrief_person",
      entityId: person.id,
      changes: { contactId: contact.id, filled: Object.keys(fill) },
    });
    return { contactId: contact.id, interviewId: person.interviewId };
  });
}

/** Not a contact worth keeping (a receptionist, a typo): the proposal goes away. */
export async function dismissPersonMet(scope: QueryScope, input: { personId: string; now?: Date }): Promise<"ok" | "not_found"> {
  if (!isStaffScope(scope)) return "not_found";
  const now = input.now ?? new Date();
  return scope.db.transaction(async (tx) => {
    const t = withTx(scope, tx);
    const person = await loadPending(t, input.personId);
    if (!person) return "not_found" as const;
    await resolve(t, person.id, "dismissed", null, now);
    await recordAudit(t, { action: "person_met.dismissed", entityType: "debrief_person", entityId: person.id });
    return "ok" as const;
  });
}
