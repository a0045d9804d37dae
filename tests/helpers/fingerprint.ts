import type { Db } from "@/db/client";

/** A fingerprint of every row that belongs to a firm, across every tenant table. */
export async function firmFingerprint(db: Db, firmId: string): Promise<Record<string, string>> {
  const tables = (await db.execute(
    `select table_name from information_schema.columns where table_schema = 'public' and column_name = 'firm_id' order by table_name` as never,
  )) as unknown as { rows: { table_name: string }[] };
  const out: Record<string, string> = {};
  for (const { table_name } of tables.rows) {
    const r = (await db.execute(
      `select coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as h, count(*)::int as n from "${table_name}" t where firm_id = '${firmId}'` as never,
    )) as unknown as { rows: { h: string; n: number }[] };
    out[table_name] = `${r.rows[0]!.n}:${r.rows[0]!.h}`;
  }
  return out;
}

/**
 * A cheaper "did anything change" for loops over thousands of inputs: a row
 * trigger on every tenant table (and firms, users) counts the rows written.
 * Updates that touch only the given bookkeeping columns (a session's idle
 * clock, a token's last use) are not counted. Test databases only.
 */
export async function installChangeCounter(db: Db, ignore: Record<string, string[]> = {}): Promise<() => Promise<number>> {
  await db.execute(`create table if not exists test_change_counter (id int primary key, n bigint not null)` as never);
  await db.execute(`insert into test_change_counter values (1, 0) on conflict do nothing` as never);
  await db.execute(`create or replace function test_count_change() returns trigger language plpgsql security definer as $$
    begin
      update test_change_counter set n = n + 1 where id = 1;
      return null;
    end $$` as never);
  const tables = (await db.execute(
    `select distinct table_name from information_schema.columns where table_schema = 'public'
       and (column_name = 'firm_id' or table_name in ('firms', 'users')) order by table_name` as never,
  )) as unknown as { rows: { table_name: string }[] };
  for (const { table_name: t } of tables.rows) {
    const minus = (ignore[t] ?? []).map((c) => ` - '${c}'`).join("");
    await db.execute(`drop trigger if exists test_count_write on "${t}"` as never);
    await db.execute(
      `create trigger test_count_write after insert or delete on "${t}" for each row execute function test_count_change()` as never,
    );
    await db.execute(`drop trigger if exists test_count_update on "${t}"` as never);
    await db.execute(
      `create trigger test_count_update after update on "${t}" for each row
        when ((to_jsonb(old)${minus}) is distinct from (to_jsonb(new)${minus})) execute function test_count_change()` as never,
    );
  }
  return async () => {
    const r = (await db.execute(`select n from test_change_counter where id = 1` as never)) as unknown as { rows: { n: string | number }[] };
    return Number(r.rows[0]!.n);
  };
}
