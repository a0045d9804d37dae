import { recordAudit } from "@/db/queries/audit";
import { inTransaction, type QueryScope } from "@/db/queries/scope";
import {
  countSsoIdentities,
  getSsoProvider,
  recordSsoTest,
  setSsoProviderState,
  upsertSsoProvider,
  type SsoProviderView,
} from "@/db/queries/sso";
import { AppError } from "@/lib/core/errors";
import { outboundAllowsPrivate } from "@/lib/platform/env";
import { checkOutboundUrl, OutboundRefused } from "@/lib/platform/security/outbound";
import { appOrigin } from "@/lib/platform/url";
import { sealClientSecret, ssoFetch, ssoProviderId } from "./provider";

/**
 * An admin's settings for the firm's single sign-on: the provider (issuer,
 * client id and secret, sealed), the email domains that route to it, a test of
 * the connection, and whether it is offered and required. A change of issuer
 * or client switches it off until it is tested again, so a typo never locks
 * staff out.
 */

export type SsoSettingsInput = { issuer: string; clientId: string; clientSecret: string; domains: string[] };

/** The address to register at the provider as the redirect (callback) URI. */
export function ssoRedirectUri(firmId: string): string {
  return `${appOrigin()}/api/auth/callback/${ssoProviderId(firmId)}`;
}

export async function loadSsoSettings(scope: QueryScope): Promise<{ provider: SsoProviderView | null; linked: number; redirectUri: string }> {
  const [provider, linked] = await Promise.all([getSsoProvider(scope), countSsoIdentities(scope)]);
  return { provider, linked, redirectUri: ssoRedirectUri(scope.firmId) };
}

/** Refuses an issuer that can never be reached: not https (outside local development), or an internal address written as such (names are checked when they are used). */
async function checkIssuer(issuer: string): Promise<void> {
  const host = new URL(issuer).hostname;
  if (!outboundAllowsPrivate() && (host === "localhost" || host.endsWith(".localhost"))) {
    throw new AppError("invalid", undefined, { issuer: ["Afterview cannot use this address: it names this machine, not your provider."] });
  }
  try {
    await checkOutboundUrl(issuer, { allowPrivate: outboundAllowsPrivate(), resolver: async () => [{ address: "8.8.8.8", family: 4 }] });
  } catch (err) {
    if (err instanceof OutboundRefused) throw new AppError("invalid", undefined, { issuer: [`Afterview cannot use this address: ${err.message}.`] });
    throw err;
  }
}

export async function saveSsoSettings(scope: QueryScope, input: SsoSettingsInput): Promise<void> {
  await checkIssuer(input.issuer);
  const issuer = input.issuer;
  await inTransaction(scope, async (tx) => {
    const current = await getSsoProvider(tx);
    if (!current && !input.clientSecret) throw new AppError("invalid", undefined, { clientSecret: ["Enter the client secret your provider gave Afterview."] });
    const connectionChanged = !current || current.issuer !== issuer || current.clientId !== input.clientId || !!input.clientSecret;
    await upsertSsoProvider(tx, {
      issuer,
      clientId: input.clientId,
      clientSecretEncrypted: input.clientSecret ? sealClientSecret(input.clientSecret) : undefined,
      domains: input.domains,
      updatedBy: scope.userId,
      connectionChanged,
    });
    await recordAudit(tx, {
      action: "sso.update",
      entityType: "sso_provider",
      entityId: scope.firmId,
      changes: { issuer, clientId: input.clientId, domains: input.domains, secretChanged: !!input.clientSecret },
    });
  });
}

type Discovery = { issuer?: unknown; authorization_endpoint?: unknown; token_endpoint?: unknown; jwks_uri?: unknown };

async function getJson(fetcher: typeof fetch, url: string, what: string): Promise<unknown> {
  const res = await fetcher(url, { headers: { accept: "application/json" } });
  if (res.status !== 200) throw new OutboundRefused(`${what} answered HTTP ${res.status}`);
  try {
    return await res.json();
  } catch {
    throw new OutboundRefused(`${what} is not JSON`);
  }
}

/**
 * Reads the provider's discovery document and keys, through the outbound
 * guard: the issuer must match exactly, and the authorization, token and key
 * addresses must be there. The client id and secret are checked by the
 * provider at the first sign-in.
 */
export async function testSsoConnection(scope: QueryScope, now = new Date()): Promise<{ ok: boolean; message: string }> {
  const provider = await getSsoProvider(scope);
  if (!provider) throw new AppError("invalid", "Save the provider's settings first.");
  const fetcher = ssoFetch();
  let result: { ok: boolean; message: string };
  try {
    const base = provider.issuer.replace(/\/+$/, "");
    const doc = (await getJson(fetcher, `${base}/.well-known/openid-configuration`, "The discovery document")) as Discovery;
    if (doc.issuer !== provider.issuer) {
      throw new OutboundRefused(`the provider calls itself ${JSON.stringify(doc.issuer)}, not ${provider.issuer}; enter exactly its issuer`);
    }
    for (const key of ["authorization_endpoint", "token_endpoint", "jwks_uri"] as const) {
      if (typeof doc[key] !== "string") throw new OutboundRefused(`the discovery document has no ${key}`);
    }
    const keys = (await getJson(fetcher, doc.jwks_uri as string, "The signing keys")) as { keys?: unknown };
    if (!Array.isArray(keys.keys) || keys.keys.length === 0) throw new OutboundRefused("the provider publishes no signing keys");
    result = { ok: true, message: `Connected to ${provider.issuer}: discovery and ${keys.keys.length} signing key(s) found.` };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    result = { ok: false, message: `Could not use ${provider.issuer}: ${reason}.` };
  }
  await inTransaction(scope, async (tx) => {
    await recordSsoTest(tx, { ...result, at: now });
    await recordAudit(tx, { action: "sso.test", entityType: "sso_provider", entityId: scope.firmId, changes: { ok: result.ok } });
  });
  return result;
}

/** Offers single sign-on at sign-in (only after a successful test) and, if chosen, requires it for the firm's recruiters. */
export async function setSsoState(scope: QueryScope, input: { enabled: boolean; required: boolean }): Promise<void> {
  await inTransaction(scope, async (tx) => {
    const current = await getSsoProvider(tx);
    if (!current) throw new AppError("invalid", "Save the provider's settings first.");
    if (input.enabled && !current.lastTestOk) throw new AppError("invalid", "Test the connection first: single sign-on can be switched on after a successful test.");
    if (input.required && !input.enabled) throw new AppError("invalid", undefined, { required: ["Offer single sign-on before requiring it."] });
    await setSsoProviderState(tx, { ...input, updatedBy: scope.userId });
    await recordAudit(tx, { action: "sso.state", entityType: "sso_provider", entityId: scope.firmId, changes: input });
  });
}
