/**
 * What the benchmark needs beyond the scale seed, added to a tier's big firm
 * when it is missing (so a database seeded before stays usable without a new
 * seed): one job with BIG_JOB_APPLICATIONS applications (the seed spreads
 * about 60 over each job), and sign-in accounts for SOAK_CANDIDATES
 * candidates (the seed makes 20). Deterministic: the same candidates, ids,
 * stages and times on every database of the same seed; each step is skipped
 * when its rows are there.
 */
import pg from "pg";
import type { BenchFirm } from "./support";

export const BIG_JOB_APPLICATIONS = 2_000;
export const SOAK_CANDIDATES = 200;

/** SQL for a deterministic UUID (RFC 9562 version 8, as the app's validation requires a valid one) from a text expression. */
const uuidOf = (text: string) =>
  `(select (substr(h, 1, 12) || '8' || substr(h, 14, 3) || 'a' || substr(h, 18))::uuid from (select md5(${text}) as h) m)`;

/** The big firm's job with the most applications, topped up to BIG_JOB_APPLICATIONS when no job has that many. */
async function ensureBigJob(client: pg.Client, firm: BenchFirm, log: (line: string) => void): Promise<void> {
  const top = await client.query<{ job_id: string; n: number }>(
    `select job_id, count(*)::int as n from applications where firm_id = $1 group by job_id order by n desc, job_id limit 1`,
    [firm.id],
  );
  if ((top.rows[0]?.n ?? 0) >= BIG_JOB_APPLICATIONS) return;
  // The firm's first open job (by id); its board gets the firm's first candidates (by id) not on it yet.
  const job = await client.query<{ id: string; owner_user_id: string | null; created_at: Date }>(
    `select id, owner_user_id, created_at from jobs where firm_id = $1 and status = 'open' and archived_at is null order by id limit 1`,
    [firm.id],
  );
  const j = job.rows[0];
  if (!j) throw new Error(`The benchmark firm ${firm.name} has no open job.`);
  log(`Adding applications to one job of ${firm.name} until it has ${BIG_JOB_APPLICATIONS.toLocaleString("en-US")}…`);
  const r = await client.query(
    `insert into applications (firm_id, id, candidate_id, job_id, stage, stage_changed_at, closed_reason, recruiter_user_id,
                               created_by, created_at, updated_at)
     select $1, ${uuidOf("'bench-big-job:' || c.id::text")}, c.id, $2,
            (array['sourced', 'submitted', 'interviewing', 'interviewing', 'offer', 'placed', 'rejected', 'withdrawn'])
              [1 + (('x' || substr(md5(c.id::text), 1, 7))::bit(28)::int % 8)]::application_stage,
            $3::timestamptz + (c.n % 700) * interval '1 day', '', $4, $4,
            $3::timestamptz + (c.n % 700) * interval '1 day', $3::timestamptz + (c.n % 700) * interval '1 day'
       from (select id, row_number() over (order by id) as n from candidates
              where firm_id = $1 and not exists (select 1 from applications a where a.firm_id = $1 and a.job_id = $2 and a.candidate_id = candidates.id)
              order by id limit $5) c`,
    [firm.id, j.id, j.created_at, j.owner_user_id, BIG_JOB_APPLICATIONS - (await countOn(client, firm, j.id))],
  );
  log(`Added ${r.rowCount} applications.`);
}

async function countOn(client: pg.Client, firm: BenchFirm, jobId: string): Promise<number> {
  const r = await client.query<{ n: number }>(`select count(*)::int as n from applications where firm_id = $1 and job_id = $2`, [firm.id, jobId]);
  return r.rows[0]?.n ?? 0;
}

/** Accounts (the seed's password) for the candidates candidate000000…candidate000199 of the firm that have none. */
async function ensureCandidateAccounts(client: pg.Client, firm: BenchFirm, log: (line: string) => void): Promise<void> {
  const have = await client.query<{ n: number }>(
    `select count(*)::int as n from memberships where firm_id = $1 and role = 'candidate'`,
    [firm.id],
  );
  if ((have.rows[0]?.n ?? 0) >= SOAK_CANDIDATES) return;
  log(`Adding sign-in accounts for ${SOAK_CANDIDATES} candidates of ${firm.name}…`);
  await client.query("begin");
  try {
    const emails = Array.from({ length: SOAK_CANDIDATES }, (_, i) => `candidate${String(i).padStart(6, "0")}@${firm.slug}.test`);
    await client.query(
      `insert into users (id, email, name, password_hash, created_at, updated_at)
       select ${uuidOf("'bench-user:' || c.id::text")}, c.email, c.name,
              (select u.password_hash from users u where u.email = $3), c.created_at, c.created_at
         from candidates c
        where c.firm_id = $1 and c.email = any($2) and not exists (select 1 from users u where u.email = c.email)`,
      [firm.id, emails, `admin@${firm.slug}.test`],
    );
    await client.query(
      `insert into memberships (firm_id, id, user_id, role, candidate_id, created_at, updated_at)
       select $1, ${uuidOf("'bench-membership:' || c.id::text")}, u.id, 'candidate', c.id, c.created_at, c.created_at
         from candidates c join users u on u.email = c.email
        where c.firm_id = $1 and c.email = any($2)
          and not exists (select 1 from memberships m where m.firm_id = $1 and m.user_id = u.id)`,
      [firm.id, emails],
    );
    await client.query("commit");
  } catch (err) {
    await client.query("rollback");
    throw err;
  }
}

export async function topUpTier(url: string, big: BenchFirm, log: (line: string) => void): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await ensureBigJob(client, big, log);
    await ensureCandidateAccounts(client, big, log);
  } finally {
    await client.end();
  }
}
