import type { IsolationCases } from "./types";

const DAY = 86_400_000;

/** Feedback links: firm B's scopes aimed at firm A's interview, contact and (made-up) link ids. */
export const cases: Record<string, IsolationCases> = {
  "feedback-links": {
    feedbackLinkState: "skip: not a query",
    feedbackLinkMailKey: "skip: not a query",
    feedbackLinkReminderKey: "skip: not a query",
    listInterviewerLinks: { args: (c) => [c.bRecruiter, c.a.interviewId] },
    latestLinksByInterview: { args: (c) => [c.bRecruiter, [c.a.interviewId]], empty: (r) => r instanceof Map && r.size === 0 },
    getLinkRequestContext: { args: (c) => [c.bAdmin, c.a.interviewId] },
    // A's interview and contact under B's firm id: the composite keys refuse the row.
    createFeedbackLinks: {
      args: (c) => [
        c.bRecruiter,
        { interviewId: c.a.interviewId, links: [{ contactId: c.a.contactId, tokenHash: "f".repeat(64) }], expiresAt: new Date(Date.now() + DAY), now: new Date() },
      ],
    },
    revokeFeedbackLink: { args: (c) => [c.bAdmin, { id: c.a.interviewId, now: new Date() }] },
    getFeedbackLinkForm: { args: (c) => [c.bAdmin, { interviewId: c.a.interviewId, contactId: c.a.contactId }] },
    markFeedbackLinkOpened: { args: (c) => [c.bAdmin, { id: c.a.interviewId, now: new Date() }] },
    recordLinkAnswer: {
      args: (c) => [
        c.bRecruiter,
        {
          link: { id: c.a.interviewId, firmId: c.a.firmId, interviewId: c.a.interviewId, contactId: c.a.contactId },
          answer: { recommendation: "yes", strengths: "", concerns: "", decision: "offer", expectedDecisionOn: null, ratings: [] },
          now: new Date(),
        },
      ],
    },
  },
};
