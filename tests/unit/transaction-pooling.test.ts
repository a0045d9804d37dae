import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * DATABASE_URL may be PgBouncer in transaction mode: each transaction may run
 * on another server connection, shared with other clients. Whatever a
 * statement leaves on a session outside its transaction would then leak to
 * someone else's work, or be missing from the next statement. So db/, lib/ and app/
 * keep no session-level state (ARCHITECTURE.md, "Transaction pooling"); this
 * scan keeps the patterns from coming back.
 */
const ROOTS = ["db", "lib", "app"];
const SKIP = [/^db\/migrations\//];

const RULES: { pattern: RegExp; why: string }[] = [
  {
    pattern: /["'`;]\s*(set|SET)\s+(?!local\b|LOCAL\b)(session\s+|SESSION\s+)?[a-z_][a-z0-9_.]*\s*(=|to\b|TO\b)/,
    why: "a plain SET lasts for the session: use SET LOCAL (or set_config(…, true)) inside the transaction",
  },
  {
    pattern: /["'`;]\s*(reset|RESET)\s+[a-z_]/,
    why: "RESET is session-level: use SET LOCAL … inside the transaction (SET LOCAL ROLE NONE for the role)",
  },
  { pattern: /set_config\s*\([^)]*,\s*false\s*\)/i, why: "set_config(…, false) lasts for the session: pass true" },
  {
    pattern: /pg_(try_)?advisory_(un)?lock(_shared)?\s*\(/i,
    why: "a session advisory lock outlives the transaction and may be taken on one server connection and released on another: use pg_advisory_xact_lock",
  },
  { pattern: /["'`;]\s*(un)?listen\s+/i, why: "LISTEN needs a session of its own; poll instead (pg-boss does)" },
  { pattern: /create\s+(global\s+|local\s+)?temp(orary)?\s+table/i, why: "a temporary table belongs to the session" },
  { pattern: /with\s+hold\b/i, why: "a cursor WITH HOLD outlives its transaction" },
  { pattern: /["'`;]\s*prepare\s+\w+/i, why: "a prepared statement belongs to the session" },
  {
    pattern: /\{\s*name\s*:\s*[^,{}]+,\s*text\s*:|\{\s*text\s*:\s*[^{}]+,\s*name\s*:/,
    why: "a named prepared statement (pg's QueryConfig name) is kept by the server connection, which the pooler hands to others",
  },
  {
    pattern: /\.prepare\s*\(\s*["'`]/,
    why: "drizzle's .prepare(name) makes a named prepared statement, kept by one server connection",
  },
  { pattern: /["'`;]\s*discard\s+/i, why: "DISCARD resets the session, which the pooler shares" },
];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (/\.(ts|tsx|mjs|js)$/.test(entry.name)) out.push(full);
  }
  return out;
}

function findings(file: string, text: string): string[] {
  const found: string[] = [];
  text.split("\n").forEach((line, i) => {
    for (const { pattern, why } of RULES) {
      if (pattern.test(line)) found.push(`${file}:${i + 1}: ${line.trim()}\n  → ${why}`);
    }
  });
  return found;
}

describe("no session-level state in db/, lib/ and app/ (transaction pooling)", () => {
  it("finds none of the patterns", () => {
    const files = ROOTS.flatMap((root) => sourceFiles(root)).filter((f) => !SKIP.some((s) => s.test(f.split(path.sep).join("/"))));
    expect(files.length).toBeGreaterThan(100);
    const all = files.flatMap((f) => findings(f, fs.readFileSync(f, "utf8")));
    expect(all, all.join("\n")).toEqual([]);
  });

  it("finds none in pg-boss, which runs its queue on the same pool (each command one transaction, xact-level locks, polling)", () => {
    const files = sourceFiles(path.join("node_modules", "pg-boss", "src"));
    expect(files.length).toBeGreaterThan(5);
    const all = files.flatMap((f) => findings(f, fs.readFileSync(f, "utf8")));
    expect(all, all.join("\n")).toEqual([]);
  });

  it("recognises each pattern (the scan is not blind)", () => {
    const samples = [
      'await client.query("set jit = off");',
      "await tx.execute(sql`reset role`);",
      "select set_config('app.firm_id', $1, false)",
      'await conn.query("select pg_advisory_lock($1)", [1]);',
      'await client.query("LISTEN jobs");',
      "create temporary table t (id int)",
      "declare c cursor with hold for select 1",
      'await client.query("prepare q as select 1");',
      'await client.query({ name: "find-user", text: "select 1" });',
      'await client.query("discard all");',
      'const q = db.select().from(users).prepare("user_by_id");',
    ];
    for (const sample of samples) expect(findings("sample.ts", sample), sample).toHaveLength(1);
    const fine = [
      "set local role afterview_app; select set_config('app.firm_id', 'x', true)",
      "select pg_advisory_xact_lock($1)",
      'fail("set DATABASE_URL to the PostgreSQL server.")',
      "update report_rollup_state set fresh_at = now() where firm_id = $1",
      '{ category: "Skills", name: "Technical depth", description: "…" }',
    ];
    for (const sample of fine) expect(findings("sample.ts", sample), sample).toEqual([]);
  });
});
