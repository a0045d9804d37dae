import { z } from "zod";
import { authorize } from "@/lib/auth/scope";
import { downloadClientPack } from "@/lib/client-pack/download-client-pack";
import { ERROR_MESSAGES, jsonError } from "@/lib/core/errors";
import { contentDisposition } from "@/lib/reports/http";

export const dynamic = "force-dynamic";

/**
 * GET /api/applications/{id}/client-pack[?salary=1] — the PDF a recruiter
 * sends the client about one application (staff with candidates.read; the
 * download is audited). The salary expectation is printed only with
 * `salary=1`. A candidate, another firm's staff or an unknown id get a 404.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authorize("candidates.read");
  if (!auth.ok) {
    if (auth.status === 401) return jsonError(401, "Sign in to download the client pack.");
    return auth.status === 403 ? jsonError(403, ERROR_MESSAGES.mfa_enrollment) : jsonError(404, ERROR_MESSAGES.not_found);
  }
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) return jsonError(404, ERROR_MESSAGES.not_found);
  const includeSalary = new URL(request.url).searchParams.get("salary") === "1";
  const pack = await downloadClientPack(auth.scope, { applicationId: id.data, includeSalary });
  if (!pack) return jsonError(404, ERROR_MESSAGES.not_found);
  return new Response(pack.body, {
    status: 200,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": contentDisposition(pack.fileName),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
