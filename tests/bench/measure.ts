/**
 * The measurements of `npm run bench`, each against the running production
 * server: exports (against psql), page latency under a fixed request rate
 * (against bare control routes) and debrief submission throughput.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { v7 as uuidv7 } from "uuid";
import { reportCopySelect } from "@/db/queries/reports";
import { parseReportFilters } from "@/lib/core/reports/filters";
import { completeDebrief, debriefPerson } from "../helpers/debriefs";
import { median, percentile, rssBytes, sampleRss, sleep, type BenchFirm, type Server } from "./support";

// ---------------------------------------------------------------------------
// Exports
// ---------------------------------------------------------------------------

export type Transfer = { seconds: number; rows: number; bytes: number; rowsPerSecond: number };

/** Reads a byte stream to its end, counting bytes and newlines. */
async function drain(stream: AsyncIterable<Uint8Array>): Promise<{ bytes: number; lines: number }> {
  let bytes = 0;
  let lines = 0;
  for await (const chunk of stream) {
    bytes += chunk.length;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  }
  return { bytes, lines };
}

/**
 * One download through the app's export endpoint, with the server's peak RSS
 * while it ran. curl downloads it (as psql's own C client reads the COPY), so
 * the client's cost is as small on both sides; the rows are those the export
 * run recorded.
 */
export async function appExport(server: Server, cookie: string, file: string, query: string): Promise<Transfer & { peakRss: number }> {
  const sampler = sampleRss(server.pid);
  const started = performance.now();
  const child = spawn(
    "curl",
    ["-sS", "-o", "/dev/null", "-D", "-", "-w", "\n%{http_code} %{size_download}\n", "-H", `Cookie: ${cookie}`, `${server.base}/api/exports/${file}${query ? `?${query}` : ""}`],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  let stderr = "";
  child.stdout.on("data", (d) => (out += String(d)));
  child.stderr.on("data", (d) => (stderr += String(d)));
  const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
  const seconds = (performance.now() - started) / 1000;
  const peakRss = sampler.stop();
  const [status, size] = (out.trim().split("\n").pop() ?? "").split(" ").map(Number) as [number, number];
  if (code !== 0 || status !== 200) throw new Error(`GET /api/exports/${file} answered ${status} (curl exit ${code}): ${stderr.slice(0, 300)}`);
  const runId = /^x-export-run:\s*(\S+)/im.exec(out)?.[1];
  if (!runId) throw new Error(`GET /api/exports/${file} named no export run.`);
  const rows = await exportRunRows(runId);
  return { seconds, rows, bytes: size, rowsPerSecond: rows / seconds, peakRss };
}

let dbUrl = "";
export function setDatabaseUrl(url: string) {
  dbUrl = url;
}

async function exportRunRows(runId: string): Promise<number> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    for (let i = 0; i < 50; i++) {
      const r = await client.query<{ rows: number; finished: boolean }>(
        `select rows, finished_at is not null as finished from export_runs where id = $1`,
        [runId],
      );
      if (r.rows[0]?.finished) return r.rows[0].rows;
      await sleep(100);
    }
    return 0;
  } finally {
    await client.end();
  }
}

/** The same SELECT the CSV endpoint runs inside COPY, for psql. */
export async function copySelect(firm: BenchFirm, query: string): Promise<string> {
  const parsed = parseReportFilters(new URLSearchParams(query));
  if (!parsed.ok) throw new Error(`Bad report filters: ${query}`);
  const scope = { db: undefined as never, firmId: firm.id, userId: "", role: "admin" as const, candidateId: null };
  return reportCopySelect(scope, { report: "interviews", filters: parsed.filters, timeZone: firm.timeZone });
}

/** `psql -c "\copy (SELECT …) TO STDOUT WITH CSV HEADER"`, read to the end by this process. */
export async function psqlCopy(url: string, select: string): Promise<Transfer> {
  const command = `\\copy (${select.replace(/\n/g, " ")}) TO STDOUT WITH CSV HEADER`;
  const started = performance.now();
  const child = spawn("psql", [url, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", command], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += String(d)));
  const [{ bytes, lines }, code] = await Promise.all([
    drain(child.stdout),
    new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c))),
  ]);
  if (code !== 0) throw new Error(`psql \\copy failed (exit ${code}): ${stderr.slice(0, 500)}`);
  const seconds = (performance.now() - started) / 1000;
  const rows = Math.max(0, lines - 1);
  return { seconds, rows, bytes, rowsPerSecond: rows / seconds };
}

/** Report filters that select about `target` of the firm's interviews: those from a day onward. */
export async function subsetQuery(url: string, firm: BenchFirm, target: number): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ day: string }>(
      `select to_char((starts_at at time zone $2)::date, 'YYYY-MM-DD') as day from interviews
        where firm_id = $1 order by starts_at desc offset $3 limit 1`,
      [firm.id, firm.timeZone, Math.max(0, target - 1)],
    );
    const day = r.rows[0]?.day ?? "2000-01-01";
    return new URLSearchParams({ dates: "interview", from: day }).toString();
  } finally {
    await client.end();
  }
}

export function idleRss(server: Server): number {
  return rssBytes(server.pid);
}

// ---------------------------------------------------------------------------
// Latency under a fixed rate
// ---------------------------------------------------------------------------

export type Latency = { p50: number; p95: number; p99: number; requests: number; failed: number; rate: number | null; mode: string };

async function timedGet(url: string, cookie: string | undefined): Promise<{ ms: number; status: number; body: string }> {
  const started = performance.now();
  const res = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  const body = await res.text();
  return { ms: performance.now() - started, status: res.status, body };
}

