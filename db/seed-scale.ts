/**
 * Benchmark-scale data (`npm run db:seed -- --scale N`): one firm with N
 * candidates and proportional clients, jobs, applications, interviews,
 * debriefs, feedback and tasks, plus optionally a number of small firms beside
 * it (the benchmark's tier M: 200,000 candidates and ~1,000,000 interviews
 * beside 19 small firms).
 *
 * Every row is made inside PostgreSQL by `INSERT … SELECT … FROM
 * generate_series(…)` in batches, never row by row from JS, so it runs on the
 * embedded PGlite and on a real server alike, in minutes.
 *
 * No joins are needed to find the rows a row refers to: every id is a pure
 * function of (table, sequence number), so an interview computes its
 * application's id from the application's number. Ids are UUID v7 (RFC 9562,
 * "fixed-length dedicated counter" method): the load's millisecond timestamp,
 * version 7, a table code, the variant, a random per-firm salt, then the row's
 * sequence number as the counter, so inside one table they ascend and the
 * primary-key indexes stay append-only while loading. Every "random" choice is
 * `hashint8extended(seq, k)`, so a firm's shape is repeatable.
 */
import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/platform/password";
import type { Database } from "./client";
import { DEFAULT_POLICY } from "./schema/firms";

/** The password of every account in benchmark firms. */
export const BENCH_PASSWORD = "afterview-bench-2026";

export type ScaleOptions = {
  /** Interviews per candidate (default 5: 100,000 candidates → ~500,000 interviews). */
  interviewsPerCandidate?: number;
  /** Small benchmark firms to add beside the big one (default 0). */
  smallFirms?: number;
  /** Candidates in each small firm (default 300). */
  smallFirmCandidates?: number;
  /** Candidates with sign-in accounts in each firm (default 20). */
  candidateAccounts?: number;
  now?: Date;
  /** Progress lines (default: console.log). */
  log?: (line: string) => void;
};

export type ScaleFirm = {
  firmId: string;
  name: string;
  slug: string;
  candidates: number;
  adminEmail: string;
  recruiterEmails: string[];
  /** Candidates with sign-in accounts. */
  candidateEmails: string[];
  /** Rows inserted per table. */
  rows: Record<string, number>;
  seconds: number;
};

export type ScaleSummary = {
  firm: ScaleFirm;
  smallFirms: ScaleFirm[];
  password: string;
  seconds: number;
};

/** Adds one benchmark firm (`isBenchmark`) with `candidatesCount` candidates, and optionally small ones. */
export async function seedScale(
  database: Database,
  candidatesCount: number,
  opts: ScaleOptions = {},
): Promise<ScaleSummary> {
  if (!Number.isInteger(candidatesCount) || candidatesCount < 1) {
    throw new RangeError("The number of candidates must be a whole number ≥ 1.");
  }
  const ipc = opts.interviewsPerCandidate ?? 5;
  if (!(ipc > 0 && ipc <= 25)) throw new RangeError("Interviews per candidate must be above 0 and at most 25.");
  const log = opts.log ?? ((line: string) => console.log(line));
  const now = opts.now ?? new Date();
  const started = Date.now();
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const { sessions, release } = await openSessions(database);
  try {
    const common = { ipc, now, log, passwordHash, accounts: opts.candidateAccounts ?? 20, sessions };
    const firm = await seedFirm(database, { ...common, candidates: candidatesCount, label: "benchmark firm" });
    const smallFirms: ScaleFirm[] = [];
    const smallCount = opts.smallFirms ?? 0;
    for (let i = 1; i <= smallCount; i++) {
      smallFirms.push(
        await seedFirm(database, {
          ...common,
          candidates: opts.smallFirmCandidates ?? 300,
          label: `small benchmark firm ${i} of ${smallCount}`,
          quiet: true,
        }),
      );
    }
    if (smallCount > 0) {
      const rows = smallFirms.reduce((n, f) => n + Object.values(f.rows).reduce((a, b) => a + b, 0), 0);
      log(`Added ${smallCount} small benchmark firms (${rows.toLocaleString("en-US")} rows).`);
    }
    log("Updating planner statistics…");
    for (const table of ANALYZED_TABLES) await database.query(`analyze ${table}`);
    return { firm, smallFirms, password: BENCH_PASSWORD, seconds: (Date.now() - started) / 1000 };
  } finally {
    release();
  }
}

/**
 * On a real server: two dedicated connections (the load is CPU-bound in the
 * server, and these machines have two cores), with JIT off — compiling these
 * large expressions costs more than it saves — and asynchronous commit, which
 * only risks losing the last moments of a load that can be rerun anyway.
 * PGlite is one session.
 */
async function openSessions(database: Database): Promise<{ sessions: Query[]; release: () => void }> {
  const pool = database.pool;
  if (!pool) return { sessions: [database.query], release: () => {} };
  const clients = await Promise.all([pool.connect(), pool.connect()]);
  const sessions: Query[] = [];
  for (const client of clients) {
    await client.query("set jit = off");
    await client.query("set synchronous_commit = off");
    sessions.push(async <T,>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[]);
  }
  return {
    sessions,
    release: () => {
      for (const client of clients) client.release(true);
    },
  };
}

