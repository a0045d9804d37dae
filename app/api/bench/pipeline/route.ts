import { internalRoutes } from "@/lib/platform/env";
import { benchPipelineRows } from "@/lib/platform/internal-routes";
import { isUuid } from "@/lib/core/vocabulary";
import { jsonError } from "@/lib/core/errors";

export const dynamic = "force-dynamic";

function esc(value: unknown): string {
  return String(value ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The benchmark's control for the pipeline list: the same page of
 * applications (firm, recruiter, open stages, latest stage change first) from
 * one query, rendered as a bare HTML table — no session, no layout, no count.
 * It exists only when AFTERVIEW_BENCH_ROUTES=1 and never in production;
 * otherwise it is a 404 like any unknown URL.
 */
export async function GET(request: Request) {
  if (!internalRoutes().bench) return jsonError(404, "Not found");
  const url = new URL(request.url);
  const firm = url.searchParams.get("firm") ?? "";
  const recruiter = url.searchParams.get("recruiter") ?? "";
  const limit = Math.min(100, Math.max(1, Number(url.searchParams.get("limit")) || 25));
  if (!isUuid(firm) || !isUuid(recruiter)) return jsonError(422, "firm and recruiter must be ids");
  const rows = await benchPipelineRows({ firmId: firm, recruiterId: recruiter, limit });
  const body = rows
    .map(
      (r) =>
        `<tr><td>${esc(r.candidate)}</td><td>${esc(r.job)}</td><td>${esc(r.client)}</td><td>${esc(r.stage)}</td>` +
        `<td>${esc(r.recruiter)}</td><td>${esc(r.stage_changed_at instanceof Date ? r.stage_changed_at.toISOString() : r.stage_changed_at)}</td></tr>`,
    )
    .join("");
  return new Response(`<!doctype html><title>Pipeline</title><table><tbody>${body}</tbody></table>`, {
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}
