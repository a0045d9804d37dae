/**
 * Demo data: the Northwind Talent Partners firm (the demo story of PRODUCT.md)
 * and Bluestone Staffing, a second, smaller firm so that isolation can be seen.
 *
 * The same every time: one fixed faker seed, and every random draw depends only
 * on that seed, never on the clock, so the rows (names, emails, counts, states)
 * are identical on every run. Only the timestamps move: they are laid out
 * relative to `now` in the firm's zone, so the demo always looks current
 * ("filed last night", "due today", "next Wednesday").
 *
 * Policy tasks are not invented here: each completed interview's plan is built
 * by the follow-up engine (lib/core/follow-up) at `now`, and its steps become the
 * task rows, so what the candidate's plan shows and what the task lists hold agree.
 *
 * The benchmark-scale generator (`--scale N`) lives in db/seed-scale.ts.
 */
import { Faker, en } from "@faker-js/faker";
import { tz } from "@date-fns/tz";
import { addDays, differenceInCalendarDays, format, getDay, set, startOfDay } from "date-fns";
import { count, eq } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { hashPassword } from "@/lib/platform/password";
import {
  BUSINESS_DAY_START_HOUR,
  addBusinessDaysInZone,
  buildPlan,
  lastBusinessDayOnOrBefore,
  type FollowUpDebrief,
  type PlanStep,
} from "@/lib/core/follow-up";
import { dateAtLocalHour } from "@/lib/core/follow-up/business-days";
import type { Db, DbOrTx } from "./client";
import * as s from "./schema";
import type { InterviewKind, InterviewStatus, Rating, Recommendation, Decision, Role, Stage } from "./schema/enums";
import { newId } from "./schema/_shared";

export { BENCH_PASSWORD, seedScale, type ScaleOptions, type ScaleSummary } from "./seed-scale";

// ---------------------------------------------------------------------------
// Public constants
// ---------------------------------------------------------------------------

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
  interviewerFeedback: 107,
  feedbackRatings: 632,
  callLogs: 4,
  tasks: 688,
  auditEvents: 12,
};

/** The records of the demo story (PRODUCT.md), for tests and for anyone giving the demo. */
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

// ---------------------------------------------------------------------------
// Entry points
// ---------------------------------------------------------------------------

/** True when no firm exists yet (a fresh database that should get the demo). */
export async function isDatabaseEmpty(db: DbOrTx): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(s.firms);
  return (row?.n ?? 0) === 0;
}

/**
 * Creates the demo firm and the second firm in one transaction. Deterministic
 * apart from ids and timestamps; all dates are relative to `opts.now`.
 */
export async function seedDemo(db: Db, opts: { now?: Date } = {}): Promise<SeedSummary> {
  const now = opts.now ?? new Date();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const faker = new Faker({ locale: [en], seed: DEMO_SEED });
  const clock = new Clock(now, DEMO_TIME_ZONE, demoHolidays(now, DEMO_TIME_ZONE));

  const demo = new FirmBuilder(faker, clock, DEMO_FIRM, passwordHash);
  const story = buildNorthwind(demo);
  const second = new FirmBuilder(faker, clock, SECOND_FIRM, passwordHash);
  buildBluestone(second);
  demo.finish();
  second.finish();

  await db.transaction(async (tx) => {
    await demo.insertFirm(tx);
    await second.insertFirm(tx);
  });

  return {
    firmId: demo.firmId,
    firmName: DEMO_FIRM.name,
    secondFirmId: second.firmId,
    counts: await countFirmRows(db, demo.firmId),
    secondFirmCounts: await countFirmRows(db, second.firmId),
    story: story(),
  };
}


/** Row counts of one firm's tenant tables. */
export async function countFirmRows(db: DbOrTx, firmId: string): Promise<SeedCounts> {
  const c = (table: TenantTable) => db.$count(table, eq(table.firmId, firmId));
  const memberships = await c(s.memberships);
  return {
    // Users are global; a firm's users are its memberships (one per user and firm).
    users: memberships,
    memberships,
    clients: await c(s.clients),
    contacts: await c(s.contacts),
    jobs: await c(s.jobs),
    candidates: await c(s.candidates),
    scorecardAttributes: await c(s.scorecardAttributes),
    applications: await c(s.applications),
    applicationStageChanges: await c(s.applicationStageChanges),
    interviews: await c(s.interviews),
    interviewParticipants: await c(s.interviewParticipants),
    debriefs: await c(s.debriefs),
    debriefVersions: await c(s.debriefVersions),
    debriefPeople: await c(s.debriefPeople),
    interviewerFeedback: await c(s.interviewerFeedback),
    feedbackRatings: await c(s.feedbackRatings),
    callLogs: await c(s.callLogs),
    tasks: await c(s.tasks),
    auditEvents: await c(s.auditEvents),
  };
}

type TenantTable =
  | typeof s.memberships
  | typeof s.clients
  | typeof s.contacts
  | typeof s.jobs
  | typeof s.candidates
  | typeof s.scorecardAttributes
  | typeof s.applications
  | typeof s.applicationStageChanges
  | typeof s.interviews
  | typeof s.interviewParticipants
  | typeof s.debriefs
  | typeof s.debriefVersions
  | typeof s.debriefPeople
  | typeof s.interviewerFeedback
  | typeof s.feedbackRatings
  | typeof s.callLogs
  | typeof s.tasks
  | typeof s.auditEvents;

// ---------------------------------------------------------------------------
// Time: day offsets from today in the firm's zone
// ---------------------------------------------------------------------------

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

class Clock {
  /** Midnight today in the firm's zone. */
  readonly today: Date;

  constructor(
    readonly now: Date,
    readonly zone: string,
    readonly holidays: string[],
  ) {
    this.today = startOfDay(now, { in: tz(zone) });
  }

  private day(offset: number): Date {
    return addDays(this.today, offset);
  }

  /** Local wall-clock time `hour:minute` on the day `offset` days from today. */
  at(offset: number, hour: number, minute = 0): Date {
    return new Date(set(this.day(offset), { hours: hour, minutes: minute, seconds: 0, milliseconds: 0 }).getTime());
  }

  /** 'YYYY-MM-DD' of the day `offset` days from today. */
  key(offset: number): string {
    return format(this.day(offset), "yyyy-MM-dd");
  }

  keyOf(date: Date): string {
    return format(date, "yyyy-MM-dd", { in: tz(this.zone) });
  }

  label(date: Date): string {
    return format(date, "EEEE d MMMM", { in: tz(this.zone) });
  }

  /** Calendar days from today (firm zone) to the date. */
  offsetOf(date: Date): number {
    return differenceInCalendarDays(date, this.today, { in: tz(this.zone) });
  }

  dow(offset: number): number {
    return getDay(this.day(offset));
  }

  isWorkday(offset: number): boolean {
    const dow = this.dow(offset);
    return dow !== 0 && dow !== 6 && !this.holidays.includes(this.key(offset));
  }

  /** The nearest workday, moving away from today so that past stays past and future stays future. */
  workday(offset: number): number {
    const step = offset < 0 ? -1 : 1;
    let o = offset;
    while (!this.isWorkday(o)) o += step;
    return o;
  }

  /** Offset of the first day on or after `from` with weekday `dow` (0 = Sunday). */
  nextDow(dow: number, from = 0): number {
    let o = from;
    while (this.dow(o) !== dow) o++;
    return o;
  }

  /** `n` business days from `date` (firm zone and holidays), keeping the wall-clock time. */
  bd(date: Date, n: number): Date {
    return addBusinessDaysInZone(date, n, this.zone, this.holidays);
  }

  /**
   * A moment `hours` after `t`; squeezed between `t` and now when it would be
   * in the future, so that recorded facts are never after now and keep their order.
   */
  after(t: Date, hours: number): Date {
    const target = t.getTime() + hours * HOUR;
    const cap = this.now.getTime() - 5 * MINUTE;
    if (target <= cap) return new Date(target);
    return new Date(t.getTime() + Math.max(0, cap - t.getTime()) * 0.6);
  }

  earlier(a: Date, b: Date): Date {
    return a.getTime() <= b.getTime() ? a : b;
  }

  /** Today's (or, late in the day, tomorrow's) n-th free interview slot for the dashboard. */
  todaySlot(n: number): Date {
    const start = Math.ceil((this.now.getTime() + HOUR) / (30 * MINUTE)) * 30 * MINUTE + n * 2 * HOUR;
    const candidate = new Date(start);
    const hour = Number(format(candidate, "H", { in: tz(this.zone) }));
    if (this.keyOf(candidate) === this.key(0) && hour >= 8 && hour <= 17) return candidate;
    return this.at(this.workday(1), 10 + n * 3, 0);
  }
}

/** The next few public holidays at least three weeks away (the story's weeks stay free of them). */
function demoHolidays(now: Date, zone: string): string[] {
  const year = Number(format(now, "yyyy", { in: tz(zone) }));
  const from = format(addDays(startOfDay(now, { in: tz(zone) }), 21), "yyyy-MM-dd");
  const days: string[] = [];
  for (const y of [year, year + 1, year + 2]) {
    days.push(`${y}-01-01`, `${y}-07-04`, thanksgiving(y), `${y}-12-25`);
  }
  return days.filter((d) => d >= from).sort().slice(0, 3);
}

/** The fourth Thursday of November. */
function thanksgiving(year: number): string {
  const dow = new Date(Date.UTC(year, 10, 1)).getUTCDay();
  const firstThursday = 1 + ((4 - dow + 7) % 7);
  return `${year}-11-${String(firstThursday + 21).padStart(2, "0")}`;
}

// ---------------------------------------------------------------------------
// Text banks (realistic, hand-written; faker only picks from them)
// ---------------------------------------------------------------------------

// Common, varied US names: faker's own lists include joke surnames that make a demo look fake.
const FIRST_NAMES = [
  "James", "Olivia", "Ethan", "Sophia", "Noah", "Ava", "Liam", "Isabella", "Lucas", "Mia",
  "Aiden", "Charlotte", "Caleb", "Amelia", "Owen", "Harper", "Wyatt", "Evelyn", "Julian", "Abigail",
  "Priya", "Arjun", "Wei", "Mei", "Hiro", "Yuki", "Min-jun", "Ji-woo", "Carlos", "Sofia",
  "Mateo", "Valentina", "Diego", "Camila", "Andre", "Jasmine", "Malik", "Aaliyah", "Kwame", "Amara",
  "Omar", "Layla", "Yusuf", "Nadia", "David", "Rachel", "Samuel", "Leah", "Patrick", "Siobhan",
  "Tomasz", "Katarzyna", "Ivan", "Anya", "Luca", "Giulia", "Rahul", "Ananya", "Tyrone", "Keisha",
  "Connor", "Megan", "Brandon", "Lauren", "Kevin", "Stephanie", "Jason", "Nicole", "Eric", "Danielle",
];
const LAST_NAMES = [
  "Anderson", "Bailey", "Bennett", "Brooks", "Campbell", "Carter", "Castillo", "Chen", "Coleman", "Collins",
  "Cruz", "Daniels", "Diaz", "Edwards", "Evans", "Fernandez", "Fischer", "Flores", "Foster", "Gallagher",
  "Garcia", "Gonzalez", "Gordon", "Gupta", "Hall", "Hayes", "Hernandez", "Hughes", "Iyer", "Jackson",
  "Jenkins", "Johnson", "Kapoor", "Kelly", "Khan", "Kim", "Kowalski", "Lee", "Lewis", "Lopez",
  "Martin", "Mehta", "Mitchell", "Moreno", "Murphy", "Nakamura", "Nguyen", "Novak", "O'Brien", "Okafor",
  "Ortiz", "Owens", "Park", "Patel", "Perez", "Phillips", "Ramirez", "Reed", "Richardson", "Rivera",
  "Roberts", "Rodriguez", "Romero", "Russo", "Sanchez", "Schmidt", "Shah", "Singh", "Sullivan", "Tanaka",
  "Thompson", "Torres", "Turner", "Walsh", "Washington", "Watson", "Williams", "Wright", "Yamamoto", "Zhang",
];

