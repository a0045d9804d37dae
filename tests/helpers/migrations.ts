import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Database } from "@/db/client";
import { MIGRATIONS_FOLDER } from "@/db/migrate";

/** The migrations up to and including `lastTag`, as a folder of their own. */
export function migrationsUpTo(lastTag: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "afterview-migrations-"));
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
    entries: { tag: string; idx: number }[];
  };
  const last = journal.entries.find((e) => e.tag === lastTag);
  if (!last) throw new Error(`no migration ${lastTag}`);
  const entries = journal.entries.filter((e) => e.idx <= last.idx);
  fs.mkdirSync(path.join(dir, "meta"));
  fs.writeFileSync(path.join(dir, "meta", "_journal.json"), JSON.stringify({ ...journal, entries }));
  for (const e of entries) fs.copyFileSync(path.join(MIGRATIONS_FOLDER, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  return dir;
}

/**
 * A firm with one client, job, candidate and application, written in plain
 * SQL so that it fits the tables of any earlier migration (the schema's
 * inserts name every column the code knows, including later ones).
 */
export async function insertEarlierFirm(database: Database, slug: string): Promise<{ firmId: string; applicationId: string; candidateId: string }> {
  const [row] = await database.query<{ firm_id: string; id: string; candidate_id: string }>(
    `with f as (insert into firms (id, name, slug) values (gen_random_uuid(), $1, $1) returning id),
     c as (insert into clients (firm_id, id, name) select f.id, gen_random_uuid(), 'Acme' from f returning firm_id, id),
     j as (insert into jobs (firm_id, id, client_id, title) select c.firm_id, gen_random_uuid(), c.id, 'Engineer' from c returning firm_id, id),
     p as (insert into candidates (firm_id, id, name, email) select j.firm_id, gen_random_uuid(), 'Nina Earlier', 'nina@earlier.example' from j returning firm_id, id)
     insert into applications (firm_id, id, candidate_id, job_id, stage)
       select p.firm_id, gen_random_uuid(), p.id, j.id, 'interviewing' from p, j returning firm_id, id, candidate_id`,
    [slug],
  );
  return { firmId: row!.firm_id, applicationId: row!.id, candidateId: row!.candidate_id };
}
