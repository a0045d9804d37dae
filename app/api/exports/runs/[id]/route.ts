import { z } from "zod";
import { getExportRun } from "@/db/queries/exports";
import { authorize } from "@/lib/auth/scope";
import { jsonError } from "@/lib/core/errors";
import { jsonResponse } from "@/lib/reports/http";

export const dynamic = "force-dynamic";

/** GET /api/exports/runs/{id} — the caller's own export: status and rows written so far. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authorize("reports.export");
  if (!auth.ok) return jsonError(auth.status, auth.status === 401 ? "Sign in to see exports." : "Not found");
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) return jsonError(404, "Not found");
  const run = await getExportRun(auth.scope, id.data);
  if (!run) return jsonError(404, "Not found");
  return jsonResponse(run);
}
