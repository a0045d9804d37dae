import type { DbOrTx } from "@/db/runtime";
import { unsafeCreatePasswordReset, unsafeFindUserForSignIn, unsafeRateLimitHit } from "@/db/queries/auth";
import { hashToken, randomToken } from "./tokens";

export const RESET_MINUTES = 60;

/**
 * At most 3 reset mails an hour to one address (the form cannot flood an
 * inbox) and 20 requests an hour from one address on the network (it cannot
 * be used to probe many accounts).
 */
export const RESET_LIMITS = {
  address: { limit: 3, windowSeconds: 3600 },
  ip: { limit: 20, windowSeconds: 3600 },
};

export interface PendingResetMail {
  firmId: string;
  to: string;
  token: string;
}

/**
 * A forgot-password request. It does the same work whether or not an account
 * uses the address — both limits counted, the account looked up, a token made
 * — and returns the mail to send after the response (null when there is none
 * to send), so neither the answer nor its timing tells whether the address is
 * known. A new link voids the person's older ones.
 */
export async function requestPasswordReset(
  db: DbOrTx,
  input: { email: string; ip: string | null; now?: Date },
): Promise<PendingResetMail | null> {
  const now = input.now ?? new Date();
  const email = input.email.trim().toLowerCase();
  const token = randomToken();
  const tokenHash = hashToken(token);
  const [perAddress, perIp] = await Promise.all([
    unsafeRateLimitHit(db, { key: `reset:${email}`, ...RESET_LIMITS.address, now }),
    unsafeRateLimitHit(db, { key: `reset-ip:${input.ip ?? "unknown"}`, ...RESET_LIMITS.ip, now }),
  ]);
  const user = await unsafeFindUserForSignIn(db, email);
  const membership = user?.memberships[0];
  if (!perAddress.allowed || !perIp.allowed || !user || !membership) return null;
  await unsafeCreatePasswordReset(db, { userId: user.id, tokenHash, expiresAt: new Date(now.getTime() + RESET_MINUTES * 60_000), now });
  return { firmId: membership.firmId, to: user.email, token };
}
