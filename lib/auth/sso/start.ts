import NextAuth from "next-auth";
import { getDatabase } from "@/db/runtime";
import { unsafeFindSsoFirmsByDomain } from "@/db/queries/sso";
import { authConfig } from "../config";
import { sameOriginPath } from "../home";
import { ssoProviderForFirm } from "./provider";

/** The firms whose enabled provider lists the email's domain (a route only: who gets in is decided at the callback). */
export async function ssoFirmsForEmail(email: string): Promise<{ firmId: string; firmName: string }[]> {
  const domain = email.trim().toLowerCase().split("@")[1];
  if (!domain) return [];
  return unsafeFindSsoFirmsByDomain((await getDatabase()).db, domain);
}

/**
 * Starts a sign-in through a firm's provider: Auth.js writes its state, PKCE
 * and nonce cookies and answers the provider's authorization URL (or, when
 * the provider cannot be reached, the sign-in page with an error). Null when
 * the firm has no enabled provider. After the callback the browser goes to
 * `next` (a path on this app) through /sign-in, which sends a signed-in person
 * on.
 */
export async function ssoAuthorizationUrl(firmId: string, opts: { loginHint?: string; next?: string } = {}): Promise<string | null> {
  const provider = await ssoProviderForFirm(firmId);
  if (!provider) return null;
  const { signIn } = NextAuth(authConfig([provider]));
  const next = sameOriginPath(opts.next);
  const redirectTo = `/sign-in${next ? `?${new URLSearchParams({ next })}` : ""}`;
  const url: unknown = await signIn(provider.id, { redirect: false, redirectTo }, opts.loginHint ? { login_hint: opts.loginHint } : undefined);
  return typeof url === "string" ? url : null;
}
