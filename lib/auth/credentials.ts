import { z } from "zod";
import { getDatabase } from "@/db/runtime";
import {
  type GrowingDelay,
  unsafeAcceptInvitationForUser,
  unsafeCreateAuthSession,
  unsafeEndSessionForSwitch,
  unsafeFindInvitation,
  unsafeFindUserForSignIn,
  unsafeFindUserForSwitch,
  unsafeKnownSignInAddress,
  unsafeRecordAuthEvent,
  unsafeThrottleFailure,
  unsafeThrottleReset,
  unsafeThrottleState,
} from "@/db/queries/auth";
import {
  unsafeConsumeRecoveryCode,
  unsafeGetMfaState,
  unsafeSpendToken,
  unsafeSpendTotpStep,
  unsafeTokenSpent,
} from "@/db/queries/mfa";
import { verifyFirmSwitch } from "./firm-switch";
import { decryptMfaSecret, hashRecoveryCode, looksLikeRecoveryCode, readMfaTicket, totpStep } from "./mfa";
import { hashToken } from "./tokens";
import { dummyPasswordHash, verifyPassword } from "@/lib/platform/password";

/**
 * Growing pauses instead of a lock anyone could set off against anyone. Each
 * key lets a few failures through freely; after that each failure pauses the
 * key for 1 s, 2 s, 4 s… up to 15 minutes, and a key forgets after a quiet
 * spell. Three keys count every failure:
 *
 * - pair (account + address): one machine guessing one account. It pauses the
 *   attacker and leaves the owner, elsewhere, alone.
 * - account (from anywhere): guesses spread over many addresses. It would let
 *   a stranger pause the owner too, so it is generous, and it does not apply
 *   at an address the person signed in from in the last 30 days.
 * - address (any account): one machine trying many accounts. Generous, for
 *   offices behind one address.
 *
 * A correct password still fails during a pause (a guesser learns nothing).
 * Signing in clears the pair and account keys; so does a password reset.
 */
export const SIGN_IN_LIMITS = {
  pair: { free: 5, baseSeconds: 1, maxSeconds: 15 * 60, forgetSeconds: 24 * 3600 },
  account: { free: 20, baseSeconds: 1, maxSeconds: 15 * 60, forgetSeconds: 24 * 3600 },
  address: { free: 100, baseSeconds: 1, maxSeconds: 15 * 60, forgetSeconds: 3600 },
} satisfies Record<string, GrowingDelay>;

/**
 * The account page's checks of a code or password (turning the second factor
 * off, new recovery codes, a new password) pause the same way, per person: a
 * stolen session cannot guess its way to them.
 */
export const ACCOUNT_CHECK_LIMITS: GrowingDelay = { free: 5, baseSeconds: 1, maxSeconds: 15 * 60, forgetSeconds: 24 * 3600 };
const accountCheckKey = (userId: string) => `account-check:${userId}`;

/** Seconds left of the person's pause for account-page checks; 0 when there is none. */
export async function accountCheckPause(userId: string, now = new Date()): Promise<number> {
  const state = await unsafeThrottleState((await getDatabase()).db, accountCheckKey(userId), now);
  return state.lockedUntil ? Math.max(1, Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 1000)) : 0;
}

/** Counts a wrong code or password on the account page; answers the pause it started in seconds (0: none). */
export async function accountCheckFailed(userId: string, now = new Date()): Promise<number> {
  const r = await unsafeThrottleFailure((await getDatabase()).db, { key: accountCheckKey(userId), ...ACCOUNT_CHECK_LIMITS, now });
  return r.lockedUntil ? Math.max(1, Math.ceil((r.lockedUntil.getTime() - now.getTime()) / 1000)) : 0;
}

export async function accountCheckPassed(userId: string): Promise<void> {
  await unsafeThrottleReset((await getDatabase()).db, accountCheckKey(userId));
}

/** Addresses a person signed in from this recently are exempt from the account-wide pause. */
const KNOWN_ADDRESS_DAYS = 30;

/** The throttle keys of a sign-in attempt. */
export function signInKeys(email: string, ip: string | null) {
  const e = email.trim().toLowerCase();
  const a = ip ?? "unknown";
  return { pair: `signin:pair:${e}|${a}`, account: `signin:account:${e}`, address: `signin:address:${a}` };
}

/** "about 3 minutes", "12 seconds": how long a pause lasts, in words for a person. */
export function waitInWords(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) return s === 1 ? "1 second" : `${s} seconds`;
  const m = Math.ceil(s / 60);
  return m === 1 ? "about a minute" : `about ${m} minutes`;
}

/** An invitation token sent along with a sign-in: accept it once the person has proved who they are. */
const invitationField = z.string().max(200).optional();

/** The firm to open, when the person came to sign in to one firm in particular (a switch that needs that firm's own sign-in). */
const firmField = z.uuid().optional().catch(undefined);

const passwordSchema = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(128),
  invitation: invitationField,
  firm: firmField,
});

