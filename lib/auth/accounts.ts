import { getDatabase } from "@/db/runtime";
import {
  unsafeAcceptInvitationAsNewUser,
  unsafeAcceptInvitationForUser,
  unsafeAccountExists,
  unsafeCompletePasswordReset,
  unsafeFindInvitation,
  unsafeFindUserForSignIn,
  unsafeFindUserForSwitch,
  unsafeListMyMemberships,
  unsafeThrottleReset,
} from "@/db/queries/auth";
import { signInKeys } from "@/lib/auth/credentials";
import { requestPasswordReset, RESET_MINUTES } from "@/lib/auth/password-reset";
import { hashToken } from "@/lib/auth/tokens";
import { AppError, ERROR_MESSAGES } from "@/lib/core/errors";
import type { Role } from "@/lib/core/vocabulary";
import { passwordProblem } from "@/lib/core/validation/auth";
import { sendEmail } from "@/lib/email/send";
import { passwordResetEmail } from "@/lib/email/templates";
import { afterResponse } from "@/lib/platform/after-response";
import { hashPassword } from "@/lib/platform/password";
import { appOrigin } from "@/lib/platform/url";

/**
 * The account use cases that run before anyone is in a firm's scope: reading
 * an invitation, accepting it, resetting a password, listing a person's firms.
 * They read the global tables (users, invitations, memberships) on the table
 * owner's connection, so they live here in lib/auth, never in app/.
 */

const UNUSABLE_INVITATION = "This invitation has expired or was already used. Ask the person who invited you for a new one.";

export type Invitation = NonNullable<Awaited<ReturnType<typeof unsafeFindInvitation>>>;
export type SignInUser = Awaited<ReturnType<typeof unsafeFindUserForSignIn>>;

async function ownerDb() {
  return (await getDatabase()).db;
}

/** The invitation a mailed token names, or null (an over-long token is not looked up). */
export async function findInvitation(token: string): Promise<Invitation | null> {
  if (token.length > 200) return null;
  return unsafeFindInvitation(await ownerDb(), hashToken(token));
}

/** Not accepted, not withdrawn, not expired. */
export function invitationUsable(invitation: Invitation, now = new Date()): boolean {
  return !invitation.acceptedAt && !invitation.revokedAt && invitation.expiresAt > now;
}

/** Whether an Afterview account uses this address (the invitation page offers sign-in instead of sign-up). */
export async function accountExists(email: string): Promise<boolean> {
  return unsafeAccountExists(await ownerDb(), email);
}

export async function findUserForSignIn(email: string): Promise<SignInUser> {
  return unsafeFindUserForSignIn(await ownerDb(), email);
}

export async function findUserById(userId: string | null): Promise<SignInUser> {
  return userId ? unsafeFindUserForSwitch(await ownerDb(), userId) : null;
}

/** The person's active memberships, most recently used first. */
export async function listMyFirms(userId: string) {
  return unsafeListMyMemberships(await ownerDb(), userId);
}

/** A new person accepts an invitation by choosing a name and password; an existing account must sign in instead. */
export async function acceptInvitationAsNewUser(input: { token: string; name: string; password: string }): Promise<{ email: string; role: Role }> {
  const db = await ownerDb();
  const tokenHash = hashToken(input.token);
  const invitation = await unsafeFindInvitation(db, tokenHash);
  if (!invitation || !invitationUsable(invitation)) throw new AppError("not_found", UNUSABLE_INVITATION);
  const problem = passwordProblem(input.password, { email: invitation.email, name: input.name });
  if (problem) throw new AppError("invalid", ERROR_MESSAGES.invalid, { password: [problem] });
  const accepted = await unsafeAcceptInvitationAsNewUser(db, {
    tokenHash,
    name: input.name,
    passwordHash: await hashPassword(input.password),
  });
  if (accepted === "account_exists") {
    // Never set an existing person's password: they sign in to accept.
    throw new AppError("invalid", `An Afterview account already uses ${invitation.email}. Sign in with it to accept this invitation.`);
  }
  if (!accepted) throw new AppError("not_found", UNUSABLE_INVITATION);
  return { email: invitation.email, role: accepted.role };
}

/** A signed-in person accepts an invitation addressed to their own email: the membership is added, nothing else changes. */
export async function acceptInvitationForSignedIn(
  person: { userId: string; userEmail: string },
  token: string,
): Promise<{ firmId: string; role: Role }> {
  const db = await ownerDb();
  const tokenHash = hashToken(token);
  const invitation = await unsafeFindInvitation(db, tokenHash);
  if (!invitation || !invitationUsable(invitation)) throw new AppError("not_found", UNUSABLE_INVITATION);
  if (invitation.email.toLowerCase() !== person.userEmail.toLowerCase()) {
    throw new AppError(
      "invalid",
      `This invitation is for ${invitation.email}, and you are signed in as ${person.userEmail}. Sign out, then sign in as ${invitation.email} to accept it.`,
    );
  }
  const joined = await unsafeAcceptInvitationForUser(db, { tokenHash, userId: person.userId });
  if (!joined) throw new AppError("not_found", UNUSABLE_INVITATION);
  return joined;
}

/** Asks for a reset link; the answer never says whether the address is known, and the mail leaves after it. */
export async function requestPasswordResetMail(email: string, ip: string | null): Promise<void> {
  const db = await ownerDb();
  const pending = await requestPasswordReset(db, { email, ip });
  await afterResponse(async () => {
    if (!pending) return;
    const mail = passwordResetEmail({ link: `${appOrigin()}/reset-password/${pending.token}`, minutes: RESET_MINUTES });
    await sendEmail(db, { firmId: pending.firmId, to: pending.to, ...mail }, { secrets: [pending.token] });
  });
}

/** Sets the new password from a reset link; a paused person who proved they own the mailbox may sign in at once. */
export async function completePasswordReset(input: { token: string; password: string; ip: string | null }): Promise<void> {
  const db = await ownerDb();
  const done = await unsafeCompletePasswordReset(db, {
    tokenHash: hashToken(input.token),
    passwordHash: await hashPassword(input.password),
  });
  if (!done) throw new AppError("not_found", "This reset link has expired or was already used. Ask for a new one below.");
  const keys = signInKeys(done.email, input.ip);
  await unsafeThrottleReset(db, keys.account, keys.pair);
}
