import { and, asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../client";
import { emailOutbox, firms, memberships, users } from "../../schema";
import type { Role } from "../../schema/enums";

// Reminders: these run in the background for every firm, without a person's
// session, so they are unscoped by design and named unsafe….

export type DigestRecipient = {
  firmId: string;
  firmName: string;
  timeZone: string;
  holidays: string[];
  userId: string;
  role: Role;
  name: string;
  email: string;
};

/**
 * Unscoped: the daily digest goes to every active recruiter and admin of every
 * firm; the job then reads each one's queue through a scope of their own.
 */
export async function unsafeListDigestRecipients(db: DbOrTx): Promise<DigestRecipient[]> {
  return db
    .select({
      firmId: firms.id,
      firmName: firms.name,
      timeZone: firms.timeZone,
      holidays: firms.holidays,
      userId: users.id,
      role: memberships.role,
      name: users.name,
      email: users.email,
    })
    .from(memberships)
    .innerJoin(firms, eq(firms.id, memberships.firmId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.status, "active"), inArray(memberships.role, ["admin", "recruiter"]), eq(firms.isBenchmark, false)))
    .orderBy(asc(firms.id), asc(users.id));
}

// The candidates' plan emails (the debrief reminder among them) are worked
// out from the follow-up plan: db/queries/plan-reminders.ts and
// lib/jobs/plan-reminders.ts.

/** Unscoped: which of these scheduled-mail keys were already used (the mail went out once). */
export async function unsafeUsedDedupeKeys(db: DbOrTx, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .select({ key: emailOutbox.dedupeKey })
    .from(emailOutbox)
    .where(inArray(emailOutbox.dedupeKey, keys));
  return new Set(rows.map((r) => r.key!));
}
