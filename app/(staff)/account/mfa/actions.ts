"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { confirmMyMfaEnrollment, disableMyMfa, getMyMfa, replaceMyRecoveryCodes, startMyMfaEnrollment } from "@/db/queries/mfa";
import { getFirmSettings } from "@/db/queries/firm-settings";
import { defineFormAction } from "@/lib/actions";
import { signOut } from "@/lib/auth/config";
import { decryptMfaSecret, encryptMfaSecret, hashRecoveryCode, newMfaSecret, newRecoveryCodes, verifyTotp } from "@/lib/auth/mfa";
import { AppError, ERROR_MESSAGES } from "@/lib/errors";

const codeSchema = z.object({
  code: z.string().trim().min(1, { error: "Enter the 6-digit code your app shows." }).max(12),
});

const WRONG_CODE = "That code is not right. Check the time on your phone and enter the code your app shows now.";

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
  if (!verifyTotp(decryptMfaSecret(mfa.pendingSecret), input.code)) {
    throw new AppError("invalid", ERROR_MESSAGES.invalid, { code: [WRONG_CODE] });
  }
  const codes = newRecoveryCodes();
  if (!(await confirmMyMfaEnrollment(scope, codes.map(hashRecoveryCode)))) throw new AppError("conflict");
  return { ok: true, message: "Two-factor sign-in is on.", data: { recoveryCodes: codes } };
});

export const replaceRecoveryCodesAction = defineFormAction(codeSchema, "account.manage", async (scope, input) => {
  const mfa = await getMyMfa(scope);
  if (!mfa?.pendingSecret || !mfa.enabledAt) throw new AppError("not_found");
  if (!verifyTotp(decryptMfaSecret(mfa.pendingSecret), input.code)) {
    throw new AppError("invalid", ERROR_MESSAGES.invalid, { code: [WRONG_CODE] });
  }
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
  if (!verifyTotp(decryptMfaSecret(mfa.pendingSecret), input.code)) {
    throw new AppError("invalid", ERROR_MESSAGES.invalid, { code: [WRONG_CODE] });
  }
  await disableMyMfa(scope);
  await signOut({ redirectTo: "/sign-in" });
});
