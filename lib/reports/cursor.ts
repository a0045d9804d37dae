import { readSignedPayload, signPayload } from "@/lib/auth/signed-payload";
import { ISO_INSTANT, type ReportKey } from "@/db/queries/reports";
import { isUuid } from "@/lib/core/vocabulary";

/**
 * The BI API's page cursor: opaque to clients and tamper-evident. It carries
 * the last row's keyset position and what it was issued for (firm, report,
 * filters), signed with an HMAC derived from AUTH_SECRET. A changed byte, or
 * a cursor replayed with other filters or by another firm, fails the check.
 */

const PURPOSE = "api-cursor";
const LOCAL = { processKeyWithoutSecret: true };

export interface CursorContext {
  firmId: string;
  report: string;
  /** The filters as a canonical query string. */
  filters: string;
}

type Payload = { v: 1; f: string; r: string; q: string; k: ReportKey };

export function encodeCursor(ctx: CursorContext, key: ReportKey): string {
  const payload: Payload = { v: 1, f: ctx.firmId, r: ctx.report, q: ctx.filters, k: key };
  return signPayload(PURPOSE, payload, LOCAL);
}

/** The keyset position, or null when the cursor is malformed, tampered with or issued for something else. */
export function decodeCursor(cursor: string, ctx: CursorContext): ReportKey | null {
  const payload = readSignedPayload(PURPOSE, cursor, LOCAL) as Partial<Payload> | null;
  if (payload?.v !== 1 || payload.f !== ctx.firmId || payload.r !== ctx.report || payload.q !== ctx.filters) return null;
  const k = payload.k;
  if (!k || !isUuid(k.id)) return null;
  if (k.ts !== undefined && (typeof k.ts !== "string" || !ISO_INSTANT.test(k.ts))) return null;
  return k.ts === undefined ? { id: k.id } : { id: k.id, ts: k.ts };
}
