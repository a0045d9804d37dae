import type { Metadata } from "next";
import { FooterLink } from "@/app/(auth)/_components/footer-link";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <div className="flex flex-col gap-5">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold tracking-tight">Choose a new password</h1>
        <p className="text-sm text-muted-foreground">This signs you out everywhere else.</p>
      </div>
      <ResetPasswordForm token={token} />
      <FooterLink href="/forgot-password">Ask for a new link</FooterLink>
    </div>
  );
}
