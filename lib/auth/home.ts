import type { Role } from "@/lib/core/vocabulary";
import { appUrl } from "@/lib/platform/env";

/** Where each role lands after signing in. */
export function homeFor(role: Role): string {
  return role === "candidate" ? "/my/interviews" : "/dashboard";
}

const MAX_NEXT = 500;
/** C0 and C1 control characters (tab, CR, LF, NUL, DEL, …) and backslashes. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\\]/;
/** Pages a sign-in never returns to: the sign-in form itself and JSON answers. */
const NEVER = /^\/(api|sign-in)(\/|$|\?|#)/i;

/** The value and its percent-decoded forms, until decoding changes nothing; null when a form cannot be decoded. */
function decodedForms(value: string): string[] | null {
  const forms = [value];
  let current = value;
  for (let i = 0; i < 4; i++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (decoded === current) return forms;
    forms.push(decoded);
    current = decoded;
  }
  // Still changing after four rounds: nobody writes a return path like that.
  return null;
}

/**
 * A `next` / `callbackUrl` as a path on this app's own origin, or null.
 * The value is resolved with `new URL(next, APP_URL)`, and accepted only when
 * it and every percent-decoded form of it stay on APP_URL's origin, have no
 * control characters or backslashes, and do not start a protocol-relative
 * path (`//host`). The answer is the path, query and fragment only.
 */
export function sameOriginPath(next: unknown, origin: string = appUrl()): string | null {
  const path = ownOriginPath(next, origin);
  return path === null || NEVER.test(path) ? null : path;
}

/** Like sameOriginPath, without refusing the sign-in form and API paths (Auth.js's own redirects go there). */
export function ownOriginPath(next: unknown, origin: string = appUrl()): string | null {
  if (typeof next !== "string" || next === "" || next.length > MAX_NEXT) return null;
  const forms = decodedForms(next);
  if (!forms) return null;
  const own = new URL(origin).origin;
  let resolved: URL | null = null;
  for (const form of forms) {
    if (UNSAFE.test(form)) return null;
    // Only absolute paths or absolute URLs: "evil.example" or "?x" are not return paths.
    if (!form.startsWith("/") && !/^https?:\/\//i.test(form)) return null;
    let url: URL;
    try {
      url = new URL(form, own);
    } catch {
      return null;
    }
    if (url.origin !== own) return null;
    if (url.pathname.startsWith("//")) return null;
    resolved ??= url;
  }
  if (!resolved) return null;
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  return path.length > MAX_NEXT * 3 ? null : path;
}

/** Where to send someone of `role` who asked to return to `next`: that path when it is safe, else the role's home. */
export function resolveNext(next: unknown, role: Role): string {
  return sameOriginPath(next) ?? homeFor(role);
}

/**
 * Auth.js's redirect callback (`callbackUrl`, `redirectTo`): a path on the
 * app's own origin, as an absolute URL on APP_URL; anything else is the app's
 * root. Never the request's Host or X-Forwarded-Host, which Auth.js would
 * otherwise take the base URL from.
 */
export function authRedirect(url: string): string {
  const origin = appUrl();
  return `${origin}${ownOriginPath(url, origin) ?? "/"}`;
}
