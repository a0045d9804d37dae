import NextAuth, { CredentialsSignin, type Account, type NextAuthConfig, type Profile, type User } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { Provider } from "next-auth/providers";
import { headers } from "next/headers";
import { getDatabase } from "@/db/runtime";
import { unsafeRecordAuthEvent, unsafeRevokeSession } from "@/db/queries/auth";
import { env, isProduction } from "@/lib/platform/env";
import { logger } from "@/lib/platform/logger";
import { checkCredentials } from "./credentials";
import { authRedirect } from "./home";
import { clientIp } from "./request";
import { firmOfProviderId, ssoProvidersForRequest } from "./sso/provider";
import { completeSsoSignIn } from "./sso/sign-in";

/** Thrown from authorize while the attempt is paused; the message never says whether the email exists. */
class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

/** The password was right; the second factor is still to come. */
class SecondFactorRequired extends CredentialsSignin {
  code = "mfa_required";
}

class WrongCode extends CredentialsSignin {
  code = "invalid_code";
}

/** The password was right, but every firm of the person requires its single sign-on. */
class SsoRequired extends CredentialsSignin {
  code = "sso_required";
}

export function sessionCookieName(): string {
  return isProduction() ? "__Host-afterview.session" : "afterview.session";
}

/** The signed token carries ids only; everything else is loaded from the database per request. */
export interface SessionClaims {
  userId: string;
  sessionId: string;
  firmId: string;
  sessionVersion: number;
}

async function authorize(raw: unknown, request: Request | undefined) {
  const result = await checkCredentials(raw, {
    ip: request ? clientIp(request.headers) : null,
    userAgent: request?.headers.get("user-agent") ?? null,
  });
  if (result.ok) return result.user;
  if (result.reason === "throttled") throw new ThrottledSignIn(result.retryAfterSeconds);
  if (result.reason === "mfa_required") throw new SecondFactorRequired();
  if (result.reason === "invalid_code") throw new WrongCode();
  if (result.reason === "sso_required") throw new SsoRequired();
  return null;
}

export function authSecret(): string {
  const secret = env().AUTH_SECRET;
  if (!secret) {
    const message =
      "AUTH_SECRET is not set. Set it to a long random value (npm start makes one under .data/ for local use).";
    logger.fatal(message);
    throw new Error(message);
  }
  return secret;
}

/**
 * Where a sign-in through a firm's provider ends (lib/auth/sso/sign-in.ts):
 * true with the session's ids put on `user` for the jwt callback, or the
 * single sign-on page with the reason.
 */
async function ssoSignIn(params: { user: User; account?: Account | null; profile?: Profile }): Promise<boolean | string> {
  const firmId = firmOfProviderId(params.account?.provider);
  if (!params.account || params.account.type === "credentials") return true;
  if (!firmId || !params.profile) return "/sign-in/sso?error=no_access";
  const h = await headers();
  const result = await completeSsoSignIn(firmId, params.profile, { ip: clientIp(h), userAgent: h.get("user-agent") });
  if (!result.ok) return `/sign-in/sso?error=${result.reason}`;
  Object.assign(params.user, result.user);
  return true;
}

/** The Auth.js configuration, with the firm single sign-on providers a request needs (lib/auth/sso/provider.ts). */
export function authConfig(ssoProviders: Provider[] = []): NextAuthConfig {
  const secure = isProduction();
  return {
    secret: authSecret(),
    trustHost: true,
    useSecureCookies: secure,
    // The absolute limit; the idle limit and revocation are checked against the database on every request.
    session: { strategy: "jwt", maxAge: 12 * 3600, updateAge: 0 },
    cookies: {
      sessionToken: {
        name: sessionCookieName(),
        options: { httpOnly: true, sameSite: "lax", path: "/", secure },
      },
    },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      Credentials({
        credentials: { email: {}, password: {}, ticket: {}, code: {}, invitation: {}, switchTicket: {}, firm: {} },
        authorize: (credentials, request) => authorize(credentials, request),
      }),
      ...ssoProviders,
    ],
    callbacks: {
      signIn: (params) => ssoSignIn(params),
      // Where Auth.js may send the browser: paths on APP_URL only, whatever Host the request claimed.
      redirect: ({ url }) => authRedirect(url),
      jwt({ token, user }) {
        if (user) {
          const u = user as unknown as { sid: string; fid: string; sv: number; id: string };
          token.uid = u.id;
          token.sid = u.sid;
          token.fid = u.fid;
          token.sv = u.sv;
        }
        return token;
      },
      session({ session, token }) {
        (session as unknown as { claims: SessionClaims }).claims = {
          userId: String(token.uid ?? ""),
          sessionId: String(token.sid ?? ""),
          firmId: String(token.fid ?? ""),
          sessionVersion: Number(token.sv ?? -1),
        };
        return session;
      },
    },
    events: {
      async signOut(message) {
        const token = "token" in message ? message.token : null;
        if (!token?.sid || !token.fid) return;
        const db = (await getDatabase()).db;
        await unsafeRevokeSession(db, String(token.sid));
        await unsafeRecordAuthEvent(db, { firmId: String(token.fid), userId: String(token.uid), action: "signout" });
      },
    },
    logger: {
      error: (error) => {
        // Wrong passwords are expected; everything else is worth a line.
        if ((error as { type?: string }).type === "CredentialsSignin") return;
        logger.error({ err: error.message }, "auth error");
      },
      warn: (code) => logger.warn({ code }, "auth warning"),
      debug: () => {},
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(async (request) => authConfig(await ssoProvidersForRequest(request)));
