import { cache } from "react";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { firmScopedDb, getDatabase } from "@/db/runtime";
import { unsafeLoadSessionContext, unsafeTouchSession } from "@/db/queries/auth";
import type { QueryScope } from "@/db/queries/scope";
import { can, type Permission } from "@/lib/core/permissions";
import { clientIp } from "./request";
import { getSessionClaims } from "./session";

export interface Scope extends QueryScope {
  sessionId: string;
  userName: string;
  userEmail: string;
  firmName: string;
  /** How many firms the person may open (more than one: the account menu offers "Switch firm"). */
  firmCount: number;
  /** Staff of a firm that requires two-factor sign-in, who have not set it up yet. */
  needsMfaEnrollment: boolean;
  /** The firm whose single sign-on opened this session (valid for that firm alone), or null after a password. */
  ssoFirmId: string | null;
}

/** Only write the idle clock this often; a read per request is enough to enforce it. */
const TOUCH_EVERY_MS = 60_000;

export type ScopeFailure = "signed_out" | "expired";

/**
 * Who is asking, from the database: the session row (not revoked, within its
 * absolute and idle limits), the user's session version, and the membership's
 * firm, role and candidate. The firm id never comes from a form, URL or header.
 */
export const resolveScope = cache(async (): Promise<{ scope: Scope } | { failure: ScopeFailure }> => {
  const claims = await getSessionClaims();
  if (!claims) return { failure: "signed_out" };
  const database = await getDatabase();
  const ctx = await unsafeLoadSessionContext(database.db, claims);
  const now = new Date();
  if (!ctx || !ctx.membershipActive || ctx.revokedAt || ctx.sessionVersion !== claims.sessionVersion) {
    return { failure: "signed_out" };
  }
  // A firm that requires its single sign-on accepts only sessions its provider opened (admins excepted, as at sign-in).
  if (ctx.firmRequiresSso && ctx.role === "recruiter" && ctx.ssoFirmId !== ctx.firmId) return { failure: "signed_out" };
  if (now >= ctx.expiresAt || now.getTime() - ctx.lastSeenAt.getTime() > ctx.sessionIdleMinutes * 60_000) {
    return { failure: "expired" };
  }
  if (now.getTime() - ctx.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await unsafeTouchSession(database.db, claims.sessionId, now);
  }
  const h = await headers();
  return {
    scope: {
      // On PostgreSQL: the app role, this firm and person (row-level security).
      db: firmScopedDb(database.db, ctx.firmId, ctx.userId),
      firmId: ctx.firmId,
      userId: ctx.userId,
      role: ctx.role,
      candidateId: ctx.role === "candidate" ? ctx.candidateId : null,
      sessionId: claims.sessionId,
      userName: ctx.userName,
      userEmail: ctx.userEmail,
      firmName: ctx.firmName,
      firmCount: ctx.firmCount,
      firmTimeZone: ctx.firmTimeZone,
      needsMfaEnrollment: ctx.role !== "candidate" && ctx.firmRequiresMfa && !ctx.mfaEnabled && !ctx.ssoFirmId,
      ssoFirmId: ctx.ssoFirmId,
      requestId: h.get("x-request-id") ?? undefined,
      ip: clientIp(h),
    },
  };
});

export async function getScope(): Promise<Scope | null> {
  const r = await resolveScope();
  return "scope" in r ? r.scope : null;
}

async function currentPath(): Promise<string> {
  const h = await headers();
  return h.get("x-afterview-path") ?? "/";
}

/**
 * For pages: signed out → sign-in (then back here); lacking the permission →
 * 404, the same answer as a record that is not there.
 */
export async function requireScope(permission?: Permission): Promise<Scope> {
  const r = await resolveScope();
  if ("failure" in r) {
    const next = await currentPath();
    const params = new URLSearchParams({ next });
    if (r.failure === "expired") params.set("expired", "1");
    redirect(`/sign-in?${params.toString()}`);
  }
  if (r.scope.needsMfaEnrollment && !(await currentPath()).startsWith("/account")) redirect("/account/mfa");
  if (permission && !can(r.scope.role, permission)) notFound();
  return r.scope;
}

export type AuthorizeResult = { ok: true; scope: Scope } | { ok: false; status: 401 | 403 | 404 };

/** For server actions and route handlers, which answer rather than redirect. */
export async function authorize(permission: Permission): Promise<AuthorizeResult> {
  const scope = await getScope();
  if (!scope) return { ok: false, status: 401 };
  if (!can(scope.role, permission)) return { ok: false, status: 404 };
  if (scope.needsMfaEnrollment && permission !== "account.manage") return { ok: false, status: 403 };
  return { ok: true, scope };
}