const AREA_CODES = ["212", "617", "215", "412", "720", "860", "973", "704", "757", "646"];
const LOCATIONS = [
  "New York, NY",
  "Brooklyn, NY",
  "Jersey City, NJ",
  "Boston, MA",
  "Cambridge, MA",
  "Philadelphia, PA",
  "Pittsburgh, PA",
  "Hartford, CT",
  "Stamford, CT",
  "Denver, CO",
  "Newark, NJ",
  "Providence, RI",
];
const HEADLINES = [
  "Cloud engineer — AWS, Terraform, Kubernetes",
  "Site reliability engineer, on-call veteran",
  "Data engineer — Spark, dbt, Airflow",
  "Analytics lead moving into data engineering",
  "IT project manager, PMP, healthcare systems",
  "Operations manager, 3PL and warehousing",
  "Supply chain analyst — forecasting and S&OP",
  "Financial analyst, FP&A, CFA level II",
  "Compliance officer, broker-dealer and AML",
  "Controls engineer — PLC, Siemens, Rockwell",
  "Manufacturing engineer, lean and Six Sigma",
  "Product manager, e-commerce checkout and growth",
  "Retail operations leader, multi-site",
  "Solutions architect, pre-sales and integrations",
  "Field service supervisor, utilities",
  "Clinical data analyst, Epic and SQL",
];
const WENT_WELL = [
  "The system design discussion flowed well; they liked how I handled the trade-offs.",
  "Good rapport with the hiring manager — we talked for ten minutes past time.",
  "My migration project landed well; they asked follow-up questions for a while.",
  "The case study went smoothly and I finished with time to spare.",
  "They seemed to like that I had read their last two quarterly reports.",
  "Strong conversation about how the team runs on-call.",
  "I got through the technical exercise and explained my reasoning clearly.",
  "The panel laughed at my story about the warehouse inventory mix-up, in a good way.",
];
const CONCERNS = [
  "I blanked on a question about incident metrics and gave a vague answer.",
  "The salary range they hinted at seems below what we discussed.",
  "They asked twice about my notice period; I am not sure my answer satisfied them.",
  "The role sounds more hands-on than the job description suggested.",
  "I ran out of time on the last part of the exercise.",
  "Commute would be longer than I expected — three days in office.",
  "",
  "",
];
const QUESTIONS_ASKED = [
  "Tell me about a time you disagreed with a stakeholder. How would you design a multi-region failover? Why this company?",
  "Walk us through your last project end to end. What would your manager say is your biggest gap?",
  "How do you prioritise when two directors want different things? What is your notice period?",
  "Describe a process you improved and how you measured it. Where do you want to be in three years?",
  "How would you explain our product to a new customer? What questions do you have for us?",
];
const NOT_MENTIONED = [
  "My Six Sigma Green Belt",
  "The cost-reduction project that saved $1.2M last year",
  "That I led the team's move to infrastructure as code",
  "My Series 7 and Series 24 licences",
  "Experience mentoring two junior analysts",
  "Bilingual: English and Spanish",
  "PMP certification (renewed this year)",
  "That I already know their ERP system",
];
const SALARY = [
  "They asked for my expectations; I said the range we agreed on.",
  "Hiring manager mentioned the band tops out around $140k.",
  "No numbers, but they said bonus is 10% target.",
];
const OTHER_PROCESSES = [
  "Second round with another company next week.",
  "I have an offer deadline elsewhere in ten days.",
  "Nothing else active right now.",
];
const AVAILABILITY = [
  "Free any afternoon next week.",
  "Mornings before 11 are best; Friday is out.",
  "Flexible — can take a day off for an onsite.",
];
const NOTES_FOR_RECRUITER = [
  "Could you find out whether the role can be four days remote?",
  "Please ask about the team's on-call rotation.",
  "I would love feedback on the case study if they share any.",
  "Happy to move forward; this is my first choice.",
];
const TIMELINE_NO = ["They did not say anything about next steps.", "I forgot to ask and they did not mention it."];
const TIMELINE_UNSURE = [
  "Something about 'a couple of weeks', but it was not clear.",
  "They said they are 'early in the process'.",
];
const TIMELINE_YES_NO_DATE = [
  "One more round with the team lead, then a decision.",
  "They are meeting two more candidates and will come back through the recruiter.",
];
const TAKEAWAYS = [
  "Solid fundamentals, clear communicator. Wants to see more depth on architecture in the next round.",
  "Great energy and the strongest case study this week.",
  "Technically fine but did not show much interest in the domain.",
  "Good culture add; a little light on people management.",
  "Answers were long; would need coaching on crisp updates to executives.",
  "Exactly the profile the team asked for.",
];
const SHARED_SUMMARIES = [
  "They enjoyed meeting you and liked your project examples.",
  "Positive overall; they want to see a bit more depth on system design.",
  "They have decided to move forward with other candidates this time.",
  "They would like you to meet the wider team.",
];
const INTERNAL_NOTES = [
  "Hiring manager hinted budget could stretch for the right person.",
  "Client is also talking to an internal candidate.",
  "Do not share: panel split 2–1.",
  "",
];
const RATING_NOTES = ["", "", "Clear examples.", "Needed prompting.", "Above the bar.", "Below what the team needs."];
const CLOSED_REJECTED = [
  "Client chose a candidate with more domain experience",
  "Salary expectations above the band",
  "Did not pass the technical round",
  "Role put on hold by the client",
];
const CLOSED_WITHDRAWN = [
  "Accepted another offer",
  "Decided to stay with current employer",
  "Commute too long",
];

const DURATIONS: Record<InterviewKind, number[]> = {
  phone_screen: [30],
  video: [45, 60],
  onsite: [120, 150, 180],
  panel: [90],
  final: [60],
};

// ---------------------------------------------------------------------------
// The builder: accumulates one firm's rows in memory, then inserts them
// ---------------------------------------------------------------------------

type Insert<T extends PgTable> = T["$inferInsert"];
type UserRef = { id: string; name: string; email: string };
type ContactMeta = { id: string; name: string; title: string; email: string; phone: string };
type ClientMeta = { id: string; name: string; domain: string; contacts: ContactMeta[] };
type JobMeta = { id: string; title: string; client: ClientMeta; owner: UserRef };
type CandidateRow = Insert<typeof s.candidates> & { id: string; name: string; email: string };
type CandidateMeta = { id: string; name: string; email: string; userId: string | null; row: CandidateRow };
type AppMeta = {
  id: string;
  candidate: CandidateMeta;
  job: JobMeta;
  recruiter: UserRef;
  stage: Stage;
  interviews: InterviewMeta[];
};
type InterviewRow = Insert<typeof s.interviews> & {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: InterviewStatus;
  arrangedByFirm: boolean;
};
type DebriefRow = Insert<typeof s.debriefs> & { id: string; status: "draft" | "submitted" };
type PersonRow = Insert<typeof s.debriefPeople> & {
  id: string;
  name: string;
  email: string;
  thankYouSent: boolean;
  thankYouSentAt: Date | null;
};
type FeedbackRow = Insert<typeof s.interviewerFeedback> & { id: string; receivedAt: Date; decision: Decision | null };
type InterviewMeta = {
  row: InterviewRow;
  app: AppMeta;
  contacts: ContactMeta[];
  /** Raw day offset of the round (before moving it onto a workday): what the data's shape is decided on. */
  rawOffset: number;
  debrief: { row: DebriefRow; people: PersonRow[] } | null;
  feedback: FeedbackRow[];
  calls: { id: string; calledAt: Date }[];
  timelineObtainedAt: Date | null;
  invitationAcceptedAt: Date | null;
  /** policyKey → task id, filled by finish(). */
  taskIds: Map<string, string>;
};

type DebriefFields = Omit<
  Insert<typeof s.debriefs>,
  | "firmId"
  | "id"
  | "interviewId"
  | "candidateId"
  | "status"
  | "submittedVersions"
  | "firstSubmittedAt"
  | "submittedAt"
  | "reviewedAt"
  | "reviewedBy"
  | "lastSavedAt"
>;
type PersonSpec = {
  contact?: ContactMeta;
  name?: string;
  title?: string;
  email?: string;
  phone?: string;
  sentAt?: Date | null;
  channel?: "email" | "letter" | "linkedin" | "other";
  resolution?: "pending" | "confirmed" | "merged" | "dismissed";
};
type DebriefSpec = {
  status: "draft" | "submitted";
  /** One time per submitted version (the first submission, then amendments). */
  submissions: Date[];
  reviewedAt?: Date | null;
  reviewedBy?: string | null;
  lastSavedAt: Date;
  fields: DebriefFields;
  people: PersonSpec[];
};

const SCORECARD: { category: string; name: string; description: string }[] = [
  { category: "Skills", name: "Technical depth", description: "Command of the tools and methods the role needs" },
  { category: "Skills", name: "Problem solving", description: "Structures open problems and reasons through them" },
  { category: "Skills", name: "Domain knowledge", description: "Understands the client's industry and its constraints" },
  { category: "Communication", name: "Clarity", description: "Explains ideas crisply to a mixed audience" },
  { category: "Communication", name: "Listening", description: "Answers the question asked; builds on what others say" },
  { category: "Communication", name: "Executive presence", description: "Confident and credible with senior people" },
  { category: "Fit", name: "Motivation for the role", description: "Knows why this role, this company, now" },
  { category: "Fit", name: "Team fit", description: "Works the way the team works" },
];

/** Steps that are guidance rather than work (rules 4–6) do not become tasks. */
const GUIDANCE_STEPS = new Set<PlanStep["kind"]>(["no_call", "no_visit", "wait"]);

/** Open steps of rounds older than this are marked skipped: nobody chases a thank-you note from last quarter. */
const STALE_AFTER_DAYS = 21;

