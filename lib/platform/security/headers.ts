/**
 * Response headers for every response (set in proxy.ts). Kept free of Node
 * APIs: the proxy may run on the edge runtime.
 */

export function contentSecurityPolicy(nonce: string, opts: { production: boolean; dev: boolean }): string {
  const directives = [
    "default-src 'self'",
    // Scripts only with this response's nonce (and what they load): no 'unsafe-inline' scripts.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (charts, popover positioning) need 'unsafe-inline' for styles only.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (opts.production) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

export function securityHeaders(opts: { production: boolean }): Record<string, string> {
  const h: Record<string, string> = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  if (opts.production) h["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains";
  return h;
}

/**
 * CSRF for route handlers (server actions check this themselves): a
 * state-changing request must come from this origin. Requests without an
 * Origin header (curl, server-to-server with a bearer token) carry no ambient
 * cookie authority worth forging and are judged by their credentials.
 */
export function isForeignOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return origin === "null";
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
