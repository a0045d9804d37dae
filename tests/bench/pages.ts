/**
 * Every staff page under a fixed request rate: the pipeline list against its
 * bare controls and against a small firm, then each page of the staff area
 * with its p95 against the pipeline list's, and (at tier M) against the same
 * page's p95 at tier S, read from the tier-S run's record (TIER_S_FILE).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { fmtMs, fmtN, errorText, type Ratio } from "./format";
import { calibrate, load, rateFor, type Latency } from "./measure";
import { BIG_JOB_APPLICATIONS } from "./topup";
import { ROOT, type BenchFirm, type Server, type Tier } from "./support";

/** The tier-S p95 of each page, written by every tier-S run beside its RESULTS file and read by tier-M runs. */
export const TIER_S_FILE = "tier-S-pages.json";

export type Who = { admin: { id: string; cookie: string }; recruiter: { id: string; cookie: string } };
export type StaffPage = { key: string; name: string; path: string; who: "admin" | "recruiter"; expect: RegExp };
export type PageResult = StaffPage & { latency: Latency };
type TierSRecord = { date: string; tier: "S"; seconds: number; pages: Record<string, { path: string; p50: number; p95: number }> };

export const PIPELINE_PATH = "/jobs/pipeline?stage=open&recruiter=me";

const title = (t: string) => new RegExp(`<title>${t} · Afterview</title>`);

/** The ids the page list needs from the big firm: the busiest candidate, the biggest job, the busiest client, a search term. */
async function pageIds(url: string, firm: BenchFirm) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = async <T extends pg.QueryResultRow>(sql: string) => (await client.query<T>(sql, [firm.id])).rows[0];
    const candidate = await q<{ id: string; n: number; name: string }>(
      `select i.candidate_id as id, count(*)::int as n, min(c.name) as name from interviews i join candidates c on c.firm_id = i.firm_id and c.id = i.candidate_id
        where i.firm_id = $1 group by i.candidate_id order by n desc, i.candidate_id limit 1`,
    );
    const job = await q<{ id: string; n: number }>(
      `select job_id as id, count(*)::int as n from applications where firm_id = $1 group by job_id order by n desc, job_id limit 1`,
    );
    const clientRow = await q<{ id: string }>(
      `select j.client_id as id from applications a join jobs j on j.firm_id = a.firm_id and j.id = a.job_id
        where a.firm_id = $1 group by j.client_id order by count(*) desc, j.client_id limit 1`,
    );
    if (!candidate || !job || !clientRow) throw new Error(`The benchmark firm ${firm.name} has no interviews or applications.`);
    return { candidate, job, clientId: clientRow.id };
  } finally {
    await client.end();
  }
}

/** The last whole calendar quarter before today, as report filters. */
function lastQuarter(today = new Date()): { from: string; to: string } {
  const q = Math.floor(today.getUTCMonth() / 3);
  const start = new Date(Date.UTC(today.getUTCFullYear(), (q - 1) * 3, 1));
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 3, 0));
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return { from: day(start), to: day(end) };
}

/** Every staff page the benchmark measures, with the account that opens it. */
export async function staffPages(url: string, firm: BenchFirm): Promise<{ pages: StaffPage[]; ids: { candidateId: string; jobId: string; term: string } }> {
  const { candidate, job, clientId } = await pageIds(url, firm);
  if (job.n < BIG_JOB_APPLICATIONS) throw new Error(`The biggest job has ${job.n} applications, not ${BIG_JOB_APPLICATIONS}.`);
  const term = (candidate.name.split(" ").pop() ?? candidate.name).slice(0, 5).toLowerCase();
  const quarter = lastQuarter();
  const pages: StaffPage[] = [
    { key: "dashboard-mine", name: "Dashboard, mine", path: "/dashboard", who: "recruiter", expect: title("Dashboard") },
    { key: "dashboard-everyone", name: "Dashboard, everyone (needs-attention queue)", path: "/dashboard?view=everyone", who: "admin", expect: title("Dashboard") },
    { key: "candidates", name: "Candidates list", path: "/candidates", who: "admin", expect: title("Candidates") },
    { key: "candidates-search", name: `Candidates search \`?q=${term}\``, path: `/candidates?q=${encodeURIComponent(term)}`, who: "admin", expect: title("Candidates") },
    { key: "candidate", name: `Candidate with the longest timeline (${candidate.n} interviews)`, path: `/candidates/${candidate.id}`, who: "admin", expect: title("Candidate") },
    { key: "jobs", name: "Jobs list", path: "/jobs", who: "admin", expect: title("Jobs") },
    { key: "job-board", name: `Job board (${fmtN(job.n)} applications)`, path: `/jobs/${job.id}`, who: "admin", expect: title("Job") },
    { key: "pipeline", name: "Pipeline list (the reference)", path: PIPELINE_PATH, who: "recruiter", expect: title("Pipeline") },
    { key: "interviews", name: "Interviews", path: "/interviews", who: "admin", expect: title("Interviews") },
    { key: "tasks-mine", name: "Tasks, mine", path: "/tasks", who: "recruiter", expect: title("Tasks") },
    { key: "tasks-everyone", name: "Tasks, everyone", path: "/tasks?view=everyone", who: "admin", expect: title("Tasks") },
    { key: "reports", name: "Reports, no filter", path: "/reports", who: "admin", expect: title("Reports") },
    { key: "reports-client", name: "Reports, one client", path: `/reports?client=${clientId}`, who: "admin", expect: title("Reports") },
    { key: "reports-quarter", name: `Reports, one quarter (${quarter.from} to ${quarter.to})`, path: `/reports?from=${quarter.from}&to=${quarter.to}`, who: "admin", expect: title("Reports") },
    { key: "audit", name: "Audit log", path: "/settings/audit", who: "admin", expect: title("Audit log") },
    { key: "api-tokens", name: "BI API tokens", path: "/settings/tokens", who: "admin", expect: title("API tokens") },
  ];
  return { pages, ids: { candidateId: candidate.id, jobId: job.id, term } };
}

