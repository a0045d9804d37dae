"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import {
  confirmMyMfaEnrollment,
  disableMyMfa,
  getMyMfa,
  replaceMyRecoveryCodes,
  spendMyTotpStep,
  startMyMfaEnrollment,
} from "@/db/queries/mfa";
import type { Scope } from "@/lib/auth/scope";
import { getFirmSettings } from "@/db/queries/firm-settings";
import { defineFormAction } from "@/lib/actions";
import { signOut } from "@/lib/auth/config";
import { accountCheckFailed, accountCheckPassed, accountCheckPause, waitInWords } from "@/lib/auth/credentials";
import { decryptMfaSecret, encryptMfaSecret, hashRecoveryCode, newMfaSecret, newRecoveryCodes, totpStep } from "@/lib/auth/mfa";
import { AppError, ERROR_MESSAGES } from "@/lib/core/errors";

const codeSchema = z.object({
  code: z.string().trim().min(1, { error: "Enter the 6-digit code your app shows." }).max(12),
});

const WRONG_CODE = "That code is not right. Check the time on your phone and enter the code your app shows now.";
const USED_CODE = "That code was already used. Wait for your app to show the next one.";

/**
 * Checks a code from the person's app before a change to their second factor,
 * and spends it (a code works once). Wrong codes pause further tries with
 * growing delays, per person; the message sits next to the field.
 */
async function checkMyCode(scope: Scope, encryptedSecret: string, code: string): Promise<void> {
  const wait = await accountCheckPause(scope.userId);
  if (wait) {
    throw new AppError("rate_limited", ERROR_MESSAGES.rate_limited, {
      code: [`Too many wrong codes. Try again in ${waitInWords(wait)}.`],
    });
  }
  const step = totpStep(decryptMfaSecret(encryptedSecret), code);
  if (step !== null && (await spendMyTotpStep(scope, step))) {
    await accountCheckPassed(scope.userId);
    return;
  }
  const pause = await accountCheckFailed(scope.userId);
  const message = step === null ? WRONG_CODE : USED_CODE;
  throw new AppError("invalid", ERROR_MESSAGES.invalid, {
    code: [pause ? `${message} Too many wrong codes: try again in ${waitInWords(pause)}.` : message],
  });
}

export const startMfaAction = defineFormAction(z.object({}), "account.manage", async (scope) => {
  if (scope.role === "candidate") throw new AppError("not_found");
  if (!(await startMyMfaEnrollment(scope, encryptMfaSecret(newMfaSecret())))) {
    throw new AppError("conflict", "Two-factor sign-in is already on for your account.");
  }
  revalidatePath("/account/mfa");
  return { ok: true };
});

export const confirmMfaAction = defineFormAction(codeSchema, "account.manage", async (scope, input) => {
  const mfa = await getMyMfa(scope);
  if (!mfa?.pendingSecret || mfa.enabledAt) throw new AppError("not_found");
  const step = totpStep(decryptMfaSecret(mfa.pendingSecret), input.code);
  if (step === null) throw new AppError("invalid", ERROR_MESSAGES.invalid, { code: [WRONG_CODE] });
  const codes = newRecoveryCodes();
  if (!(await confirmMyMfaEnrollment(scope, codes.map(hashRecoveryCode), step))) throw new AppError("conflict");
  return { ok: true, message: "Two-factor sign-in is on.", data: { recoveryCodes: codes } };
});

export const replaceRecoveryCodesAction = defineFormAction(codeSchema, "account.manage", async (scope, input) => {
  const mfa = await getMyMfa(scope);
  if (!mfa?.pendingSecret || !mfa.enabledAt) throw new AppError("not_found");
  await checkMyCode(scope, mfa.pendingSecret, input.code);
  const codes = newRecoveryCodes();
  await replaceMyRecoveryCodes(scope, codes.map(hashRecoveryCode));
  return { ok: true, message: "New recovery codes made; the old ones no longer work.", data: { recoveryCodes: codes } };
});

export const disableMfaAction = defineFormAction(codeSchema, "account.manage", async (scope, input) => {
  const [mfa, firm] = await Promise.all([getMyMfa(scope), getFirmSettings(scope)]);
  if (!mfa?.pendingSecret || !mfa.enabledAt) throw new AppError("not_found");
  if (firm?.mfaRequired) {
    throw new AppError("conflict", "Your firm requires two-factor sign-in for staff, so it cannot be turned off.");
  }
  await checkMyCode(scope, mfa.pendingSecret, input.code);
  await disableMyMfa(scope);
  await signOut({ redirectTo: "/sign-in" });
});