const secondFactorSchema = z.object({
  ticket: z.string().min(10).max(600),
  code: z.string().trim().max(40),
  invitation: invitationField,
  firm: firmField,
});

export type SignedInUser = { id: string; name: string; email: string; sid: string; fid: string; sv: number };
export type CredentialsResult =
  | { ok: true; user: SignedInUser }
  | { ok: false; reason: "invalid" | "mfa_required" | "invalid_code" | "sso_required" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/** `now` is for tests; sign-in uses the clock. */
type Context = { ip: string | null; userAgent: string | null; now?: Date };
type Db = Awaited<ReturnType<typeof getDatabase>>["db"];
type FoundUser = NonNullable<Awaited<ReturnType<typeof unsafeFindUserForSignIn>>>;

/**
 * The membership a sign-in opens a session in (its firm and role): the one
 * asked for (an invitation just accepted, a firm switch), else the first —
 * memberships come most recently used first. The sign-in form sends the
 * person to that role's home.
 */
export function membershipToOpen<M extends { firmId: string }>(memberships: M[], firmId?: string): M | undefined {
  return (firmId && memberships.find((m) => m.firmId === firmId)) || memberships[0];
}

export async function openSession(
  db: Db,
  user: FoundUser,
  context: Context,
  opts: { firmId?: string; action?: string; ssoFirmId?: string } = {},
): Promise<CredentialsResult> {
  const membership = membershipToOpen(user.memberships, opts.firmId);
  if (!membership) return { ok: false, reason: "invalid" };
  const keys = signInKeys(user.email, context.ip);
  await unsafeThrottleReset(db, keys.pair, keys.account);
  const session = await unsafeCreateAuthSession(db, {
    userId: user.id,
    firmId: membership.firmId,
    absoluteHours: membership.sessionAbsoluteHours,
    ssoFirmId: opts.ssoFirmId ?? null,
    ip: context.ip,
    userAgent: context.userAgent,
    now: context.now,
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
 * session opens in that firm; without one, in the firm asked for or the one
 * they used last. Firms that require their single sign-on for this person's
 * role are never opened by a password; when those are all the person has,
 * the answer says so.
 */
async function finishSignIn(db: Db, found: FoundUser, invitation: string | undefined, context: Context, firmId?: string): Promise<CredentialsResult> {
  let user = found;
  let target = firmId;
  if (invitation && (await invitationFor(db, invitation, user.email))) {
    const joined = await unsafeAcceptInvitationForUser(db, { tokenHash: hashToken(invitation), userId: user.id });
    const refreshed = joined ? await unsafeFindUserForSignIn(db, user.email) : null;
    if (joined && refreshed) {
      user = refreshed;
      target = joined.firmId;
    }
  }
  const open = { ...user, memberships: user.memberships.filter((m) => !m.ssoRequired) };
  if (open.memberships.length === 0) return { ok: false, reason: user.memberships.length > 0 ? "sso_required" : "invalid" };
  return openSession(db, open, context, { firmId: target });
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
  // A firm that requires its single sign-on is opened by its provider only (lib/auth/sso/).
  if (!user || !user.memberships.some((m) => m.firmId === ticket.firmId && !m.ssoRequired)) return { ok: false, reason: "invalid" };
  if (!(await unsafeEndSessionForSwitch(db, { sessionId: ticket.fromSessionId, userId: ticket.userId }))) {
    return { ok: false, reason: "invalid" };
  }
  return openSession(db, user, context, { firmId: ticket.firmId, action: "session.switch_firm" });
}

/** Whether the account-wide key holds this attempt: not at an address the person recently signed in from. */
async function accountKeyApplies(db: Db, user: FoundUser | null, context: Context): Promise<boolean> {
  if (!user || !context.ip) return true;
  return !(await unsafeKnownSignInAddress(db, user.id, context.ip, KNOWN_ADDRESS_DAYS, context.now));
}

function throttled(until: Date, now: Date): CredentialsResult {
  return { ok: false, reason: "throttled", retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)) };
}

/** Counts a failure on every key; answers the pause it started, if any. */
async function countFailure(db: Db, email: string, user: FoundUser | null, context: Context, action: string) {
  const now = context.now ?? new Date();
  const keys = signInKeys(email, context.ip);
  const [pair, account, address] = await Promise.all([
    unsafeThrottleFailure(db, { key: keys.pair, ...SIGN_IN_LIMITS.pair, now }),
    unsafeThrottleFailure(db, { key: keys.account, ...SIGN_IN_LIMITS.account, now }),
    unsafeThrottleFailure(db, { key: keys.address, ...SIGN_IN_LIMITS.address, now }),
  ]);
  const applicable = [pair.lockedUntil, address.lockedUntil];
  if (account.lockedUntil && (await accountKeyApplies(db, user, context))) applicable.push(account.lockedUntil);
  const until = latest(applicable);
  for (const m of user?.memberships ?? []) {
    await unsafeRecordAuthEvent(db, {
      firmId: m.firmId,
      userId: user!.id,
      action,
      ip: context.ip,
      details: { paused_until: until?.toISOString() ?? null },
    });
  }
  return until;
}

function latest(dates: (Date | null)[]): Date | null {
  let max: Date | null = null;
  for (const d of dates) if (d && (!max || d > max)) max = d;
  return max;
}

/** The end of the pause that holds this attempt, or null. */
async function pausedUntil(db: Db, email: string, user: FoundUser | null, context: Context): Promise<Date | null> {
  const now = context.now ?? new Date();
  const keys = signInKeys(email, context.ip);
  const [pair, account, address] = await Promise.all([
    unsafeThrottleState(db, keys.pair, now),
    unsafeThrottleState(db, keys.account, now),
    unsafeThrottleState(db, keys.address, now),
  ]);
  const applicable = [pair.lockedUntil, address.lockedUntil];
  if (account.lockedUntil && (await accountKeyApplies(db, user, context))) applicable.push(account.lockedUntil);
  return latest(applicable);
}

class RefusedCode extends Error {}

/**
 * The second step: a ticket from a correct password plus a TOTP or recovery
 * code. Failures count against the same keys as passwords. Success spends the
 * code (its time step, or the recovery code) and the ticket together, in one
 * transaction: a replayed ticket or code opens nothing. A wrong code spends
 * nothing, so the person can try again with the same ticket.
 */
async function checkSecondFactor(raw: unknown, context: Context): Promise<CredentialsResult> {
  const parsed = secondFactorSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const now = context.now ?? new Date();
  const ticket = readMfaTicket(parsed.data.ticket, now.getTime());
  if (!ticket) return { ok: false, reason: "invalid" };
  const { userId } = ticket;
  const db = (await getDatabase()).db;
  if (await unsafeTokenSpent(db, ticket.spendKey)) return { ok: false, reason: "invalid" };
  const state = await unsafeGetMfaState(db, userId);
  if (!state?.secret || !state.enabledAt) return { ok: false, reason: "invalid" };
  const email = state.email.toLowerCase();
  const user = await unsafeFindUserForSignIn(db, email);
  const paused = await pausedUntil(db, email, user, context);
  if (paused) return throttled(paused, now);
  if (!user || (user.memberships.length === 0 && !(await invitationFor(db, parsed.data.invitation, user.email)))) {
    return { ok: false, reason: "invalid" };
  }
  const code = parsed.data.code;
  const secret = state.secret;
  let outcome: "ok" | "bad_code" | "spent_ticket";
  try {
    outcome = await db.transaction(async (tx) => {
      const good = looksLikeRecoveryCode(code)
        ? await unsafeConsumeRecoveryCode(tx, userId, hashRecoveryCode(code))
        : await spendTotp(tx, userId, decryptMfaSecret(secret), code, now);
      if (!good) throw new RefusedCode("bad_code");
      // Only the first success with this ticket counts; a second one rolls back (the code stays unspent).
      if (!(await unsafeSpendToken(tx, ticket.spendKey, ticket.expiresAt))) throw new RefusedCode("spent_ticket");
      return "ok" as const;
    });
  } catch (err) {
    if (!(err instanceof RefusedCode)) throw err;
    outcome = err.message === "spent_ticket" ? "spent_ticket" : "bad_code";
  }
  if (outcome === "spent_ticket") return { ok: false, reason: "invalid" };
  if (outcome === "bad_code") {
    const paused = await countFailure(db, email, user, context, "signin.mfa_failure");
    return paused ? throttled(paused, now) : { ok: false, reason: "invalid_code" };
  }
  return finishSignIn(db, user, parsed.data.invitation, context, parsed.data.firm);
}

/** A TOTP code that is right and of a later step than any used before; the step is recorded. */
async function spendTotp(db: Parameters<typeof unsafeSpendTotpStep>[0], userId: string, secret: string, code: string, now: Date): Promise<boolean> {
  const step = totpStep(secret, code, now.getTime());
  return step !== null && (await unsafeSpendTotpStep(db, userId, step));
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
  const now = context.now ?? new Date();
  const user = await unsafeFindUserForSignIn(db, email);
  const paused = await pausedUntil(db, email, user, context);
  if (paused) return throttled(paused, now);

  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  const invited = ok && user ? await invitationFor(db, parsed.data.invitation, user.email) : null;
  if (!user || !ok || (user.memberships.length === 0 && !invited)) {
    const pause = await countFailure(db, email, user, context, "signin.failure");
    return pause ? throttled(pause, now) : { ok: false, reason: "invalid" };
  }
  // A password alone never opens a session (nor accepts an invitation) for someone with a second factor.
  if (user.mfaEnabledAt) return { ok: false, reason: "mfa_required" };
  return finishSignIn(db, user, parsed.data.invitation, context, parsed.data.firm);
}
