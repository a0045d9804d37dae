import { NextResponse, type NextRequest } from "next/server";
import { databaseAvailable, unavailableResponse } from "@/lib/core/availability";
import { contentSecurityPolicy, isForeignOrigin, securityHeaders } from "@/lib/platform/security/headers";

/**
 * Runs before every request. Optimistic only: it sends visitors with no
 * session cookie to sign-in and back, and it is never the check that protects
 * data — every page, action and route authorizes itself against the database.
 * It also sets the security headers and the per-request CSP nonce, and refuses
 * state-changing API requests from a foreign origin, and answers 503 with a
 * plain message while the database is unreachable (lib/core/availability.ts).
 */
const PROTECTED = [
  "/dashboard",
  "/candidates",
  "/jobs",
  "/clients",
  "/contacts",
  "/applications",
  "/interviews",
  "/tasks",
  "/reports",
  "/settings",
  "/account",
  "/my",
  "/dev",
  "/choose-firm",
];

const SESSION_COOKIES = ["afterview.session", "__Host-afterview.session"];
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

// eslint-disable-next-line no-restricted-properties -- the proxy bundle cannot import lib/platform/env (Node-only zod parsing of all settings)
const ENV = process.env;

function production(): boolean {
  if (ENV.AFTERVIEW_ENV) return ENV.AFTERVIEW_ENV === "production";
  return ENV.NODE_ENV === "production";
}

function withHeaders(response: NextResponse, csp: string, requestId: string, isApi: boolean): NextResponse {
  for (const [k, v] of Object.entries(securityHeaders({ production: production() }))) response.headers.set(k, v);
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("x-request-id", requestId);
  // Pages and API answers carry personal data: never store them in shared or browser caches.
  if (isApi || !response.headers.has("Cache-Control")) response.headers.set("Cache-Control", "no-store");
  return response;
}

/** Answers for itself whether the database is up; everything else needs the database. */
const HEALTH = "/api/health";

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const requestId = request.headers.get("x-request-id")?.slice(0, 64) || crypto.randomUUID();
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce, { production: production(), dev: ENV.NODE_ENV === "development" });
  const isApi = pathname.startsWith("/api/");

  if (isApi && !SAFE_METHODS.has(request.method) && !pathname.startsWith("/api/auth/") && isForeignOrigin(request)) {
    return withHeaders(
      NextResponse.json({ error: "Cross-site request refused." }, { status: 403 }),
      csp,
      requestId,
      true,
    );
  }

  if (pathname !== HEALTH && !(await databaseAvailable())) {
    const down = unavailableResponse(isApi);
    return withHeaders(new NextResponse(down.body, { status: down.status, headers: down.headers }), csp, requestId, true);
  }

  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!hasSession && PROTECTED.some((p) => pathname === p || pathname.startsWith(`${p}/`))) {
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = `?${new URLSearchParams({ next: `${pathname}${search}` })}`;
    return withHeaders(NextResponse.redirect(url), csp, requestId, false);
  }

  const forwarded = new Headers(request.headers);
  forwarded.set("x-request-id", requestId);
  forwarded.set("x-afterview-path", `${pathname}${search}`);
  forwarded.set("x-nonce", nonce);
  // Next reads the nonce from the request's CSP header and puts it on its own scripts.
  forwarded.set("Content-Security-Policy", csp);
  return withHeaders(NextResponse.next({ request: { headers: forwarded } }), csp, requestId, isApi);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