class FirmBuilder {
  readonly firmId = newId();
  readonly users: Insert<typeof s.users>[] = [];
  readonly memberships: Insert<typeof s.memberships>[] = [];
  readonly clients: ClientMeta[] = [];
  readonly clientRows: Insert<typeof s.clients>[] = [];
  readonly contactRows: Insert<typeof s.contacts>[] = [];
  readonly jobs: JobMeta[] = [];
  readonly jobRows: Insert<typeof s.jobs>[] = [];
  readonly candidates: CandidateMeta[] = [];
  readonly attributeIds: string[] = [];
  readonly attributeRows: Insert<typeof s.scorecardAttributes>[] = [];
  readonly apps: AppMeta[] = [];
  readonly appRows: Insert<typeof s.applications>[] = [];
  readonly stageChangeRows: Insert<typeof s.applicationStageChanges>[] = [];
  readonly interviews: InterviewMeta[] = [];
  readonly participantRows: Insert<typeof s.interviewParticipants>[] = [];
  readonly versionRows: Insert<typeof s.debriefVersions>[] = [];
  readonly ratingRows: Insert<typeof s.feedbackRatings>[] = [];
  readonly callRows: Insert<typeof s.callLogs>[] = [];
  readonly taskRows: Insert<typeof s.tasks>[] = [];
  readonly auditRows: Insert<typeof s.auditEvents>[] = [];
  private readonly usedEmails = new Set<string>();

  constructor(
    readonly f: Faker,
    readonly clock: Clock,
    readonly firm: { name: string; slug: string; domain: string },
    private readonly passwordHash: string,
  ) {
    SCORECARD.forEach((a, position) => {
      const id = newId();
      this.attributeIds.push(id);
      this.attributeRows.push({ firmId: this.firmId, id, ...a, position, createdAt: clock.at(-400, 10) });
    });
  }

  int(min: number, max: number): number {
    return this.f.number.int({ min, max });
  }

  chance(probability: number): boolean {
    return this.f.datatype.boolean({ probability });
  }

  pick<T>(items: readonly T[]): T {
    return this.f.helpers.arrayElement(items);
  }

  weighted<T>(items: [number, T][]): T {
    return this.f.helpers.weightedArrayElement(items.map(([weight, value]) => ({ weight, value })));
  }

  phone(): string {
    return `(${this.pick(AREA_CODES)}) 555-01${String(this.int(0, 99)).padStart(2, "0")}`;
  }

  /** A unique email (per firm) from a name. */
  email(first: string, last: string, domain: string): string {
    const base = `${ascii(first)}.${ascii(last)}`;
    let email = `${base}@${domain}`;
    for (let n = 2; this.usedEmails.has(email); n++) email = `${base}${n}@${domain}`;
    this.usedEmails.add(email);
    return email;
  }

  addUser(name: string, email: string, role: Role, candidate?: CandidateMeta): UserRef {
    const id = newId();
    const createdAt = candidate ? this.clock.at(-30, 12) : this.clock.at(-420, 9);
    this.users.push({ id, email, name, passwordHash: this.passwordHash, createdAt, updatedAt: createdAt });
    this.memberships.push({
      firmId: this.firmId,
      id: newId(),
      userId: id,
      role,
      candidateId: candidate?.id ?? null,
      createdAt,
      updatedAt: createdAt,
    });
    if (candidate) candidate.userId = id;
    this.usedEmails.add(email);
    return { id, name, email };
  }

  addClient(name: string, industry: string, domain: string, titles: string[]): ClientMeta {
    const id = newId();
    const createdAt = this.clock.at(-this.int(300, 400), 10);
    this.clientRows.push({
      firmId: this.firmId,
      id,
      name,
      industry,
      website: `https://www.${domain}`,
      createdAt,
      updatedAt: createdAt,
    });
    const client: ClientMeta = { id, name, domain, contacts: [] };
    for (const title of titles) {
      const first = this.pick(FIRST_NAMES);
      const last = this.pick(LAST_NAMES);
      const contact: ContactMeta = {
        id: newId(),
        name: `${first} ${last}`,
        title,
        email: this.email(first, last, domain),
        phone: this.phone(),
      };
      client.contacts.push(contact);
      this.contactRows.push({ firmId: this.firmId, clientId: id, ...contact, createdAt, updatedAt: createdAt });
    }
    this.clients.push(client);
    return client;
  }

  addJob(client: ClientMeta, title: string, location: string, status: Insert<typeof s.jobs>["status"], owner: UserRef) {
    const id = newId();
    const createdAt = this.clock.at(-this.int(180, 300), 11);
    this.jobRows.push({
      firmId: this.firmId,
      id,
      clientId: client.id,
      title,
      location,
      description: `${client.name} is hiring a ${title} (${location}). Full-time, permanent.`,
      status,
      ownerUserId: owner.id,
      createdAt,
      updatedAt: createdAt,
    });
    const job: JobMeta = { id, title, client, owner };
    this.jobs.push(job);
    return job;
  }

  addCandidate(spec: { first?: string; last?: string; email?: string; headline?: string; location?: string }) {
    const first = spec.first ?? this.pick(FIRST_NAMES);
    const last = spec.last ?? this.pick(LAST_NAMES);
    const email = spec.email ?? this.email(first, last, this.pick(["mail.example", "inbox.example", "post.example"]));
    this.usedEmails.add(email);
    const row: CandidateRow = {
      firmId: this.firmId,
      id: newId(),
      name: `${first} ${last}`,
      email,
      phone: this.phone(),
      location: spec.location ?? this.pick(LOCATIONS),
      headline: spec.headline ?? this.pick(HEADLINES),
      notes: this.chance(0.3) ? "Prefers hybrid; open to relocation for the right role." : "",
    };
    const candidate: CandidateMeta = { id: row.id, name: row.name, email, userId: null, row };
    this.candidates.push(candidate);
    return candidate;
  }

  /** An application and its stage history: `path` is every stage it went through, with the time. */
  addApplication(candidate: CandidateMeta, job: JobMeta, path: [Stage, Date][], closedReason = ""): AppMeta {
    const id = newId();
    const recruiter = job.owner;
    const [first] = path;
    const last = path[path.length - 1];
    if (!first || !last) throw new Error("an application needs at least one stage");
    this.appRows.push({
      firmId: this.firmId,
      id,
      candidateId: candidate.id,
      jobId: job.id,
      stage: last[0],
      stageChangedAt: last[1],
      closedReason,
      recruiterUserId: recruiter.id,
      createdBy: recruiter.id,
      createdAt: first[1],
      updatedAt: last[1],
    });
    path.forEach(([stage, at], i) => {
      this.stageChangeRows.push({
        firmId: this.firmId,
        id: newId(),
        applicationId: id,
        fromStage: i === 0 ? null : path[i - 1]![0],
        toStage: stage,
        reason: stage === "rejected" || stage === "withdrawn" ? closedReason : "",
        changedBy: recruiter.id,
        changedAt: at,
      });
    });
    // The candidate record predates their first application and belongs to its recruiter.
    const row = candidate.row;
    const createdAt = new Date(first[1].getTime() - 2 * HOUR);
    if (!row.createdAt || (row.createdAt as Date).getTime() > createdAt.getTime()) {
      row.createdAt = createdAt;
      row.updatedAt = createdAt;
      row.ownerUserId = recruiter.id;
    }
    const app: AppMeta = { id, candidate, job, recruiter, stage: last[0], interviews: [] };
    this.apps.push(app);
    return app;
  }

  addInterview(
    app: AppMeta,
    spec: {
      kind: InterviewKind;
      startsAt: Date;
      minutes: number;
      status: InterviewStatus;
      contacts: ContactMeta[];
      rawOffset: number;
      arrangedByFirm?: boolean;
      notes?: string;
    },
  ): InterviewMeta {
    const id = newId();
    const endsAt = new Date(spec.startsAt.getTime() + spec.minutes * MINUTE);
    const client = app.job.client;
    const remote = spec.kind === "phone_screen" || spec.kind === "video";
    const scheduledAt = this.clock.earlier(
      new Date(spec.startsAt.getTime() - this.int(3, 9) * DAY),
      new Date(this.clock.now.getTime() - HOUR),
    );
    const row: InterviewRow = {
      firmId: this.firmId,
      id,
      applicationId: app.id,
      candidateId: app.candidate.id,
      kind: spec.kind,
      startsAt: spec.startsAt,
      endsAt,
      location:
        spec.kind === "phone_screen"
          ? "Phone — the interviewer calls the candidate"
          : remote
            ? "Video call"
            : `${client.name}, ${this.f.location.streetAddress()}`,
      videoUrl: spec.kind === "video" ? `https://meet.example/${this.f.string.alpha({ length: 10, casing: "lower" })}` : "",
      status: spec.status,
      arrangedByFirm: spec.arrangedByFirm ?? true,
      notes: spec.notes ?? "",
      completedAt: spec.status === "completed" ? this.clock.after(endsAt, 0.25) : null,
      createdBy: app.recruiter.id,
      createdAt: scheduledAt,
      updatedAt: spec.status === "completed" ? this.clock.after(endsAt, 0.25) : scheduledAt,
    };
    for (const contact of spec.contacts) {
      this.participantRows.push({ firmId: this.firmId, interviewId: id, contactId: contact.id, createdAt: scheduledAt });
    }
    const meta: InterviewMeta = {
      row,
      app,
      contacts: spec.contacts,
      rawOffset: spec.rawOffset,
      debrief: null,
      feedback: [],
      calls: [],
      timelineObtainedAt: null,
      invitationAcceptedAt: null,
      taskIds: new Map(),
    };
    app.interviews.push(meta);
    this.interviews.push(meta);
    return meta;
  }

