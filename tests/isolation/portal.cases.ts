import { debriefPerson } from "../helpers/debriefs";
import type { IsolationCases } from "./types";

const status = (...allowed: string[]) => (r: unknown) => allowed.includes((r as { status?: string })?.status ?? "");
const PERSON = "0195f0c8-1d2a-7c3b-8d4e-5f6a7b8c9d0e";
const fields = {
  overallImpression: 4,
  interestLevel: 4,
  wentWell: "iso",
  concerns: "",
  questionsAsked: "",
  notMentioned: "",
  timelineGiven: "yes",
  timelineDetails: "",
  expectedDecisionOn: null,
  callInvitation: "none",
  callBy: null,
  callTime: null,
  invitedBack: false,
  invitedBackDetails: "",
  salaryDiscussed: "",
  otherProcesses: "",
  availability: "",
  notesForRecruiter: "",
};
const people = [debriefPerson({ id: PERSON, name: "Iso Person", title: "", email: "" })];
const step = {
  policyKey: "collect_feedback",
  rule: "rule 3",
  title: "Iso",
  details: "",
  ownerKind: "recruiter",
  ownerUserId: null,
  dueAt: null,
  done: false,
  doneAt: null,
};

export const cases: Record<string, IsolationCases> = {
  debriefs: {
    getMyDebrief: { args: (c) => [c.bCandidate, c.a.interviewId] },
    openMyInterview: { args: (c) => [c.bCandidate, c.a.interviewId, new Date()], empty: status("not_found") },
    writeForMyInterview: {
      args: (c) => [c.bCandidate, c.a.interviewId, new Date(), async () => ({ status: "reached" })],
      empty: status("not_found"),
    },
    listDebriefVersions: { args: (c) => [c.bAdmin, c.a.interviewId] },
  },
  "debrief-writes": {
    writeMyDebrief: {
      args: (c) => [c.bCandidate, { interviewId: c.a.interviewId, expectedVersion: null, content: () => ({ submit: true, fields, people }) }],
      empty: status("not_found"),
    },
  },
  "thank-you-notes": {
    setThankYouNote: {
      args: (c) => [c.bCandidate, { interviewId: c.a.interviewId, contactId: c.a.contactId, sent: true, channel: "email" }],
      empty: status("not_found"),
    },
  },
  atomic: { atomically: "skip: not a query" },
  portal: {
    // The scope's own firm settings: firm B's, never firm A's.
    getPortalFirm: { args: (c) => [c.bCandidate], empty: () => true },
    // Firm B's candidate's own interviews; the suite checks none of firm A's ids appear.
    listMyInterviews: { args: (c) => [c.bCandidate], empty: () => true },
    getMyInterview: { args: (c) => [c.bCandidate, c.a.interviewId] },
    getInterviewRecruiter: { args: (c) => [c.bAdmin, c.a.interviewId] },
    logCall: {
      args: (c) => [c.bCandidate, { interviewId: c.a.interviewId, contactId: c.a.contactId, calledAt: new Date(), notes: "iso" }],
      empty: status("not_found"),
    },
    listMyCalls: { args: (c) => [c.bCandidate, c.a.interviewId] },
  },
  "plan-sources": {
    listPlanSources: { args: (c) => [c.bAdmin, [c.a.interviewId], { staffProgress: true }] },
    listInterviewers: { args: (c) => [c.bAdmin, [c.a.interviewId]] },
  },
  "plan-tasks": {
    storePlanTasks: {
      args: (c) => [c.bAdmin, { interviewId: c.a.interviewId, steps: [step], managedKey: () => true, skipReason: "No longer needed: taken over" }],
      empty: status("not_found"),
    },
    listPlanTasks: { args: (c) => [c.bAdmin, c.a.interviewId] },
    listMyOpenTasks: { args: (c) => [c.bCandidate] },
    completeMyPlanTask: {
      args: (c) => [c.bCandidate, { interviewId: c.a.interviewId, policyKey: "accept_invitation" }],
      empty: status("not_found"),
    },
    createCallWarningTask: {
      args: (c) => [
        c.bAdmin,
        { interviewId: c.a.interviewId, callLogId: PERSON, title: "Iso", details: "", ownerUserId: null, dueAt: new Date() },
      ],
      empty: status("not_found"),
    },
  },
};