const ANALYZED_TABLES = [
  "users",
  "memberships",
  "clients",
  "contacts",
  "jobs",
  "candidates",
  "scorecard_attributes",
  "applications",
  "application_stage_changes",
  "interviews",
  "interview_participants",
  "debriefs",
  "debrief_versions",
  "debrief_people",
  "interviewer_feedback",
  "feedback_ratings",
  "call_logs",
  "tasks",
];

// ---------------------------------------------------------------------------
// Ids
// ---------------------------------------------------------------------------

/** Table codes: three hex digits inside the id, so ids of different tables never meet. */
const T = {
  user: 0x001,
  membership: 0x002,
  client: 0x010,
  contact: 0x011,
  job: 0x012,
  candidate: 0x013,
  attribute: 0x014,
  application: 0x020,
  stageChange: 0x021,
  interview: 0x030,
  debrief: 0x040,
  version: 0x041,
  person: 0x042,
  feedback: 0x050,
  call: 0x060,
  task: 0x070,
} as const;

/** Interview sequence number = application number × ROUND_SLOTS + round. */
const ROUND_SLOTS = 64;

class Ids {
  /** 7 random hex digits: one firm's ids differ from another's. */
  readonly salt = randomBytes(4).toString("hex").slice(0, 7);
  /** The 48-bit millisecond timestamp of every id of this load. */
  private readonly ms: string;

  constructor(now: Date) {
    this.ms = now.getTime().toString(16).padStart(12, "0");
  }

  /** Everything but the counter: timestamp, version 7, table code, variant, salt. */
  private prefix(code: number) {
    return `${this.ms}7${code.toString(16).padStart(3, "0")}8${this.salt}`;
  }

  /** The id of row `seq` (< 2^32) of a table, in SQL. */
  sql(code: number, seq: string): string {
    return `(${lit(this.prefix(code))} || lpad(to_hex((${seq})::int8), 8, '0'))::uuid`;
  }

