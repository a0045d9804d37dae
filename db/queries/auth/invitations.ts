import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../client";
import { auditEvents, candidates, firms, invitations, memberships, users } from "../../schema";
import type { Role } from "../../schema/enums";
import { recordAudit } from "../audit";
import type { QueryScope } from "../scope";

// Invitations: finding and accepting one (unscoped: the token hash is the
// capability), and the firm's pending invitations.

/** Unscoped: the invitee is not signed in; the token hash is the capability. */
export async function unsafeFindInvitation(db: DbOrTx, tokenHash: string) {
  const [row] = await db
    .select({
      id: invitations.id,
      firmId: invitations.firmId,
      firmName: firms.name,
      email: invitations.email,
      name: invitations.name,
      role: invitations.role,
      candidateId: invitations.candidateId,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
    })
    .from(invitations)
    .innerJoin(firms, eq(firms.id, invitations.firmId))
    .where(eq(invitations.tokenHash, tokenHash))
    .limit(1);
  return row ?? null;
}

/**
 * The inviter must still be able to invite: an active admin of the firm for a
 * staff role, active staff (admin or recruiter) for a candidate. SQL over the
 * invitation row being claimed.
 */
const inviterStillEntitled = sql`exists (
  select 1 from ${memberships} m
  where m.firm_id = ${invitations.firmId} and m.user_id = ${invitations.invitedBy} and m.status = 'active'
    and (m.role = 'admin' or (${invitations.role} = 'candidate' and m.role = 'recruiter'))
)`;

export type AcceptedInvitation = { userId: string; firmId: string; role: Role; invitationId: string };

/**
 * Claims a usable invitation atomically (not accepted, revoked or expired, and
 * its inviter still entitled), adds the membership and its audit row. Single
 * use: the UPDATE claims it, so a replay or a race finds nothing.
 */
async function claimInvitation(
  tx: DbOrTx,
  tokenHash: string,
  now: Date,
  userFor: (invitationEmail: string) => Promise<string | null>,
): Promise<AcceptedInvitation | null> {
  const [inv] = await tx
    .update(invitations)
    .set({ acceptedAt: now })
    .where(
      and(
        eq(invitations.tokenHash, tokenHash),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
        inviterStillEntitled,
      ),
    )
    .returning();
  if (!inv) return null;
  const userId = await userFor(inv.email);
  if (!userId) throw new InvitationClaimRefused();
  await tx
    .insert(memberships)
    .values({ firmId: inv.firmId, userId, role: inv.role, candidateId: inv.candidateId })
    .onConflictDoUpdate({
      target: [memberships.firmId, memberships.userId],
      set: { role: inv.role, candidateId: inv.candidateId, status: "active", version: sql`${memberships.version} + 1` },
    });
  await tx.insert(auditEvents).values({
    firmId: inv.firmId,
    actorUserId: userId,
    action: "invitation.accept",
    entityType: "invitation",
    entityId: inv.id,
    changes: { role: inv.role },
  });
  return { userId, firmId: inv.firmId, role: inv.role, invitationId: inv.id };
}

/** Rolls back a claim whose person turned out not to match (the transaction undoes the UPDATE). */
class InvitationClaimRefused extends Error {}

async function refusedAsNull<T>(work: () => Promise<T>): Promise<T | null> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof InvitationClaimRefused) return null;
    throw err;
  }
}

/** Unscoped: whether an account exists for an address (the invitation page: the token was mailed there). */
export async function unsafeAccountExists(db: DbOrTx, email: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .limit(1);
  return !!row;
}

/**
 * Unscoped: accepting an invitation as a new person creates the account and
 * the membership — the token hash is the only key. When an account already
 * uses the invited address this does nothing ("account_exists"): an invitation
 * never sets an existing person's password or name; they sign in to accept.
 */
export async function unsafeAcceptInvitationAsNewUser(
  db: DbOrTx,
  input: { tokenHash: string; name: string; passwordHash: string; now?: Date },
): Promise<AcceptedInvitation | "account_exists" | null> {
  const now = input.now ?? new Date();
  let exists = false;
  try {
    return await db.transaction((tx) =>
      claimInvitation(tx, input.tokenHash, now, async (email) => {
        const [u] = (await unsafeAccountExists(tx, email))
          ? []
          : await tx
              .insert(users)
              .values({ email: email.toLowerCase(), name: input.name, passwordHash: input.passwordHash })
              .onConflictDoNothing()
              .returning({ id: users.id });
        if (!u) {
          exists = true;
          throw new InvitationClaimRefused();
        }
        return u.id;
      }),
    );
  } catch (err) {
    if (err instanceof InvitationClaimRefused) return exists ? "account_exists" : null;
    throw err;
  }
}

