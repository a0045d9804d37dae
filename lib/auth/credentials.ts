import { z } from "zod";
import { getDatabase } from "@/db/runtime";
import {
  unsafeAcceptInvitationForUser,
  unsafeCreateAuthSession,
  unsafeEndSessionForSwitch,
  unsafeFindInvitation,
  unsafeFindUserForSignIn,
  unsafeFindUserForSwitch,
  unsafeRecordAuthEvent,
  unsafeThrottleFailure,
  unsafeThrottleReset,
  unsafeThrottleState,
} from "@/db/queries/auth";
import { unsafeConsumeRecoveryCode, unsafeGetMfaState } from "@/db/queries/mfa";
import { verifyFirmSwitch } from "./firm-switch";
import { hashToken } from "./tokens";
import { decryptMfaSecret, hashRecoveryCode, looksLikeRecoveryCode, verifyMfaTicket, verifyTotp } from "./mfa";
import { dummyPasswordHash, verifyPassword } from "./password";

/**
 * Per account: 5 failures in 15 minutes lock it for 15 minutes (password
 * reset still works). Per address: 50, for shared office networks.
 */
export const SIGN_IN_LIMITS = {
  account: { limit: 5, windowSeconds: 15 * 60, lockSeconds: 15 * 60 },
  address: { limit: 50, windowSeconds: 15 * 60, lockSeconds: 15 * 60 },
};

/** An invitation token sent along with a sign-in: accept it once the person has proved who they are. */
const invitationField = z.string().max(200).optional();

const passwordSchema = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(128),
  invitation: invitationField,
});

const secondFactorSchema = z.object({
  ticket: z.string().min(10).max(600),
  code: z.string().trim().max(40),
  invitation: invitationField,
});

export type SignedInUser = { id: string; name: string; email: string; sid: string; fid: string; sv: number };
export type CredentialsResult =
  | { ok: true; user: SignedInUser }
  | { ok: false; reason: "invalid" | "throttled" | "mfa_required" | "invalid_code" };

type Context = { ip: string | null; userAgent: string | null };
type Db = Awaited<ReturnType<typeof getDatabase>>["db"];
type FoundUser = NonNullable<Awaited<ReturnType<typeof unsafeFindUserForSignIn>>>;

async function openSession(
  db: Db,
  user: FoundUser,
  context: Context,
  opts: { firmId?: string; action?: string } = {},
): Promise<CredentialsResult> {
  const membership = (opts.firmId && user.memberships.find((m) => m.firmId === opts.firmId)) || user.memberships[0];
  if (!membership) return { ok: false, reason: "invalid" };
  await unsafeThrottleReset(db, `signin:account:${user.email.toLowerCase()}`);
  const session = await unsafeCreateAuthSession(db, {
    userId: user.id,
    firmId: membership.firmId,
    absoluteHours: membership.sessionAbsoluteHours,
    ip: context.ip,
    userAgent: context.userAgent,
  });
  await unsafeRecordAuthEvent(db, { firmId: membership.firmId, userId: user.id, action: opts.action ?? "signin.success", ip: context.ip });
  return {
    ok: true,
    user: { id: user.id, name: user.name, email: user.email, sid: session.id, fid: membership.firmId, sv: user.sessionVersion },
  };
}

/** Whether an invitation token names a usable invitation addressed to this person. */
async function invitationFor(db: Db, token: string | undefined, email: string) {
  if (!token) return null;
  const inv = await unsafeFindInvitation(db, hashToken(token));
  const usable = inv && !inv.acceptedAt && !inv.revokedAt && inv.expiresAt > new Date();
  return usable && inv.email.toLowerCase() === email.toLowerCase() ? inv : null;
}

/**
 * The person has proved who they are (password, and second factor where they
 * have one). With an invitation addressed to them, it is accepted now and the
 * session opens in that firm; without one, in the firm they used last.
 */
async function finishSignIn(db: Db, user: FoundUser, invitation: string | undefined, context: Context): Promise<CredentialsResult> {
  if (invitation && (await invitationFor(db, invitation, user.email))) {
    const joined = await unsafeAcceptInvitationForUser(db, { tokenHash: hashToken(invitation), userId: user.id });
    if (joined) {
      const refreshed = await unsafeFindUserForSignIn(db, user.email);
      if (refreshed) return openSession(db, refreshed, context, { firmId: joined.firmId });
    }
  }
  return openSession(db, user, context);
}

/**
 * Choosing another firm: a ticket from the signed-in person's server action
 * (see firm-switch.ts). The membership there must be active; the session it
 * replaces must still be live, and is ended, so the ticket works once.
 */
