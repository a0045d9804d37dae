import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { users } from "../schema";
import { recordAudit } from "./audit";
import type { QueryScope } from "./scope";

/** Unscoped: the second sign-in step runs before a session (and so a scope) exists. */
export async function unsafeGetMfaState(db: DbOrTx, userId: string) {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      secret: users.mfaSecret,
      enabledAt: users.mfaEnabledAt,
      recoveryCodeHashes: users.recoveryCodeHashes,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row ?? null;
}

/** Unscoped: spends one recovery code of the person signing in, atomically (single use). */
export async function unsafeConsumeRecoveryCode(db: DbOrTx, userId: string, codeHash: string): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ recoveryCodeHashes: sql`${users.recoveryCodeHashes} - ${codeHash}::text` })
    .where(and(eq(users.id, userId), sql`${users.recoveryCodeHashes} ? ${codeHash}::text`))
    .returning({ id: users.id });
  return rows.length > 0;
}

/** The signed-in person's own second-factor state. */
export async function getMyMfa(scope: QueryScope) {
  const [row] = await scope.db
    .select({
      pendingSecret: users.mfaSecret,
      enabledAt: users.mfaEnabledAt,
      recoveryCodesLeft: sql<number>`jsonb_array_length(${users.recoveryCodeHashes})`,
    })
    .from(users)
    .where(eq(users.id, scope.userId))
    .limit(1);
  return row ?? null;
}

/** Starts (or restarts) enrollment with a new encrypted secret; not active until confirmed. */
export async function startMyMfaEnrollment(scope: QueryScope, encryptedSecret: string): Promise<boolean> {
  const rows = await scope.db
    .update(users)
    .set({ mfaSecret: encryptedSecret })
    .where(and(eq(users.id, scope.userId), isNull(users.mfaEnabledAt)))
    .returning({ id: users.id });
  return rows.length > 0;
}

/** Turns the second factor on with fresh recovery codes; ends other sessions. */
export async function confirmMyMfaEnrollment(scope: QueryScope, recoveryCodeHashes: string[]): Promise<boolean> {
  return scope.db.transaction(async (tx) => {
    const rows = await tx
      .update(users)
      .set({ mfaEnabledAt: new Date(), recoveryCodeHashes })
      .where(and(eq(users.id, scope.userId), isNull(users.mfaEnabledAt), isNotNull(users.mfaSecret)))
      .returning({ id: users.id });
    if (rows.length === 0) return false;
    await recordAudit({ ...scope, db: tx }, { action: "mfa.enable", entityType: "user", entityId: scope.userId });
    return true;
  });
}

export async function replaceMyRecoveryCodes(scope: QueryScope, recoveryCodeHashes: string[]): Promise<boolean> {
  return scope.db.transaction(async (tx) => {
    const rows = await tx
      .update(users)
      .set({ recoveryCodeHashes })
      .where(and(eq(users.id, scope.userId), isNotNull(users.mfaEnabledAt)))
      .returning({ id: users.id });
    if (rows.length === 0) return false;
    await recordAudit({ ...scope, db: tx }, { action: "mfa.recovery_codes.replace", entityType: "user", entityId: scope.userId });
    return true;
  });
}

export async function disableMyMfa(scope: QueryScope): Promise<void> {
  await scope.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ mfaSecret: null, mfaEnabledAt: null, recoveryCodeHashes: [], sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, scope.userId));
    await recordAudit({ ...scope, db: tx }, { action: "mfa.disable", entityType: "user", entityId: scope.userId });
  });
}
