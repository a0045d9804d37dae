import type { IsolationCases } from "./types";

/**
 * The recruiter dashboard's modules. Firm A's test firm has no tasks,
 * feedback or people met of its own, so ids of its other records stand in
 * for them here; tests/integration/dashboard-*.test.ts repeat the cross-firm
 * attempts with real ids of each kind.
 */
const nothing = (r: unknown) => r === "not_found" || r === null || r === 0 || (Array.isArray(r) && r.length === 0);
/** The caller's own firm's data may come back; the suite still checks no id of firm A is in it. */
const ownFirmOnly = () => true;

const feedbackFields = (contactId: string) => ({
  contactId,
  receivedAt: new Date("2026-03-01T15:00:00Z"),
  channel: "call",
  recommendation: "no",
  takeaways: "",
  sharedSummary: "",
  internalNotes: "",
  decision: "reject",
  ratings: [],
  seenStage: { stage: "interviewing", changedAt: new Date() },
});

export const cases: Record<string, IsolationCases> = {
  dashboard: {
    getDashboard: { args: (c) => [c.bRecruiter, { view: "everyone" }], empty: ownFirmOnly },
    listQueueItems: { args: (c) => [c.bAdmin, { view: "everyone" }], empty: ownFirmOnly },
    compareQueueItems: "skip: not a query",
    // The caller's own firm's clock (the where is the scope's firm id).
    getFirmClock: { args: (c) => [c.bRecruiter], empty: ownFirmOnly },
  },
  tasks: {
    findTasks: {
      args: (c) => [c.bRecruiter, { view: "everyone", tab: "overdue", candidateId: c.a.candidateId }],
      empty: (r) => (r as { rows: unknown[] }).rows.length === 0,
    },
    getTask: { args: (c) => [c.bRecruiter, c.a.interviewId], empty: nothing },
    listTasksForInterview: { args: (c) => [c.bRecruiter, c.a.interviewId], empty: nothing },
    listTaskAssignees: { args: (c) => [c.bRecruiter], empty: ownFirmOnly },
    createTask: {
      args: (c) => [c.bRecruiter, { title: "x", details: "", dueAt: null, ownerUserId: c.a.recruiter.userId, interviewId: c.a.interviewId }],
      empty: nothing,
    },
    updateTask: {
      args: (c) => [c.bRecruiter, { id: c.a.interviewId, version: 1, title: "x", details: "", dueAt: null, ownerUserId: c.b.recruiter.userId }],
      empty: nothing,
    },
    completeTask: { args: (c) => [c.bRecruiter, { id: c.a.interviewId, version: 1 }], empty: nothing },
    skipTask: { args: (c) => [c.bRecruiter, { id: c.a.interviewId, version: 1 }], empty: nothing },
    reopenTask: { args: (c) => [c.bRecruiter, { id: c.a.interviewId, version: 1 }], empty: nothing },
    reassignTask: { args: (c) => [c.bRecruiter, { id: c.a.interviewId, version: 1, ownerUserId: c.b.recruiter.userId }], empty: nothing },
    completePolicyTask: { args: (c) => [c.bRecruiter, { interviewId: c.a.interviewId, policyKeys: ["collect_feedback", "debrief"] }], empty: nothing },
  },
  scorecard: {
    listScorecardAttributes: { args: (c) => [c.bAdmin, { includeArchived: true }], empty: ownFirmOnly },
    createScorecardAttribute: { args: (c) => [c.bAdmin, { category: "Skills", name: "Isolation", description: "" }], empty: ownFirmOnly },
    updateScorecardAttribute: {
      args: (c) => [c.bAdmin, { id: c.a.jobId, version: 1, category: "Skills", name: "Renamed", description: "" }],
      empty: nothing,
    },
    archiveScorecardAttribute: { args: (c) => [c.bAdmin, { id: c.a.jobId, version: 1 }], empty: nothing },
    restoreScorecardAttribute: { args: (c) => [c.bAdmin, { id: c.a.jobId, version: 1 }], empty: nothing },
    moveScorecardAttribute: { args: (c) => [c.bAdmin, { id: c.a.jobId, version: 1, direction: "up" }], empty: nothing },
  },
  feedback: {
    feedbackAnswersOf: "skip: not a query",
    getFeedbackContext: { args: (c) => [c.bRecruiter, c.a.interviewId], empty: nothing },
    listFeedbackForInterview: { args: (c) => [c.bRecruiter, c.a.interviewId], empty: nothing },
    getFeedback: { args: (c) => [c.bRecruiter, c.a.interviewId], empty: nothing },
    listFeedbackContacts: { args: (c) => [c.bRecruiter, c.a.interviewId], empty: nothing },
    listRatableAttributes: { args: (c) => [c.bRecruiter, c.a.interviewId], empty: ownFirmOnly },
    previewFeedbackDecision: { args: (c) => [c.bRecruiter, { interviewId: c.a.interviewId, decision: "reject" }], empty: nothing },
  },
  "feedback-recording": {
    createFeedback: { args: (c) => [c.bRecruiter, { interviewId: c.a.interviewId, ...feedbackFields(c.a.contactId) }], empty: nothing },
    updateFeedback: { args: (c) => [c.bRecruiter, { id: c.a.interviewId, version: 1, ...feedbackFields(c.a.contactId) }], empty: nothing },
    deleteFeedback: { args: (c) => [c.bRecruiter, { id: c.a.interviewId, version: 1 }], empty: nothing },
  },
  "people-met": {
    listPeopleMet: { args: (c) => [c.bRecruiter, c.a.interviewId], empty: nothing },
    listMergeTargets: { args: (c) => [c.bRecruiter, c.a.interviewId], empty: nothing },
    confirmPersonAsContact: {
      args: (c) => [c.bRecruiter, { personId: c.a.contactId, fields: { name: "X", title: "", email: "", phone: "" } }],
      empty: nothing,
    },
    mergePersonWithContact: { args: (c) => [c.bRecruiter, { personId: c.a.contactId, contactId: c.a.contactId }], empty: nothing },
    dismissPersonMet: { args: (c) => [c.bRecruiter, { personId: c.a.contactId }], empty: nothing },
  },
  review: {
    getInterviewReview: { args: (c) => [c.bRecruiter, c.a.interviewId], empty: nothing },
    markDebriefReviewed: { args: (c) => [c.bRecruiter, { debriefId: c.a.interviewId, version: 1 }], empty: nothing },
  },
};
