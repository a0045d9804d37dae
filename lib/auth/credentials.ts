import { z } from "zod";
import { getDatabase } from "@/db/runtime";
import {
  unsafeCreateAuthSession,
  unsafeFindUserForSignIn,
  unsafeRecordAuthEvent,
  unsafeThrottleFailure,
  unsafeThrottleReset,
  unsafeThrottleState,
} from "@/db/queries/auth";
import { unsafeConsumeRecoveryCode, unsafeGetMfaState } from "@/db/queries/mfa";
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

const passwordSchema = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(128),
});

const secondFactorSchema = z.object({
  ticket: z.string().min(10).max(600),
  code: z.string().trim().max(40),
});

export type SignedInUser = { id: string; name: string; email: string; sid: string; fid: string; sv: number };
export type CredentialsResult =
  | { ok: true; user: SignedInUser }
  | { ok: false; reason: "invalid" | "throttled" | "mfa_required" | "invalid_code" };

type Context = { ip: string | null; userAgent: string | null };
type Db = Awaited<ReturnType<typeof getDatabase>>["db"];
type FoundUser = NonNullable<Awaited<ReturnType<typeof unsafeFindUserForSignIn>>>;

/** The membership a sign-in opens a session in (its firm and role); the sign-in form sends the person to that role's home. */
export function membershipToOpen<M>(memberships: M[]): M | undefined {
  return memberships[0];
}

async function openSession(db: Db, user: FoundUser, context: Context): Promise<CredentialsResult> {
  const membership = membershipToOpen(user.memberships)!;
  await unsafeThrottleReset(db, `signin:account:${user.email.toLowerCase()}`);
  const session = await unsafeCreateAuthSession(db, {
    userId: user.id,
    firmId: membership.firmId,
    absoluteHours: membership.sessionAbsoluteHours,
    ip: context.ip,
    userAgent: context.userAgent,
  });
  await unsafeRecordAuthEvent(db, { firmId: membership.firmId, userId: user.id, action: "signin.success", ip: context.ip });
  return {
    ok: true,
    user: { id: user.id, name: user.name, email: user.email, sid: session.id, fid: membership.firmId, sv: user.sessionVersion },
  };
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
  if (!user || user.memberships.length === 0) return { ok: false, reason: "invalid" };
  const code = parsed.data.code;
  const good = looksLikeRecoveryCode(code)
    ? await unsafeConsumeRecoveryCode(db, userId, hashRecoveryCode(code))
    : verifyTotp(decryptMfaSecret(state.secret), code);
  if (!good) {
    const nowLocked = await countFailure(db, email, user, context, "signin.mfa_failure");
    return { ok: false, reason: nowLocked ? "throttled" : "invalid_code" };
  }
  return openSession(db, user, context);
}

/**
 * Verifies an email and password, counting failures per account and per
 * address in Postgres. The answer never says whether the email exists, and an
 * unknown email costs the same argon2 verification as a known one.
 */
export async function checkCredentials(raw: unknown, context: Context): Promise<CredentialsResult> {
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
  if (!user || !ok || user.memberships.length === 0) {
    const nowLocked = await countFailure(db, email, user, context, "signin.failure");
    return { ok: false, reason: nowLocked ? "throttled" : "invalid" };
  }
  // A password alone never opens a session for someone with a second factor.
  if (user.mfaEnabledAt) return { ok: false, reason: "mfa_required" };
  return openSession(db, user, context);
}
