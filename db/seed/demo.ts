import type { Role } from "../schema/enums";

// The demo's public face: the firms, the sign-ins `npm start` prints, the row
// counts the tests hold the seed to, and the records of the story.

/** The one password of every demo account (hashed once per seed). */
export const DEMO_PASSWORD = "afterview-demo-2026";

/** The faker seed: change it and every name in the demo changes. */
export const DEMO_SEED = 20261130;

export const DEMO_TIME_ZONE = "America/New_York";

export const DEMO_FIRM = { name: "Northwind Talent Partners", slug: "northwind", domain: "northwind.example" } as const;
export const SECOND_FIRM = { name: "Bluestone Staffing", slug: "bluestone", domain: "bluestone.example" } as const;

export type DemoLogin = { role: Role; email: string; name: string; note: string };

/** Printed by `npm start` and listed in the README. All use DEMO_PASSWORD. */
export const DEMO_LOGINS: readonly DemoLogin[] = [
  {
    role: "admin",
    email: "admin@northwind.example",
    name: "Olivia Bennett",
    note: "Northwind admin: team, follow-up policy, scorecard, API tokens, audit log",
  },
  {
    role: "recruiter",
    email: "jordan.ellis@northwind.example",
    name: "Jordan Ellis",
    note: "Recruiter with the demo story waiting: a debrief filed last night, an interview with no debrief yet, client feedback two days overdue, a candidate who called twice",
  },
  {
    role: "recruiter",
    email: "sam.whitaker@northwind.example",
    name: "Sam Whitaker",
    note: "Northwind's second recruiter",
  },
  {
    role: "candidate",
    email: "maya.chen@mail.example",
    name: "Maya Chen",
    note: "Candidate: two thank-you notes due today, a call allowed next Wednesday, one application just waiting",
  },
  {
    role: "candidate",
    email: "daniel.brooks@mail.example",
    name: "Daniel Brooks",
    note: "Candidate: yesterday's interview still needs a debrief",
  },
  {
    role: "candidate",
    email: "marcus.webb@mail.example",
    name: "Marcus Webb",
    note: "Candidate who has already called the interviewer twice",
  },
  {
    role: "admin",
    email: "admin@bluestone.example",
    name: "Grace Liu",
    note: "Admin of Bluestone Staffing, a second firm: sees none of Northwind's data",
  },
];

/** Row counts of one firm, keyed by the drizzle table name. */
export type SeedCounts = {
  users: number;
  memberships: number;
  clients: number;
  contacts: number;
  jobs: number;
  candidates: number;
  scorecardAttributes: number;
  applications: number;
  applicationStageChanges: number;
  interviews: number;
  interviewParticipants: number;
  debriefs: number;
  debriefVersions: number;
  debriefPeople: number;
  interviewerFeedback: number;
  feedbackRatings: number;
  feedbackLinks: number;
  callLogs: number;
  tasks: number;
  auditEvents: number;
};

/**
 * The exact row counts of the demo firm (Northwind). They do not depend on the
 * date the seed runs: tests/integration/seed.test.ts asserts them.
 */
export const SEED_COUNTS: SeedCounts = {
  users: 6,
  memberships: 6,
  clients: 8,
  contacts: 24,
  jobs: 15,
  candidates: 60,
  scorecardAttributes: 8,
  applications: 120,
  applicationStageChanges: 361,
  interviews: 156,
  interviewParticipants: 237,
  debriefs: 117,
  debriefVersions: 120,
  debriefPeople: 203,
  interviewerFeedback: 108,
  feedbackRatings: 640,
  feedbackLinks: 2,
  callLogs: 4,
  tasks: 688,
  auditEvents: 15,
};

/** The records of the demo story, for tests and for anyone giving the demo. */
export type DemoStory = {
  recruiterUserId: string;
  /** Maya Chen: the candidate side of the story. */
  storyCandidateId: string;
  storyCandidateUserId: string;
  /** (a) filed last night, submitted, not reviewed; promised decision by Friday; a certification not mentioned. */
  filedLastNight: { interviewId: string; debriefId: string; expectedDecisionOn: string };
  /** The same interview: two people met, thank-you notes due today. */
  thankYouNotesDue: { interviewId: string; taskIds: string[] };
  /** The one call allowed after the promised Friday (a Wednesday, 'YYYY-MM-DD'). */
  callAllowedOn: string;
  /** Maya's other application: every step done, nothing to do but wait. */
  waiting: { interviewId: string; debriefId: string };
  /** (b) Daniel Brooks: the interview ended yesterday, no debrief yet. */
  noDebriefYet: { interviewId: string };
  /** (c) Elena Petrova at Brightwater Financial: client feedback two days overdue. */
  feedbackOverdue: { interviewId: string; taskId: string; clientName: string };
  /** (d) Marcus Webb: two logged calls on one interview. */
  calledTwice: { interviewId: string; callLogIds: string[] };
  /** Feedback links: one sent to Elena's panel and unanswered; one answered on Marcus's onsite, its decision not confirmed. */
  feedbackLinks: { sentInterviewId: string; answeredInterviewId: string; answeredFeedbackId: string };
};

export type SeedSummary = {
  firmId: string;
  firmName: string;
  secondFirmId: string;
  /** Counts for the demo firm (SEED_COUNTS documents them). */
  counts: SeedCounts;
  secondFirmCounts: SeedCounts;
  story: DemoStory;
};

/** The demo login with this address (the seed makes its accounts from DEMO_LOGINS). */
export function login(email: string): DemoLogin {
  const found = DEMO_LOGINS.find((l) => l.email === email);
  if (!found) throw new Error(`seed: no demo login ${email}`);
  return found;
}
