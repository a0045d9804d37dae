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
import { dummyPasswordHash, verifyPassword } from "./password";

/**
 * Per account: 5 failures in 15 minutes lock it for 15 minutes (password
 * reset still works). Per address: 50, for shared office networks.
 */
export const SIGN_IN_LIMITS = {
  account: { limit: 5, windowSeconds: 15 * 60, lockSeconds: 15 * 60 },
  address: { limit: 50, windowSeconds: 15 * 60, lockSeconds: 15 * 60 },
};

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(128),
});

export type SignedInUser = { id: string; name: string; email: string; sid: string; fid: string; sv: number };
export type CredentialsResult = { ok: true; user: SignedInUser } | { ok: false; reason: "invalid" | "throttled" };

/**
 * Verifies an email and password, counting failures per account and per
 * address in Postgres. The answer never says whether the email exists, and an
 * unknown email costs the same argon2 verification as a known one.
 */
export async function checkCredentials(
  raw: unknown,
  context: { ip: string | null; userAgent: string | null },
): Promise<CredentialsResult> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const db = (await getDatabase()).db;
  const accountKey = `signin:account:${email}`;
  const addressKey = `signin:address:${context.ip ?? "unknown"}`;
  const [acct, addr] = await Promise.all([unsafeThrottleState(db, accountKey), unsafeThrottleState(db, addressKey)]);
  if (acct.locked || addr.locked) return { ok: false, reason: "throttled" };

  const user = await unsafeFindUserForSignIn(db, email);
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  const membership = user?.memberships[0];
  if (!user || !ok || !membership) {
    const [a] = await Promise.all([
      unsafeThrottleFailure(db, { key: accountKey, ...SIGN_IN_LIMITS.account }),
      unsafeThrottleFailure(db, { key: addressKey, ...SIGN_IN_LIMITS.address }),
    ]);
    for (const m of user?.memberships ?? []) {
      await unsafeRecordAuthEvent(db, {
        firmId: m.firmId,
        userId: user!.id,
        action: "signin.failure",
        ip: context.ip,
        details: { locked: a.locked },
      });
    }
    return { ok: false, reason: a.locked ? "throttled" : "invalid" };
  }
  await unsafeThrottleReset(db, accountKey);
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
