import type { Metadata } from "next";
import { FooterLink } from "@/app/(auth)/_components/footer-link";
import { accountExists, findInvitation, invitationUsable } from "@/lib/auth/accounts";
import { getScope } from "@/lib/auth/scope";
import { signOutAction } from "@/app/_components/session-actions";
import { Button } from "@/app/_components/ui/button";
import { SignInForm } from "../../sign-in/sign-in-form";
import { AcceptInvitationForm, AcceptSignedInForm } from "./accept-invitation-form";

export const metadata: Metadata = { title: "Accept invitation" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await findInvitation(token);
  if (!invitation || !invitationUsable(invitation)) {
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
        <FooterLink href="/sign-in" muted={false}>Go to sign-in</FooterLink>
      </div>
    );
  }
  const roleText = invitation.role === "admin" ? "an admin" : `a ${invitation.role}`;
  // The token was mailed to this address, so saying that an account exists tells its holder nothing new.
  const [hasAccount, scope] = await Promise.all([accountExists(invitation.email), getScope()]);
  const heading = (
    <h1 className="text-xl font-semibold tracking-tight">Join {invitation.firmName}</h1>
  );
  if (hasAccount && scope && scope.userEmail.toLowerCase() === invitation.email.toLowerCase()) {
    return (
      <div className="flex flex-col gap-5">
        <div className="space-y-1">
          {heading}
          <p className="text-sm text-muted-foreground">
            You were invited as {roleText}. Accepting adds {invitation.firmName} to your Afterview account{" "}
            <span className="font-medium text-foreground">{invitation.email}</span>; your password and your other firms
            stay as they are. You can switch between firms from your account menu.
          </p>
        </div>
        <AcceptSignedInForm token={token} firmName={invitation.firmName} />
      </div>
    );
  }
  if (scope && (hasAccount || scope.userEmail.toLowerCase() !== invitation.email.toLowerCase())) {
    return (
      <div className="flex flex-col gap-5">
        <div className="space-y-1">
          {heading}
          <p className="text-sm">
            This invitation is for <span className="font-medium">{invitation.email}</span>, but you are signed in as{" "}
            <span className="font-medium">{scope.userEmail}</span>.
          </p>
          <p className="text-sm text-muted-foreground">
            Sign out, then open this link again and sign in as {invitation.email} to accept.
          </p>
        </div>
        <form action={signOutAction}>
          <Button type="submit" variant="outline" className="w-full">
            Sign out
          </Button>
        </form>
      </div>
    );
  }
  if (hasAccount) {
    return (
      <div className="flex flex-col gap-5">
        <div className="space-y-1">
          {heading}
          <p className="text-sm text-muted-foreground">
            You were invited as {roleText}. An Afterview account already uses{" "}
            <span className="font-medium text-foreground">{invitation.email}</span>: sign in with it to accept. Your
            password stays the same, and you will be able to switch between your firms.
          </p>
        </div>
        <SignInForm next="" invitation={token} email={invitation.email} />
        <FooterLink href="/forgot-password">Forgot your password?</FooterLink>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-5">
      <div className="space-y-1">
        {heading}
        <p className="text-sm text-muted-foreground">
          You were invited as {roleText} with{" "}
          <span className="font-medium text-foreground">{invitation.email}</span>. Choose a password to finish.
        </p>
      </div>
      <AcceptInvitationForm token={token} defaultName={invitation.name} />
    </div>
  );
}
