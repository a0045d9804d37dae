import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../client";
import { authSessions, firms, invitations, memberships, ssoProviders, users } from "../../schema";
import { recordAudit } from "../audit";
import type { QueryScope } from "../scope";
import { unsafeFindUserForSignIn } from "./sign-in";

// Memberships: the team, a staff member's role and status, and the firms a
// person may switch between.

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
        // A session a firm's provider opened is valid for that firm alone: it cannot switch.
        isNull(authSessions.ssoFirmId),
        gt(authSessions.expiresAt, now),
      ),
    )
    .returning({ id: authSessions.id });
  return rows.length > 0;
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
      /** The firm offers its single sign-on / requires it for this role (then only its provider opens it). */
      ssoEnabled: sql<boolean>`exists (select 1 from ${ssoProviders} p where p.firm_id = ${memberships.firmId} and p.enabled)`,
      ssoRequired: sql<boolean>`(${memberships.role} = 'recruiter' and exists (select 1 from ${ssoProviders} p where p.firm_id = ${memberships.firmId} and p.enabled and p.required))`,
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
