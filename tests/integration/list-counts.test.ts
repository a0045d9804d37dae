import { beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { findCandidates } from "@/db/queries/candidates";
import { COUNT_CAP } from "@/db/queries/keyset";
import { countLabel } from "@/lib/core/utils";
import { useFreshDatabase } from "../helpers/db";
import { createTestFirm, scopeOf, type TestFirm } from "../helpers/fixtures";

/** A big firm's lists count up to COUNT_CAP and say "1,000+" past it, whatever the filter. */
describe("record lists: counts past a thousand", () => {
  const database = useFreshDatabase();
  let big: TestFirm;
  let small: TestFirm;
  /** The candidates every test firm starts with. */
  let own: number;

  beforeAll(async () => {
    const db = database.current.db;
    big = await createTestFirm(db, "big");
    small = await createTestFirm(db, "small");
    own = (await findCandidates(scopeOf(db, big, big.recruiter), {})).total;
    const people = Array.from({ length: COUNT_CAP + 20 }, (_, i) => ({
      firmId: big.firmId,
      name: i < 30 ? `Quinn Harlow ${i}` : `Person ${String(i).padStart(4, "0")}`,
      email: `person${i}@mail.example`,
    }));
    await db.insert(s.candidates).values(people);
  });

  it("says 1,000+ for the whole list, and the exact count once a filter brings it under", async () => {
    const recruiter = scopeOf(database.current.db, big, big.recruiter);
    const all = await findCandidates(recruiter, { limit: 25 });
    expect(all).toMatchObject({ total: COUNT_CAP, totalCapped: true });
    expect(all.rows).toHaveLength(25);
    expect(all.next).not.toBeNull();
    expect(countLabel(all.total, all.totalCapped)).toBe("1,000+");

    // Keyset pages go on past the cap: the cursor, not the count, decides.
    let cursor = all.next;
    let seen = all.rows.length;
    while (cursor) {
      const page = await findCandidates(recruiter, { limit: 100, cursor });
      seen += page.rows.length;
      cursor = page.next;
    }
    expect(seen).toBe(COUNT_CAP + 20 + own);

    const some = await findCandidates(recruiter, { q: "Quinn Harlow" });
    expect(some).toMatchObject({ total: 30, totalCapped: false });
    expect(countLabel(some.total, some.totalCapped)).toBe("30");
  });

  it("counts a small firm exactly, and none of the big firm's rows", async () => {
    const page = await findCandidates(scopeOf(database.current.db, small, small.recruiter), {});
    expect(page).toMatchObject({ total: own, totalCapped: false });
    expect(own).toBeGreaterThan(0);
  });
});
