import { z } from "zod";
import { authorize } from "@/lib/auth/scope";
import { jsonError } from "@/lib/core/errors";
import { downloadCandidateData } from "@/lib/data-rights/export-candidate-data";

export const dynamic = "force-dynamic";

/** Everything held on one candidate as a JSON download (admins; audited). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authorize("candidates.erase");
  if (!auth.ok) return jsonError(auth.status, auth.status === 401 ? "Sign in first." : "Not found.");
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) return jsonError(404, "Not found.");
  const data = await downloadCandidateData(auth.scope, id.data);
  if (!data) return jsonError(404, "Not found.");
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="candidate-${id.data}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
