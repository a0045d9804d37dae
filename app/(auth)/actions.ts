"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { definePublicFormAction } from "@/lib/actions";
import {
  acceptInvitationAsNewUser,
  completePasswordReset,
  findInvitation,
  findUserById,
  findUserForSignIn,
  requestPasswordResetMail,
  type SignInUser,
} from "@/lib/auth/accounts";
import { signIn } from "@/lib/auth/config";
import { waitInWords } from "@/lib/auth/credentials";
import { homeFor, resolveNext, sameOriginPath as safeNextPath } from "@/lib/auth/home";
import { signMfaTicket, verifyMfaTicket } from "@/lib/auth/mfa";
import { ssoAuthorizationUrl, ssoFirmsForEmail } from "@/lib/auth/sso/start";
import { clientIp } from "@/lib/auth/request";
import { AppError, ERROR_MESSAGES } from "@/lib/core/errors";
import {
  acceptInvitationSchema,
  forgotPasswordSchema,
  resetPasswordSchema,
  secondFactorSchema,
  signInSchema,
  ssoStartSchema,
} from "@/lib/core/validation/auth";

type Credentials =
  | { email: string; password: string; invitation?: string; firm?: string }
  | { ticket: string; code: string; invitation?: string; firm?: string };

/**
 * Where a fresh sign-in lands, in one redirect: the invited firm's home after
 * accepting an invitation; the firm chooser for a person with several firms;
 * otherwise `next` when it is a path on this app's own origin, else the home
 * of the role it signed in as. The person's memberships come most recently
 * used first, so the first is the firm the sign-in just opened.
 */
async function destinationAfterSignIn(user: SignInUser, next: unknown, invitation: string | undefined, firm?: string): Promise<string> {
  const opened = user?.memberships[0];
  // Without a membership there is nothing to open; sign-in again.
  if (!user || !opened) return "/sign-in";
  // Signing in to one firm in particular: straight there.
  const asked = firm ? user.memberships.find((m) => m.firmId === firm && !m.ssoRequired) : undefined;
  if (asked) return resolveNext(next, asked.role);
  if (invitation) {
    const inv = await findInvitation(invitation);
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
    if (err instanceof CredentialsSignin && err.code === "sso_required") {
      throw new AppError("invalid", "Your firm signs its staff in through single sign-on. Use “Continue with single sign-on” below.");
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
  const outcome = await signInOrExplain({ email: input.email, password: input.password, invitation: input.invitation, firm: input.firm });
  const user = await findUserForSignIn(input.email);
  if (outcome === "mfa_required") {
    // Only reached after Auth.js verified the password; the ticket proves that for five minutes.
    if (!user) throw new AppError("invalid", "Email or password is incorrect.");
    return { ok: false, values: { email: input.email, next: input.next ?? "" }, data: { mfaTicket: signMfaTicket(user.id) } };
  }
  redirect(await destinationAfterSignIn(user, input.next, input.invitation, input.firm));
});

export const signInSecondFactorAction = definePublicFormAction(secondFactorSchema, async (input, raw) => {
  const userId = verifyMfaTicket(input.ticket);
  try {
    await signInOrExplain({ ticket: input.ticket, code: input.code, invitation: input.invitation, firm: input.firm });
  } catch (err) {
    // Keep the ticket so the person can try another code without retyping the password.
    if (err instanceof AppError) return { ok: false, formError: err.message, fieldErrors: err.fieldErrors, values: { next: String(raw.next ?? "") }, data: { mfaTicket: input.ticket } };
    throw err;
  }
  const user = await findUserById(userId);
  redirect(await destinationAfterSignIn(user, input.next, input.invitation, input.firm));
});

/**
 * "Continue with single sign-on": the work email's domain names the firm (or
 * the firms, to choose from); the browser goes to that firm's provider. The
 * domain is a route only: who may come in is decided when the provider
 * answers (lib/auth/sso/sign-in.ts).
 */
export const startSsoAction = definePublicFormAction(ssoStartSchema, async (input) => {
  const firms = await ssoFirmsForEmail(input.email);
  const domain = input.email.split("@")[1] ?? "";
  if (firms.length === 0) {
    throw new AppError("invalid", ERROR_MESSAGES.invalid, {
      email: [`No firm signs in to Afterview with single sign-on for ${domain}. Sign in with your email and password instead.`],
    });
  }
  const chosen = input.firmId ? firms.find((f) => f.firmId === input.firmId) : firms.length === 1 ? firms[0] : undefined;
  if (!chosen) {
    return {
      ok: false,
      values: { email: input.email, next: input.next ?? "" },
      fieldErrors: input.firmId ? { firmId: ["Choose one of the firms listed."] } : undefined,
      data: { choices: firms },
    };
  }
  const url = await ssoAuthorizationUrl(chosen.firmId, { loginHint: input.email, next: input.next });
  if (!url) throw new AppError("invalid", `${chosen.firmName} does not offer single sign-on at the moment. Sign in with your email and password.`);
  redirect(url);
});

export const forgotPasswordAction = definePublicFormAction(forgotPasswordSchema, async ({ email }) => {
  // Known or not, the answer leaves now; the mail (if any) is sent after it.
  await requestPasswordResetMail(email, clientIp(await headers()));
  return {
    ok: true,
    message: "If an account uses that address, we have sent it a link to reset the password. It is valid for one hour.",
  };
});

export const resetPasswordAction = definePublicFormAction(resetPasswordSchema, async (input) => {
  await completePasswordReset({ token: input.token, password: input.password, ip: clientIp(await headers()) });
  redirect("/sign-in?reset=1");
});

export const acceptInvitationAction = definePublicFormAction(acceptInvitationSchema, async (input) => {
  const accepted = await acceptInvitationAsNewUser(input);
  const outcome = await signInOrExplain({ email: accepted.email, password: input.password });
  redirect(outcome === "mfa_required" ? "/sign-in" : homeFor(accepted.role));
});
