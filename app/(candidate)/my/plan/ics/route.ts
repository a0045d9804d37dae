import { z } from "zod";
import { authorize } from "@/lib/auth/scope";
import { jsonError } from "@/lib/core/errors";
import { myPlanIcs } from "@/lib/plans/candidate-plan";

export const dynamic = "force-dynamic";

/** The candidate's follow-up plan of one interview as a calendar file (the candidate's own steps only). */
export async function GET(request: Request) {
  const auth = await authorize("portal.read");
  if (!auth.ok) {
    return auth.status === 401 ? jsonError(401, "Sign in again to download your plan.") : jsonError(404, "Not found");
  }
  const parsed = z.uuid().safeParse(new URL(request.url).searchParams.get("interview"));
  if (!parsed.success) {
    return jsonError(422, "Choose an interview.", { fieldErrors: { interview: ["Choose an interview."] } });
  }
  const ics = await myPlanIcs(auth.scope, parsed.data);
  if (!ics) return jsonError(404, "Not found");
  return new Response(ics.body, {
    status: 200,
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${ics.filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
