"use server";

import { redirect } from "next/navigation";
import { defineFormAction } from "@/lib/actions";
import { acceptInvitationForSignedIn, listMyFirms } from "@/lib/auth/accounts";
import { signIn } from "@/lib/auth/config";
import { signFirmSwitch } from "@/lib/auth/firm-switch";
import { homeFor, sameOriginPath as safeNextPath } from "@/lib/auth/home";
import type { Scope } from "@/lib/auth/scope";
import { AppError, ERROR_MESSAGES } from "@/lib/core/errors";
import { acceptInvitationSignedInSchema, chooseFirmSchema } from "@/lib/core/validation/auth";

/** Opens a session for another of the person's firms (the cookie is rewritten; the old session ends). */
async function openFirm(scope: Scope, firmId: string): Promise<void> {
  if (firmId === scope.firmId) return;
  await signIn("credentials", {
    switchTicket: signFirmSwitch({ userId: scope.userId, fromSessionId: scope.sessionId, firmId }),
    redirect: false,
  });
}

/** Choosing (or switching) the firm a session names: only among the person's own active memberships. */
export const chooseFirmAction = defineFormAction(chooseFirmSchema, "account.manage", async (scope, input) => {
  const mine = await listMyFirms(scope.userId);
  const chosen = mine.find((m) => m.firmId === input.firmId);
  if (!chosen) throw new AppError("invalid", ERROR_MESSAGES.invalid, { firmId: ["Choose one of your firms."] });
  await openFirm(scope, chosen.firmId);
  redirect((chosen.firmId === scope.firmId && safeNextPath(input.next)) || homeFor(chosen.role));
});

/**
 * A signed-in person accepts an invitation addressed to their own email: the
 * membership is added (their password and name stay theirs) and the session
 * moves to the new firm.
 */
export const acceptInvitationSignedInAction = defineFormAction(acceptInvitationSignedInSchema, "account.manage", async (scope, input) => {
  const joined = await acceptInvitationForSignedIn(scope, input.token);
  await openFirm(scope, joined.firmId);
  redirect(homeFor(joined.role));
});
