import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../client";
import { authSessions, firms, memberships, ssoProviders, users } from "../../schema";
import type { Role } from "../../schema/enums";
import { recordAudit } from "../audit";
import type { QueryScope } from "../scope";

// Sessions: the row a signed token points at, how a scope is loaded from it,
// and the signed-in person's own sessions.

/** Unscoped: creates the session row a new sign-in's token points at. */
export async function unsafeCreateAuthSession(
  db: DbOrTx,
  input: {
    userId: string;
    firmId: string;
    absoluteHours: number;
    /** The firm whose own single sign-on provider opened the session (it is then valid for that firm alone). */
    ssoFirmId?: string | null;
    ip?: string | null;
    userAgent?: string | null;
    now?: Date;
  },
): Promise<{ id: string; expiresAt: Date }> {
  const now = input.now ?? new Date();
  const expiresAt = new Date(now.getTime() + input.absoluteHours * 3_600_000);
  const [row] = await db
    .insert(authSessions)
    .values({
      userId: input.userId,
      firmId: input.firmId,
      ssoFirmId: input.ssoFirmId ?? null,
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
  /** Whether the firm's staff (admins excepted) must sign in through its single sign-on provider. */
  firmRequiresSso: boolean;
  /** The firm whose provider opened this session, or null for a password sign-in. */
  ssoFirmId: string | null;
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
      firmRequiresSso: sql<boolean>`exists (select 1 from ${ssoProviders} p where p.firm_id = ${firms.id} and p.enabled and p.required)`,
      ssoFirmId: authSessions.ssoFirmId,
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

/** Unscoped: the firm's name and session settings, looked up from a session's own firm id. */
export async function unsafeGetFirmSettings(db: DbOrTx, firmId: string) {
  const [row] = await db
    .select({ id: firms.id, name: firms.name, sessionIdleMinutes: firms.sessionIdleMinutes, sessionAbsoluteHours: firms.sessionAbsoluteHours })
    .from(firms)
    .where(eq(firms.id, firmId))
    .limit(1);
  return row ?? null;
}
