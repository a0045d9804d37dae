import type { Metadata } from "next";
import Link from "next/link";
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
      <p className="text-sm text-muted-foreground">
        <Link href="/forgot-password" className="font-medium text-accent-text underline-offset-4 hover:underline">
          Ask for a new link
        </Link>
      </p>
    </div>
  );
}
