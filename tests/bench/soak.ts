/**
 * `npm run bench -- --soak [--seconds N]`: mixed load on the production
 * server with its background jobs on (RUN_JOBS=1, as `npm start` runs by
 * default): recruiters browsing every staff page, candidates autosaving and
 * submitting debriefs through the server actions, one CSV export running at
 * all times, and the reminders the start-up scan finds due. Afterwards it
 * counts, in the database, that every acknowledged write is there exactly
 * once. It fails on a failed request, a lost or duplicated write, or a crash;
 * the numbers (latency, memory, connections) are reported, not judged.
 */
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { v7 as uuidv7 } from "uuid";
import { completeDebrief, debriefPerson } from "../helpers/debriefs";
import { errorText, fmtMs, fmtN, log } from "./format";
import { actionId, appExport, debriefTargets, setDatabaseUrl } from "./measure";
import { staffPages, type StaffPage } from "./pages";
import { MB, percentile, rssBytes, signIn, sleep, startServer, TIERS, type BenchFirm, type Server, type Tier } from "./support";
import { SOAK_CANDIDATES } from "./topup";

export const SOAK_RECRUITERS = 40;
const REQUEST_TIMEOUT_MS = 60_000;
/** A recruiter reads each page for 5–15 s before opening the next. */
const RECRUITER_THINK_MS = [5_000, 15_000] as const;
/**
 * A candidate's form autosaves a second after each pause in typing; over the
 * ten-odd minutes a debrief takes, that is one save every 10–30 s. Every
 * third write is a submission (then an amendment).
 */
const CANDIDATE_THINK_MS = [10_000, 30_000] as const;
const DEBRIEF_FILE = "app/(candidate)/my/interviews/[id]/debrief/actions.ts";

type Stats = { latencies: Map<string, number[]>; failures: Map<string, number>; firstErrors: string[] };

function record(stats: Stats, key: string, ms: number, ok: boolean, error?: string) {
  if (!stats.latencies.has(key)) stats.latencies.set(key, []);
  stats.latencies.get(key)!.push(ms);
  if (!ok) {
    stats.failures.set(key, (stats.failures.get(key) ?? 0) + 1);
    // The first failure of each kind of request.
    if (error && !stats.firstErrors.some((e) => e.startsWith(`${key}: `))) stats.firstErrors.push(`${key}: ${error.replace(/\s+/g, " ").slice(0, 300)}`);
  }
}

/** A think time between lo and hi milliseconds. */
const think = (lo: number, hi: number) => sleep(lo + Math.random() * (hi - lo));

/** Runs `fn` over the items, `width` at a time. */
async function inBatches<T, R>(items: T[], width: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!, i);
      }
    }),
  );
  return out;
}

type Candidate = {
  email: string;
  cookie: string;
  interviewId: string;
  version: number | null;
  before: { versions: number; submitted: number; version: number | null };
  acked: { saves: number; submits: number; lastText: string | null; lastVersion: number | null };
};

async function snapshot(client: pg.Client, firmId: string, interviewIds: string[]) {
  const r = await client.query<{ interview_id: string; version: number; submitted_versions: number; went_well: string; versions: number }>(
    `select d.interview_id, d.version, d.submitted_versions, d.went_well,
            (select count(*)::int from debrief_versions v where v.firm_id = d.firm_id and v.debrief_id = d.id) as versions
       from debriefs d where d.firm_id = $1 and d.interview_id = any($2::uuid[])`,
    [firmId, interviewIds],
  );
  return new Map(r.rows.map((row) => [row.interview_id, row]));
}

