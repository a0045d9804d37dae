import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { candidateSearchText, clientSearchText, contactSearchText } from "@/db/schema/people";
import { findApplications } from "@/db/queries/applications";
import { findCandidates, listCandidateOptions } from "@/db/queries/candidates";
import { findClients, listClientOptions } from "@/db/queries/clients";
import { findContacts } from "@/db/queries/contacts";
import { searchCandidatesForDataRequest } from "@/db/queries/data-rights";
import { findInterviews } from "@/db/queries/interviews";
import { findJobs, listOwnerOptions } from "@/db/queries/jobs";
import { findTasks } from "@/db/queries/tasks";
import type { QueryScope } from "@/db/queries/scope";
import { RANKED_LIMIT, searchClose, searchContains } from "@/db/queries/search";
import { useFirm } from "../helpers/firms";
import { scopeOf } from "../helpers/fixtures";

/**
 * The record search: substring matches through the trigram indexes, ranked
 * closest first as one bounded page, close spellings when nothing contains
 * the term, and the user's own % and _ taken literally.
 */
describe("record search", () => {
  const { database, firm } = useFirm("search");
  let recruiter: QueryScope;

  const names = (page: { rows: readonly { name: string }[] }) => page.rows.map((r) => r.name);

  async function addCandidates(rows: { name: string; email?: string; headline?: string; phone?: string }[]) {
    await database.current.db.insert(s.candidates).values(
      rows.map((r, i) => ({
        firmId: firm.firmId,
        name: r.name,
        email: r.email ?? `person-${r.name.toLowerCase().replace(/[^a-z]/g, "")}-${i}@search.test`,
        headline: r.headline ?? "",
        phone: r.phone ?? "",
      })),
    );
  }

  beforeAll(async () => {
    recruiter = scopeOf(database.current.db, firm, firm.recruiter);
    await addCandidates([
      { name: "Esquille Dorn" },
      { name: "Quillon Ash" },
      { name: "Mara Quill" },
      { name: "Bo Quill" },
      { name: "Al Quill" },
      { name: "Kim Anderson" },
      { name: "Per Cent", headline: "100% remote lead" },
      { name: "Hundred Remote", headline: "1000 remote lead" },
      { name: "Under Score", email: "x_y@search.test" },
      { name: "No Score", email: "xzy@search.test" },
      { name: "Tess Number", phone: "(646) 555-0199" },
    ]);
  });

  it("ranks the closest match first, then in the list's usual order (name)", async () => {
    const page = await findCandidates(recruiter, { q: "quill" });
    // Whole-word matches (ties, by name), then a word starting with the term, then one containing it.
    expect(names(page)).toEqual(["Al Quill", "Bo Quill", "Mara Quill", "Quillon Ash", "Esquille Dorn"]);
    expect(page).toMatchObject({ total: 5, next: null, prev: null });
    expect("closeSpellings" in page && page.closeSpellings).toBeFalsy();
  });

  it("matches part of an email or phone number as typed, in any case", async () => {
    expect(names(await findCandidates(recruiter, { q: "X_Y@SEARCH" }))).toEqual(["Under Score"]);
    expect(names(await findCandidates(recruiter, { q: "555-0199" }))).toEqual(["Tess Number"]);
    // Two characters: no trigram to look up, the same answer from a scan.
    expect(names(await findCandidates(recruiter, { q: "al" }))).toContain("Al Quill");
  });

  it("takes % and _ literally", async () => {
    expect(names(await findCandidates(recruiter, { q: "100%" }))).toEqual(["Per Cent"]);
    expect(names(await findCandidates(recruiter, { q: "x_y" }))).toEqual(["Under Score"]);
    expect((await findCandidates(recruiter, { q: "%" })).rows.map((r) => r.name)).toEqual(["Per Cent"]);
    expect((await findCandidates(recruiter, { q: "\\" })).total).toBe(0);
  });

  it("finds close spellings of a name when nothing contains the term, and says so", async () => {
    const page = await findCandidates(recruiter, { q: "Andersen" });
    expect(names(page)).toEqual(["Kim Anderson"]);
    expect(page).toMatchObject({ closeSpellings: true, total: 1 });
    // Numbers and emails are never matched loosely.
    expect((await findCandidates(recruiter, { q: "555-0198" })).total).toBe(0);
    expect((await findCandidates(recruiter, { q: "x_z@search" })).total).toBe(0);
  });

  it("answers at most the closest RANKED_LIMIT as one page, counting every match", async () => {
    const many = RANKED_LIMIT + 3;
    await addCandidates(Array.from({ length: many }, (_, i) => ({ name: `Bulk Zephyrine ${String(i).padStart(3, "0")}` })));
    const page = await findCandidates(recruiter, { q: "zephyrine" });
    expect(page.rows).toHaveLength(RANKED_LIMIT);
    expect(page).toMatchObject({ total: many, next: null, prev: null });
    // Equally close: in name order, so the first page of the name sort is the start of it.
    expect(names(page)[0]).toBe("Bulk Zephyrine 000");
  });

  it("pages through every match by keyset when a column order is chosen", async () => {
    const seen: string[] = [];
    let page = await findCandidates(recruiter, { q: "zephyrine", sort: "name", limit: 20 });
    seen.push(...page.rows.map((r) => r.id));
    while (page.next) {
      page = await findCandidates(recruiter, { q: "zephyrine", sort: "name", limit: 20, cursor: page.next });
      seen.push(...page.rows.map((r) => r.id));
    }
    expect(seen).toHaveLength(RANKED_LIMIT + 3);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("finds contacts by their own fields or their client's name, closest first", async () => {
    const db = database.current.db;
    const [client] = await db
      .insert(s.clients)
      .values({ firmId: firm.firmId, name: "Brightwater Foods" })
      .returning({ id: s.clients.id });
    await db.insert(s.contacts).values([
      { firmId: firm.firmId, clientId: client!.id, name: "Olga Brightwater", email: "olga@brightwater.example" },
      { firmId: firm.firmId, clientId: client!.id, name: "Sam Ruiz", email: "sam@elsewhere.example" },
    ]);
    const page = await findContacts(recruiter, { q: "brightwater" });
    expect(names(page).sort()).toEqual(["Olga Brightwater", "Sam Ruiz"]);
    expect(names(await findContacts(recruiter, { q: "sam@else" }))).toEqual(["Sam Ruiz"]);
    const close = await findContacts(recruiter, { q: "Brightwatr" });
    expect(close).toMatchObject({ closeSpellings: true });
    expect(names(close).sort()).toEqual(["Olga Brightwater", "Sam Ruiz"]);
  });

  it("finds clients by name, industry or website, and close spellings", async () => {
    const db = database.current.db;
    await db.insert(s.clients).values([
      { firmId: firm.firmId, name: "Northwind Logistics", industry: "Freight" },
      { firmId: firm.firmId, name: "Logistica Partners", industry: "Consulting" },
    ]);
    expect(names(await findClients(recruiter, { q: "logistics" }))).toEqual(["Northwind Logistics"]);
    expect(names(await findClients(recruiter, { q: "freight" }))).toEqual(["Northwind Logistics"]);
    const close = await findClients(recruiter, { q: "Logistcs" });
    expect(close).toMatchObject({ closeSpellings: true });
    expect(names(close)).toContain("Northwind Logistics");
  });

  it("reads control characters in a term (NUL, which PostgreSQL refuses) as absent, in every list and menu", async () => {
    // A forged URL or a paste can carry them; no keyboard types them, and no record holds them.
    expect(names(await findCandidates(recruiter, { q: "qu\u0000ill\u0007" }))).toEqual(names(await findCandidates(recruiter, { q: "quill" })));
    const all = await findClients(recruiter, {});
    for (const q of ["\u0000", " \u0000 \u001f"]) {
      expect((await findClients(recruiter, { q })).total).toBe(all.total);
      for (const list of [findCandidates, findContacts, findJobs, findApplications, findInterviews, findTasks] as const) {
        await expect(list(recruiter, { q })).resolves.toMatchObject({ rows: expect.any(Array) });
      }
      await expect(listCandidateOptions(recruiter, { q })).resolves.toEqual(expect.any(Array));
      await expect(listClientOptions(recruiter, { q })).resolves.toMatchObject({ items: expect.any(Array) });
      await expect(listOwnerOptions(recruiter, { q })).resolves.toMatchObject({ items: expect.any(Array) });
      expect(await searchCandidatesForDataRequest(recruiter, `Quill${q}`)).toEqual(await searchCandidatesForDataRequest(recruiter, "Quill"));
    }
  });

  it("is served by each table's trigram index (matches and close spellings)", async () => {
    const db = database.current.db;
    const shapes = [
      { index: "candidates_search_trgm_idx", table: s.candidates, text: candidateSearchText(s.candidates) },
      { index: "contacts_search_trgm_idx", table: s.contacts, text: contactSearchText(s.contacts) },
      { index: "clients_search_trgm_idx", table: s.clients, text: clientSearchText(s.clients) },
    ];
    for (const { index, table, text } of shapes) {
      for (const condition of [searchContains(text, "quill"), searchClose(text, "Andersen")!]) {
        const plan = await db.transaction(async (tx) => {
          // The tables are small here: forbid the scan to prove the index can serve this exact shape.
          await tx.execute(sql`set local enable_seqscan = off`);
          const r = (await tx.execute(sql`explain select 1 from ${table} where ${condition}`)) as unknown as {
            rows: { "QUERY PLAN": string }[];
          };
          return r.rows.map((x) => x["QUERY PLAN"]).join("\n");
        });
        expect(plan, plan).toContain(`Bitmap Index Scan on ${index}`);
      }
    }
  });
});
