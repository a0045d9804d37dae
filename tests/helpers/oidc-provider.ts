/**
 * A real OpenID Connect provider for the tests (oidc-provider v9), listening
 * on plain http at 127.0.0.1 on a free port, with one registered client.
 *
 * - Authorization code flow with PKCE (S256), state and nonce; the client
 *   authenticates at the token endpoint with client_secret_basic.
 * - Scopes openid, email, profile; sub, email, email_verified and name are
 *   in the ID token itself (conformIdTokenClaims: false).
 * - Sign-in is this helper's own login page (the provider's devInteractions
 *   would make the login name the subject): a form with inputs
 *   `input[name="login"]` and `input[name="password"]` and a button
 *   "Sign-in". Any password is accepted for a login set with setAccount; an
 *   unknown login shows the form again with "Unknown login". Consent is
 *   granted automatically, so a browser only ever sees the login form.
 * - setWrongAudience(true) rewrites the id_token of every token response
 *   from then on to aud "someone-else", re-signed with the provider's key.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes, randomUUID } from "node:crypto";
import type { JWK } from "jose";

export type TestOidcProvider = {
  issuer: string; // e.g. http://127.0.0.1:PORT
  clientId: string; // the one registered client
  clientSecret: string;
  /** Accounts: login name -> claims. The provider's login form accepts these login names with any password. */
  setAccount(login: string, claims: { sub: string; email?: string; email_verified?: boolean; name?: string }): void;
  /** When true, ID tokens issued from now on carry aud = "someone-else" instead of the client id (re-signed with the provider's own key), to test that the relying party refuses a wrong audience. */
  setWrongAudience(on: boolean): void;
  stop(): Promise<void>;
};

type AccountClaims = { sub: string; email?: string; email_verified?: boolean; name?: string };

/* The little of oidc-provider (which ships no types) and koa this file uses. */
type KoaContext = {
  method: string;
  path: string;
  status: number;
  body: unknown;
  type: string;
  req: IncomingMessage;
  res: ServerResponse;
  set(name: string, value: string): void;
  redirect(url: string): void;
};
type Next = () => Promise<void>;
type GrantInstance = {
  addOIDCScope(scope: string): void;
  addOIDCClaims(claims: string[]): void;
  save(): Promise<string>;
};
type InteractionDetails = {
  uid: string;
  prompt: { name: string; details: Record<string, unknown> };
  params: Record<string, unknown>;
  session?: { accountId?: string };
  grantId?: string;
};
type ProviderInstance = {
  silent: boolean;
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  use(fn: (ctx: KoaContext, next: Next) => Promise<void>): void;
  on(event: string, listener: (...args: unknown[]) => void): void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
  interactionResult(
    req: IncomingMessage,
    res: ServerResponse,
    result: Record<string, unknown>,
    opts: { mergeWithLastSubmission: boolean },
  ): Promise<string>;
  Grant: {
    new (init: { accountId: string; clientId: string }): GrantInstance;
    find(id: string): Promise<GrantInstance | undefined>;
  };
};
type ProviderConstructor = new (issuer: string, configuration: Record<string, unknown>) => ProviderInstance;
type OidcContext = {
  oidc: {
    provider: ProviderInstance;
    client: { clientId: string };
    session: { accountId?: string; grantIdFor(clientId: string): string | undefined };
    result?: { consent?: { grantId?: string } };
  };
};

const SCOPES = "openid email profile";
const WRONG_AUDIENCE = "someone-else";

/**
 * oidc-provider prints notices meant for production set-ups ("unsupported
 * runtime" on Node 20, the in-memory adapter, ...) with console.warn/info.
 * Runs `fn` with those, and only those, held back.
 */
async function quietly<T>(fn: () => Promise<T> | T): Promise<T> {
  const { warn, info } = console;
  const filter =
    (original: (...args: unknown[]) => void) =>
    (...args: unknown[]) => {
      if (typeof args[0] === "string" && args[0].includes("oidc-provider ")) return;
      original.apply(console, args);
    };
  console.warn = filter(warn);
  console.info = filter(info);
  try {
    return await fn();
  } finally {
    console.warn = warn;
    console.info = info;
  }
}

