import { and, arrayContains, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { firms, memberships, ssoIdentities, ssoProviders, users, type SsoProvider } from "../schema";
import type { QueryScope } from "./scope";

/**
 * A firm's single sign-on provider and the subjects linked through it
 * (lib/auth/sso/). The settings functions take the firm from the admin's scope
 * and filter `firm_id` themselves. The `unsafe` ones run before anyone is
 * signed in: routing an email domain to the firms that list it, and reading a
 * provider and its links while its callback is answered; each is keyed by a
 * firm id that the sign-in itself chose, never by anything the provider says.
 */

type Scope = Pick<QueryScope, "db" | "firmId">;

/** The provider as the settings page shows it (never the secret). */
export type SsoProviderView = Omit<SsoProvider, "clientSecretEncrypted"> & { hasSecret: boolean };

export async function getSsoProvider(scope: Scope): Promise<SsoProviderView | null> {
  const [row] = await scope.db.select().from(ssoProviders).where(eq(ssoProviders.firmId, scope.firmId)).limit(1);
  if (!row) return null;
  const { clientSecretEncrypted, ...rest } = row;
  return { ...rest, hasSecret: clientSecretEncrypted.length > 0 };
}

/** The stored (encrypted) secret, for testing the connection. */
export async function getSsoClientSecret(scope: Scope): Promise<string | null> {
  const [row] = await scope.db
    .select({ secret: ssoProviders.clientSecretEncrypted })
    .from(ssoProviders)
    .where(eq(ssoProviders.firmId, scope.firmId))
    .limit(1);
  return row?.secret ?? null;
}

export type SsoProviderWrite = {
  issuer: string;
  clientId: string;
  /** Absent: keep the stored one. */
  clientSecretEncrypted?: string;
  domains: string[];
  updatedBy: string;
  /** Whether issuer or client changed: the last test no longer speaks for them, and the provider is switched off. */
  connectionChanged: boolean;
};

export async function upsertSsoProvider(scope: Scope, input: SsoProviderWrite): Promise<void> {
  const reset = input.connectionChanged ? { enabled: false, required: false, lastTestedAt: null, lastTestOk: null, lastTestMessage: null } : {};
  await scope.db
    .insert(ssoProviders)
    .values({
      firmId: scope.firmId,
      issuer: input.issuer,
      clientId: input.clientId,
      clientSecretEncrypted: input.clientSecretEncrypted ?? "",
      domains: input.domains,
      updatedBy: input.updatedBy,
    })
    .onConflictDoUpdate({
      target: ssoProviders.firmId,
      set: {
        issuer: input.issuer,
        clientId: input.clientId,
        ...(input.clientSecretEncrypted ? { clientSecretEncrypted: input.clientSecretEncrypted } : {}),
        domains: input.domains,
        updatedBy: input.updatedBy,
        updatedAt: new Date(),
        ...reset,
      },
    });
}

export async function recordSsoTest(scope: Scope, input: { ok: boolean; message: string; at: Date }): Promise<void> {
  await scope.db
    .update(ssoProviders)
    .set({ lastTestedAt: input.at, lastTestOk: input.ok, lastTestMessage: input.message.slice(0, 500) })
    .where(eq(ssoProviders.firmId, scope.firmId));
}

export async function setSsoProviderState(scope: Scope, input: { enabled: boolean; required: boolean; updatedBy: string }): Promise<boolean> {
  const rows = await scope.db
    .update(ssoProviders)
    .set({ enabled: input.enabled, required: input.enabled && input.required, updatedBy: input.updatedBy, updatedAt: new Date() })
    .where(eq(ssoProviders.firmId, scope.firmId))
    .returning({ firmId: ssoProviders.firmId });
  return rows.length > 0;
}

/** How many staff of the firm have linked their provider account (the settings page shows it). */
export async function countSsoIdentities(scope: Scope): Promise<number> {
  const [row] = await scope.db
    .select({ n: sql<number>`count(*)::int` })
    .from(ssoIdentities)
    .where(eq(ssoIdentities.firmId, scope.firmId));
  return row?.n ?? 0;
}

/** Unscoped: the firms whose enabled provider lists this email domain (a route for the person to choose, never a grant). */
export async function unsafeFindSsoFirmsByDomain(db: DbOrTx, domain: string): Promise<{ firmId: string; firmName: string }[]> {
  return db
    .select({ firmId: ssoProviders.firmId, firmName: firms.name })
    .from(ssoProviders)
    .innerJoin(firms, eq(firms.id, ssoProviders.firmId))
    .where(and(eq(ssoProviders.enabled, true), arrayContains(ssoProviders.domains, [domain.toLowerCase()])))
    .orderBy(firms.name)
    .limit(20);
}

/** Unscoped: a firm's provider for the sign-in it is running (only when enabled). */
export async function unsafeGetEnabledSsoProvider(db: DbOrTx, firmId: string): Promise<(SsoProvider & { firmName: string }) | null> {
  const [row] = await db
    .select({ provider: ssoProviders, firmName: firms.name })
    .from(ssoProviders)
    .innerJoin(firms, eq(firms.id, ssoProviders.firmId))
    .where(and(eq(ssoProviders.firmId, firmId), eq(ssoProviders.enabled, true)))
    .limit(1);
  return row ? { ...row.provider, firmName: row.firmName } : null;
}

/** Unscoped: the account a provider's subject is linked to, in this firm only. */
export async function unsafeFindSsoIdentity(db: DbOrTx, firmId: string, subject: string): Promise<{ userId: string; email: string } | null> {
  const [row] = await db
    .select({ userId: ssoIdentities.userId, email: users.email })
    .from(ssoIdentities)
    .innerJoin(users, eq(users.id, ssoIdentities.userId))
    .where(and(eq(ssoIdentities.firmId, firmId), eq(ssoIdentities.subject, subject)))
    .limit(1);
  return row ?? null;
}

/** Unscoped: the subject an account is linked to in this firm, if any. */
export async function unsafeFindSsoSubjectOfUser(db: DbOrTx, firmId: string, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ subject: ssoIdentities.subject })
    .from(ssoIdentities)
    .where(and(eq(ssoIdentities.firmId, firmId), eq(ssoIdentities.userId, userId)))
    .limit(1);
  return row?.subject ?? null;
}

