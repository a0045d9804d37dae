import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../client";
import { auditEvents, authSessions, memberships, passwordResets, users } from "../../schema";
import { recordAudit } from "../audit";
import type { QueryScope } from "../scope";

// Passwords: reset links (requested by someone not signed in) and a signed-in
// person's change of password.

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
