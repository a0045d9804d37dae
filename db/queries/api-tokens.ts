import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { apiTokens, firms, memberships, users } from "../schema";
import { recordAudit } from "./audit";
import type { QueryScope } from "./scope";

export interface ApiTokenView {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdByName: string | null;
}

/** The firm's API tokens, newest first (never the hash). */
export async function listApiTokens(scope: QueryScope): Promise<ApiTokenView[]> {
  return scope.db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      createdByName: users.name,
    })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.createdBy))
    .where(eq(apiTokens.firmId, scope.firmId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .limit(200);
}

/** Stores a new token's hash and prefix (the token itself is shown once and never stored). */
export async function createApiToken(
  scope: QueryScope,
  input: { name: string; prefix: string; tokenHash: string },
): Promise<{ id: string }> {
  return scope.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({ firmId: scope.firmId, name: input.name, prefix: input.prefix, tokenHash: input.tokenHash, createdBy: scope.userId })
      .returning({ id: apiTokens.id });
    await recordAudit(
      { ...scope, db: tx },
      { action: "api_token.create", entityType: "api_token", entityId: row!.id, changes: { prefix: input.prefix } },
    );
    return row!;
  });
}

/** Revokes one of the firm's tokens; it stops working on its next request. */
export async function revokeApiToken(scope: QueryScope, tokenId: string): Promise<"revoked" | "already_revoked" | "not_found"> {
  return scope.db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(apiTokens.firmId, scope.firmId), eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id, name: apiTokens.name });
    if (!row) {
      const [existing] = await tx
        .select({ id: apiTokens.id })
        .from(apiTokens)
        .where(and(eq(apiTokens.firmId, scope.firmId), eq(apiTokens.id, tokenId)))
        .limit(1);
      return existing ? "already_revoked" : "not_found";
    }
    await recordAudit({ ...scope, db: tx }, { action: "api_token.revoke", entityType: "api_token", entityId: tokenId });
    return "revoked";
  });
}

export interface ApiTokenIdentity {
  id: string;
  firmId: string;
  firmName: string;
  name: string;
  revokedAt: Date | null;
  createdBy: string | null;
  creatorName: string | null;
  /** The creator still works in the firm as staff (admin or recruiter). */
  creatorActive: boolean;
}

/**
 * Unscoped: a BI tool presents only its token, so the token's hash is looked
 * up before any firm is known; the firm then comes from the token's row.
 */
export async function unsafeFindApiTokenByHash(db: DbOrTx, tokenHash: string): Promise<ApiTokenIdentity | null> {
  const [row] = await db
    .select({
      id: apiTokens.id,
      firmId: apiTokens.firmId,
      firmName: firms.name,
      name: apiTokens.name,
      revokedAt: apiTokens.revokedAt,
      createdBy: apiTokens.createdBy,
      creatorName: users.name,
      membershipStatus: memberships.status,
      membershipRole: memberships.role,
    })
    .from(apiTokens)
    .innerJoin(firms, eq(firms.id, apiTokens.firmId))
    .leftJoin(users, eq(users.id, apiTokens.createdBy))
    .leftJoin(memberships, and(eq(memberships.firmId, apiTokens.firmId), eq(memberships.userId, apiTokens.createdBy)))
    .where(eq(apiTokens.tokenHash, tokenHash))
    .limit(1);
  if (!row) return null;
  const { membershipStatus, membershipRole, ...rest } = row;
  return {
    ...rest,
    creatorActive: membershipStatus === "active" && (membershipRole === "admin" || membershipRole === "recruiter"),
  };
}

/**
 * Unscoped: notes that a token was used, keyed by the token's own firm and id.
 * Written at most once a minute per token, so a busy BI tool does not turn
 * every read into a write.
 */
export async function unsafeTouchApiToken(db: DbOrTx, token: { firmId: string; id: string }): Promise<void> {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(apiTokens.firmId, token.firmId),
        eq(apiTokens.id, token.id),
        or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, sql`now() - interval '1 minute'`)),
      ),
    );
}