/**
 * Unscoped: accepting an invitation for a person who has just proved who they
 * are (signed in, with their second factor where they have one). The
 * invitation must be addressed to that person's email.
 */
export async function unsafeAcceptInvitationForUser(
  db: DbOrTx,
  input: { tokenHash: string; userId: string; now?: Date },
): Promise<AcceptedInvitation | null> {
  const now = input.now ?? new Date();
  return refusedAsNull(() =>
    db.transaction((tx) =>
      claimInvitation(tx, input.tokenHash, now, async (email) => {
        const [u] = await tx
          .select({ id: users.id })
          .from(users)
          .where(and(eq(users.id, input.userId), sql`lower(${users.email}) = lower(${email})`))
          .limit(1);
        return u?.id ?? null;
      }),
    ),
  );
}

export async function listPendingInvitations(scope: QueryScope) {
  return scope.db
    .select({
      id: invitations.id,
      email: invitations.email,
      name: invitations.name,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
    })
    .from(invitations)
    .where(and(eq(invitations.firmId, scope.firmId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .orderBy(desc(invitations.createdAt))
    .limit(200);
}

export class InvitationConflictError extends Error {}

export async function createInvitation(
  scope: QueryScope,
  input: { email: string; name: string; role: Role; candidateId?: string | null; tokenHash: string; expiresAt: Date },
): Promise<{ id: string }> {
  return scope.db.transaction(async (tx) => {
    const email = input.email.trim().toLowerCase();
    if (input.candidateId) {
      const [c] = await tx
        .select({ id: candidates.id })
        .from(candidates)
        .where(and(eq(candidates.firmId, scope.firmId), eq(candidates.id, input.candidateId), isNull(candidates.anonymizedAt)))
        .limit(1);
      if (!c) throw new InvitationConflictError("candidate_not_found");
    }
    const [member] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.firmId, scope.firmId), sql`lower(${users.email}) = ${email}`, eq(memberships.status, "active")))
      .limit(1);
    if (member) throw new InvitationConflictError("already_member");
    // A new invitation replaces any pending one for the same address.
    await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.firmId, scope.firmId), eq(invitations.email, email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
    const [row] = await tx
      .insert(invitations)
      .values({
        firmId: scope.firmId,
        email,
        name: input.name,
        role: input.role,
        candidateId: input.candidateId ?? null,
        tokenHash: input.tokenHash,
        invitedBy: scope.userId,
        expiresAt: input.expiresAt,
      })
      .returning({ id: invitations.id });
    await recordAudit(
      { ...scope, db: tx },
      { action: "invitation.create", entityType: "invitation", entityId: row!.id, changes: { role: input.role } },
    );
    return row!;
  });
}

export async function revokeInvitation(scope: QueryScope, invitationId: string): Promise<boolean> {
  return scope.db.transaction(async (tx) => {
    const rows = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.firmId, scope.firmId), eq(invitations.id, invitationId), isNull(invitations.acceptedAt)))
      .returning({ id: invitations.id });
    if (rows.length === 0) return false;
    await recordAudit({ ...scope, db: tx }, { action: "invitation.revoke", entityType: "invitation", entityId: invitationId });
    return true;
  });
}

/**
 * Unscoped: a person the firm's own provider has just vouched for, with a
 * pending staff invitation of that firm addressed to their email: the newest
 * such invitation is claimed (the same checks as a token), the account made
 * when there is none (without a password: they sign in through the provider),
 * and the membership added. Null when there is no usable invitation.
 */
export async function unsafeAcceptStaffInvitationThroughSso(
  db: DbOrTx,
  input: { firmId: string; email: string; name: string; now?: Date },
): Promise<AcceptedInvitation | null> {
  const now = input.now ?? new Date();
  const email = input.email.trim().toLowerCase();
  const [pending] = await db
    .select({ tokenHash: invitations.tokenHash })
    .from(invitations)
    .where(
      and(
        eq(invitations.firmId, input.firmId),
        sql`lower(${invitations.email}) = ${email}`,
        sql`${invitations.role} <> 'candidate'`,
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    )
    .orderBy(desc(invitations.createdAt))
    .limit(1);
  if (!pending) return null;
  return refusedAsNull(() =>
    db.transaction((tx) =>
      claimInvitation(tx, pending.tokenHash, now, async (invited) => {
        const [existing] = await tx
          .select({ id: users.id })
          .from(users)
          .where(sql`lower(${users.email}) = lower(${invited})`)
          .limit(1);
        if (existing) return existing.id;
        const [made] = await tx
          .insert(users)
          .values({ email: invited.toLowerCase(), name: input.name || invited, passwordHash: null })
          .onConflictDoNothing()
          .returning({ id: users.id });
        return made?.id ?? null;
      }),
    ),
  );
}
