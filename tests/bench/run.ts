/**
 * `npm run bench [-- --tier S|M] [--quick] [--out FILE] [--soak [--seconds N] [--heap-snapshots]] [--seed-only] [--plans-only]`:
 * benchmarks the production build against real PostgreSQL (DATABASE_URL) on
 * a data tier — S (2,000 candidates) or M (one firm of 200,000 candidates and
 * about 1,000,000 interviews beside 19 small firms) — and writes the numbers
 * and their ratios to tests/bench/RESULTS.md (tier M) or RESULTS-S.md (tier
 * S), the query plans to tests/bench/plans/. It seeds the tier when the
 * database lacks it, and refuses a database that holds anything but
 * benchmark data. With --soak it runs the mixed load of soak.ts instead; with
 * --seed-only it seeds (and tops up) the tier and stops; with --plans-only it
 * writes the query plans and stops.
 *
 * Every target is a ratio of two measurements taken side by side in the same
 * run, because the machines are shared and absolute times drift. Nothing here
 * fails on a number: it fails only when something breaks.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import {
  actionId,
  calibrate,
  debriefTargets,
  insertDebriefVersions,
  load,
  rateFor,
  setDatabaseUrl,
  submitDebriefs,
  type Latency,
} from "./measure";
import { auditPages } from "./audit";
import { measureExports } from "./exports";
import { fmtMs, fmtN, log, x, type Ratio } from "./format";
import { measureStaffPages, PIPELINE_PATH, staffPages } from "./pages";
import { explainPage, type PlanPage, type PlanWho } from "./plans";
import { runSoak } from "./soak";
import { bringRollupsUpToDate } from "./rollups";
import { checkBenchDatabase, ensureTier, Refusal, ROOT, signIn, startServer, TIERS, type BenchFirm, type Server, type Tier } from "./support";
import { topUpTier } from "./topup";

const USAGE = "Usage: npm run bench [-- --tier S|M] [--quick] [--out FILE] [--app-dir DIR] [--soak [--seconds N] [--writes-only] [--heap-snapshots]] [--seed-only] [--plans-only]";

type Args = { tier: Tier; quick: boolean; out: string | null; appDir: string; soak: boolean; seconds: number; writesOnly: boolean; heapSnapshots: boolean; seedOnly: boolean; plansOnly: boolean };

function parseArgs(argv: string[]): Args {
  const args: Args = { tier: "S", quick: false, out: null, appDir: ROOT, soak: false, seconds: 300, writesOnly: false, heapSnapshots: false, seedOnly: false, plansOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split("=", 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i];
    if (flag === "--tier") {
      const t = (value() ?? "").toUpperCase();
      if (t !== "S" && t !== "M") throw new Refusal(`--tier is S or M. ${USAGE}`);
      args.tier = t;
    } else if (flag === "--quick") args.quick = true;
    else if (flag === "--soak") args.soak = true;
    else if (flag === "--writes-only") args.writesOnly = true;
    else if (flag === "--heap-snapshots") args.heapSnapshots = true;
    else if (flag === "--seed-only") args.seedOnly = true;
    else if (flag === "--plans-only") args.plansOnly = true;
    else if (flag === "--seconds") {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 10) throw new Refusal(`--seconds needs a whole number of seconds, at least 10. ${USAGE}`);
      args.seconds = n;
    }
    else if (flag === "--out") {
      const v = value();
      if (!v) throw new Refusal(`--out needs a file. ${USAGE}`);
      args.out = path.resolve(v);
    } else if (flag === "--app-dir") {
      // A copy of a commit (git archive, with node_modules) to build and serve instead of this working tree.
      const v = value();
      if (!v || !fs.existsSync(path.join(v, "lib", "platform", "cli", "start.ts"))) throw new Refusal(`--app-dir needs a copy of the app. ${USAGE}`);
      args.appDir = path.resolve(v);
    } else if (flag === "--help" || flag === "-h") {
      console.log(USAGE);
      process.exit(0);
    } else throw new Refusal(`Unknown option ${flag}. ${USAGE}`);
  }
  return args;
}

/** EXPLAIN (ANALYZE, BUFFERS) of each measured page's statements, one file per page in `plansDir`. */
async function writePlans(o: {
  url: string;
  tier: Tier;
  big: BenchFirm;
  users: Awaited<ReturnType<typeof firmUsers>>;
  ids: { candidateId: string; jobId: string; term: string };
  plansDir: string;
  outDir: string;
  started: Date;
  problems: string[];
}): Promise<{ page: string; file: string; totalMs: number }[]> {
  const { big, users, ids } = o;
  fs.mkdirSync(o.plansDir, { recursive: true });
  const planPages: [PlanPage, string, PlanWho][] = [
    ["pipeline", "pipeline list (big firm)", { firmId: big.id, userId: users.recruiter.id, query: "stage=open&recruiter=me" }],
    ["dashboard", "needs-attention queue (big firm, everyone)", { firmId: big.id, userId: users.admin.id, query: "view=everyone" }],
    ["reports", "reports page (big firm, no filters)", { firmId: big.id, userId: users.admin.id, query: "" }],
    ["candidates-search", `candidates search (q=${ids.term})`, { firmId: big.id, userId: users.admin.id, query: `q=${ids.term}` }],
    ["candidate", "candidate with the longest timeline", { firmId: big.id, userId: users.admin.id, query: "", id: ids.candidateId }],
    ["job-board", "job board (the biggest job)", { firmId: big.id, userId: users.admin.id, query: "", id: ids.jobId }],
    ["tasks", "tasks (everyone)", { firmId: big.id, userId: users.admin.id, query: "view=everyone" }],
    ["audit", "audit log", { firmId: big.id, userId: users.admin.id, query: "" }],
  ];
  const plans: { page: string; file: string; totalMs: number }[] = [];
  for (const [page, label, who] of planPages) {
    try {
      const { text, totalMs } = await explainPage(o.url, page, who);
      const file = path.join(o.plansDir, `${o.tier}-${page}.txt`);
      fs.writeFileSync(file, `EXPLAIN (ANALYZE, BUFFERS) of every statement of the ${label}, tier ${o.tier}, ${o.started.toISOString()}\n\n${text}`);
      plans.push({ page: label, file: path.relative(o.outDir, file), totalMs });
    } catch (err) {
      o.problems.push(`plans of the ${label}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return plans;
}

async function firmUsers(url: string, firm: BenchFirm) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ email: string; id: string }>(`select email, id from users where email = any($1)`, [
      [`admin@${firm.slug}.test`, `recruiter1@${firm.slug}.test`],
    ]);
    const byEmail = new Map(r.rows.map((u) => [u.email, u.id]));
    return {
      admin: { email: `admin@${firm.slug}.test`, id: byEmail.get(`admin@${firm.slug}.test`)! },
      recruiter: { email: `recruiter1@${firm.slug}.test`, id: byEmail.get(`recruiter1@${firm.slug}.test`)! },
    };
  } finally {
    await client.end();
  }
}

/** Which code was served: the commit named in the copy's .bench-commit, else this checkout's HEAD. */
function appRevision(appDir: string): string {
  const marker = path.join(appDir, ".bench-commit");
  if (appDir !== ROOT && fs.existsSync(marker)) return `commit ${fs.readFileSync(marker, "utf8").trim()} (a clean copy)`;
  const r = spawnSync("git", ["-C", ROOT, "rev-parse", "--short", "HEAD"], { encoding: "utf8" });
  // The bench's own output files (results, plans, page lists) are written before this line is: they are not the app.
  const own = [":!tests/bench/RESULTS*.md", ":!tests/bench/plans", ":!tests/bench/tier-*-pages.json"];
  const status = spawnSync("git", ["-C", ROOT, "status", "--porcelain", "--untracked-files=no", "--", ".", ...own], { encoding: "utf8" });
  const dirty = status.stdout.trim() !== "";
  return `commit ${r.stdout.trim() || "?"}${dirty ? " plus uncommitted changes in the working tree" : ""}`;
}

async function versions(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ server_version: string }>(`show server_version`);
    return r.rows[0]?.server_version ?? "?";
  } finally {
    await client.end();
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const url = process.env.DATABASE_URL?.trim();
  if (!url) {
    throw new Refusal(
      "npm run bench needs DATABASE_URL: a PostgreSQL database of its own, e.g.\n" +
        "  createdb afterview_bench && DATABASE_URL=postgres://localhost/afterview_bench npm run bench -- --tier S\n" +
        "It writes benchmark firms into that database, so it refuses one that holds user data.",
    );
  }
  if (!/^postgres(ql)?:\/\//.test(url)) throw new Refusal("DATABASE_URL must start with postgres:// or postgresql://.");
  await checkBenchDatabase(url);
  setDatabaseUrl(url);
  const tier = args.tier;
  const quick = args.quick;
  const seconds = quick ? 3 : tier === "M" ? 15 : 8;
  const { big, small, seededSeconds } = await ensureTier(url, tier, log);
  await topUpTier(url, big, log);
  if (args.seedOnly) {
    log(`Tier ${tier} is ready: "${big.name}" and the small firm "${small.name}".`);
    return 0;
  }
  if (args.plansOnly) {
    // The query plans alone (tests/bench/plans/), without starting the app or timing anything.
    const problems: string[] = [];
    const plansDir = path.join(ROOT, "tests", "bench", "plans");
    const { ids } = await staffPages(url, big);
    const written = await writePlans({ url, tier, big, users: await firmUsers(url, big), ids, plansDir, outDir: path.dirname(plansDir), started: new Date(), problems });
    for (const p of written) log(`${p.file}: ${fmtMs(p.totalMs)} of execution time`);
    for (const p of problems) log(`Problem: ${p}`);
    return problems.length > 0 ? 1 : 0;
  }
  if (args.soak) return runSoak({ url, tier, seconds: args.seconds, big, out: args.out ?? path.join(ROOT, "tests", "bench", `SOAK-${tier}.md`), appDir: args.appDir, writesOnly: args.writesOnly, heapSnapshots: args.heapSnapshots });
  // Tier M's report is RESULTS.md; tier S's sits beside it, so that a tier-S run (which tier M needs first) keeps it.
  const out = args.out ?? path.join(ROOT, "tests", "bench", tier === "M" ? "RESULTS.md" : "RESULTS-S.md");
  log(`Tier ${tier}: "${big.name}" and the small firm "${small.name}".`);

  const started = new Date();
  const loadAtStart = os.loadavg()[0]!;
  const server: Server = await startServer(url, log, args.appDir);
  const stopServer = () => void server.stop();
  await bringRollupsUpToDate(url, log);
  // The planner's statistics and visibility maps as autovacuum keeps them on a server that runs it (a
  // development machine's PostgreSQL may not): rows the seed, the migrations or the rollup jobs just
  // wrote are otherwise unknown to the planner, and its plans are not the ones production gets.
  const vacuumed = Date.now();
  const maintenance = new pg.Client({ connectionString: url });
  await maintenance.connect();
  try {
    await maintenance.query("vacuum (analyze)");
  } finally {
    await maintenance.end();
  }
  log(`Vacuumed and analyzed the database (${((Date.now() - vacuumed) / 1000).toFixed(0)} s).`);
  process.on("SIGINT", () => {
    stopServer();
    process.exit(130);
  });
  process.on("SIGTERM", () => {
    stopServer();
    process.exit(143);
  });

  const ratios: Ratio[] = [];
  /** Measurements that broke; the run goes on and reports them. */
  const problems: string[] = [];
  const sections: string[] = [];
  const plans: { page: string; file: string; totalMs: number }[] = [];
  const outDir = path.dirname(out);
  const plansDir = path.join(outDir, "plans");
  try {
    const bigUsers = await firmUsers(url, big);
    const smallUsers = await firmUsers(url, small);
    const adminCookie = await signIn(server.base, bigUsers.admin.email);
    const recruiterCookie = await signIn(server.base, bigUsers.recruiter.email);
    const smallRecruiterCookie = await signIn(server.base, smallUsers.recruiter.email);

    // --- 1 and 2. The CSV export against psql \copy, the server's memory, XLSX against CSV.
    const exports = await measureExports({ url, server, big, tier, quick, adminCookie });
    ratios.push(...exports.ratios);
    sections.push(exports.section);

    // --- 3. The pipeline list against its control, and big firm against small.
    log("Pipeline list under a fixed rate…");
    const pipelinePath = PIPELINE_PATH;
    // The control renders the same 50 rows with the pipeline's own table component from one query, without
    // the session, the staff layout, the filters or the count. The bare SQL-and-string route beside it shows
    // the floor: what the same rows cost with no React rendering at all.
    const controlPath = (firm: BenchFirm, userId: string) => `/bench/pipeline?firm=${firm.id}&recruiter=${userId}&limit=50`;
    const floorPath = (firm: BenchFirm, userId: string) => `/api/bench/pipeline?firm=${firm.id}&recruiter=${userId}&limit=50`;
    const pageMs = await calibrate(`${server.base}${pipelinePath}`, recruiterCookie, /<table/);
    const controlMs = await calibrate(`${server.base}${controlPath(big, bigUsers.recruiter.id)}`, undefined, /<table/);
    const floorMs = await calibrate(`${server.base}${floorPath(big, bigUsers.recruiter.id)}`, undefined, /<tr>/);
    const smallMs = await calibrate(`${server.base}${pipelinePath}`, smallRecruiterCookie, /<table/);
    const pipelineRate = rateFor(Math.max(pageMs, controlMs, smallMs));
    const pipeline = await load(`${server.base}${pipelinePath}`, recruiterCookie, pipelineRate, seconds, pageMs);
    const control = await load(`${server.base}${controlPath(big, bigUsers.recruiter.id)}`, undefined, pipelineRate, seconds, controlMs);
    const floor = await load(`${server.base}${floorPath(big, bigUsers.recruiter.id)}`, undefined, pipelineRate, seconds, floorMs);
    const pipelineSmall = await load(`${server.base}${pipelinePath}`, smallRecruiterCookie, pipelineRate, seconds, smallMs);
    ratios.push({
      name: "Pipeline list p95 ÷ bare control route (same 50 rows, same table component)",
      value: pipeline.p95 / control.p95,
      target: "≤ 1.5×",
      ok: pipeline.p95 / control.p95 <= 1.5,
      detail: `${fmtMs(pipeline.p95)} vs ${fmtMs(control.p95)} at ${pipeline.mode}; SQL and a string template alone: ${fmtMs(floor.p95)}`,
    });
    ratios.push({
      name: `Pipeline list p95, big firm (${fmtN(big.candidates)} candidates) ÷ small firm (${fmtN(small.candidates)})`,
      value: pipeline.p95 / pipelineSmall.p95,
      target: "≤ 1.3×",
      ok: pipeline.p95 / pipelineSmall.p95 <= 1.3,
      detail: `${fmtMs(pipeline.p95)} vs ${fmtMs(pipelineSmall.p95)}`,
    });

    const latencyRows: [string, Latency][] = [
      [`Pipeline list \`${pipelinePath}\`, big firm`, pipeline],
      ["Bare control `/bench/pipeline` (same 50 rows and table component, one query, no session or layout)", control],
      ["SQL and a string template `/api/bench/pipeline` (the same rows' floor)", floor],
      [`Pipeline list, small firm`, pipelineSmall],
    ];
    sections.push(
      [
        "## The pipeline list against its controls (autocannon)",
        "",
        `Each line ran for ${seconds} s at the rate shown (half what one core serves of the slowest of the four). Latency is to the last byte of the streamed page.`,
        "",
        "| Page | Rate | Requests | Not 200 | p50 | p95 | p99 |",
        "|---|---|---:|---:|---:|---:|---:|",
        ...latencyRows.map(([name, l]) => `| ${name} | ${l.mode} | ${l.requests} | ${l.failed} | ${fmtMs(l.p50)} | ${fmtMs(l.p95)} | ${fmtMs(l.p99)} |`),
      ].join("\n"),
    );

    // --- 5. Every staff page, against the pipeline list and (tier M) against tier S.
    log("Every staff page…");
    const who = { admin: { id: bigUsers.admin.id, cookie: adminCookie }, recruiter: { id: bigUsers.recruiter.id, cookie: recruiterCookie } };
    const staff = await measureStaffPages({ url, server, firm: big, who, tier, seconds, outDir, started, problems, log });
    ratios.push(...staff.ratios);
    sections.push(staff.section);

    // Query plans.
    log("Query plans…");
    plans.push(...(await writePlans({ url, tier, big, users: bigUsers, ids: staff.ids, plansDir, outDir, started, problems })));
    sections.push(
      [
        "## Query plans",
        "",
        "| Page | Plans | Sum of execution times |",
        "|---|---|---:|",
        ...plans.map((p) => `| ${p.page} | [${p.file}](${p.file}) | ${fmtMs(p.totalMs)} |`),
      ].join("\n"),
    );

    // --- 4. Debrief submission against a bare insert.
    log("Debrief submission throughput…");
    const submitId = actionId(server, "app/(candidate)/my/interviews/[id]/debrief/actions.ts", "submitDebriefAction");
    const workers = 2;
    const targets = [];
    for (let c = 0; c < workers; c++) {
      const { email, rows } = await debriefTargets(url, big, c, 1);
      if (!rows[0]) throw new Error(`${email} has no completed interview to debrief.`);
      const cookie = await signIn(server.base, email);
      targets.push({ interviewId: rows[0].interview_id, debriefId: rows[0].debrief_id, version: rows[0].version, cookie });
    }
    const submissions = await submitDebriefs(server, submitId, targets, seconds);
    if (submissions.ok === 0) throw new Error(`No debrief submission succeeded: ${submissions.firstError}`);
    // The debriefs those submissions amended (made by the first one where there was none).
    const idClient = new pg.Client({ connectionString: url });
    await idClient.connect();
    const debriefIds = (
      await idClient
        .query<{ id: string }>(`select id from debriefs where interview_id = any($1::uuid[])`, [targets.map((t) => t.interviewId)])
        .finally(() => idClient.end())
    ).rows.map((r) => r.id);
    const inserts = await insertDebriefVersions(server, debriefIds, seconds);
    ratios.push({
      name: "Debrief submissions/s ÷ bare insert route",
      value: submissions.perSecond / inserts.perSecond,
      target: "≥ 0.5×",
      ok: inserts.ok > 0 && submissions.perSecond / inserts.perSecond >= 0.5,
      detail: `${submissions.perSecond.toFixed(1)} vs ${inserts.perSecond.toFixed(1)} per s (${workers} loops)`,
    });
    sections.push(
      [
        "## Debrief submission",
        "",
        `${workers} loops, each amending one debrief as its candidate, for ${seconds} s, through the server action (the request the form sends) and through the bare insert route.`,
        "",
        "| Path | Done | Failed | Per second | p50 | p95 |",
        "|---|---:|---:|---:|---:|---:|",
        `| Server action \`submitDebriefAction\` | ${submissions.ok} | ${submissions.failed} | ${submissions.perSecond.toFixed(1)} | ${fmtMs(submissions.p50)} | ${fmtMs(submissions.p95)} |`,
        `| Bare insert \`/api/bench/debrief\` | ${inserts.ok} | ${inserts.failed} | ${inserts.perSecond.toFixed(1)} | ${fmtMs(inserts.p50)} | ${fmtMs(inserts.p95)} |`,
        ...(submissions.failed > 0 ? ["", `First failure: \`${submissions.firstError.replace(/\s+/g, " ").slice(0, 200)}\``] : []),
      ].join("\n"),
    );

    // --- 6. Lighthouse and JavaScript transferred, above the not-found page's.
    log("Lighthouse and JavaScript transferred…");
    const audit = await auditPages(server.base, {
      adminCookie,
      candidateCookie: targets[0]!.cookie,
      debriefPath: `/my/interviews/${targets[0]!.interviewId}/debrief`,
    });
    ratios.push(...audit.ratios);
    sections.push(audit.section);
  } finally {
    await server.stop();
  }

  // --- The report: written now, and again with the row-level security section when that measurement exists.
  const table = [
    "| Measure | Value | Target | Met | Detail |",
    "|---|---:|---|---|---|",
    ...ratios.map((r) => {
      const value = r.target.includes("×") ? x(r.value) : r.target.includes("MB") ? `${r.value.toFixed(0)} MB` : r.target.includes("kB") ? `${r.value.toFixed(1)} kB` : String(r.value);
      return `| ${r.name} | ${value} | ${r.target} | ${r.ok ? "yes" : "**no**"} | ${r.detail} |`;
    }),
  ].join("\n");
  const nextVersion = JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", "next", "package.json"), "utf8")).version as string;
  const pgVersion = await versions(url);
  const t = TIERS[tier];
  const loadAtEnd = os.loadavg()[0]!;
  const machine = [
    `- Date: ${started.toISOString()}`,
    `- Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? "?"}), ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB memory, ${os.type()} ${os.release()}; shared with other work while measuring (load average over 1 minute: ${loadAtStart.toFixed(1)} at the start, ${loadAtEnd.toFixed(1)} at the end)`,
    `- Node ${process.version}, PostgreSQL ${pgVersion}, Next.js ${nextVersion} (production build, \`next start\`)`,
    `- Tier ${tier}: "${big.name}" (${fmtN(t.candidates)} candidates, ~${fmtN(t.candidates * t.interviewsPerCandidate)} interviews) beside ${t.smallFirms} small firms of ${t.smallFirmCandidates} candidates${seededSeconds !== null ? `; seeded in this run in ${seededSeconds.toFixed(0)} s` : ""}`,
    `- App: ${appRevision(args.appDir)}`,
    `- Command: \`npm run bench -- --tier ${tier}${quick ? " --quick" : ""}${args.appDir === ROOT ? "" : " --app-dir …"}\``,
    `- Before timing: \`VACUUM (ANALYZE)\` of the database, as autovacuum keeps it on a server that runs it`,
  ].join("\n");
  const notesFile = path.join(ROOT, "tests", "bench", "NOTES.md");
  const notes = tier === "M" && fs.existsSync(notesFile) ? `\n\n${fs.readFileSync(notesFile, "utf8").trim()}\n` : "\n";
  if (problems.length > 0) sections.push(["## Problems", "", ...problems.map((p) => `- ${p.replace(/\s+/g, " ").slice(0, 400)}`)].join("\n"));
  const writeReport = (extra: string[]) => {
    const doc = `# Benchmark results, tier ${tier}\n\nWritten by \`npm run bench\`; every target is a ratio of two measurements taken side by side in this run.\n\n${machine}\n\n## Targets\n\n${table}\n\n${[...sections, ...extra].join("\n\n")}\n${notes}`;
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(out, doc);
  };
  writeReport([]);

  // --- Optional: the cost of row-level security, when that measurement exists.
  const rlsFile = path.join(ROOT, "tests", "bench", "rls-cost.ts");
  if (fs.existsSync(rlsFile)) {
    log("Row-level security cost…");
    try {
      const mod = (await import(rlsFile)) as {
        measureRlsCost?: (url: string, opts?: { iterations?: number; warmup?: number }) => Promise<string>;
      };
      // At tier M one firm-wide queue read takes seconds: fewer runs keep this step within minutes.
      const rlsOpts = tier === "M" ? { iterations: 10, warmup: 2 } : quick ? { iterations: 20, warmup: 3 } : {};
      if (mod.measureRlsCost) writeReport([`## Row-level security\n\n${await mod.measureRlsCost(url, rlsOpts)}`]);
    } catch (err) {
      writeReport([`## Row-level security\n\nThe measurement failed: ${err instanceof Error ? err.message : String(err)}`]);
    }
  }

  console.log(`\n${table}\n`);
  log(`wrote ${path.relative(process.cwd(), out)} (${ratios.filter((r) => r.ok).length} of ${ratios.length} targets met).`);
  if (problems.length > 0) {
    console.error(`bench: ${problems.length} measurement(s) broke:\n  ${problems.join("\n  ")}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof Refusal) {
      console.error(`bench: ${err.message}`);
      process.exit(2);
    }
    console.error(`bench: failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);

