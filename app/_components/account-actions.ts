"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { changeMyPassword, revokeMySession, unsafeFindUserForSignIn } from "@/db/queries/auth";
import { defineFormAction } from "@/lib/actions";
import { hashPassword, verifyPassword } from "@/lib/platform/password";
import { signOut } from "@/lib/auth/config";
import { accountCheckFailed, accountCheckPassed, accountCheckPause, waitInWords } from "@/lib/auth/credentials";
import { AppError, ERROR_MESSAGES } from "@/lib/core/errors";
import { changePasswordSchema, passwordProblem } from "@/lib/core/validation/auth";

export const changePasswordAction = defineFormAction(changePasswordSchema, "account.manage", async (scope, input) => {
  // Wrong current passwords pause further tries, per person, as sign-in does.
  const wait = await accountCheckPause(scope.userId);
  if (wait) {
    throw new AppError("rate_limited", ERROR_MESSAGES.rate_limited, {
      current: [`Too many wrong passwords. Try again in ${waitInWords(wait)}.`],
    });
  }
  const me = await unsafeFindUserForSignIn(scope.db, scope.userEmail);
  if (!me || !(await verifyPassword(me.passwordHash, input.current))) {
    const pause = await accountCheckFailed(scope.userId);
    const message = "That is not your current password.";
    throw new AppError("invalid", ERROR_MESSAGES.invalid, {
      current: [pause ? `${message} Too many wrong passwords: try again in ${waitInWords(pause)}.` : message],
    });
  }
  await accountCheckPassed(scope.userId);
  const problem = passwordProblem(input.password, { email: scope.userEmail });
  if (problem) throw new AppError("invalid", ERROR_MESSAGES.invalid, { password: [problem] });
  await changeMyPassword(scope, await hashPassword(input.password));
  // The session version moved on: every session, this one included, must sign in again.
  await signOut({ redirectTo: "/sign-in?reset=1" });
});

export const revokeSessionAction = defineFormAction(z.object({ sessionId: z.uuid() }), "account.manage", async (scope, input) => {
  if (!(await revokeMySession(scope, input.sessionId))) throw new AppError("not_found");
  revalidatePath("/account");
  revalidatePath("/my/profile");
  return { ok: true, message: "That session was ended." };
});