  addDebrief(iv: InterviewMeta, spec: DebriefSpec) {
    const id = newId();
    const submissions = spec.submissions;
    const first = submissions[0] ?? null;
    const last = submissions[submissions.length - 1] ?? null;
    const row: DebriefRow = {
      firmId: this.firmId,
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
        firmId: this.firmId,
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
      this.versionRows.push({
        firmId: this.firmId,
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

  addFeedback(
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
      firmId: this.firmId,
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
      this.ratingRows.push({
        firmId: this.firmId,
        feedbackId: id,
        attributeId: this.attributeIds[i]!,
        rating,
        note: this.pick(RATING_NOTES),
      });
    });
    iv.feedback.push(row);
    return row;
  }

  addCall(iv: InterviewMeta, contact: ContactMeta | null, calledAt: Date, notes: string): string {
    const id = newId();
    this.callRows.push({
      firmId: this.firmId,
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

  addManualTask(spec: {
    title: string;
    details?: string;
    owner: UserRef;
    app?: AppMeta;
    dueAt: Date | null;
    state: "open" | "done" | "skipped";
    createdAt: Date;
    completedAt?: Date;
  }) {
    const id = newId();
    this.taskRows.push({
      firmId: this.firmId,
      id,
      title: spec.title,
      details: spec.details ?? "",
      ownerKind: "recruiter",
      ownerUserId: spec.owner.id,
      candidateId: spec.app?.candidate.id ?? null,
      applicationId: spec.app?.id ?? null,
      dueAt: spec.dueAt,
      state: spec.state,
      completedAt: spec.state === "open" ? null : (spec.completedAt ?? spec.createdAt),
      completedBy: spec.state === "open" ? null : spec.owner.id,
      createdBy: spec.owner.id,
      createdAt: spec.createdAt,
      updatedAt: spec.completedAt ?? spec.createdAt,
    });
    return id;
  }

  addAudit(actor: UserRef | null, action: string, entityType: string, entityId: string | null, at: Date, changes?: Record<string, unknown>) {
    this.auditRows.push({
      firmId: this.firmId,
      id: newId(),
      actorUserId: actor?.id ?? null,
      action,
      entityType,
      entityId,
      changes: changes ?? null,
      ip: "203.0.113.24",
      requestId: `seed-${this.auditRows.length + 1}`,
      createdAt: at,
    });
  }

  /** Turns every completed round's follow-up plan (as it stands now) into task rows. */
  finish() {
    for (const iv of this.interviews) {
      if (iv.row.status === "completed") this.planTasks(iv);
    }
  }

  private planTasks(iv: InterviewMeta) {
    const { clock } = this;
    const d = iv.debrief;
    const feedbackAt = iv.feedback.map((fb) => fb.receivedAt.getTime());
    const decided = iv.feedback.filter((fb) => fb.decision !== null).map((fb) => fb.receivedAt.getTime());
    const firstFeedbackAt = feedbackAt.length ? new Date(Math.min(...feedbackAt)) : null;
    const decisionAt = decided.length ? new Date(Math.min(...decided)) : null;
    const plan = buildPlan({
      interview: {
        id: iv.row.id,
        startsAt: iv.row.startsAt,
        endsAt: iv.row.endsAt,
        status: iv.row.status,
        arrangedByFirm: iv.row.arrangedByFirm,
        interviewers: iv.contacts.map((c) => ({ contactId: c.id, name: c.name })),
      },
      debrief: d ? followUpDebrief(d.row, d.people) : null,
      calls: iv.calls.map((c) => ({ calledAt: c.calledAt })),
      firm: { timeZone: clock.zone, holidays: clock.holidays, policy: s.DEFAULT_POLICY },
      progress: {
        debriefReviewedAt: (d?.row.reviewedAt as Date | null | undefined) ?? null,
        feedbackReceivedAt: firstFeedbackAt,
        timelineObtainedAt: iv.timelineObtainedAt,
        decisionReceivedAt: decisionAt,
        invitationAcceptedAt: iv.invitationAcceptedAt,
      },
      now: clock.now,
    });
    const stale = iv.rawOffset < -STALE_AFTER_DAYS;
    for (const step of plan.steps) {
      if (GUIDANCE_STEPS.has(step.kind)) continue;
      // Nothing to review before the debrief arrives (the step is waiting on it).
      if (step.kind === "review_debrief" && step.state === "waiting") continue;
      const candidateStep = step.owner === "candidate";
      const ownerId = candidateStep ? iv.app.candidate.userId : iv.app.recruiter.id;
      const done = step.state === "done";
      const state = done ? "done" : stale ? "skipped" : "open";
      const doneAt = done ? this.doneAt(step, iv, firstFeedbackAt, decisionAt) : null;
      const createdAt =
        step.rule === 2 || step.rule === 3 ? iv.row.endsAt : ((d?.row.firstSubmittedAt as Date | null) ?? iv.row.endsAt);
      const skippedAt = state === "skipped" ? clock.after(step.dueAt ?? iv.row.endsAt, 7 * 24) : null;
      const id = newId();
      iv.taskIds.set(step.key, id);
      this.taskRows.push({
        firmId: this.firmId,
        id,
        title: step.title,
        details: step.reason,
        ownerKind: candidateStep ? "candidate" : "recruiter",
        ownerUserId: ownerId,
        candidateId: iv.app.candidate.id,
        applicationId: iv.app.id,
        interviewId: iv.row.id,
        dueAt: step.dueAt,
        state,
        rule: `rule ${step.rule}`,
        policyKey: step.key,
        completedAt: doneAt ?? skippedAt,
        completedBy: done ? ownerId : state === "skipped" ? iv.app.recruiter.id : null,
        createdAt,
        updatedAt: doneAt ?? skippedAt ?? createdAt,
      });
    }
  }

  private doneAt(step: PlanStep, iv: InterviewMeta, feedbackAt: Date | null, decisionAt: Date | null): Date {
    const d = iv.debrief?.row;
    const fallback = step.dueAt ?? iv.row.endsAt;
    switch (step.kind) {
      case "debrief":
        return (d?.firstSubmittedAt as Date | null) ?? fallback;
      case "review_debrief":
        return (d?.reviewedAt as Date | null) ?? fallback;
      case "collect_feedback":
        return feedbackAt ?? fallback;
      case "thank_you":
        return iv.debrief?.people.find((p) => p.id === step.personId)?.thankYouSentAt ?? fallback;
      case "call":
        return iv.calls[0]?.calledAt ?? fallback;
      case "get_timeline":
        return iv.timelineObtainedAt ?? fallback;
      case "accept_invitation":
        return iv.invitationAcceptedAt ?? fallback;
      case "chase_decision":
        return decisionAt ?? fallback;
      default:
        return fallback;
    }
  }

  async insertFirm(tx: DbOrTx) {
    const { clock } = this;
    await tx.insert(s.firms).values({
      id: this.firmId,
      name: this.firm.name,
      slug: this.firm.slug,
      timeZone: clock.zone,
      holidays: clock.holidays,
      policy: s.DEFAULT_POLICY,
      // The demo is for looking around: signing in should not start with MFA enrolment.
      mfaRequired: false,
      createdAt: clock.at(-430, 9),
      updatedAt: clock.at(-30, 9),
    });
    await insertChunks(tx, s.users, this.users);
    await insertChunks(tx, s.clients, this.clientRows);
    await insertChunks(tx, s.contacts, this.contactRows);
    await insertChunks(tx, s.jobs, this.jobRows);
    await insertChunks(
      tx,
      s.candidates,
      this.candidates.map((c) => c.row),
    );
    await insertChunks(tx, s.memberships, this.memberships);
    await insertChunks(tx, s.scorecardAttributes, this.attributeRows);
    await insertChunks(tx, s.applications, this.appRows);
    await insertChunks(tx, s.applicationStageChanges, this.stageChangeRows);
    await insertChunks(
      tx,
      s.interviews,
      this.interviews.map((iv) => iv.row),
    );
    await insertChunks(tx, s.interviewParticipants, this.participantRows);
    const debriefs = this.interviews.flatMap((iv) => (iv.debrief ? [iv.debrief] : []));
    await insertChunks(
      tx,
      s.debriefs,
      debriefs.map((d) => d.row),
    );
    await insertChunks(tx, s.debriefVersions, this.versionRows);
    await insertChunks(
      tx,
      s.debriefPeople,
      debriefs.flatMap((d) => d.people),
    );
    await insertChunks(
      tx,
      s.interviewerFeedback,
      this.interviews.flatMap((iv) => iv.feedback),
    );
    await insertChunks(tx, s.feedbackRatings, this.ratingRows);
    await insertChunks(tx, s.callLogs, this.callRows);
    await insertChunks(tx, s.tasks, this.taskRows);
    await insertChunks(tx, s.auditEvents, this.auditRows);
  }
}

async function insertChunks<T extends PgTable>(tx: DbOrTx, table: T, rows: T["$inferInsert"][], size = 250) {
  for (let i = 0; i < rows.length; i += size) {
    await tx.insert(table).values(rows.slice(i, i + size) as never);
  }
}

function ascii(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[^A-Za-z]/g, "")
    .toLowerCase();
}

function followUpDebrief(row: DebriefRow, people: PersonRow[]): FollowUpDebrief {
  return {
    status: row.status,
    submittedAt: (row.submittedAt as Date | null | undefined) ?? null,
    timelineGiven: row.timelineGiven ?? null,
    expectedDecisionOn: row.expectedDecisionOn ?? null,
    askedToCall: row.askedToCall ?? null,
    callBy: row.callBy ?? null,
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
    askedToCall: row.askedToCall ?? null,
    callBy: row.callBy ?? null,
    invitedBack: row.invitedBack ?? null,
    invitedBackDetails: row.invitedBackDetails ?? "",
    salaryDiscussed: row.salaryDiscussed ?? "",
    otherProcesses: row.otherProcesses ?? "",
    availability: row.availability ?? "",
    notesForRecruiter: beforeAmendment ? "" : (row.notesForRecruiter ?? ""),
    people: people.map((p) => ({ name: p.name, title: p.title, email: p.email, phone: p.phone })),
  };
}

// ---------------------------------------------------------------------------
// The pipeline: applications in every stage, their rounds, debriefs and feedback
// ---------------------------------------------------------------------------

type DebriefState = "none" | "draft" | "submitted" | "amended" | "amended_reviewed" | "reviewed";
type Outcome = "next_round" | "offer" | "reject" | "open" | "withdrawn";

/**
 * Applications for `candidates` (the i-th gets appsPerCandidate[i] distinct
 * jobs) whose stages are a shuffle of `stages`. Everything below is decided by
 * faker draws alone; the clock only places the result in time.
 */
function generatePipeline(
  b: FirmBuilder,
  spec: {
    candidates: CandidateMeta[];
    appsPerCandidate: number[];
    stages: Record<Stage, number>;
    jobs: JobMeta[];
    todaySlots: number;
  },
) {
  const stageList = b.f.helpers.shuffle(
    (Object.entries(spec.stages) as [Stage, number][]).flatMap(([stage, n]) => Array<Stage>(n).fill(stage)),
  );
  let next = 0;
  let slotsUsed = 0;
  spec.candidates.forEach((candidate, i) => {
    const jobs = b.f.helpers.arrayElements(spec.jobs, spec.appsPerCandidate[i] ?? 1);
    for (const job of jobs) {
      const stage = stageList[next++];
      if (!stage) throw new Error("seed: fewer stages than applications");
      slotsUsed += buildApplication(b, candidate, job, stage, slotsUsed < spec.todaySlots ? slotsUsed : null);
    }
  });
  if (next !== stageList.length) throw new Error("seed: more stages than applications");
}

function roundKind(b: FirmBuilder, k: number, n: number): InterviewKind {
  if (k === 0) return "phone_screen";
  if (k === n - 1 && n >= 3) return "final";
  return b.pick(["video", "onsite", "panel"] as const);
}

function roundContacts(b: FirmBuilder, kind: InterviewKind, client: ClientMeta): ContactMeta[] {
  const want = kind === "phone_screen" ? 1 : kind === "panel" ? 3 : kind === "onsite" ? b.int(2, 3) : b.int(1, 2);
  return b.f.helpers.arrayElements(client.contacts, Math.min(want, client.contacts.length));
}

function roundStart(b: FirmBuilder, kind: InterviewKind, offset: number): Date {
  const hour = kind === "onsite" ? b.int(9, 13) : b.int(9, 16);
  return b.clock.at(offset, hour, b.pick([0, 30]));
}

/** Builds one application; returns 1 when it used one of today's interview slots. */
function buildApplication(
  b: FirmBuilder,
  candidate: CandidateMeta,
  job: JobMeta,
  stage: Stage,
  todaySlot: number | null,
): number {
  const { clock } = b;
  // Raw day offsets of the rounds, oldest first. Rounds are 4–8 days apart, so
  // moving one onto a workday (at most 3 days) never reorders them.
  const pastRounds = (n: number, latest: number) => {
    const out = [latest];
    for (let k = 1; k < n; k++) out.unshift(out[0]! - b.int(4, 8));
    return out;
  };
  let past: number[] = [];
  let future: number | null = null;
  let cancelledAfter = false;
  switch (stage) {
    case "interviewing": {
      const n = b.weighted<number>([
        [25, 0],
        [45, 1],
        [30, 2],
      ]);
      const upcoming = n === 0 || b.chance(0.55);
      if (n > 0) past = pastRounds(n, -b.int(1, 9));
      if (upcoming) future = b.int(1, 12);
      break;
    }
    case "offer":
      past = pastRounds(b.int(2, 4), -b.int(4, 30));
      break;
    case "placed":
      past = pastRounds(b.int(2, 4), -b.int(20, 120));
      break;
    case "rejected": {
      const n = b.weighted<number>([
        [35, 0],
        [40, 1],
        [25, 2],
      ]);
      if (n > 0) past = pastRounds(n, -b.int(3, 90));
      break;
    }
    case "withdrawn": {
      const n = b.weighted<number>([
        [30, 0],
        [50, 1],
        [20, 2],
      ]);
      if (n > 0) {
        past = pastRounds(n, -b.int(3, 60));
        cancelledAfter = b.chance(0.4);
      }
      break;
    }
    default:
      break;
  }

  // The stage history, laid out around the (workday-shifted) rounds.
  const shifted = past.map((o) => clock.workday(o));
  const at = (offset: number) => clock.at(offset, b.int(9, 17), b.pick([0, 15, 30, 45]));
  const path: [Stage, Date][] = [];
  let closedReason = "";
  if (stage === "rejected") closedReason = b.pick(CLOSED_REJECTED);
  if (stage === "withdrawn") closedReason = b.pick(CLOSED_WITHDRAWN);
  if (past.length === 0 && future === null) {
    const t0 = stage === "sourced" ? -b.int(1, 25) : -b.int(6, 60);
    path.push(["sourced", at(t0)]);
    if (stage !== "sourced") {
      const t1 = Math.min(t0 + b.int(1, 3), -1);
      path.push(["submitted", at(t1)]);
      if (stage === "rejected" || stage === "withdrawn") path.push([stage, at(Math.min(t1 + b.int(2, 8), -1))]);
    }
  } else {
    const anchor = Math.min(shifted[0] ?? 0, 0);
    const sourced = anchor - b.int(8, 16);
    path.push(["sourced", at(sourced)]);
    path.push(["submitted", at(sourced + b.int(1, 3))]);
    path.push(["interviewing", at(anchor - b.int(2, 4))]);
    const last = shifted[shifted.length - 1] ?? 0;
    if (stage === "offer") path.push(["offer", at(Math.min(last + b.int(2, 3), -1))]);
    if (stage === "placed") {
      const offer = last + b.int(2, 5);
      path.push(["offer", at(offer)]);
      path.push(["placed", at(offer + b.int(3, 10))]);
    }
    if (stage === "rejected") path.push(["rejected", at(Math.min(last + b.int(1, 4), -1))]);
    if (stage === "withdrawn") path.push(["withdrawn", at(Math.min(last + b.int(1, 6), -1))]);
  }
  const app = b.addApplication(candidate, job, path, closedReason);

  const n = past.length;
  const totalRounds = n + (future !== null || cancelledAfter ? 1 : 0);
  past.forEach((raw, k) => {
    const kind = roundKind(b, k, totalRounds);
    const lastPast = k === n - 1;
    const mustHappen = lastPast && (stage === "offer" || stage === "placed");
    const status = b.weighted<InterviewStatus>([
      [90, "completed"],
      [6, "cancelled"],
      [4, "no_show"],
    ]);
    const iv = b.addInterview(app, {
      kind,
      startsAt: roundStart(b, kind, shifted[k]!),
      minutes: b.pick(DURATIONS[kind]),
      status: mustHappen ? "completed" : status,
      contacts: roundContacts(b, kind, job.client),
      rawOffset: raw,
      arrangedByFirm: b.chance(0.95),
    });
    if (iv.row.status !== "completed") return;
    const hasLater = !lastPast || future !== null || cancelledAfter;
    const outcome: Outcome = hasLater
      ? "next_round"
      : stage === "offer" || stage === "placed"
        ? "offer"
        : stage === "rejected"
          ? "reject"
          : stage === "withdrawn"
            ? "withdrawn"
            : "open";
    fillRound(b, iv, outcome);
  });

  let used = 0;
  if (future !== null || cancelledAfter) {
    const kind = roundKind(b, n, totalRounds);
    const raw = future ?? Math.min(-1, (shifted[n - 1] ?? -2) + b.int(4, 6));
    let startsAt = roundStart(b, kind, clock.workday(raw));
    if (future !== null && todaySlot !== null) {
      startsAt = clock.todaySlot(todaySlot);
      used = 1;
    }
    b.addInterview(app, {
      kind,
      startsAt,
      minutes: b.pick(DURATIONS[kind]),
      status: future !== null ? "scheduled" : "cancelled",
      contacts: roundContacts(b, kind, job.client),
      rawOffset: raw,
      notes: future === null ? "Cancelled: the candidate withdrew." : "",
    });
  }
  return used;
}

/** A completed round's debrief (in a state that fits its age) and the client's feedback. */
function fillRound(b: FirmBuilder, iv: InterviewMeta, outcome: Outcome) {
  const o = iv.rawOffset;
  const state =
    o >= -2
      ? b.weighted<DebriefState>([
          [30, "none"],
          [35, "draft"],
          [35, "submitted"],
        ])
      : o >= -10
        ? b.weighted<DebriefState>([
            [8, "none"],
            [20, "draft"],
            [30, "submitted"],
            [7, "amended"],
            [7, "amended_reviewed"],
            [40, "reviewed"],
          ])
        : b.weighted<DebriefState>([
            [5, "none"],
            [2, "draft"],
            [5, "submitted"],
            [4, "amended"],
            [6, "amended_reviewed"],
            [78, "reviewed"],
          ]);
  if (state !== "none") addBulkDebrief(b, iv, state);

  const hasFeedback =
    o >= -2 ? b.chance(0.15) : outcome === "open" || outcome === "withdrawn" ? b.chance(0.6) : b.chance(0.9);
  if (hasFeedback) {
    addBulkFeedback(b, iv, outcome, iv.contacts[0] ?? null);
    const second = iv.contacts[1];
    if (second && b.chance(0.25)) addBulkFeedback(b, iv, outcome, second);
  }
}

function bulkDebriefFields(b: FirmBuilder, iv: InterviewMeta): DebriefFields {
  const { clock } = b;
  const end = iv.row.endsAt;
  const timelineGiven = b.weighted<"yes" | "no" | "unsure">([
    [55, "yes"],
    [25, "no"],
    [20, "unsure"],
  ]);
  const expected = timelineGiven === "yes" && b.chance(0.55) ? clock.bd(end, b.int(2, 7)) : null;
  const askedToCall = b.chance(0.08);
  const callBy = askedToCall && b.chance(0.5) ? clock.keyOf(clock.bd(end, b.int(2, 4))) : null;
  const invitedBack = b.chance(0.06);
  return {
    overallImpression: b.int(2, 5),
    interestLevel: b.int(2, 5),
    wentWell: b.pick(WENT_WELL),
    concerns: b.pick(CONCERNS),
    questionsAsked: b.pick(QUESTIONS_ASKED),
    notMentioned: b.chance(0.45) ? b.pick(NOT_MENTIONED) : "",
    timelineGiven,
    timelineDetails:
      timelineGiven === "yes"
        ? expected
          ? `They expect to decide by ${clock.label(expected)}.`
          : b.pick(TIMELINE_YES_NO_DATE)
        : timelineGiven === "no"
          ? b.pick(TIMELINE_NO)
          : b.pick(TIMELINE_UNSURE),
    expectedDecisionOn: expected ? clock.keyOf(expected) : null,
    askedToCall,
    callBy,
    invitedBack,
    invitedBackDetails: invitedBack ? "Invited back to meet the wider team over lunch." : "",
    salaryDiscussed: b.chance(0.3) ? b.pick(SALARY) : "",
    otherProcesses: b.chance(0.3) ? b.pick(OTHER_PROCESSES) : "",
    availability: b.chance(0.6) ? b.pick(AVAILABILITY) : "",
    notesForRecruiter: b.chance(0.4) ? b.pick(NOTES_FOR_RECRUITER) : "",
  };
}

function addBulkDebrief(b: FirmBuilder, iv: InterviewMeta, state: Exclude<DebriefState, "none">) {
  const { clock } = b;
  const end = iv.row.endsAt;
  const fields = bulkDebriefFields(b, iv);
  const draft = state === "draft";
  const amended = state === "amended" || state === "amended_reviewed";
  const reviewed = state === "reviewed" || state === "amended_reviewed";
  const firstAt = clock.after(end, b.int(2, 30));
  const secondAt = clock.after(firstAt, b.int(3, 48));
  const reviewedAt = clock.after(amended ? secondAt : firstAt, b.int(1, 30));
  const people: PersonSpec[] = iv.contacts.map((contact) => {
    const sent = b.chance(draft ? 0.4 : 0.85);
    const sentAt = clock.after(end, b.int(1, 20));
    const channel = b.weighted<"email" | "linkedin" | "letter">([
      [80, "email"],
      [12, "linkedin"],
      [8, "letter"],
    ]);
    return { contact, sentAt: sent ? sentAt : null, channel };
  });
  if (b.chance(0.2)) {
    // Someone the candidate met who is not a contact yet: the recruiter confirms them.
    const first = b.pick(FIRST_NAMES);
    const last = b.pick(LAST_NAMES);
    people.push({
      name: `${first} ${last}`,
      title: b.pick(["Team member", "Senior Engineer", "Product Lead", "Office Manager", "Analyst"]),
      email: b.email(first, last, iv.app.job.client.domain),
      phone: "",
      sentAt: b.chance(0.5) ? clock.after(end, b.int(2, 22)) : null,
      resolution: "pending",
    });
  }
  const submissions = draft ? [] : amended ? [firstAt, secondAt] : [firstAt];
  const debrief = b.addDebrief(iv, {
    status: draft ? "draft" : "submitted",
    submissions,
    reviewedAt: reviewed ? reviewedAt : null,
    lastSavedAt: submissions[submissions.length - 1] ?? firstAt,
    fields: draft ? { ...fields, questionsAsked: "", notesForRecruiter: "", availability: "" } : fields,
    people,
  });
  if (!draft && debrief.row.timelineGiven === "no" && iv.rawOffset < -5) {
    iv.timelineObtainedAt = clock.after(firstAt, b.int(20, 50));
  }
  if (!draft && debrief.row.invitedBack) iv.invitationAcceptedAt = clock.after(firstAt, b.int(2, 20));
}

function ratingFor(b: FirmBuilder, recommendation: Recommendation): Rating {
  switch (recommendation) {
    case "strong_yes":
      return b.weighted<Rating>([
        [50, "strong_yes"],
        [40, "yes"],
        [10, "mixed"],
      ]);
    case "yes":
      return b.weighted<Rating>([
        [20, "strong_yes"],
        [55, "yes"],
        [25, "mixed"],
      ]);
    case "no":
      return b.weighted<Rating>([
        [5, "yes"],
        [40, "mixed"],
        [45, "no"],
        [10, "definitely_not"],
      ]);
    case "definitely_not":
      return b.weighted<Rating>([
        [10, "mixed"],
        [40, "no"],
        [50, "definitely_not"],
      ]);
    default:
      return b.weighted<Rating>([
        [30, "yes"],
        [50, "mixed"],
        [20, "no"],
      ]);
  }
}

function addBulkFeedback(b: FirmBuilder, iv: InterviewMeta, outcome: Outcome, contact: ContactMeta | null) {
  const decision: Decision | null =
    outcome === "next_round"
      ? "next_round"
      : outcome === "offer"
        ? "offer"
        : outcome === "reject"
          ? "reject"
          : outcome === "open"
            ? b.weighted<Decision | null>([
                [60, null],
                [20, "hold"],
                [20, "next_round"],
              ])
            : null;
  const recommendation =
    decision === "next_round" || decision === "offer"
      ? b.weighted<Recommendation>([
          [45, "strong_yes"],
          [55, "yes"],
        ])
      : decision === "reject"
        ? b.weighted<Recommendation>([
            [60, "no"],
            [30, "definitely_not"],
            [10, "no_decision"],
          ])
        : b.weighted<Recommendation>([
            [40, "yes"],
            [35, "no_decision"],
            [25, "no"],
          ]);
  b.addFeedback(iv, {
    contact,
    receivedAt: b.clock.after(iv.row.endsAt, b.int(18, 70)),
    recommendation,
    decision,
    channel: b.weighted<"call" | "email">([
      [70, "call"],
      [30, "email"],
    ]),
    takeaways: b.pick(TAKEAWAYS),
    sharedSummary: decision === "reject" ? SHARED_SUMMARIES[2] : b.pick(SHARED_SUMMARIES.filter((_, i) => i !== 2)),
    internalNotes: b.pick(INTERNAL_NOTES),
    ratings: SCORECARD.map(() => (b.chance(0.75) ? ratingFor(b, recommendation) : null)),
  });
}

/** A few candidates logged the one allowed call on old rounds (rule 4). */
function addBulkCalls(b: FirmBuilder, howMany: number) {
  const { clock } = b;
  const eligible = b.interviews.filter(
    (iv) => iv.rawOffset < -25 && iv.debrief?.row.status === "submitted" && iv.debrief.row.expectedDecisionOn,
  );
  for (const iv of eligible.slice(0, howMany)) {
    const expected = iv.debrief!.row.expectedDecisionOn!;
    const allowedFrom = clock.bd(dateAtLocalHour(expected, BUSINESS_DAY_START_HOUR, clock.zone), 3);
    const calledAt = clock.earlier(new Date(allowedFrom.getTime() + b.int(1, 6) * HOUR), clock.after(iv.row.endsAt, 24 * 9));
    const contact = iv.contacts[0] ?? null;
    b.addCall(iv, contact, calledAt, `Spoke to ${contact?.name ?? "the interviewer"}; they are still deciding.`);
  }
}

// ---------------------------------------------------------------------------
// Northwind Talent Partners: the demo firm and its story
// ---------------------------------------------------------------------------

function login(email: string): DemoLogin {
  const found = DEMO_LOGINS.find((l) => l.email === email);
  if (!found) throw new Error(`seed: no demo login ${email}`);
  return found;
}

function buildNorthwind(b: FirmBuilder): () => DemoStory {
  const { clock } = b;
  const staff = (email: string) => {
    const l = login(email);
    return b.addUser(l.name, l.email, l.role);
  };
  const olivia = staff("admin@northwind.example");
  const jordan = staff("jordan.ellis@northwind.example");
  const sam = staff("sam.whitaker@northwind.example");

  const helix = b.addClient("Helix Cloud Systems", "Cloud infrastructure", "helixcloud.example", [
    "Talent Acquisition Partner",
    "Engineering Manager, Platform",
    "Senior Staff Engineer",
    "VP Engineering",
  ]);
  const meridian = b.addClient("Meridian Health Partners", "Healthcare", "meridianhealth.example", [
    "Director of IT",
    "HR Business Partner",
    "PMO Lead",
  ]);
  const copperline = b.addClient("Copperline Logistics", "Logistics", "copperline.example", [
    "Operations Director",
    "Recruiting Coordinator",
  ]);
  const brightwater = b.addClient("Brightwater Financial", "Financial services", "brightwater.example", [
    "Chief Compliance Officer",
    "Talent Acquisition Manager",
    "Senior Counsel",
  ]);
  const northstar = b.addClient("Northstar Robotics", "Industrial automation", "northstar-robotics.example", [
    "Head of Controls Engineering",
    "People Operations Lead",
    "Principal Engineer",
  ]);
  const lumen = b.addClient("Lumen Retail Group", "Retail", "lumenretail.example", [
    "VP Digital",
    "Recruiter",
    "Director of Store Operations",
  ]);
  const cascade = b.addClient("Cascade Energy", "Energy", "cascade-energy.example", [
    "Data Platform Lead",
    "HR Generalist",
    "Field Services Manager",
  ]);
  const pinegrove = b.addClient("Pinegrove Software", "B2B software", "pinegrove.example", [
    "CTO",
    "Talent Partner",
    "Director of Solutions",
  ]);

  const cloudJob = b.addJob(helix, "Senior Cloud Engineer", "Boston, MA (hybrid)", "open", jordan);
  b.addJob(helix, "Site Reliability Engineer", "Remote (US)", "open", sam);
  const pmJob = b.addJob(meridian, "IT Project Manager", "Hartford, CT", "open", jordan);
  b.addJob(meridian, "Clinical Data Analyst", "Hartford, CT", "open", sam);
  b.addJob(copperline, "Operations Manager", "Newark, NJ", "open", sam);
  b.addJob(copperline, "Supply Chain Analyst", "Newark, NJ", "on_hold", sam);
  const complianceJob = b.addJob(brightwater, "Compliance Officer", "New York, NY", "open", jordan);
  b.addJob(brightwater, "Financial Analyst", "New York, NY", "filled", olivia);
  const controlsJob = b.addJob(northstar, "Controls Engineer", "Pittsburgh, PA", "open", jordan);
  b.addJob(northstar, "Manufacturing Engineer", "Pittsburgh, PA", "open", sam);
  b.addJob(lumen, "E-commerce Product Manager", "Remote (US)", "open", sam);
  b.addJob(lumen, "Store Operations Director", "Philadelphia, PA", "closed", olivia);
  const dataJob = b.addJob(cascade, "Data Engineer", "Denver, CO (hybrid)", "open", jordan);
  b.addJob(cascade, "Field Service Supervisor", "Denver, CO", "on_hold", sam);
  const architectJob = b.addJob(pinegrove, "Solutions Architect", "Remote (US)", "open", jordan);

  // The story's people first, then everyone else.
  const maya = b.addCandidate({
    first: "Maya",
    last: "Chen",
    email: login("maya.chen@mail.example").email,
    headline: "Cloud engineer — AWS, Terraform, Kubernetes",
    location: "Boston, MA",
  });
  const daniel = b.addCandidate({
    first: "Daniel",
    last: "Brooks",
    email: login("daniel.brooks@mail.example").email,
    headline: "Controls engineer — PLC, Siemens, Rockwell",
    location: "Pittsburgh, PA",
  });
  const marcus = b.addCandidate({
    first: "Marcus",
    last: "Webb",
    email: login("marcus.webb@mail.example").email,
    headline: "IT project manager, PMP, healthcare systems",
    location: "Hartford, CT",
  });
  const elena = b.addCandidate({
    first: "Elena",
    last: "Petrova",
    email: "elena.petrova@inbox.example",
    headline: "Compliance officer, broker-dealer and AML",
    location: "New York, NY",
  });
  const mayaUser = b.addUser(maya.name, maya.email, "candidate", maya);
  b.addUser(daniel.name, daniel.email, "candidate", daniel);
  const marcusUser = b.addUser(marcus.name, marcus.email, "candidate", marcus);
  const bulk = Array.from({ length: 56 }, () => b.addCandidate({}));

  const scoreAll = (r: Rating): Rating[] => SCORECARD.map(() => r);
  const offsetOf = (d: Date) => clock.offsetOf(d);

  // --- Maya at Helix, Senior Cloud Engineer: story (a), and her thank-you notes due today.
  const [helixTA, helixHM, helixStaff] = [helix.contacts[0]!, helix.contacts[1]!, helix.contacts[2]!];
  const friday = clock.at(clock.nextDow(5), 12);
  const fridayKey = clock.keyOf(friday);
  const appA = b.addApplication(maya, cloudJob, [
    ["sourced", clock.at(-21, 11)],
    ["submitted", clock.at(-19, 15, 30)],
    ["interviewing", clock.at(-13, 10)],
  ]);
  const aScreenDay = clock.workday(-11);
  const aScreen = b.addInterview(appA, {
    kind: "phone_screen",
    startsAt: clock.at(aScreenDay, 11),
    minutes: 30,
    status: "completed",
    contacts: [helixTA],
    rawOffset: -11,
  });
  b.addDebrief(aScreen, {
    status: "submitted",
    submissions: [clock.at(aScreenDay, 15, 10)],
    reviewedAt: clock.at(aScreenDay + 1, 9, 40),
    lastSavedAt: clock.at(aScreenDay, 15, 10),
    fields: {
      overallImpression: 4,
      interestLevel: 5,
      wentWell: "Easy conversation; the role is mostly platform work on AWS, which is what I want.",
      concerns: "",
      questionsAsked: "Walk me through your current stack. Why are you looking? Salary expectations?",
      timelineGiven: "yes",
      timelineDetails: "Next step would be an onsite with the platform team within two weeks.",
      askedToCall: false,
      invitedBack: false,
      availability: "Any afternoon.",
    },
    people: [{ contact: helixTA, sentAt: clock.at(aScreenDay, 13, 5), channel: "email" }],
  });
  b.addFeedback(aScreen, {
    contact: helixTA,
    receivedAt: clock.at(aScreenDay + 1, 16, 20),
    recommendation: "strong_yes",
    decision: "next_round",
    takeaways: "Clear, motivated, exactly the AWS depth the platform team asked for.",
    sharedSummary: "They enjoyed the call and want you to meet the platform team.",
    ratings: scoreAll("yes"),
  });
  const onsite = b.addInterview(appA, {
    kind: "onsite",
    startsAt: clock.at(-1, 15),
    minutes: 150,
    status: "completed",
    contacts: [helixHM, helixStaff],
    rawOffset: -1,
    notes: "Onsite at the Boston office: system design with the platform team, then the hiring manager.",
  });
  const filedAt = clock.at(-1, 21, 40);
  const filed = b.addDebrief(onsite, {
    status: "submitted",
    submissions: [filedAt],
    reviewedAt: null,
    lastSavedAt: filedAt,
    fields: {
      overallImpression: 4,
      interestLevel: 5,
      wentWell: `The system design round went really well: most of it was multi-region failover for their control plane, which is exactly what I built at my last job. Good rapport with ${helixStaff.name}.`,
      concerns: "I rambled on the question about on-call load and did not give numbers.",
      questionsAsked:
        "Design a multi-region failover for a Kubernetes control plane. How do you keep Terraform state sane across 40 accounts? Why Helix, why now?",
      notMentioned: "AWS Solutions Architect – Professional certification",
      timelineGiven: "yes",
      timelineDetails: `${helixHM.name} promised a decision by Friday (${clock.label(friday)}).`,
      expectedDecisionOn: fridayKey,
      askedToCall: false,
      callBy: null,
      invitedBack: false,
      invitedBackDetails: "",
      salaryDiscussed: "Band is $165–185k base; I said $180k is my number.",
      otherProcesses: "Final round with another company next Thursday.",
      availability: "Could start with four weeks' notice.",
      notesForRecruiter:
        "I completely forgot to mention my AWS Professional certification. Can you slip it in when you talk to them?",
    },
    people: [
      { contact: helixHM, sentAt: null },
      { contact: helixStaff, sentAt: null },
    ],
  });

  // --- Maya at Pinegrove, Solutions Architect: every step done, nothing to do but wait.
  const pgDirector = pinegrove.contacts[2]!;
  const appB = b.addApplication(maya, architectJob, [
    ["sourced", clock.at(-30, 10)],
    ["submitted", clock.at(-27, 14)],
    ["interviewing", clock.at(-10, 9, 30)],
  ]);
  const bDay = clock.workday(-6);
  const video = b.addInterview(appB, {
    kind: "video",
    startsAt: clock.at(bDay, 14),
    minutes: 60,
    status: "completed",
    contacts: [pgDirector],
    rawOffset: -6,
  });
  const waitingDebrief = b.addDebrief(video, {
    status: "submitted",
    submissions: [clock.at(bDay, 19, 45)],
    reviewedAt: clock.at(bDay + 1, 10, 15),
    lastSavedAt: clock.at(bDay, 19, 45),
    fields: {
      overallImpression: 4,
      interestLevel: 4,
      wentWell: "We went deep on the integration patterns I used at my last job; they took notes.",
      concerns: "Lots of customer-facing travel, maybe 30%.",
      questionsAsked: "How would you run a discovery call with a skeptical CIO? Tell us about a deal you lost.",
      timelineGiven: "yes",
      timelineDetails: "They are meeting two more candidates and will come back through Jordan; no date given.",
      expectedDecisionOn: null,
      askedToCall: false,
      invitedBack: false,
      otherProcesses: "Helix onsite coming up.",
    },
    people: [{ contact: pgDirector, sentAt: clock.at(bDay, 17, 20), channel: "email" }],
  });
  b.addFeedback(video, {
    contact: pgDirector,
    receivedAt: clock.at(bDay + 2, 11),
    recommendation: "yes",
    decision: null,
    takeaways: "Strong on integrations; want to compare with two others before deciding.",
    sharedSummary: "They liked your integration examples and will finish their other interviews before deciding.",
    ratings: scoreAll("yes"),
  });

  // --- Maya at Cascade, Data Engineer: an old rejection.
  const cDay = clock.workday(-48);
  const appC = b.addApplication(
    maya,
    dataJob,
    [
      ["sourced", clock.at(cDay - 9, 10)],
      ["submitted", clock.at(cDay - 7, 16)],
      ["interviewing", clock.at(cDay - 3, 11)],
      ["rejected", clock.at(cDay + 3, 15)],
    ],
    "Client chose a candidate with more streaming experience",
  );
  const cScreen = b.addInterview(appC, {
    kind: "phone_screen",
    startsAt: clock.at(cDay, 10),
    minutes: 30,
    status: "completed",
    contacts: [cascade.contacts[0]!],
    rawOffset: -48,
  });
  b.addDebrief(cScreen, {
    status: "submitted",
    submissions: [clock.at(cDay, 18)],
    reviewedAt: clock.at(cDay + 1, 9),
    lastSavedAt: clock.at(cDay, 18),
    fields: { overallImpression: 3, interestLevel: 3, wentWell: "Friendly call.", timelineGiven: "no" },
    people: [{ contact: cascade.contacts[0]!, sentAt: clock.at(cDay, 15), channel: "linkedin" }],
  });
  cScreen.timelineObtainedAt = clock.at(cDay + 1, 14);
  b.addFeedback(cScreen, {
    contact: cascade.contacts[0]!,
    receivedAt: clock.at(cDay + 2, 16),
    recommendation: "no",
    decision: "reject",
    takeaways: "Good engineer, but the team needs Kafka and Flink depth.",
    sharedSummary: SHARED_SUMMARIES[2],
    ratings: scoreAll("mixed"),
  });

  // --- (b) Daniel at Northstar, Controls Engineer: yesterday's interview, no debrief yet.
  const [nsHead, , nsPrincipal] = [northstar.contacts[0]!, northstar.contacts[1]!, northstar.contacts[2]!];
  const appD = b.addApplication(daniel, controlsJob, [
    ["sourced", clock.at(-24, 10)],
    ["submitted", clock.at(-22, 13)],
    ["interviewing", clock.at(-15, 9)],
  ]);
  const dDay = clock.workday(-12);
  const dScreen = b.addInterview(appD, {
    kind: "phone_screen",
    startsAt: clock.at(dDay, 10),
    minutes: 30,
    status: "completed",
    contacts: [nsHead],
    rawOffset: -12,
  });
  b.addDebrief(dScreen, {
    status: "submitted",
    submissions: [clock.at(dDay, 16, 30)],
    reviewedAt: clock.at(dDay + 1, 11),
    lastSavedAt: clock.at(dDay, 16, 30),
    fields: {
      overallImpression: 4,
      interestLevel: 4,
      wentWell: "Good technical back-and-forth on Siemens TIA Portal.",
      timelineGiven: "yes",
      timelineDetails: "A video round with the principal engineer next.",
    },
    people: [{ contact: nsHead, sentAt: clock.at(dDay, 14), channel: "email" }],
  });
  b.addFeedback(dScreen, {
    contact: nsHead,
    receivedAt: clock.at(dDay + 2, 10),
    recommendation: "yes",
    decision: "next_round",
    takeaways: "Knows the hardware; check how he handles ambiguity.",
    ratings: scoreAll("yes"),
  });
  const yesterdays = b.addInterview(appD, {
    kind: "video",
    startsAt: clock.at(-1, 10),
    minutes: 60,
    status: "completed",
    contacts: [nsHead, nsPrincipal],
    rawOffset: -1,
  });

  // --- (c) Elena at Brightwater, Compliance Officer: the client's feedback is two days overdue.
  const feedbackDue = lastBusinessDayOnOrBefore(clock.at(-2, 16), clock.zone, clock.holidays);
  const panelEnd = clock.bd(feedbackDue, -2);
  const appE = b.addApplication(elena, complianceJob, [
    ["sourced", clock.at(-26, 10)],
    ["submitted", clock.at(-24, 15)],
    ["interviewing", clock.at(-16, 11)],
  ]);
  const eDay = clock.workday(-14);
  const eScreen = b.addInterview(appE, {
    kind: "phone_screen",
    startsAt: clock.at(eDay, 9, 30),
    minutes: 30,
    status: "completed",
    contacts: [brightwater.contacts[1]!],
    rawOffset: -14,
  });
  b.addDebrief(eScreen, {
    status: "submitted",
    submissions: [clock.at(eDay, 12)],
    reviewedAt: clock.at(eDay, 15),
    lastSavedAt: clock.at(eDay, 12),
    fields: { overallImpression: 4, interestLevel: 5, wentWell: "Clear fit with their AML programme.", timelineGiven: "yes" },
    people: [{ contact: brightwater.contacts[1]!, sentAt: clock.at(eDay, 11), channel: "email" }],
  });
  b.addFeedback(eScreen, {
    contact: brightwater.contacts[1]!,
    receivedAt: clock.at(eDay + 1, 10),
    recommendation: "strong_yes",
    decision: "next_round",
    ratings: scoreAll("strong_yes"),
  });
  const panel = b.addInterview(appE, {
    kind: "panel",
    startsAt: new Date(panelEnd.getTime() - 90 * MINUTE),
    minutes: 90,
    status: "completed",
    contacts: [brightwater.contacts[0]!, brightwater.contacts[2]!, brightwater.contacts[1]!],
    rawOffset: offsetOf(panelEnd),
  });
  const panelFiled = new Date(panelEnd.getTime() + 4.5 * HOUR);
  b.addDebrief(panel, {
    status: "submitted",
    submissions: [panelFiled],
    reviewedAt: new Date(panelFiled.getTime() + 14 * HOUR),
    lastSavedAt: panelFiled,
    fields: {
      overallImpression: 5,
      interestLevel: 5,
      wentWell: "The panel was warm; the CCO walked me through their exam findings and asked how I would fix them.",
      concerns: "Senior Counsel pushed hard on my lack of crypto-asset experience.",
      timelineGiven: "yes",
      timelineDetails: "They will decide after checking references; no date given.",
      expectedDecisionOn: null,
    },
    people: [brightwater.contacts[0]!, brightwater.contacts[2]!, brightwater.contacts[1]!].map((contact, i) => ({
      contact,
      sentAt: new Date(panelEnd.getTime() + (2 + i * 0.25) * HOUR),
      channel: "email" as const,
    })),
  });

  // --- (d) Marcus at Meridian, IT Project Manager: he has called the interviewer twice.
  const meridianDirector = meridian.contacts[0]!;
  const firstCall = clock.bd(clock.at(0, 10, 20), -2);
  const secondCall = clock.bd(clock.at(0, 14, 45), -1);
  const promised = clock.bd(clock.at(0, 12), -5);
  const mEnd = clock.bd(clock.at(0, 16), -9);
  const appM = b.addApplication(marcus, pmJob, [
    ["sourced", clock.at(-32, 10)],
    ["submitted", clock.at(-30, 15)],
    ["interviewing", clock.at(-24, 9)],
  ]);
  const mDay = clock.workday(-20);
  const mScreen = b.addInterview(appM, {
    kind: "phone_screen",
    startsAt: clock.at(mDay, 13),
    minutes: 30,
    status: "completed",
    contacts: [meridian.contacts[1]!],
    rawOffset: -20,
  });
  b.addDebrief(mScreen, {
    status: "submitted",
    submissions: [clock.at(mDay, 17)],
    reviewedAt: clock.at(mDay + 1, 9, 30),
    lastSavedAt: clock.at(mDay, 17),
    fields: { overallImpression: 4, interestLevel: 4, wentWell: "Good fit on the Epic migration.", timelineGiven: "yes" },
    people: [{ contact: meridian.contacts[1]!, sentAt: clock.at(mDay, 15), channel: "email" }],
  });
  b.addFeedback(mScreen, {
    contact: meridian.contacts[1]!,
    receivedAt: clock.at(mDay + 1, 15),
    recommendation: "yes",
    decision: "next_round",
    ratings: scoreAll("yes"),
  });
  const mOnsite = b.addInterview(appM, {
    kind: "onsite",
    startsAt: new Date(mEnd.getTime() - 3 * HOUR),
    minutes: 180,
    status: "completed",
    contacts: [meridianDirector, meridian.contacts[2]!],
    rawOffset: offsetOf(mEnd),
  });
  const mFiled = new Date(mEnd.getTime() + 5 * HOUR);
  b.addDebrief(mOnsite, {
    status: "submitted",
    submissions: [mFiled],
    reviewedAt: new Date(mFiled.getTime() + 12.75 * HOUR),
    lastSavedAt: mFiled,
    fields: {
      overallImpression: 4,
      interestLevel: 5,
      wentWell: "Presented my Epic go-live plan; the PMO lead asked for a copy.",
      timelineGiven: "yes",
      timelineDetails: `${meridianDirector.name} said they would have an answer by ${clock.label(promised)}.`,
      expectedDecisionOn: clock.keyOf(promised),
      askedToCall: false,
    },
    people: [meridianDirector, meridian.contacts[2]!].map((contact) => ({
      contact,
      sentAt: new Date(mEnd.getTime() + 2 * HOUR),
      channel: "email" as const,
    })),
  });
  b.addFeedback(mOnsite, {
    contact: meridianDirector,
    receivedAt: clock.bd(new Date(mEnd.getTime() - HOUR), 1),
    recommendation: "yes",
    decision: null,
    takeaways: "Liked him; still interviewing two others before deciding.",
    sharedSummary: "They liked your go-live plan and are finishing their other interviews.",
    ratings: scoreAll("yes"),
  });
  const callIds = [
    b.addCall(mOnsite, meridianDirector, firstCall, `Called ${meridianDirector.name}: still deciding, will know more soon.`),
    b.addCall(mOnsite, meridianDirector, secondCall, `Called ${meridianDirector.name} again; went to voicemail.`),
  ];

  // --- Everyone else.
  const appsPerCandidate = b.f.helpers.shuffle([
    ...Array<number>(14).fill(1),
    ...Array<number>(26).fill(2),
    ...Array<number>(16).fill(3),
  ]);
  generatePipeline(b, {
    candidates: bulk,
    appsPerCandidate,
    stages: { sourced: 14, submitted: 18, interviewing: 37, offer: 10, placed: 9, rejected: 18, withdrawn: 8 },
    jobs: b.jobs,
    todaySlots: 2,
  });
  addBulkCalls(b, 2);

  // --- Next steps made by hand.
  const byStage = (stage: Stage) => b.apps.filter((a) => a.stage === stage && !a.candidate.userId);
  const interviewing = byStage("interviewing");
  const upcoming = interviewing.filter((a) => a.interviews.some((iv) => iv.row.status === "scheduled"));
  const [offer1, offer2] = byStage("offer");
  const [placed1] = byStage("placed");
  const [rejected1] = byStage("rejected");
  const label = (a: AppMeta) => ({ c: a.candidate.name.split(" ")[0]!, client: a.job.client.name, job: a.job.title });
  b.addManualTask({
    title: `Talk to Marcus about calling ${meridian.name} again`,
    details: "He has called the interviewer twice; one call is the limit. Reassure him we are chasing the decision.",
    owner: jordan,
    app: appM,
    dueAt: clock.at(0, 12),
    state: "open",
    createdAt: clock.after(secondCall, 1),
  });
  b.addManualTask({
    title: `Send Maya's updated résumé to ${helix.name}`,
    owner: jordan,
    app: appA,
    dueAt: clock.at(-15, 17),
    state: "done",
    createdAt: clock.at(-17, 9),
    completedAt: clock.at(-15, 11),
  });
  const manual: [AppMeta | undefined, (l: ReturnType<typeof label>) => string, Date | null, "open" | "done" | "skipped"][] = [
    [upcoming[0], (l) => `Prep ${l.c} for the ${l.client} interview`, clock.at(0, 16), "open"],
    [upcoming[1], (l) => `Share interview tips with ${l.c} before the ${l.client} round`, clock.at(-1, 17), "open"],
    [interviewing[2], (l) => `Ask ${l.client} whether the ${l.job} role can be hybrid`, clock.at(-3, 12), "open"],
    [offer1, (l) => `Check references for ${l.c}`, clock.at(2, 17), "open"],
    [offer2, (l) => `Send ${l.c} the written offer from ${l.client}`, clock.at(-4, 17), "done"],
    [placed1, (l) => `Confirm ${l.c}'s start date with ${l.client}`, clock.at(-10, 17), "done"],
    [interviewing[3], (l) => `Call ${l.c} about the ${l.client} salary band`, clock.at(-6, 12), "skipped"],
    [rejected1, (l) => `Reconnect with ${l.c} about new roles`, clock.at(20, 10), "open"],
    [interviewing[4], (l) => `Update ${l.client} on the shortlist for ${l.job}`, clock.at(1, 12), "open"],
  ];
  for (const [app, title, dueAt, state] of manual) {
    if (!app) continue;
    b.addManualTask({
      title: title(label(app)),
      owner: app.recruiter,
      app,
      dueAt,
      state,
      createdAt: new Date(Math.min((dueAt ?? clock.now).getTime(), clock.now.getTime()) - 3 * DAY),
      completedAt: state === "open" ? undefined : clock.earlier(dueAt ?? clock.now, clock.now),
    });
  }

  // --- A handful of audit events.
  b.addAudit(olivia, "membership.invited", "membership", null, clock.at(-410, 10), { email: jordan.email, role: "recruiter" });
  b.addAudit(olivia, "membership.invited", "membership", null, clock.at(-405, 10), { email: sam.email, role: "recruiter" });
  b.addAudit(olivia, "firm.policy_updated", "firm", b.firmId, clock.at(-30, 9, 15), {
    timeZone: [null, clock.zone],
    holidays: [[], clock.holidays],
  });
  b.addAudit(olivia, "scorecard.attribute_created", "scorecard_attribute", b.attributeIds[5]!, clock.at(-29, 14), {
    name: SCORECARD[5]!.name,
  });
  b.addAudit(jordan, "candidate.invited", "candidate", maya.id, clock.at(-20, 12), { email: maya.email });
  b.addAudit(jordan, "application.stage_changed", "application", appA.id, clock.at(-13, 10), {
    stage: ["submitted", "interviewing"],
  });
  b.addAudit(jordan, "debrief.reviewed", "debrief", aScreen.debrief!.row.id, clock.at(aScreenDay + 1, 9, 40));
  b.addAudit(jordan, "feedback.recorded", "interviewer_feedback", aScreen.feedback[0]!.id, clock.at(aScreenDay + 1, 16, 20), {
    recommendation: "strong_yes",
    decision: "next_round",
  });
  b.addAudit(marcusUser, "call.logged", "call_log", callIds[0]!, firstCall);
  b.addAudit(marcusUser, "call.logged", "call_log", callIds[1]!, secondCall);
  b.addAudit(mayaUser, "debrief.submitted", "debrief", filed.row.id, filedAt, { version: 1 });
  if (placed1) {
    b.addAudit(placed1.recruiter, "application.stage_changed", "application", placed1.id, clock.at(-9, 15), {
      stage: ["offer", "placed"],
    });
  }

  return () => {
    const callAllowed = clock.bd(dateAtLocalHour(fridayKey, BUSINESS_DAY_START_HOUR, clock.zone), 3);
    return {
      recruiterUserId: jordan.id,
      storyCandidateId: maya.id,
      storyCandidateUserId: mayaUser.id,
      filedLastNight: { interviewId: onsite.row.id, debriefId: filed.row.id, expectedDecisionOn: fridayKey },
      thankYouNotesDue: {
        interviewId: onsite.row.id,
        taskIds: [helixHM, helixStaff].map((c) => onsite.taskIds.get(`thank_you:${c.id}`)!),
      },
      callAllowedOn: clock.keyOf(callAllowed),
      waiting: { interviewId: video.row.id, debriefId: waitingDebrief.row.id },
      noDebriefYet: { interviewId: yesterdays.row.id },
      feedbackOverdue: {
        interviewId: panel.row.id,
        taskId: panel.taskIds.get("collect_feedback")!,
        clientName: brightwater.name,
      },
      calledTwice: { interviewId: mOnsite.row.id, callLogIds: callIds },
    };
  };
}

// ---------------------------------------------------------------------------
// Bluestone Staffing: a second, smaller firm
// ---------------------------------------------------------------------------

function buildBluestone(b: FirmBuilder) {
  const { clock } = b;
  const grace = b.addUser("Grace Liu", login("admin@bluestone.example").email, "admin");
  const tom = b.addUser("Tom Alvarez", `tom.alvarez@${SECOND_FIRM.domain}`, "recruiter");
  const ironbridge = b.addClient("Ironbridge Construction", "Construction", "ironbridge.example", [
    "Project Director",
    "HR Manager",
  ]);
  const tidewater = b.addClient("Tidewater Foods", "Food manufacturing", "tidewaterfoods.example", [
    "Plant Manager",
    "Quality Director",
  ]);
  b.addJob(ironbridge, "Project Engineer", "Charlotte, NC", "open", tom);
  b.addJob(ironbridge, "Site Safety Manager", "Charlotte, NC", "open", tom);
  b.addJob(tidewater, "Quality Assurance Lead", "Norfolk, VA", "open", grace);
  const candidates = Array.from({ length: 8 }, () => b.addCandidate({}));
  generatePipeline(b, {
    candidates,
    appsPerCandidate: [1, 2, 1, 2, 1, 2, 1, 2],
    stages: { sourced: 2, submitted: 2, interviewing: 4, offer: 1, placed: 1, rejected: 1, withdrawn: 1 },
    jobs: b.jobs,
    todaySlots: 1,
  });
  const app = b.apps.find((a) => a.stage === "interviewing");
  if (app) {
    b.addManualTask({
      title: `Prep ${app.candidate.name.split(" ")[0]} for the ${app.job.client.name} interview`,
      owner: app.recruiter,
      app,
      dueAt: clock.at(1, 12),
      state: "open",
      createdAt: clock.at(-2, 10),
    });
  }
  b.addAudit(grace, "membership.invited", "membership", null, clock.at(-200, 10), { email: tom.email, role: "recruiter" });
  b.addAudit(grace, "firm.policy_updated", "firm", b.firmId, clock.at(-60, 9), { thankYouWithinHours: [24, 24] });
}
