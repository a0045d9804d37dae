import fs from "node:fs";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { openDatabase, type Database } from "@/db/client";
import { dropDatabase, urlForDatabase, withAdmin } from "./pg-admin";

/** A fresh, migrated database of its own (see global-setup.ts). The caller closes it. */
export async function freshDatabase(): Promise<Database> {
  const pgTemplate = inject("pgTemplate");
  if (pgTemplate) {
    const name = `${pgTemplate.prefix}${randomBytes(6).toString("hex")}`;
    await withAdmin(pgTemplate.adminUrl, (c) => c.query(`create database "${name}" template "${pgTemplate.template}"`));
    const database = await openDatabase({ url: urlForDatabase(pgTemplate.connectUrl, name), poolMax: 4 });
    const close = database.close;
    database.close = async () => {
      await close();
      await dropDatabase(pgTemplate.adminUrl, name);
    };
    return database;
  }
  const templatePath = inject("pgliteTemplatePath");
  if (!templatePath) throw new Error("The integration global setup did not run.");
  const blob = new Blob([fs.readFileSync(templatePath)]);
  return openDatabase({ dataDir: "memory://", loadDataDir: blob });
}

/** An empty, unmigrated database on the engine under test (for migration tests). */
export async function emptyDatabase(): Promise<Database> {
  const pgTemplate = inject("pgTemplate");
  if (!pgTemplate) return openDatabase({ dataDir: "memory://" });
  const name = `${pgTemplate.prefix}${randomBytes(6).toString("hex")}`;
  await withAdmin(pgTemplate.adminUrl, (c) => c.query(`create database "${name}"`));
  const database = await openDatabase({ url: urlForDatabase(pgTemplate.adminUrl, name), poolMax: 2 });
  const close = database.close;
  database.close = async () => {
    await close();
    await dropDatabase(pgTemplate.adminUrl, name);
  };
  return database;
}

/** Gives the test file one fresh database, opened before and closed after its tests. */
export function useFreshDatabase(): { readonly current: Database } {
  const holder: { current?: Database } = {};
  beforeAll(async () => {
    holder.current = await freshDatabase();
  });
  afterAll(async () => {
    await holder.current?.close();
  });
  return {
    get current() {
      if (!holder.current) throw new Error("Database not open yet: use it inside a test or hook.");
      return holder.current;
    },
  };
}