async function switchFirm(raw: { switchTicket?: unknown }, context: Context): Promise<CredentialsResult> {
  const ticket = typeof raw.switchTicket === "string" && raw.switchTicket.length <= 1000 ? verifyFirmSwitch(raw.switchTicket) : null;
  if (!ticket) return { ok: false, reason: "invalid" };
  const db = (await getDatabase()).db;
  const user = await unsafeFindUserForSwitch(db, ticket.userId);
  if (!user || !user.memberships.some((m) => m.firmId === ticket.firmId)) return { ok: false, reason: "invalid" };
  if (!(await unsafeEndSessionForSwitch(db, { sessionId: ticket.fromSessionId, userId: ticket.userId }))) {
    return { ok: false, reason: "invalid" };
  }
  return openSession(db, user, context, { firmId: ticket.firmId, action: "session.switch_firm" });
}

async function countFailure(db: Db, email: string, user: FoundUser | null, context: Context, action: string) {
  const [a] = await Promise.all([
    unsafeThrottleFailure(db, { key: `signin:account:${email}`, ...SIGN_IN_LIMITS.account }),
    unsafeThrottleFailure(db, { key: `signin:address:${context.ip ?? "unknown"}`, ...SIGN_IN_LIMITS.address }),
  ]);
  for (const m of user?.memberships ?? []) {
    await unsafeRecordAuthEvent(db, { firmId: m.firmId, userId: user!.id, action, ip: context.ip, details: { locked: a.locked } });
  }
  return a.locked;
}

async function locked(db: Db, email: string, context: Context): Promise<boolean> {
  const [acct, addr] = await Promise.all([
    unsafeThrottleState(db, `signin:account:${email}`),
    unsafeThrottleState(db, `signin:address:${context.ip ?? "unknown"}`),
  ]);
  return acct.locked || addr.locked;
}

/**
 * The second step: a ticket from a correct password plus a TOTP or recovery
 * code. Failures count against the same account throttle as passwords.
 */
async function checkSecondFactor(raw: unknown, context: Context): Promise<CredentialsResult> {
  const parsed = secondFactorSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const userId = verifyMfaTicket(parsed.data.ticket);
  if (!userId) return { ok: false, reason: "invalid" };
  const db = (await getDatabase()).db;
  const state = await unsafeGetMfaState(db, userId);
  if (!state?.secret || !state.enabledAt) return { ok: false, reason: "invalid" };
  const email = state.email.toLowerCase();
  if (await locked(db, email, context)) return { ok: false, reason: "throttled" };
  const user = await unsafeFindUserForSignIn(db, email);
  if (!user || (user.memberships.length === 0 && !(await invitationFor(db, parsed.data.invitation, user.email)))) {
    return { ok: false, reason: "invalid" };
  }
  const code = parsed.data.code;
  const good = looksLikeRecoveryCode(code)
    ? await unsafeConsumeRecoveryCode(db, userId, hashRecoveryCode(code))
    : verifyTotp(decryptMfaSecret(state.secret), code);
  if (!good) {
    const nowLocked = await countFailure(db, email, user, context, "signin.mfa_failure");
    return { ok: false, reason: nowLocked ? "throttled" : "invalid_code" };
  }
  return finishSignIn(db, user, parsed.data.invitation, context);
}

/**
 * Verifies an email and password, counting failures per account and per
 * address in Postgres. The answer never says whether the email exists, and an
 * unknown email costs the same argon2 verification as a known one.
 */
export async function checkCredentials(raw: unknown, context: Context): Promise<CredentialsResult> {
  if (raw && typeof raw === "object" && "switchTicket" in raw && (raw as { switchTicket?: unknown }).switchTicket) {
    return switchFirm(raw as { switchTicket?: unknown }, context);
  }
  if (raw && typeof raw === "object" && "ticket" in raw && (raw as { ticket?: unknown }).ticket) {
    return checkSecondFactor(raw, context);
  }
  const parsed = passwordSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const db = (await getDatabase()).db;
  if (await locked(db, email, context)) return { ok: false, reason: "throttled" };

  const user = await unsafeFindUserForSignIn(db, email);
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  const invited = ok && user ? await invitationFor(db, parsed.data.invitation, user.email) : null;
  if (!user || !ok || (user.memberships.length === 0 && !invited)) {
    const nowLocked = await countFailure(db, email, user, context, "signin.failure");
    return { ok: false, reason: nowLocked ? "throttled" : "invalid" };
  }
  // A password alone never opens a session (nor accepts an invitation) for someone with a second factor.
  if (user.mfaEnabledAt) return { ok: false, reason: "mfa_required" };
  return finishSignIn(db, user, parsed.data.invitation, context);
}
