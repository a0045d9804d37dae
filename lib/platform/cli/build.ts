import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const INPUTS = [
  "app",
  "lib",
  "db/schema",
  "db/queries",
  "db/client.ts",
  "db/runtime.ts",
  "db/migrate.ts",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.mjs",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];
const distDir = () => process.env.NEXT_DIST_DIR || ".next";
const HASH_FILE = () => path.join(distDir(), "afterview-source-hash");

function walk(p: string, out: string[]) {
  if (!fs.existsSync(p)) return;
  const st = fs.statSync(p);
  if (st.isDirectory()) {
    for (const name of fs.readdirSync(p).sort()) walk(path.join(p, name), out);
  } else {
    out.push(p);
  }
}

/** A content hash of everything the build reads (mtimes change on every clone, contents do not). */
export function sourceHash(root = process.cwd()): string {
  const files: string[] = [];
  for (const input of INPUTS) walk(path.join(root, input), files);
  const h = createHash("sha256");
  for (const f of files) {
    h.update(path.relative(root, f));
    h.update(fs.readFileSync(f));
  }
  return h.digest("hex");
}

export function buildIsCurrent(root = process.cwd()): boolean {
  const id = path.join(root, distDir(), "BUILD_ID");
  const hashFile = path.join(root, HASH_FILE());
  if (!fs.existsSync(id) || !fs.existsSync(hashFile)) return false;
  return fs.readFileSync(hashFile, "utf8") === sourceHash(root);
}

export function recordBuild(hash: string, root = process.cwd()): void {
  fs.writeFileSync(path.join(root, HASH_FILE()), hash);
}

/**
 * Runs `run` and puts `file` back as it was if `run` changed it. `next build`
 * writes its build directory's types into tsconfig.json's "include" when that
 * directory is not `.next` (NEXT_DIST_DIR): tsconfig.json is a build input, so
 * the next start on the same directory saw "changed sources" and built again
 * (under a server already running from it), and the working tree showed a
 * change no one made.
 */
export function restoringFile<T>(file: string, run: () => T): T {
  const before = fs.existsSync(file) ? fs.readFileSync(file) : null;
  try {
    return run();
  } finally {
    if (before !== null && (!fs.existsSync(file) || !fs.readFileSync(file).equals(before))) fs.writeFileSync(file, before);
  }
}
