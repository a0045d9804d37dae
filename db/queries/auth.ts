import { and, asc, desc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import {
  auditEvents,
  authSessions,
  candidates,
  firms,
  invitations,
  memberships,
  passwordResets,
  throttles,
  users,
} from "../schema";
import type { Role } from "../schema/enums";
import { recordAudit } from "./audit";
import type { QueryScope } from "./scope";

// ---------------------------------------------------------------------------
// Sign-in and sessions. These run before there is a scope, so they are unscoped
// by design and named unsafe…; each says why.
// ---------------------------------------------------------------------------

/** Unscoped: sign-in looks a person up by email before any firm is known. */
export async function unsafeFindUserForSignIn(db: DbOrTx, email: string) {
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      passwordHash: users.passwordHash,
      sessionVersion: users.sessionVersion,
      mfaEnabledAt: users.mfaEnabledAt,
    })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .limit(1);
  if (!user) return null;
  const active = await db
    .select({
      membershipId: memberships.id,
      firmId: memberships.firmId,
      role: memberships.role,
      firmName: firms.name,
      sessionAbsoluteHours: firms.sessionAbsoluteHours,
    })
    .from(memberships)
    .innerJoin(firms, eq(firms.id, memberships.firmId))
    .where(and(eq(memberships.userId, user.id), eq(memberships.status, "active")))
    // The firm used last comes first: a new sign-in opens it until the person chooses another.
    .orderBy(
      sql`(select max(s.created_at) from ${authSessions} s where s.user_id = ${memberships.userId} and s.firm_id = ${memberships.firmId}) desc nulls last`,
      asc(memberships.createdAt),
    );
  return { ...user, memberships: active };
}

/** Unscoped: the same, by id — a firm switch names the person by the session it replaces. */
export async function unsafeFindUserForSwitch(db: DbOrTx, userId: string) {
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId)).limit(1);
  return row ? unsafeFindUserForSignIn(db, row.email) : null;
}

/**
 * Unscoped: ends the session a firm switch replaces — only while it is still
 * live and the person's own. True when it was; a second use finds it revoked.
 */
export async function unsafeEndSessionForSwitch(db: DbOrTx, input: { sessionId: string; userId: string; now?: Date }): Promise<boolean> {
  const now = input.now ?? new Date();
  const rows = await db
    .update(authSessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(authSessions.id, input.sessionId),
        eq(authSessions.userId, input.userId),
        isNull(authSessions.revokedAt),
        gt(authSessions.expiresAt, now),
      ),
    )
    .returning({ id: authSessions.id });
  return rows.length > 0;
}

/** Unscoped: creates the session row a new sign-in's token points at. */
export async function unsafeCreateAuthSession(
  db: DbOrTx,
  input: { userId: string; firmId: string; absoluteHours: number; ip?: string | null; userAgent?: string | null; now?: Date },
): Promise<{ id: string; expiresAt: Date }> {
  const now = input.now ?? new Date();
  const expiresAt = new Date(now.getTime() + input.absoluteHours * 3_600_000);
  const [row] = await db
    .insert(authSessions)
    .values({
      userId: input.userId,
      firmId: input.firmId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      ip: input.ip ?? null,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    })
    .returning({ id: authSessions.id, expiresAt: authSessions.expiresAt });
  await db.update(users).set({ lastSignInAt: now }).where(eq(users.id, input.userId));
  return row!;
}

