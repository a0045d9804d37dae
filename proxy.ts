import { NextResponse, type NextRequest } from "next/server";

/**
 * Optimistic only: sends visitors with no session cookie to sign-in and back.
 * It is never the check that protects data — every page, action and route
 * authorizes itself against the database.
 */
const PROTECTED = [
  "/dashboard",
  "/candidates",
  "/jobs",
  "/clients",
  "/interviews",
  "/tasks",
  "/reports",
  "/settings",
  "/account",
  "/my",
  "/dev",
];

const SESSION_COOKIES = ["afterview.session", "__Host-afterview.session"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const requestId = request.headers.get("x-request-id") ?? crypto.randomUUID();
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!hasSession && PROTECTED.some((p) => pathname === p || pathname.startsWith(`${p}/`))) {
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = `?${new URLSearchParams({ next: `${pathname}${search}` })}`;
    return NextResponse.redirect(url);
  }
  const forwarded = new Headers(request.headers);
  forwarded.set("x-request-id", requestId);
  forwarded.set("x-afterview-path", `${pathname}${search}`);
  const response = NextResponse.next({ request: { headers: forwarded } });
  response.headers.set("x-request-id", requestId);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
