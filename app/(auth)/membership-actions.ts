"use server";

import { redirect } from "next/navigation";
import { getDatabase } from "@/db/runtime";
import { unsafeAcceptInvitationForUser, unsafeFindInvitation, unsafeListMyMemberships } from "@/db/queries/auth";
import { defineFormAction } from "@/lib/actions";
import { signIn } from "@/lib/auth/config";
import { signFirmSwitch } from "@/lib/auth/firm-switch";
import { homeFor } from "@/lib/auth/home";
import type { Scope } from "@/lib/auth/scope";
import { hashToken } from "@/lib/auth/tokens";
import { AppError, ERROR_MESSAGES } from "@/lib/core/errors";
import { acceptInvitationSignedInSchema, chooseFirmSchema } from "@/lib/core/validation/auth";
import { sameOriginPath as safeNextPath } from "@/lib/auth/home";

const UNUSABLE = "This invitation has expired or was already used. Ask the person who invited you for a new one.";

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
  const mine = await unsafeListMyMemberships((await getDatabase()).db, scope.userId);
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
  const db = (await getDatabase()).db;
  const tokenHash = hashToken(input.token);
  const invitation = await unsafeFindInvitation(db, tokenHash);
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= new Date()) {
    throw new AppError("not_found", UNUSABLE);
  }
  if (invitation.email.toLowerCase() !== scope.userEmail.toLowerCase()) {
    throw new AppError(
      "invalid",
      `This invitation is for ${invitation.email}, and you are signed in as ${scope.userEmail}. Sign out, then sign in as ${invitation.email} to accept it.`,
    );
  }
  const joined = await unsafeAcceptInvitationForUser(db, { tokenHash, userId: scope.userId });
  if (!joined) throw new AppError("not_found", UNUSABLE);
  await openFirm(scope, joined.firmId);
  redirect(homeFor(joined.role));
});
