import type { Metadata } from "next";
import { FooterLink } from "@/app/(auth)/_components/footer-link";
import { redirect } from "next/navigation";
import { Alert, AlertDescription } from "@/app/_components/ui/alert";
import { getScope } from "@/lib/auth/scope";
import { resolveNext, sameOriginPath } from "@/lib/auth/home";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const scope = await getScope();
  // Signed in already: to `next` when it stays on this app's origin, else to the role's home.
  if (scope) redirect(resolveNext(params.next, scope.role));
  const next = sameOriginPath(params.next) ?? "";
  return (
    <div className="flex flex-col gap-5">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold tracking-tight">Sign in to Afterview</h1>
        <p className="text-sm text-muted-foreground">Use the email address your firm invited.</p>
      </div>
      {params.expired ? (
        <Alert variant="info">
          <AlertDescription>Your session ended after a period of inactivity. Sign in again to continue.</AlertDescription>
        </Alert>
      ) : null}
      {params.reset ? (
        <Alert variant="success">
          <AlertDescription>Your password was changed. Sign in with the new one.</AlertDescription>
        </Alert>
      ) : null}
      <SignInForm next={next} />
      <FooterLink href="/forgot-password">Forgot your password?</FooterLink>
    </div>
  );
}