/**
 * Unscoped: links a subject to an account in one firm, on its first use. False
 * when the subject or the account is already linked otherwise (a race or a
 * second provider account for the same person), so nothing is overwritten.
 */
export async function unsafeLinkSsoIdentity(db: DbOrTx, input: { firmId: string; userId: string; subject: string; now: Date }): Promise<boolean> {
  const rows = await db
    .insert(ssoIdentities)
    .values({ firmId: input.firmId, userId: input.userId, subject: input.subject, lastUsedAt: input.now })
    .onConflictDoNothing()
    .returning({ id: ssoIdentities.id });
  return rows.length > 0;
}

export async function unsafeTouchSsoIdentity(db: DbOrTx, input: { firmId: string; subject: string; now: Date }): Promise<void> {
  await db
    .update(ssoIdentities)
    .set({ lastUsedAt: input.now })
    .where(and(eq(ssoIdentities.firmId, input.firmId), eq(ssoIdentities.subject, input.subject)));
}

/** Unscoped: the person's membership in this firm, whatever its state (a deactivated one stays closed). */
export async function unsafeFindMembershipForSso(db: DbOrTx, firmId: string, userId: string) {
  const [row] = await db
    .select({ role: memberships.role, status: memberships.status, sessionAbsoluteHours: firms.sessionAbsoluteHours })
    .from(memberships)
    .innerJoin(firms, eq(firms.id, memberships.firmId))
    .where(and(eq(memberships.firmId, firmId), eq(memberships.userId, userId)))
    .limit(1);
  return row ?? null;
}