export interface SessionContext {
  userId: string;
  userName: string;
  userEmail: string;
  sessionVersion: number;
  firmId: string;
  firmName: string;
  firmTimeZone: string;
  role: Role;
  candidateId: string | null;
  membershipActive: boolean;
  sessionIdleMinutes: number;
  mfaEnabled: boolean;
  firmRequiresMfa: boolean;
  /** How many firms the person is an active member of (more than one: they may switch). */
  firmCount: number;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

/**
 * Unscoped: this is how a scope comes to exist. It loads, by the ids the signed
 * token carries, the session row, the user and the membership in that firm.
 */
export async function unsafeLoadSessionContext(
  db: DbOrTx,
  ids: { sessionId: string; userId: string; firmId: string },
): Promise<SessionContext | null> {
  const [row] = await db
    .select({
      userId: users.id,
      userName: users.name,
      userEmail: users.email,
      sessionVersion: users.sessionVersion,
      firmId: firms.id,
      firmName: firms.name,
      firmTimeZone: firms.timeZone,
      role: memberships.role,
      candidateId: memberships.candidateId,
      status: memberships.status,
      sessionIdleMinutes: firms.sessionIdleMinutes,
      mfaEnabledAt: users.mfaEnabledAt,
      firmRequiresMfa: firms.mfaRequired,
      firmCount: sql<number>`(select count(*)::int from ${memberships} m where m.user_id = ${users.id} and m.status = 'active')`,
      lastSeenAt: authSessions.lastSeenAt,
      expiresAt: authSessions.expiresAt,
      revokedAt: authSessions.revokedAt,
    })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.firmId, ids.firmId)))
    .innerJoin(firms, eq(firms.id, memberships.firmId))
    .where(
      and(eq(authSessions.id, ids.sessionId), eq(authSessions.userId, ids.userId), eq(authSessions.firmId, ids.firmId)),
    )
    .limit(1);
  if (!row) return null;
  const { status, mfaEnabledAt, ...rest } = row;
  return { ...rest, mfaEnabled: mfaEnabledAt !== null, membershipActive: status === "active" };
}

/** Unscoped: keeps the idle timer of the caller's own session. */
export async function unsafeTouchSession(db: DbOrTx, sessionId: string, now = new Date()): Promise<void> {
  await db.update(authSessions).set({ lastSeenAt: now }).where(eq(authSessions.id, sessionId));
}

/** Unscoped: sign-out of the caller's own session. */
export async function unsafeRevokeSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db
    .update(authSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt)));
}

/** Unscoped: sign-in events happen before a scope exists; the firm comes from the membership found. */
export async function unsafeRecordAuthEvent(
  db: DbOrTx,
  input: { firmId: string; userId: string | null; action: string; ip?: string | null; details?: Record<string, unknown> },
): Promise<void> {
  await db.insert(auditEvents).values({
    firmId: input.firmId,
    actorUserId: input.userId,
    action: input.action,
    entityType: "user",
    entityId: input.userId,
    changes: input.details ?? null,
    ip: input.ip ?? null,
  });
}

// ---------------------------------------------------------------------------
// Throttling, kept in Postgres so limits hold across app instances.
// ---------------------------------------------------------------------------

/** Unscoped: throttle buckets are keyed by account or address, before sign-in. */
export async function unsafeThrottleState(db: DbOrTx, key: string, now = new Date()) {
  const [row] = await db.select().from(throttles).where(eq(throttles.key, key)).limit(1);
  const locked = !!row?.lockedUntil && row.lockedUntil > now;
  return { locked, lockedUntil: locked ? row!.lockedUntil : null, count: row?.count ?? 0 };
}

/**
 * Growing delays: the first `free` failures cost nothing; each one after sets
 * the key's pause to base·2^(failures − free − 1) seconds (1 s, 2 s, 4 s…),
 * never more than `maxSeconds`. A key forgets its failures after
 * `forgetSeconds` without one. windowStartsAt holds the latest failure.
 */
export interface GrowingDelay {
  free: number;
  baseSeconds: number;
  maxSeconds: number;
  forgetSeconds: number;
}

/** The pause after the `failures`-th failure, in seconds (0: none yet). */
function delayAfter(policy: GrowingDelay, failures: number): number {
  const over = failures - policy.free;
  if (over <= 0) return 0;
  return Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** Math.min(over - 1, 30));
}

/**
 * Unscoped: counts one failure on a key and pauses it as the policy says. The
 * count is one statement, so concurrent failures all count; the pause only
 * ever moves later, so a slower concurrent write cannot shorten it.
 */
