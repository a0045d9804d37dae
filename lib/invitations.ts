import { createInvitation, InvitationConflictError } from "@/db/queries/auth";
import { getCandidateContact } from "@/db/queries/candidates";
import type { Role } from "@/lib/core/vocabulary";
import type { Scope } from "@/lib/auth/scope";
import { hashToken, randomToken } from "@/lib/auth/tokens";
import { invitationEmail } from "@/lib/email/templates";
import { sendEmail } from "@/lib/email/send";
import { AppError } from "@/lib/core/errors";
import { appOrigin } from "@/lib/platform/url";

export const INVITATION_DAYS = 7;

/** Creates a one-time invitation (random token, stored hashed, valid 7 days) and emails its link. */
export async function invite(
  scope: Scope,
  input: { email: string; name: string; role: Role; candidateId?: string | null },
): Promise<{ invitationId: string; link: string }> {
  const token = randomToken();
  let created;
  try {
    created = await createInvitation(scope, {
      ...input,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
    });
  } catch (err) {
    if (err instanceof InvitationConflictError) {
      if (err.message === "already_member") {
        throw new AppError("invalid", "Some fields need attention.", {
          email: ["This person already has access to your firm."],
        });
      }
      throw new AppError("not_found");
    }
    throw err;
  }
  const link = `${appOrigin()}/invite/${token}`;
  const mail = invitationEmail({ firmName: scope.firmName, inviterName: scope.userName, role: input.role, link, days: INVITATION_DAYS });
  await sendEmail(scope.db, { firmId: scope.firmId, to: input.email, ...mail }, { secrets: [token] });
  return { invitationId: created.id, link };
}

export async function inviteCandidate(scope: Scope, candidateId: string) {
  const candidate = await getCandidateContact(scope, candidateId);
  if (!candidate) throw new AppError("not_found");
  return invite(scope, { email: candidate.email, name: candidate.name, role: "candidate", candidateId });
}
