import { z } from "zod";
import { getInterviewCalendar } from "@/db/queries/interviews";
import { authorize, getScope } from "@/lib/auth/scope";
import { ERROR_MESSAGES, jsonError } from "@/lib/core/errors";
import { icsFileName, interviewToIcs } from "@/lib/core/ics";
import { zonedParts } from "@/lib/core/validation/records";
import { INTERVIEW_KIND_LABELS } from "@/lib/core/vocabulary";

export const dynamic = "force-dynamic";

/**
 * One interview as an .ics file. Staff of the firm (interviews.read) may
 * download any of its interviews; a candidate (portal.read) only their own —
 * the query puts that in its WHERE. Anything else is a 404.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const signedIn = await getScope();
  if (!signedIn) return jsonError(401, ERROR_MESSAGES.unauthenticated);
  const auth = await authorize(signedIn.role === "candidate" ? "portal.read" : "interviews.read");
  if (!auth.ok) {
    return auth.status === 403 ? jsonError(403, ERROR_MESSAGES.mfa_enrollment) : jsonError(404, ERROR_MESSAGES.not_found);
  }
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return jsonError(404, ERROR_MESSAGES.not_found);
  const interview = await getInterviewCalendar(auth.scope, id);
  if (!interview) return jsonError(404, ERROR_MESSAGES.not_found);

  const kind = INTERVIEW_KIND_LABELS[interview.kind];
  const people = interview.interviewers.map((p) => (p.title ? `${p.name} (${p.title})` : p.name));
  const description = [
    `${kind} interview for ${interview.jobTitle} at ${interview.clientName}.`,
    `Candidate: ${interview.candidateName}.`,
    people.length > 0 ? `Interviewers: ${people.join(", ")}.` : "",
    interview.videoUrl ? `Join: ${interview.videoUrl}` : "",
    `Arranged through ${interview.firmName}.`,
  ]
    .filter(Boolean)
    .join("\n");
  const ics = interviewToIcs({
    id: interview.id,
    summary: `${kind} interview: ${interview.jobTitle} at ${interview.clientName}`,
    description,
    location: interview.location || interview.videoUrl,
    url: interview.videoUrl || undefined,
    startsAt: interview.startsAt,
    endsAt: interview.endsAt,
    cancelled: interview.status === "cancelled",
    sequence: interview.version - 1,
    lastModified: interview.updatedAt,
    dtStamp: new Date(),
  });
  const fileName = icsFileName(zonedParts(interview.startsAt, interview.timeZone).date, interview.clientName);
  return new Response(ics, {
    status: 200,
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
