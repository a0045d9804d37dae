import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { dropDatabase, urlForDatabase, withAdmin } from "./pg-admin";

declare module "vitest" {
  export interface ProvidedContext {
    /** Real server: a migrated template database that each test file clones. */
    pgTemplate: { adminUrl: string; template: string; prefix: string; connectUrl: string } | null;
    /** Embedded: a migrated PGlite data directory (tarball) that each test file loads. */
    pgliteTemplatePath: string | null;
  }
}

/**
 * Migrates once, then every integration test file gets its own copy: a
 * database cloned from a template on the real server, or an in-memory PGlite
 * loaded from a migrated snapshot. Files run in parallel and never share rows.
 */
export default async function setup(project: TestProject) {
  const connectUrl = process.env.DATABASE_URL?.trim();
  // DATABASE_ADMIN_URL: the server itself, when DATABASE_URL is a pooler
  // (PgBouncer's pooled connections to the template would block cloning it).
  // The tests connect through DATABASE_URL; creating, migrating and dropping
  // the databases goes to the admin URL.
  const url = process.env.DATABASE_ADMIN_URL?.trim() || connectUrl;
  if (url && connectUrl) {
    const prefix = `afterview_t${process.pid}_`;
    const template = `${prefix}template`;
    await dropDatabase(url, template);
    await withAdmin(url, (c) => c.query(`create database "${template}"`));
    const database = await openDatabase({ url: urlForDatabase(url, template) });
    await migrateDatabase(database);
    await database.close();
    project.provide("pgTemplate", { adminUrl: url, template, prefix, connectUrl });
    project.provide("pgliteTemplatePath", null);
    return async () => {
      await withAdmin(url, async (c) => {
        const { rows } = await c.query<{ datname: string }>(
          "select datname from pg_database where datname like $1",
          [`${prefix}%`],
        );
        for (const r of rows) await c.query(`drop database if exists "${r.datname}" with (force)`);
      });
    };
  }
  const database = await openDatabase({ dataDir: "memory://" });
  await migrateDatabase(database);
  const dump = await database.dump!();
  await database.close();
  const file = path.join(os.tmpdir(), `afterview-pglite-template-${process.pid}.tar.gz`);
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgTemplate", null);
  project.provide("pgliteTemplatePath", file);
  return async () => {
    fs.rmSync(file, { force: true });
  };
}
