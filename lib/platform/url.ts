import { appUrl } from "@/lib/platform/env";

/**
 * The origin people reach the app at: APP_URL, or http://localhost:PORT when
 * it is not set. Never the request's Host or X-Forwarded-Host — those are
 * whatever the sender typed, and a link in an email built from them would
 * carry its token to someone else's site.
 */
export function appOrigin(): string {
  return appUrl();
}
