import { describe, expect, inject, it } from "vitest";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { emptyDatabase, useFreshDatabase } from "../helpers/db";

const GLOBAL_TABLES = new Set(["firms", "users", "password_resets", "auth_sessions", "throttles", "spent_tokens"]);

describe("schema", () => {
  const database = useFreshDatabase();

  it("applies every migration to an empty database once and records them", async () => {
    const empty = await emptyDatabase();
    try {
      const applied = await migrateDatabase(empty);
      expect(applied).toBeGreaterThan(0);
      const again = await migrateDatabase(empty);
      expect(again).toBe(0);
      const rows = await empty.query<{ n: string }>("select count(*)::text as n from drizzle.__drizzle_migrations");
      expect(Number(rows[0]!.n)).toBe(applied);
    } finally {
      await empty.close();
    }
  });

  // The embedded database belongs to one process: there is no second instance to race.
  it.skipIf(!inject("pgTemplate"))("applies each migration once when two instances migrate the same empty database at once", async () => {
    const empty = await emptyDatabase();
    // A second pool on the same database, as a second instance would have.
    const url = (empty.pool!.options as { connectionString: string }).connectionString;
    const other = await openDatabase({ url, poolMax: 2 });
    try {
      const [x, y] = await Promise.all([migrateDatabase(empty), migrateDatabase(other)]);
      const rows = await empty.query<{ n: string; distinct: string }>(
        "select count(*)::text as n, count(distinct hash)::text as distinct from drizzle.__drizzle_migrations",
      );
      expect(x + y).toBe(Number(rows[0]!.n));
      expect(rows[0]!.distinct).toBe(rows[0]!.n);
      expect(Number(rows[0]!.n)).toBeGreaterThan(10);
    } finally {
      await other.close();
      await empty.close();
    }
  });

  it("gives every tenant table a firm_id that leads an index", async () => {
    const tables = await database.current.query<{ table_name: string }>(
      `select table_name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    );
    expect(tables.length).toBeGreaterThan(15);
    const withFirm = await database.current.query<{ table_name: string; is_nullable: string }>(
      `select table_name, is_nullable from information_schema.columns
        where table_schema = 'public' and column_name = 'firm_id'`,
    );
    const firmTables = new Map(withFirm.map((r) => [r.table_name, r.is_nullable]));
    for (const { table_name } of tables) {
      if (GLOBAL_TABLES.has(table_name)) continue;
      expect(firmTables.has(table_name), `${table_name} has no firm_id`).toBe(true);
    }
    const leading = await database.current.query<{ table_name: string }>(
      `select distinct t.relname as table_name
         from pg_index i
         join pg_class t on t.oid = i.indrelid
         join pg_namespace n on n.oid = t.relnamespace
         join pg_attribute a on a.attrelid = t.oid and a.attnum = i.indkey[0]
        where n.nspname = 'public' and a.attname = 'firm_id'`,
    );
    const indexed = new Set(leading.map((r) => r.table_name));
    for (const table of firmTables.keys()) {
      expect(indexed.has(table), `${table}.firm_id leads no index`).toBe(true);
    }
  });

  it("refuses a row that references another firm's record", async () => {
    const db = database.current;
    const [a] = await db.query<{ id: string }>(
      `insert into firms (id, name, slug) values (gen_random_uuid(), 'A', 'a-${Date.now()}') returning id`,
    );
    const [b] = await db.query<{ id: string }>(
      `insert into firms (id, name, slug) values (gen_random_uuid(), 'B', 'b-${Date.now()}') returning id`,
    );
    const [client] = await db.query<{ id: string }>(
      `insert into clients (firm_id, id, name) values ($1, gen_random_uuid(), 'Acme') returning id`,
      [a!.id],
    );
    await expect(
      db.query(`insert into jobs (firm_id, id, client_id, title) values ($1, gen_random_uuid(), $2, 'Engineer')`, [
        b!.id,
        client!.id,
      ]),
    ).rejects.toThrow(/foreign key/);
  });
});

describe("audit log", () => {
  const database = useFreshDatabase();

  it("refuses to update, delete or truncate audit rows", async () => {
    const db = database.current;
    const [firm] = await db.query<{ id: string }>(
      `insert into firms (id, name, slug) values (gen_random_uuid(), 'Audit', 'audit-${Date.now()}') returning id`,
    );
    const [row] = await db.query<{ id: string }>(
      `insert into audit_events (firm_id, id, action, entity_type) values ($1, gen_random_uuid(), 'x.test', 'test') returning id`,
      [firm!.id],
    );
    await expect(db.query(`update audit_events set action = 'changed' where id = $1`, [row!.id])).rejects.toThrow(/append-only/);
    await expect(db.query(`delete from audit_events where id = $1`, [row!.id])).rejects.toThrow(/append-only/);
    await expect(db.query(`truncate audit_events`)).rejects.toThrow(/append-only/);
    const [still] = await db.query<{ action: string }>(`select action from audit_events where id = $1`, [row!.id]);
    expect(still?.action).toBe("x.test");
  });
});
