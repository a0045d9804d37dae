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
