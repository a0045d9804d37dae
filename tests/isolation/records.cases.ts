import { clientKind } from "@/db/queries/clients";
import type { IsolationCases } from "./types";

/** Refused as not found / invalid: nothing of firm A was reached. */
const refused = (r: unknown) => {
  const x = r as { ok?: boolean; reason?: string } | null;
  return !!x && x.ok === false && (x.reason === "not_found" || x.reason === "invalid");
};
const notFound = (r: unknown) => (r as { ok?: boolean; reason?: string } | null)?.reason === "not_found";
const noRows = (r: unknown) => Array.isArray((r as { rows?: unknown[] }).rows) && (r as { rows: unknown[] }).rows.length === 0;
/** The call answers with firm B's own data; the suite still checks no firm A id is in it. */
const ownFirm = () => true;

const SKIP = "skip: not a query" as const;

const interviewFields = {
  kind: "video",
  startsAt: new Date("2030-01-01T15:00:00Z"),
  endsAt: new Date("2030-01-01T16:00:00Z"),
  location: "",
  videoUrl: "",
  arrangedByFirm: true,
  notes: "",
};

export const cases: Record<string, IsolationCases> = {
  menus: {
    includedIds: SKIP,
    menuOf: SKIP,
  },
  keyset: {
    cursorKey: SKIP,
    usableCursor: SKIP,
    keysetWhere: SKIP,
    keysetOrder: SKIP,
    keysetPage: SKIP,
    keysetQuery: SKIP,
    boundedCount: SKIP,
    likeTerm: SKIP,
    searchTerm: SKIP,
    archivedFilter: SKIP,
    correlated: SKIP,
    textSort: SKIP,
    timeSort: SKIP,
    nameOrDateSort: SKIP,
    personFilter: SKIP,
  },
  search: {
    searchContains: SKIP,
    searchClose: SKIP,
    searchRank: SKIP,
    recordSearch: SKIP,
    isRankedSearch: SKIP,
    searchablePage: SKIP,
  },
  "interview-joins": {
    withInterviewRecords: SKIP,
  },
  versioned: {
    changedFields: SKIP,
    isUniqueViolation: SKIP,
    lockRow: { args: (c) => [c.bRecruiter, clientKind, c.a.clientId] },
    sameTextTaken: { args: (c) => [c.bRecruiter, clientKind, clientKind.table.firmId, c.a.firmId] },
    updateVersioned: { args: (c) => [c.bRecruiter, clientKind, c.a.clientId, 1, { name: "Taken over" }] },
    // Reaching firm A's row would answer ok with "reached".
    changeAtVersion: {
      args: (c) => [c.bRecruiter, clientKind, { id: c.a.clientId, version: 1 }, async () => ({ ok: true, value: "reached" })],
      empty: notFound,
    },
    archiveRecord: { args: (c) => [c.bRecruiter, clientKind, { id: c.a.clientId, version: 1 }], empty: notFound },
    restoreRecord: { args: (c) => [c.bRecruiter, clientKind, { id: c.a.clientId, version: 1 }], empty: notFound },
  },
  clients: {
    findClients: { args: (c) => [c.bRecruiter, { q: `Client of ${c.a.slug}`, status: "all" }], empty: noRows },
    getClient: { args: (c) => [c.bRecruiter, c.a.clientId] },
    listClientOptions: { args: (c) => [c.bRecruiter, { include: c.a.clientId }], empty: ownFirm },
    createClient: { args: (c) => [c.bRecruiter, { name: `Client of ${c.a.slug}`, industry: "", website: "", notes: "" }], empty: ownFirm },
    updateClient: {
      args: (c) => [c.bRecruiter, { id: c.a.clientId, version: 1, name: "Taken over", industry: "", website: "", notes: "" }],
      empty: notFound,
    },
    archiveClient: { args: (c) => [c.bRecruiter, { id: c.a.clientId, version: 1 }], empty: notFound },
    restoreClient: { args: (c) => [c.bRecruiter, { id: c.a.clientId, version: 1 }], empty: notFound },
  },
  contacts: {
    findContacts: { args: (c) => [c.bRecruiter, { clientId: c.a.clientId, status: "all" }], empty: noRows },
    getContact: { args: (c) => [c.bRecruiter, c.a.contactId] },
    listContactsForClient: { args: (c) => [c.bRecruiter, c.a.clientId, { includeArchived: true }] },
    createContact: {
      args: (c) => [c.bRecruiter, { clientId: c.a.clientId, name: "Mallory", title: "", email: "", phone: "" }],
      empty: refused,
    },
    updateContact: {
      args: (c) => [c.bRecruiter, { id: c.a.contactId, version: 1, clientId: c.b.clientId, name: "Mallory", title: "", email: "", phone: "" }],
      empty: notFound,
    },
    archiveContact: { args: (c) => [c.bRecruiter, { id: c.a.contactId, version: 1 }], empty: notFound },
    restoreContact: { args: (c) => [c.bRecruiter, { id: c.a.contactId, version: 1 }], empty: notFound },
  },
  jobs: {
    findJobs: { args: (c) => [c.bRecruiter, { clientId: c.a.clientId, status: "all" }], empty: noRows },
    getJob: { args: (c) => [c.bRecruiter, c.a.jobId] },
    listJobOptions: { args: (c) => [c.bRecruiter, { clientId: c.a.clientId }] },
    listJobsForClient: { args: (c) => [c.bRecruiter, c.a.clientId] },
    listOwnerOptions: { args: (c) => [c.bRecruiter, { include: c.a.recruiter.userId, former: true }], empty: ownFirm },
    staffName: { args: (c) => [c.bRecruiter, c.a.recruiter.userId] },
    isFirmStaff: { args: (c) => [c.bRecruiter, c.a.recruiter.userId] },
    createJob: {
      args: (c) => [
        c.bRecruiter,
        { clientId: c.a.clientId, title: "Stolen job", location: "", description: "", status: "open", ownerUserId: c.a.recruiter.userId },
      ],
      empty: refused,
    },
    updateJob: {
      args: (c) => [
        c.bRecruiter,
        { id: c.a.jobId, version: 1, clientId: c.b.clientId, title: "x", location: "", description: "", status: "closed", ownerUserId: null },
      ],
      empty: notFound,
    },
    archiveJob: { args: (c) => [c.bRecruiter, { id: c.a.jobId, version: 1 }], empty: notFound },
    restoreJob: { args: (c) => [c.bRecruiter, { id: c.a.jobId, version: 1 }], empty: notFound },
  },
  candidates: {
    findCandidates: { args: (c) => [c.bRecruiter, { q: `cora@${c.a.slug}`, status: "all" }], empty: noRows },
    getCandidate: { args: (c) => [c.bRecruiter, c.a.candidateId] },
    listCandidateOptions: { args: (c) => [c.bRecruiter, { notOnJobId: c.a.jobId }], empty: ownFirm },
    // The same address may exist in two firms: B gets its own new record, A is untouched.
    createCandidate: {
      args: (c) => [
        c.bRecruiter,
        { name: "Cora Copy", email: `cora@${c.a.slug}.example`, phone: "", location: "", headline: "", notes: "", ownerUserId: null },
      ],
      empty: ownFirm,
    },
    updateCandidate: {
      args: (c) => [
        c.bRecruiter,
        { id: c.a.candidateId, version: 1, name: "x", email: "x@example.com", phone: "", location: "", headline: "", notes: "", ownerUserId: null },
      ],
      empty: notFound,
    },
    archiveCandidate: { args: (c) => [c.bRecruiter, { id: c.a.candidateId, version: 1 }], empty: notFound },
    restoreCandidate: { args: (c) => [c.bRecruiter, { id: c.a.candidateId, version: 1 }], empty: notFound },
  },
  applications: {
    findApplications: { args: (c) => [c.bRecruiter, { jobId: c.a.jobId }], empty: noRows },
    listApplicationsForJob: { args: (c) => [c.bRecruiter, c.a.jobId] },
    listApplicationsForCandidate: { args: (c) => [c.bRecruiter, c.a.candidateId] },
    getApplication: { args: (c) => [c.bRecruiter, c.a.applicationId] },
    listStageHistory: { args: (c) => [c.bRecruiter, c.a.applicationId] },
    listApplicationInterviewIds: { args: (c) => [c.bRecruiter, c.a.applicationId] },
    createApplication: { args: (c) => [c.bRecruiter, { candidateId: c.a.otherCandidateId, jobId: c.a.jobId }], empty: refused },
    moveApplication: {
      args: (c) => [c.bRecruiter, { id: c.a.applicationId, version: 1, stage: "rejected", reason: "taken over" }],
      empty: notFound,
    },
  },
  "candidate-timeline": {
    getCandidateTimeline: { args: (c) => [c.bRecruiter, c.a.candidateId] },
  },
  "interview-scheduling": {
    scheduleInterview: {
      args: (c) => [c.bRecruiter, { ...interviewFields, applicationId: c.a.applicationId, contactIds: [c.a.contactId] }],
      empty: refused,
    },
    rescheduleInterview: {
      args: (c) => [c.bRecruiter, { ...interviewFields, id: c.a.interviewId, version: 1, contactIds: [c.a.contactId] }],
      empty: notFound,
    },
    updateInterviewStatus: { args: (c) => [c.bRecruiter, { id: c.a.interviewId, version: 1, status: "cancelled" }], empty: notFound },
  },
  interviews: {
    getFirmTimeZone: { args: (c) => [c.bRecruiter], empty: ownFirm },
    findInterviews: { args: (c) => [c.bRecruiter, { candidateId: c.a.candidateId, when: "all" }], empty: noRows },
    getInterview: { args: (c) => [c.bRecruiter, c.a.interviewId] },
    listInterviewParticipants: { args: (c) => [c.bRecruiter, c.a.interviewId] },
    listInterviewsForContact: { args: (c) => [c.bRecruiter, c.a.contactId] },
    getInterviewCalendar: { args: (c) => [c.bCandidate, c.a.interviewId] },
  },
};
