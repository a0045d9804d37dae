import { and, eq, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { spentTokens, users } from "../schema";
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

/**
 * Unscoped: records that a TOTP code of `step` was used, if no code of this
 * step or a later one was before. One conditional UPDATE, so of two requests
 * with the same code only one passes.
 */
export async function unsafeSpendTotpStep(db: DbOrTx, userId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ mfaLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.mfaLastStep), lt(users.mfaLastStep, step))))
    .returning({ id: users.id });
  return rows.length > 0;
}

/** The signed-in person's own TOTP code, spent as in unsafeSpendTotpStep. */
export async function spendMyTotpStep(scope: QueryScope, step: number): Promise<boolean> {
  return unsafeSpendTotpStep(scope.db, scope.userId, step);
}

/**
 * Unscoped: spends a one-time credential that is stored nowhere else (the
 * second-step ticket of sign-in). True only for the first caller; the row
 * may be deleted after `expiresAt`, when the credential is void anyway.
 */
export async function unsafeSpendToken(db: DbOrTx, key: string, expiresAt: Date): Promise<boolean> {
  const rows = await db.insert(spentTokens).values({ key, expiresAt }).onConflictDoNothing().returning({ key: spentTokens.key });
  return rows.length > 0;
}

/** Unscoped: whether a one-time credential was already spent. */
export async function unsafeTokenSpent(db: DbOrTx, key: string): Promise<boolean> {
  const [row] = await db.select({ key: spentTokens.key }).from(spentTokens).where(eq(spentTokens.key, key)).limit(1);
  return !!row;
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
    .set({ mfaSecret: encryptedSecret, mfaLastStep: null })
    .where(and(eq(users.id, scope.userId), isNull(users.mfaEnabledAt)))
    .returning({ id: users.id });
  return rows.length > 0;
}

/** Turns the second factor on with fresh recovery codes; ends other sessions. */
export async function confirmMyMfaEnrollment(scope: QueryScope, recoveryCodeHashes: string[], step: number): Promise<boolean> {
  return scope.db.transaction(async (tx) => {
    const rows = await tx
      .update(users)
      // The confirming code is spent: it cannot also serve a sign-in.
      .set({ mfaEnabledAt: new Date(), recoveryCodeHashes, mfaLastStep: step })
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
      .set({ mfaSecret: null, mfaEnabledAt: null, mfaLastStep: null, recoveryCodeHashes: [], sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, scope.userId));
    await recordAudit({ ...scope, db: tx }, { action: "mfa.disable", entityType: "user", entityId: scope.userId });
  });
}
