import type { FeedbackLinkState } from "@/db/queries/feedback-links";

/** A feedback link's state in the staff's words, for badges on the interview page and in the queue. */
export const LINK_STATE_LABELS: Record<FeedbackLinkState, string> = {
  sent: "Link sent",
  opened: "Link opened",
  answered: "Answered",
  expired: "Link expired",
  revoked: "Link withdrawn",
  mail_failed: "Email failed",
};