export async function unsafeThrottleFailure(
  db: DbOrTx,
  input: GrowingDelay & { key: string; now?: Date },
): Promise<{ count: number; lockedUntil: Date | null }> {
  const now = input.now ?? new Date();
  const forgetBefore = new Date(now.getTime() - input.forgetSeconds * 1000);
  const [row] = await db
    .insert(throttles)
    .values({ key: input.key, count: 1, windowStartsAt: now })
    .onConflictDoUpdate({
      target: throttles.key,
      set: {
        count: sql`case when ${throttles.windowStartsAt} < ${forgetBefore} then 1 else ${throttles.count} + 1 end`,
        windowStartsAt: now,
        lockedUntil: sql`case when ${throttles.windowStartsAt} < ${forgetBefore} then null else ${throttles.lockedUntil} end`,
      },
    })
    .returning({ count: throttles.count });
  const count = row?.count ?? 1;
  const seconds = delayAfter(input, count);
  if (seconds === 0) return { count, lockedUntil: null };
  const until = new Date(now.getTime() + seconds * 1000);
  const [locked] = await db
    .update(throttles)
    .set({ lockedUntil: sql`greatest(coalesce(${throttles.lockedUntil}, ${until}), ${until})` })
    .where(eq(throttles.key, input.key))
    .returning({ lockedUntil: throttles.lockedUntil });
  return { count, lockedUntil: locked?.lockedUntil ?? until };
}

/** Unscoped: a successful sign-in clears its own account's buckets. */
export async function unsafeThrottleReset(db: DbOrTx, ...keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await db.delete(throttles).where(inArray(throttles.key, keys));
}

/**
 * Unscoped: whether this person has signed in from this address before (a
 * session row in the last `days` days). Sign-in uses it so that strangers
 * failing against an account cannot pause its owner at their usual address.
 */
export async function unsafeKnownSignInAddress(db: DbOrTx, userId: string, ip: string, days: number, now = new Date()) {
  const [row] = await db
    .select({ id: authSessions.id })
    .from(authSessions)
    .where(
      and(
        eq(authSessions.userId, userId),
        eq(authSessions.ip, ip),
        gt(authSessions.createdAt, new Date(now.getTime() - days * 86_400_000)),
      ),
    )
    .limit(1);
  return !!row;
}

/**
 * Unscoped: a fixed-window rate limit (API tokens). Returns whether this hit is
 * allowed and how many remain.
 */
export async function unsafeRateLimitHit(
  db: DbOrTx,
  input: { key: string; limit: number; windowSeconds: number; now?: Date },
): Promise<{ allowed: boolean; remaining: number; resetAt: Date }> {
  const now = input.now ?? new Date();
  const windowStart = new Date(now.getTime() - input.windowSeconds * 1000);
  const [row] = await db
    .insert(throttles)
    .values({ key: input.key, count: 1, windowStartsAt: now })
    .onConflictDoUpdate({
      target: throttles.key,
      set: {
        count: sql`case when ${throttles.windowStartsAt} < ${windowStart} then 1 else ${throttles.count} + 1 end`,
        windowStartsAt: sql`case when ${throttles.windowStartsAt} < ${windowStart} then ${now} else ${throttles.windowStartsAt} end`,
      },
    })
    .returning({ count: throttles.count, windowStartsAt: throttles.windowStartsAt });
  const count = row?.count ?? 1;
  const resetAt = new Date((row?.windowStartsAt ?? now).getTime() + input.windowSeconds * 1000);
  return { allowed: count <= input.limit, remaining: Math.max(0, input.limit - count), resetAt };
}

// ---------------------------------------------------------------------------
// Invitations and password resets.
// ---------------------------------------------------------------------------

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

/**
 * Unscoped: the person's own active memberships, across firms — for choosing
 * or switching the firm a session names. Keyed by the signed-in user's id.
 */
export async function unsafeListMyMemberships(db: DbOrTx, userId: string) {
  return db
    .select({
      firmId: memberships.firmId,
      firmName: firms.name,
      role: memberships.role,
      lastUsedAt: sql<Date | null>`(select max(s.created_at) from ${authSessions} s where s.user_id = ${memberships.userId} and s.firm_id = ${memberships.firmId})`.mapWith(
        authSessions.createdAt,
      ),
    })
    .from(memberships)
    .innerJoin(firms, eq(firms.id, memberships.firmId))
    .where(and(eq(memberships.userId, userId), eq(memberships.status, "active")))
    .orderBy(asc(firms.name), asc(memberships.firmId))
    .limit(100);
}