/** One server-action call as the browser sends it; returns the version the answer carries, or throws. */
async function debriefAction(server: Server, id: string, c: Candidate, text: string): Promise<number> {
  const body = new FormData();
  body.append("_1_interviewId", c.interviewId);
  body.append("_1_version", c.version === null ? "" : String(c.version));
  body.append("_1_draft", JSON.stringify(completeDebrief({ wentWell: text, notMentioned: "", people: [debriefPerson({ id: uuidv7() })] })));
  body.append("0", JSON.stringify([null, "$K1"]));
  const res = await fetch(`${server.base}/my/interviews/${c.interviewId}/debrief`, {
    method: "POST",
    headers: { cookie: c.cookie, "next-action": id, accept: "text/x-component", origin: server.base },
    body,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const answer = await res.text();
  const m = /"ok":true,"data":\{[^}]*?"version":(\d+)/.exec(answer);
  if (res.status !== 200 || !m) throw new Error(`HTTP ${res.status}: ${answer.slice(0, 300)}`);
  return Number(m[1]);
}

/**
 * A page answered in full: HTTP 200, and no server error rendered into it. A
 * page streams, so an error in a part that comes after the first bytes (a
 * query that failed) still answers 200, with React's marker for a part the
 * browser must render as an error instead (`data-dgst="…"` in the first
 * bytes, or a later `$RX("B:…","…")` script; each carries the error's digest).
 */
async function get(url: string, cookie: string): Promise<{ ok: boolean; error?: string }> {
  const res = await fetch(url, { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  const body = await res.text();
  if (res.status !== 200) return { ok: false, error: `HTTP ${res.status}` };
  const marker = /data-dgst="([^"]*)"|\$RX\("[^"]*","([^"]*)"/.exec(body);
  return marker ? { ok: false, error: `HTTP 200 with a server error rendered into the page (digest ${marker[1] ?? marker[2]})` } : { ok: true };
}

/**
 * `writesOnly`: fail only on a lost or duplicated write (or a crash), and
 * report failed requests without failing — for CI, whose machine may be too
 * busy to hold the offered load's latency; the measured run fails on both.
 * `heapSnapshots`: also write the server's heap after a full collection at
 * the start and at the end (the paths are logged), to see what it kept.
 */
export async function runSoak(opts: { url: string; tier: Tier; seconds: number; big: BenchFirm; out: string; appDir: string; writesOnly: boolean; heapSnapshots: boolean }): Promise<number> {
  const { url, tier, seconds, big, heapSnapshots } = opts;
  setDatabaseUrl(url);
  const server = await startServer(url, log, opts.appDir, { RUN_JOBS: "1" });
  // The server runs in a process group of its own: stop it when this run is stopped (CI's timeout, Ctrl+C).
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
    process.on(signal, () => void server.stop().finally(() => process.exit(code)));
  }
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const stats: Stats = { latencies: new Map(), failures: new Map(), firstErrors: [] };
  try {
    // --- Sessions: each simulated recruiter signs in on its own (one in four as the admin), each candidate too.
    const { pages } = await staffPages(url, big);
    const recruiters = await db.query<{ email: string }>(
      `select u.email from users u join memberships m on m.user_id = u.id where m.firm_id = $1 and m.role = 'recruiter' order by u.email`,
      [big.id],
    );
    const accounts = Array.from({ length: SOAK_RECRUITERS }, (_, i) =>
      i % 4 === 0 ? `admin@${big.slug}.test` : recruiters.rows[i % recruiters.rows.length]!.email,
    );
    log(`Signing in ${SOAK_RECRUITERS} recruiters and ${SOAK_CANDIDATES} candidates…`);
    const setupStarted = performance.now();
    const recruiterCookies = await inBatches(accounts, 4, (email) => signIn(server.base, email));
    // Warm-up, one pass as the admin and one as a recruiter: which pages a recruiter may open (the
    // recruiters browse those, the admins all), and the server's start-up memory after every page's first render.
    const forRecruiters: StaffPage[] = [];
    for (const p of pages) {
      await get(`${server.base}${p.path}`, recruiterCookies[0]!);
      if ((await get(`${server.base}${p.path}`, recruiterCookies[1]!)).ok) forRecruiters.push(p);
    }
    const candidates = (
      await inBatches(Array.from({ length: SOAK_CANDIDATES }, (_, i) => i), 4, async (i): Promise<Candidate | null> => {
        const { email, rows } = await debriefTargets(url, big, i, 1);
        if (!rows[0]) return null;
        const cookie = await signIn(server.base, email);
        return {
          email,
          cookie,
          interviewId: rows[0].interview_id,
          version: rows[0].version,
          before: { versions: 0, submitted: 0, version: rows[0].version },
          acked: { saves: 0, submits: 0, lastText: null, lastVersion: null },
        };
      })
    ).filter((c): c is Candidate => c !== null);
    const before = await snapshot(db, big.id, candidates.map((c) => c.interviewId));
    for (const c of candidates) {
      const b = before.get(c.interviewId);
      if (b) c.before = { versions: b.versions, submitted: b.submitted_versions, version: b.version };
    }
    const saveId = actionId(server, DEBRIEF_FILE, "saveDebriefDraftAction");
    const submitId = actionId(server, DEBRIEF_FILE, "submitDebriefAction");
    const outboxBefore = await count(db, `select count(*)::int as n from email_outbox`);
    log(`Signed in and warmed up in ${((performance.now() - setupStarted) / 1000).toFixed(0)} s.`);

    // --- The run.
    const adminCookie = recruiterCookies[0]!;
    const startedAt = new Date();
    const memStart = await memoryAfterGc(server, heapSnapshots ? "soak-start" : null);
    const rssStart = rssBytes(server.pid);
    const until = performance.now() + seconds * 1000;
    let peakConnections = 0;
    let peakRss = rssStart;
    const sampler = setInterval(() => {
      try {
        peakRss = Math.max(peakRss, rssBytes(server.pid));
      } catch {
        /* the server is gone; the requests report it */
      }
      db.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where datname = current_database()`)
        .then((r) => (peakConnections = Math.max(peakConnections, r.rows[0]?.n ?? 0)))
        .catch(() => {});
    }, 1000);
    log(`Soak: ${seconds} s, ${SOAK_RECRUITERS} recruiters, ${candidates.length} candidates, one export at a time, jobs on…`);
    const timed = async (key: string, fn: () => Promise<{ ok: boolean; error?: string }>) => {
      const t0 = performance.now();
      try {
        const r = await fn();
        record(stats, key, performance.now() - t0, r.ok, r.error);
      } catch (err) {
        record(stats, key, performance.now() - t0, false, errorText(err));
      }
    };
    const browse = async (cookie: string, i: number) => {
      const mine = i % 4 === 0 ? pages : forRecruiters;
      await think(0, RECRUITER_THINK_MS[1]);
      for (let n = i; performance.now() < until; n++) {
        const page = mine[n % mine.length]!;
        await timed(page.key, () => get(`${server.base}${page.path}`, cookie));
        await think(...RECRUITER_THINK_MS);
      }
    };
    const write = async (c: Candidate, i: number) => {
      await think(0, CANDIDATE_THINK_MS[1]);
      for (let n = 0; performance.now() < until; n++) {
        const submit = n % 3 === 2;
        const text = `Soak ${startedAt.toISOString()} candidate ${i} write ${n}: the system design round went well.`;
        await timed(submit ? "debrief submit" : "debrief autosave", async () => {
          const version = await debriefAction(server, submit ? submitId : saveId, c, text);
          c.version = version;
          c.acked.lastText = text;
          c.acked.lastVersion = version;
          if (submit) c.acked.submits++;
          else c.acked.saves++;
          return { ok: true };
        });
        await think(...CANDIDATE_THINK_MS);
      }
    };
    let exports = 0;
    let exportedRows = 0;
    const exporting = async () => {
      while (performance.now() < until) {
        await timed("CSV export (all interviews)", async () => {
          const r = await appExport(server, adminCookie, "interviews.csv", "");
          exports++;
          exportedRows += r.rows;
          return { ok: true };
        });
      }
    };
    await Promise.all([...recruiterCookies.map(browse), ...candidates.map(write), exporting()]);
    clearInterval(sampler);
    const elapsed = (Date.now() - startedAt.getTime()) / 1000;
    // The end: the last request answered, then five quiet seconds (requests still queued at the end hold memory).
    const rssLoaded = rssBytes(server.pid);
    await sleep(5000);
    const rssEnd = rssBytes(server.pid);
    const memEnd = await memoryAfterGc(server, heapSnapshots ? "soak-end" : null);
    if (memStart.snapshot && memEnd.snapshot) log(`Heap snapshots: ${memStart.snapshot} and ${memEnd.snapshot}.`);

    // --- Counting the writes.
    const after = await snapshot(db, big.id, candidates.map((c) => c.interviewId));
    const problems: string[] = [];
    for (const c of candidates) {
      const a = after.get(c.interviewId);
      if (c.acked.lastVersion === null) continue;
      if (!a) {
        problems.push(`${c.email}: no debrief after ${c.acked.saves} saves and ${c.acked.submits} submissions`);
        continue;
      }
      const versions = a.versions - c.before.versions;
      const submitted = a.submitted_versions - c.before.submitted;
      if (versions !== c.acked.submits || submitted !== c.acked.submits) {
        problems.push(`${c.email}: ${c.acked.submits} submissions acknowledged, ${versions} versions stored (submitted_versions +${submitted})`);
      }
      if (a.version !== c.acked.lastVersion) problems.push(`${c.email}: last acknowledged version ${c.acked.lastVersion}, stored ${a.version}`);
      if (a.went_well !== c.acked.lastText) problems.push(`${c.email}: the stored draft is not the last acknowledged one`);
    }
    const jobs = await db
      .query<{ state: string; n: number }>(`select state::text, count(*)::int as n from background_jobs where created_at >= $1 group by state order by state`, [startedAt])
      .then((r) => r.rows);
    const outboxAfter = await count(db, `select count(*)::int as n from email_outbox`);
    const reminders = await db
      .query<{ name: string; state: string; n: number }>(
        `select name, state::text, count(*)::int as n from pgboss.job where name like 'reminders-%' group by name, state order by name, state`,
      )
      .then((r) => r.rows)
      .catch(() => []);

    // --- The report.
    const rows = [...stats.latencies.entries()].sort(([a], [b]) => a.localeCompare(b));
    const requests = rows.reduce((n, [, l]) => n + l.length, 0);
    const failures = [...stats.failures.values()].reduce((a, b) => a + b, 0);
    const saves = candidates.reduce((n, c) => n + c.acked.saves, 0);
    const submits = candidates.reduce((n, c) => n + c.acked.submits, 0);
    const growth = (rssEnd - rssStart) / MB;
    const t = TIERS[tier];
    const doc = [
      `# Mixed-load run, tier ${tier}`,
      "",
      `- Date: ${startedAt.toISOString()}, ${elapsed.toFixed(0)} s; tier ${tier} ("${big.name}", ${fmtN(t.candidates)} candidates); load average ${fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")} at the end`,
      `- Command: \`npm run bench -- --soak --tier ${tier} --seconds ${seconds}\``,
      `- Server process: \`MALLOC_ARENA_MAX=${arenaMax(server.pid)}\` (glibc's malloc arenas; \`npm start\` sets 2 unless it is set)`,
      `- Load: ${SOAK_RECRUITERS} recruiters (each its own session, one in four the admin) opening the staff pages one after another, ${RECRUITER_THINK_MS[0] / 1000}–${RECRUITER_THINK_MS[1] / 1000} s apart; ${candidates.length} candidates each writing every ${CANDIDATE_THINK_MS[0] / 1000}–${CANDIDATE_THINK_MS[1] / 1000} s (two autosaves, then a submission or an amendment); one CSV export of all interviews at all times; the server runs its jobs (RUN_JOBS=1): the reminder scan at start-up and the durable job table.`,
      "",
      "## Targets",
      "",
      "| Measure | Value | Target | Met |",
      "|---|---:|---|---|",
      `| Failed requests (not 200, a server error rendered into the page, an error or over ${REQUEST_TIMEOUT_MS / 1000} s) | ${failures} of ${fmtN(requests)} | 0 | ${failures === 0 ? "yes" : "**no**"} |`,
      `| Lost or duplicated writes (${fmtN(saves)} autosaves and ${fmtN(submits)} submissions acknowledged) | ${problems.length} | 0 | ${problems.length === 0 ? "yes" : "**no**"} |`,
      `| Server RSS growth, from after the warm-up to 5 s after the last answer | ${growth.toFixed(0)} MB (${(rssStart / MB).toFixed(0)} → ${(rssEnd / MB).toFixed(0)} MB; ${(rssLoaded / MB).toFixed(0)} MB at the last answer, peak ${(peakRss / MB).toFixed(0)} MB) | < 100 MB | ${growth < 100 ? "yes" : "**no**"} |`,
      "",
      `What the server still holds, after a full garbage collection (\`/api/bench/memory\`): live heap ${mb(memStart.heapUsed)} before the run, ${mb(memEnd.heapUsed)} after it (${signedMb(memEnd.heapUsed - memStart.heapUsed)}); memory outside the heap (buffers) ${mb(memStart.external)} → ${mb(memEnd.external)}; RSS after that collection ${mb(memEnd.rss)}. RSS counts what the allocators took at the peak and have not given back; the live heap after a collection is what a leak would grow.`,
      "",
      `Peak database connections (pg_stat_activity of this database, this process's one included): ${peakConnections}. CSV exports finished: ${exports} (${fmtN(exportedRows)} rows). E-mails written to the outbox: ${outboxAfter - outboxBefore}. Jobs in the job table written during the run: ${jobs.map((j) => `${j.state} ${j.n}`).join(", ") || "none"}. Reminder jobs (pg-boss): ${reminders.map((r) => `${r.name} ${r.state} ${r.n}`).join(", ") || "none"}.`,
      "",
      "## Requests",
      "",
      "| Request | Count | Failed | p50 | p95 |",
      "|---|---:|---:|---:|---:|",
      ...rows.map(([key, l]) => `| ${key} | ${l.length} | ${stats.failures.get(key) ?? 0} | ${fmtMs(percentile(l, 50))} | ${fmtMs(percentile(l, 95))} |`),
      ...(stats.firstErrors.length ? ["", "First failures:", "", ...stats.firstErrors.map((e) => `- \`${e}\``)] : []),
      ...(problems.length ? ["", "Writes that do not add up:", "", ...problems.slice(0, 20).map((p) => `- ${p}`)] : []),
      "",
    ].join("\n");
    fs.mkdirSync(path.dirname(opts.out), { recursive: true });
    fs.writeFileSync(opts.out, doc);
    console.log(`\n${doc}`);
    log(`wrote ${path.relative(process.cwd(), opts.out)}.`);
    return (failures === 0 || opts.writesOnly) && problems.length === 0 ? 0 : 1;
  } finally {
    await db.end().catch(() => {});
    await server.stop();
  }
}

type Memory = { rss: number; heapUsed: number; external: number; snapshot: string | null };

/** The server's memory after a full garbage collection, from its bench-only probe (and a heap snapshot of it, when named). */
async function memoryAfterGc(server: Server, snapshot: string | null): Promise<Memory> {
  const res = await fetch(`${server.base}/api/bench/memory${snapshot ? `?snapshot=${snapshot}` : ""}`);
  if (!res.ok) throw new Error(`The memory probe answered HTTP ${res.status}; is AFTERVIEW_BENCH_ROUTES=1 set for the server?`);
  const body = (await res.json()) as { after: Omit<Memory, "snapshot">; snapshot: string | null };
  return { ...body.after, snapshot: body.snapshot };
}

/** The server process's MALLOC_ARENA_MAX, read from its environment ("unset" when it has none). */
function arenaMax(pid: number): string {
  const env = fs.readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
  return env.find((v) => v.startsWith("MALLOC_ARENA_MAX="))?.slice("MALLOC_ARENA_MAX=".length) ?? "unset";
}

const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;
const signedMb = (bytes: number) => `${bytes >= 0 ? "+" : "−"}${mb(Math.abs(bytes))}`;

async function count(db: pg.Client, sql: string): Promise<number> {
  return (await db.query<{ n: number }>(sql)).rows[0]?.n ?? 0;
}
