import fs from "node:fs";
import path from "node:path";

/**
 * The authorization matrix: every page, server action and route handler
 * against every kind of caller, with the expected outcome. It is data (the
 * JSON files beside this one, one per area); tests/unit/authz-coverage.test.ts
 * fails when a page, action or route exists that no file lists.
 */
export const ROLES = ["anonymous", "candidate", "recruiter", "admin", "otherFirmAdmin"] as const;
export type Caller = (typeof ROLES)[number];

/** 200 page, 404 not found, "signin": redirected to sign-in, "home": redirected to the caller's home. */
export type PageOutcome = 200 | 404 | "signin" | "home";
export type ActionOutcome = "ok" | "denied";

export interface PageEntry {
  file: string;
  /** The URL, with {a.candidateId}-style placeholders for firm A's records. */
  path: string;
  expect: Record<Caller, PageOutcome>;
}
export interface ActionEntry {
  /** "<file>#<export>" */
  id: string;
  fields?: Record<string, string | string[]>;
  /** For actions that take plain arguments instead of (state, FormData). */
  args?: unknown[];
  expect: Record<Caller, ActionOutcome>;
}
export interface RouteEntry {
  file: string;
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  expect: Record<Caller, number>;
}
interface MatrixFile {
  pages?: PageEntry[];
  actions?: ActionEntry[];
  routes?: RouteEntry[];
}

const root = path.resolve(__dirname, "..", "..");
const dir = path.join(root, "tests", "authz");

export function loadMatrix(): Required<MatrixFile> {
  const out: Required<MatrixFile> = { pages: [], actions: [], routes: [] };
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith(".json")).sort()) {
    const m = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as MatrixFile;
    out.pages.push(...(m.pages ?? []));
    out.actions.push(...(m.actions ?? []));
    out.routes.push(...(m.routes ?? []));
  }
  return out;
}

function walk(d: string, out: string[] = []): string[] {
  for (const name of fs.readdirSync(d)) {
    const p = path.join(d, name);
    if (fs.statSync(p).isDirectory()) walk(p, out);
    else out.push(path.relative(root, p));
  }
  return out;
}

export function appFiles(): string[] {
  return walk(path.join(root, "app"));
}

export function discoverPages(): string[] {
  return appFiles().filter((f) => /(^|\/)page\.tsx?$/.test(f));
}

export function discoverRoutes(): { file: string; method: string }[] {
  const out: { file: string; method: string }[] = [];
  for (const file of appFiles().filter((f) => /(^|\/)route\.ts$/.test(f))) {
    const src = fs.readFileSync(path.join(root, file), "utf8");
    for (const m of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
      const re = new RegExp(`export\\s+(async\\s+function\\s+${m}\\b|const\\s+\\{[^}]*\\b${m}\\b[^}]*\\}|const\\s+${m}\\b)`);
      if (re.test(src)) out.push({ file, method: m });
    }
  }
  return out;
}

/** Every export of every "use server" module under app/. */
export function discoverActions(): string[] {
  const out: string[] = [];
  for (const file of appFiles().filter((f) => /\.tsx?$/.test(f))) {
    const src = fs.readFileSync(path.join(root, file), "utf8");
    if (!/^\s*["']use server["'];?/.test(src)) continue;
    for (const m of src.matchAll(/export\s+(?:const|async\s+function|function)\s+(\w+)/g)) out.push(`${file}#${m[1]}`);
  }
  return out;
}

/** Replaces {a.x.y} placeholders with values from the fixture objects. */
export function fill(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{([\w.]+)\}/g, (_, key: string) => {
    let v: unknown = values;
    for (const part of key.split(".")) v = (v as Record<string, unknown> | undefined)?.[part];
    if (v === undefined) throw new Error(`Unknown placeholder {${key}}`);
    return String(v);
  });
}
