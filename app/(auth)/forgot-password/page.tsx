import type { Metadata } from "next";
import { FooterLink } from "@/app/(auth)/_components/footer-link";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <div className="flex flex-col gap-5">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold tracking-tight">Reset your password</h1>
        <p className="text-sm text-muted-foreground">We will email you a link to choose a new password.</p>
      </div>
      <ForgotPasswordForm />
      <FooterLink href="/sign-in">Back to sign-in</FooterLink>
    </div>
  );
}