const failed = (): Latency => ({ p50: NaN, p95: NaN, p99: NaN, requests: 0, failed: 0, rate: null, mode: "failed" });

/** One page: a calibration (which checks it answers 200 with its title), then the load at half a core's rate. */
export async function measurePage(server: Server, page: StaffPage, who: Who, seconds: number, problems: string[]): Promise<Latency> {
  const cookie = who[page.who].cookie;
  try {
    const ms = await calibrate(`${server.base}${page.path}`, cookie, page.expect, 3);
    const l = await load(`${server.base}${page.path}`, cookie, rateFor(ms), seconds, ms);
    if (l.failed > 0) problems.push(`${page.path}: ${l.failed} of ${l.requests} requests did not answer 200`);
    return l;
  } catch (err) {
    problems.push(`${page.path}: ${errorText(err)}`);
    return failed();
  }
}

function tierSRecord(outDir: string): { record: TierSRecord; file: string } | null {
  for (const dir of [outDir, path.join(ROOT, "tests", "bench")]) {
    const file = path.join(dir, TIER_S_FILE);
    if (fs.existsSync(file)) return { record: JSON.parse(fs.readFileSync(file, "utf8")) as TierSRecord, file };
  }
  return null;
}

function writeTierS(outDir: string, date: Date, seconds: number, results: PageResult[]) {
  const commit = spawnSync("git", ["-C", ROOT, "rev-parse", "--short", "HEAD"], { encoding: "utf8" }).stdout.trim();
  const record = {
    date: date.toISOString(),
    commit,
    tier: "S",
    seconds,
    pages: Object.fromEntries(results.map((r) => [r.key, { path: r.path.replace(/[0-9a-f-]{36}/g, "{id}"), p50: round(r.latency.p50), p95: round(r.latency.p95) }])),
  };
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, TIER_S_FILE), `${JSON.stringify(record, null, 2)}\n`);
}

const round = (ms: number) => (Number.isFinite(ms) ? Math.round(ms * 10) / 10 : null);

/**
 * Measures every staff page; returns the ratios and the section of the
 * report. A tier-S run records its p95s beside the report; a tier-M run
 * compares with that record.
 */
export async function measureStaffPages(opts: {
  url: string;
  server: Server;
  firm: BenchFirm;
  who: Who;
  tier: Tier;
  seconds: number;
  outDir: string;
  started: Date;
  problems: string[];
  log: (line: string) => void;
}) {
  const { server, who, seconds, problems } = opts;
  const { pages, ids } = await staffPages(opts.url, opts.firm);
  const results: PageResult[] = [];
  for (const page of pages) {
    opts.log(`  ${page.path.replace(/[0-9a-f-]{36}/g, "{id}")}`);
    results.push({ ...page, latency: await measurePage(server, page, who, seconds, problems) });
  }
  const pipeline = results.find((r) => r.key === "pipeline")!.latency;
  const ratios: Ratio[] = [];
  for (const r of results) {
    if (r.key === "pipeline") continue;
    const v = r.latency.p95 / pipeline.p95;
    ratios.push({
      name: `${r.name} p95 ÷ pipeline list p95`,
      value: v,
      target: "≤ 2×",
      ok: v <= 2,
      detail: `${fmtMs(r.latency.p95)} vs ${fmtMs(pipeline.p95)}`,
    });
  }
  let baseline = "";
  if (opts.tier === "S") {
    writeTierS(opts.outDir, opts.started, seconds, results);
  } else {
    const s = tierSRecord(opts.outDir);
    if (!s) problems.push(`No ${TIER_S_FILE} beside the report or in tests/bench: run tier S first for the tier-M ÷ tier-S ratios.`);
    else {
      baseline = `Tier-S p95s from \`${path.relative(ROOT, s.file)}\` (run of ${s.record.date}, ${s.record.seconds ?? "?"} s a page).`;
      for (const r of results) {
        const sp95 = s.record.pages[r.key]?.p95 ?? NaN;
        const v = r.latency.p95 / sp95;
        ratios.push({ name: `${r.name} p95, tier M ÷ tier S`, value: v, target: "≤ 1.3×", ok: v <= 1.3, detail: `${fmtMs(r.latency.p95)} vs ${fmtMs(sp95)}` });
      }
    }
  }
  const section = [
    "## Every staff page",
    "",
    `Each page ran for ${seconds} s at its own rate (half what one core serves of it), or one request at a time when a single request takes over 400 ms, signed in as the firm's admin or (\"mine\" views, the pipeline) its first recruiter.${opts.tier === "S" ? ` This run's p95s are recorded in \`${TIER_S_FILE}\` for the tier-M run to compare with.` : ` ${baseline}`}`,
    "",
    "| Page | Path | Rate | Requests | Not 200 | p50 | p95 | p99 |",
    "|---|---|---|---:|---:|---:|---:|---:|",
    ...results.map(
      (r) =>
        `| ${r.name} | \`${r.path.replace(/[0-9a-f-]{36}/g, "{id}")}\` | ${r.latency.mode} | ${r.latency.requests} | ${r.latency.failed} | ${fmtMs(r.latency.p50)} | ${fmtMs(r.latency.p95)} | ${fmtMs(r.latency.p99)} |`,
    ),
  ].join("\n");
  return { ratios, section, results, ids };
}
