import { tz } from "@date-fns/tz";
import { format } from "date-fns";
import {
  createFeedbackLinks,
  feedbackLinkMailKey,
  getLinkRequestContext,
  listInterviewerLinks,
  revokeFeedbackLink,
} from "@/db/queries/feedback-links";
import { recordAudit } from "@/db/queries/audit";
import { inTransaction, type QueryScope } from "@/db/queries/scope";
import { hashToken, randomToken } from "@/lib/auth/tokens";
import { AppError } from "@/lib/core/errors";
import { hasHappened } from "@/lib/core/review/feedback-rules";
import { feedbackRequestEmail } from "@/lib/email/feedback-link-emails";
import { sendEmail } from "@/lib/email/send";
import { appOrigin } from "@/lib/platform/url";

/** Where a link's token opens the form. */
export function feedbackLinkUrl(token: string, origin = appOrigin()): string {
  return `${origin}/feedback/${token}`;
}

/** The interview's day and a link's last day, in words, in the firm's zone. */
export function dayInWords(at: Date, zone: string): string {
  return format(at, "EEEE d MMMM yyyy", { in: tz(zone) });
}

export type RequestFeedbackResult = { sent: { contactId: string; name: string; email: string }[] };

/**
 * Mails a feedback link to one of the interview's interviewers, or to all of
 * them who have an email address and have not answered. The links and their
 * audit row are written in one transaction; the mails go out after it commits
 * (a mail never carries a link that does not exist). A person's earlier
 * unanswered link stops working.
 */
export async function requestFeedback(
  scope: QueryScope,
  input: { interviewId: string; contactId: string | "all"; now?: Date },
): Promise<RequestFeedbackResult> {
  const now = input.now ?? new Date();
  const ctx = await getLinkRequestContext(scope, input.interviewId);
  if (!ctx) throw new AppError("not_found");
  if (!hasHappened(ctx, now)) {
    const why =
      ctx.status === "scheduled"
        ? "The interview has not ended yet: ask for feedback once it has."
        : `The interview is marked ${ctx.status.replace("_", "-")}, so there is no feedback to ask for.`;
    throw new AppError("invalid", undefined, { contactId: [why] });
  }
  const people = await listInterviewerLinks(scope, input.interviewId);
  let chosen: typeof people;
  if (input.contactId === "all") {
    chosen = people.filter((p) => p.email && !p.link?.answeredAt);
    if (chosen.length === 0) {
      throw new AppError("invalid", undefined, {
        contactId: [
          people.length === 0
            ? "Nobody is named as an interviewer: add them to the interview first."
            : "Every interviewer has answered or has no email address.",
        ],
      });
    }
  } else {
    const person = people.find((p) => p.contactId === input.contactId);
    if (!person) throw new AppError("not_found");
    if (!person.email) throw new AppError("invalid", undefined, { contactId: [`${person.name} has no email address: add one on their contact page.`] });
    if (person.link?.answeredAt) throw new AppError("invalid", undefined, { contactId: [`${person.name} has already answered.`] });
    chosen = [person];
  }
  const expiresAt = new Date(now.getTime() + ctx.linkDays * 86_400_000);
  const tokens = new Map(chosen.map((p) => [p.contactId, randomToken()]));
  const created = await inTransaction(scope, async (tx) => {
    const rows = await createFeedbackLinks(tx, {
      interviewId: input.interviewId,
      links: chosen.map((p) => ({ contactId: p.contactId, tokenHash: hashToken(tokens.get(p.contactId)!) })),
      expiresAt,
      now,
    });
    await recordAudit(tx, {
      action: "feedback_link.sent",
      entityType: "interview",
      entityId: input.interviewId,
      changes: { contactIds: rows.map((r) => r.contactId), linkIds: rows.map((r) => r.id), expiresAt: expiresAt.toISOString() },
    });
    return rows;
  });
  for (const row of created) {
    const person = chosen.find((p) => p.contactId === row.contactId)!;
    const token = tokens.get(row.contactId)!;
    const mail = feedbackRequestEmail({
      firmName: ctx.firmName,
      contactName: person.name,
      candidateName: ctx.candidateName,
      jobTitle: ctx.jobTitle,
      interviewDay: dayInWords(ctx.startsAt, ctx.timeZone),
      link: feedbackLinkUrl(token),
      expiresOn: dayInWords(expiresAt, ctx.timeZone),
    });
    await sendEmail(
      scope.db,
      { firmId: scope.firmId, to: person.email!, ...mail, dedupeKey: feedbackLinkMailKey(row.id) },
      { secrets: [token], fromName: ctx.firmName },
    );
  }
  return { sent: chosen.map((p) => ({ contactId: p.contactId, name: p.name, email: p.email! })) };
}

/** Stops a link that has not been answered; its page then shows only the firm's name. */
export async function revokeLink(scope: QueryScope, input: { interviewId: string; linkId: string; now?: Date }) {
  const now = input.now ?? new Date();
  return inTransaction(scope, async (tx) => {
    const row = await revokeFeedbackLink(tx, { id: input.linkId, now });
    if (!row || row.interviewId !== input.interviewId) throw new AppError("not_found");
    await recordAudit(tx, {
      action: "feedback_link.revoked",
      entityType: "interview",
      entityId: row.interviewId,
      changes: { linkId: row.id, contactId: row.contactId },
    });
    return row;
  });
}
