import { customFetch } from "next-auth";
import type { OIDCConfig } from "next-auth/providers";
import { getDatabase } from "@/db/runtime";
import { unsafeGetEnabledSsoProvider } from "@/db/queries/sso";
import type { SsoProvider } from "@/db/schema";
import { outboundAllowsPrivate } from "@/lib/platform/env";
import { guardedFetch, type Resolver } from "@/lib/platform/security/outbound";
import { openSealedSecret, sealSecret } from "@/lib/platform/security/sealed";

/**
 * Each firm's OpenID Connect provider is an Auth.js provider of its own, with
 * the id `sso-<firm id>`, made per request from the firm's settings (Auth.js
 * then runs the code flow: state, PKCE and nonce checks, the token exchange,
 * the ID token's signature, issuer, audience and expiry). Every request Auth.js
 * makes to the provider — discovery, token, keys — goes through the outbound
 * guard, so an issuer URL cannot reach a private or internal address.
 */

const PREFIX = "sso-";
const SECRET_PURPOSE = "sso-client-secret";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const ssoProviderId = (firmId: string) => `${PREFIX}${firmId}`;

/** The firm of an Auth.js provider id made by ssoProviderId, or null. */
export function firmOfProviderId(providerId: string | undefined | null): string | null {
  if (!providerId?.startsWith(PREFIX)) return null;
  const firmId = providerId.slice(PREFIX.length);
  return UUID.test(firmId) ? firmId : null;
}

export const sealClientSecret = (secret: string) => sealSecret(SECRET_PURPOSE, secret);
export const openClientSecret = (stored: string) => openSealedSecret(SECRET_PURPOSE, stored);

let resolverForTests: Resolver | undefined;
/** Tests play a name that resolves to an internal address. */
export function setSsoResolverForTests(resolver: Resolver | undefined): void {
  resolverForTests = resolver;
}

export function ssoFetch(): typeof fetch {
  return guardedFetch({ allowPrivate: outboundAllowsPrivate(), resolver: resolverForTests });
}

type Claims = { sub?: unknown; email?: unknown; name?: unknown };

export function buildSsoProvider(row: Pick<SsoProvider, "firmId" | "issuer" | "clientId" | "clientSecretEncrypted"> & { firmName: string }): OIDCConfig<Claims> {
  return {
    id: ssoProviderId(row.firmId),
    name: row.firmName,
    type: "oidc",
    issuer: row.issuer,
    clientId: row.clientId,
    clientSecret: openClientSecret(row.clientSecretEncrypted),
    checks: ["pkce", "state", "nonce"],
    authorization: { params: { scope: "openid email profile" } },
    profile: (claims) => ({
      id: typeof claims.sub === "string" ? claims.sub : "",
      email: typeof claims.email === "string" ? claims.email : null,
      name: typeof claims.name === "string" ? claims.name : null,
    }),
    [customFetch]: ssoFetch(),
  };
}

/** The enabled provider of a firm as an Auth.js provider, or null. */
export async function ssoProviderForFirm(firmId: string): Promise<OIDCConfig<Claims> | null> {
  const row = await unsafeGetEnabledSsoProvider((await getDatabase()).db, firmId);
  return row ? buildSsoProvider(row) : null;
}

const AUTH_PATH = /\/api\/auth\/(?:signin|callback)\/([^/?#]+)/;

/** For Auth.js's route: the firm's provider its sign-in or callback URL names (none for other requests). */
export async function ssoProvidersForRequest(request: Request | undefined): Promise<OIDCConfig<Claims>[]> {
  if (!request) return [];
  const match = AUTH_PATH.exec(new URL(request.url).pathname);
  const firmId = firmOfProviderId(match?.[1] ? decodeURIComponent(match[1]) : null);
  if (!firmId) return [];
  const provider = await ssoProviderForFirm(firmId);
  return provider ? [provider] : [];
}
