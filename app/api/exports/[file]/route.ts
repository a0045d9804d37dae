import { authorize } from "@/lib/auth/scope";
import { jsonError } from "@/lib/core/errors";
import { EXPORT_FORMATS, exportResponse, type ExportFormat } from "@/lib/reports/export";
import { parseReportRequest } from "@/lib/reports/request";
import { readScope } from "@/lib/auth/read-scope";
import { REPORTS, type ReportKind } from "@/lib/core/reports/columns";

export const dynamic = "force-dynamic";

const FILE = new RegExp(`^(${REPORTS.join("|")})\\.(${EXPORT_FORMATS.join("|")})$`);

/**
 * GET /api/exports/{applications|interviews}.{csv|xlsx}?<filters>[&bom=1] —
 * a signed-in staff member's download of a pipeline report.
 */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const auth = await authorize("reports.export");
  if (!auth.ok) return jsonError(auth.status, auth.status === 401 ? "Sign in to export reports." : "Not found");
  const match = FILE.exec((await params).file);
  if (!match) return jsonError(404, "Not found");
  const [, report, format] = match as unknown as [string, ReportKind, ExportFormat];
  const { scope } = auth;
  const parsed = await parseReportRequest(await readScope(scope), new URL(request.url).searchParams, { report });
  if (!parsed.ok) return parsed.response;
  return exportResponse({
    scope,
    report,
    format,
    filters: parsed.filters,
    bom: parsed.params.get("bom") === "1",
    exportedBy: `${scope.userName} <${scope.userEmail}>`,
    auditDetails: { via: "web" },
    signal: request.signal,
  });
}