/** Spends every reset link of a person that is still open (a new reset or a password change makes them void). */
async function voidOpenResets(db: DbOrTx, userId: string, now: Date): Promise<void> {
  await db
    .update(passwordResets)
    .set({ usedAt: now })
    .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
}

/** Unscoped: a reset is requested by someone who is not signed in. Only the newest link works. */
export async function unsafeCreatePasswordReset(
  db: DbOrTx,
  input: { userId: string; tokenHash: string; expiresAt: Date; now?: Date },
): Promise<void> {
  const { now = new Date(), ...row } = input;
  await db.transaction(async (tx) => {
    await voidOpenResets(tx, input.userId, now);
    await tx.insert(passwordResets).values(row);
  });
}

/** Unscoped: the token hash is the capability. */
export async function unsafeFindPasswordReset(db: DbOrTx, tokenHash: string, now = new Date()) {
  const [row] = await db
    .select({ id: passwordResets.id, userId: passwordResets.userId, email: users.email })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
    .limit(1);
  return row ?? null;
}

/**
 * Unscoped: sets the new password, spends the token (single use), and ends
 * every session of that person (session version bump).
 */
export async function unsafeCompletePasswordReset(
  db: DbOrTx,
  input: { tokenHash: string; passwordHash: string; now?: Date },
): Promise<{ userId: string; email: string } | null> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const [reset] = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.tokenHash, input.tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
      .returning({ userId: passwordResets.userId });
    if (!reset) return null;
    await voidOpenResets(tx, reset.userId, now);
    const [user] = await tx
      .update(users)
      .set({ passwordHash: input.passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, reset.userId))
      .returning({ email: users.email });
    await tx
      .update(authSessions)
      .set({ revokedAt: now })
      .where(and(eq(authSessions.userId, reset.userId), isNull(authSessions.revokedAt)));
    const ms = await tx.select({ firmId: memberships.firmId }).from(memberships).where(eq(memberships.userId, reset.userId));
    for (const m of ms) {
      await tx.insert(auditEvents).values({
        firmId: m.firmId,
        actorUserId: reset.userId,
        action: "password.reset",
        entityType: "user",
        entityId: reset.userId,
      });
    }
    return { userId: reset.userId, email: user!.email };
  });
}

// ---------------------------------------------------------------------------
// Scoped: the team, invitations, the caller's own sessions.
// ---------------------------------------------------------------------------

export async function listTeam(scope: QueryScope) {
  return scope.db
    .select({
      membershipId: memberships.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      status: memberships.status,
      lastSignInAt: users.lastSignInAt,
      version: memberships.version,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.firmId, scope.firmId), sql`${memberships.role} <> 'candidate'`))
    .orderBy(asc(users.name))
    .limit(500);
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

async function revokeInvitationsBy(tx: DbOrTx, firmId: string, inviterId: string, which: "all" | "staff"): Promise<string[]> {
  const rows = await tx
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(invitations.firmId, firmId),
        eq(invitations.invitedBy, inviterId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        which === "staff" ? sql`${invitations.role} <> 'candidate'` : undefined,
      ),
    )
    .returning({ id: invitations.id });
  return rows.map((r) => r.id);
}

export type MembershipChange = { role?: "admin" | "recruiter"; status?: "active" | "deactivated" };

/**
 * Changes a staff member's role or status. Bumps the person's session version
 * so the change takes effect on their very next request.
 */