let providerClass: Promise<ProviderConstructor> | undefined;
function loadProvider(): Promise<ProviderConstructor> {
  // The specifier is not a literal so TypeScript does not look for the
  // declarations oidc-provider does not ship.
  const specifier: string = "oidc-provider";
  providerClass ??= quietly(async () => {
    const mod = (await import(specifier)) as { default: ProviderConstructor };
    return mod.default;
  });
  return providerClass;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function loginPage(submitUrl: string, error?: string, login = ""): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Sign-in</title></head>
<body>
  <h1>Test identity provider</h1>
  ${error ? `<p role="alert">${escapeHtml(error)}</p>` : ""}
  <form autocomplete="off" action="${escapeHtml(submitUrl)}" method="post">
    <label>Login <input required type="text" name="login" value="${escapeHtml(login)}" autofocus></label>
    <label>Password <input required type="password" name="password"></label>
    <button type="submit">Sign-in</button>
  </form>
</body>
</html>`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

export async function startOidcProvider(opts: {
  redirectUris: string[];
  clientId?: string;
  clientSecret?: string;
}): Promise<TestOidcProvider> {
  const Provider = await loadProvider();
  const clientId = opts.clientId ?? `test-client-${randomUUID()}`;
  const clientSecret = opts.clientSecret ?? randomBytes(24).toString("base64url");

  const accounts = new Map<string, AccountClaims>(); // login -> claims
  let wrongAudience = false;
  const findBySub = (sub: string) => [...accounts.values()].find((a) => a.sub === sub);

  // jose is ESM only; loaded at run time so the CommonJS transform of Playwright's test files does not require() it.
  const joseSpecifier: string = "jose";
  const { CompactSign, decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair } = (await import(joseSpecifier)) as typeof import("jose");
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const kid = randomUUID();
  const privateJwk: JWK = { ...(await exportJWK(privateKey)), kid, alg: "RS256", use: "sig" };

  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;

  const provider = await quietly(
    () =>
      new Provider(issuer, {
        clients: [
          {
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uris: opts.redirectUris,
            response_types: ["code"],
            grant_types: ["authorization_code"],
            token_endpoint_auth_method: "client_secret_basic",
            id_token_signed_response_alg: "RS256",
          },
        ],
        jwks: { keys: [privateJwk] },
        cookies: { keys: [randomBytes(32).toString("base64url")] },
        scopes: SCOPES.split(" "),
        claims: {
          openid: ["sub"],
          email: ["email", "email_verified"],
          profile: ["name"],
        },
        // Scope-requested claims go into the ID token, not only to userinfo.
        conformIdTokenClaims: false,
        responseTypes: ["code"],
        pkce: { required: () => true },
        features: {
          devInteractions: { enabled: false },
          rpInitiatedLogout: { enabled: false },
        },
        interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
        async findAccount(_ctx: unknown, sub: string) {
          const account = findBySub(sub);
          if (!account) return undefined;
          return {
            accountId: account.sub,
            async claims() {
              return { ...findBySub(sub) };
            },
          };
        },
        // Consent is implied: every sign-in gets openid email profile.
        async loadExistingGrant(ctx: OidcContext) {
          const { provider: op, client, session, result } = ctx.oidc;
          const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
          if (grantId) {
            const existing = await op.Grant.find(grantId);
            if (existing) return existing;
          }
          if (!session.accountId) return undefined;
          const grant = new op.Grant({ accountId: session.accountId, clientId: client.clientId });
          grant.addOIDCScope(SCOPES);
          await grant.save();
          return grant;
        },
        clientBasedCORS: () => false,
        renderError(ctx: KoaContext, out: Record<string, string>) {
          ctx.type = "html";
          ctx.body = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>oops! something went wrong</title></head><body><h1>oops! something went wrong</h1>${Object.entries(
            out,
          )
            .map(([k, v]) => `<pre><strong>${escapeHtml(k)}</strong>: ${escapeHtml(String(v))}</pre>`)
            .join("")}</body></html>`;
        },
        ttl: {
          AccessToken: 3600,
          AuthorizationCode: 600,
          IdToken: 3600,
          Interaction: 3600,
          Session: 86400,
          Grant: 86400,
        },
      }),
  );
  // Errors are answered to the client; koa need not print them.
  provider.silent = true;

  // The login page, and the re-signing of ID tokens in wrong-audience mode.
  provider.use(async (ctx, next) => {
    const match = /^\/interaction\/([^/]+)$/.exec(ctx.path);
    if (match) {
      const submitUrl = `/interaction/${match[1]}`;
      ctx.set("Cache-Control", "no-store");
      const details = await provider.interactionDetails(ctx.req, ctx.res);
      const finish = async (result: Record<string, unknown>, mergeWithLastSubmission: boolean) => {
        const returnTo = await provider.interactionResult(ctx.req, ctx.res, result, { mergeWithLastSubmission });
        ctx.status = 303;
        ctx.redirect(returnTo);
      };

      if (details.prompt.name === "consent") {
        // Not expected (loadExistingGrant grants everything), but never ask.
        const accountId = details.session?.accountId ?? "";
        const grant =
          (details.grantId ? await provider.Grant.find(details.grantId) : undefined) ??
          new provider.Grant({ accountId, clientId: String(details.params.client_id) });
        grant.addOIDCScope(SCOPES);
        const missingClaims = details.prompt.details.missingOIDCClaims;
        if (Array.isArray(missingClaims)) grant.addOIDCClaims(missingClaims as string[]);
        await finish({ consent: { grantId: await grant.save() } }, true);
        return;
      }

      if (ctx.method === "GET") {
        const hint = typeof details.params.login_hint === "string" ? details.params.login_hint : "";
        ctx.type = "html";
        ctx.body = loginPage(submitUrl, undefined, hint);
        return;
      }
      if (ctx.method === "POST") {
        const form = await readForm(ctx.req);
        const login = form.get("login") ?? "";
        const account = accounts.get(login);
        if (!account) {
          ctx.type = "html";
          ctx.body = loginPage(submitUrl, "Unknown login", login);
          return;
        }
        await finish({ login: { accountId: account.sub } }, false);
        return;
      }
    }

    await next();

    if (wrongAudience && ctx.path === "/token" && ctx.body && typeof ctx.body === "object") {
      const body = ctx.body as Record<string, unknown>;
      if (typeof body.id_token === "string") {
        const header = decodeProtectedHeader(body.id_token);
        const payload = { ...decodeJwt(body.id_token), aud: WRONG_AUDIENCE };
        body.id_token = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
          .setProtectedHeader({ ...header, alg: header.alg ?? "RS256", kid })
          .sign(privateKey);
      }
    }
  });

  server.on("request", provider.callback());

  return {
    issuer,
    clientId,
    clientSecret,
    setAccount(login, claims) {
      accounts.set(login, { ...claims });
    },
    setWrongAudience(on) {
      wrongAudience = on;
    },
    async stop() {
      await new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
