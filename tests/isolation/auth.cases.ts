import type { IsolationCases } from "./types";

const nothing = (r: unknown) => r === "not_found" || r === false;

export const cases: Record<string, IsolationCases> = {
  auth: {
    listTeam: { args: (c) => [c.bAdmin], empty: () => true },
    listPendingInvitations: { args: (c) => [c.bAdmin], empty: () => true },
    createInvitation: {
      args: (c) => [
        c.bAdmin,
        { email: "x@example.com", name: "X", role: "candidate", candidateId: c.a.candidateId, tokenHash: "h-iso", expiresAt: new Date(Date.now() + 1e6) },
      ],
    },
    revokeInvitation: { args: (c) => [c.bAdmin, c.a.jobId], empty: nothing },
    updateMembership: { args: (c) => [c.bAdmin, c.a.recruiter.membershipId, { status: "deactivated" }], empty: nothing },
    signOutEverywhere: { args: (c) => [c.bAdmin], empty: () => true },
    listMySessions: { args: (c) => [c.bAdmin], empty: () => true },
    revokeMySession: { args: (c) => [c.bAdmin, c.a.admin.userId], empty: nothing },
    changeMyPassword: { args: (c) => [c.bAdmin, "not-a-real-hash"], empty: () => true },
    InvitationConflictError: "skip: not a query",
  },
  audit: {
    recordAudit: { args: (c) => [c.bAdmin, { action: "iso.test", entityType: "test" }], empty: () => true },
    listAuditEvents: { args: (c) => [c.bAdmin, { entityId: c.a.candidateId }] },
  },
  outbox: {
    listOutbox: { args: (c) => [c.bAdmin] },
  },
  candidates: {
    getCandidateContact: { args: (c) => [c.bRecruiter, c.a.candidateId] },
  },
  scope: {
    withTx: "skip: not a query",
    inTransaction: "skip: not a query",
    isStaffScope: "skip: not a query",
  },
};
