import { getDatabase } from "@/db/runtime";
import { internalRoutes } from "@/lib/platform/env";
import { jsonError } from "@/lib/core/errors";

export const dynamic = "force-dynamic";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const OPEN_STAGES = ["sourced", "submitted", "interviewing", "offer"];

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
  if (!UUID.test(firm) || !UUID.test(recruiter)) return jsonError(422, "firm and recruiter must be ids");
  const database = await getDatabase();
  const rows = await database.query<Record<string, string | Date | null>>(
    `select a.id, a.stage, a.stage_changed_at, c.name as candidate, j.title as job, cl.name as client, u.name as recruiter
       from applications a
       join candidates c on c.firm_id = a.firm_id and c.id = a.candidate_id
       join jobs j on j.firm_id = a.firm_id and j.id = a.job_id
       join clients cl on cl.firm_id = j.firm_id and cl.id = j.client_id
       left join users u on u.id = a.recruiter_user_id
      where a.firm_id = $1 and a.recruiter_user_id = $2 and a.stage::text = any($3::text[])
      order by a.stage_changed_at desc, a.id desc
      limit $4`,
    [firm, recruiter, OPEN_STAGES, limit],
  );
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
