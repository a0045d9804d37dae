import { createHash, randomBytes } from "node:crypto";
import type * as s from "../schema";
import { newId } from "../schema/_shared";
import type { FirmBuilder } from "./builder";
import { DAY } from "./clock";
import { addAudit } from "./tasks";
import type { ContactMeta, Insert, InterviewMeta } from "./types";

/**
 * Feedback links in the demo: one sent and not answered yet (Elena's panel,
 * whose feedback is overdue), and one answered through the link with a
 * recommended decision the recruiter has not confirmed (Marcus's onsite).
 * Their tokens are random and never kept: the links cannot be opened, as a
 * real one mailed to someone else could not.
 */
export function addFeedbackLinks(
  b: FirmBuilder,
  stories: { elenaPanel: InterviewMeta; elenaContact: ContactMeta; marcusOnsite: InterviewMeta; marcusContact: ContactMeta },
) {
  const { clock } = b;
  const hash = () => createHash("sha256").update(randomBytes(32)).digest("hex");
  const link = (iv: InterviewMeta, contact: ContactMeta, createdAt: Date, extra: Partial<Insert<typeof s.feedbackLinks>> = {}) => {
    const row = {
      firmId: b.firmId,
      id: newId(),
      interviewId: iv.row.id,
      contactId: contact.id,
      tokenHash: hash(),
      requestedBy: iv.app.recruiter.id,
      createdAt,
      expiresAt: new Date(createdAt.getTime() + 14 * DAY),
      ...extra,
    } satisfies Insert<typeof s.feedbackLinks>;
    b.linkRows.push(row);
    addAudit(b, iv.app.recruiter, "feedback_link.sent", "interview", iv.row.id, createdAt, {
      contactIds: [contact.id],
      linkIds: [row.id],
      expiresAt: row.expiresAt.toISOString(),
    });
    return row;
  };

  // Sent to Brightwater's Chief Compliance Officer yesterday morning; not opened yet.
  link(stories.elenaPanel, stories.elenaContact, clock.bd(clock.at(0, 9, 30), -1));

  // Meridian's PMO lead answered two days ago and recommends a next round.
  const { marcusOnsite: iv, marcusContact: contact } = stories;
  const sentAt = clock.bd(clock.at(0, 11), -3);
  const answeredAt = clock.bd(clock.at(0, 8, 52), -2);
  const feedbackId = newId();
  const sent = link(iv, contact, sentAt, { openedAt: new Date(answeredAt.getTime() - 12 * 60_000), answeredAt, feedbackId });
  iv.feedback.push({
    firmId: b.firmId,
    id: feedbackId,
    interviewId: iv.row.id,
    contactId: contact.id,
    receivedAt: answeredAt,
    channel: "link",
    recommendation: "yes",
    strengths: "Ran the go-live plan like someone who has done it twice. Good with clinicians.",
    concerns: "Has not worked with our vendor-management process; worth a conversation with procurement.",
    proposedDecision: "next_round",
    decision: null,
    linkId: sent.id,
    recordedBy: null,
    createdAt: answeredAt,
    updatedAt: answeredAt,
  });
  const ratings = ["yes", "strong_yes", "yes", "mixed", "yes", "yes", "strong_yes", "yes"] as const;
  b.attributeIds.forEach((attributeId, i) => {
    b.ratingRows.push({ firmId: b.firmId, feedbackId, attributeId, rating: ratings[i % ratings.length]!, note: "" });
  });
  addAudit(b, null, "feedback.recorded_through_link", "interviewer_feedback", feedbackId, answeredAt, {
    interviewId: iv.row.id,
    contactId: contact.id,
    linkId: sent.id,
    recommendation: "yes",
    proposedDecision: "next_round",
    ratings: b.attributeIds.length,
  });
}
