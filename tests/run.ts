/**
 * `npm test`: the whole suite — unit and integration (Vitest), then
 * end-to-end (Playwright in Chromium) — and one closing summary line.
 * DATABASE_URL switches every part from the embedded database to that server.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { findChromium, NO_BROWSER_MESSAGE } from "./e2e/browser";
import { playwrightFailures, vitestFailures } from "./helpers/failures";

const root = process.cwd();
const results = path.join(root, "test-results");
fs.mkdirSync(results, { recursive: true });
const only = process.argv.slice(2);
const wants = (part: string) => only.length === 0 || only.includes(part);

type Counts = { passed: number; failed: number; skipped: number };
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
/** Each failed test by file and title, repeated under the closing summary so a long log still names them. */
const failures: string[] = [];
let exitCode = 0;

function run(cmd: string, args: string[]): number {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: process.env });
  return r.status ?? 1;
}

if (wants("vitest")) {
  const out = path.join(results, "vitest-results.json");
  fs.rmSync(out, { force: true });
  const code = run(process.execPath, [
    path.join("node_modules", "vitest", "vitest.mjs"),
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${out}`,
  ]);
  if (code !== 0) exitCode = code;
  if (fs.existsSync(out)) {
    const j = JSON.parse(fs.readFileSync(out, "utf8"));
    total.passed += j.numPassedTests ?? 0;
    total.failed += (j.numFailedTests ?? 0) + (code !== 0 && !j.numFailedTests ? 1 : 0);
    total.skipped += (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
    const named = vitestFailures(j, root);
    failures.push(...named);
    if (code !== 0 && named.length === 0) failures.push(`Vitest exited with code ${code} and no failed test (see its errors above)`);
  } else if (code !== 0) {
    total.failed += 1;
    failures.push(`Vitest exited with code ${code} and wrote no report`);
  }
}

if (wants("e2e")) {
  if (!findChromium() && !process.env.PLAYWRIGHT_BROWSERS_PATH) {
    console.error(`\n${NO_BROWSER_MESSAGE}\n`);
  }
  const out = path.join(results, "e2e-results.json");
  fs.rmSync(out, { force: true });
  const code = run(process.execPath, [path.join("node_modules", "@playwright", "test", "cli.js"), "test"]);
  if (code !== 0) exitCode = code;
  if (fs.existsSync(out)) {
    const report = JSON.parse(fs.readFileSync(out, "utf8"));
    const s = report.stats ?? {};
    const before = failures.length;
    failures.push(...playwrightFailures(report, root));
    total.passed += (s.expected ?? 0) + (s.flaky ?? 0);
    total.failed += s.unexpected ?? 0;
    total.skipped += s.skipped ?? 0;
    if (code !== 0 && !s.unexpected) total.failed += 1;
    if (code !== 0 && failures.length === before) failures.push(`Playwright exited with code ${code} and no failed test (see its errors above)`);
  } else if (code !== 0) {
    total.failed += 1;
    failures.push(`Playwright exited with code ${code} and wrote no report`);
  }
}

const engine = process.env.DATABASE_URL ? "PostgreSQL" : "embedded";
console.log(`\nAll suites (${engine} database):`);
for (const failure of failures) console.log(`FAILED: ${failure}`);
console.log(`Tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(exitCode);
