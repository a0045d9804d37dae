import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../client";
import { auditEvents, authSessions, firms, memberships, ssoProviders, throttles, users } from "../../schema";

// Sign-in: finding the person behind an email, recording sign-in events, and
// the attempt limits (kept in Postgres so limits hold across app instances).
// These run before there is a scope, so they are unscoped by design and named
// unsafe…; each says why.

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
      /** The firm requires its single sign-on for this role: a password does not open it (admins keep theirs as a way back in). */
      ssoRequired: sql<boolean>`(${memberships.role} = 'recruiter' and exists (select 1 from ${ssoProviders} p where p.firm_id = ${memberships.firmId} and p.enabled and p.required))`,
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
