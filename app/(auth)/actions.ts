"use server";

import { sameOriginPath as safeNextPath } from "@/lib/auth/home";
import { AuthError, CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDatabase } from "@/db/runtime";
import {
  unsafeAcceptInvitationAsNewUser,
  unsafeCompletePasswordReset,
  unsafeFindInvitation,
  unsafeFindUserForSignIn,
  unsafeFindUserForSwitch,
  unsafeThrottleReset,
} from "@/db/queries/auth";
import { definePublicFormAction } from "@/lib/actions";
import { signIn } from "@/lib/auth/config";
import { signInKeys, waitInWords } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/platform/password";
import { signMfaTicket, verifyMfaTicket } from "@/lib/auth/mfa";
import { homeFor, resolveNext } from "@/lib/auth/home";
import { requestPasswordReset, RESET_MINUTES } from "@/lib/auth/password-reset";
import { clientIp } from "@/lib/auth/request";
import { hashToken } from "@/lib/auth/tokens";
import { afterResponse } from "@/lib/platform/after-response";
import { passwordResetEmail } from "@/lib/email/templates";
import { sendEmail } from "@/lib/email/send";
import { AppError, ERROR_MESSAGES } from "@/lib/core/errors";
import { appOrigin } from "@/lib/platform/url";
import {
  acceptInvitationSchema,
  forgotPasswordSchema,
  passwordProblem,
  resetPasswordSchema,
  secondFactorSchema,
  signInSchema,
} from "@/lib/core/validation/auth";

type Credentials = { email: string; password: string; invitation?: string } | { ticket: string; code: string; invitation?: string };

type FoundUser = Awaited<ReturnType<typeof unsafeFindUserForSignIn>>;

/**
 * Where a fresh sign-in lands, in one redirect: the invited firm's home after
 * accepting an invitation; the firm chooser for a person with several firms;
 * otherwise `next` when it is a path on this app's own origin, else the home
 * of the role it signed in as. The person's memberships come most recently
 * used first, so the first is the firm the sign-in just opened.
 */
async function destinationAfterSignIn(user: FoundUser, next: unknown, invitation: string | undefined): Promise<string> {
  const opened = user?.memberships[0];
  // Without a membership there is nothing to open; sign-in again.
  if (!user || !opened) return "/sign-in";
  if (invitation) {
    const inv = await unsafeFindInvitation((await getDatabase()).db, hashToken(invitation));
    if (inv && !inv.acceptedAt) return `/invite/${encodeURIComponent(invitation)}`;
    if (inv && inv.firmId === opened.firmId) return homeFor(opened.role);
  }
  if (user.memberships.length > 1) {
    const back = safeNextPath(next);
    return `/choose-firm${back ? `?${new URLSearchParams({ next: back })}` : ""}`;
  }
  return resolveNext(next, opened.role);
}

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
      const seconds = (err as CredentialsSignin & { retryAfterSeconds?: number }).retryAfterSeconds ?? 15 * 60;
      throw new AppError(
        "rate_limited",
        `Too many attempts. Try again in ${waitInWords(seconds)}; you can reset your password meanwhile.`,
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
  const outcome = await signInOrExplain({ email: input.email, password: input.password, invitation: input.invitation });
  const user = await unsafeFindUserForSignIn((await getDatabase()).db, input.email);
  if (outcome === "mfa_required") {
    // Only reached after Auth.js verified the password; the ticket proves that for five minutes.
    if (!user) throw new AppError("invalid", "Email or password is incorrect.");
    return { ok: false, values: { email: input.email, next: input.next ?? "" }, data: { mfaTicket: signMfaTicket(user.id) } };
  }
  redirect(await destinationAfterSignIn(user, input.next, input.invitation));
});

export const signInSecondFactorAction = definePublicFormAction(secondFactorSchema, async (input, raw) => {
  const userId = verifyMfaTicket(input.ticket);
  try {
    await signInOrExplain({ ticket: input.ticket, code: input.code, invitation: input.invitation });
  } catch (err) {
    // Keep the ticket so the person can try another code without retyping the password.
    if (err instanceof AppError) return { ok: false, formError: err.message, fieldErrors: err.fieldErrors, values: { next: String(raw.next ?? "") }, data: { mfaTicket: input.ticket } };
    throw err;
  }
  const user = userId ? await unsafeFindUserForSwitch((await getDatabase()).db, userId) : null;
  redirect(await destinationAfterSignIn(user, input.next, input.invitation));
});

export const forgotPasswordAction = definePublicFormAction(forgotPasswordSchema, async ({ email }) => {
  const db = (await getDatabase()).db;
  const pending = await requestPasswordReset(db, { email, ip: clientIp(await headers()) });
  // Known or not, the answer leaves now; the mail (if any) is sent after it.
  await afterResponse(async () => {
    if (!pending) return;
    const mail = passwordResetEmail({ link: `${appOrigin()}/reset-password/${pending.token}`, minutes: RESET_MINUTES });
    await sendEmail(db, { firmId: pending.firmId, to: pending.to, ...mail }, { secrets: [pending.token] });
  });
  return {
    ok: true,
    message: "If an account uses that address, we have sent it a link to reset the password. It is valid for one hour.",
  };
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
  // A paused person who proved they own the mailbox may sign in again at once, from here.
  const keys = signInKeys(done.email, clientIp(await headers()));
  await unsafeThrottleReset(db, keys.account, keys.pair);
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
  const accepted = await unsafeAcceptInvitationAsNewUser(db, {
    tokenHash,
    name: input.name,
    passwordHash: await hashPassword(input.password),
  });
  if (accepted === "account_exists") {
    // Never set an existing person's password: they sign in to accept.
    throw new AppError("invalid", `An Afterview account already uses ${invitation.email}. Sign in with it to accept this invitation.`);
  }
  if (!accepted) {
    throw new AppError("not_found", "This invitation has expired or was already used. Ask the person who invited you for a new one.");
  }
  const outcome = await signInOrExplain({ email: invitation.email, password: input.password });
  redirect(outcome === "mfa_required" ? "/sign-in" : homeFor(accepted.role));
});
