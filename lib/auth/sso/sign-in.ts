import { getDatabase } from "@/db/runtime";
import { unsafeAcceptStaffInvitationThroughSso, unsafeFindUserForSignIn, unsafeFindUserForSwitch, unsafeRecordAuthEvent } from "@/db/queries/auth";
import {
  unsafeFindSsoIdentity,
  unsafeFindSsoSubjectOfUser,
  unsafeGetEnabledSsoProvider,
  unsafeLinkSsoIdentity,
  unsafeTouchSsoIdentity,
} from "@/db/queries/sso";
import { openSession, type SignedInUser } from "../credentials";

/**
 * The end of a sign-in through a firm's provider, after Auth.js has checked
 * the provider's answer (state, PKCE, nonce, the ID token's signature,
 * issuer, audience, expiry). The firm is the one whose provider the sign-in
 * was started for (the provider id in the callback URL), never anything the
 * provider says. Who gets in is Afterview's decision alone:
 *
 * - the subject already linked in this firm → that account;
 * - otherwise the email the provider asserts (not marked unverified) → the
 *   account of that email, linked now, for this firm only — provided it has a
 *   staff membership here or a pending staff invitation of this firm (which is
 *   accepted now; an account is made only from such an invitation);
 * - then the membership must be active staff: a deactivated membership stays
 *   closed, and candidates sign in with their password.
 *
 * The session it opens names this firm as its provider's (`sso_firm_id`):
 * valid for this firm alone.
 */

export type SsoRefusal = "no_access" | "not_staff" | "linked_elsewhere" | "no_email" | "disabled";
export type SsoSignInResult = { ok: true; user: SignedInUser } | { ok: false; reason: SsoRefusal };

type Claims = { sub?: unknown; email?: unknown; email_verified?: unknown; name?: unknown };
type Context = { ip: string | null; userAgent: string | null; now?: Date };

export async function completeSsoSignIn(firmId: string, claims: Claims, context: Context): Promise<SsoSignInResult> {
  const db = (await getDatabase()).db;
  const now = context.now ?? new Date();
  const subject = typeof claims.sub === "string" && claims.sub.length > 0 && claims.sub.length <= 255 ? claims.sub : null;
  if (!subject) return { ok: false, reason: "no_access" };
  // Switched off between the start and the callback: refused.
  const provider = await unsafeGetEnabledSsoProvider(db, firmId);
  if (!provider) return { ok: false, reason: "disabled" };

  const refuse = async (reason: SsoRefusal, userId: string | null = null): Promise<SsoSignInResult> => {
    await unsafeRecordAuthEvent(db, { firmId, userId, action: "signin.sso_refused", ip: context.ip, details: { reason } });
    return { ok: false, reason };
  };

  let userId: string;
  const linked = await unsafeFindSsoIdentity(db, firmId, subject);
  if (linked) {
    userId = linked.userId;
    await unsafeTouchSsoIdentity(db, { firmId, subject, now });
  } else {
    const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : "";
    if (!email || claims.email_verified === false || email.length > 254) return refuse("no_email");
    let user = await unsafeFindUserForSignIn(db, email);
    if (!user?.memberships.some((m) => m.firmId === firmId)) {
      const name = typeof claims.name === "string" ? claims.name.slice(0, 200) : "";
      const joined = await unsafeAcceptStaffInvitationThroughSso(db, { firmId, email, name, now });
      if (!joined) return refuse("no_access", user?.id ?? null);
      user = await unsafeFindUserForSwitch(db, joined.userId);
    }
    if (!user) return refuse("no_access");
    // One provider account per person per firm: never a second subject for an account already linked.
    const existing = await unsafeFindSsoSubjectOfUser(db, firmId, user.id);
    if (existing && existing !== subject) return refuse("linked_elsewhere", user.id);
    if (!existing && !(await unsafeLinkSsoIdentity(db, { firmId, userId: user.id, subject, now }))) return refuse("linked_elsewhere", user.id);
    if (!existing) await unsafeRecordAuthEvent(db, { firmId, userId: user.id, action: "sso.linked", ip: context.ip, details: { subject } });
    userId = user.id;
  }

  const user = await unsafeFindUserForSwitch(db, userId);
  const membership = user?.memberships.find((m) => m.firmId === firmId);
  if (!user || !membership) return refuse("no_access", userId);
  if (membership.role === "candidate") return refuse("not_staff", userId);
  const opened = await openSession(db, user, context, { firmId, ssoFirmId: firmId, action: "signin.sso" });
  return opened.ok ? opened : refuse("no_access", userId);
}
