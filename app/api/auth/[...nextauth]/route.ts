import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/config";
import { jsonError } from "@/lib/core/errors";

const CALLBACK_COOKIES = ["authjs.callback-url", "__Secure-authjs.callback-url"];

/** Auth.js's own test: an absolute http(s) URL, or a path on this site. */
function validCallbackUrl(value: string, origin: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? origin : undefined).protocol);
  } catch {
    return false;
  }
}

/**
 * Auth.js answers a malformed callback URL (in the query or its cookie) with a
 * 500 "server configuration" error; it is the caller's mistake, so it is a 400
 * here. (Where a valid callback URL may lead is still Auth.js's redirect check.)
 */
function guarded(handler: (request: NextRequest) => Promise<Response>) {
  return async (request: NextRequest): Promise<Response> => {
    const origin = request.nextUrl.origin;
    // Every value: a repeated parameter reaches Auth.js as its last one, not the first.
    const params = request.nextUrl.searchParams.getAll("callbackUrl");
    const cookie = CALLBACK_COOKIES.map((n) => request.cookies.get(n)?.value).find(Boolean);
    if (params.some((p) => p && !validCallbackUrl(p, origin)) || (cookie && !validCallbackUrl(cookie, origin))) {
      return jsonError(400, "The callback URL is not valid.");
    }
    return handler(request);
  };
}

export const GET = guarded(handlers.GET);
export const POST = guarded(handlers.POST);
