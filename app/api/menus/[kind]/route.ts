import { z } from "zod";
import { listClientOptions } from "@/db/queries/clients";
import { listOwnerOptions } from "@/db/queries/jobs";
import { searchTerm } from "@/db/queries/keyset";
import { authorize } from "@/lib/auth/scope";
import { ERROR_MESSAGES, jsonError } from "@/lib/core/errors";
import type { Permission } from "@/lib/core/permissions";

export const dynamic = "force-dynamic";

const KINDS: Record<string, Permission> = { clients: "clients.read", staff: "team.read" };

const query = z.object({
  // The term as searched (control characters dropped), so one made only of them is empty.
  q: z.preprocess(
    (v) => (typeof v === "string" ? searchTerm(v) : v),
    z.string({ error: "Type what to find (q)." }).min(1, "Type what to find (q).").max(100, "Type at most 100 characters."),
  ),
  all: z.enum(["1"]).optional(),
});

/**
 * GET /api/menus/{clients|staff}?q=…[&all=1] — the closest matches of `q`
 * among the signed-in staff member's firm's active clients or staff (with
 * `all=1`, archived clients and people who have left too), for the find box
 * of a menu that does not list them all (app/(staff)/_components/findable-select.tsx).
 * Answers `{ options: [{ value, label }], more }`; the firm comes from the
 * session, never from the request.
 */
export async function GET(request: Request, { params }: { params: Promise<{ kind: string }> }) {
  const { kind } = await params;
  const permission = KINDS[kind];
  if (!permission) return jsonError(404, ERROR_MESSAGES.not_found);
  const auth = await authorize(permission);
  if (!auth.ok) {
    if (auth.status === 401) return jsonError(401, ERROR_MESSAGES.unauthenticated);
    return auth.status === 403 ? jsonError(403, ERROR_MESSAGES.mfa_enrollment) : jsonError(404, ERROR_MESSAGES.not_found);
  }
  const url = new URL(request.url);
  const parsed = query.safeParse({ q: url.searchParams.get("q") ?? undefined, all: url.searchParams.get("all") ?? undefined });
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors;
    return jsonError(400, fieldErrors.q?.[0] ?? fieldErrors.all?.[0] ?? "Bad request", { fieldErrors });
  }
  const { q, all } = parsed.data;
  const menu =
    kind === "clients"
      ? await listClientOptions(auth.scope, { q, archived: !!all }).then((m) => ({
          more: m.more,
          options: m.items.map((c) => ({ value: c.id, label: c.archivedAt ? `${c.name} (archived)` : c.name })),
        }))
      : await listOwnerOptions(auth.scope, { q, former: !!all }).then((m) => ({
          more: m.more,
          options: m.items.map((p) => ({ value: p.id, label: p.name })),
        }));
  return Response.json(menu, { headers: { "Cache-Control": "no-store" } });
}
