import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { Db } from "@/db/client";
import { APP_ROLE, firmScopedDb } from "@/db/firm-db";
import * as s from "@/db/schema";
import { useFreshDatabase } from "../helpers/db";
import { createTestFirm, scopeOf, sessionFor, type TestFirm } from "../helpers/fixtures";

/**
 * Row-level security (migration 0003, db/firm-db.ts): the second line of
 * defence. The queries' own firm_id filters are the first; these tests leave
 * them out on purpose and check what the database alone lets through.
 */
const onPostgres = Boolean(inject("pgTemplate"));

type Row = Record<string, unknown>;
const rowsOf = (r: unknown): Row[] => (Array.isArray(r) ? r : ((r as { rows: Row[] }).rows ?? []));
const run = async (db: Db, text: string) => rowsOf(await db.execute(sql.raw(text)));

/** Tables that carry a firm_id, from the catalog (so a new table is covered without editing this file). */
async function firmTables(db: Db): Promise<string[]> {
  const rows = await run(
    db,
    `select c.table_name as t from information_schema.columns c
       join information_schema.tables tb on tb.table_schema = c.table_schema and tb.table_name = c.table_name
      where c.table_schema = 'public' and c.column_name = 'firm_id' and tb.table_type = 'BASE TABLE'
      order by 1`,
  );
  return rows.map((r) => String(r.t));
}

describe("row-level security: every tenant table has a policy (both engines)", () => {
  const database = useFreshDatabase();

  it("enables RLS with a policy for the app role on every table with a firm_id, and on firms", async () => {
    const db = database.current.db;
    const tables = await firmTables(db);
    expect(tables.length).toBeGreaterThan(20);
    const rows = await run(
      db,
      `select c.relname as t, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
              (select count(*)::int from pg_policies p where p.schemaname = 'public' and p.tablename = c.relname
                 and '${APP_ROLE}' = any(p.roles)) as policies
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r'`,
    );
    const byTable = new Map(rows.map((r) => [String(r.t), r]));
    for (const t of [...tables, "firms"]) {
      const r = byTable.get(t);
      expect(r?.rls, `${t} has row-level security`).toBe(true);
      expect(Number(r?.policies), `${t} has a policy for ${APP_ROLE}`).toBeGreaterThan(0);
      // Not forced: the owner (sign-in, jobs, migrations) works across firms.
      expect(r?.forced, `${t} does not force RLS on its owner`).toBe(false);
    }
  });

  it("does not let the app role own anything, or change audit rows", async () => {
    const db = database.current.db;
    const owned = await run(
      db,
      `select c.relname from pg_class c join pg_roles r on r.oid = c.relowner where r.rolname = '${APP_ROLE}'`,
    );
    expect(owned).toEqual([]);
    const [priv] = await run(
      db,
      `select has_table_privilege('${APP_ROLE}', 'audit_events', 'INSERT') as ins,
              has_table_privilege('${APP_ROLE}', 'audit_events', 'UPDATE') as upd,
              has_table_privilege('${APP_ROLE}', 'audit_events', 'DELETE') as del`,
    );
    expect(priv).toEqual({ ins: true, upd: false, del: false });
  });
});

