import { tz } from "@date-fns/tz";
import { format } from "date-fns";
import type { DbOrTx } from "@/db/runtime";
import {
  feedbackLinkReminderKey,
  getFeedbackLinkForm,
  unsafeClaimFeedbackLinkReminder,
  unsafeDueFeedbackLinkReminders,
} from "@/db/queries/feedback-links";
import { hashToken, randomToken } from "@/lib/auth/tokens";
import { feedbackReminderEmail } from "@/lib/email/feedback-link-emails";
import { sendEmail } from "@/lib/email/send";
import { dayInWords, feedbackLinkUrl } from "@/lib/feedback-links/request-feedback";

/**
 * One reminder to a client's interviewer, and never more than one: when the
 * decision day the candidate was promised (their debrief's "decision by") has
 * passed in the firm's zone and the link is still open and unanswered. Sent
 * in working hours only (08:00–18:00 in the firm's zone). The reminder carries
 * a token of its own (only its hash is stored), so the first mail's link
 * keeps working too.
 */

export const CLIENT_REMINDER_FROM_HOUR = 8;
export const CLIENT_REMINDER_UNTIL_HOUR = 18;

export type FeedbackLinkReminderJob = Awaited<ReturnType<typeof unsafeDueFeedbackLinkReminders>>[number] & { dedupeKey: string };

export async function dueFeedbackLinkReminders(db: DbOrTx, now: Date): Promise<FeedbackLinkReminderJob[]> {
  const rows = await unsafeDueFeedbackLinkReminders(db, now);
  return rows
    .filter((r) => {
      const hour = Number(format(now, "H", { in: tz(r.timeZone) }));
      return r.contactEmail && hour >= CLIENT_REMINDER_FROM_HOUR && hour < CLIENT_REMINDER_UNTIL_HOUR;
    })
    .map((r) => ({ ...r, dedupeKey: feedbackLinkReminderKey(r.id) }));
}

/**
 * Claims the link's reminder and writes the mail in one transaction: a second
 * runner finds it claimed and sends nothing; a crash before the commit leaves
 * it for the next pass.
 */
export async function sendFeedbackLinkReminder(db: DbOrTx, job: FeedbackLinkReminderJob, now: Date): Promise<"sent" | "logged" | "failed" | "duplicate"> {
  return db.transaction(async (tx) => {
    const token = randomToken();
    if (!(await unsafeClaimFeedbackLinkReminder(tx, { id: job.id, tokenHash: hashToken(token), now }))) return "duplicate";
    // Read as the tables' owner, within the link's firm (the form's own read: nothing beyond what the form shows).
    const form = await getFeedbackLinkForm({ db: tx, firmId: job.firmId }, job);
    if (!form || !job.contactEmail) return "duplicate";
    const mail = feedbackReminderEmail({
      firmName: job.firmName,
      contactName: form.contactName,
      candidateName: form.candidateName,
      jobTitle: form.jobTitle,
      interviewDay: dayInWords(form.startsAt, job.timeZone),
      promisedDay: dayInWords(new Date(`${job.expectedDecisionOn}T12:00:00Z`), "UTC"),
      link: feedbackLinkUrl(token),
      expiresOn: dayInWords(job.expiresAt, job.timeZone),
    });
    return sendEmail(
      tx,
      { firmId: job.firmId, to: job.contactEmail, ...mail, dedupeKey: job.dedupeKey },
      { secrets: [token], fromName: job.firmName },
    );
  });
}
