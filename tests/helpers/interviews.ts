import type { Db } from "@/db/client";
import * as s from "@/db/schema";
import type { TestFirm } from "./fixtures";

const HOUR = 3_600_000;

/**
 * An hour-long onsite interview on the firm's application that ended
 * `endedHoursAgo` hours ago (1 unless told), with the firm's client contact as
 * its interviewer. Returns the interview's id.
 */
export async function insertEndedInterview(
  db: Db,
  firm: TestFirm,
  opts: { endedHoursAgo?: number; status?: s.InterviewStatus; candidateId?: string } = {},
): Promise<string> {
  const endsAt = new Date(Date.now() - (opts.endedHoursAgo ?? 1) * HOUR);
  const [iv] = await db
    .insert(s.interviews)
    .values({
      firmId: firm.firmId,
      applicationId: firm.applicationId,
      candidateId: opts.candidateId ?? firm.candidateId,
      kind: "onsite",
      startsAt: new Date(endsAt.getTime() - HOUR),
      endsAt,
      status: opts.status ?? "completed",
    })
    .returning({ id: s.interviews.id });
  await db.insert(s.interviewParticipants).values({ firmId: firm.firmId, interviewId: iv!.id, contactId: firm.contactId });
  return iv!.id;
}
