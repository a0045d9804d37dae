import { randomBytes } from "node:crypto";

/** Runs one statement on a loading session. */
export type Query = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

// ---------------------------------------------------------------------------
// Ids
// ---------------------------------------------------------------------------

/** Table codes: three hex digits inside the id, so ids of different tables never meet. */
export const T = {
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
export const ROUND_SLOTS = 64;

export class Ids {
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
export const h = (x: string, stream: number) => `(hashint8extended((${x})::int8, ${stream}) & 2147483647)`;

export function lit(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

export function arr(items: readonly string[]): string {
  return `(ARRAY[${items.map(lit).join(",")}]::text[])`;
}

/** Element `i` (any integer expression ≥ 0) of a text array, wrapping around. */
export function pick(items: readonly string[], i: string): string {
  return `${arr(items)}[1 + ((${i}) % ${items.length})::int]`;
}

// ---------------------------------------------------------------------------
// Word lists (small, indexed by sequence numbers)
// ---------------------------------------------------------------------------

/** The people's names: the demo's own lists (db/seed/text.ts). */
export { FIRST_NAMES as FIRST, LAST_NAMES as LAST } from "../seed/text";
export const CLIENT_ADJ = [
  "Harbor", "Summit", "Cedar", "Atlas", "Beacon", "Granite", "Meridian", "Northwind", "Silver", "Copper",
  "Bluebird", "Redwood", "Lakeside", "Ironwood", "Evergreen", "Sterling", "Crescent", "Horizon", "Pioneer", "Keystone",
];
export const CLIENT_NOUN = [
  "Logistics", "Health", "Software", "Financial", "Robotics", "Energy", "Retail", "Foods", "Systems", "Analytics",
  "Manufacturing", "Insurance", "Media", "Biotech", "Construction", "Capital", "Labs", "Networks", "Partners", "Mobility",
];
export const TITLES = [
  "Software Engineer", "Senior Software Engineer", "Data Engineer", "Data Analyst", "Product Manager",
  "Project Manager", "Operations Manager", "Financial Analyst", "Compliance Officer", "Controls Engineer",
  "Site Reliability Engineer", "Solutions Architect", "Account Executive", "HR Business Partner", "QA Lead",
];
export const CONTACT_TITLES = ["Hiring Manager", "Talent Acquisition Partner", "Senior Engineer", "Director"];
export const LOCATIONS = ["New York, NY", "Boston, MA", "Philadelphia, PA", "Pittsburgh, PA", "Denver, CO", "Remote (US)"];
export const HEADLINES = ["Engineer", "Analyst", "Manager", "Architect", "Specialist", "Consultant"];
export const WENT_WELL = [
  "Good rapport with the hiring manager.",
  "The technical exercise went smoothly.",
  "They liked my project examples.",
  "Strong conversation about the team's roadmap.",
];
export const CONCERNS = ["", "Ran out of time on the last question.", "The salary range seems low.", ""];
export const NOT_MENTIONED = ["My certification", "The cost-saving project", "Team leadership experience"];
export const TAKEAWAYS = [
  "Solid fundamentals; wants more depth next round.",
  "Strong communicator.",
  "Light on domain experience.",
  "Exactly the profile the team asked for.",
];
export const RATINGS = ["definitely_not", "no", "mixed", "yes", "strong_yes"];
export const SCORECARD: [string, string][] = [
  ["Skills", "Technical depth"],
  ["Skills", "Problem solving"],
  ["Skills", "Domain knowledge"],
  ["Communication", "Clarity"],
  ["Communication", "Listening"],
  ["Communication", "Executive presence"],
  ["Fit", "Motivation for the role"],
  ["Fit", "Team fit"],
];