export async function updateMembership(
  scope: QueryScope,
  membershipId: string,
  change: MembershipChange,
): Promise<"ok" | "not_found" | "last_admin"> {
  return scope.db.transaction(async (tx) => {
    const [m] = await tx
      .select({ userId: memberships.userId, role: memberships.role, status: memberships.status })
      .from(memberships)
      .where(and(eq(memberships.firmId, scope.firmId), eq(memberships.id, membershipId)))
      .limit(1);
    if (!m || m.role === "candidate") return "not_found";
    const losesAdmin = m.role === "admin" && m.status === "active" && (change.role === "recruiter" || change.status === "deactivated");
    if (losesAdmin) {
      const [{ n }] = (await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(memberships)
        .where(and(eq(memberships.firmId, scope.firmId), eq(memberships.role, "admin"), eq(memberships.status, "active")))) as [
        { n: number },
      ];
      if (n <= 1) return "last_admin";
    }
    await tx
      .update(memberships)
      .set({ ...change, version: sql`${memberships.version} + 1` })
      .where(and(eq(memberships.firmId, scope.firmId), eq(memberships.id, membershipId)));
    await tx.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, m.userId));
    // Invitations stand on their inviter: deactivated, none of theirs stays open;
    // no longer an admin, their staff invitations close (candidates' stay).
    const withdrawn =
      change.status === "deactivated"
        ? await revokeInvitationsBy(tx, scope.firmId, m.userId, "all")
        : m.role === "admin" && change.role === "recruiter"
          ? await revokeInvitationsBy(tx, scope.firmId, m.userId, "staff")
          : [];
    for (const id of withdrawn) {
      await recordAudit({ ...scope, db: tx }, { action: "invitation.revoke", entityType: "invitation", entityId: id, changes: { reason: "inviter_changed" } });
    }
    await recordAudit(
      { ...scope, db: tx },
      { action: "membership.update", entityType: "membership", entityId: membershipId, changes: { from: { role: m.role, status: m.status }, to: change } },
    );
    return "ok";
  });
}

/** Ends every session of the signed-in person, in every browser. */
export async function signOutEverywhere(scope: QueryScope): Promise<void> {
  await scope.db.transaction(async (tx) => {
    await tx.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, scope.userId));
    await tx
      .update(authSessions)
      .set({ revokedAt: new Date() })
      .where(and(eq(authSessions.userId, scope.userId), isNull(authSessions.revokedAt)));
    await recordAudit({ ...scope, db: tx }, { action: "session.revoke_all", entityType: "user", entityId: scope.userId });
  });
}

/** The signed-in person's own sessions in this firm. */
export async function listMySessions(scope: QueryScope) {
  return scope.db
    .select({
      id: authSessions.id,
      createdAt: authSessions.createdAt,
      lastSeenAt: authSessions.lastSeenAt,
      expiresAt: authSessions.expiresAt,
      ip: authSessions.ip,
      userAgent: authSessions.userAgent,
    })
    .from(authSessions)
    .where(
      and(
        eq(authSessions.userId, scope.userId),
        eq(authSessions.firmId, scope.firmId),
        isNull(authSessions.revokedAt),
        gt(authSessions.expiresAt, new Date()),
      ),
    )
    .orderBy(desc(authSessions.lastSeenAt))
    .limit(50);
}

/** Ends one of the signed-in person's own sessions. */
export async function revokeMySession(scope: QueryScope, sessionId: string): Promise<boolean> {
  const rows = await scope.db
    .update(authSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(authSessions.id, sessionId), eq(authSessions.userId, scope.userId), eq(authSessions.firmId, scope.firmId)))
    .returning({ id: authSessions.id });
  return rows.length > 0;
}

/** Changes the signed-in person's password and ends their other sessions. */
export async function changeMyPassword(scope: QueryScope, passwordHash: string): Promise<void> {
  await scope.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, scope.userId));
    await voidOpenResets(tx, scope.userId, new Date());
    await recordAudit({ ...scope, db: tx }, { action: "password.change", entityType: "user", entityId: scope.userId });
  });
}

/** Unscoped: the firm's name and session settings, looked up from a session's own firm id. */
export async function unsafeGetFirmSettings(db: DbOrTx, firmId: string) {
  const [row] = await db
    .select({ id: firms.id, name: firms.name, sessionIdleMinutes: firms.sessionIdleMinutes, sessionAbsoluteHours: firms.sessionAbsoluteHours })
    .from(firms)
    .where(eq(firms.id, firmId))
    .limit(1);
  return row ?? null;
}
