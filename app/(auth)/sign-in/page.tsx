import type { Metadata } from "next";
import { FooterLink } from "@/app/(auth)/_components/footer-link";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Alert, AlertDescription } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
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
  const firm = typeof params.firm === "string" && /^[0-9a-f-]{36}$/.test(params.firm) ? params.firm : undefined;
  const ssoHref = next ? `/sign-in/sso?${new URLSearchParams({ next })}` : "/sign-in/sso";
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
      {params.error ? (
        <Alert variant="error" announce>
          <AlertDescription>
            Single sign-on did not complete: the answer from your firm’s sign-in service could not be accepted, or it took too long. Try again.
          </AlertDescription>
        </Alert>
      ) : null}
      {firm ? (
        <Alert variant="info">
          <AlertDescription>That firm asks you to sign in to it on its own. Sign in with your email and password.</AlertDescription>
        </Alert>
      ) : null}
      {params.reset ? (
        <Alert variant="success">
          <AlertDescription>Your password was changed. Sign in with the new one.</AlertDescription>
        </Alert>
      ) : null}
      <SignInForm next={next} firm={firm} />
      <div className="flex items-center gap-3 text-xs text-muted-foreground" aria-hidden="true">
        <span className="h-px flex-1 bg-border" />
        or
        <span className="h-px flex-1 bg-border" />
      </div>
      <Button asChild variant="outline" className="w-full">
        <Link href={ssoHref}>Continue with single sign-on</Link>
      </Button>
      <FooterLink href="/forgot-password">Forgot your password?</FooterLink>
    </div>
  );
}
