"use server";

import { redirect } from "next/navigation";
import { defineFormAction } from "@/lib/actions";
import { acceptInvitationForSignedIn, listMyFirms } from "@/lib/auth/accounts";
import { signIn, signOut } from "@/lib/auth/config";
import { ssoAuthorizationUrl } from "@/lib/auth/sso/start";
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

/**
 * Choosing (or switching) the firm a session names: only among the person's
 * own active memberships. A session a firm's own provider opened is valid for
 * that firm alone, and a firm that requires its single sign-on is opened only
 * by its provider: then the chosen firm's own sign-in is asked for — its
 * provider when it has one, else email, password and second factor (the
 * current session ends first).
 */
export const chooseFirmAction = defineFormAction(chooseFirmSchema, "account.manage", async (scope, input) => {
  const mine = await listMyFirms(scope.userId);
  const chosen = mine.find((m) => m.firmId === input.firmId);
  if (!chosen) throw new AppError("invalid", ERROR_MESSAGES.invalid, { firmId: ["Choose one of your firms."] });
  if (chosen.firmId !== scope.firmId && (scope.ssoFirmId || chosen.ssoRequired)) {
    const next = safeNextPath(input.next) ?? undefined;
    const viaProvider = chosen.ssoEnabled ? await ssoAuthorizationUrl(chosen.firmId, { loginHint: scope.userEmail, next }) : null;
    if (viaProvider) redirect(viaProvider);
    await signOut({ redirect: false });
    redirect(`/sign-in?${new URLSearchParams({ firm: chosen.firmId, ...(next ? { next } : {}) })}`);
  }
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
