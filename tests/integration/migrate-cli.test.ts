import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/** `npm run db:migrate`, on a new embedded database: migrates it, then finds nothing left to do. */
describe("npm run db:migrate", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "afterview-migrate-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const run = () => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dir };
    delete env.DATABASE_URL;
    return spawnSync(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "db/migrate-cli.ts"], { env, encoding: "utf8", timeout: 120_000 });
  };

  it("applies every migration once", () => {
    const migrations = fs.readdirSync(path.join("db", "migrations")).filter((f) => f.endsWith(".sql")).length;
    const first = run();
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(`Applied ${migrations} migrations to the embedded database in ${dir}.`);
    const second = run();
    expect(second.status).toBe(0);
    expect(second.stdout).toContain("is up to date");
  }, 240_000);
});
