import { z } from "zod";
import { firmScopedDb, getDatabase } from "@/db/runtime";
import { unsafeFindApiTokenByHash, unsafeTouchApiToken } from "@/db/queries/api-tokens";
import { unsafeRateLimitHit } from "@/db/queries/auth";
import type { QueryScope } from "@/db/queries/scope";
import { hashToken, randomToken } from "./tokens";

/**
 * API tokens for BI tools: random, shown once, stored only as their SHA-256,
 * with a short prefix kept in clear so people can tell tokens apart in lists.
 * A token reads the firm's pipeline reports and nothing else.
 */

export const API_TOKEN_PREFIX = "afv_";
/** Requests per token per window. */
export const API_RATE_LIMIT = 120;
export const API_RATE_WINDOW_SECONDS = 60;

export const createApiTokenSchema = z.object({
  name: z
    .string({ error: "Give the token a name." })
    .trim()
    .min(1, { error: "Give the token a name, e.g. the BI tool that will use it." })
    .max(80, { error: "Keep the name under 80 characters." }),
});

export const revokeApiTokenSchema = z.object({ tokenId: z.uuid({ error: "That token does not exist." }) });

export interface IssuedToken {
  /** Shown to the admin once; never stored. */
  token: string;
  /** Kept in clear for lists: "afv_Xy12ab". */
  prefix: string;
  hash: string;
}

export function issueApiToken(): IssuedToken {
  const token = `${API_TOKEN_PREFIX}${randomToken(32)}`;
  return { token, prefix: token.slice(0, API_TOKEN_PREFIX.length + 6), hash: hashToken(token) };
}

/** What a verified token may act as: a query scope on the token's firm. */
export interface ApiScope extends QueryScope {
  tokenId: string;
  tokenName: string;
  firmName: string;
}

export type ApiAuthResult =
  | { ok: true; scope: ApiScope; headers: Record<string, string> }
  | { ok: false; response: Response };

const TOKEN_SHAPE = /^afv_[A-Za-z0-9_-]{20,100}$/;

function refuse(status: number, error: string, headers: Record<string, string> = {}): { ok: false; response: Response } {
  return {
    ok: false,
    response: Response.json({ error }, { status, headers: { "Cache-Control": "no-store", ...headers } }),
  };
}

const challenge = (extra = "") => ({ "WWW-Authenticate": `Bearer realm="afterview"${extra}` });

/**
 * Checks `Authorization: Bearer <token>`: 401 when it is missing, unknown or
 * revoked; 403 when the admin who created it no longer works in the firm; 429
 * with Retry-After past the per-token rate limit. On success the token's
 * last-used time is updated and the rate-limit headers are returned.
 */
export async function authenticateApiRequest(request: Request): Promise<ApiAuthResult> {
  const header = request.headers.get("authorization");
  if (!header) {
    return refuse(401, "This API needs a token: send the header Authorization: Bearer <token>. An admin creates tokens under Settings → API tokens.", challenge());
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const token = match?.[1];
  if (!token || !TOKEN_SHAPE.test(token)) {
    return refuse(401, "The Authorization header must be: Bearer <token>.", challenge(', error="invalid_request"'));
  }
  const database = await getDatabase();
  const found = await unsafeFindApiTokenByHash(database.db, hashToken(token));
  if (!found || found.revokedAt) {
    return refuse(401, "This token is not valid: it is unknown or has been revoked.", challenge(', error="invalid_token"'));
  }
  if (!found.creatorActive || !found.createdBy) {
    return refuse(
      403,
      "This token's creator no longer has access to this firm, so the token cannot read reports. An admin can create a new one.",
    );
  }
  const limit = await unsafeRateLimitHit(database.db, {
    key: `api-token:${found.id}`,
    limit: API_RATE_LIMIT,
    windowSeconds: API_RATE_WINDOW_SECONDS,
  });
  const resetSeconds = Math.max(1, Math.ceil((limit.resetAt.getTime() - Date.now()) / 1000));
  const headers = {
    "RateLimit-Limit": String(API_RATE_LIMIT),
    "RateLimit-Remaining": String(limit.remaining),
    "RateLimit-Reset": String(resetSeconds),
  };
  if (!limit.allowed) {
    return refuse(429, `Too many requests for this token: at most ${API_RATE_LIMIT} a minute. Try again in ${resetSeconds} s.`, {
      ...headers,
      "Retry-After": String(resetSeconds),
    });
  }
  await unsafeTouchApiToken(database.db, { firmId: found.firmId, id: found.id });
  return {
    ok: true,
    headers,
    scope: {
      db: firmScopedDb(database.db, found.firmId, found.createdBy),
      firmId: found.firmId,
      userId: found.createdBy,
      // The token reads reports only; the route checks that itself.
      role: "recruiter",
      candidateId: null,
      tokenId: found.id,
      tokenName: found.name,
      firmName: found.firmName,
      requestId: request.headers.get("x-request-id") ?? undefined,
    },
  };
}
