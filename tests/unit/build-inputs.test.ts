import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildIsCurrent, recordBuild, restoringFile, sourceHash } from "@/lib/platform/cli/build";

/**
 * `npm start` builds only when the sources changed. A build into another
 * directory (NEXT_DIST_DIR) rewrites tsconfig.json, one of those sources: the
 * start puts it back, so a second start on that directory does not build again.
 */
describe("the start's build check", () => {
  const dirs: string[] = [];
  const project = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "afterview-build-"));
    dirs.push(dir);
    fs.mkdirSync(path.join(dir, "app"));
    fs.writeFileSync(path.join(dir, "app", "page.tsx"), "export default function Page() { return null; }\n");
    fs.writeFileSync(path.join(dir, "tsconfig.json"), '{ "include": ["**/*.ts", ".next/types/**/*.ts"] }\n');
    return dir;
  };
  afterEach(() => {
    delete process.env.NEXT_DIST_DIR;
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("puts back a file the build rewrote, and the build then counts as current", () => {
    const dir = project();
    process.env.NEXT_DIST_DIR = ".next-other";
    const tsconfig = path.join(dir, "tsconfig.json");
    const before = fs.readFileSync(tsconfig, "utf8");
    const hash = sourceHash(dir);
    const answer = restoringFile(tsconfig, () => {
      // What `next build` does with another directory: its types join "include".
      fs.writeFileSync(tsconfig, '{ "include": ["**/*.ts", ".next/types/**/*.ts", ".next-other/types/**/*.ts"] }\n');
      fs.mkdirSync(path.join(dir, ".next-other"));
      fs.writeFileSync(path.join(dir, ".next-other", "BUILD_ID"), "b1");
      return 0;
    });
    expect(answer).toBe(0);
    expect(fs.readFileSync(tsconfig, "utf8")).toBe(before);
    recordBuild(hash, dir);
    expect(buildIsCurrent(dir)).toBe(true);

    // A real change of the sources still calls for a build.
    fs.writeFileSync(path.join(dir, "app", "page.tsx"), "export default function Page() { return 1; }\n");
    expect(buildIsCurrent(dir)).toBe(false);
  });

  it("puts the file back when the build fails too, and leaves an unchanged file alone", () => {
    const dir = project();
    const tsconfig = path.join(dir, "tsconfig.json");
    const before = fs.readFileSync(tsconfig, "utf8");
    expect(() =>
      restoringFile(tsconfig, () => {
        fs.writeFileSync(tsconfig, "{}");
        throw new Error("build failed");
      }),
    ).toThrow("build failed");
    expect(fs.readFileSync(tsconfig, "utf8")).toBe(before);
    const mtime = fs.statSync(tsconfig).mtimeMs;
    restoringFile(tsconfig, () => undefined);
    expect(fs.statSync(tsconfig).mtimeMs).toBe(mtime);
  });
});