describe.skipIf(!onPostgres)(
  "row-level security on PostgreSQL (skipped on the embedded engine: it runs as a superuser, whom RLS never restricts)",
  () => {
    const database = useFreshDatabase();
    let a: TestFirm;
    let b: TestFirm;
    let owner: Db;
    let asA: Db;
    let tables: string[];

    beforeAll(async () => {
      owner = database.current.db;
      a = await createTestFirm(owner, "a");
      b = await createTestFirm(owner, "b");
      // Session rows for both firms' people, and an audit row each.
      for (const [f, who] of [
        [a, a.recruiter],
        [b, b.recruiter],
        [b, b.admin],
      ] as const) {
        await sessionFor(owner, f, who);
        await owner.insert(s.auditEvents).values({ firmId: f.firmId, actorUserId: who.userId, action: "test.seed", entityType: "firm", entityId: f.firmId });
      }
      asA = scopeOf(owner, a, a.recruiter).db as Db;
      tables = await firmTables(owner);
    });

    it("lets a condition on a status column narrow an index scan, as it does for the tables' owner (migration 0019)", async () => {
      // A condition the policy must run first (a function not marked LEAKPROOF) cannot be an index
      // condition: "state = 'open'" would filter every task of the firm, and the list would sort them all.
      const plan = await asA.transaction(async (tx) => {
        await tx.execute(sql.raw("set local enable_seqscan = off"));
        await tx.execute(sql.raw("set local enable_bitmapscan = off"));
        return run(tx as unknown as Db, `explain (format json) select id from tasks where firm_id = '${a.firmId}' and state = 'open' order by due_at limit 5`);
      });
      const text = JSON.stringify(plan);
      expect(text).toMatch(/"Index Cond":"[^"]*state = 'open'::task_state/);
      expect(text).not.toContain('"Node Type":"Sort"');
    });

    it("the candidate search function answers only for the firm the transaction is set to (migration 0021)", async () => {
      // It runs as the tables' owner (to use the trigram index), so it checks the policy's condition itself.
      const ids = async (db: Db, firmId: string) =>
        (await run(db, `select candidate_search_ids('${firmId}'::uuid, '%', false) as id`)).map((r) => String(r.id)).sort();
      const ofFirm = async (firmId: string) =>
        (await run(owner, `select id::text as id from candidates where firm_id = '${firmId}'`)).map((r) => String(r.id)).sort();
      const mine = await ofFirm(a.firmId);
      expect(mine.length).toBeGreaterThan(0);
      expect(await ids(asA, a.firmId)).toEqual(mine);
      expect(await ofFirm(b.firmId)).not.toEqual([]);
      expect(await ids(asA, b.firmId)).toEqual([]);
      // The owner (no firm set) gets the firm it names, as its own queries do.
      expect(await ids(owner, b.firmId)).toEqual(await ofFirm(b.firmId));
    });

    it("a raw select with no firm filter returns only the scope's firm, in every tenant table", async () => {
      const withOtherFirms: string[] = [];
      for (const t of tables.filter((t) => t !== "auth_sessions")) {
        const all = await run(owner, `select firm_id::text as f, count(*)::int as n from ${t} group by 1`);
        if (all.some((r) => r.f !== a.firmId)) withOtherFirms.push(t);
        const mine = all.find((r) => r.f === a.firmId);
        const seen = await run(asA, `select firm_id::text as f, count(*)::int as n from ${t} group by 1`);
        expect(seen, t).toEqual(mine ? [mine] : []);
      }
      // The check means something: firm B's rows are there to leak, in most tables.
      expect(withOtherFirms.length).toBeGreaterThanOrEqual(10);
      expect(await run(asA, "select id::text from firms")).toEqual([{ id: a.firmId }]);
    });

    it("session rows: a person sees their own sessions only", async () => {
      const seen = await run(asA, "select distinct user_id::text as u from auth_sessions");
      expect(seen).toEqual([{ u: a.recruiter.userId }]);
      const all = await run(owner, "select count(distinct user_id)::int as n from auth_sessions");
      expect(all[0]!.n).toBeGreaterThanOrEqual(3);
    });

    it("refuses to write another firm's row, and cannot touch one", async () => {
      await expect(asA.insert(s.clients).values({ firmId: b.firmId, name: "Planted by A" })).rejects.toMatchObject({
        cause: expect.objectContaining({ code: "42501" }),
      });
      // Moving one of A's rows into firm B is refused as well.
      await expect(run(asA, `update clients set firm_id = '${b.firmId}' where id = '${a.clientId}'`)).rejects.toMatchObject({
        cause: expect.objectContaining({ code: "42501" }),
      });
      // B's rows are invisible to updates and deletes: nothing matches.
      expect(await run(asA, `update clients set name = 'renamed by A' where id = '${b.clientId}' returning id`)).toEqual([]);
      expect(await run(asA, `delete from tasks where firm_id = '${b.firmId}' returning id`)).toEqual([]);
      const [c] = await run(owner, `select name, firm_id::text as f from clients where id = '${b.clientId}'`);
      expect(c).toEqual({ name: `Client of ${b.slug}`, f: b.firmId });
      expect(await run(owner, "select count(*)::int as n from clients where name = 'Planted by A'")).toEqual([{ n: 0 }]);
    });

    it("the app role with no firm set sees nothing and writes nothing", async () => {
      const client = await database.current.pool!.connect();
      try {
        await client.query(`begin; set local role ${APP_ROLE}`);
        for (const t of tables) {
          const { rows } = await client.query(`select count(*)::int as n from ${t}`);
          expect(rows[0].n, t).toBe(0);
        }
        await expect(client.query(`insert into clients (id, firm_id, name) values (gen_random_uuid(), '${a.firmId}', 'x')`)).rejects.toMatchObject({
          code: "42501",
        });
      } finally {
        await client.query("rollback");
        client.release();
      }
    });

    it("the owner's connection (sign-in, jobs) still sees every firm", async () => {
      const rows = await run(owner, "select count(distinct firm_id)::int as n from candidates");
      expect(rows[0]!.n).toBeGreaterThanOrEqual(2);
      expect(await run(owner, "select current_user as u")).not.toEqual([{ u: APP_ROLE }]);
    });

    it("a transaction through the scope keeps the role and firm for every statement, savepoints included", async () => {
      const seen = await asA.transaction(async (tx) => {
        const before = await run(tx as unknown as Db, "select current_user as u, current_setting('app.firm_id') as f");
        await tx.insert(s.clients).values({ firmId: a.firmId, name: "In a transaction" });
        const nested = await tx.transaction(async (inner) =>
          run(inner as unknown as Db, "select current_user as u, current_setting('app.firm_id') as f, count(*)::int as n from clients"),
        );
        return { before, nested };
      });
      expect(seen.before).toEqual([{ u: APP_ROLE, f: a.firmId }]);
      const [own] = await run(owner, `select count(*)::int as n from clients where firm_id = '${a.firmId}'`);
      expect(seen.nested).toEqual([{ u: APP_ROLE, f: a.firmId, n: own!.n }]);
    });

    it("a firm's role and id never outlive their transaction on a pooled connection", async () => {
      const pool = database.current.pool!;
      // Busy the pool through the scope — successes, failures and a rolled-back transaction.
      await Promise.all([
        ...Array.from({ length: 8 }, () => run(asA, "select 1")),
        run(asA, "select 1/0").catch(() => null),
        asA.transaction(async () => {
          throw new Error("rolled back");
        }).catch(() => null),
      ]);
      const clients = await Promise.all(Array.from({ length: pool.options.max ?? 4 }, () => pool.connect()));
      try {
        for (const c of clients) {
          const { rows } = await c.query("select current_user as u, coalesce(current_setting('app.firm_id', true), '') as f");
          expect(rows[0]).toEqual({ u: expect.not.stringMatching(APP_ROLE), f: "" });
        }
      } finally {
        for (const c of clients) c.release();
      }
    });

    it("refuses a firm id that is not a UUID before it reaches SQL", () => {
      expect(() => firmScopedDb(owner, "x'); select 1; --", a.recruiter.userId)).toThrow(/UUID/);
    });

    it("is what stops a leak when a filter is missing: with RLS off for a table, the same select sees firm B", async () => {
      // One transaction on the owner's connection, rolled back: disable RLS on
      // clients, then look as the app role for firm A.
      const client = await database.current.pool!.connect();
      try {
        await client.query("begin; alter table clients disable row level security");
        await client.query(`set local role ${APP_ROLE}; select set_config('app.firm_id', '${a.firmId}', true)`);
        const { rows } = await client.query("select distinct firm_id::text as f from clients");
        expect(rows.map((r) => r.f)).toContain(b.firmId);
      } finally {
        await client.query("rollback");
        client.release();
      }
    });
  },
);
