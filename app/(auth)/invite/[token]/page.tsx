import type { Metadata } from "next";
import Link from "next/link";
import { getDatabase } from "@/db/runtime";
import { unsafeFindInvitation } from "@/db/queries/auth";
import { hashToken } from "@/lib/auth/tokens";
import { AcceptInvitationForm } from "./accept-invitation-form";

export const metadata: Metadata = { title: "Accept invitation" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = token.length <= 200 ? await unsafeFindInvitation((await getDatabase()).db, hashToken(token)) : null;
  const usable = invitation && !invitation.acceptedAt && !invitation.revokedAt && invitation.expiresAt > new Date();
  if (!usable) {
    const reason = !invitation
      ? "This invitation link is not valid. Check that you opened the whole link from the email."
      : invitation.acceptedAt
        ? "This invitation was already used. If it was you, sign in with the password you chose."
        : invitation.revokedAt
          ? "This invitation was withdrawn, perhaps because a newer one was sent. Look for a more recent email."
          : "This invitation has expired (they are valid for 7 days).";
    return (
      <div className="flex flex-col gap-4">
        <h1 className="text-xl font-semibold tracking-tight">Invitation not usable</h1>
        <p className="text-sm">{reason}</p>
        <p className="text-sm text-muted-foreground">Ask the person who invited you to send a new invitation.</p>
        <p className="text-sm">
          <Link href="/sign-in" className="font-medium text-accent-text underline-offset-4 hover:underline">
            Go to sign-in
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-5">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold tracking-tight">Join {invitation.firmName}</h1>
        <p className="text-sm text-muted-foreground">
          You were invited as {invitation.role === "admin" ? "an admin" : `a ${invitation.role}`} with{" "}
          <span className="font-medium text-foreground">{invitation.email}</span>. Choose a password to finish.
        </p>
      </div>
      <AcceptInvitationForm token={token} defaultName={invitation.name} />
    </div>
  );
}
