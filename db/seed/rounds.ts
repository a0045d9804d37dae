import type { FollowUpDebrief } from "@/lib/core/follow-up";
import type { Decision, Rating, Recommendation } from "../schema/enums";
import { newId } from "../schema/_shared";
import type { FirmBuilder } from "./builder";
import { MINUTE } from "./clock";
import { RATING_NOTES } from "./text";
import type { ContactMeta, DebriefRow, DebriefSpec, FeedbackRow, InterviewMeta, PersonRow } from "./types";

// What follows a round: the candidate's debrief (with its frozen versions),
// the client's feedback and its ratings, the candidate's calls.

export function addDebrief(b: FirmBuilder, iv: InterviewMeta, spec: DebriefSpec) {
  const id = newId();
  const submissions = spec.submissions;
  const first = submissions[0] ?? null;
  const last = submissions[submissions.length - 1] ?? null;
  const row: DebriefRow = {
    firmId: b.firmId,
    id,
    interviewId: iv.row.id,
    candidateId: iv.app.candidate.id,
    ...spec.fields,
    status: spec.status,
    submittedVersions: submissions.length,
    firstSubmittedAt: first,
    submittedAt: last,
    reviewedAt: spec.reviewedAt ?? null,
    reviewedBy: spec.reviewedAt ? (spec.reviewedBy ?? iv.app.recruiter.id) : null,
    lastSavedAt: spec.lastSavedAt,
    createdAt: new Date(Math.min(spec.lastSavedAt.getTime(), first?.getTime() ?? Infinity) - 20 * MINUTE),
    updatedAt: spec.reviewedAt ?? spec.lastSavedAt,
    version: 1 + submissions.length + (spec.reviewedAt ? 1 : 0),
  };
  const people: PersonRow[] = spec.people.map((p, position) => {
    const sentAt = p.sentAt ?? null;
    return {
      firmId: b.firmId,
      id: newId(),
      debriefId: id,
      position,
      contactId: p.contact?.id ?? null,
      name: p.contact?.name ?? p.name ?? "",
      title: p.contact?.title ?? p.title ?? "",
      email: p.contact?.email ?? p.email ?? "",
      phone: p.contact?.phone ?? p.phone ?? "",
      thankYouSent: sentAt !== null,
      thankYouSentAt: sentAt,
      thankYouChannel: sentAt ? (p.channel ?? "email") : null,
      resolution: p.resolution ?? (p.contact ? "confirmed" : "pending"),
      resolvedAt: p.contact && spec.reviewedAt ? spec.reviewedAt : null,
      resolvedBy: p.contact && spec.reviewedAt ? iv.app.recruiter.id : null,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  });
  submissions.forEach((at, i) => {
    // An amendment's earlier version differs in what the candidate added later.
    const amendedLater = i < submissions.length - 1;
    b.versionRows.push({
      firmId: b.firmId,
      id: newId(),
      debriefId: id,
      number: i + 1,
      snapshot: snapshotOf(row, people, amendedLater),
      submittedAt: at,
      submittedBy: iv.app.candidate.userId,
    });
  });
  iv.debrief = { row, people };
  return iv.debrief;
}

export function addFeedback(
  b: FirmBuilder,
  iv: InterviewMeta,
  spec: {
    contact: ContactMeta | null;
    receivedAt: Date;
    recommendation: Recommendation;
    decision: Decision | null;
    channel?: "call" | "email" | "other";
    takeaways?: string;
    sharedSummary?: string;
    internalNotes?: string;
    /** Per scorecard attribute (by position): the rating, or null when not rated. */
    ratings: (Rating | null)[];
  },
) {
  const id = newId();
  const row: FeedbackRow = {
    firmId: b.firmId,
    id,
    interviewId: iv.row.id,
    contactId: spec.contact?.id ?? null,
    receivedAt: spec.receivedAt,
    channel: spec.channel ?? "call",
    recommendation: spec.recommendation,
    takeaways: spec.takeaways ?? "",
    sharedSummary: spec.sharedSummary ?? "",
    internalNotes: spec.internalNotes ?? "",
    decision: spec.decision,
    decisionAppliedAt: spec.decision ? spec.receivedAt : null,
    recordedBy: iv.app.recruiter.id,
    createdAt: spec.receivedAt,
    updatedAt: spec.receivedAt,
  };
  spec.ratings.forEach((rating, i) => {
    if (!rating) return;
    b.ratingRows.push({
      firmId: b.firmId,
      feedbackId: id,
      attributeId: b.attributeIds[i]!,
      rating,
      note: b.pick(RATING_NOTES),
    });
  });
  iv.feedback.push(row);
  return row;
}

export function addCall(b: FirmBuilder, iv: InterviewMeta, contact: ContactMeta | null, calledAt: Date, notes: string): string {
  const id = newId();
  b.callRows.push({
    firmId: b.firmId,
    id,
    interviewId: iv.row.id,
    candidateId: iv.app.candidate.id,
    contactId: contact?.id ?? null,
    calledAt,
    notes,
    loggedBy: iv.app.candidate.userId ?? iv.app.recruiter.id,
    createdAt: calledAt,
  });
  iv.calls.push({ id, calledAt });
  return id;
}

export function followUpDebrief(row: DebriefRow, people: PersonRow[]): FollowUpDebrief {
  return {
    status: row.status,
    submittedAt: (row.submittedAt as Date | null | undefined) ?? null,
    firstSubmittedAt: (row.firstSubmittedAt as Date | null | undefined) ?? null,
    timelineGiven: row.timelineGiven ?? null,
    expectedDecisionOn: row.expectedDecisionOn ?? null,
    callInvitation: row.callInvitation ?? null,
    callBy: row.callBy ?? null,
    callTime: row.callTime ?? null,
    invitedBack: row.invitedBack ?? null,
    invitedBackDetails: row.invitedBackDetails ?? "",
    notMentioned: row.notMentioned ?? "",
    people: people.map((p) => ({
      id: p.id,
      contactId: p.contactId ?? null,
      name: p.name,
      email: p.email,
      thankYouSent: p.thankYouSent,
      thankYouSentAt: p.thankYouSentAt,
    })),
  };
}

/** A frozen copy of the form as submitted (debrief_versions.snapshot). */
function snapshotOf(row: DebriefRow, people: PersonRow[], beforeAmendment: boolean): Record<string, unknown> {
  return {
    overallImpression: row.overallImpression ?? null,
    interestLevel: row.interestLevel ?? null,
    wentWell: row.wentWell ?? "",
    concerns: row.concerns ?? "",
    questionsAsked: row.questionsAsked ?? "",
    // What an amendment typically adds: the thing remembered on the way home.
    notMentioned: beforeAmendment ? "" : (row.notMentioned ?? ""),
    timelineGiven: row.timelineGiven ?? null,
    timelineDetails: row.timelineDetails ?? "",
    expectedDecisionOn: row.expectedDecisionOn ?? null,
    callInvitation: row.callInvitation ?? null,
    callBy: row.callBy ?? null,
    callTime: row.callTime ?? null,
    invitedBack: row.invitedBack ?? null,
    invitedBackDetails: row.invitedBackDetails ?? "",
    salaryDiscussed: row.salaryDiscussed ?? "",
    otherProcesses: row.otherProcesses ?? "",
    availability: row.availability ?? "",
    notesForRecruiter: beforeAmendment ? "" : (row.notesForRecruiter ?? ""),
    people: people.map((p) => ({ name: p.name, title: p.title, email: p.email, phone: p.phone })),
  };
}
