"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { changeMyPassword, revokeMySession, unsafeFindUserForSignIn } from "@/db/queries/auth";
import { defineFormAction } from "@/lib/actions";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { signOut } from "@/lib/auth/config";
import { AppError, ERROR_MESSAGES } from "@/lib/errors";
import { changePasswordSchema, passwordProblem } from "@/lib/validation/auth";

export const changePasswordAction = defineFormAction(changePasswordSchema, "account.manage", async (scope, input) => {
  const me = await unsafeFindUserForSignIn(scope.db, scope.userEmail);
  if (!me || !(await verifyPassword(me.passwordHash, input.current))) {
    throw new AppError("invalid", ERROR_MESSAGES.invalid, { current: ["That is not your current password."] });
  }
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
