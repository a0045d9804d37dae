"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { getDatabase } from "@/db/runtime";
import { unsafeGetMfaState } from "@/db/queries/mfa";
import {
  unsafeAcceptInvitation,
  unsafeCompletePasswordReset,
  unsafeCreatePasswordReset,
  unsafeFindInvitation,
  unsafeFindUserForSignIn,
  unsafeRateLimitHit,
  unsafeThrottleReset,
} from "@/db/queries/auth";
import { definePublicFormAction } from "@/lib/actions";
import { signIn } from "@/lib/auth/config";
import { hashPassword } from "@/lib/auth/password";
import { signMfaTicket, verifyMfaTicket } from "@/lib/auth/mfa";
import { membershipToOpen } from "@/lib/auth/credentials";
import { resolveNext } from "@/lib/auth/home";
import { hashToken, randomToken } from "@/lib/auth/tokens";
import { passwordResetEmail } from "@/lib/email/templates";
import { sendEmail } from "@/lib/email/send";
import { AppError, ERROR_MESSAGES } from "@/lib/errors";
import { appOrigin } from "@/lib/url";
import {
  acceptInvitationSchema,
  forgotPasswordSchema,
  passwordProblem,
  resetPasswordSchema,
  secondFactorSchema,
  signInSchema,
} from "@/lib/validation/auth";

const RESET_MINUTES = 60;

/**
 * Where a sign-in that just succeeded goes, in one redirect: `next` when it is
 * a path on this app's own origin, else the home of the role in the firm the
 * sign-in opened (the same membership lib/auth/credentials.ts opened).
 */
async function landingAfterSignIn(email: string | null, next: unknown): Promise<string> {
  const user = email ? await unsafeFindUserForSignIn((await getDatabase()).db, email) : null;
  const membership = user ? membershipToOpen(user.memberships) : undefined;
  // Without a membership there is nothing to open; "/" sends the visitor to sign-in.
  return membership ? resolveNext(next, membership.role) : "/";
}

type Credentials = { email: string; password: string } | { ticket: string; code: string };

/** Signs in through Auth.js; "mfa_required" means the password was right and a code is needed. */
async function signInOrExplain(credentials: Credentials): Promise<"signed_in" | "mfa_required"> {
  try {
    await signIn("credentials", { ...credentials, redirect: false });
    return "signed_in";
  } catch (err) {
    if (err instanceof CredentialsSignin && err.code === "mfa_required") return "mfa_required";
    if (err instanceof CredentialsSignin && err.code === "invalid_code") {
      throw new AppError("invalid", ERROR_MESSAGES.invalid, {
        code: ["That code is not right. Enter the 6-digit code your app shows now, or one of your recovery codes."],
      });
    }
    if (err instanceof CredentialsSignin && err.code === "throttled") {
      throw new AppError(
        "rate_limited",
        "Too many attempts. Sign-in is paused for 15 minutes; you can reset your password meanwhile.",
      );
    }
    if (err instanceof AuthError) {
      // Same words whether or not the email exists.
      throw new AppError("invalid", "Email or password is incorrect.");
    }
    throw err;
  }
}

export const signInAction = definePublicFormAction(signInSchema, async (input) => {
  const outcome = await signInOrExplain({ email: input.email, password: input.password });
  if (outcome === "mfa_required") {
    // Only reached after Auth.js verified the password; the ticket proves that for five minutes.
    const user = await unsafeFindUserForSignIn((await getDatabase()).db, input.email);
    if (!user) throw new AppError("invalid", "Email or password is incorrect.");
    return { ok: false, values: { email: input.email, next: input.next ?? "" }, data: { mfaTicket: signMfaTicket(user.id) } };
  }
  redirect(await landingAfterSignIn(input.email, input.next));
});

export const signInSecondFactorAction = definePublicFormAction(secondFactorSchema, async (input, raw) => {
  try {
    await signInOrExplain({ ticket: input.ticket, code: input.code });
  } catch (err) {
    // Keep the ticket so the person can try another code without retyping the password.
    if (err instanceof AppError) return { ok: false, formError: err.message, fieldErrors: err.fieldErrors, values: { next: String(raw.next ?? "") }, data: { mfaTicket: input.ticket } };
    throw err;
  }
  const userId = verifyMfaTicket(input.ticket);
  const state = userId ? await unsafeGetMfaState((await getDatabase()).db, userId) : null;
  redirect(await landingAfterSignIn(state?.email ?? null, input.next));
});

export const forgotPasswordAction = definePublicFormAction(forgotPasswordSchema, async ({ email }) => {
  const sent = {
    ok: true,
    message: "If an account uses that address, we have sent it a link to reset the password. It is valid for one hour.",
  };
  const db = (await getDatabase()).db;
  // At most 3 mails an hour per address, so the form cannot be used to flood an inbox.
  const limit = await unsafeRateLimitHit(db, { key: `reset:${email}`, limit: 3, windowSeconds: 3600 });
  if (!limit.allowed) return sent;
  const user = await unsafeFindUserForSignIn(db, email);
  if (!user || user.memberships.length === 0) return sent;
  const token = randomToken();
  await unsafeCreatePasswordReset(db, {
    userId: user.id,
    tokenHash: hashToken(token),
    expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000),
  });
  const mail = passwordResetEmail({ link: `${appOrigin()}/reset-password/${token}`, minutes: RESET_MINUTES });
  await sendEmail(db, { firmId: user.memberships[0]!.firmId, to: user.email, ...mail });
  return sent;
});

export const resetPasswordAction = definePublicFormAction(resetPasswordSchema, async (input) => {
  const db = (await getDatabase()).db;
  const done = await unsafeCompletePasswordReset(db, {
    tokenHash: hashToken(input.token),
    passwordHash: await hashPassword(input.password),
  });
  if (!done) {
    throw new AppError("not_found", "This reset link has expired or was already used. Ask for a new one below.");
  }
  // A locked-out person who proved they own the mailbox may sign in again at once.
  await unsafeThrottleReset(db, `signin:account:${done.email.toLowerCase()}`);
  redirect("/sign-in?reset=1");
});

export const acceptInvitationAction = definePublicFormAction(acceptInvitationSchema, async (input) => {
  const db = (await getDatabase()).db;
  const tokenHash = hashToken(input.token);
  const invitation = await unsafeFindInvitation(db, tokenHash);
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= new Date()) {
    throw new AppError("not_found", "This invitation has expired or was already used. Ask the person who invited you for a new one.");
  }
  const problem = passwordProblem(input.password, { email: invitation.email, name: input.name });
  if (problem) throw new AppError("invalid", ERROR_MESSAGES.invalid, { password: [problem] });
  const accepted = await unsafeAcceptInvitation(db, {
    tokenHash,
    name: input.name,
    passwordHash: await hashPassword(input.password),
  });
  if (!accepted) {
    throw new AppError("not_found", "This invitation has expired or was already used. Ask the person who invited you for a new one.");
  }
  const outcome = await signInOrExplain({ email: invitation.email, password: input.password });
  redirect(outcome === "mfa_required" ? "/sign-in" : await landingAfterSignIn(invitation.email, undefined));
});
