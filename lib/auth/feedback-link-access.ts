import { unsafeRateLimitHit } from "@/db/queries/auth";
import { unsafeFindFeedbackLink, type FoundFeedbackLink } from "@/db/queries/feedback-links";
import type { QueryScope } from "@/db/queries/scope";
import { firmScopedDb, getDatabase } from "@/db/runtime";
import { hashToken } from "./tokens";

/**
 * A feedback link's token as a credential: the client's interviewer has no
 * account, so the token alone opens one form, for one interview and one
 * contact. This is the only place that looks a link up across firms (by the
 * token's hash); what follows runs in the link's firm, as the app role, with
 * row-level security.
 *
 * Rate limits: per token (someone hammering one link) and per address
 * (someone guessing tokens), counted on every opening and every submission.
 */

export const LINK_RATE = { perToken: 30, perAddress: 120, windowSeconds: 600 };

/** Tokens are 43 URL-safe characters (32 random bytes); anything else is refused before the database is asked. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;

export type FeedbackLinkAccess =
  | { status: "refused" }
  | { status: "rate_limited"; retryAfterSeconds: number }
  | { status: "closed"; firmName: string; reason: "expired" | "revoked" }
  | { status: "answered"; firmName: string; answeredAt: Date; timeZone: string }
  | { status: "open"; firmName: string; link: FoundFeedbackLink; scope: QueryScope };

export async function accessFeedbackLink(token: string, opts: { ip: string | null; now?: Date }): Promise<FeedbackLinkAccess> {
  const now = opts.now ?? new Date();
  const database = await getDatabase();
  const hits = [];
  if (opts.ip) hits.push(unsafeRateLimitHit(database.db, { key: `feedback-link:ip:${opts.ip}`, limit: LINK_RATE.perAddress, windowSeconds: LINK_RATE.windowSeconds, now }));
  const shaped = TOKEN_SHAPE.test(token);
  const hash = shaped ? hashToken(token) : null;
  if (hash) hits.push(unsafeRateLimitHit(database.db, { key: `feedback-link:token:${hash.slice(0, 40)}`, limit: LINK_RATE.perToken, windowSeconds: LINK_RATE.windowSeconds, now }));
  const limits = await Promise.all(hits);
  const blocked = limits.filter((l) => !l.allowed);
  if (blocked.length > 0) {
    const until = Math.max(...blocked.map((l) => l.resetAt.getTime()));
    return { status: "rate_limited", retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) };
  }
  if (!hash) return { status: "refused" };
  const link = await unsafeFindFeedbackLink(database.db, hash);
  if (!link) return { status: "refused" };
  if (link.answeredAt) return { status: "answered", firmName: link.firmName, answeredAt: link.answeredAt, timeZone: link.timeZone };
  if (link.revokedAt) return { status: "closed", firmName: link.firmName, reason: "revoked" };
  if (link.expiresAt.getTime() <= now.getTime()) return { status: "closed", firmName: link.firmName, reason: "expired" };
  // The link's work is done on behalf of the recruiter who sent it (or the application's recruiter).
  const actor = link.requestedBy ?? link.recruiterUserId;
  if (!actor) return { status: "closed", firmName: link.firmName, reason: "revoked" };
  const scope: QueryScope = {
    db: firmScopedDb(database.db, link.firmId, actor),
    firmId: link.firmId,
    userId: actor,
    role: "recruiter",
    candidateId: null,
    ip: opts.ip,
    firmTimeZone: link.timeZone,
  };
  return { status: "open", firmName: link.firmName, link, scope };
}
