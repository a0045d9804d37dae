import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { FooterLink } from "@/app/(auth)/_components/footer-link";
import { Alert, AlertDescription } from "@/app/_components/ui/alert";
import { resolveNext, sameOriginPath } from "@/lib/auth/home";
import { getScope } from "@/lib/auth/scope";
import { SsoForm } from "./sso-form";

export const metadata: Metadata = { title: "Sign in with single sign-on" };

/** Why a sign-in through a firm's provider was refused (the reasons of lib/auth/sso/sign-in.ts). */
const REFUSALS: Record<string, string> = {
  no_access:
    "Your firm’s sign-in service recognised you, but you have no access to that firm in Afterview. Ask your firm’s Afterview admin to invite you.",
  not_staff: "Single sign-on is for your firm’s staff. Candidates sign in with their email and password.",
  linked_elsewhere:
    "Your Afterview account is already linked to a different account at your firm’s sign-in service. Sign in with that one, or ask your admin.",
  no_email: "Your firm’s sign-in service did not share a verified email address, so Afterview cannot tell who you are. Ask your admin.",
  disabled: "Your firm has switched single sign-on off. Sign in with your email and password.",
};

export default async function SsoSignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const scope = await getScope();
  if (scope) redirect(resolveNext(params.next, scope.role));
  const next = sameOriginPath(params.next) ?? "";
  const error = typeof params.error === "string" ? REFUSALS[params.error] : undefined;
  const email = typeof params.email === "string" && params.email.length <= 254 ? params.email : undefined;
  return (
    <div className="flex flex-col gap-5">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold tracking-tight">Sign in with single sign-on</h1>
        <p className="text-sm text-muted-foreground">Enter your work email. We will send you to your firm’s sign-in service.</p>
      </div>
      {error ? (
        <Alert variant="error" announce>
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      <SsoForm next={next} email={email} />
      <FooterLink href={next ? `/sign-in?${new URLSearchParams({ next })}` : "/sign-in"}>Sign in with email and password</FooterLink>
    </div>
  );
}
