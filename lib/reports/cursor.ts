import { createHmac, randomBytes } from "node:crypto";
import { env, isProduction } from "@/lib/platform/env";
import { safeEqual } from "@/lib/auth/tokens";
import { ISO_INSTANT, type ReportKey } from "@/db/queries/reports";
import { isUuid } from "@/lib/core/vocabulary";

/**
 * The BI API's page cursor: opaque to clients and tamper-evident. It carries
 * the last row's keyset position and what it was issued for (firm, report,
 * filters), signed with an HMAC derived from AUTH_SECRET. A changed byte, or
 * a cursor replayed with other filters or by another firm, fails the check.
 */

let devKey: Buffer | undefined;

function signingKey(): Buffer {
  const secret = env().AUTH_SECRET;
  if (!secret) {
    if (isProduction()) throw new Error("AUTH_SECRET is not set.");
    // Local runs without a configured secret: cursors last as long as the process.
    devKey ??= randomBytes(32);
    return devKey;
  }
  return createHmac("sha256", secret).update("afterview:api-cursor:v1").digest();
}

function sign(body: string): string {
  return createHmac("sha256", signingKey()).update(body).digest("base64url");
}

export interface CursorContext {
  firmId: string;
  report: string;
  /** The filters as a canonical query string. */
  filters: string;
}

type Payload = { v: 1; f: string; r: string; q: string; k: ReportKey };

export function encodeCursor(ctx: CursorContext, key: ReportKey): string {
  const payload: Payload = { v: 1, f: ctx.firmId, r: ctx.report, q: ctx.filters, k: key };
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${sign(body)}`;
}

/** The keyset position, or null when the cursor is malformed, tampered with or issued for something else. */
export function decodeCursor(cursor: string, ctx: CursorContext): ReportKey | null {
  if (cursor.length > 2048) return null;
  const [body, mac, extra] = cursor.split(".");
  if (!body || !mac || extra !== undefined) return null;
  if (!safeEqual(mac, sign(body))) return null;
  let payload: Payload;
  try {
    payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Payload;
  } catch {
    return null;
  }
  if (payload?.v !== 1 || payload.f !== ctx.firmId || payload.r !== ctx.report || payload.q !== ctx.filters) return null;
  const k = payload.k;
  if (!k || !isUuid(k.id)) return null;
  if (k.ts !== undefined && (typeof k.ts !== "string" || !ISO_INSTANT.test(k.ts))) return null;
  return k.ts === undefined ? { id: k.id } : { id: k.id, ts: k.ts };
}