/** Median of a few sequential requests after a warm-up; checks each answers 200 (and holds `expect`, when given). */
export async function calibrate(url: string, cookie: string | undefined, expect?: RegExp, n = 5): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n + 2; i++) {
    const r = await timedGet(url, cookie);
    if (r.status !== 200) throw new Error(`GET ${url} answered ${r.status}`);
    if (expect && !expect.test(r.body)) throw new Error(`GET ${url} did not render what was expected (${expect}).`);
    if (i >= 2) times.push(r.ms);
  }
  return median(times);
}

/**
 * The rate a pair of URLs is driven at: half of what one core serves of the
 * slower one, so the server is loaded but not saturated and the latencies are
 * service times plus queueing at a steady rate. Null when a single request
 * takes more than 400 ms: then the requests go one after another.
 */
export function rateFor(medianMs: number): number | null {
  if (medianMs > 400) return null;
  return Math.max(1, Math.min(20, Math.floor(500 / medianMs)));
}

export async function load(url: string, cookie: string | undefined, rate: number | null, seconds: number, slowMs = 1000): Promise<Latency> {
  const latencies: number[] = [];
  let failed = 0;
  const opts =
    rate === null
      ? { url, connections: 1, amount: Math.max(5, Math.min(20, Math.round((seconds * 1000) / slowMs))), timeout: 120 }
      : { url, connections: Math.max(2, Math.min(10, Math.ceil(rate / 2))), overallRate: rate, duration: seconds, timeout: 60 };
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon({ ...opts, headers: cookie ? { cookie } : {} }, (err) => (err ? reject(err) : resolve()));
    instance.on("response", (_client, status, _bytes, ms) => {
      latencies.push(ms);
      if (status !== 200) failed++;
    });
  });
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    requests: latencies.length,
    failed,
    rate,
    mode: rate === null ? "one at a time" : `${rate} req/s`,
  };
}

// ---------------------------------------------------------------------------
// Debrief submission
// ---------------------------------------------------------------------------

type DebriefTarget = { interviewId: string; debriefId: string | null; version: number | null; cookie: string };

/** Completed interviews of a candidate account, with their debrief's id and version. */
export async function debriefTargets(url: string, firm: BenchFirm, candidateIndex: number, count: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const email = `candidate${String(candidateIndex).padStart(6, "0")}@${firm.slug}.test`;
    const r = await client.query<{ interview_id: string; debrief_id: string | null; version: number | null }>(
      `select i.id as interview_id, d.id as debrief_id, d.version from users u
         join memberships m on m.user_id = u.id and m.firm_id = $1
         join interviews i on i.firm_id = m.firm_id and i.candidate_id = m.candidate_id
         left join debriefs d on d.firm_id = i.firm_id and d.interview_id = i.id
        where u.email = $2 and i.status = 'completed' and i.starts_at < now()
        order by coalesce(d.version, 0), i.starts_at desc limit $3`,
      [firm.id, email, count],
    );
    return { email, rows: r.rows };
  } finally {
    await client.end();
  }
}

export function actionId(server: Server, file: string, name: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(server.distDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.filename === file && entry.exportedName === name) return id;
  }
  throw new Error(`No server action ${name} of ${file} in the build's manifest.`);
}

function completeDraft(personId: string, n: number) {
  return completeDebrief({
    wentWell: `The system design round went well (benchmark submission ${n}).`,
    notMentioned: "",
    people: [debriefPerson({ id: personId })],
  });
}

/**
 * Submits (amends) debriefs through the server action, as the browser does
 * (React's reply encoding: the FormData's fields under "_1_", the arguments
 * in "0"), one loop per target, for `seconds`. Returns submissions a second.
 */
export async function submitDebriefs(server: Server, id: string, targets: DebriefTarget[], seconds: number) {
  let ok = 0;
  let failed = 0;
  const latencies: number[] = [];
  let firstError = "";
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    targets.map(async (t) => {
      const personId = uuidv7();
      let n = 0;
      while (performance.now() < until) {
        const body = new FormData();
        body.append("_1_interviewId", t.interviewId);
        body.append("_1_version", t.version === null ? "" : String(t.version));
        body.append("_1_draft", JSON.stringify(completeDraft(personId, n++)));
        body.append("0", JSON.stringify([null, "$K1"]));
        const t0 = performance.now();
        const res = await fetch(`${server.base}/my/interviews/${t.interviewId}/debrief`, {
          method: "POST",
          headers: { cookie: t.cookie, "next-action": id, accept: "text/x-component", origin: server.base },
          body,
        });
        const text = await res.text();
        latencies.push(performance.now() - t0);
        const m = /"ok":true,"data":\{[^}]*?"version":(\d+)/.exec(text);
        if (res.status === 200 && m) {
          ok++;
          t.version = Number(m[1]);
        } else {
          failed++;
          if (!firstError) firstError = `HTTP ${res.status}: ${text.slice(0, 400)}`;
          // A conflict carries the stored version; anything else stops this loop.
          const v = /"version":(\d+)/.exec(text);
          if (v) t.version = Number(v[1]);
          else break;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { perSecond: ok / elapsed, ok, failed, firstError, p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
}

/** The control: the bare route inserting the version row a submission adds, with the same loops. */
export async function insertDebriefVersions(server: Server, debriefIds: string[], seconds: number) {
  let ok = 0;
  let failed = 0;
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    debriefIds.map(async (debriefId) => {
      let n = 0;
      while (performance.now() < until) {
        const t0 = performance.now();
        const res = await fetch(`${server.base}/api/bench/debrief`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ debriefId, snapshot: completeDraft(debriefId, n++) }),
        });
        await res.text();
        latencies.push(performance.now() - t0);
        if (res.status === 201) ok++;
        else {
          failed++;
          break;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { perSecond: ok / elapsed, ok, failed, p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
}