  /** The same id, computed in JS. */
  js(code: number, seq: number): string {
    const hex = `${this.prefix(code)}${seq.toString(16).padStart(8, "0")}`;
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}

/** A repeatable pseudo-random non-negative integer (< 2^31) from a number and a stream. */
const h = (x: string, stream: number) => `(hashint8extended((${x})::int8, ${stream}) & 2147483647)`;

function lit(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function arr(items: readonly string[]): string {
  return `(ARRAY[${items.map(lit).join(",")}]::text[])`;
}

/** Element `i` (any integer expression ≥ 0) of a text array, wrapping around. */
function pick(items: readonly string[], i: string): string {
  return `${arr(items)}[1 + ((${i}) % ${items.length})::int]`;
}

// ---------------------------------------------------------------------------
// Word lists (small, indexed by sequence numbers)
// ---------------------------------------------------------------------------

const FIRST = [
  "Ava", "Liam", "Noah", "Emma", "Olivia", "Mason", "Sofia", "Lucas", "Mia", "Ethan",
  "Amara", "Kenji", "Priya", "Mateo", "Zoe", "Omar", "Hannah", "Diego", "Leah", "Arjun",
  "Chloe", "Samuel", "Nadia", "Jonah", "Isla", "Tariq", "Grace", "Felix", "Aisha", "Owen",
  "Elena", "Marcus", "Yara", "Theo", "Ruth", "Kofi", "Lena", "Daniel", "Maya", "Hugo",
];
const LAST = [
  "Garcia", "Smith", "Nguyen", "Johnson", "Patel", "Brown", "Kim", "Martinez", "Okafor", "Davis",
  "Chen", "Wilson", "Rossi", "Anderson", "Haddad", "Taylor", "Lopez", "Thomas", "Kowalski", "Moore",
  "Singh", "Jackson", "Silva", "White", "Cohen", "Harris", "Ibrahim", "Martin", "Novak", "Clark",
  "Walker", "Hughes", "Mensah", "Price", "Bennett", "Reyes", "Ward", "Sato", "Foster", "Brooks",
];
const CLIENT_ADJ = [
  "Harbor", "Summit", "Cedar", "Atlas", "Beacon", "Granite", "Meridian", "Northwind", "Silver", "Copper",
  "Bluebird", "Redwood", "Lakeside", "Ironwood", "Evergreen", "Sterling", "Crescent", "Horizon", "Pioneer", "Keystone",
];
const CLIENT_NOUN = [
  "Logistics", "Health", "Software", "Financial", "Robotics", "Energy", "Retail", "Foods", "Systems", "Analytics",
  "Manufacturing", "Insurance", "Media", "Biotech", "Construction", "Capital", "Labs", "Networks", "Partners", "Mobility",
];
const TITLES = [
  "Software Engineer", "Senior Software Engineer", "Data Engineer", "Data Analyst", "Product Manager",
  "Project Manager", "Operations Manager", "Financial Analyst", "Compliance Officer", "Controls Engineer",
  "Site Reliability Engineer", "Solutions Architect", "Account Executive", "HR Business Partner", "QA Lead",
];
const CONTACT_TITLES = ["Hiring Manager", "Talent Acquisition Partner", "Senior Engineer", "Director"];
const LOCATIONS = ["New York, NY", "Boston, MA", "Philadelphia, PA", "Pittsburgh, PA", "Denver, CO", "Remote (US)"];
const HEADLINES = ["Engineer", "Analyst", "Manager", "Architect", "Specialist", "Consultant"];
const WENT_WELL = [
  "Good rapport with the hiring manager.",
  "The technical exercise went smoothly.",
  "They liked my project examples.",
  "Strong conversation about the team's roadmap.",
];
const CONCERNS = ["", "Ran out of time on the last question.", "The salary range seems low.", ""];
const NOT_MENTIONED = ["My certification", "The cost-saving project", "Team leadership experience"];
const TAKEAWAYS = [
  "Solid fundamentals; wants more depth next round.",
  "Strong communicator.",
  "Light on domain experience.",
  "Exactly the profile the team asked for.",
];
const RATINGS = ["definitely_not", "no", "mixed", "yes", "strong_yes"];
const SCORECARD: [string, string][] = [
  ["Skills", "Technical depth"],
  ["Skills", "Problem solving"],
  ["Skills", "Domain knowledge"],
  ["Communication", "Clarity"],
  ["Communication", "Listening"],
  ["Communication", "Executive presence"],
  ["Fit", "Motivation for the role"],
  ["Fit", "Team fit"],
];

// ---------------------------------------------------------------------------
// One firm
// ---------------------------------------------------------------------------

type FirmJob = {
  candidates: number;
  ipc: number;
  now: Date;
  log: (line: string) => void;
  passwordHash: string;
  accounts: number;
  label: string;
  quiet?: boolean;
  /** Where statements run: one PGlite, or a few dedicated server connections loading in parallel. */
  sessions: Query[];
};

type Query = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

/** Rows of interviews per batch statement: big enough to amortise, small enough for PGlite's memory. */
const TARGET_BATCH_ROWS = 100_000;

async function seedFirm(database: Database, job: FirmJob): Promise<ScaleFirm> {
  const started = Date.now();
  const ids = new Ids(job.now);
  const N = job.candidates;
  const R = Math.max(2, Math.ceil(N / 2500));
  const C = Math.max(5, Math.floor(N / 500));
  const CONTACTS_PER_CLIENT = 4;
  const J = Math.max(5, Math.floor(N / 50));
  const A = Math.max(1, Math.round(N * 1.2));
  const accounts = Math.min(N, job.accounts);
  // 25% of applications (sourced, submitted) have no interviews; the rest share the interviews.
  const meanRounds = (job.ipc * N) / (A * 0.75);
  const roundSpread = Math.max(1, 2 * meanRounds - 1);
  if (Math.ceil(roundSpread) + 1 >= ROUND_SLOTS) throw new RangeError("Too many interviews per application.");
  const slug = `bench-${N}-${ids.salt}`;
  const domain = `${slug}.test`;
  const name = `Benchmark ${N.toLocaleString("en-US")} (${ids.salt})`;
  const firmId = ids.js(0xfff, 0);
  const NOW = `${lit(job.now.toISOString())}::timestamptz`;
  const F = `${lit(firmId)}::uuid`;
  const rows: Record<string, number> = {};
  const say = (line: string) => {
    if (!job.quiet) job.log(line);
  };
  say(`Adding ${job.label} "${name}": ${N.toLocaleString("en-US")} candidates, ~${Math.round(job.ipc * N).toLocaleString("en-US")} interviews`);

  const uid = (seq: string) => ids.sql(T.user, seq);
  const recruiterOf = (jobExpr: string) => uid(`1 + (${jobExpr}) % ${R}`);

  // Runs one INSERT per range, one per session at a time, and reports the table's rate.
  const load = async (table: string, ranges: [number, number][], statement: (lo: number, hi: number) => string) => {
    const t0 = Date.now();
    let total = 0;
    let next = 0;
    const worker = async (query: Query) => {
      while (next < ranges.length) {
        const [lo, hi] = ranges[next++]!;
        const result = await query<{ n: string | number }>(
          `with ins as (${statement(lo, hi)} returning 1) select count(*) as n from ins`,
        );
        total += Number(result[0]?.n ?? 0);
      }
    };
    await Promise.all(job.sessions.slice(0, ranges.length).map(worker));
    rows[table] = (rows[table] ?? 0) + total;
    const secs = (Date.now() - t0) / 1000;
    say(
      `  ${table.padEnd(26)} ${total.toLocaleString("en-US").padStart(11)} rows ${secs.toFixed(1).padStart(7)} s ${Math.round(total / Math.max(secs, 0.001)).toLocaleString("en-US").padStart(9)} rows/s`,
    );
  };
  const split = (count: number, size: number): [number, number][] => {
    const out: [number, number][] = [];
    for (let lo = 0; lo < count; lo += size) out.push([lo, Math.min(count, lo + size)]);
    return out;
  };

  // --- SQL fragments shared by the statements below. Column names: a (application
  // number), cand, job, stage, cnt (rounds), r (round), seq (interview number).
  const candName = (i: string) => `${pick(FIRST, i)} || ' ' || ${pick(LAST, `(${i}) / ${FIRST.length} + (${i})`)}`;
  const candidateEmail = (i: string) => `'candidate' || lpad((${i})::text, 6, '0') || ${lit(`@${domain}`)}`;
  const candidateUser = (i: string) => `CASE WHEN (${i}) < ${accounts} THEN ${uid(`${R + 1} + (${i})`)} END`;
  const contactFirst = (k: string) => pick(FIRST, `(${k}) * 7 + 3`);
  const contactLast = (k: string) => pick(LAST, `(${k}) * 11 + 5`);
  const contactOf = (seq: string, job: string, shift = "0") =>
    `(${job}) % ${C} * ${CONTACTS_PER_CLIENT} + (${h(seq, 9)} + ${shift}) % ${CONTACTS_PER_CLIENT}`;

  const appsBase = (lo: number, hi: number) => `
    select s2.*,
      s2.created + interval '1 day' as t_sub,
      s2.created + interval '36 hours' as t_int,
      s2.last_start + (case when s2.stage in ('offer', 'placed') then 3 else 2 end) * interval '1 day' as t_close,
      s2.last_start + interval '10 days' as t_placed,
      case s2.stage
        when 'sourced' then s2.created
        when 'submitted' then s2.created + interval '1 day'
        when 'interviewing' then s2.created + interval '36 hours'
        when 'placed' then s2.last_start + interval '10 days'
        when 'offer' then s2.last_start + interval '3 days'
        else s2.last_start + interval '2 days'
      end as changed_at
    from (
      select s1.*, s1.created + (2 + (greatest(s1.cnt, 1) - 1) * 4) * interval '1 day' as last_start
      from (
        select s0.*, ${NOW} - s0.d * interval '1 day' - (${h("s0.a", 5)} % 480) * interval '1 minute' as created
        from (
          select p1.*,
            case
              when p1.cnt = 0 then 1 + ${h("p1.a", 4)} % 60
              when p1.stage = 'interviewing' then greatest(2 + (p1.cnt - 1) * 4 - (${h("p1.a", 4)} % 21 - 10), 1)
              -- Older the lower the number (plus jitter), so one batch covers a narrow stretch of
              -- time and inserts into the time-keyed indexes stay local.
              else 2 + (p1.cnt - 1) * 4 + 3 + floor((1 - p1.a::float8 / ${A}) * 700)::int + ${h("p1.a", 4)} % 14
            end as d
          from (
            select p0.a, p0.a % ${N} as cand, (${h(`p0.a % ${N}`, 1)} + p0.a / ${N}) % ${J} as job,
              (case
                when p0.p < 10 then 'sourced' when p0.p < 25 then 'submitted' when p0.p < 60 then 'interviewing'
                when p0.p < 68 then 'offer' when p0.p < 76 then 'placed' when p0.p < 94 then 'rejected'
                else 'withdrawn'
              end)::application_stage as stage,
              case when p0.p < 25 then 0
                else 1 + floor((${h("p0.a", 3)} % 10000) / 10000.0 * ${roundSpread.toFixed(6)})::int
              end as cnt
            from (select a, ${h("a", 2)} % 100 as p from generate_series(${lo}::int8, ${hi - 1}::int8) a offset 0) p0
            offset 0
          ) p1
          offset 0
        ) s0
        offset 0
      ) s1
      offset 0
    ) s2
    offset 0`;

  const ivBase = (lo: number, hi: number) => `
    select i1.*, i1.starts_at + i1.minutes * interval '1 minute' as ends_at,
      (case
        when i1.starts_at + i1.minutes * interval '1 minute' > ${NOW} then 'scheduled'
        when ${h("i1.seq", 7)} % 100 < 92 then 'completed'
        when ${h("i1.seq", 7)} % 100 < 97 then 'cancelled'
        else 'no_show'
      end)::interview_status as status
    from (
      select ab.*, r, ab.a * ${ROUND_SLOTS} + r as seq,
        ab.created + (2 + (r - 1) * 4) * interval '1 day'
          + (${h(`ab.a * ${ROUND_SLOTS} + r`, 6)} % 9 - 4) * interval '1 hour' as starts_at,
        (ARRAY[30, 45, 60, 90])[1 + (${h(`ab.a * ${ROUND_SLOTS} + r`, 8)} % 4)::int] as minutes,
        (case when r = 1 then 'phone_screen' when r = ab.cnt and ab.cnt >= 3 then 'final'
          else ${pick(["video", "onsite", "panel"], h(`ab.a * ${ROUND_SLOTS} + r`, 16))}
        end)::interview_kind as kind
      from (${appsBase(lo, hi)}) ab cross join lateral generate_series(1, ab.cnt) r
      offset 0
    ) i1
    offset 0`;

  const firstAt = `least(x.ends_at + (2 + ${h("x.seq", 12)} % 40) * interval '1 hour', ${NOW} - interval '2 minutes')`;
  const receivedAt = `least(x.ends_at + (18 + ${h("x.seq", 26)} % 60) * interval '1 hour', ${NOW} - interval '1 minute')`;
  // Of completed rounds: 76% get a debrief (≈70% of past rounds), 8% of those stay drafts,
  // 10% are amended, 75% of submitted ones are reviewed; 54% get client feedback (≈50%).
  const hasDebrief = `${h("x.seq", 11)} % 100 < 76`;
  const debriefDraw = `${h("x.seq", 13)} % 100`;
  const hasFeedback = `${h("x.seq", 15)} % 100 < 54`;

  const debBase = (lo: number, hi: number) => `
    select y.*,
      case when y.versions = 2 then least(y.first_at + interval '1 day', ${NOW} - interval '1 minute') else y.first_at end as submitted_at
    from (
      select x.*, (x.dp < 8) as draft,
        case when x.dp < 8 then 0 when x.dp >= 90 then 2 else 1 end as versions,
        ${firstAt} as first_at,
        (x.dp >= 8 and ${h("x.seq", 14)} % 100 < 75) as reviewed,
        (ARRAY['yes', 'yes', 'no', 'unsure'])[1 + (${h("x.seq", 16)} % 4)::int]::timeline_given as tg,
        ${h("x.seq", 17)} % 2 = 0 as has_date
      from (select iv.*, ${debriefDraw.replace(/x\.seq/g, "iv.seq")} as dp from (${ivBase(lo, hi)}) iv
            where iv.status = 'completed' and ${hasDebrief.replace(/x\.seq/g, "iv.seq")} offset 0) x
      offset 0
    ) y
    offset 0`;

  const fbBase = (lo: number, hi: number) => `
    select x.*,
      (case when x.r < x.cnt then 'next_round' when x.stage in ('offer', 'placed') then 'offer'
        when x.stage = 'rejected' then 'reject' when ${h("x.seq", 25)} % 5 = 0 then 'hold' end)::client_decision as decision,
      ${receivedAt} as received_at
    from (${ivBase(lo, hi)}) x
    where x.status = 'completed' and ${hasFeedback}
    offset 0`;

  const appsPerBatch = Math.max(500, Math.floor(TARGET_BATCH_ROWS / Math.max(1, (job.ipc * N) / A)));
  const appRanges = split(A, appsPerBatch);

  try {
    // --- The firm, its staff, clients, jobs and scorecard.
    await database.query(
      `insert into firms (id, name, slug, time_zone, holidays, policy, mfa_required, is_benchmark, created_at, updated_at)
       values (${F}, ${lit(name)}, ${lit(slug)}, 'America/New_York', '{}'::date[], ${lit(JSON.stringify(DEFAULT_POLICY))}::jsonb,
               false, true, ${NOW} - interval '900 days', ${NOW})`,
    );
    const users = 1 + R + accounts;
    await load("users", [[0, users]], (lo, hi) => {
      const email = `case when u = 0 then ${lit(`admin@${domain}`)} when u <= ${R} then 'recruiter' || u || ${lit(`@${domain}`)}
        else ${candidateEmail(`u - ${R + 1}`)} end`;
      const uname = `case when u = 0 then 'Benchmark Admin' when u <= ${R} then 'Recruiter ' || u else ${candName(`u - ${R + 1}`)} end`;
      return `insert into users (id, email, name, password_hash, created_at, updated_at)
        select ${uid("u")}, ${email}, ${uname}, ${lit(job.passwordHash)}, ${NOW} - interval '800 days', ${NOW}
        from generate_series(${lo}, ${hi - 1}) u`;
    });
    await load("clients", [[0, C]], (lo, hi) => `
      insert into clients (firm_id, id, name, industry, website, created_at, updated_at)
      select ${F}, ${ids.sql(T.client, "c")},
        ${pick(CLIENT_ADJ, "c")} || ' ' || ${pick(CLIENT_NOUN, `c / ${CLIENT_ADJ.length}`)}
          || case when c >= ${CLIENT_ADJ.length * CLIENT_NOUN.length} then ' ' || (c / ${CLIENT_ADJ.length * CLIENT_NOUN.length} + 1) else '' end,
        ${pick(CLIENT_NOUN, `c / ${CLIENT_ADJ.length}`)}, 'https://client' || c || '.example', ${NOW} - interval '850 days', ${NOW} - interval '850 days'
      from generate_series(${lo}, ${hi - 1}) c`);
    await load("contacts", [[0, C * CONTACTS_PER_CLIENT]], (lo, hi) => `
      insert into contacts (firm_id, id, client_id, name, title, email, phone, created_at, updated_at)
      select ${F}, ${ids.sql(T.contact, "k")}, ${ids.sql(T.client, `k / ${CONTACTS_PER_CLIENT}`)},
        ${contactFirst("k")} || ' ' || ${contactLast("k")}, ${pick(CONTACT_TITLES, "k")},
        lower(${contactFirst("k")} || '.' || ${contactLast("k")}) || k || '@client' || (k / ${CONTACTS_PER_CLIENT}) || '.example',
        '(212) 555-01' || lpad((k % 100)::text, 2, '0'), ${NOW} - interval '850 days', ${NOW} - interval '850 days'
      from generate_series(${lo}, ${hi - 1}) k`);
    await load("jobs", [[0, J]], (lo, hi) => `
      insert into jobs (firm_id, id, client_id, title, location, status, owner_user_id, created_at, updated_at)
      select ${F}, ${ids.sql(T.job, "j")}, ${ids.sql(T.client, `j % ${C}`)}, ${pick(TITLES, "j")}, ${pick(LOCATIONS, "j")},
        (case when ${h("j", 30)} % 10 = 0 then 'on_hold' when ${h("j", 30)} % 10 = 1 then 'filled' else 'open' end)::job_status,
        ${recruiterOf("j")}, ${NOW} - interval '840 days', ${NOW} - interval '840 days'
      from generate_series(${lo}, ${hi - 1}) j`);
    await load("scorecard_attributes", [[0, SCORECARD.length]], (lo, hi) => `
      insert into scorecard_attributes (firm_id, id, category, name, position, created_at, updated_at)
      select ${F}, ${ids.sql(T.attribute, "n")}, (${arr(SCORECARD.map(([c]) => c))})[n + 1], (${arr(SCORECARD.map(([, a]) => a))})[n + 1],
        n, ${NOW} - interval '850 days', ${NOW} - interval '850 days'
      from generate_series(${lo}, ${hi - 1}) n`);

    // --- Candidates, then the memberships that point at some of them.
    await load("candidates", split(N, TARGET_BATCH_ROWS), (lo, hi) => `
      insert into candidates (firm_id, id, name, email, phone, location, headline, owner_user_id, created_at, updated_at)
      select ${F}, ${ids.sql(T.candidate, "i")}, ${candName("i")}, ${candidateEmail("i")},
        '(646) 555-01' || lpad((i % 100)::text, 2, '0'), ${pick(LOCATIONS, `${h("i", 20)}`)},
        ${pick(HEADLINES, "i")}, ${uid(`1 + i % ${R}`)},
        ${NOW} - (800 + ${h("i", 21)} % 100) * interval '1 day', ${NOW} - (800 + ${h("i", 21)} % 100) * interval '1 day'
      from generate_series(${lo}::int8, ${hi - 1}::int8) i`);
    await load("memberships", [[0, users]], (lo, hi) => `
      insert into memberships (firm_id, id, user_id, role, candidate_id, created_at, updated_at)
      select ${F}, ${ids.sql(T.membership, "u")}, ${uid("u")},
        (case when u = 0 then 'admin' when u <= ${R} then 'recruiter' else 'candidate' end)::role,
        case when u > ${R} then ${ids.sql(T.candidate, `u - ${R + 1}`)} end, ${NOW} - interval '800 days', ${NOW}
      from generate_series(${lo}, ${hi - 1}) u`);

    // --- The pipeline.
    await load("applications", split(A, TARGET_BATCH_ROWS), (lo, hi) => `
      insert into applications (firm_id, id, candidate_id, job_id, stage, stage_changed_at, closed_reason,
        recruiter_user_id, created_by, created_at, updated_at)
      select ${F}, ${ids.sql(T.application, "a")}, ${ids.sql(T.candidate, "cand")}, ${ids.sql(T.job, "job")}, stage, changed_at,
        case stage when 'rejected' then 'Client chose another candidate' when 'withdrawn' then 'Accepted another offer' else '' end,
        ${recruiterOf("job")}, ${recruiterOf("job")}, created, changed_at
      from (${appsBase(lo, hi)}) ab`);
    await load("application_stage_changes", split(A, Math.floor(TARGET_BATCH_ROWS / 3)), (lo, hi) => `
      insert into application_stage_changes (firm_id, id, application_id, from_stage, to_stage, changed_by, changed_at)
      select ${F}, ${ids.sql(T.stageChange, "ab.a * 8 + v.k")}, ${ids.sql(T.application, "ab.a")}, v.from_stage, v.to_stage,
        ${recruiterOf("ab.job")}, v.at
      from (${appsBase(lo, hi)}) ab cross join lateral (values
        (1, null::application_stage, 'sourced'::application_stage, ab.created),
        (2, 'sourced'::application_stage, 'submitted'::application_stage, ab.t_sub),
        (3, 'submitted'::application_stage, 'interviewing'::application_stage, ab.t_int),
        (4, 'interviewing'::application_stage, (case when ab.stage = 'placed' then 'offer' else ab.stage end)::application_stage, ab.t_close),
        (5, 'offer'::application_stage, 'placed'::application_stage, ab.t_placed)
      ) v(k, from_stage, to_stage, at)
      where v.k <= case ab.stage when 'sourced' then 1 when 'submitted' then 2 when 'interviewing' then 3 when 'placed' then 5 else 4 end`);
    await load("interviews", appRanges, (lo, hi) => `
      insert into interviews (firm_id, id, application_id, candidate_id, kind, starts_at, ends_at, location, video_url, status,
        arranged_by_firm, completed_at, created_by, created_at, updated_at)
      select ${F}, ${ids.sql(T.interview, "seq")}, ${ids.sql(T.application, "a")}, ${ids.sql(T.candidate, "cand")}, kind, starts_at, ends_at,
        case kind when 'phone_screen' then 'Phone' when 'video' then 'Video call' else 'Client office' end,
        case when kind = 'video' then 'https://meet.example/' || seq else '' end, status, true,
        case when status = 'completed' then least(ends_at + interval '15 minutes', ${NOW}) end,
        ${recruiterOf("job")}, least(starts_at - interval '5 days', ${NOW}), least(ends_at, ${NOW})
      from (${ivBase(lo, hi)}) x`);
    await load("interview_participants", appRanges, (lo, hi) => `
      insert into interview_participants (firm_id, interview_id, contact_id, created_at)
      select ${F}, ${ids.sql(T.interview, "seq")}, ${ids.sql(T.contact, contactOf("seq", "job", "k"))}, least(starts_at - interval '5 days', ${NOW})
      from (${ivBase(lo, hi)}) x cross join lateral generate_series(0, (${h("seq", 10)} % 2)::int) k`);
    await load("debriefs", appRanges, (lo, hi) => `
      insert into debriefs (firm_id, id, interview_id, candidate_id, status, overall_impression, interest_level, went_well,
        concerns, questions_asked, not_mentioned, timeline_given, timeline_details, expected_decision_on, asked_to_call,
        invited_back, submitted_versions, first_submitted_at, submitted_at, reviewed_at, reviewed_by, last_saved_at,
        created_at, updated_at, version)
      select ${F}, ${ids.sql(T.debrief, "seq")}, ${ids.sql(T.interview, "seq")}, ${ids.sql(T.candidate, "cand")},
        (case when draft then 'draft' else 'submitted' end)::debrief_status,
        1 + (${h("seq", 18)} % 5)::int, 1 + (${h("seq", 19)} % 5)::int, ${pick(WENT_WELL, h("seq", 20))}, ${pick(CONCERNS, h("seq", 21))},
        'Tell us about a project you are proud of.',
        case when ${h("seq", 22)} % 10 < 3 then ${pick(NOT_MENTIONED, h("seq", 23))} else '' end,
        tg, case tg when 'yes' then 'They gave a timeline.' when 'no' then 'No timeline given.' else 'Not sure.' end,
        case when tg = 'yes' and has_date then (ends_at at time zone 'America/New_York')::date + 7 end,
        false, false, versions,
        case when not draft then first_at end, case when not draft then submitted_at end,
        case when reviewed then least(submitted_at + interval '20 hours', ${NOW}) end,
        case when reviewed then ${recruiterOf("job")} end,
        submitted_at, first_at - interval '20 minutes',
        case when reviewed then least(submitted_at + interval '20 hours', ${NOW}) else submitted_at end,
        1 + versions + reviewed::int
      from (${debBase(lo, hi)}) d`);
    await load("debrief_versions", appRanges, (lo, hi) => `
      insert into debrief_versions (firm_id, id, debrief_id, number, snapshot, submitted_at, submitted_by)
      select ${F}, ${ids.sql(T.version, "seq * 2 + v")}, ${ids.sql(T.debrief, "seq")}, v,
        jsonb_build_object('overallImpression', 1 + (${h("seq", 18)} % 5)::int, 'wentWell', ${pick(WENT_WELL, h("seq", 20))},
          'timelineGiven', tg, 'notMentioned', case when v < versions then '' else 'See the current version.' end),
        case when v = 1 then first_at else submitted_at end, ${candidateUser("cand")}
      from (${debBase(lo, hi)}) d cross join lateral generate_series(1, d.versions) v`);
    await load("debrief_people", appRanges, (lo, hi) => `
      insert into debrief_people (firm_id, id, debrief_id, position, contact_id, name, title, email, thank_you_sent,
        thank_you_sent_at, thank_you_channel, resolution, created_at, updated_at)
      select ${F}, ${ids.sql(T.person, "seq")}, ${ids.sql(T.debrief, "seq")}, 0, ${ids.sql(T.contact, "k")},
        ${contactFirst("k")} || ' ' || ${contactLast("k")}, ${pick(CONTACT_TITLES, "k")},
        lower(${contactFirst("k")} || '.' || ${contactLast("k")}) || k || '@client' || (k / ${CONTACTS_PER_CLIENT}) || '.example',
        sent, case when sent then least(ends_at + interval '3 hours', ${NOW} - interval '3 minutes') end,
        case when sent then 'email'::thank_you_channel end, 'confirmed', first_at, first_at
      from (select d.*, ${contactOf("d.seq", "d.job")} as k, ${h("d.seq", 24)} % 100 < 80 as sent
            from (${debBase(lo, hi)}) d) p`);
    await load("interviewer_feedback", appRanges, (lo, hi) => `
      insert into interviewer_feedback (firm_id, id, interview_id, contact_id, received_at, channel, recommendation,
        takeaways, decision, decision_applied_at, recorded_by, created_at, updated_at)
      select ${F}, ${ids.sql(T.feedback, "seq")}, ${ids.sql(T.interview, "seq")}, ${ids.sql(T.contact, contactOf("seq", "job"))},
        received_at, (case when ${h("seq", 27)} % 10 < 7 then 'call' else 'email' end)::feedback_channel,
        (case decision when 'next_round' then 'yes' when 'offer' then 'strong_yes' when 'reject' then 'no'
          else 'no_decision' end)::recommendation,
        ${pick(TAKEAWAYS, h("seq", 28))}, decision, case when decision is not null then received_at end,
        ${recruiterOf("job")}, received_at, received_at
      from (${fbBase(lo, hi)}) f`);
    await load("feedback_ratings", appRanges, (lo, hi) => `
      insert into feedback_ratings (firm_id, feedback_id, attribute_id, rating)
      select ${F}, ${ids.sql(T.feedback, "seq")}, ${ids.sql(T.attribute, `(${h("seq", 29)} + j * 3) % 8`)},
        (${arr(RATINGS)})[least(5, (case decision when 'offer' then 4 when 'next_round' then 4 when 'reject' then 1 else 2 end)
          + (${h("seq * 4 + j", 30)} % 2)::int)]::rating
      from (${fbBase(lo, hi)}) f cross join lateral generate_series(0, 2) j`);
    await load("call_logs", appRanges, (lo, hi) => `
      insert into call_logs (firm_id, id, interview_id, candidate_id, contact_id, called_at, notes, logged_by, created_at)
      select ${F}, ${ids.sql(T.call, "seq")}, ${ids.sql(T.interview, "seq")}, ${ids.sql(T.candidate, "cand")},
        ${ids.sql(T.contact, contactOf("seq", "job"))}, called_at, 'Called the interviewer.',
        coalesce(${candidateUser("cand")}, ${recruiterOf("job")}), called_at
      from (select d.*, least((((ends_at at time zone 'America/New_York')::date + 10) + time '10:30') at time zone 'America/New_York',
              ${NOW} - interval '1 minute') as called_at
            from (${debBase(lo, hi)}) d
            where not draft and tg = 'yes' and has_date and ${h("seq", 31)} % 100 < 2) c`);
    // rule 3: the candidate's debrief and the recruiter's feedback collection, per completed round.
    await load("tasks", appRanges, (lo, hi) => `
      insert into tasks (firm_id, id, title, owner_kind, owner_user_id, candidate_id, application_id, interview_id,
        due_at, state, rule, policy_key, completed_at, completed_by, created_at, updated_at)
      select ${F}, ${ids.sql(T.task, "y.seq * 2 + t.n")}, t.title, t.owner_kind::task_owner_kind, t.owner,
        ${ids.sql(T.candidate, "y.cand")}, ${ids.sql(T.application, "y.a")}, ${ids.sql(T.interview, "y.seq")},
        t.due, t.state::task_state, 'rule 3', t.policy_key,
        case t.state when 'done' then t.done_at when 'skipped' then least(t.due + interval '7 days', ${NOW}) end,
        case when t.state <> 'open' then coalesce(t.owner, ${recruiterOf("y.job")}) end,
        y.ends_at, coalesce(t.done_at, y.ends_at)
      from (
        select x.*, (${hasDebrief} and ${debriefDraw} >= 8) as submitted, ${hasFeedback} as has_feedback,
          ${firstAt} as first_at, ${receivedAt} as received_at, x.ends_at > ${NOW} - interval '21 days' as recent
        from (${ivBase(lo, hi)}) x
        where x.status = 'completed'
        offset 0
      ) y cross join lateral (values
        (0, 'recruiter', 'collect_feedback', 'Collect the interviewer''s feedback from the client', ${recruiterOf("y.job")},
          y.ends_at + interval '2 days',
          case when y.has_feedback then 'done' when y.recent then 'open' else 'skipped' end,
          case when y.has_feedback then y.received_at end),
        (1, 'candidate', 'debrief', 'File your debrief', ${candidateUser("y.cand")}, y.ends_at + interval '24 hours',
          case when y.submitted then 'done' when y.recent then 'open' else 'skipped' end,
          case when y.submitted then y.first_at end)
      ) t(n, owner_kind, policy_key, title, owner, due, state, done_at)`);

    const seconds = (Date.now() - started) / 1000;
    const total = Object.values(rows).reduce((sum, n) => sum + n, 0);
    say(
      `Done: ${total.toLocaleString("en-US")} rows in ${seconds.toFixed(1)} s (${Math.round(total / seconds).toLocaleString("en-US")} rows/s).`,
    );
    return {
      firmId,
      name,
      slug,
      candidates: N,
      adminEmail: `admin@${domain}`,
      recruiterEmails: Array.from({ length: R }, (_, r) => `recruiter${r + 1}@${domain}`),
      candidateEmails: Array.from({ length: accounts }, (_, i) => `candidate${String(i).padStart(6, "0")}@${domain}`),
      rows,
      seconds,
    };
  } catch (err) {
    await cleanUp(database, firmId, domain);
    throw err;
  }
}

/** Removes a half-loaded firm (its rows cascade from the firm) and its accounts. */
async function cleanUp(database: Database, firmId: string, domain: string) {
  try {
    await database.query(`delete from firms where id = $1`, [firmId]);
    await database.query(`delete from users where email like $1`, [`%@${domain}`]);
  } catch {
    // The original error matters more than a failed clean-up.
  }
}
