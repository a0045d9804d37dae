import { z } from "zod";
import { cancelExportRun } from "@/db/queries/exports";
import { authorize } from "@/lib/auth/scope";
import { jsonError } from "@/lib/core/errors";
import { isCrossSiteRequest, jsonResponse } from "@/lib/reports/http";

export const dynamic = "force-dynamic";

/**
 * POST /api/exports/runs/{id}/cancel — stops one of the caller's running
 * exports; the download ends and the run is recorded as cancelled.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  if (isCrossSiteRequest(request)) return jsonError(403, "Cross-site request refused.");
  const auth = await authorize("reports.export");
  if (!auth.ok) return jsonError(auth.status, auth.status === 401 ? "Sign in to cancel exports." : "Not found");
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) return jsonError(404, "Not found");
  const result = await cancelExportRun(auth.scope, id.data);
  if (result === "not_found") return jsonError(404, "Not found");
  return jsonResponse({ status: result === "cancelled" ? "cancelled" : "finished" });
}
